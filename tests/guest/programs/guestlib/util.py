"""Guest utility module: functions, a module-level counter, and a failing function."""
calls = 0


def clamp(v, lo, hi):
    global calls
    calls += 1
    return max(lo, min(hi, v))


def explode(depth):
    if depth == 0:
        raise RuntimeError("exploded inside guestlib.util")
    return explode(depth - 1)
