class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print('enter', self.name)
        return self

    def __exit__(self, et, ev, tb):
        print('exit', self.name, et)
        return False

def use():
    with CM('a') as a, CM('b'):
        x = a.name
    return x

print(use())
