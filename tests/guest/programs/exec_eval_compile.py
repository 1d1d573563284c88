# exec, eval and compile: namespaces, modes, closures over exec'd code, errors.
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("y", {}, {"y": "local"}))
ns = {}
exec("a = 5\ndef f(n):\n    return n * a\nb = f(3)", ns)
print(ns["a"], ns["b"], ns["f"](10), sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
code = compile("total = sum(range(n))", "<generated>", "exec")
loc = {"n": 10}
exec(code, {}, loc)
print(loc["total"], code.co_filename, code.co_name)
expr = compile("p ** 2", "<expr>", "eval")
print([eval(expr, {"p": p}) for p in range(5)])
single = compile("40 + 2", "<single>", "single")
exec(single)
x = 100
def uses_exec():
    y = 7
    exec("print('inside exec sees', x, y)")
    return eval("x + y")
print(uses_exec())
g = {"__name__": "fake_module"}
exec("import math\nresult = math.sqrt(16)\nname = __name__", g)
print(g["result"], g["name"], "math" in g)
for bad, mode in [("1 +", "eval"), ("def", "exec"), ("x = 1", "eval"), ("return 5", "exec"), ("  indented", "exec")]:
    try:
        compile(bad, "<bad>", mode)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno, e.filename)
try:
    eval("undefined_thing")
except NameError as e:
    print("NameError:", e)
try:
    exec("raise ValueError('from exec')")
except ValueError as e:
    print("ValueError:", e)
src = """
class Dyn:
    def hello(self):
        return 'hello from ' + type(self).__name__
obj = Dyn()
"""
env = {}
exec(src, env)
print(env["obj"].hello(), env["Dyn"].__module__ if "__name__" in env else env["Dyn"].__module__)
print(eval("[i * j for i in range(3) for j in range(2)]"), eval("(lambda q: q + 1)(1)"))
print(eval("__builtins__ is not None"), eval("len('abc')", {"__builtins__": {"len": len}}))
try:
    eval("print('x')", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
gen_code = compile("(v for v in range(3))", "<g>", "eval")
print(list(eval(gen_code)))
co = compile("a + b", "<x>", "eval")
print(co.co_names, co.co_consts, eval(co, {"a": 1, "b": 2}))
print(exec("1") is None, eval(" 5 "), eval("\n7\n".strip()))
