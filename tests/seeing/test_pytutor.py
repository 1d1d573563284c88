"""``evalframe trace --format pytutor``: Python Tutor's trace JSON (pg_logger.py's format)."""

import json
import os

import pytest

from ._run import SEED, evalframe, write_program

ENTRY_KEYS = {"line", "event", "func_name", "globals", "ordered_globals", "stack_to_render",
              "heap", "stdout"}
FRAME_KEYS = {"func_name", "is_parent", "frame_id", "parent_frame_id_list", "encoded_locals",
              "ordered_varnames", "is_zombie", "is_highlighted", "unique_hash"}
EVENTS = {"step_line", "call", "return", "exception", "uncaught_exception",
          "instruction_limit_reached"}


def pytutor(*args):
    r = evalframe("trace", "--format", "pytutor", *args)
    return r, json.loads(r.stdout)


def refs(value):
    """Every heap id an encoded value points at."""
    if isinstance(value, list):
        if len(value) == 2 and value[0] == "REF":
            yield value[1]
        else:
            for v in value:
                yield from refs(v)


def check_structure(doc):
    """What Python Tutor's front end relies on, for every entry."""
    assert set(doc) == {"code", "trace"}
    assert isinstance(doc["code"], str) and doc["trace"]
    for e in doc["trace"]:
        assert e["event"] in EVENTS
        if e["event"] in ("uncaught_exception", "instruction_limit_reached"):
            assert isinstance(e["exception_msg"], str)
            continue
        assert set(e) - {"exception_msg"} == ENTRY_KEYS, e.keys()
        assert isinstance(e["line"], int) and isinstance(e["stdout"], str)
        assert list(e["globals"]) == [k for k in e["ordered_globals"]] or \
            set(e["globals"]) == set(e["ordered_globals"])
        heap_ids = {int(k) for k in e["heap"]}
        for value in list(e["globals"].values()) + list(e["heap"].values()):
            assert set(refs(value)) <= heap_ids
        ids = [f["frame_id"] for f in e["stack_to_render"]]
        assert ids == sorted(ids)
        for f in e["stack_to_render"]:
            assert set(f) == FRAME_KEYS
            assert list(f["encoded_locals"]) == f["ordered_varnames"] or \
                set(f["encoded_locals"]) == set(f["ordered_varnames"])
            for value in f["encoded_locals"].values():
                assert set(refs(value)) <= heap_ids
        highlighted = [f for f in e["stack_to_render"] if f["is_highlighted"]]
        assert len(highlighted) <= 1


def test_seed_steps_and_values():
    r, doc = pytutor(SEED)
    assert r.returncode == 0, r.stderr
    check_structure(doc)
    assert doc["code"] == open(SEED).read()
    steps = [(e["event"], e["line"], e["func_name"]) for e in doc["trace"]]
    # what pg_logger records for this program under CPython
    assert steps == [("step_line", 1, "<module>"), ("step_line", 4, "<module>"),
                     ("call", 1, "add"), ("step_line", 2, "add"), ("return", 2, "add"),
                     ("return", 4, "<module>")]
    call = doc["trace"][2]
    assert call["globals"] == {"add": ["REF", 1]} and call["ordered_globals"] == ["add"]
    assert call["heap"] == {"1": ["FUNCTION", "add(x, y)", None]}
    (frame,) = call["stack_to_render"]
    assert frame["encoded_locals"] == {"x": 1, "y": 2}
    assert frame["ordered_varnames"] == ["x", "y"]
    assert frame["frame_id"] == 1 and frame["is_highlighted"] and not frame["is_zombie"]
    assert frame["unique_hash"] == "add_f1"
    ret = doc["trace"][4]
    assert ret["stack_to_render"][0]["encoded_locals"]["__return__"] == 3
    assert ret["stack_to_render"][0]["ordered_varnames"][-1] == "__return__"
    assert doc["trace"][-1]["stdout"] == "3\n"
    assert doc["trace"][3]["stdout"] == ""


def test_closure_parent_frame_is_exact():
    r, doc = pytutor(os.path.join(CORPUS, "closure.py"))
    assert r.returncode == 0, r.stderr
    check_structure(doc)
    trace = doc["trace"]
    # inside the second call of inc: the defining frame is a zombie parent
    calls = [e for e in trace if e["event"] == "call" and e["func_name"] == "inc"]
    assert len(calls) == 2
    second = calls[1]
    parent, inc = second["stack_to_render"]
    assert parent["func_name"] == "make_counter" and parent["frame_id"] == 1
    assert parent["is_parent"] and parent["is_zombie"] and not parent["is_highlighted"]
    assert parent["encoded_locals"]["count"] == 11        # the shared cell's value
    assert parent["unique_hash"] == "make_counter_f1_p_z"
    assert inc["func_name"] == "inc" and inc["frame_id"] == 3
    assert inc["parent_frame_id_list"] == [1] and inc["encoded_locals"] == {"step": 5}
    # the function object names its parent frame and its default
    ref = second["globals"]["c"]
    assert second["heap"][str(ref[1])] == ["FUNCTION", "inc(step)", 1, [["step", 1]]]
    # the same object everywhere: c in globals, inc in the parent's locals
    assert parent["encoded_locals"]["inc"] == ref
    # the cell after the last call, and aliasing in a list
    last = trace[-1]
    assert last["event"] == "return" and last["func_name"] == "<module>"
    assert last["stack_to_render"][0]["encoded_locals"]["count"] == 16
    data = last["heap"][str(last["globals"]["data"][1])]
    assert data[0] == "LIST" and data[1] == ref
    assert last["heap"][str(data[2][1])] == ["TUPLE", 1, 2.5]
    assert last["heap"][str(data[3][1])] == ["DICT", ["k", None]]
    assert last["stdout"] == "11\n16\n"


def test_exceptions_and_limits(tmp_path):
    prog = write_program(tmp_path, """\
        def f():
            return 1 / 0
        try:
            f()
        except ZeroDivisionError:
            pass
        x = 3.0
        f()
        """)
    r, doc = pytutor(prog)
    assert r.returncode == 1 and "ZeroDivisionError" in r.stderr
    check_structure(doc)
    exc = [e for e in doc["trace"] if e["event"] == "exception"]
    assert exc[0]["exception_msg"] == "ZeroDivisionError: division by zero"
    assert exc[0]["func_name"] == "f" and exc[0]["line"] == 2
    # as pg_logger: the uncaught exception is the last 'exception' entry, with no
    # 'uncaught_exception' after it and the module's return dropped
    last = doc["trace"][-1]
    assert (last["event"], last["func_name"], last["line"]) == ("exception", "<module>", 8)
    assert not [e for e in doc["trace"] if e["event"] == "uncaught_exception"]
    floats = [e["globals"]["x"] for e in doc["trace"] if "x" in e.get("globals", {})]
    assert floats[0] == ["SPECIAL_FLOAT", "3.0"]
    loop = write_program(tmp_path, "i = 0\nwhile True:\n    i += 1\n", "loop.py")
    r, doc = pytutor("--max-steps", "200", loop)
    assert r.returncode == 3
    check_structure(doc)
    assert doc["trace"][-1] == {"event": "instruction_limit_reached",
                                "exception_msg": "evalframe: stopped after 200 instructions "
                                                 "(--max-steps 200)"}


def test_syntax_error_is_one_entry(tmp_path):
    r, doc = pytutor(write_program(tmp_path, "x = (\n"))
    assert r.returncode == 1
    (entry,) = doc["trace"]
    assert entry["event"] == "uncaught_exception" and entry["line"] == 1
    assert entry["exception_msg"].startswith("SyntaxError")


CORPUS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "pytutor_corpus")
PROGRAMS = sorted(name[:-3] for name in os.listdir(CORPUS) if name.endswith(".py"))


@pytest.mark.parametrize("name", PROGRAMS)
def test_same_trace_as_python_tutor(name):
    """Differential: entry for entry, the trace Python Tutor's pg_logger wrote for
    the same program under CPython 3.10 (tests/seeing/pytutor_corpus/README.md)."""
    with open(os.path.join(CORPUS, "expected", name + ".json"), encoding="utf-8") as f:
        expected = json.load(f)
    r, doc = pytutor(os.path.join(CORPUS, name + ".py"))
    check_structure(doc)
    assert doc["code"] == expected["code"]
    got = doc["trace"]
    want = expected["trace"]
    for i, (g, w) in enumerate(zip(got, want)):
        assert g == w, "entry %d (%s line %s) differs" % (i, w.get("event"), w.get("line"))
    assert len(got) == len(want)
