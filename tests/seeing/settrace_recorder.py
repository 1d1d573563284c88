"""A sys.settrace recorder, run as a guest program: ``recorder.py PROGRAM OUT.json``.

It compiles PROGRAM, installs a global trace function and executes the program's
code with it, recording every event of frames whose code comes from PROGRAM as
(event, co_name, f_lineno, arg summary).  The same file runs under CPython 3.10
(to record the reference sequences) and inside evalframe (``evalframe run
settrace_recorder.py PROGRAM OUT.json``), so the two sequences are comparable
event for event.  It mirrors no part of CPython; it is a test instrument for
evalframe/runtime/settrace.py.

Only builtins and sys are used, so the instrument itself is simple guest code.
"""

import sys

_SIMPLE = (int, float, str, bool, type(None))


def summarize(event, arg):
    """A version-independent summary of a trace event's ``arg``."""
    if event == "exception":
        return arg[0].__name__
    if event == "return":
        if type(arg) in _SIMPLE:
            return repr(arg)
        if type(arg) is tuple and all(type(x) in _SIMPLE for x in arg):
            return repr(arg)
        return "<%s>" % type(arg).__name__
    return None


def record(path, out_path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    code = compile(source, path, "exec")
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_filename != path:
            return None
        events.append([event, frame.f_code.co_name, frame.f_lineno,
                       summarize(event, arg)])
        return tracer

    main_globals = {"__name__": "__main__", "__file__": path,
                    "__builtins__": __builtins__}
    outcome = "ok"
    sys.settrace(tracer)
    try:
        exec(code, main_globals)
    except BaseException as exc:  # the program's own uncaught exception
        outcome = type(exc).__name__
    finally:
        sys.settrace(None)
    sys.stdout.flush()
    with open(out_path, "w", encoding="utf-8") as f:
        f.write('{"outcome": "%s", "events": [\n' % outcome)
        f.write(",\n".join(_dump(e) for e in events))
        f.write("\n]}\n")


def _dump(entry):
    """One event as a JSON array (no json module: keep the guest's imports minimal)."""
    parts = []
    for item in entry:
        if item is None:
            parts.append("null")
        elif type(item) is int:
            parts.append(str(item))
        else:
            parts.append('"%s"' % item.replace("\\", "\\\\").replace('"', '\\"'))
    return "[" + ", ".join(parts) + "]"


if __name__ == "__main__":
    record(sys.argv[1], sys.argv[2])
