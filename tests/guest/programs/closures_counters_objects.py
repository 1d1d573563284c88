# Closures used as objects: message dispatch, private state, and comparisons with classes.
def make_account(balance=0):
    history = []
    def deposit(amount):
        nonlocal balance
        balance += amount
        history.append(("dep", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            raise ValueError("insufficient: %d > %d" % (amount, balance))
        balance -= amount
        history.append(("wd", amount))
        return balance
    def get():
        return balance, list(history)
    def dispatch(msg, *args):
        return {"deposit": deposit, "withdraw": withdraw, "get": get}[msg](*args)
    return dispatch
acct = make_account(10)
print(acct("deposit", 5), acct("withdraw", 3))
try:
    acct("withdraw", 100)
except ValueError as e:
    print("ValueError:", e)
print(acct("get"))
try:
    acct("explode")
except KeyError as e:
    print("KeyError:", e)
other = make_account()
print(other("deposit", 1), acct("get")[0])
def make_stack():
    items = []
    return items.append, items.pop, lambda: len(items), lambda: list(items)
push, pop, size, peek_all = make_stack()
for c in "abc":
    push(c)
print(pop(), size(), peek_all())
def fib_gen_closure():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
n = fib_gen_closure()
print([n() for _ in range(12)])
def once(fn):
    done = False
    result = None
    def wrapper(*args):
        nonlocal done, result
        if not done:
            result, done = fn(*args), True
        return result
    return wrapper
@once
def init(v):
    print("  init runs once with", v)
    return v * 2
print(init(1), init(2), init(3))
