# Traceback entries made on add_entry's short paths (runtime/tracebacks.py), hot
# (tier 2) and cold: a host library's Python frames between two guest frames stay
# in the traceback; a frame whose handler catches another exception before the
# first one leaves gets the right entry (its registered stand-in is another's by
# then); a bare `raise` after the traceback was replaced; each entry's lines,
# f_lineno and f_locals, every time (not the module's own entry: its frame runs on,
# its f_lineno is live on CPython, a Known gap).
# host>=3.11
# (3.10's bare `raise` re-raises the traceback saved when the handler began, not the
# replaced one: the VM's does not, a Known gap)
import functools
import json
import string
import sys
import traceback
import types


def where(tb):
    out = []
    while tb is not None:
        code = tb.tb_frame.f_code
        name = code.co_filename.rsplit("/", 1)[-1]
        out.append((name, code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno))
        tb = tb.tb_next
    return out


@functools.total_ordering
class Key:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == other.v

    def __lt__(self, other):
        if self.v % 7 == 3:
            raise ArithmeticError("lt %d" % self.v)
        return self.v < other.v


def compare(a, b):
    hits = a.v
    return a > b                    # functools' host code calls __lt__


def guarded(a, b):
    # (a handler: tier 2's frame-based translation, its own except clause)
    try:
        return a > b
    finally:
        a = None


def decode(n):
    text = "[%d]" % n if n % 3 else "[%d" % n
    return json.loads(text)         # json's host frames raise


class Mapping:
    def __getitem__(self, key):
        if key == "bad":
            raise LookupError(key)
        return key.upper()


def substitute(n):
    text = "x" if n % 4 else "bad"
    return string.Template("$" + text).substitute(Mapping())   # string.py's frames


def nested_then_leave(n):
    state = n
    try:
        {}[n]
    finally:
        try:
            state += 100
            [][n]                   # another exception, handled in the finally
        except IndexError as inner:
            state += 1000
        state += 1


def replaced(n):
    try:
        raise KeyError(n)
    except KeyError as e:
        try:
            Key(3) > Key(1)
        except ArithmeticError as host:
            t = host.__traceback__
            while t.tb_next is not None and "functools" not in t.tb_frame.f_code.co_filename:
                t = t.tb_next
            e.__traceback__ = types.TracebackType(None, t.tb_frame, t.tb_lasti, t.tb_lineno)
        raise


for n in range(60):
    try:
        compare(Key(n), Key(5))
    except ArithmeticError:
        info = sys.exc_info()
        if n % 7 == 3 and n < 30:
            print("compare", n, where(info[2].tb_next))
            print("".join(traceback.format_exception(*info)).count("functools"))
        info = None
    try:
        guarded(Key(n), Key(5))
    except ArithmeticError as e:
        if n % 7 == 3 and n < 30:
            print("guarded", n, where(e.__traceback__.tb_next))
    try:
        decode(n)
    except ValueError as e:
        if n < 9:
            print("decode", n, where(e.__traceback__.tb_next))
    try:
        substitute(n)
    except LookupError as e:
        if n < 12:
            print("substitute", n, where(e.__traceback__.tb_next))
    try:
        nested_then_leave(n)
    except KeyError as e:
        mine = e.__traceback__.tb_next
        print("nested", n, where(mine), sorted(mine.tb_frame.f_locals.items()))
    try:
        replaced(n)
    except KeyError as e:
        if n % 10 == 0:
            print("replaced", n, where(e.__traceback__.tb_next))
