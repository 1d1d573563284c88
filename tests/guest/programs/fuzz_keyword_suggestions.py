# Found by python3 -m evalframe.fuzz on a 3.13 host: the binder's 'unexpected keyword
# argument' TypeError names the closest parameter there (". Did you mean 'bb'?").
def f(aa, /, bb, *, cc): pass
for k in ['aa', 'ab', 'c', 'bbb', 'x', 'a' * 50, 'cd']:
    try: f(1, 2, cc=3, **{k: 1})
    except TypeError as e: print(e)
class A:
    def m(self, value=1): pass
try: A().m(valeu=2)
except TypeError as e: print(e)
try: A().m(self=2)
except TypeError as e: print(e)
def g(*args, k0=True): pass
try: g('1', p0=(1,))
except TypeError as e: print(e)
def h(): pass
try: h(x=1)
except TypeError as e: print(e)
