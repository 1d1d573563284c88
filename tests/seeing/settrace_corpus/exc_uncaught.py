def inner():
    raise KeyError('k')

def outer():
    inner()
    return 1

x = 1
outer()
print('never')
