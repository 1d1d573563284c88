"""CPython 3.10's hashes and set layout: the order 3.10 shows a frozenset constant in.

Mirrors, for display only, three pieces of CPython 3.10:

- Python/bootstrap_hash.c: the hash secret that ``PYTHONHASHSEED`` fixes
  (all zeros for 0, ``lcg_urandom(seed)`` otherwise);
- Python/pyhash.c: ``str`` and ``bytes`` hash with SipHash-2-4 over the
  string's PEP 393 buffer (3.11+ hosts use SipHash-1-3, so their order
  differs); ints, floats, complex numbers, tuples and frozensets hash the same
  in every version from 3.10 on, except through the strings inside them;
- Objects/setobject.c: ``set_add_entry``/``set_insert_clean`` (linear probes
  of 9 slots, then perturbed probing), ``set_table_resize`` (the table grows
  to the first power of two above 4*used once it is 3/5 full), so the slot
  order, which is the iteration order, of a set built by inserting items one
  by one.

The VM keeps using the host's frozensets, whose order is the host's: a guest
iterating a constant sees what it would see under ``python`` on the host.  What
follows 3.10 is what a reader compares with 3.10 line by line: ``evalframe dis``
and the frozensets that ``evalframe compile`` marshals into a .pyc.  Under a
random seed (``PYTHONHASHSEED`` unset or ``random``) no order can match, and
:func:`fixed_secret` is None: everything keeps the host's order.

``None``, ``...`` and NaN hash by address in 3.10.  For None and ``...`` the
low 8 bits of that hash are the same in every run of a given build (only the
page of an address is randomized), which places them in small tables; when a
layout needs more bits than that, or holds a NaN, no layout can be computed
(3.10's own order then changes from run to run): :func:`order310` returns None
and callers keep the host's order.
"""

import os
import struct

from .repr310 import str_repr

__all__ = ["fixed_secret", "hash310", "order310", "rebuilt_order", "display_repr",
           "remember", "recall", "forget_all"]

_MASK = 0xFFFFFFFFFFFFFFFF
_MODULUS = (1 << 61) - 1


# -- the secret (bootstrap_hash.c) -----------------------------------------------------

def _lcg_urandom(x0, size):
    """lcg_urandom: the bytes a fixed PYTHONHASHSEED expands into."""
    out = bytearray()
    x = x0 & 0xFFFFFFFF
    for _ in range(size):
        x = (x * 214013 + 2531011) & 0xFFFFFFFF
        out.append((x >> 16) & 0xFF)
    return bytes(out)


def secret_for_seed(seed):
    """(k0, k1) of 3.10's SipHash key for PYTHONHASHSEED=seed (0..4294967295)."""
    raw = bytes(24) if seed == 0 else _lcg_urandom(seed, 24)   # sizeof(_Py_HashSecret_t)
    return int.from_bytes(raw[0:8], "little"), int.from_bytes(raw[8:16], "little")


def _seed_from_environment():
    value = os.environ.get("PYTHONHASHSEED")
    if value is None or value == "random":
        return None
    try:
        seed = int(value)
    except ValueError:
        return None
    if not 0 <= seed <= 4294967295:
        return None
    return seed


_SECRET = []


def fixed_secret():
    """The 3.10 key for this process's fixed seed, or None under a random seed."""
    if not _SECRET:
        seed = _seed_from_environment()
        _SECRET.append(None if seed is None else secret_for_seed(seed))
    return _SECRET[0]


# -- SipHash-2-4 (pyhash.c) --------------------------------------------------------------

def _rotl(x, b):
    return ((x << b) | (x >> (64 - b))) & _MASK


def siphash24(k0, k1, data):
    """3.10's siphash24 over ``data``, as an unsigned 64-bit integer."""
    v0 = k0 ^ 0x736F6D6570736575
    v1 = k1 ^ 0x646F72616E646F6D
    v2 = k0 ^ 0x6C7967656E657261
    v3 = k1 ^ 0x7465646279746573

    def rounds(v0, v1, v2, v3, n):
        for _ in range(n):
            v0 = (v0 + v1) & _MASK
            v1 = _rotl(v1, 13) ^ v0
            v0 = _rotl(v0, 32)
            v2 = (v2 + v3) & _MASK
            v3 = _rotl(v3, 16) ^ v2
            v0 = (v0 + v3) & _MASK
            v3 = _rotl(v3, 21) ^ v0
            v2 = (v2 + v1) & _MASK
            v1 = _rotl(v1, 17) ^ v2
            v2 = _rotl(v2, 32)
        return v0, v1, v2, v3

    n = len(data)
    end = n - n % 8
    for i in range(0, end, 8):
        m = int.from_bytes(data[i:i + 8], "little")
        v3 ^= m
        v0, v1, v2, v3 = rounds(v0, v1, v2, v3, 2)
        v0 ^= m
    last = int.from_bytes(data[end:], "little") | ((n & 0xFF) << 56)
    v3 ^= last
    v0, v1, v2, v3 = rounds(v0, v1, v2, v3, 2)
    v0 ^= last
    v2 ^= 0xFF
    v0, v1, v2, v3 = rounds(v0, v1, v2, v3, 4)
    return v0 ^ v1 ^ v2 ^ v3


def _signed(x):
    x &= _MASK
    return x - (1 << 64) if x >= 1 << 63 else x


def _pep393_buffer(s):
    """The bytes 3.10 hashes for a str: its compact buffer, 1, 2 or 4 bytes a character."""
    widest = max(map(ord, s))
    if widest < 0x100:
        return s.encode("latin-1")
    if widest < 0x10000:
        return struct.pack("<%dH" % len(s), *map(ord, s))
    return struct.pack("<%dI" % len(s), *map(ord, s))


class _Unknowable(Exception):
    """A hash 3.10 derives from an object's address (None, Ellipsis, NaN, ...)."""


def _hash_buffer(data, secret):
    if not data:
        return 0
    x = _signed(siphash24(secret[0], secret[1], data))
    return -2 if x == -1 else x


def _shuffle_bits(h):
    return ((h ^ 89869747) ^ (h << 16)) * 3644798167 & _MASK


def hash310(v, secret):
    """hash(v) in a CPython 3.10 process whose SipHash key is ``secret``.

    Raises _Unknowable for objects 3.10 hashes by address.
    """
    t = type(v)
    if t is str:
        return _hash_buffer(_pep393_buffer(v) if v else b"", secret)
    if t is bytes:
        return _hash_buffer(v, secret)
    if t is int or t is bool:
        return hash(v)               # long_hash: the same reduction in every version
    if t is float:
        if v != v:
            raise _Unknowable(v)     # 3.10: a NaN hashes by address
        return hash(v)
    if t is complex:
        if v != v:
            raise _Unknowable(v)
        return hash(v)
    if t is tuple:
        # tuplehash (xxHash-style, 3.8+)
        acc = 2870177450012600261
        for item in v:
            lane = hash310(item, secret) & _MASK
            acc = (acc + lane * 14029467366897019727) & _MASK
            acc = ((acc << 31) | (acc >> 33)) & _MASK
            acc = (acc * 11400714785074694791) & _MASK
        acc = (acc + (len(v) ^ (2870177450012600261 ^ 3527539))) & _MASK
        if acc == _MASK:
            return 1546275796
        return _signed(acc)
    if t is frozenset:
        # frozenset_hash: order-independent, over the active entries' hashes
        h = 0
        for item in v:
            h ^= _shuffle_bits(hash310(item, secret) & _MASK)
        h ^= ((len(v) + 1) * 1927868237) & _MASK
        h ^= (h >> 11) ^ (h >> 25)
        h = (h * 69069 + 907133923) & _MASK
        if h == _MASK:
            h = 590923713
        return _signed(h)
    raise _Unknowable(v)


# -- the set table (setobject.c) ---------------------------------------------------------

_MINSIZE = 8
_LINEAR_PROBES = 9
_PERTURB_SHIFT = 5


class _Low:
    """A hash of which only the low ``bits`` bits are known (``value``)."""

    __slots__ = ("value", "bits")

    def __init__(self, value, bits):
        self.value, self.bits = value, bits


def _slots(h, mask):
    """The slots set_add_entry / set_insert_clean try for hash ``h``, in order.

    For a _Low hash, the walk goes on only while it needs known bits: the
    first slot needs log2(size) bits, each perturbed step 5 more.
    """
    partial = type(h) is _Low
    if partial:
        known, perturb = h.bits, h.value
        if mask >= 1 << known:
            raise _Unknowable(h)
    else:
        perturb = h & _MASK
    i = perturb & mask
    while True:
        # linear probes (within the table only), then perturbed probing
        probes = _LINEAR_PROBES if i + _LINEAR_PROBES <= mask else 0
        yield from range(i, i + probes + 1)
        perturb >>= _PERTURB_SHIFT
        if partial:
            known -= _PERTURB_SHIFT
            if mask >= 1 << max(known, 0):
                raise _Unknowable(h)
        i = (i * 5 + 1 + perturb) & mask


def _same(a, b):
    # set_add_entry: the same object, or equal (equal keys hash alike; a NaN,
    # the one value unequal to itself, never gets here: it hashes by address)
    return a is b or a == b


def _layout(items, secret):
    """The slot order of a set built by adding ``items`` one by one."""
    size = _MINSIZE
    table = [None] * size
    used = 0
    for key in items:
        h = hash310_partial(key, secret)
        for j in _slots(h, size - 1):
            entry = table[j]
            if entry is None:
                table[j] = (h, key)
                used += 1
                break
            if _same(entry[1], key):
                break
        else:
            continue
        if entry is not None:
            continue                 # already present
        # fill == used: nothing is ever removed, so there are no dummies
        if used * 5 >= (size - 1) * 3:
            minused = used * 2 if used > 50000 else used * 4
            newsize = _MINSIZE
            while newsize <= minused:
                newsize <<= 1
            new = [None] * newsize
            # set_table_resize -> set_insert_clean, in the old table's slot order
            for old in table:
                if old is not None:
                    for j in _slots(old[0], newsize - 1):
                        if new[j] is None:
                            new[j] = old
                            break
            table, size = new, newsize
    return tuple(e[1] for e in table if e is not None)


# None and Ellipsis hash by address (_Py_HashPointer: the address rotated right
# by 4 bits).  Under ASLR the address changes from run to run, but only above
# the page: the low 12 bits, so the hash's low 8, are fixed for a build.  These
# are CPython 3.10.13's on x86-64; interned310.txt records those of the build
# the probe ran (its "#None ..." lines).
_ADDRESS_LOW12 = {"None": 3200, "Ellipsis": 3232}


def hash310_partial(v, secret):
    """hash310, or a _Low hash for the singletons 3.10 hashes by address."""
    if v is None or v is Ellipsis:
        _startup_interned()          # (reads the build's address bits)
        low12 = _ADDRESS_LOW12["None" if v is None else "Ellipsis"]
        return _Low(low12 >> 4, 8)
    return hash310(v, secret)


def order310(items, secret=None):
    """The iteration order of ``frozenset(items)`` in 3.10 (items in insertion order).

    ``secret`` defaults to this process's fixed seed; None when the seed is
    random or an item hashes by address in 3.10.
    """
    if secret is None:
        secret = fixed_secret()
        if secret is None:
            return None
    try:
        return _layout(items, secret)
    except _Unknowable:
        return None


# -- orders carried beside the host's frozensets while a compiler or reader works -------
#
# The host's frozenset forgets its insertion history, and 3.10's layout needs
# it.  The compiler notes the source order of each frozenset it folds and the
# 3.10 order of each one it rebuilds; the notes live only while one
# compilation (or one marshal load) runs: the assembler copies the orders of a
# code object's constants onto the code (``Code._set_orders``), and the notes
# are dropped when the compilation ends.

_NOTES = {}


def remember(fs, order):
    """Note that the frozenset ``fs`` has 3.10 insertion/iteration ``order``."""
    if order is not None and type(fs) is frozenset and fs:
        # the order holds fs's own item objects (marshal cares which string)
        own = {x: x for x in fs}
        _NOTES[id(fs)] = (fs, tuple(own.get(x, x) for x in order))


def recall(fs):
    """The order noted for ``fs``, or None."""
    got = _NOTES.get(id(fs))
    if got is not None and got[0] is fs:
        return got[1]
    return None


def forget_all():
    _NOTES.clear()
    _IDENTIFIERS.clear()


def rebuilt_order(fs, previous=None):
    """3.10's order of ``frozenset(tuple(previous))``, ``previous`` a 3.10 order.

    ``previous`` defaults to what was noted for ``fs``; with no note (or a random
    seed) the result is None.
    """
    if previous is None:
        previous = recall(fs)
        if previous is None:
            return None
    return order310(previous)


# -- which strings a 3.10 compilation finds interned already ------------------------------
#
# PyCode_New's intern_string_constants rebuilds a frozenset constant (from its
# own iteration order, which can change a layout with collisions) when one of
# its identifier-like strings was interned before as another object.  In 3.10
# the constant cache has made every equal constant of the compilation one
# object, so that happens for a string that is an identifier of the same file
# (the parser interned every NAME it made into the AST) or that the process
# had interned already.  interned310.txt lists the latter for a fresh
# ``python3.10 -m dis FILE`` at its compile() call (identifier-like strings
# of 2+ characters; 1-character strings are singletons and never rebuild);
# ``python3 -m evalframe.objects.setorder --probe`` regenerates it.

_STARTUP = []
_IDENTIFIERS = set()


def _startup_interned():
    if not _STARTUP:
        path = os.path.join(os.path.dirname(__file__), "interned310.txt")
        # (bytes decoded by str's built-in ascii path: a text file opened with
        # encoding="ascii" imports encodings.ascii, which a guest's
        # -X importtime report would list as its own import)
        with open(path, "rb") as f:
            lines = f.read().decode("ascii").splitlines()
        for line in lines:
            if line.startswith("#"):         # "#None 3200": id(None) % 4096
                name, low12 = line[1:].split()
                _ADDRESS_LOW12[name] = int(low12)
        _STARTUP.append(frozenset(x for x in lines if x and not x.startswith("#")))
    return _STARTUP[0]


_IDENTIFIER_FIELDS = {"Name": ("id",), "Attribute": ("attr",), "FunctionDef": ("name",),
                      "AsyncFunctionDef": ("name",), "ClassDef": ("name",), "arg": ("arg",),
                      "keyword": ("arg",), "alias": ("name", "asname"),
                      "ImportFrom": ("module",), "Global": ("names",),
                      "Nonlocal": ("names",), "ExceptHandler": ("name",),
                      "MatchAs": ("name",), "MatchStar": ("name",),
                      "MatchMapping": ("rest",), "MatchClass": ("kwd_attrs",)}


def begin_compilation(tree):
    """Note the identifiers of ``tree``: the strings 3.10's parser interned."""
    from _ast import AST    # (not ast.py: its import is not needed at start-up)
    names = _IDENTIFIERS
    names.clear()
    if fixed_secret() is None:
        return
    # (not ast.walk: it imports collections.deque when called, and a guest may
    # be importing a fresh collections right now, under --vm-modules=all:
    # test.support.import_fresh_module; the order of the walk is irrelevant)
    todo = [tree]
    while todo:
        node = todo.pop()
        for field in node._fields:      # (ast.iter_child_nodes)
            v = getattr(node, field, None)
            if isinstance(v, AST):
                todo.append(v)
            elif isinstance(v, list):
                todo.extend(x for x in v if isinstance(x, AST))
        fields = _IDENTIFIER_FIELDS.get(type(node).__name__)
        if fields:
            for field in fields:
                v = getattr(node, field, None)
                for s in (v if isinstance(v, list) else (v,)):
                    if isinstance(s, str):
                        names.update(s.split("."))   # dotted names: each NAME


def _is_name(s):
    return s.isascii() and all(c.isalnum() or c == "_" for c in s)


def rebuilt_by_interning(items):
    """Whether 3.10's intern_string_constants rebuilds a frozenset of ``items``."""
    startup = _startup_interned()
    for x in items:
        if (type(x) is str and len(x) > 1 and (x in _IDENTIFIERS or x in startup)
                and _is_name(x)):
            return True
    return False


def code_orders(before, after):
    """{id(frozenset): 3.10 order} for one code's constants (PyCode_New's view).

    ``before`` are the constants as the compiler's cache left them (their 3.10
    orders are noted), ``after`` the same after the host's interning pass.
    """
    out = {}
    for old, new in zip(before, after):
        if type(old) is frozenset and type(new) is frozenset:
            order = recall(old)
            if order is None:
                continue
            if rebuilt_by_interning(order):
                order = order310(order)
                if order is None:
                    continue
            own = {x: x for x in new}
            out[id(new)] = tuple(own.get(x, x) for x in order)
    return out or None


def orders_of(consts):
    """{id(frozenset): 3.10 order} for the frozensets among ``consts`` (into tuples)."""
    out = {}
    stack = list(consts)
    while stack:
        v = stack.pop()
        t = type(v)
        if t is frozenset:
            order = recall(v)
            if order is not None:
                out[id(v)] = order
        elif t is tuple:
            stack.extend(v)
    return out or None


def ordered(v, orders):
    """The items of frozenset ``v`` in the order ``orders`` gives it, else the host's."""
    if orders:
        order = orders.get(id(v))
        if order is not None and len(order) == len(v):
            return order
    return tuple(v)


def display_repr(v, orders):
    """repr(v) as 3.10 prints it: the frozensets ``orders`` knows in 3.10's
    order, strings with 3.10's Unicode table (objects/repr310.py)."""
    t = type(v)
    if t is str:
        return str_repr(v)
    if t is frozenset and v:
        return "frozenset({%s})" % ", ".join(display_repr(x, orders)
                                              for x in ordered(v, orders))
    if t is tuple:
        if len(v) == 1:
            return "(%s,)" % display_repr(v[0], orders)
        return "(%s)" % ", ".join(display_repr(x, orders) for x in v)
    return repr(v)



# -- regenerating interned310.txt ----------------------------------------------------------

# A sitecustomize for python3.10 -m dis /dev/null: at the compile() audit event it
# lists every identifier-like string of 2+ characters that the process has
# interned (a fresh copy of each is looked up with sys.intern), searching all
# objects the collector knows and the code objects, tuples and dicts they hold.
_PROBE = r'''
import sys
_ef_done = []
def _ef_hook(_ef_event, _ef_args):
    if _ef_event != "compile" or _ef_args[1] != "/dev/null" or _ef_done:
        return
    _ef_done.append(1)
    import gc
    _ef_found, _ef_seen, _ef_stack = set(), set(), list(gc.get_objects())
    while _ef_stack:
        o = _ef_stack.pop()
        if id(o) in _ef_seen:
            continue
        _ef_seen.add(id(o))
        t = type(o)
        if t is str:
            _ef_found.add(o)
            continue
        if t is dict:
            _ef_stack.extend(o)
        if t.__name__ == "code":
            _ef_stack.extend((o.co_consts, o.co_names, o.co_varnames, o.co_freevars,
                              o.co_cellvars, o.co_name, o.co_filename))
            continue
        if t in (int, float, bytes, complex, bool) or o is None:
            continue
        for r in gc.get_referents(o):
            if id(r) not in _ef_seen and not gc.is_tracked(r) or type(r) is str:
                _ef_stack.append(r)
    _ef_out = []
    for s in _ef_found:
        if len(s) > 1 and s.isascii() and all(c.isalnum() or c == "_" for c in s):
            c = s[:1] + s[1:]
            if sys.intern(c) is not c and not s.startswith("_ef_"):
                _ef_out.append(s)
    sys.stderr.write("#None %d\n#Ellipsis %d\n" % (id(None) % 4096, id(...) % 4096))
    sys.stderr.write("\n".join(sorted(_ef_out)) + "\n")
sys.addaudithook(_ef_hook)
'''


def probe(python):
    """The interned identifier-like strings of ``python -m dis /dev/null`` (a 3.10)."""
    import subprocess
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        with open(os.path.join(tmp, "sitecustomize.py"), "w") as f:
            f.write(_PROBE)
        env = dict(os.environ, PYTHONPATH=tmp, PYENV_VERSION="3.10.13", PYTHONHASHSEED="0")
        proc = subprocess.run([python, "-m", "dis", "/dev/null"], capture_output=True,
                              text=True, env=env, check=True)
    return proc.stderr.splitlines()


if __name__ == "__main__":
    import sys
    if sys.argv[1:2] != ["--probe"]:
        sys.exit("usage: python3 -m evalframe.objects.setorder --probe [PYTHON3.10]")
    names = probe(sys.argv[2] if len(sys.argv) > 2 else "python3.10")
    with open(os.path.join(os.path.dirname(__file__), "interned310.txt"), "w") as f:
        f.write("\n".join(names) + "\n")
    print("%d strings" % sum(1 for n in names if not n.startswith("#")))
