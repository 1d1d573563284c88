"""A stand-in code is never taken for one of the VM's own host codes.

runtime/tracebacks.add_entry drops the VM's host frames at the head of a
traceback until the first stand-in entry, testing the VM's table first: a
stand-in of a guest file inside the evalframe package (the VM running its own
modules as guest code) must not be in that table as the VM's, or its entry
would be dropped with them.
"""

import os

from evalframe.runtime import tracebacks


def test_standin_of_a_file_in_the_package_is_not_vm_code():
    filename = os.path.join(tracebacks._PKG_DIR, "guest_module_in_the_package.py")
    code = tracebacks._standin_code((filename, "f", "f", 1, (2, 2, 4, 9), 2))
    assert tracebacks._is_vm_code(code) is False
    # (asked again: the table's answer)
    assert tracebacks._is_vm_code(code) is False
    assert not tracebacks._vm_code.get(id(code))


def test_vm_code_is_vm_code():
    assert tracebacks._is_vm_code(tracebacks.add_entry.__code__) is True
