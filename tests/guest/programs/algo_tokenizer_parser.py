# A tokenizer, recursive-descent parser and evaluator for arithmetic with variables and functions.
import re
TOKEN = re.compile(r"\s*(?:(\d+\.\d*|\d+)|(\w+)|(\*\*|[-+*/%(),=^]))")
def tokenize(src):
    pos, out = 0, []
    src = src.rstrip()
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            raise SyntaxError("bad character at %d: %r" % (pos, src[pos]))
        num, name, op = m.groups()
        out.append(("num", float(num) if "." in num else int(num)) if num else ("name", name) if name else ("op", op))
        pos = m.end()
    out.append(("end", None))
    return out
class Parser:
    def __init__(self, tokens):
        self.toks, self.i = tokens, 0
    def peek(self):
        return self.toks[self.i]
    def take(self, kind=None, value=None):
        tok = self.toks[self.i]
        if (kind and tok[0] != kind) or (value and tok[1] != value):
            raise SyntaxError("expected %s %s, got %r" % (kind, value or "", tok))
        self.i += 1
        return tok
    def statement(self):
        if self.peek()[0] == "name" and self.toks[self.i + 1] == ("op", "="):
            name = self.take("name")[1]
            self.take("op", "=")
            return ("assign", name, self.expr())
        return self.expr()
    def expr(self):
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            node = (self.take()[1], node, self.term())
        return node
    def term(self):
        node = self.factor()
        while self.peek() in (("op", "*"), ("op", "/"), ("op", "%")):
            node = (self.take()[1], node, self.factor())
        return node
    def factor(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.factor())
        base = self.atom()
        if self.peek() in (("op", "**"), ("op", "^")):
            self.take()
            return ("**", base, self.factor())
        return base
    def atom(self):
        kind, val = self.peek()
        if kind == "num":
            self.take(); return ("num", val)
        if kind == "name":
            self.take()
            if self.peek() == ("op", "("):
                self.take()
                args = []
                if self.peek() != ("op", ")"):
                    args.append(self.expr())
                    while self.peek() == ("op", ","):
                        self.take(); args.append(self.expr())
                self.take("op", ")")
                return ("call", val, args)
            return ("var", val)
        if (kind, val) == ("op", "("):
            self.take()
            node = self.expr()
            self.take("op", ")")
            return node
        raise SyntaxError("unexpected %r" % (val,))
FUNCS = {"max": max, "min": min, "abs": abs, "sq": lambda x: x * x}
def evaluate(node, env):
    op = node[0]
    if op == "num": return node[1]
    if op == "var":
        if node[1] not in env:
            raise NameError("undefined variable %s" % node[1])
        return env[node[1]]
    if op == "neg": return -evaluate(node[1], env)
    if op == "assign":
        env[node[1]] = evaluate(node[2], env)
        return env[node[1]]
    if op == "call": return FUNCS[node[1]](*[evaluate(a, env) for a in node[2]])
    a, b = evaluate(node[1], env), evaluate(node[2], env)
    return {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b, "/": lambda: a / b, "%": lambda: a % b, "**": lambda: a ** b}[op]()
env = {}
for line in ["x = 3", "y = x * (2 + 4) - 1", "y ** 2 / 7", "-x ^ 2", "2 ** 3 ** 2", "max(x, y, 10) + min(1, 2)",
             "sq(sq(2)) % 5", "z + 1", "1.5 * 4", "(1 + 2", "3 $ 4", "10 / (x - 3)"]:
    try:
        tree = Parser(tokenize(line)).statement()
        print("%-26s => %-40r = %r" % (line, tree, evaluate(tree, env)))
    except (SyntaxError, NameError, ZeroDivisionError) as e:
        print("%-26s !! %s: %s" % (line, type(e).__name__, e))
print(sorted(env.items()))
