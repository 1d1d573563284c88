# The events of compile(), exec(), eval(), open() and sys._getframe reach a guest's audit hook with CPython's arguments.
import sys, ast
log = []
WANT = ("compile", "exec", "open", "sys._getframe")
def hook(event, args):
    if event in WANT:
        log.append((event, args))
tree = ast.parse("q = 1")
sys.addaudithook(hook)
def show():
    for event, args in log:
        if event == "compile":
            print(event, args[0] if isinstance(args[0], bytes) else type(args[0]).__name__, args[1])
        elif event == "exec":
            print(event, type(args[0]).__name__, args[0].co_filename, args[0].co_name)
        elif event == "open":
            print(event, args[0].rsplit("/", 1)[-1] if isinstance(args[0], str) else args[0], args[1])
        else:
            print(event, type(args[0]).__name__, args[0].f_code.co_name)
    del log[:]
code = compile("x = 1", "<s>", "exec")
compile(b"y = 2", b"bf", "exec")
compile(memoryview(b"3"), "mv", "eval")
compile(tree, "tree", "exec")
compile("4", "only", "eval", ast.PyCF_ONLY_AST)
compile(tree, "tree", "exec", ast.PyCF_ONLY_AST)
show()
exec(code)
exec("y = 2")
print(eval("1 + 1"), eval(code))
show()
def caller():
    return sys._getframe()
caller()
show()
with open(__file__) as f:
    pass
try:
    open("/nonexistent-dir-audit/zz", "rb")
except OSError:
    pass
show()
