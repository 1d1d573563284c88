# Frame-based tier-2 functions keep their block stack in host locals (tier2's
# _virtual_blocks): a frame entered from tier 1 at a loop header inside a try,
# a handler or a finally (on-stack replacement) takes the frame's block stack
# back, the positions RERAISE restores from an except handler's block among it
# (the traceback's lines).  Each must unwind to the same handlers, with the
# same exc_info, __context__ and traceback lines, as CPython.
import sys
import traceback
def loop_in_try(n):
    total = 0
    try:
        for i in range(n):
            total += i
            if i == n - 1:
                raise KeyError(total)
    except KeyError as e:
        return ("caught", e.args[0], sys.exc_info()[0].__name__)
    return total


def loop_in_handler(n):
    try:
        raise ValueError("v")
    except ValueError as e:
        total = 0
        for i in range(n):
            total += i
            if i == n - 1:
                raise KeyError(total)


def loop_in_finally(n):
    try:
        raise KeyError("in try")
    finally:
        total = 0
        for i in range(n):
            total += i


def lines(fn, n):
    try:
        fn(n)
    except Exception as e:
        return (type(e).__name__, e.args, type(e.__context__).__name__,
                [fs.lineno for fs in traceback.extract_tb(e.__traceback__)])


print(loop_in_try(20000), loop_in_try(3))
print(lines(loop_in_handler, 20000), lines(loop_in_handler, 3))
print(lines(loop_in_finally, 20000), lines(loop_in_finally, 3))
print([lines(loop_in_finally, 2000 + k) for k in range(3)])
print([lines(loop_in_handler, 2000 + k) for k in range(3)])
