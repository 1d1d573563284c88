# Traceback objects: frames, line numbers and function names seen through the traceback module.
import traceback, sys
def a():
    b()
def b():
    c()
def c():
    raise ValueError("deep")
try:
    a()
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(names)
    for fs in traceback.extract_tb(e.__traceback__):
        print(fs.name, fs.lineno, fs.line)
    print("".join(traceback.format_exception_only(type(e), e)), end="")
def formatted():
    try:
        {}["x"]
    except KeyError:
        text = traceback.format_exc()
        return [line for line in text.splitlines() if not line.startswith("  File")]
print(formatted())
def stack_names():
    return [f.name for f in traceback.extract_stack()][-3:]
def caller():
    return stack_names()
print(caller())
try:
    exec("def boom():\n    return 1 / 0\nboom()", {"__name__": "execd"})
except ZeroDivisionError as e:
    print([(fs.name, fs.lineno, fs.filename) for fs in traceback.extract_tb(e.__traceback__)][1:])
def frame_walk():
    f = sys._getframe()
    out = []
    while f is not None:
        out.append(f.f_code.co_name)
        f = f.f_back
    return out
def outer_frame():
    return frame_walk()
print(outer_frame())
print(sys._getframe().f_lineno, sys._getframe(0).f_code.co_filename == __file__)
