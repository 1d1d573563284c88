# A binary operator site tier 2 arms for a guest __sub__ (t2attr.emit): its
# three paths (the guest method called by the site, the helper at a miss,
# the plain operator once the site is disarmed) each drop the operands as
# the instruction ends, as CPython's BINARY_SUBTRACT does: a finalizer of an
# operand runs before the next instruction, on every path.  (Which of the
# two operands dies first is not compared: CPython drops the left one
# first, evalframe's tier 1 the right one, its handler's locals.)
log = []


def norm(events):
    """``events`` with each run of finalizations sorted."""
    out, run = [], []
    for e in events + ["end"]:
        if e.startswith("del "):
            run.append(e)
            continue
        out.extend(sorted(run))
        run = []
        out.append(e)
    return out[:-1]


class D:
    def __init__(self, name, v):
        self.name = name
        self.v = v

    def __sub__(self, other):
        return self.v - (other.v if isinstance(other, D) else other)

    def __del__(self):
        log.append("del " + self.name)


def sub(n, make_left, make_right):
    out = []
    for i in range(n):
        r = make_left(i) - make_right(i)
        log.append("after %r" % (r,))
        out.append(r)
    return out


def d_left(i):
    return D("L%d" % i, i * 10)


def d_right(i):
    return D("R%d" % i, i)


def plain(i):
    return i


def take(label, n, left, right):
    del log[:]
    res = sub(n, left, right)
    print(label, res[-1], norm(log[-6:]))


# armed, the guest method called directly (same class, then an int on the right)
take("guest", 300, d_left, d_right)
take("guest-int", 300, d_left, plain)
# the site disarmed by an int on the left, then guest operands again
take("ints", 300, plain, plain)
take("disarmed", 300, d_left, d_right)


# a site that meets many classes: the helper (a miss) path at each new one
def classes(n):
    out = []
    for k in range(20):
        kls = type("K%d" % k, (D,), {})
        del log[:]
        r = kls("a%d" % k, k) - kls("b%d" % k, 1)
        log.append("after")
        out.append((r, norm(log)))
    return out[-3:]


for _ in range(20):
    result = classes(20)
print(result)
