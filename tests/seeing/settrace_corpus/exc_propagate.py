def a():
    return 1 / 0

def b():
    x = a()
    return x

def c():
    try:
        b()
    except ZeroDivisionError:
        return 'handled in c'

print(c())
