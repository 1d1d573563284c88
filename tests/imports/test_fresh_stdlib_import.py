"""A guest importing a fresh copy of a module the compiler itself uses.

Under ``--vm-modules=all`` ``test.support.import_helper.import_fresh_module``
(test_ordered_dict, test_heapq, test_bisect...) removes ``collections`` from
``sys.modules`` and imports it again in the VM.  While that copy is partially
initialised the VM compiles it; with a fixed hash seed the compiler notes the
source's identifiers, and did so with ``ast.walk``, which imports
``collections.deque`` when called: it found the guest's half-made module
(``ImportError: cannot import name 'deque' from partially initialized module
'collections'``: all 283 tests of test_ordered_dict lost in the regrtest run).
"""

import pytest

from ._support import assert_same, require_pipeline, run_evalframe, run_host, write_tree

PROGRAM = '''
from test.support import import_helper
py_coll = import_helper.import_fresh_module("collections", blocked=["_collections"])
c_coll = import_helper.import_fresh_module("collections", fresh=["_collections"])
print(py_coll.OrderedDict is not c_coll.OrderedDict, c_coll.deque.__name__)
od = py_coll.OrderedDict(a=1, b=2)
od.move_to_end("a")
print(list(od), type(od).__module__)
'''


@pytest.mark.parametrize("hashseed", ["0", "1234"])
def test_fresh_collections_in_the_vm(tmp_path, hashseed):
    require_pipeline()
    write_tree(tmp_path, {"prog.py": PROGRAM})
    env = {"PYTHONHASHSEED": hashseed}
    host = run_host(["prog.py"], tmp_path, extra_env=env)
    vm = run_evalframe(["prog.py"], tmp_path, vm_modules="all", extra_env=env)
    assert host.status == 0, host
    assert_same(host, vm)
