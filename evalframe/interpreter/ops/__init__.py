"""The table of opcode handlers, and the cold helpers they call (one topic per module).

Every handler is derived from its declaration in interpreter/bytecodes.py
(interpreter/generated_handlers.py); the modules here hold the slow and error
paths the declared bodies call, with CPython's error texts.

Mirrors the ``switch (opcode)`` of Python/ceval.c (3.10), split the way PyPy's
pyopcode.py and the 3.12 bytecodes.c group them.  The handler convention
(docs/vm.md):

    def OPNAME(f, stack, arg):
        "(inputs -- outputs)"          # 3.12 stack-effect notation

``f`` is the running Frame, ``stack`` its value stack (a list, top at the end),
``arg`` the pre-decoded argument (decode.py: a constant, a name, an absolute
jump target, a comparison function... depending on the opcode).  A handler
returns None to fall through to the next instruction, an int to jump to that
instruction index, a Frame to push it (a guest call), or one of the signals
below.  Errors are raised as ordinary host exceptions; the eval loop unwinds.
"""


import _thread

from ... import opcodes


class Signal:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return "<signal %s>" % self.name


RETURN = Signal("RETURN")          # the return value is on top of the stack
YIELD = Signal("YIELD")            # the yielded value is on top of the stack
YIELD_AGAIN = Signal("YIELD_AGAIN")  # YIELD_FROM: yield TOS, re-run this instruction

HANDLERS = {}       # opname -> handler
ARG_DECODERS = {}   # opname -> f(code, index, arg) -> decoded arg (beyond the kind defaults)
# opcode -> {decoded arg: handler}: the per-value handlers of a definition with
# one body per argument value (bytecodes.py), which decode.py picks
VARIANTS = [None] * 256


def handler(fn):
    """Register ``fn`` as the handler of the opcode it is named after."""
    name = fn.__name__
    if name not in opcodes.opmap:
        raise NameError("no opcode named %s" % name)
    if name in HANDLERS:
        raise NameError("two handlers for %s" % name)
    HANDLERS[name] = fn
    return fn


def with_index(code, index, arg, darg):
    """The argument of a call opcode: (value, its own instruction index), so
    that a host callee inspecting the calling frame (warnings,
    sys._getframe().f_lineno, inspect.stack) sees an up-to-date f_lasti."""
    return (darg, index)


def arg_decoder(name):
    def register(fn):
        ARG_DECODERS[name] = fn
        return fn
    return register


_MODULES = ("names", "arith", "containers", "exceptions",
            "calls", "generators", "imports", "patterns")
_TABLE = None
_TABLE_LOCK = _thread.allocate_lock()   # (two evalframe.VMs may start in two threads)


def handler_table():
    """The 256-entry list of handlers indexed by opcode (built once)."""
    if _TABLE is None:
        with _TABLE_LOCK:
            if _TABLE is None:
                _build_table()
    return _TABLE


def _build_table():
    global _TABLE
    for mod in _MODULES:
        # (the VM's own import: importlib's would list the VM's modules
        # in sys.modules if a guest is running)
        __import__(__name__ + "." + mod, None, None, ("__name__",), 0)
    # the handlers derived from interpreter/bytecodes.py's definitions
    from .. import bytecodes
    derived = bytecodes.make_handlers()
    for name, fn in derived.items():
        handler(fn)
    for name, by_value in bytecodes.VARIANTS.items():
        VARIANTS[opcodes.opmap[name]] = by_value
    for name in bytecodes.WITH_INDEX:
        arg_decoder(name)(with_index)       # (a body naming INDEX)
    for name, fn in bytecodes.arg_decoders().items():
        arg_decoder(name)(fn)               # (a declaration's ``arg=``)
    table = [None] * 256
    for op in range(256):
        name = opcodes.opname[op]
        fn = HANDLERS.get(name)
        table[op] = fn if fn is not None else _make_unknown(op)
    _TABLE = table


def _make_unknown(op):
    def unknown_opcode(f, stack, arg):
        raise SystemError("unknown opcode %d" % op)
    unknown_opcode.__name__ = "<%d>" % op
    return unknown_opcode
