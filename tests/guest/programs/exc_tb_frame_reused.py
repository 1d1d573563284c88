# A traceback entry's tb_frame is the frame itself: two exceptions through one frame (at the same place) share it; other calls' frames do not.
import sys


def boom(i):
    raise ValueError(i)


def loop(n):
    tbs = []
    for i in range(n):
        try:
            boom(i)
        except ValueError as e:
            tbs.append(e.__traceback__)
    frames = [tb.tb_frame for tb in tbs]
    print("same frame:", all(fr is frames[0] for fr in frames), len(frames))
    print("entries differ:", len({id(tb) for tb in tbs}), [tb.tb_lineno for tb in tbs])
    print("callee frames differ:", len({id(tb.tb_next.tb_frame) for tb in tbs}))
    print("callee locals:", [tb.tb_next.tb_frame.f_locals["i"] for tb in tbs])
    print("names:", frames[0].f_code.co_name, frames[0].f_globals is globals())
    # (the shared frame's locals are those of the last exception, not the first's)
    print("loop locals:", frames[0].f_locals["i"], frames[0].f_locals["n"])
    return tbs


first = loop(3)
second = loop(2)
# each call of loop has a frame of its own, and its locals
print("calls differ:", first[0].tb_frame is not second[0].tb_frame)
print("locals:", first[0].tb_frame.f_locals["n"], second[0].tb_frame.f_locals["n"])


def catch_twice(k):
    out = []
    x = k
    for _ in range(2):
        try:
            {}[x]
        except KeyError as e:
            out.append(e.__traceback__)
        x += 1
    return out


a = catch_twice(10)
b = catch_twice(20)
print("own frame:", a[0].tb_frame is a[1].tb_frame, b[0].tb_frame is b[1].tb_frame,
      a[0].tb_frame is not b[0].tb_frame)
print("its locals:", a[0].tb_frame.f_locals["k"], b[1].tb_frame.f_locals["k"])

# at module level: the module's own frame
mods = []
for j in range(3):
    try:
        boom(j)
    except ValueError as e:
        mods.append(e.__traceback__)
print("module frame:", mods[0].tb_frame is mods[2].tb_frame, mods[0].tb_frame.f_locals is globals(),
      mods[0].tb_frame.f_code.co_name)
del mods

# a generator's frame across resumptions
def gen():
    for i in range(2):
        try:
            boom(i)
        except ValueError as e:
            yield e.__traceback__


g = list(gen())
print("generator frame:", g[0].tb_frame is g[1].tb_frame, g[1].tb_frame.f_code.co_name)
