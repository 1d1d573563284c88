"""Marshal (format version 4) and the .pyc container, as CPython 3.10 writes them.

Mirrors Python/marshal.c of CPython 3.10 (``r_object`` / ``w_object``, with
TYPE_CODE carrying 3.10's fields in 3.10's order) and the .pyc header logic of
Lib/importlib/_bootstrap_external.py (``_classify_pyc``, ``_code_to_timestamp_pyc``,
``_code_to_hash_pyc``).  Code objects are read into, and written from,
evalframe's own ``Code``; every other value is a plain host object.

Malformed input raises ``PycError`` (a ValueError) with CPython's wording where
CPython has one; a forged length never causes an allocation larger than the
input, and nesting is capped as marshal.c caps it (MAX_MARSHAL_STACK_DEPTH).

References: marshal.c writes FLAG_REF on an object when its reference count is
above one (it may be shared), and TYPE_REF when it meets the same object again.
The writer here models that with the object identities 3.10's compiler creates
(interned names are one object per value, equal constants of one compilation
unit are merged, all code objects of a file share one filename, small ints and
1-character strings are global singletons).  An interned name that only *other*
code in the writing interpreter also holds (``print``: a key of builtins) gets
FLAG_REF in 3.10 but not here; such output loads to the same code object.
"""

import struct
import sys

from .objects import setorder
from .objects.codeobject import Code

__all__ = ["PycError", "loads", "dumps", "load_pyc", "dump_pyc", "write_pyc",
           "MAGIC_NUMBER", "main_compile"]


class PycError(ValueError):
    """Malformed marshal data or .pyc file."""


# importlib.util.MAGIC_NUMBER of 3.10: 3439 as two little-endian bytes, then \r\n.
MAGIC_NUMBER = (3439).to_bytes(2, "little") + b"\r\n"
MARSHAL_VERSION = 4
MAX_MARSHAL_STACK_DEPTH = 2000

# Type codes (Python/marshal.c)
TYPE_NULL = ord("0")
TYPE_NONE = ord("N")
TYPE_FALSE = ord("F")
TYPE_TRUE = ord("T")
TYPE_STOPITER = ord("S")
TYPE_ELLIPSIS = ord(".")
TYPE_INT = ord("i")
TYPE_INT64 = ord("I")          # read only, as 3.10
TYPE_FLOAT = ord("f")
TYPE_BINARY_FLOAT = ord("g")
TYPE_COMPLEX = ord("x")
TYPE_BINARY_COMPLEX = ord("y")
TYPE_LONG = ord("l")
TYPE_STRING = ord("s")
TYPE_INTERNED = ord("t")
TYPE_REF = ord("r")
TYPE_TUPLE = ord("(")
TYPE_LIST = ord("[")
TYPE_DICT = ord("{")
TYPE_CODE = ord("c")
TYPE_UNICODE = ord("u")
TYPE_UNKNOWN = ord("?")
TYPE_SET = ord("<")
TYPE_FROZENSET = ord(">")
TYPE_ASCII = ord("a")
TYPE_ASCII_INTERNED = ord("A")
TYPE_SMALL_TUPLE = ord(")")
TYPE_SHORT_ASCII = ord("z")
TYPE_SHORT_ASCII_INTERNED = ord("Z")
FLAG_REF = 0x80

PyLong_SHIFT = 15              # marshal's digits are 15 bits whatever the build
PyLong_MARSHAL_BASE = 1 << PyLong_SHIFT

_EOF_OBJECT = "EOF read where object expected"
_TOO_SHORT = "marshal data too short"


# -- reading --------------------------------------------------------------------

class _Reserved:
    """Placeholder for a reference slot whose object is still being read."""

    __slots__ = ()


_RESERVED = _Reserved()


class _Reader:
    """r_object over an in-memory buffer (marshal.c's RFILE with ptr/end)."""

    def __init__(self, data):
        self.data = memoryview(data).cast("B") if not isinstance(data, bytes) else data
        self.pos = 0
        self.refs = []
        self.depth = 0

    # primitive reads ------------------------------------------------------------

    def r_bytes(self, n):
        if n < 0 or self.pos + n > len(self.data):
            raise PycError(_TOO_SHORT)
        start = self.pos
        self.pos += n
        return bytes(self.data[start:self.pos])

    def r_byte(self):
        if self.pos >= len(self.data):
            return -1
        b = self.data[self.pos]
        self.pos += 1
        return b

    def r_long(self):
        if self.pos + 4 > len(self.data):
            raise PycError(_TOO_SHORT)
        (x,) = struct.unpack_from("<i", self.data, self.pos)
        self.pos += 4
        return x

    def r_size(self, what):
        """A 4-byte length; checked against the bytes left, so no forged allocation."""
        n = self.r_long()
        if n < 0:
            raise PycError("bad marshal data (%s size out of range)" % what)
        # Every element takes at least one byte of input.
        if n > len(self.data) - self.pos:
            raise PycError(_EOF_OBJECT if what in ("tuple", "list", "set")
                           else _TOO_SHORT)
        return n

    # objects --------------------------------------------------------------------

    def r_ref(self, obj, flag):
        if flag:
            self.refs.append(obj)
        return obj

    def r_ref_reserve(self, flag):
        if flag:
            self.refs.append(_RESERVED)
            return len(self.refs) - 1
        return -1

    def r_ref_insert(self, obj, idx):
        if idx >= 0:
            self.refs[idx] = obj
        return obj

    def r_object(self):
        code = self.r_byte()
        if code < 0:
            raise PycError(_EOF_OBJECT)
        self.depth += 1
        try:
            if self.depth > MAX_MARSHAL_STACK_DEPTH:
                raise PycError("recursion limit exceeded")
            return self._r_typed(code & ~FLAG_REF, code & FLAG_REF)
        finally:
            self.depth -= 1

    def r_item(self, what):
        """An element of a container; NULL is an error there (marshal.c's wording)."""
        v = self.r_object()
        if v is _NULL:
            raise PycError("NULL object in marshal data for %s" % what)
        return v

    def _r_typed(self, t, flag):
        if t == TYPE_NULL:
            return _NULL
        if t == TYPE_NONE:
            return None
        if t == TYPE_STOPITER:
            return StopIteration
        if t == TYPE_ELLIPSIS:
            return Ellipsis
        if t == TYPE_FALSE:
            return False
        if t == TYPE_TRUE:
            return True
        if t == TYPE_INT:
            return self.r_ref(self.r_long(), flag)
        if t == TYPE_INT64:
            lo = self.r_long() & 0xFFFFFFFF
            hi = self.r_long()
            return self.r_ref((hi << 32) | lo, flag)
        if t == TYPE_LONG:
            return self.r_ref(self._r_pylong(), flag)
        if t == TYPE_FLOAT:
            return self.r_ref(self._r_float_str(), flag)
        if t == TYPE_BINARY_FLOAT:
            return self.r_ref(struct.unpack("<d", self.r_bytes(8))[0], flag)
        if t == TYPE_COMPLEX:
            real = self._r_float_str()
            imag = self._r_float_str()
            return self.r_ref(complex(real, imag), flag)
        if t == TYPE_BINARY_COMPLEX:
            real, imag = struct.unpack("<dd", self.r_bytes(16))
            return self.r_ref(complex(real, imag), flag)
        if t == TYPE_STRING:
            n = self._r_len("bytes object")
            return self.r_ref(self.r_bytes(n), flag)
        if t in (TYPE_ASCII_INTERNED, TYPE_ASCII):
            n = self._r_len("string")
            return self.r_ref(self._decode(self.r_bytes(n), "latin-1", t), flag)
        if t in (TYPE_SHORT_ASCII_INTERNED, TYPE_SHORT_ASCII):
            n = self.r_byte()
            if n < 0:
                raise PycError(_TOO_SHORT)
            return self.r_ref(self._decode(self.r_bytes(n), "latin-1", t), flag)
        if t in (TYPE_INTERNED, TYPE_UNICODE):
            n = self._r_len("string")
            return self.r_ref(self._decode(self.r_bytes(n), "utf-8", t), flag)
        if t == TYPE_SMALL_TUPLE:
            n = self.r_byte()
            if n < 0:
                raise PycError(_TOO_SHORT)
            return self._r_tuple(n, flag)
        if t == TYPE_TUPLE:
            return self._r_tuple(self.r_size("tuple"), flag)
        if t == TYPE_LIST:
            n = self.r_size("list")
            lst = self.r_ref([], flag)
            for _ in range(n):
                lst.append(self.r_item("list"))
            return lst
        if t == TYPE_DICT:
            d = self.r_ref({}, flag)
            while True:
                key = self.r_object()
                if key is _NULL:
                    break
                val = self.r_object()
                if val is _NULL:
                    break
                d[self._hashable(key)] = val
            return d
        if t in (TYPE_SET, TYPE_FROZENSET):
            n = self.r_size("set")
            if t == TYPE_SET:
                s = self.r_ref(set(), flag)
                for _ in range(n):
                    s.add(self._hashable(self.r_item("set")))
                return s
            if n == 0:
                # The empty frozenset is a singleton in 3.10; no slot is reserved
                # before it is read, so it is registered like a leaf.
                return self.r_ref(frozenset(), flag)
            idx = self.r_ref_reserve(flag)
            items = [self._hashable(self.r_item("set")) for _ in range(n)]
            fs = frozenset(items)
            # 3.10 adds the items in the file's order: its layout, for dis/dumps
            setorder.remember(fs, setorder.order310(items))
            return self.r_ref_insert(fs, idx)
        if t == TYPE_CODE:
            return self._r_code(flag)
        if t == TYPE_REF:
            n = self.r_long()
            if n < 0 or n >= len(self.refs):
                raise PycError("bad marshal data (invalid reference)")
            v = self.refs[n]
            if v is _RESERVED:
                raise PycError("bad marshal data (invalid reference)")
            return v
        raise PycError("bad marshal data (unknown type code)")

    def _r_len(self, what):
        n = self.r_long()
        if n < 0:
            raise PycError("bad marshal data (%s size out of range)" % what)
        if n > len(self.data) - self.pos:
            raise PycError(_TOO_SHORT)
        return n

    @staticmethod
    def _decode(raw, encoding, t):
        try:
            if encoding == "utf-8":
                return raw.decode("utf-8", "surrogatepass")
            return raw.decode(encoding)
        except UnicodeDecodeError as err:
            raise PycError(str(err)) from None

    @staticmethod
    def _hashable(v):
        try:
            hash(v)
        except TypeError:
            raise PycError("unhashable type: %r" % type(v).__name__) from None
        return v

    def _r_tuple(self, n, flag):
        # The tuple's reference slot precedes its items (marshal.c's R_REF after
        # PyTuple_New); a reference to it from inside would be a cycle, which an
        # immutable host tuple cannot hold, so it reads as an invalid reference.
        idx = self.r_ref_reserve(flag)
        items = tuple(self.r_item("tuple") for _ in range(n))
        return self.r_ref_insert(items, idx)

    def _r_float_str(self):
        n = self.r_byte()
        if n < 0:
            raise PycError(_EOF_OBJECT)
        raw = self.r_bytes(n)
        try:
            return float(raw.decode("ascii"))
        except (UnicodeDecodeError, ValueError):
            raise PycError("bad marshal data (float)") from None

    def _r_pylong(self):
        n = self.r_long()
        if n == -(1 << 31):                 # |n| must fit in 32 bits
            raise PycError("bad marshal data (long size out of range)")
        size = abs(n)
        raw = self.r_bytes(2 * size)
        digits = struct.unpack("<%dH" % size, raw)
        value = 0
        for i, d in enumerate(digits):
            if d >= PyLong_MARSHAL_BASE:
                raise PycError("bad marshal data (digit out of range in long)")
            value |= d << (PyLong_SHIFT * i)
        if size and digits[-1] == 0:
            raise PycError("bad marshal data (unnormalized long data)")
        return -value if n < 0 else value

    def _r_code(self, flag):
        idx = self.r_ref_reserve(flag)
        fields = {}
        for name in ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
                     "co_nlocals", "co_stacksize", "co_flags"):
            fields[name] = self.r_long()
        fields["co_code"] = self._r_field(bytes, "co_code")
        fields["co_consts"] = self._r_field(tuple, "co_consts")
        for name in ("co_names", "co_varnames", "co_freevars", "co_cellvars"):
            fields[name] = self._r_field(tuple, name, of=str)
        fields["co_filename"] = self._r_field(str, "co_filename")
        fields["co_name"] = self._r_field(str, "co_name")
        fields["co_firstlineno"] = self.r_long()
        fields["co_linetable"] = self._r_field(bytes, "co_linetable")
        if any(fields[n] < 0 for n in ("co_argcount", "co_posonlyargcount",
                                      "co_kwonlyargcount", "co_nlocals")):
            raise PycError("bad marshal data (code: negative argument count)")
        return self.r_ref_insert(
            Code(set_orders=setorder.orders_of(fields["co_consts"]), **fields), idx)

    def _r_field(self, kind, name, of=None):
        v = self.r_object()
        if v is _NULL or type(v) is not kind:
            raise PycError("bad marshal data (code: %s is not %s)" % (name, kind.__name__))
        if of is not None and any(type(x) is not of for x in v):
            raise PycError("bad marshal data (code: %s holds a non-%s)" % (name, of.__name__))
        return v


class _Null:
    """marshal's TYPE_NULL: the end of a dict, an error anywhere else."""

    __slots__ = ()


_NULL = _Null()


def loads(data):
    """Read one object from marshal ``data`` (bytes-like); trailing bytes are ignored.

    Code objects come back as evalframe ``Code``.  Raises PycError on malformed data.
    """
    if isinstance(data, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    reader = _Reader(data)
    # Each marshal level costs this reader a few host frames; CPython's own
    # depth cap (2000) must be reached before the host's recursion limit is.
    old = sys.getrecursionlimit()
    need = MAX_MARSHAL_STACK_DEPTH * 3 + 200
    if old < need:
        sys.setrecursionlimit(need)
    try:
        v = reader.r_object()
    except RecursionError:
        raise PycError("recursion limit exceeded") from None
    finally:
        setorder.forget_all()       # the codes carry their frozensets' orders
        if old < need:
            sys.setrecursionlimit(old)
    if v is _NULL:
        raise PycError("NULL object in marshal data for object")
    return v


# -- writing --------------------------------------------------------------------

def _all_name_chars(s):
    """codeobject.c's all_name_chars: ASCII letters, digits and '_' only."""
    return s.isascii() and all(c.isalnum() or c == "_" for c in s)


# One-character strings are process-wide singletons; these are the ones a 3.10
# interpreter has interned by the time it writes a .pyc (measured over Lib/).
_INTERNED_1CHAR = frozenset("\n*.{}")

_ALIVE = []


def _alive_names():
    """Interned names any 3.10 interpreter also holds elsewhere (refcount > 1).

    The builtins' names, the attribute names of the builtin types (kept by
    their type dicts) and the compiler's static identifiers.  Whatever else
    the writing process happens to hold is unknowable here (see the module
    docstring).
    """
    if not _ALIVE:
        import builtins
        names = set(dir(builtins))
        for obj in vars(builtins).values():
            if isinstance(obj, type):
                names.update(vars(obj))
        names.update(("<module>", "<lambda>", "<listcomp>", "<setcomp>", "<dictcomp>",
                      "<genexpr>", ".0", "return", "__main__", "__all__", "__path__",
                      "__file__", "__spec__", "__loader__", "__package__",
                      "__builtins__", "__annotations__", "__classcell__",
                      "__class__", "__qualname__", "__module__", "__name__",
                      "__doc__", "self", "cls", "args", "kwargs"))
        _ALIVE.append(frozenset(n for n in names if isinstance(n, str)))
    return _ALIVE[0]


class _Writer:
    """w_object with 3.10's reference decisions modelled (see module docstring)."""

    def __init__(self):
        self.out = bytearray()
        self.counts = {}        # identity key -> occurrences
        self.refs = {}          # identity key -> ref index, once written
        self.shared_always = set()

    # identities -----------------------------------------------------------------

    @staticmethod
    def _const_key(v):
        """_PyCode_ConstantKey: equal only if same type and value (0.0 vs -0.0)."""
        t = type(v)
        if t is float:
            return (t, struct.pack("<d", v))
        if t is complex:
            return (t, struct.pack("<dd", v.real, v.imag))
        if t is tuple:
            return (t, tuple(_Writer._const_key(x) for x in v))
        if t is frozenset:
            return (t, frozenset(_Writer._const_key(x) for x in v))
        if t is Code:
            return (t, id(v))
        return (t, v)

    def _key(self, v, role, interned):
        """The identity 3.10 gives ``v`` in its ``role``; None when never shared."""
        t = type(v)
        if t is str:
            if len(v) <= 1 and ord(v or "\0") < 256:
                return ("str", v)
            if interned:
                return ("str", v)
            if role == "filename":
                return ("filename", v)
            return ("const", str, v)
        if t is bytes:
            if len(v) <= 1:
                return ("bytes", v)        # the empty and 1-byte singletons
            # co_code and co_linetable go through the compiler's constant
            # cache too (3.10's assemble merges them), so equal ones are shared.
            return ("const", bytes, v)
        if t is int:
            if -5 <= v <= 256:
                return ("int", v)
            return ("const",) + self._const_key(v)
        if t is tuple:
            if not v:
                return ("tuple0",)
            # co_consts, co_names, co_varnames, co_freevars and co_cellvars are
            # merged with equal constant tuples (makecode's merge_const_tuple).
            return ("const",) + self._const_key(v)
        if t is frozenset:
            if not v:
                return ("frozenset0",)
            return ("const",) + self._const_key(v)
        if t in (float, complex):
            if v != v:
                return ("other", id(v))    # a NaN equals nothing: never merged
            return ("const",) + self._const_key(v)
        if t is Code:
            return ("code", id(v))
        return ("other", id(v))

    def _is_singleton(self, key):
        if key[0] in ("int", "bytes", "tuple0", "frozenset0", "filename"):
            return True
        if key[0] == "str":
            return len(key[1]) <= 1 or key[1] in _alive_names()
        return False

    # the two passes --------------------------------------------------------------

    def _visit(self, v, role="const", interned=False, top=False):
        """Pass 1: count how many references each identity gets."""
        if v is None or v is True or v is False or v is Ellipsis or v is StopIteration:
            return
        key = self._key(v, role, interned)
        if key is not None:
            n = self.counts.get(key, 0)
            self.counts[key] = n + 1
            if top:
                # The caller of marshal.dumps holds the top object too.
                self.counts[key] += 1
            if n:
                return                      # its insides were counted already
        t = type(v)
        if t is Code:
            self._visit(v.co_code, "code")
            self._visit(v.co_consts, "consts")
            for name in ("co_names", "co_varnames", "co_freevars", "co_cellvars"):
                tup = getattr(v, name)
                self._visit(tup, "names")
                for s in tup:
                    self._visit(s, "name", interned=True)
            self._visit(v.co_filename, "filename")
            self._visit(v.co_name, "name", interned=True)
            self._visit(v.co_linetable, "linetable")
        elif t is tuple and role == "names":
            return                          # the names were counted by the caller
        elif t in (tuple, list, set, frozenset):
            for x in (setorder.ordered(v, self.set_orders) if t is frozenset else v):
                self._visit(x, "const", interned=self._interns(x))
        elif t is dict:
            for k, x in v.items():
                self._visit(k, "const")
                self._visit(x, "const")

    code_names = frozenset()
    set_orders = None               # {id(frozenset): 3.10 order} of the codes written

    def _interns(self, x):
        # intern_string_constants: str constants of name characters, inside
        # tuples and frozensets too; and constants that are a code's name.
        return type(x) is str and (_all_name_chars(x) or x in self.code_names)

    def w_byte(self, b):
        self.out.append(b)

    def w_long(self, x):
        self.out += struct.pack("<i", x)

    def w_pstring(self, raw):
        self.w_long(len(raw))
        self.out += raw

    depth = 0

    def w_object(self, v, role="const", interned=False):
        # w_object's depth cap: every object written counts, singletons too.
        self.depth += 1
        if self.depth > MAX_MARSHAL_STACK_DEPTH:
            raise ValueError("object too deeply nested to marshal")
        try:
            self._w_object(v, role, interned)
        finally:
            self.depth -= 1

    def _w_object(self, v, role, interned):
        if v is None:
            self.w_byte(TYPE_NONE)
        elif v is StopIteration:
            self.w_byte(TYPE_STOPITER)
        elif v is Ellipsis:
            self.w_byte(TYPE_ELLIPSIS)
        elif v is False:
            self.w_byte(TYPE_FALSE)
        elif v is True:
            self.w_byte(TYPE_TRUE)
        else:
            flag = 0
            key = self._key(v, role, interned)
            if key is not None:
                idx = self.refs.get(key)
                if idx is not None:
                    self.w_byte(TYPE_REF)
                    self.w_long(idx)
                    return
                if self.counts.get(key, 0) > 1 or self._is_singleton(key):
                    self.refs[key] = len(self.refs)
                    flag = FLAG_REF
            self.w_complex_object(v, flag, role, interned)

    def w_complex_object(self, v, flag, role, interned):
        t = type(v)
        if t is int:
            if -(1 << 31) <= v < (1 << 31):
                self.w_byte(TYPE_INT | flag)
                self.w_long(v)
            else:
                self.w_byte(TYPE_LONG | flag)
                digits = []
                mag = abs(v)
                while mag:
                    digits.append(mag & (PyLong_MARSHAL_BASE - 1))
                    mag >>= PyLong_SHIFT
                self.w_long(-len(digits) if v < 0 else len(digits))
                self.out += struct.pack("<%dH" % len(digits), *digits)
        elif t is float:
            self.w_byte(TYPE_BINARY_FLOAT | flag)
            self.out += struct.pack("<d", v)
        elif t is complex:
            self.w_byte(TYPE_BINARY_COMPLEX | flag)
            self.out += struct.pack("<dd", v.real, v.imag)
        elif t is str:
            if len(v) <= 1:
                # 1-character strings are singletons: interned or not globally.
                interned = v in _INTERNED_1CHAR or _all_name_chars(v)
            if v.isascii():
                raw = v.encode("ascii")
                if len(raw) < 256:
                    self.w_byte((TYPE_SHORT_ASCII_INTERNED if interned
                                 else TYPE_SHORT_ASCII) | flag)
                    self.w_byte(len(raw))
                    self.out += raw
                else:
                    self.w_byte((TYPE_ASCII_INTERNED if interned else TYPE_ASCII) | flag)
                    self.w_pstring(raw)
            else:
                self.w_byte((TYPE_INTERNED if interned else TYPE_UNICODE) | flag)
                self.w_pstring(v.encode("utf-8", "surrogatepass"))
        elif t is bytes:
            self.w_byte(TYPE_STRING | flag)
            self.w_pstring(v)
        elif t is tuple:
            if len(v) < 256:
                self.w_byte(TYPE_SMALL_TUPLE | flag)
                self.w_byte(len(v))
            else:
                self.w_byte(TYPE_TUPLE | flag)
                self.w_long(len(v))
            item_role = "name" if role == "names" else "const"
            for x in v:
                self.w_object(x, item_role,
                              interned=(role == "names") or self._interns(x))
        elif t is list:
            self.w_byte(TYPE_LIST | flag)
            self.w_long(len(v))
            for x in v:
                self.w_object(x, "const", self._interns(x))
        elif t is dict:
            self.w_byte(TYPE_DICT | flag)
            for k, x in v.items():
                self.w_object(k, "const", self._interns(k))
                self.w_object(x, "const", self._interns(x))
            self.w_byte(TYPE_NULL)
        elif t in (set, frozenset):
            self.w_byte((TYPE_SET if t is set else TYPE_FROZENSET) | flag)
            self.w_long(len(v))
            # a frozenset constant in the order 3.10 would write it (fixed seed)
            for x in (setorder.ordered(v, self.set_orders) if t is frozenset else v):
                self.w_object(x, "const", self._interns(x))
        elif t is Code:
            self.w_byte(TYPE_CODE | flag)
            for name in ("co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
                         "co_nlocals", "co_stacksize", "co_flags"):
                self.w_long(getattr(v, name))
            self.w_object(v.co_code, "code")
            self.w_object(v.co_consts, "consts")
            self.w_object(v.co_names, "names")
            self.w_object(v.co_varnames, "names")
            self.w_object(v.co_freevars, "names")
            self.w_object(v.co_cellvars, "names")
            self.w_object(v.co_filename, "filename")
            self.w_object(v.co_name, "name", interned=True)
            self.w_long(v.co_firstlineno)
            self.w_object(v.co_linetable, "linetable")
        else:
            raise ValueError("unmarshallable object")


def nested_codes(code):
    """The code objects in ``code``'s constants, depth first."""
    for c in code.co_consts:
        if type(c) is Code:
            yield c
            yield from nested_codes(c)


def _code_names(obj, out):
    if type(obj) is Code:
        out.add(obj.co_name)
        for c in obj.co_consts:
            _code_names(c, out)
    return out


def _set_orders(obj):
    orders = {}
    if type(obj) is Code:
        for co in (obj,) + tuple(nested_codes(obj)):
            orders.update(co._set_orders or {})
    return orders


def dumps(obj):
    """Marshal ``obj`` (a Code, or a marshallable host value) as 3.10 does, version 4.

    Raises ValueError for what 3.10's marshal refuses, in its words: an object
    nested deeper than MAX_MARSHAL_STACK_DEPTH, an unmarshallable object.
    """
    # Each marshal level costs this writer a few host frames (as in loads):
    # CPython's depth cap must be what stops a deep object, not the host's
    # recursion limit (500 nested lambdas are 1,000 levels).
    old = sys.getrecursionlimit()
    need = MAX_MARSHAL_STACK_DEPTH * 3 + 200
    if old < need:
        sys.setrecursionlimit(need)
    try:
        return _dumps(obj)
    finally:
        if old < need:
            sys.setrecursionlimit(old)


def _dumps(obj):
    w = _Writer()
    # A function's qualname constant is its (interned) name object itself when
    # the two are equal, and the constant cache merges equal strings into it.
    w.code_names = _code_names(obj, set())
    w.set_orders = _set_orders(obj)
    if type(obj) is Code:
        # ...but no qualname constant is made for the outermost code.
        w.code_names.discard(obj.co_name)
        w.code_names |= {c.co_name for c in nested_codes(obj)}
    w._visit(obj, "const", interned=False, top=True)
    w.w_object(obj)
    return bytes(w.out)


# -- the .pyc container -----------------------------------------------------------

def _pack_u32(x):
    return (int(x) & 0xFFFFFFFF).to_bytes(4, "little")


def _classify_pyc(data, name):
    """Check a .pyc header; return its flags (importlib's _classify_pyc)."""
    magic = data[:4]
    if magic != MAGIC_NUMBER:
        raise PycError("bad magic number in %r: %r" % (name, bytes(magic)))
    if len(data) < 16:
        raise PycError("reached EOF while reading pyc header of %r" % (name,))
    flags = int.from_bytes(data[4:8], "little")
    if flags & ~0b11:
        raise PycError("invalid flags %r in %r" % (flags, name))
    return flags


def load_pyc(path_or_bytes, name=None):
    """The module code object of a 3.10 .pyc file (a path, or the file's bytes).

    ``name`` is the file the bytes came from, for the error messages.
    """
    if isinstance(path_or_bytes, (bytes, bytearray, memoryview)):
        data, name = bytes(path_or_bytes), name or "<bytes>"
    else:
        name = str(path_or_bytes)
        try:
            with open(path_or_bytes, "rb") as f:
                data = f.read()
        except OSError as err:
            raise PycError("cannot read %r: %s" % (name, err.strerror)) from None
    _classify_pyc(data, name)
    try:
        code = loads(data[16:])
    except PycError as err:
        raise PycError("bad marshal data in %r: %s" % (name, err)) from None
    if not isinstance(code, Code):
        raise PycError("Non-code object in %r" % (name,))
    return code


def dump_pyc(code, source_path=None, invalidation_mode="timestamp"):
    """A 3.10 .pyc image of ``code``: the 16-byte header, then marshal data.

    Timestamp pycs record the source's mtime and size (0 and 0 without a
    source); ``invalidation_mode`` 'checked-hash' / 'unchecked-hash' record
    the source's hash instead, as py_compile does.
    """
    if invalidation_mode == "timestamp":
        if source_path is not None:
            import os
            st = os.stat(source_path)
            mtime, size = int(st.st_mtime), st.st_size
        else:
            mtime = size = 0
        header = MAGIC_NUMBER + _pack_u32(0) + _pack_u32(mtime) + _pack_u32(size)
    elif invalidation_mode in ("checked-hash", "unchecked-hash"):
        if source_path is None:
            raise ValueError("a hash-based pyc needs its source")
        with open(source_path, "rb") as f:
            digest = source_hash(f.read())
        flags = 0b01 | (0b10 if invalidation_mode == "checked-hash" else 0)
        header = MAGIC_NUMBER + _pack_u32(flags) + digest
    else:
        raise ValueError("unknown invalidation mode %r" % (invalidation_mode,))
    return header + dumps(code)


def write_pyc(code, path, source_path=None, invalidation_mode="timestamp"):
    """Write dump_pyc(code, source_path) to ``path`` (atomically, as importlib does)."""
    import os
    data = dump_pyc(code, source_path, invalidation_mode)
    if os.path.isdir(path):
        raise IsADirectoryError(21, os.strerror(21), path)
    tmp = "%s.%d.tmp" % (path, os.getpid())
    try:
        with open(tmp, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)   # never leave the temporary file behind
        except OSError:
            pass
        raise


# SipHash-2-4 keyed with the magic number: _imp.source_hash of 3.10.
def _siphash24(key, data):
    k0 = int.from_bytes(key[:8], "little")
    k1 = int.from_bytes(key[8:16], "little")
    return setorder.siphash24(k0, k1, data).to_bytes(8, "little")


def source_hash(source_bytes):
    """importlib.util.source_hash of 3.10: SipHash-2-4 keyed by the magic number."""
    # _imp.source_hash takes the key as a 64-bit integer (the little-endian
    # magic number, zero-extended) and feeds it as both halves' bytes.
    key = int.from_bytes(MAGIC_NUMBER, "little").to_bytes(8, "little") + bytes(8)
    return _siphash24(key, bytes(source_bytes))


# -- command line -----------------------------------------------------------------

def main_compile(argv=None):
    """``evalframe compile FILE [-o OUT.pyc]``: compile FILE with evalframe into a .pyc."""
    import argparse
    import os

    parser = argparse.ArgumentParser(prog="evalframe compile",
                                     description="Compile a Python file to a "
                                                 "CPython 3.10 .pyc with evalframe.")
    parser.add_argument("file")
    parser.add_argument("-o", dest="output", metavar="OUT.pyc",
                        help="output path (default: FILE with .pyc)")
    args = parser.parse_args(argv)
    try:
        with open(args.file, "rb") as f:
            source = f.read()
    except OSError as err:
        print("evalframe compile: %s" % err, file=sys.stderr)
        return 1
    from .compiler import compile_source
    try:
        code = compile_source(source, args.file, "exec")
    except SyntaxError as err:
        print("%s: %s" % (type(err).__name__, err), file=sys.stderr)
        return 1
    out = args.output or os.path.splitext(args.file)[0] + ".pyc"
    try:
        write_pyc(code, out, source_path=args.file)
    except OSError as err:
        print("evalframe compile: cannot write %r: %s" % (out, err.strerror or err),
              file=sys.stderr)
        return 1
    except ValueError as err:
        # what 3.10's marshal refuses (py_compile fails the same way), e.g.
        # 1,000 nested lambdas: "object too deeply nested to marshal"
        print("%s: %s" % (type(err).__name__, err), file=sys.stderr)
        return 1
    return 0
