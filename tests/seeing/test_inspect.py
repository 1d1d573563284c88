"""``evalframe inspect``: every co_* field, nested code objects, function attributes."""

import json

from evalframe.tools import inspector

from ._run import SEED, evalframe, write_program

PROGRAM = """\
def make_adder(n, *, scale: int = 2):
    def add(x, y=1):
        return (x + y + n) * scale
    return add

class Point:
    def __init__(self, x):
        self.x = x

adder = make_adder(10)
print(adder(1))
"""


def test_seed_all_fields_and_disassembly():
    r = evalframe("inspect", "--no-run", SEED)
    assert r.returncode == 0, r.stderr
    for field in inspector.CODE_FIELDS:
        assert r.stdout.count(field) >= 2, field          # <module> and add
    assert "code object <module>" in r.stdout and "code object add" in r.stdout
    assert "BINARY_ADD" in r.stdout and "MAKE_FUNCTION" in r.stdout
    # fields and disassembly side by side: one line holds both
    assert any(l.startswith("co_argcount") and "disassembly:" in l
               for l in r.stdout.splitlines())


def test_json_records_match_the_code_objects(tmp_path):
    prog = write_program(tmp_path, PROGRAM)
    r = evalframe("inspect", "--json", prog)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    names = [c["co_qualname"] for c in data["code_objects"]]
    assert names == ["<module>", "make_adder", "make_adder.<locals>.add", "Point",
                     "Point.__init__"]
    add = data["code_objects"][2]
    assert add["co_freevars"] == ["n", "scale"] and add["co_varnames"] == ["x", "y"]
    assert "LOAD_DEREF" in add["disassembly"]
    funcs = {f["path"]: f for f in data["functions"]}
    assert set(funcs) == {"make_adder", "Point.__init__", "adder"}
    assert funcs["adder"]["__closure__"] == ["n: cell -> 10", "scale: cell -> 2"]
    assert funcs["adder"]["__defaults__"] == "(1,)"
    assert funcs["make_adder"]["__kwdefaults__"] == "{'scale': 2}"
    assert funcs["make_adder"]["__annotations__"] == {"scale": "<class 'int'>"}
    assert "adder" in funcs["adder"]["__globals__"]
    assert funcs["adder"]["__qualname__"] == "make_adder.<locals>.add"


def test_name_filter_and_no_run(tmp_path):
    prog = write_program(tmp_path, PROGRAM)
    r = evalframe("inspect", "--no-run", prog, "add")
    assert r.returncode == 0, r.stderr
    assert "code object make_adder.<locals>.add" in r.stdout
    assert "code object <module>" not in r.stdout
    assert "function " not in r.stdout                     # nothing was run
    r = evalframe("inspect", prog, "add")
    assert "function adder" in r.stdout and "n: cell -> 10" in r.stdout
    assert "24" in r.stderr                               # the program's output, kept apart
    r = evalframe("inspect", "--no-run", prog, "nosuchname")
    assert r.returncode == 1
