def risky(x):
    if x:
        raise ValueError('bad')
    return 'ok'

def handle(x):
    try:
        r = risky(x)
    except ValueError as e:
        r = 'caught'
    else:
        r = r + '!'
    return r

print(handle(0))
print(handle(1))
