# The block-stack, raising and async opcodes as bytecodes.py declares them, in
# every mode: SETUP_WITH inline in tier 2 (the block's level, __exit__ in its
# slot under the handler's values, an __enter__ that raises, the manager
# released when the with ends), bare ``raise`` and ``raise ... from`` inline,
# RERAISE of a finally, and an async generator's wrapped yields in a fused group.
import gc
import weakref


class Manager:
    def __init__(self, log, fail_enter=False, swallow=False):
        self.log, self.fail_enter, self.swallow = log, fail_enter, swallow

    def __enter__(self):
        self.log.append("enter")
        if self.fail_enter:
            raise KeyError("enter")
        return len(self.log)

    def __exit__(self, typ, val, tb):
        self.log.append("exit %s" % (typ.__name__ if typ else "-"))
        return self.swallow


def with_paths(n):
    log = []
    total = 0
    for i in range(n):
        a, b = i, i + 1            # values below the with's block
        with Manager(log) as k:
            total += a + b + k
        try:
            with Manager(log, swallow=True):
                raise ValueError(i)
        except ValueError:
            total -= 1000          # not reached: __exit__ swallowed it
        try:
            with Manager(log, fail_enter=True):
                total += 10 ** 6   # not reached
        except KeyError as e:
            total += len(e.args)
    return total, log[:7], len(log)


def released():
    # the manager dies when its with statement ends (nothing in the tier-2
    # function keeps its bound __enter__)
    dead = []
    m = Manager([])
    ref = weakref.ref(m, lambda r: dead.append("gone"))
    with m:
        pass
    del m
    gc.collect()
    return ref() is None, dead


def raises(kind):
    try:
        if kind == 0:
            raise TypeError("plain")
        if kind == 1:
            raise ValueError("from") from KeyError("cause")
        try:
            raise IndexError("inner")
        except IndexError:
            raise                    # bare raise
    except (TypeError, ValueError, IndexError) as e:
        return type(e).__name__, str(e), repr(e.__cause__), repr(e.__context__)


def finally_reraise(k):
    out = []
    try:
        try:
            if k:
                raise LookupError(k)
        finally:
            out.append("finally")
    except LookupError as e:
        out.append(repr(e))
    return out


def no_active():
    try:
        raise
    except RuntimeError as e:
        return str(e)


async def agen(n):
    for i in range(n):
        x = i * 2
        yield x + 1
        yield x


async def collect(n):
    return [v async for v in agen(n)]


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value


for _ in range(3):
    print(with_paths(4))
    print(released())
    print([raises(k) for k in range(3)])
    print(finally_reraise(0), finally_reraise(1))
    print(no_active())
    print(run(collect(4)))


class NoExit:
    def __enter__(self):
        return self


def no_exit():
    # the manager is released though its with statement failed (no __exit__)
    dead = []
    m = NoExit()
    ref = weakref.ref(m, lambda r: dead.append("gone"))
    try:
        with m:
            pass
    except (AttributeError, TypeError) as e:
        kind = type(e).__name__
    del m
    gc.collect()
    return kind, dead


for _ in range(3):
    print(no_exit())
