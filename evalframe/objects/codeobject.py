"""Code objects: compiled bytecode plus everything needed to run it.

Mirrors Objects/codeobject.c of CPython 3.10: the ``co_*`` fields, ``co_lines()``
(the 3.10 line-table walk of ``lineiter_next``), ``co_lnotab`` derived from
``co_linetable`` (``decode_linetable``), ``replace()``, equality and CPython's repr.

Beyond 3.10 it carries ``co_qualname`` (as 3.11 does) and, as an evalframe
extension, ``co_positions()``: per-instruction (lineno, end_lineno, col,
end_col) source ranges, used to print tracebacks with the host's carets.
The compiler marks in ``_super_attr`` the codes whose ``super().name`` a
3.12+ CPython compiles to LOAD_SUPER_ATTR (its errors differ from super()'s).
The interpreter caches its pre-decoded form of ``co_code`` in ``_decoded``;
``co_zombieframe`` is 3.10's field of the same name (a C field there, shown
here so tools can see the model; objects/frameobject.py).  For 3.13+ hosts
it computes, once per code object, what their compiler stores and 3.10
bytecode cannot carry: cleaned docstrings (clean_doc) and a class body's
``__static_attributes__`` (static_attributes).
"""

# co_flags bits (Include/code.h, 3.10)
import sys as _sys

CO_OPTIMIZED = 0x0001
CO_NEWLOCALS = 0x0002
CO_VARARGS = 0x0004
CO_VARKEYWORDS = 0x0008
CO_NESTED = 0x0010
CO_GENERATOR = 0x0020
CO_NOFREE = 0x0040
CO_COROUTINE = 0x0080
CO_ITERABLE_COROUTINE = 0x0100
CO_ASYNC_GENERATOR = 0x0200

COMPILER_FLAG_NAMES = {
    CO_OPTIMIZED: "OPTIMIZED", CO_NEWLOCALS: "NEWLOCALS", CO_VARARGS: "VARARGS",
    CO_VARKEYWORDS: "VARKEYWORDS", CO_NESTED: "NESTED", CO_GENERATOR: "GENERATOR",
    CO_NOFREE: "NOFREE", CO_COROUTINE: "COROUTINE",
    CO_ITERABLE_COROUTINE: "ITERABLE_COROUTINE", CO_ASYNC_GENERATOR: "ASYNC_GENERATOR",
}

FIELDS = (
    "co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
    "co_stacksize", "co_flags", "co_code", "co_consts", "co_names", "co_varnames",
    "co_freevars", "co_cellvars", "co_filename", "co_name", "co_qualname",
    "co_firstlineno", "co_linetable",
)


class Code:
    """A CPython 3.10 code object, built by our compiler or read from a .pyc."""

    __slots__ = FIELDS + ("_positions", "_decoded", "_hash", "_set_orders", "co_zombieframe",
                           "_super_attr", "_cleandoc", "_static_attributes", "__weakref__")

    def __init__(self, co_argcount=0, co_posonlyargcount=0, co_kwonlyargcount=0,
                 co_nlocals=0, co_stacksize=0, co_flags=0, co_code=b"",
                 co_consts=(), co_names=(), co_varnames=(), co_freevars=(),
                 co_cellvars=(), co_filename="", co_name="", co_qualname=None,
                 co_firstlineno=1, co_linetable=b"", positions=None, set_orders=None):
        self.co_argcount = co_argcount
        self.co_posonlyargcount = co_posonlyargcount
        self.co_kwonlyargcount = co_kwonlyargcount
        self.co_nlocals = co_nlocals
        self.co_stacksize = co_stacksize
        self.co_flags = co_flags
        self.co_code = bytes(co_code)
        self.co_consts = tuple(co_consts)
        self.co_names = tuple(co_names)
        self.co_varnames = tuple(co_varnames)
        self.co_freevars = tuple(co_freevars)
        self.co_cellvars = tuple(co_cellvars)
        self.co_filename = co_filename
        self.co_name = co_name
        self.co_qualname = co_name if co_qualname is None else co_qualname
        self.co_firstlineno = co_firstlineno
        self.co_linetable = bytes(co_linetable)
        self._positions = positions
        self._decoded = None
        # {id(frozenset constant): its items in CPython 3.10's order}, for dis
        # and marshal under a fixed hash seed (objects/setorder.py), or None
        self._set_orders = set_orders
        # PyCodeObject.co_zombieframe (3.10): the last frame of this code that
        # ended with nothing else holding it, kept for the next call to reuse
        # (objects/frameobject.py: frame_dealloc / frame_new; docs/vm.md)
        self.co_zombieframe = None
        # True where CPython 3.12+ compiles this code's ``super().name`` to
        # LOAD_SUPER_ATTR (compiler/codegen.py super_attr_code), whose errors
        # differ from super()'s (runtime/builtins.py super_attr_site); set by
        # our compiler, False for a code read from a .pyc
        self._super_attr = False
        # 3.13+ hosts: what its compiler would have put in the code object
        # and this one cannot (its constants and bytecode are 3.10's): a
        # function's docstring cleaned (Function), a class body's
        # __static_attributes__ (static_attributes below), computed once
        self._cleandoc = None
        self._static_attributes = None

    # -- derived views -------------------------------------------------------

    def _varname_from_oparg(self, oparg):
        """The name of local-plus slot ``oparg`` (3.11+'s code method, which the
        host's dis calls): fast locals, then the cells that are not also
        arguments/locals, then the free variables, as 3.11's co_localsplusnames."""
        names = self.co_varnames + tuple(
            n for n in self.co_cellvars if n not in self.co_varnames) + self.co_freevars
        return names[oparg]


    def co_lines(self):
        """Yield (start, end, line) byte ranges, as 3.10's code.co_lines()."""
        # Like 3.10's PyLineTable_NextAddressRange: one range per non-empty
        # entry, not merged with its neighbours; empty entries only move the line.
        table = self.co_linetable
        line = self.co_firstlineno
        start = 0
        for i in range(0, len(table) - 1, 2):
            end = start + table[i]
            ldelta = table[i + 1]
            if ldelta == 128:
                cur = None
            else:
                line += ldelta - 256 if ldelta > 127 else ldelta
                cur = line
            if end != start:
                yield (start, end, cur)
            start = end

    @property
    def co_lnotab(self):
        """The pre-3.10 line table, derived from co_linetable (decode_linetable)."""
        # decode_linetable: walk the ranges with the running line counter (which
        # a "no line" entry leaves alone) and emit a pair whenever it changes.
        out = bytearray()
        table = self.co_linetable
        code_line = computed = self.co_firstlineno
        code_offset = start = 0
        for i in range(0, len(table) - 1, 2):
            end = start + table[i]
            ldelta = table[i + 1]
            if ldelta != 128:
                computed += ldelta - 256 if ldelta > 127 else ldelta
            if end != start and computed != code_line:
                bdelta = start - code_offset
                ldelta = computed - code_line
                while bdelta > 255:
                    out += b"\xff\x00"
                    bdelta -= 255
                while ldelta > 127:
                    out += bytes((bdelta, 127))
                    ldelta -= 127
                    bdelta = 0
                while ldelta < -128:
                    out += bytes((bdelta, 128))
                    ldelta += 128
                    bdelta = 0
                out += bytes((bdelta, ldelta & 0xFF))
                code_offset = start
                code_line = computed
            start = end
        return bytes(out)

    if _sys.version_info >= (3, 11):
        # 3.10 code has no exception table (its handlers are SETUP_* blocks);
        # 3.11+ tools read the attribute
        co_exceptiontable = b""

    def co_positions(self):
        """Yield (lineno, end_lineno, col, end_col) per instruction (3.11's API)."""
        ninstr = len(self.co_code) // 2
        if self._positions is not None and len(self._positions) == ninstr:
            yield from self._positions
            return
        lines = {}
        for start, end, line in self.co_lines():
            for off in range(start, end, 2):
                lines[off] = line
        for i in range(ninstr):
            line = lines.get(2 * i)
            yield (line, line, None, None)

    def addr2line(self, offset):
        """The line of the instruction at byte ``offset`` (PyCode_Addr2Line)."""
        if offset < 0:
            return self.co_firstlineno
        for start, end, line in self.co_lines():
            if start <= offset < end:
                return line
        return None

    def replace(self, **changes):
        fields = {name: getattr(self, name) for name in FIELDS}
        for name, value in changes.items():
            if name not in fields:
                raise TypeError("replace() got an unexpected keyword argument %r" % name)
            fields[name] = value
        positions = self._positions if "co_code" not in changes else None
        orders = self._set_orders if "co_consts" not in changes else None
        co = Code(positions=positions, set_orders=orders, **fields)
        # (CPython's replace() keeps the instructions: LOAD_SUPER_ATTR stays)
        co._super_attr = self._super_attr if "co_code" not in changes else False
        return co

    # -- identity ------------------------------------------------------------

    def _key(self):
        return (self.co_name, self.co_qualname, self.co_argcount,
                self.co_posonlyargcount, self.co_kwonlyargcount, self.co_nlocals,
                self.co_flags, self.co_firstlineno, self.co_code, self.co_consts,
                self.co_names, self.co_varnames, self.co_freevars, self.co_cellvars,
                self.co_linetable)

    def __eq__(self, other):
        if not isinstance(other, Code):
            return NotImplemented
        # Constants compare by type too, as code_richcompare's _PyCode_ConstantKey.
        return (self._key() == other._key()
                and [type(c) for c in self.co_consts] == [type(c) for c in other.co_consts])

    def __hash__(self):
        # computed once: code objects do not change, and the hash covers the
        # nested code objects in co_consts (a dict keyed by a module's code
        # would otherwise hash the whole program at every lookup)
        try:
            return self._hash
        except AttributeError:
            h = self._hash = hash(self._key())
            return h

    def __repr__(self):
        return '<code object %s at %#x, file "%s", line %d>' % (
            self.co_name, id(self), self.co_filename, self.co_firstlineno)


def iter_code_objects(code):
    """Yield ``code`` and every code object nested in its constants, depth first."""
    yield code
    for const in code.co_consts:
        if isinstance(const, Code):
            yield from iter_code_objects(const)


# -- what CPython 3.13's compiler adds that 3.10 bytecode cannot carry ----------------

CLEANS_DOCS = _sys.version_info >= (3, 13)
# (3.10's opcodes, kept literal: objects do not import opcodes)
_STORE_NAME, _STORE_ATTR, _LOAD_NAME, _LOAD_GLOBAL, _LOAD_FAST = 90, 95, 101, 116, 124
_LOAD_DEREF, _EXTENDED_ARG, _LOAD_CLASSDEREF = 136, 144, 148
ADDS_CLASS_ATTRIBUTES = _sys.version_info >= (3, 13)


def clean_doc(doc):
    """_PyCompile_CleanDoc (3.13): a docstring as the 3.13 compiler stores it.

    inspect.cleandoc without the removal of leading and trailing blank lines
    (the lines keep their numbers): tabs expanded, the first line's leading
    spaces removed, and from every later line the smallest indentation (in
    spaces) of the later lines that are not all spaces.
    """
    doc = doc.expandtabs()
    lines = doc.split("\n")
    margin = None
    for line in lines[1:]:
        indent = len(line) - len(line.lstrip(" "))
        if indent < len(line) and (margin is None or indent < margin):
            margin = indent
    margin = margin or 0
    first = lines[0].lstrip(" ")
    if margin == 0 and len(first) == len(lines[0]):
        return doc
    # (an all-space line shorter than the margin loses all its spaces)
    return "\n".join([first] + [line[margin:] for line in lines[1:]])


def _instructions(code):
    """(opcode, argument) of each instruction, EXTENDED_ARG folded in."""
    co_code = code.co_code
    ext = 0
    for i in range(0, len(co_code), 2):
        op, arg = co_code[i], co_code[i + 1] | ext
        if op == _EXTENDED_ARG:
            ext = arg << 8
            continue
        ext = 0
        yield op, arg


def _self_stores(code, into, private):
    """Add to ``into`` the names NAME of ``self.NAME = ...`` stores in ``code``
    itself: a STORE_ATTR right after a load of a variable named 'self' (the
    3.10 bytecode of an assignment to Attribute(Name('self')); an augmented
    assignment stores after a ROT_TWO, a deletion is DELETE_ATTR: 3.13 counts
    neither).  STORE_ATTR holds the name mangled by the class ``private``
    (_Class__x); 3.13 keeps it as written (__x)."""
    names, varnames = code.co_names, code.co_varnames
    derefs = code.co_cellvars + code.co_freevars
    prefix = "_" + private.lstrip("_") + "__"
    prev = None
    for op, arg in _instructions(code):
        if op == _STORE_ATTR and prev is not None:
            pop, parg = prev
            if pop == _LOAD_FAST:
                obj = varnames[parg]
            elif pop == _LOAD_DEREF or pop == _LOAD_CLASSDEREF:
                obj = derefs[parg]
            elif pop == _LOAD_GLOBAL or pop == _LOAD_NAME:
                obj = names[parg]
            else:
                obj = None
            if obj == "self":
                name = names[arg]
                if prefix != "___" and name.startswith(prefix) and not name.endswith("__"):
                    name = "__" + name[len(prefix):]
                into.add(name)
        prev = (op, arg)


def is_class_body(code):
    """Whether ``code`` is the body of a class statement: no new locals (a
    function's), and 3.10's prelude (``__module__ = __name__``,
    ``__qualname__ = 'Q'``) first."""
    return (not code.co_flags & CO_NEWLOCALS
            and code.co_names[:3] == ("__name__", "__module__", "__qualname__")
            and code.co_code[6:8] == bytes((_STORE_NAME, 2)))     # (__qualname__)


def static_attributes(code):
    """The class body ``code``'s ``__static_attributes__`` as CPython 3.13's
    compiler makes it (compiler_visit_expr's Attribute case, then
    compiler_class_body): the sorted names of the ``self.NAME = ...``
    assignments (the variable named 'self', whatever the first parameter is
    called) anywhere in the scopes nested in the class (methods, their inner
    functions, lambdas, comprehensions; a nested class's own body too, but
    not its methods: they are the nested class's), unmangled.  None when
    ``code`` is not a class body; computed once per code object.  Read from
    the code objects, so it holds for code read from a .pyc as well."""
    found = code._static_attributes
    if found is None:
        if not is_class_body(code):
            found = False
        else:
            attrs = set()

            def nested(c):
                for const in c.co_consts:
                    if isinstance(const, Code):
                        if is_class_body(const):
                            _self_stores(const, attrs, const.co_name)
                        else:
                            _self_stores(const, attrs, code.co_name)
                            nested(const)
            nested(code)
            found = tuple(sorted(attrs))
        code._static_attributes = found
    return found if found is not False else None


def set_type_dict_entry(cls, name, value):
    """Put ``name: value`` into the dict of class ``cls`` itself.

    For entries ``setattr(cls, ...)`` cannot make: ``cls.__class__ = x`` would
    try to change the class's metatype, and a non-str ``__qualname__`` in a
    class body is rejected by type_new.  The type's dict is found through the
    garbage collector (it is not reachable from Python otherwise), and the
    method cache is invalidated afterwards by an ordinary setattr/delattr
    (type_setattro -> PyType_Modified).
    """
    import gc
    for ref in gc.get_referents(cls.__dict__):
        # (the class's own dict: the one with exactly the class's keys; its
        # "__module__" entry may differ from cls.__module__, see funcobject)
        if isinstance(ref, dict) and "__slots__" in ref and ref.keys() == cls.__dict__.keys():
            ref[name] = value
            break
    else:
        raise RuntimeError("cannot find the dict of %r" % (cls,))
    cls._type_cache_bust = None
    del cls._type_cache_bust


# Py_TPFLAGS_IMMUTABLETYPE (3.10+): type_setattro refuses to set or delete an
# attribute of a type with it ("cannot set 'x' attribute of immutable type
# 'generator'"), as for CPython's static types
_IMMUTABLETYPE = 1 << 8


def _tp_flags_offset():
    """The byte offset of ``tp_flags`` in a type object, or None: the word that
    holds ``__flags__`` at the same offset in several static types (its place
    in PyTypeObject, after the object header and 19 fields, moves with a debug
    build's header)."""
    try:
        import ctypes
    except ImportError:
        return None
    step = ctypes.sizeof(ctypes.c_void_p)
    if ctypes.sizeof(ctypes.c_ulong) != step:
        return None     # (tp_flags is an unsigned long; not searched where it is narrower)
    probes = (int, type, object, dict, tuple)
    for off in range(0, 64 * step, step):
        if all(ctypes.c_ulong.from_address(id(t) + off).value == t.__flags__ for t in probes):
            return off
    return None


def make_immutable(*classes):
    """Give the VM's classes that stand for CPython's static types (generator,
    coroutine...) the flag those have, Py_TPFLAGS_IMMUTABLETYPE: ``type(g).send
    = f`` then raises the host's TypeError, for the guest as on CPython (a
    guest could otherwise replace what tier 2 calls directly, tier2gen's sites),
    and ``__flags__`` reads as CPython's.  Set once everything the VM installs
    on them is installed: the VM cannot set their attributes afterwards either.
    Only type_setattro and ``__class__`` assignment read the flag: attribute
    reads and the instances cost the same.  Where tp_flags is not found (no
    ctypes), the classes stay mutable."""
    if not hasattr(_sys, "implementation") or _sys.implementation.name != "cpython":
        return
    off = _tp_flags_offset()
    if off is None:
        return
    import ctypes
    for cls in classes:
        word = ctypes.c_ulong.from_address(id(cls) + off)
        if word.value != cls.__flags__:
            continue
        word.value = word.value | _IMMUTABLETYPE

def _register_as_host_code_type():
    """``isinstance(c, types.CodeType)`` is true for our code objects.

    Host libraries test for code objects that way (inspect.iscode, so
    inspect.getsource/getfile/getsourcelines of guest functions and frames,
    and pickle/copy checks), as they test ``types.FunctionType`` for guest
    functions (objects/funcobject.py does the same there): isinstance falls
    back to ``obj.__class__``.  ``type(c)`` is still Code, which is what the
    VM and the tools test, so nothing of ours is confused by it.
    """
    import types
    if not isinstance(Code(), types.CodeType):
        set_type_dict_entry(Code, "__class__", property(lambda self: types.CodeType))
        # and, as the host's code objects, atomic for copy.copy/deepcopy
        # (copy's dispatch tables key on type(x), which is Code)
        Code.__copy__ = lambda self: self
        Code.__deepcopy__ = lambda self, memo: self
    # and, as theirs, not picklable (the host's own words for it)
    import sys
    message = ("cannot pickle 'code' object" if sys.version_info < (3, 11)
               else "cannot pickle code objects")

    def no_pickle(self, *args):
        raise TypeError(message)
    Code.__reduce_ex__ = Code.__reduce__ = no_pickle


_register_as_host_code_type()

# type(c).__name__, __qualname__ and __module__ as CPython's: 'code', 'builtins'
# (the VM and the tools test ``type(c) is Code``, never the names).
Code.__name__ = Code.__qualname__ = "code"
Code.__module__ = "builtins"
