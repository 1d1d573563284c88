"""``evalframe trace``: instruction records with the stack after, filters, JSON stream."""

from ._run import SEED, evalframe, json_events, write_program

KINDS = {"header", "call", "line", "instr", "return", "exception", "output", "end"}


def test_seed_trace_plain():
    r = evalframe("trace", SEED)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "3" in lines                      # the program's own output is there
    add = [l for l in lines if "BINARY_ADD" in l]
    assert len(add) == 1 and add[0].rstrip().endswith("| 3")
    assert any("--> call add(x=1, y=2)" in l for l in lines)
    assert any("<-- return 3" in l for l in lines)
    assert "\x1b[" not in r.stdout           # plain text when piped


def test_seed_trace_color_forced():
    r = evalframe("trace", "--color", SEED)
    assert r.returncode == 0, r.stderr
    assert "\x1b[" in r.stdout


def test_json_stream_schema():
    r = evalframe("trace", "--json", SEED)
    assert r.returncode == 0, r.stderr
    events = json_events(r.stdout)
    assert events[0]["kind"] == "header" and events[0]["schema"] == "evalframe-trace/1"
    assert events[-1]["kind"] == "end" and events[-1]["status"] == 0
    steps = [e["step"] for e in events]
    assert steps == sorted(steps) and len(set(steps)) == len(steps)
    assert {e["kind"] for e in events} <= KINDS
    instrs = [e for e in events if e["kind"] == "instr"]
    # every instruction of seed_add runs once: 13 in <module>, 4 in add
    assert len(instrs) == 17
    assert events[-1]["steps"] == 17
    for e in instrs:
        for field in ("frame", "parent", "depth", "code", "file", "line", "offset", "opname",
                      "arg", "stack"):
            assert field in e, (field, e)
    add = [e for e in instrs if e["code"] == "add"]
    assert [e["opname"] for e in add] == ["LOAD_FAST", "LOAD_FAST", "BINARY_ADD", "RETURN_VALUE"]
    assert add[2]["stack"] == ["3"] and add[0]["depth"] == 1
    mod = [e for e in instrs if e["code"] == "<module>"]
    assert add[0]["parent"] == mod[0]["frame"]
    store = [e for e in mod if e["opname"] == "STORE_NAME"][0]
    assert store["locals"] == {"add": "<function add>"}
    out = [e for e in events if e["kind"] == "output"]
    assert "".join(e["value"] for e in out) == "3\n"


def test_filters(tmp_path):
    prog = write_program(tmp_path, """\
        def inner(n):
            return n * 2

        def outer(n):
            return inner(n) + 1

        print(outer(3))
        """)
    r = evalframe("trace", "--json", "--function", "inner", prog)
    codes = {e["code"] for e in json_events(r.stdout) if "code" in e}
    assert codes == {"inner"}
    r = evalframe("trace", "--json", "--show-depth", "1", prog)
    codes = {e["code"] for e in json_events(r.stdout) if "code" in e}
    assert codes == {"<module>", "outer"}
    r = evalframe("trace", "--json", "--lines", prog)
    events = json_events(r.stdout)
    assert not [e for e in events if e["kind"] == "instr"]
    assert [(e["code"], e["line"]) for e in events if e["kind"] == "line"] == [
        ("<module>", 1), ("<module>", 4), ("<module>", 7), ("outer", 5), ("inner", 2)]


def test_max_steps_stops_with_status_3(tmp_path):
    prog = write_program(tmp_path, """\
        try:
            while True:
                pass
        except BaseException:
            print('the guest must not see the stop')
        finally:
            print('nor run its finally')
        """)
    r = evalframe("trace", "--max-steps", "50", prog)
    assert r.returncode == 3
    assert "stopped after 50 instructions" in r.stderr
    assert "guest" not in r.stdout and "finally" not in r.stdout.replace("SETUP_FINALLY", "")


def test_guest_reprs_are_never_called(tmp_path):
    prog = write_program(tmp_path, """\
        class Loud:
            def __repr__(self):
                print('REPR CALLED')
                while True:
                    pass

        x = [Loud(), 1]
        print(len(x))
        """)
    r = evalframe("trace", prog, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "REPR CALLED" not in r.stdout
    assert "[<Loud object>, 1]" in r.stdout


def test_guest_exception_is_traced_and_reported(tmp_path):
    prog = write_program(tmp_path, """\
        def f():
            return 1 / 0
        f()
        """)
    r = evalframe("trace", "--json", prog)
    assert r.returncode == 1
    assert "ZeroDivisionError: division by zero" in r.stderr
    events = json_events(r.stdout)
    exc = [(e["code"], e["value"]) for e in events if e["kind"] == "exception"]
    assert exc == [("f", "ZeroDivisionError: division by zero"),
                   ("<module>", "ZeroDivisionError: division by zero")]
    left = [e["code"] for e in events if e["kind"] == "return" and e.get("note") == "exception"]
    assert left == ["f", "<module>"]
    assert events[-1]["status"] == 1


def test_generator_and_yield_records(tmp_path):
    prog = write_program(tmp_path, """\
        def g():
            yield 1
            yield 2
        print(sum(g()))
        """)
    r = evalframe("trace", "--json", prog)
    assert r.returncode == 0, r.stderr
    events = json_events(r.stdout)
    g = [e for e in events if e.get("code") == "g" and e["kind"] in ("call", "return")]
    assert [(e["kind"], e.get("note"), e.get("value")) for e in g] == [
        ("call", None, ""), ("return", "yield", "1"), ("call", "resumed", None),
        ("return", "yield", "2"), ("call", "resumed", None), ("return", None, "None")]


def test_json_stream_reads_back_with_read_stream():
    # evalframe.tools.events.read_stream: the reader for tools consuming --json
    import json
    from evalframe.tools.events import Event, read_stream
    r = evalframe("trace", "--json", SEED)
    assert r.returncode == 0, r.stderr
    lines = [l for l in r.stdout.splitlines() if l.strip()]
    events = list(read_stream(lines + ["", "  "]))
    assert len(events) == len(lines) and all(type(e) is Event for e in events)
    assert [e.as_dict() for e in events] == [json.loads(l) for l in lines]
    assert {e.kind for e in events} >= {"header", "call", "instr", "return", "end"}
