"""Issue 10 point 5: exceptions that CPython handles, the VM handles the same way."""

import pytest

from ._support import MODES, host, vm, same

PROGRAMS = [
    "exc_traceback_property.py",     # an exception class with a __traceback__ property
    "excepthook_raises.py",          # 'Error in sys.excepthook:' / 'Original exception was:'
    "excepthook_exits.py",           # a hook raising SystemExit
    "exit_str_raises.py",            # sys.exit(obj) whose str() raises
    "module_builtins_rebound.py",    # module-level __builtins__ = {...} and later functions
    "functiontype_module_code.py",   # types.FunctionType(module_code, g)()
    "repr_recursion.py",             # repr(self) inside __repr__
]


@pytest.mark.parametrize("mode", sorted(MODES))
@pytest.mark.parametrize("prog", PROGRAMS)
def test_program(prog, mode):
    same(host(prog), vm(prog, extra_env=MODES[mode]))
