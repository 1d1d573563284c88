# frame.clear() on a traceback's frame: a finished frame's locals and cells are dropped (objects freed), an executing one raises RuntimeError; a generator's frame (3.13: "cannot clear a suspended frame") (issue 11).
import sys
def inner():
    x = 1
    y = [2]
    raise ValueError(x)
try:
    inner()
except ValueError as e:
    f = e.__traceback__.tb_next.tb_frame
    print(sorted(f.f_locals))
    print(f.clear())
    print(f.f_locals, sorted(f.f_locals))
def outer():
    v = 5
    try:
        raise KeyError
    except KeyError as e:
        fr = e.__traceback__.tb_frame
        try:
            fr.clear()
        except RuntimeError as err:
            print("RuntimeError", err)
    return v
print(outer())
def me():
    try:
        sys._getframe().clear()
    except RuntimeError as err:
        print("self:", err)
me()
def gen():
    a = 1
    yield sys._getframe()
    yield 2
g = gen()
fr = next(g)
try:
    fr.clear()
except RuntimeError as err:
    print("gen:", err)
print(g.gi_frame is None, list(g))
def clo():
    c = 3
    def k():
        return c
    try:
        1 / 0
    except ZeroDivisionError as e:
        return e.__traceback__.tb_frame, k
fr, k = clo()
fr.clear()
print(fr.f_locals, k())
class O:
    def __del__(self):
        print("del O")
def holder():
    o = O()
    raise ValueError
try:
    holder()
except ValueError as e:
    e.__traceback__.tb_next.tb_frame.clear()
    print("after clear")
def mod_level_tb():
    try:
        exec("z = 1\nraise IndexError", {})
    except IndexError as e:
        t = e.__traceback__
        while t.tb_next is not None:
            t = t.tb_next
        t.tb_frame.clear()
        print(t.tb_frame.f_globals["z"])
mod_level_tb()
def callers():
    try:
        1 / 0
    except ZeroDivisionError as e:
        f = e.__traceback__.tb_frame
    for target in (f, f.f_back):
        try:
            target.clear()
        except RuntimeError as err:
            print("RuntimeError", err)
    try:
        {}["k"]
    except KeyError as e:
        print("tracebacks still work:", e.__traceback__.tb_frame.f_code.co_name)
callers()
