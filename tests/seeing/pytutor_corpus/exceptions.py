def f(x):
    return 10 / x

def g():
    try:
        f(0)
    except ZeroDivisionError as e:
        print("caught", e)
    return f(2)

y = g()
f(0)
