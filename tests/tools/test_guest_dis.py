"""``dis`` of guest code inside the VM, on every host (runtime/guestdis.py).

Regression tests for issue 11 point 3: ``dis.dis(guest_function)`` and
``evalframe run -m dis FILE`` failed on 3.11+ hosts (``'Code' object has no
attribute 'co_exceptiontable'``).  The oracle is CPython 3.10 running the same
program: evalframe's code objects hold 3.10 bytecode on every host.
"""

import subprocess

from evalframe_testing import reference_or_skip, run_evalframe

PROG = '''\
import dis
def f(a, b=1):
    return a + b * 2
dis.dis(f)
print(dis.code_info(f))
print([i.opname for i in dis.get_instructions(f)])
class K:
    def m(self):
        return [x for x in range(3)]
dis.dis(K)
print(dis.Bytecode(f).dis())
dis.dis("x + 1")
'''

SMALL = "x = 1\nprint(x + 2)\n"


def _ref(cmd, args, cwd):
    return subprocess.run(cmd + args, cwd=cwd, capture_output=True, text=True, timeout=60)


def _mask(text):
    import re
    return re.sub(r"0x[0-9a-f]+", "0x...", text)


def test_dis_of_guest_functions_prints_the_vm_bytecode(tmp_path):
    cmd = reference_or_skip()
    (tmp_path / "prog.py").write_text(PROG)
    ref = _ref(cmd, ["prog.py"], tmp_path)
    assert ref.returncode == 0, ref.stderr
    vm = run_evalframe(["run", "prog.py"], cwd=tmp_path)
    assert (vm.returncode, vm.stderr) == (0, "")
    assert _mask(vm.stdout) == _mask(ref.stdout)


def test_run_m_dis_prints_what_python310_m_dis_prints(tmp_path):
    cmd = reference_or_skip()
    (tmp_path / "small.py").write_text(SMALL)
    ref = _ref(cmd, ["-m", "dis", "small.py"], tmp_path)
    vm = run_evalframe(["run", "-m", "dis", "small.py"], cwd=tmp_path)
    assert (vm.returncode, vm.stderr) == (0, "")
    assert vm.stdout == ref.stdout
    assert "BINARY_ADD" in vm.stdout
