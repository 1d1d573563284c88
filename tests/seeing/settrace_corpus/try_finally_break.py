def f():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print('finally', i)
    return i

def g():
    try:
        return 'try'
    finally:
        return 'finally'

print(f())
print(g())
