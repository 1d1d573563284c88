# A tiny stack-machine interpreter written in the guest, running a few programs.
def run(program, trace=False):
    stack, pc, env, out, steps = [], 0, {}, [], 0
    labels = {ins[1]: i for i, ins in enumerate(program) if ins[0] == "label"}
    while pc < len(program):
        op, *args = program[pc]
        pc += 1
        steps += 1
        if op == "push": stack.append(args[0])
        elif op == "load": stack.append(env[args[0]])
        elif op == "store": env[args[0]] = stack.pop()
        elif op in ("add", "sub", "mul", "mod", "lt", "eq"):
            b, a = stack.pop(), stack.pop()
            stack.append({"add": a + b, "sub": a - b, "mul": a * b, "mod": a % b if b else 0, "lt": a < b, "eq": a == b}[op])
        elif op == "jmp": pc = labels[args[0]]
        elif op == "jz":
            if not stack.pop():
                pc = labels[args[0]]
        elif op == "print": out.append(stack.pop())
        elif op == "label": pass
        else: raise ValueError("bad op %s" % op)
        if trace and steps <= 6:
            print("   ", steps, op, args, stack)
    return out, steps, env
countdown = [("push", 5), ("store", "n"), ("label", "top"), ("load", "n"), ("print",), ("load", "n"), ("push", 1), ("sub",),
             ("store", "n"), ("push", 0), ("load", "n"), ("lt",), ("jz", "end"), ("jmp", "top"), ("label", "end")]
print(run(countdown, trace=True))
fizz = [("push", 1), ("store", "i"), ("label", "loop"),
        ("load", "i"), ("push", 15), ("mod",), ("push", 0), ("eq",), ("jz", "not15"), ("push", "FizzBuzz"), ("print",), ("jmp", "next"),
        ("label", "not15"), ("load", "i"), ("push", 3), ("mod",), ("push", 0), ("eq",), ("jz", "not3"), ("push", "Fizz"), ("print",), ("jmp", "next"),
        ("label", "not3"), ("load", "i"), ("push", 5), ("mod",), ("push", 0), ("eq",), ("jz", "not5"), ("push", "Buzz"), ("print",), ("jmp", "next"),
        ("label", "not5"), ("load", "i"), ("print",),
        ("label", "next"), ("load", "i"), ("push", 1), ("add",), ("store", "i"), ("load", "i"), ("push", 31), ("lt",), ("jz", "done"), ("jmp", "loop"),
        ("label", "done")]
out, steps, env = run(fizz)
print(out, steps, env)
gcd = [("push", 1071), ("store", "a"), ("push", 462), ("store", "b"), ("label", "L"), ("load", "b"), ("push", 0), ("eq",), ("jz", "body"), ("jmp", "E"),
       ("label", "body"), ("load", "a"), ("load", "b"), ("mod",), ("load", "b"), ("store", "a"), ("store", "b"), ("jmp", "L"), ("label", "E"), ("load", "a"), ("print",)]
print(run(gcd))
try:
    run([("bogus",)])
except ValueError as e:
    print("ValueError:", e)
try:
    run([("load", "nothing")])
except KeyError as e:
    print("KeyError:", e)
