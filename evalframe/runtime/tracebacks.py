"""Guest tracebacks as real host tracebacks, printed by the host's own printer.

Mirrors PyTraceBack_Here (Python/traceback.c) for guest frames.  Each guest
frame an exception passes through prepends one real ``types.TracebackType``
whose ``tb_frame`` is a *stand-in host frame*: a frame of a tiny host code
object (made once per (file, function, source range) and cached) whose
co_filename / co_name / co_qualname are the guest's and whose location table
maps its instructions to the guest instruction's source range (from
``Code.co_positions()``; for 3.10-compiled code only the line is known).  The
frame itself is made by running that code with the guest frame's own globals
and locals, so ``tb_frame.f_globals`` is the module's dict and
``tb_frame.f_locals`` the guest's variables; the guest frame keeps it for the
next exception through the same place, as CPython's ``tb_frame`` is the
frame itself (see standin_frame).  So
sys.excepthook, the traceback module, logging and pytest print guest frames
with the guest's lines, and on 3.11+ the host's own ``^^^^``/``~~~^~~~``
carets, exactly as for a native run.

Frames of evalframe's own modules never show: when an exception first reaches
a guest frame, the new part of its traceback (everything before the first
stand-in entry) is cleaned of them, keeping host-library frames.
``clean_exception`` does the same for a whole exception (and its causes and
contexts) before the top level prints it.

Tier 2 makes no entry as an exception passes (2026-12-05, "tier 2's raw
entries" below): the host's own entries of its generated functions stay in
the chain, *raw*, and become the stand-in entries add_entry would have made
only when the traceback can be seen (``materialize``: a ``__traceback__``
read, sys.exc_info, a ``with`` block's ``__exit__``, except*, host code run
with the exception as its exc_info or as the exception leaving a guest
function for it, the top-level printer, settrace's 'exception' event, and
add_entry itself, tier 1's, before it adds its own).  An exception raised
and caught in hot code that no one looks at costs no stand-in at all.

Also the implicit chaining of exceptions raised by host code called from a
guest except block (the host did not know the guest's handled exception).
"""

import builtins as _host_builtins
import os
import sys
import threading
import gc as _gc
from types import TracebackType, FunctionType as _FunctionType, CellType as _CellType
from weakref import ref as _weakref
from functools import partial as _partial

from ..interpreter.decode import decode
from .hostlines import index_lines as _index_lines
from . import audit as _audit
from ..objects import excslots as _x
from ..objects import frameobject as _fo
from ..objects.cellobject import NULL as _NULL

_HOST = sys.version_info[:2]
_INLINED_COMPREHENSIONS = _HOST >= (3, 12)     # (PEP 709)
_GI_SUSPENDED = _HOST >= (3, 11)                # (generator.gi_suspended)
_NAME_SUGGESTIONS = _HOST >= (3, 10)           # (the printer's "Did you mean")
_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

# By id, not by code object: a code object hashes and compares by value (all
# its bytecode and constants), and these are read for every entry of every
# guest traceback (tier 2's host frames made that a fifth of an exception's
# cost).  The codes are kept alive (_vm_keep, _fake_cache), so ids stay theirs.
_vm_code = {}          # id(host code object) -> True if it belongs to evalframe
# (the ids of those that belong to evalframe: add_entry's walk over the VM's
# own host entries tests each with ``in``, no method call)
_vm_ids = set()
_vm_keep = []
_fake_cache = {}       # (filename, name, qualname, firstlineno, position, final line) -> code
_fake_keys = {}        # id(stand-in code object) -> its key
_host_eval = _host_builtins.eval


def _is_vm_code(co):
    r = _vm_code.get(id(co))
    if r is None:
        # (a stand-in code is the guest's, even of a guest file inside the
        # package: add_entry drops the VM's entries before the first stand-in)
        r = _vm_code[id(co)] = co.co_filename.startswith(_PKG_DIR) and id(co) not in _fake_keys
        _vm_keep.append(co)
        if r:
            _vm_ids.add(id(co))
            # (an exception passed through it, and others will: every host
            # traceback entry of it reads a line, see runtime/hostlines.py)
            _index_lines(co)
    return r


# -- location tables -------------------------------------------------------------

def _varint(value, out):
    while value >= 64:
        out.append(0x40 | (value & 0x3F))
        value >>= 6
    out.append(value)


def _svarint(value, out):
    _varint(((-value) << 1) | 1 if value < 0 else value << 1, out)


def _entry_311(out, ncodeunits, prev, lineno, end_lineno=None, col=None, end_col=None):
    """Append location entries covering ``ncodeunits``; returns the new line base."""
    while ncodeunits > 0:
        n = min(ncodeunits, 8)
        if lineno is None:
            out.append(0x80 | (15 << 3) | (n - 1))      # no location
        elif col is None or end_col is None or end_lineno is None:
            out.append(0x80 | (13 << 3) | (n - 1))      # line only
            _svarint(lineno - prev, out)
            prev = lineno
        else:
            out.append(0x80 | (14 << 3) | (n - 1))      # long form
            _svarint(lineno - prev, out)
            _varint(end_lineno - lineno, out)
            _varint(col + 1, out)
            _varint(end_col + 1, out)
            prev = lineno
        ncodeunits -= n
    return prev


def _location_table_311(ncodeunits, firstlineno, position, final_line):
    """A 3.11+ co_linetable: every code unit but the last at ``position``,
    the last one (where the stand-in frame stops) at ``final_line``."""
    lineno, end_lineno, col, end_col = position
    out = bytearray()
    prev = _entry_311(out, ncodeunits - 1, firstlineno, lineno, end_lineno, col, end_col)
    _entry_311(out, 1, prev, final_line)
    return bytes(out)


def _line_delta_310(out, nbytes, delta):
    if delta is None:
        out += bytes((nbytes, 0x80))                    # no line
        return
    while delta > 127:
        out += bytes((0, 127))
        delta -= 127
    while delta < -127:
        out += bytes((0, 0x81))                         # -127
        delta += 127
    out += bytes((nbytes, delta & 0xFF))


def _linetable_310(ncodeunits, firstlineno, lineno, final_line, nfinal=1):
    out = bytearray()
    _line_delta_310(out, 2 * (ncodeunits - nfinal), lineno - firstlineno)
    _line_delta_310(out, 2 * nfinal, None if final_line is None else final_line - lineno)
    return bytes(out)


def _split_location_table_311(ncodeunits, split, firstlineno, position, final_line):
    """A 3.11+ co_linetable: code units before ``split`` at ``position``, the
    rest at ``final_line``."""
    lineno, end_lineno, col, end_col = position
    out = bytearray()
    prev = _entry_311(out, split, firstlineno, lineno, end_lineno, col, end_col)
    _entry_311(out, ncodeunits - split, prev, final_line)
    return bytes(out)


# The stand-in's host code: an expression that calls a constant, compiled with a
# literal there, the literal then replaced by ``sys._getframe``: a C function,
# so the frame it returns is the stand-in frame itself, made without raising
# anything (a ZeroDivisionError raised and caught per entry before, a fifth of
# a traceback entry's host instructions).  Its last instruction, RETURN_VALUE,
# is where the frame stops: its f_lineno.
_STANDIN_SOURCE = '"evalframe stand-in"()'


def _standin_template():
    """(the stand-in's code without names, the index of its RETURN_VALUE)."""
    # (warnings is imported by the host's own start-up; no opcode table: the
    # code of an expression ends with its RETURN_VALUE, on every host, and
    # ``opcode`` cost 1.7 M instructions of every start)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")         # ("'str' object is not callable")
        base = compile(_STANDIN_SOURCE, "", "eval", dont_inherit=True)
    mark = _STANDIN_SOURCE[1:-3]
    consts = tuple(sys._getframe if type(c) is str and c == mark else c
                   for c in base.co_consts)
    if sys._getframe not in consts:
        raise RuntimeError("no constant to call in the stand-in code")
    base = base.replace(co_consts=consts)
    return base, len(base.co_code) // 2 - 1     # (RETURN_VALUE has no inline cache)


# Made once, when this module loads: not while a guest exception unwinds (an
# import there does file I/O, which lets other threads run where CPython's
# would not: more-itertools' callback_iter saw a raising worker not yet done).
_STANDIN_BASE, _STANDIN_SPLIT = _standin_template()


# A guest *function* frame's stand-in is a host function frame instead
# (2026-12-04, eleventh session; 3.11+ hosts, see _FUNCTION_STANDINS): a
# closure whose free variables are the guest's local names, and a hidden last
# one that holds the guest's fast locals while it runs; it stores them in its
# cells, deletes the unbound (NULL) ones and the hidden one, and returns its
# own frame.  The host makes its f_locals when someone reads it, from the
# cells, as for any function frame (3.13: a FrameLocalsProxy): no locals dict
# is copied per entry, and unbound locals are absent.  The cells are the guest
# frame's for every stand-in it gets, so a later entry through the same frame
# refreshes what all of them show (the same stand-in frame at the same place:
# its function called again), and ``frame.clear()`` empties them.  Only for
# codes without cells or free variables of their own (their fast locals hold
# guest cells): those keep the locals-dict stand-in.

_CELL_SOURCE = """\
def outer():
    {names} = _v = None
    def standin():
        nonlocal {names}, _v
        {names}, = _v
        del _v
{checks}        return (1,).x()
    return standin
"""
_cell_templates = {}      # number of names -> (code, index of its RETURN_VALUE)
# (3.11+: a host frame holds its function, f_func, and with it the cells, so
# that clear_frame can empty them through a weak reference to the function
# for as long as the frame lives; a 3.10 frame holds only the cells, which
# clear_frame could not reach once the guest frame is parked: 3.10 hosts keep
# the locals-dict stand-ins)
_FUNCTION_STANDINS = _HOST >= (3, 11)
# (the host's own: runtime/hostframes.py replaces sys._getframe with a Python
# function once the VM runs, and these templates are made later, when needed)
_HOST_GETFRAME = getattr(sys._getframe, "__wrapped__", sys._getframe)


class _GetFrame:
    x = _HOST_GETFRAME     # (a builtin: no binding, _GetFrame.x() is the call)


def _cell_template(n):
    """(the function stand-in code for ``n`` names, the index of its
    RETURN_VALUE).  Its free variables are the names (placeholders, in the
    order the compiler sorts them: zero-padded) and last a hidden one, ".v",
    which holds the values while it runs (the caller sets it; the code empties
    it): no parameters, so ``inspect.getargvalues`` of the frame finds none
    (IPython's and cgitb's tracebacks format each one from its f_locals)."""
    found = _cell_templates.get(n)
    if found is not None:
        return found
    width = len(str(n))
    names = ["_%0*d" % (width, i) for i in range(n)]
    if n:
        source = _CELL_SOURCE.format(
            names=", ".join(names),
            checks="".join('        if %s is ...: del %s\n' % (v, v) for v in names))
    else:
        source = ('def outer():\n    _v = None\n    def standin():\n        nonlocal _v\n'
                  '        del _v\n        return (1,).x()\n    return standin\n')
    # (made when a guest exception first needs it, perhaps at exit: nothing in
    # the source the compiler warns about, as ``is`` with a literal other than
    # ``...`` or a call of a literal, which would need the warnings module)
    module = compile(source, "", "exec", dont_inherit=True)
    outer = [c for c in module.co_consts if hasattr(c, "co_code")][0]
    inner = [c for c in outer.co_consts if hasattr(c, "co_code")][0]
    if inner.co_freevars != tuple(names) + ("_v",) or inner.co_argcount or inner.co_varnames:
        raise RuntimeError("unexpected stand-in template: %r" % (inner.co_freevars,))
    # (``...`` is NULL, ``(1,)`` a class whose attribute x is sys._getframe)
    consts = tuple(_GetFrame if type(c) is tuple and c == (1,) else
                   _NULL if c is ... else c
                   for c in inner.co_consts)
    inner = inner.replace(co_consts=consts)
    found = _cell_templates[n] = (inner, len(inner.co_code) // 2 - 1)
    return found


# An *alone* frame's stand-in (add_entry's ``alone``: the frame of a lean
# tier-2 call made for its one entry, never registered: no later entry
# refreshes or shares its locals) keeps the locals in its fast locals
# instead: no cells are made for it (the cells maker's call and its lambda:
# a quarter of such an entry), and its code names them as the guest's does,
# in co_varnames.  Only the hidden ".v" is a free variable (a new cell per
# entry, emptied by the code as the cells' template's is).
_ALONE_SOURCE = """\
def outer():
    _v = None
    def standin():
        nonlocal _v
        {names}, = _v
        del _v
{checks}        return (1,).x()
    return standin
"""
_alone_templates = {}     # number of names -> (code, index of its RETURN_VALUE)


def _alone_template(n):
    """(the alone stand-in code for ``n`` (> 0) names, the index of its
    RETURN_VALUE): _cell_template's with fast locals (see _ALONE_SOURCE)."""
    found = _alone_templates.get(n)
    if found is not None:
        return found
    width = len(str(n))
    names = ["_%0*d" % (width, i) for i in range(n)]
    source = _ALONE_SOURCE.format(
        names=", ".join(names),
        checks="".join('        if %s is ...: del %s\n' % (v, v) for v in names))
    module = compile(source, "", "exec", dont_inherit=True)
    outer = [c for c in module.co_consts if hasattr(c, "co_code")][0]
    inner = [c for c in outer.co_consts if hasattr(c, "co_code")][0]
    if (inner.co_varnames != tuple(names) or inner.co_freevars != ("_v",)
            or inner.co_argcount or inner.co_cellvars):
        raise RuntimeError("unexpected stand-in template: %r" % (inner.co_varnames,))
    consts = tuple(_GetFrame if type(c) is tuple and c == (1,) else
                   _NULL if c is ... else c
                   for c in inner.co_consts)
    inner = inner.replace(co_consts=consts)
    found = _alone_templates[n] = (inner, len(inner.co_code) // 2 - 1)
    return found


def _make_fake(filename, name, qualname, firstlineno, position, final_line, names=None,
               alone=False):
    """A stand-in code object: the guest's file, names and first line;
    instruction 0 is at the guest instruction's ``position`` (what the
    traceback entry shows: tb_lasti 0) and the RETURN_VALUE where its frame
    stops at ``final_line`` (the frame's f_lineno: the line the guest frame
    was last at, as PEP 626 defines it for a frame an exception left)."""
    lineno, end_lineno, col, end_col = position
    if end_lineno is not None and end_lineno < lineno:
        end_lineno, col, end_col = lineno, None, None
    if names is None:
        base, split = _STANDIN_BASE, _STANDIN_SPLIT
    elif alone:
        base, split = _alone_template(len(names))
    else:
        base, split = _cell_template(len(names))
    n = len(base.co_code) // 2
    changes = dict(co_filename=filename, co_name=name, co_firstlineno=firstlineno)
    if alone:
        changes["co_varnames"] = names
        changes["co_freevars"] = (".v",)
    elif names is not None:
        changes["co_freevars"] = names + (".v",)
    if _HOST >= (3, 11):
        changes["co_qualname"] = qualname
        changes["co_linetable"] = _split_location_table_311(
            n, split, firstlineno, (lineno, end_lineno, col, end_col), final_line)
    else:
        changes["co_linetable"] = _linetable_310(n, firstlineno, lineno, final_line,
                                                 n - split)
    return base.replace(**changes)


def _standin_code(key):
    code = _fake_cache.get(key)
    if code is None:
        code = _fake_cache[key] = _make_fake(*key)
        _fake_keys[id(code)] = key
    return code


# -- running a stand-in in the guest frame's namespaces ---------------------------------
# Each traceback entry of a guest frame gets a frame of its own, run with the
# guest frame's real globals and locals (f_globals is the module's dict, so
# unittest's '__unittest' filter and pyparsing's explain() see what they see
# on CPython; f_locals holds the guest's local variables as they were when the
# exception passed).  The stand-in code runs as module-level code (no fast
# locals), so its f_locals is the very mapping it ran with, on every host.
#
# A host frame that outlives its run keeps its caller (f_back), and with it the
# whole calling stack.  So stand-ins are run by a per-thread *driver*
# generator: the stand-in's caller is the driver's frame, whose own caller is
# none while it is suspended (generators drop f_back between runs).

class _Drivers(threading.local):
    gen = None


_drivers = _Drivers()


def _driver():
    # (each request is a list [callable] that the driver empties as it makes
    # the call: nothing of it stays in the suspended driver, which would keep
    # the guest's locals alive, and the sender has nothing to clear; the
    # frame goes out as the yielded value.  No arguments: a function
    # stand-in takes none, and a module-level one comes as a C partial of
    # eval, which adds no frame between the driver and the stand-in's)
    call = yield None
    while True:
        call = yield (call(), (call := None))[0]


def _run_standin(code, globals, locals):
    """Run stand-in ``code`` (a module-level one: with ``globals`` and
    ``locals``; a function one, see _CELL_SOURCE: ``code`` is the function,
    ``globals`` the guest's fast locals) in this thread's driver."""
    gen = _drivers.gen
    if gen is None or gen.gi_frame is None or gen.gi_running:
        if gen is not None and gen.gi_running:
            # re-entered (a host tracer of the stand-in): a fresh thread
            return _run_in_fresh_thread(code, globals, locals)
        # (none yet, or one closed: a stand-in's f_back is the driver's frame)
        gen = _drivers.gen = _driver()
        next(gen)
    if type(code) is _FunctionType:
        # (its hidden cell holds the values: the caller sets it)
        return gen.send(code)
    if "__builtins__" in globals:
        return gen.send(_partial(_host_eval, code, globals, locals))
    # (eval adds the host's builtins to a namespace without them: not to the guest's)
    try:
        return gen.send(_partial(_host_eval, code, globals, locals))
    finally:
        globals.pop("__builtins__", None)


def standin_frame(code, f, alone=False):
    """A frame of stand-in ``code`` with guest frame ``f``'s globals and locals:
    the one made for ``f`` last if it has the same code (another exception
    through the same frame, at the same place: the same ``tb_frame`` as on
    CPython), its locals refreshed.  ``alone``: ``f`` was made for this entry
    and nothing else holds it (add_entry): it is not registered."""
    if code.co_flags & _CO_OPTIMIZED:
        return _function_standin(code, f, alone)
    globals = f.f_globals
    if type(globals) is not dict:
        globals = {}
    optimized = f.f_code.co_flags & _CO_OPTIMIZED
    try:
        # (Frame.f_locals without its property)
        locals = f.fast_to_locals() if optimized else f.f_locals
    except Exception:
        locals = {}
    if locals is None:
        locals = globals
    # (a frame registered with these locals has its _f_standin slot set: read
    # unset, a slot raises, and an AttributeError's message is made in C)
    ref = _standin_guests.get(id(locals))
    known = ref is not None and ref() is f
    if known:
        last = f._f_standin
        if last is not None and last[0] is code and last[1] is locals and last[2].f_globals is globals:
            return last[2]
    if optimized and locals is not globals:
        # for clear_frame (a function's stand-in code is never a class body's:
        # the key holds the name, qualname and first line)
        _function_standins.add(id(code))
    # (_run_standin's usual case inline: this thread's driver suspended,
    # the guest's globals with their builtins)
    gen = _drivers.gen
    if gen is not None and (gen.gi_suspended if _GI_SUSPENDED else (
            gen.gi_frame is not None and not gen.gi_running)) and "__builtins__" in globals:
        frame = gen.send(_partial(_host_eval, code, globals, locals))
    else:
        frame = _run_standin(code, globals, locals)
    gen = None
    if alone:
        # (no later entry can be for this frame, and no guest can reach it
        # to clear it: what the registration is for)
        return frame
    # (kept on the guest Frame, which holds its globals and locals anyway;
    # frameswitch.park drops it with them)
    f._f_standin = (code, locals, frame)
    if not known:
        # (_remember_guest's usual case inline)
        guests = _standin_guests
        guests[id(locals)] = _weakref(f)
        if len(guests) > _sweep_at[0]:
            _remember_guest(locals, f)
    return frame


def _function_standin(code, f, alone, found=None):
    """standin_frame for a function stand-in code (see _CELL_SOURCE).
    ``found``: the memo entry of the instruction the entry is made at
    (_memo_standin), kept in the registration for _refinish_head."""
    if _fo.lean_linked[0] and _fo.lean_refresh is not None:
        # (a lean tier-2 call's locals are in its host frame: Frame.fast_to_locals)
        _fo.lean_refresh(f)
    fast = f.f_localsplus
    # (the stand-in code's names are those of f's code: co_freevars would
    # make a tuple at each read)
    n = len(fast)
    fits = n == f.f_code.co_nlocals
    globals = f.f_globals
    if type(globals) is not dict:
        globals = {}
    # (an ``alone`` frame was made for this entry: never registered)
    if alone:
        ref = None
    else:
        fid = id(f)
        ref = _cell_guests.get(fid)
    cells = None
    if ref is not None and ref() is f:
        # (registered: its _f_standin slot is set; None once the frame was
        # parked for reuse, frameswitch.park)
        last = f._f_standin
        if last is not None and type(last[1]) is _FunctionType and fits:
            if last[0] is code and last[3] is globals:
                # another exception through the frame at the same place: the same
                # frame, its cells refreshed (the call's own frame is dropped)
                last[4][-1].cell_contents = fast
                last[1]()
                if last[5] is not found:
                    f._f_standin = last[:5] + (found,)
                return last[2]
            cells = last[4]
            cells[-1].cell_contents = fast      # (the hidden cell: the values)
        last = None
    else:
        ref = None
    if cells is None:
        if not fits:
            # (a frame with no locals any more, a zombie's: a locals-dict stand-in)
            return standin_frame(_standin_code(_fake_keys[id(code)][:6]), f, alone)
        if alone and found is not None:
            # (never registered: its locals in its fast locals, _ALONE_SOURCE)
            code = found[5] or _alone_code(found)
            cells = (_CellType(fast),)
        else:
            # (and the hidden one, last)
            maker = _cell_makers.get(n)
            cells = maker(fast) if maker is not None else _new_cells(n, fast)
    func = _FunctionType(code, globals, None, None, cells)
    # (_run_standin's usual case first: this thread's driver there and
    # suspended; sending to one that is running, closed or None raises, and
    # _run_standin tells which: no test of its state per entry)
    try:
        frame = _drivers.gen.send(func)
    except (ValueError, StopIteration, AttributeError):
        frame = _run_standin(func, None, None)
    if alone:
        return frame        # (no later entry can be for ``f``)
    if ref is None:
        ref = _cell_guests[fid] = _weakref(f)
        if len(_cell_guests) > _cell_sweep_at[0]:
            _sweep_cells()
    # (its cells are shared by the frame's later stand-ins: what they all show)
    # (clear_frame finds the cells through the stand-in frame, which holds its
    # function, f_func, and the guest frame by these: no table of stand-in
    # frames, a weak reference, a tuple and a dict store per stand-in)
    f._f_standin = (code, func, frame, globals, cells, found)
    return frame


def _new_cells(n, values):
    """The closure of a function stand-in for ``n`` names: ``n`` new empty
    cells (the stand-in stores the values itself) and last its hidden one,
    holding ``values``.  Made by a host function per ``n`` whose cell
    variables (its parameter one of them, sorted last) a lambda closes over:
    its closure is the tuple (``n`` calls of ``types.CellType``, which parse
    their arguments, cost twice as much)."""
    maker = _cell_makers.get(n)
    if maker is None:
        names = "".join("_%d = " % i for i in range(n))
        free = "".join("_%d, " % i for i in range(n))
        source = ("def cells(_v):\n    if 0: %sNone\n    return (lambda: (%s_v)).__closure__\n"
                  % (names, free))
        namespace = {}
        exec(compile(source, "", "exec", dont_inherit=True), namespace)
        maker = _cell_makers[n] = namespace["cells"]
    return maker(values)


_cell_makers = {}


# id(guest Frame) -> weak reference to it, for frames with a function stand-in
# (their _f_standin slot set).  Entries of dead frames are dropped when the
# table has doubled since its last sweep; an id reused by a later guest frame
# is overwritten when that frame registers.
_cell_guests = {}
_cell_sweep_at = [1024]


def _sweep_cells():
    # (over a copy, made without running any Python code: building a list of
    # the items may collect garbage, and a finalizer that raises makes a
    # traceback entry, which registers a frame here; an entry replaced
    # meanwhile stays)
    for key, ref in _cell_guests.copy().items():
        if ref() is None and _cell_guests.get(key) is ref:
            del _cell_guests[key]
    _cell_sweep_at[0] = max(1024, 2 * len(_cell_guests))


_CO_OPTIMIZED = 0x0001
_function_standins = set()                 # ids of stand-in codes of guest function frames
# id(guest f_locals dict) -> weak reference to the guest Frame whose stand-ins
# run with it (a plain dict and weakref.ref: no host library code that a guest
# rebinding builtins could break), for clear_frame and standin_frame.
# The weak references have no callback (one per guest frame an exception
# passed cost a closure, and a call when the frame died): an entry is right
# while its frame lives and that dict is still the frame's (clear_frame checks);
# the others are dropped when the table has doubled since its last sweep.
_standin_guests = {}
_sweep_at = [1024]


def _remember_guest(locals, f):
    guests = _standin_guests
    guests[id(locals)] = _weakref(f)
    if len(guests) > _sweep_at[0]:
        # (over a copy: see _sweep_cells)
        for key, ref in guests.copy().items():
            guest = ref()
            if (guest is None or id(guest._f_locals) != key) and guests.get(key) is ref:
                del guests[key]
        _sweep_at[0] = max(1024, 2 * len(guests))


def _standin_cells(frame):
    """The cells a function stand-in's frame shows (its function's closure),
    or None: found through what the frame holds (a finished host frame
    keeps its function, f_func), so that no table maps stand-in frames to
    their functions for the rare clear()."""
    code = frame.f_code
    for obj in _gc.get_referents(frame):
        if type(obj) is _FunctionType and obj.__code__ is code:
            return obj.__closure__
    return None


def clear_frame(frame):
    """``frame.clear()`` called by guest code on a host frame: for the stand-in
    of a guest function's frame (a traceback's ``tb_frame``), frame_clear of
    the guest frame ("cannot clear an executing frame" while it runs; its fast
    locals and cells dropped when finished), and the locals the stand-in shows
    emptied (the guest frame itself may be gone: a traceback keeps only its
    stand-in); any other host frame clears itself."""
    if _is_vm_code(frame.f_code):
        # one of the VM's own frames (a stand-in's f_back is the driver that ran
        # it): to the guest it stands for a caller, which is executing
        raise RuntimeError("cannot clear an executing frame")
    if id(frame.f_code) not in _function_standins:
        if frame.f_code.co_flags & _CO_OPTIMIZED and id(frame.f_code) in _fake_keys:
            # a function stand-in (see _CELL_SOURCE): its guest frame cleared
            # first (it may be executing), then the cells every stand-in of
            # that frame shows, then this frame's own view of them
            cells = _standin_cells(frame)
            if cells:
                # (the guest frame whose stand-ins share these cells: they are
                # its own until it is parked for reuse, then another call's
                # frame gets new ones; a scan, as clear() is rare where an
                # entry is made per exception, see _function_standin)
                for ref in _cell_guests.copy().values():
                    guest = ref()
                    last = guest._f_standin if guest is not None else None
                    if last is not None and type(last[1]) is _FunctionType and last[4] is cells:
                        guest.clear()
                        break
                for cell in cells:
                    try:
                        del cell.cell_contents
                    except ValueError:
                        pass
                ref = guest = last = None
            cells = None
        return frame.clear()
    locals = frame.f_locals
    if type(locals) is not dict:
        return frame.clear()
    guest = _standin_guests.get(id(locals))
    guest = guest() if guest is not None else None
    if guest is not None and guest._f_locals is locals:
        guest.clear()       # (a gone guest frame was not executing)
    locals.clear()
    return None


def _fake_worker(code, globals, locals, out, done):
    # (a stand-in returns its own frame; a NameError's code raises, and its
    # frame comes with tb_lasti; a function stand-in is called, _run_standin)
    try:
        if type(code) is _FunctionType:
            out.append(code())
        else:
            out.append(_host_eval(code, globals, locals))
    except BaseException as e:
        tb = _x.get_traceback(e).tb_next
        out.append((tb.tb_frame, tb.tb_lasti))
        tb = None
    finally:
        code = globals = locals = out = None
        done.release()


def _run_in_fresh_thread(code, globals, locals=None):
    """Run a stand-in code object where it has no caller but one bare frame.

    A host frame object that outlives its run keeps its caller (f_back) and
    so the whole calling stack with its locals; a stand-in made from inside
    the VM would keep the VM's frames, and the guest objects they hold,
    alive for ever.  A new thread's stack has nothing else on it.
    """
    import _thread
    out = []
    done = _thread.allocate_lock()
    done.acquire()
    if sys.is_finalizing():
        # at interpreter exit a new thread never runs (a finalizer's traceback):
        # make it here, nothing outlives the process anyway
        _fake_worker(code, globals, locals, out, done)
        return out[0]
    try:
        _thread.start_new_thread(_fake_worker, (code, globals, locals, out, done))
    except RuntimeError:
        # 3.12+: "can't create new thread at interpreter shutdown" (atexit)
        _fake_worker(code, globals, locals, out, done)
        return out[0]
    done.acquire()
    return out[0]


def _positions(code):
    d = code._decoded or decode(code)
    pos = d.positions
    if pos is None:
        pos = d.positions = list(code.co_positions())
    return pos


def _line_at(code, index):
    pos = _positions(code)
    lineno = pos[index][0] if 0 <= index < len(pos) else None
    if lineno is None and index >= 0:
        lineno = code.addr2line(2 * index)
    return lineno


def fake_location(code, index, final_index=None, f=None):
    """(stand-in frame, tb_lasti, tb_lineno) for instruction ``index`` of guest
    ``code``, the frame's own line being that of ``final_index`` (default:
    ``index``); the stand-in runs in guest frame ``f``'s namespaces (empty
    ones without ``f``)."""
    if final_index is None or final_index == index:
        memo = (code._decoded or decode(code)).standins
        found = memo.get(index) if memo is not None else None
        if found is None:
            found = _memo_standin(code, index)
        scode, lineno = found[0], found[1]
    else:
        scode, lineno = _standin_at(code, index, final_index)
    if f is None:
        if scode.co_flags & _CO_OPTIMIZED:
            n = len(scode.co_freevars) - 1
            cells = _new_cells(n, [_NULL] * n)
            func = _FunctionType(scode, {}, None, None, cells)
            return _run_standin(func, None, None), 0, lineno
        return _run_standin(scode, {}, {}), 0, lineno
    return standin_frame(scode, f), 0, lineno


def _memo_standin(code, index):
    """_standin_at(code, index, None), remembered per instruction (every entry
    of an exception raised where one was before) beside the code's decoded
    form, which lives as long as the code: a list [stand-in code, tb_lineno,
    the stand-in code a registered frame's entry gets (see _refinish_head:
    at first the same), ``index``, (that stand-in, the instruction the frame
    was left at when it was learned) or None, the stand-in code of an alone
    frame's entry (see _ALONE_SOURCE; _alone_code makes it) or None]: one
    object, read whole by another thread."""
    d = code._decoded or decode(code)
    if d.standins is None:
        d.standins = {}
    scode, lineno = _standin_at(code, index, None)
    found = d.standins[index] = [scode, lineno, scode, index, None, None]
    return found


def _alone_code(found):
    """The stand-in code of an alone frame's entry for memo entry ``found``
    (_memo_standin), whose own (found[0]) is a function stand-in's: the
    same key with fast locals (_ALONE_SOURCE), made once; for no names at
    all, found[0] itself (its only free variable is the hidden one)."""
    key = _fake_keys[id(found[0])]
    code = found[5] = _standin_code(key + (True,)) if key[6] else found[0]
    return code


def _standin_at(code, index, final_index):
    """(stand-in code, tb_lineno) for instruction ``index`` of guest ``code``
    (see fake_location)."""
    pos = _positions(code)
    position = pos[index] if 0 <= index < len(pos) else (code.co_firstlineno, None, None, None)
    lineno = position[0]
    if lineno is None:
        lineno = code.addr2line(2 * index) or code.co_firstlineno
        position = (lineno, None, None, None)
    elif lineno < 1:
        position = (lineno, None, None, None)
    final_line = lineno if final_index is None or final_index == index else \
        _line_at(code, final_index)
    key = (code.co_filename, code.co_name, code.co_qualname, code.co_firstlineno,
           position, final_line) + _cell_names(code)
    return _standin_code(key), lineno


def _cell_names(code):
    """The end of a stand-in key for guest ``code``: (its local names,) when
    its frames get function stand-ins (see _CELL_SOURCE), else ()."""
    if (_FUNCTION_STANDINS and code.co_flags & _CO_OPTIMIZED and not code.co_cellvars
            and not code.co_freevars and len(code.co_varnames) == code.co_nlocals):
        return (tuple(code.co_varnames),)
    return ()


def _refinish_head(tb, f, registered=False):
    """The head entry of ``tb`` belongs to guest frame ``f``, which is now at
    another line (RERAISE, bare raise): the same entry with a stand-in frame
    whose f_lineno is that line.  Which stand-in code that is, is remembered
    per (stand-in code, instruction) beside the code's decoded form (every
    ``finally`` an exception leaves comes here: the key's tuples and the
    cache lookup were most of this function).  A registered frame's next
    entry at the same instruction is made with that stand-in at once (its
    memo list, _memo_standin): when the frame leaves at that line again, the
    entry stays, its locals refreshed, as CPython's entry stays the frame's.
    ``registered``: ``f``'s _f_standin slot is known to be set (add_entry's
    tb_head says so)."""
    # The entry's stand-in is the frame's latest (registered: a function
    # stand-in): which instruction it was made at (its memo list), and its
    # code, a cached stand-in code, without a read of the entry frame's.
    frame = tb.tb_frame
    if registered:
        last = f._f_standin
    else:
        ref = _cell_guests.get(id(f))
        last = f._f_standin if ref is not None and ref() is f else None
        ref = None
    if last is not None and last[2] is frame and type(last[1]) is _FunctionType:
        scode = last[0]
    else:
        last = None
        scode = frame.f_code
        if id(scode) not in _fake_keys:
            return tb       # (not a cached stand-in: its id is not for ever)
    frame = None
    code = f.f_code
    index = f._lasti
    found = last[5] if last is not None else None
    learned = found[4] if found is not None else None
    if learned is not None and learned[1] == index and learned[0] is scode:
        # (the stand-in learned below, left where it was learned: it stops
        # at this line, no lookups)
        new = False
    else:
        sid = id(scode)
        d = code._decoded or decode(code)
        memo = d.standins
        if memo is None:
            memo = d.standins = {}
        # (a tuple key: the instructions' own entries are ints)
        new = memo.get((sid, index))
        if new is None:
            new = memo[(sid, index)] = _refinished(_fake_keys[sid], code, index)
        if last is None or (new is not False and not new.co_flags & _CO_OPTIMIZED):
            if new is False:
                return tb
            frame = (_function_standin(new, f, False) if new.co_flags & _CO_OPTIMIZED
                     else standin_frame(new, f))
            return TracebackType(tb.tb_next, frame, tb.tb_lasti, tb.tb_lineno)
    if new is False:
        # The stand-in already stops at the line the frame left at (the
        # frame's handler left it there the last time too, see below): the
        # same entry, its locals (shared cells) as they are now if the
        # frame ran on from the entry's instruction (a ``finally``).
        if found is not None and found[3] != index:
            if _fo.lean_linked[0] and _fo.lean_refresh is not None:
                _fo.lean_refresh(f)
            fast = f.f_localsplus
            if len(fast) == code.co_nlocals:
                last[4][-1].cell_contents = fast
                last[1]()
        return tb
    frame = _function_standin(new, f, False, found)
    if found is not None:
        # The next entry at that instruction of a registered frame gets this
        # stand-in: where its handler (a ``finally``, an unmatched ``except``)
        # leaves it again, the entry stays (one stand-in, not two).  Until
        # the frame leaves, its f_lineno is that line instead of the raise's
        # (CPython's is the line running then: neither is it but in the
        # handler's last line).
        found[2] = new
        found[4] = (new, index)
    return TracebackType(tb.tb_next, frame, tb.tb_lasti, tb.tb_lineno)


def _refinished(key, code, index):
    """The stand-in code for an entry of stand-in ``key`` whose guest frame
    (running ``code``) left it at instruction ``index``: False when that is
    the entry's own (another code's stand-in, the same line)."""
    if key[:4] != (code.co_filename, code.co_name, code.co_qualname, code.co_firstlineno):
        return False
    final_line = _line_at(code, index)
    if final_line == key[5]:
        return False
    return _standin_code(key[:5] + (final_line,) + _cell_names(code))


# -- cleaning ---------------------------------------------------------------------------

def _clean_head(tb):
    """Drop evalframe's frames before the first stand-in entry; (tb, seen)."""
    head = last = None
    seen = False
    vm = _vm_code
    while tb is not None:
        co = tb.tb_frame.f_code
        key = id(co)
        if key in _fake_keys:
            seen = True
            break
        # (_is_vm_code inlined: in tier 2 every guest frame an exception
        # leaves puts a few of the VM's host frames here)
        r = vm.get(key)
        if r is None:
            r = _is_vm_code(co)
        if r:
            tb = tb.tb_next
            continue
        if last is None:
            head = tb
        else:
            last.tb_next = tb
        last = tb
        tb = tb.tb_next
    if last is None:
        return tb, seen
    last.tb_next = tb
    return head, seen


def clean_traceback(tb):
    """A traceback chain without any of evalframe's own frames."""
    head = last = None
    while tb is not None:
        nxt = tb.tb_next
        if id(tb.tb_frame.f_code) in _fake_keys or not _is_vm_code(tb.tb_frame.f_code):
            if last is None:
                head = tb
            else:
                last.tb_next = tb
            last = tb
        tb = nxt
    if last is not None:
        last.tb_next = None
    return head


def clean_exception(exc, _seen=None):
    """Remove evalframe's frames from ``exc``'s traceback and those of its
    __cause__/__context__ chain (and exception groups), before printing."""
    if _seen is None:
        _seen = set()
    while exc is not None and id(exc) not in _seen:
        _seen.add(id(exc))
        try:
            materialize(exc)
            _x.set_traceback(exc, clean_traceback(_x.get_traceback(exc)))
        except Exception:
            pass
        for sub in getattr(exc, "exceptions", ()) or ():
            if isinstance(sub, BaseException):
                clean_exception(sub, _seen)
        if _x.get_cause(exc) is not None:
            clean_exception(_x.get_cause(exc), _seen)
        exc = _x.get_context(exc)
    return None


# -- the unwinder's hook ---------------------------------------------------------------

# The thread state's ``tb_head``: which guest frame the head entry of which
# exception is for, (id(exc), id(head entry), weak reference to the Frame,
# kind), set by add_entry as it makes or keeps that entry.  ``kind``: 0 the
# head is not a stand-in's entry, 1 it is, 2 it is and the Frame's
# _f_standin slot is set (standin_frame or _function_standin registered it:
# _refinish_head reads the slot without the registration's lookup).
_HEAD_OTHER = 0
_HEAD_STANDIN = 1
_HEAD_REGISTERED = 2


def add_entry(tstate, exc, f, add_tb, alone=False, after=None):
    """Called by ceval._unwind for each guest frame ``exc`` passes through.
    ``alone``: ``f`` is a frame made for this entry, which nothing else holds
    or will (the frame of a lean tier-2 call the exception leaves, made as it
    leaves: tier2.lean_raise); its stand-in is made but not registered, and
    no later entry looks for it (it dies when this returns).  ``after``: the
    traceback's head entry when the caller knows it is one of the VM's own
    host frames' (tier2.t2_raised: its own), where the walk over them
    starts."""
    tb = _x.get_traceback(exc)
    eid = id(exc)
    if not add_tb and not alone and tb is not None:
        # A re-raise (RERAISE, bare raise) whose head entry is already a
        # stand-in's, as it is at the end of every ``finally`` and unmatched
        # ``except``: all the rest of this function would do is record that
        # head for ``f``, which is usually what tb_head holds already (and
        # then says it is a stand-in's: no read of its frame's code).
        owner = tstate.tb_head
        if owner is not None and owner[1] == id(tb) and owner[0] == eid and owner[3]:
            if owner[2]() is not f:
                tstate.tb_head = (eid, owner[1], _weakref(f), _HEAD_STANDIN)
            return
        if id(tb.tb_frame.f_code) in _fake_keys:
            tstate.tb_head = (eid, id(tb), _weakref(f), _HEAD_STANDIN)
            return
    host_raised = tb is not None
    # The usual head: the VM's own host frames the exception passed since it
    # left the last guest frame (in tier 2 a few per guest frame), then that
    # frame's stand-in entry or nothing: dropped without relinking anything.
    # Anything else (a host library's frame among them, a code not met yet)
    # takes _clean_head.
    seen = False
    if host_raised:
        vm = _vm_ids
        head = tb if after is None else after.tb_next
        if head is not None:
            key = id(head.tb_frame.f_code)
            # (one test per entry walked: the chain ends with a stand-in or a
            # host library's entry far more often than with the VM's own)
            while key in vm:
                head = head.tb_next
                if head is None:
                    break
                key = id(head.tb_frame.f_code)
        if head is None:
            tb = None
        elif key in _fake_keys:
            tb = head
            seen = True
        else:
            # (tier 2's raw entries, _materialize, then the rest as before)
            tb, seen = _clean_head(_materialize(tstate, exc, tb if after is None else after.tb_next,
                                                f if add_tb else None))
        head = None
    if not seen and host_raised and not _replaying[0]:
        # First time a guest frame sees this exception: if host code raised
        # it, the host did not chain it to the guest's handled exception.
        # (An exception raised by host code always has a traceback entry of
        # the VM's frame that called it; one with no traceback at all was
        # re-raised by RERAISE, e.g. the group PREP_RERAISE_STAR built, and
        # RERAISE never sets a context.)
        if _x.get_context(exc) is None:
            handled = tstate.topmost_exception()
            if handled is not None and handled is not exc:
                _set_context(tstate, exc)
    kind = _HEAD_STANDIN if seen else _HEAD_OTHER
    if add_tb:
        if tb is not None and _INLINED_COMPREHENSIONS:
            inlined = _inline_comprehension(exc, tb, f, seen, tstate.tb_head)
            if inlined is not None:
                _x.set_traceback(exc, inlined)
                tstate.tb_head = (eid, id(inlined), _weakref(f), _HEAD_STANDIN)
                return
        if seen:
            # (_finish_left_frame's usual cases inline: the head entry is
            # this frame's own, or its callee's, which left it)
            owner = tstate.tb_head
            if owner is not None and owner[1] == id(tb) and owner[0] == eid:
                left = owner[2]()
                if left is not None and left is not f:
                    # (``left``, a guest Frame that raised: its slot, not
                    # Frame.f_back's tests for a lazily suspended generator)
                    tb = (_refinish_head(tb, left, owner[3] == _HEAD_REGISTERED)
                          if left._f_back is f else _finish_left_frame(exc, tb, f, owner))
                left = None
            owner = None
        if tb is None and _NAME_SUGGESTIONS and issubclass(type(exc), NameError):
            frame, lasti, lineno = _name_error_location(f)
            kind = _HEAD_OTHER
        else:
            # (fake_location's common case inline: one host call fewer per entry)
            code = f.f_code
            index = f._lasti
            try:
                found = (code._decoded or decode(code)).standins[index]
            except (KeyError, TypeError):       # (none yet: None, or no entry)
                found = _memo_standin(code, index)
            # (standin_frame's dispatch inline; an ``alone`` frame is never
            # refinished: its entry's own line is its last)
            scode = found[0] if alone else found[2]
            frame = (_function_standin(scode, f, alone, found) if scode.co_flags & _CO_OPTIMIZED
                     else standin_frame(scode, f, alone))
            scode = None
            lasti = 0
            lineno = found[1]
            # (registered unless alone, or a frame without locals any more
            # given a locals-dict stand-in: then too)
            kind = _HEAD_REGISTERED
        tb = TracebackType(tb, frame, lasti, lineno)
    _x.set_traceback(exc, tb)
    if alone:
        # (a weak reference to it would be dead by the next entry: the same)
        tstate.tb_head = None
        return
    # remember which guest frame the head entry is for (see _finish_left_frame;
    # the thread state's, not a threading.local: one C lookup fewer per entry)
    tstate.tb_head = (eid, id(tb), _weakref(f), kind)


def alone_entry(tstate, exc, code, index, globals, fast, after=None):
    """add_entry(tstate, exc, f, True, alone=True) for the frame of a lean
    tier-2 call that ``exc`` leaves, raised at instruction ``index`` of guest
    ``code``, with ``globals`` and final fast locals ``fast``, without making
    that Frame (tier2.lean_raise): nothing but this entry would see it.  Its
    stand-in is a function stand-in made straight from ``fast``.  Returns
    False, having done nothing, where add_entry would need the Frame or more
    than its usual case: a head entry (after the VM's own host entries) that
    is not a stand-in's or is another guest frame's that the exception left
    (_finish_left_frame), a NameError (its "Did you mean" entry), 3.12+'s
    inlined comprehensions, a code whose frames get locals-dict stand-ins,
    locals that are not the code's."""
    if _INLINED_COMPREHENSIONS or (_NAME_SUGGESTIONS and issubclass(type(exc), NameError)):
        return False
    if len(fast) != code.co_nlocals:
        return False
    # (``after``: the head entry, the lean call's own host frame's, as
    # add_entry's: the walk starts after it)
    tb = _x.get_traceback(exc) if after is None else after
    raised = tb is not None
    seen = False
    if raised:
        if after is not None:
            tb = tb.tb_next
        # (add_entry's walk over the VM's own host entries; a code not met
        # before is looked at as _clean_head does: the table remembers it)
        vm = _vm_ids
        while tb is not None:
            co = tb.tb_frame.f_code
            key = id(co)
            if key not in vm and (key in _vm_code or not _is_vm_code(co)):
                break
            tb = tb.tb_next
        co = None
        if tb is not None:
            if key not in _fake_keys:
                return False        # (a host library's entry: _clean_head relinks)
            seen = True
            owner = tstate.tb_head
            if owner is not None and owner[0] == id(exc) and owner[1] == id(tb):
                return False        # (the head is a guest frame's that this exception left)
    try:
        found = (code._decoded or decode(code)).standins[index]
    except (KeyError, TypeError):       # (none yet: None, or no entry)
        found = _memo_standin(code, index)
    scode = found[0]
    if not scode.co_flags & _CO_OPTIMIZED:
        return False
    if not seen and raised and not _replaying[0] and _x.get_context(exc) is None:
        # (add_entry's: host code raised it, and did not chain it)
        handled = tstate.topmost_exception()
        if handled is not None and handled is not exc:
            _set_context(tstate, exc)
    if type(globals) is not dict:
        globals = {}
    # (_function_standin's for an alone frame: its locals in its fast locals,
    # only the hidden cell made, _ALONE_SOURCE)
    func = _FunctionType(found[5] or _alone_code(found), globals, None, None,
                         (_CellType(fast),))
    # (_run_standin's usual case first: this thread's driver there and
    # suspended; sending to one that is running, closed or None raises, and
    # _run_standin tells which: no test of its state per entry)
    try:
        frame = _drivers.gen.send(func)
    except (ValueError, StopIteration, AttributeError):
        frame = _run_standin(func, None, None)
    func = None
    # (never registered)
    _x.set_traceback(exc, TracebackType(tb, frame, 0, found[1]))
    tstate.tb_head = None
    return True


def _finish_left_frame(exc, tb, f, owner):
    """The exception has left the guest frame its head entry is for (it now
    reaches ``f``): if that frame ran on after the entry was made (an except
    or finally clause, then RERAISE), the entry gets a stand-in whose
    f_lineno is the frame's last line, as a real frame's would be.  Done
    only once the exception has left, because until then the traceback
    object's identity matters (except*'s PREP_RERAISE_STAR compares it).
    ``owner``: the thread state's tb_head (add_entry)."""
    if owner is None or owner[0] != id(exc) or owner[1] != id(tb):
        return tb
    left = owner[2]()
    if left is None or left is f:
        return tb
    if left._f_back is f:
        # (the usual unwinding, callee to caller: no walk of the whole stack
        # below ``f`` for every entry)
        return _refinish_head(tb, left)
    # A frame still on the stack below ``f`` caught the exception and it was
    # raised again from a callee (six.reraise: ``raise value.with_traceback(tb)``):
    # the entry stays what it is, the same object, as on CPython.
    g = f.f_back
    depth = 0
    while g is not None and depth < 1000:
        if g is left:
            return tb
        g = g.f_back
        depth += 1
    return _refinish_head(tb, left)


# -- tier 2's raw entries (2026-12-05, sixteenth session) ----------------------------
# Tier 2 makes no stand-in entry as an exception passes its frames: the host
# has put the raw entries in the chain already (each tier-2 host frame's own,
# a few of the VM's helpers' between them), and they stay there until someone
# can see the traceback.  Then _materialize translates the raw head (every
# entry before the first stand-in) into the entries add_entry would have
# made, oldest first, by replaying add_entry (and alone_entry) on them: the
# VM's entries dropped, host library entries kept, each tier-2 host frame's
# entries its guest frame's (the guest instruction from the host line).  A
# frame-based function's host frame holds its guest Frame ``f`` (the same
# registration, shared cells and tb_frame as an eager entry); a lean
# function's finished host frame holds its final locals (an alone entry).
# What must happen at once still does: f._lasti, and the ``__context__`` a
# host-raised exception gets the first time a guest frame sees it
# (first_sight).

_CO_GENLIKE = 0x20 | 0x80 | 0x200      # (generator, coroutine, async generator)
RAW_FRAME = 1          # a frame-based tier-2 function's host code (tier2.compile_code)
RAW_LEAN = 2           # a lean tier-2 function's (tier2.compile_lean)
_raw_kinds = {}         # id(host code) -> RAW_FRAME or RAW_LEAN
# (the same, read by the generated except clause of a frame-based function:
# t2_caught has nothing to do when the entry after the head is a raw one,
# tier2.body_lines)
RAW_KINDS = _raw_kinds
_raw_keep = []
_replaying = [False]    # (add_entry and alone_entry chain nothing while replaying)
# (True once _replay_frame made a frame-based tier-2 function's entry: its
# returns and DELETE_FASTs refresh their stand-ins from then on, ``refresh``)
T2_STANDINS = [False]
from ..interpreter.pystate import handled as _handled
from ..interpreter.ops.exceptions import MADE as _MADE
# (bound once: an import statement in a function runs the import system at
# each call, and a run unlists the VM's modules from sys.modules, so it
# lists and unlists them again: ~500 host bytecodes each, evalframe/__init__)
from ..interpreter.ops.exceptions import set_context as _set_context


def register_raw(code, kind):
    """Tier 2's host ``code`` leaves raw traceback entries (see above): never
    one of the VM's own to the walks, and its line array made now (every
    exception through it reads the line of its entry, runtime/hostlines.py;
    not while the guest has audit hooks: the array is made under a profile
    function, whose setting they would see)."""
    _raw_kinds[id(code)] = kind
    _raw_keep.append(code)
    _vm_code[id(code)] = False
    _vm_ids.discard(id(code))
    if not _audit.hooks:
        _index_lines(code)


def t2_caught(tstate, exc, after, f=None):
    """What add_entry must do at once when tier 2 catches ``exc``, or it
    leaves a lean call (``after``: the head entry, that frame's own host
    entry): the VM's own host entries after it dropped (their frames hold
    what the VM passed around: arguments, temporaries, which must die when
    CPython's would; a stand-in or raw entry has had its part cleaned
    already), and the chaining to the guest's handled exception of an
    exception host code raised, the first time a guest frame sees it."""
    vm = _vm_ids
    t = after
    nxt = t.tb_next
    seen = False
    while nxt is not None:
        frame = nxt.tb_frame
        co = frame.f_code
        key = id(co)
        if key in _raw_kinds:
            # (the usual first guest entry, a tier-2 callee's, tested first:
            # never one of the VM's codes, register_raw, nor a stand-in's;
            # a guest frame has seen it: no chaining, and the locals go with
            # this frame)
            if t.tb_next is not nxt:
                t.tb_next = nxt
            return
        if key in vm or (key not in _vm_code and _is_vm_code(co)):
            # (the VM's frame, finished, let go of what it held: the raw
            # entries kept after it still hold it as their f_back, the host's
            # link of a finished frame to its caller; not a generator's,
            # which a clear() would close)
            if not co.co_flags & _CO_GENLIKE:
                frame.clear()
            nxt = nxt.tb_next
            continue
        if key in _fake_keys:
            seen = True
            if f is not None:
                # (a guest frame's entry, made at once (tier 1, a generator),
                # that the exception has just left for ``f``: the entry gets
                # the line that frame left at now, as add_entry's would,
                # while tb_head still says whose it is; before the VM's
                # entries go: one of their frames may be all that keeps
                # that guest frame alive)
                owner = tstate.tb_head
                if owner is not None and owner[1] == id(nxt) and owner[0] == id(exc):
                    nxt = _finish_left_frame(exc, nxt, f, owner)
                    tstate.tb_head = None
                owner = None
            if t.tb_next is not nxt:
                t.tb_next = nxt
            break
        if t.tb_next is not nxt:
            t.tb_next = nxt
        t = nxt             # (a host library's entry: kept)
        nxt = nxt.tb_next
    else:
        if t.tb_next is not None:
            t.tb_next = None
    co = t = nxt = frame = None
    if not seen and _handled[0] and _x.get_context(exc) is None:
        handled = tstate.topmost_exception()
        if handled is not None and handled is not exc:
            _set_context(tstate, exc)


def materialize(exc, tstate=None):
    """``exc``'s traceback with its raw tier-2 head made into stand-in entries
    (see above); returns it.  Called wherever the traceback can be seen."""
    tb = _x.get_traceback(exc)
    if tb is None or not _raw_kinds:
        return tb
    if tstate is None:
        from ..interpreter.pystate import get_tstate
        tstate = get_tstate()
    t = tb
    fake = _fake_keys
    raw = _raw_kinds
    while t is not None:
        key = id(t.tb_frame.f_code)
        if key in fake:
            return tb
        if key in raw:
            break
        t = t.tb_next
    if t is None:
        return tb
    # (the thread's tb_head, add_entry's record of the exception now
    # unwinding, stays that exception's: the replay sets it as it goes)
    saved_head = tstate.tb_head
    made = _materialize(tstate, exc, tb, None)
    if saved_head is not None and saved_head[0] != id(exc):
        tstate.tb_head = saved_head
    # (a RERAISE that restores ``tb``, saved as its handler was entered,
    # keeps these: ops/exceptions.restore_traceback)
    _MADE[0] = id(tb)
    _MADE[1] = id(made)
    return made


def refresh(f):
    """A frame-based tier-2 function's frame ``f`` returns, or deletes a
    local (an ``except ... as`` name's end), with a function stand-in made
    while it ran (when a traceback through it was seen): the stand-in shows
    its locals as they are now, as CPython's tb_frame, the frame itself,
    does (and its cells no longer keep an exception its traceback holds).
    (An entry made later, from the finished frame, has them anyway.)"""
    last = getattr(f, "_f_standin", None)     # (a slot, unset until used)
    if last is None or type(last[1]) is not _FunctionType:
        return
    fast = f.f_localsplus
    if len(fast) != f.f_code.co_nlocals:
        return
    if _fo.lean_linked[0] and _fo.lean_refresh is not None:
        _fo.lean_refresh(f)
        fast = f.f_localsplus
    last[4][-1].cell_contents = fast
    last[1]()


def load_traceback(owner):
    """``owner.__traceback__`` read by guest code (LOAD_ATTR of that name in
    tier 1, decode.py, and tier 2, tier2._block): an exception's raw tier-2
    entries made first."""
    if issubclass(type(owner), BaseException):
        materialize(owner)
    return getattr(owner, "__traceback__")


def LOAD_ATTR_traceback(f, stack, oparg):
    """Tier 1's LOAD_ATTR ``__traceback__`` (decode.py picks it by the name)."""
    stack[-1] = load_traceback(stack[-1])


def _materialize(tstate, exc, tb, own):
    """The chain ``tb`` (``exc``'s, or its part after the caller's own host
    entry) with its raw head made into stand-in entries, set as ``exc``'s
    traceback.  ``own``: the guest Frame add_entry is about to make an entry
    for (its own host frame's newest raw entry is that entry)."""
    raw = []
    t = tb
    fake = _fake_keys
    kinds = _raw_kinds
    any_raw = False
    while t is not None:
        key = id(t.tb_frame.f_code)
        if key in fake:
            break
        if key in kinds:
            any_raw = True
        raw.append(t)
        t = t.tb_next
    if not any_raw:
        return tb
    cur = t
    _replaying[0] = True
    try:
        i = len(raw) - 1
        while i >= 0:
            t = raw[i]
            frame = t.tb_frame
            kind = kinds.get(id(frame.f_code))
            if kind is None:
                if not _is_vm_code(frame.f_code):
                    cur = TracebackType(cur, frame, t.tb_lasti, t.tb_lineno)
                i -= 1
                continue
            j = i
            while j > 0 and raw[j - 1].tb_frame is frame:
                j -= 1
            group = raw[j:i + 1]        # (newest first)
            newest = j == 0
            i = j - 1
            if kind == RAW_LEAN:
                cur = _replay_lean(tstate, exc, frame, group, cur)
            else:
                cur = _replay_frame(tstate, exc, frame, group, cur, own if newest else None)
            frame = t = group = None
    finally:
        _replaying[0] = False
    _x.set_traceback(exc, cur)
    return cur


def _replay_frame(tstate, exc, hf, group, cur, own):
    """The entries of a frame-based tier-2 function's host frame ``hf``
    (``group``: its raw entries, newest first) on ``cur``."""
    from ..interpreter.tier2 import T2_LINES
    lines = T2_LINES.get(id(hf.f_code))
    f = None
    if lines is not None:
        loc = hf.f_locals
        f = loc.get("f")
        if type(loc) is dict:
            # (a snapshot the host keeps on its frame until the next read:
            # emptied, so that it holds none of the function's values, its
            # Frame among them, alive)
            loc.clear()
        loc = None
    if f is None:
        return cur
    ats = []
    for t in reversed(group):
        at = lines[t.tb_lineno]
        if at >= 0:
            ats.append(at)
    if own is not None and f is own and ats:
        ats.pop()       # (the entry the caller, add_entry, makes now)
    made = False
    saved = f._lasti
    if ats:
        # (from now on a frame-based tier-2 function's return refreshes
        # its stand-in, if it has one: refresh)
        T2_STANDINS[0] = True
    try:
        for at in ats:
            _x.set_traceback(exc, cur)
            f._lasti = at
            add_entry(tstate, exc, f, True)
            cur = _x.get_traceback(exc)
            made = True
    finally:
        f._lasti = saved
    if not made and cur is not None and id(cur.tb_frame.f_code) in _fake_keys:
        # (it left with no entry of its own: its handler re-raised what it
        # got, whose head entry the next frame's refinishes if it is ``f``'s)
        tstate.tb_head = (id(exc), id(cur), _weakref(f), _HEAD_STANDIN)
    return cur


def _replay_lean(tstate, exc, hf, group, cur):
    """The entry of a lean tier-2 call's finished host frame ``hf`` (its raw
    entries ``group``, newest first) on ``cur``: tier2.lean_raise's, made
    now.  Only its entry at a guest instruction counts: one at its except
    clause is lean_raise's raise after an entry made at once (a frame
    observed while it ran)."""
    from ..interpreter import t2frames as _t2f
    info = _t2f.LEAN_CODES[id(hf.f_code)]
    linemap = info.linemap
    for t in reversed(group):
        at = linemap[t.tb_lineno]
        if at >= 0:
            break
    else:
        return cur
    loc = hf.f_locals
    fast = []
    i = 0
    while True:
        name = "l%d" % i
        if name not in loc:
            break
        fast.append(loc[name])
        i += 1
    fast = tuple(fast)
    globals_ = loc.get("globals_")
    builtins_ = loc.get("builtins_")
    back = loc.get("back") if loc.get("frame0", 0) is not None else _t2f.LEAN
    if type(loc) is dict:
        loc.clear()         # (as _replay_frame's)
    loc = None
    _x.set_traceback(exc, cur)
    if at >= 0 and alone_entry(tstate, exc, info.code, at, globals_, fast):
        return _x.get_traceback(exc)
    fm = _t2f.make_direct(hf, back, globals_, builtins_, fast)
    index = _t2f.index_of(info, t.tb_lasti, t.tb_lineno)
    fm._lasti = index if index >= 0 else at
    add_entry(tstate, exc, fm, True, True)
    fm.f_state = _t2f.FRAME_RAISED
    return _x.get_traceback(exc)


# -- inlined comprehensions (PEP 709) ------------------------------------------------
# 3.12+ compile list, set and dict comprehensions into their enclosing code: a
# host traceback has no <listcomp> entry, and the enclosing frame's entry is
# at the comprehension's instruction.  Our bytecode is 3.10's, with a frame
# per comprehension; when an exception leaves one for its caller, the
# comprehension's entry becomes the caller's (same position, the caller's
# file and names).  Generator expressions stay frames on every version.

_COMPREHENSIONS = frozenset(("<listcomp>", "<setcomp>", "<dictcomp>"))
_CO_COROUTINE = 0x0080


def _inline_comprehension(exc, tb, f, seen, owner):
    """The traceback with head ``tb`` (a comprehension's entry, the exception
    now reaching its caller ``f``) as a 3.12+ host has it, or None when the
    head is not such an entry."""
    head_code = tb.tb_frame.f_code
    if head_code.co_name not in _COMPREHENSIONS or head_code.co_filename != f.f_code.co_filename:
        return None
    key = _fake_keys.get(id(tb.tb_frame.f_code)) if seen else None
    left = None
    if owner is not None and owner[0] == id(exc) and owner[1] == id(tb):
        left = owner[2]()
        if left is not None:
            left_code = left.f_code
            # (an async comprehension is a coroutine the caller awaited: its
            # frame, finished, no longer has a caller)
            awaited = left.f_back is None and left_code.co_flags & _CO_COROUTINE
            if (left is f or (left.f_back is not f and not awaited)
                    or left_code.co_name not in _COMPREHENSIONS):
                return None
    if key is None:
        # a NameError's own stand-in (see below): made again for the caller,
        # with the comprehension's position and the caller's names
        if left is None or not isinstance(exc, NameError):
            return None
        pos = _positions(left.f_code)
        index = left._lasti
        position = pos[index] if 0 <= index < len(pos) else None
        if position is None or position[0] is None:
            return None
        try:
            frame, lasti = _make_name_error_fake(f, position)
        except Exception:
            return None
        return TracebackType(tb.tb_next, frame, lasti, tb.tb_lineno)
    if left is not None:
        final_line = _line_at(left.f_code, left._lasti)
        if final_line is not None:
            key = key[:5] + (final_line,)
    code = f.f_code
    key = (code.co_filename, code.co_name, code.co_qualname, code.co_firstlineno) + key[4:6] \
        + _cell_names(code)
    frame = standin_frame(_standin_code(key), f)
    return TracebackType(tb.tb_next, frame, tb.tb_lasti, tb.tb_lineno)


# -- NameError suggestions ------------------------------------------------------------------
# The host's "Did you mean" for a NameError looks at the innermost traceback
# frame: its code's co_varnames (3.11's C printer) or its f_locals (3.12+), its
# f_globals and f_builtins.  So the innermost stand-in of a NameError is made
# afresh with the guest frame's names, globals and (bound) locals.

def _name_error_location(f):
    code = f.f_code
    pos = _positions(code)
    index = f._lasti
    position = pos[index] if 0 <= index < len(pos) else (code.co_firstlineno, None, None, None)
    lineno = position[0]
    if lineno is None:
        lineno = code.addr2line(2 * index) or code.co_firstlineno
    try:
        frame, lasti = _make_name_error_fake(f, position)
    except Exception:
        return fake_location(code, index, None, f)
    return frame, lasti, lineno


def _make_name_error_fake(f, position):
    import types
    from ..objects.codeobject import CO_OPTIMIZED
    from ..objects.cellobject import NULL, Cell
    code = f.f_code
    lineno, end_lineno, col, end_col = position
    if lineno is None or lineno < 1:
        lineno, end_lineno, col, end_col = 1, None, None, None
    globals = f.f_globals
    if code.co_flags & CO_OPTIMIZED:
        names, values = [], []
        fast = f.fast_locals()
        allnames = code.co_varnames + code.co_cellvars + code.co_freevars
        for i, name in enumerate(allnames):
            if not name.isidentifier() or name in names or i >= len(fast):
                continue
            value = fast[i]
            if isinstance(value, Cell) and i >= code.co_nlocals:
                value = value.ob_ref
            names.append(name)
            values.append(value)
        unbound = [n for n, v in zip(names, values) if v is NULL]
        body = ("def %s(%s):\n" % (code.co_name if code.co_name.isidentifier() else "f",
                                     ", ".join(names)))
        if unbound:
            body += "    del %s\n" % ", ".join(unbound)
        body += "    1/0\n"
        outer = compile(body, code.co_filename, "exec", dont_inherit=True)
        inner = [c for c in outer.co_consts if isinstance(c, types.CodeType)][0]
        inner = _relocate(inner, code, lineno, end_lineno, col, end_col)
        func = types.FunctionType(inner, globals if isinstance(globals, dict) else {})
        args = [None if v is NULL else v for v in values]
        return _call_in_fresh_thread(func, args)
    base = compile("1/0", code.co_filename, "exec", dont_inherit=True)
    base = _relocate(base, code, lineno, end_lineno, col, end_col)
    locals = f._f_locals if f._f_locals is not None else globals
    return _run_in_fresh_thread(base, globals, locals)


def _relocate(host_code, code, lineno, end_lineno, col, end_col):
    first = code.co_firstlineno
    n = len(host_code.co_code) // 2
    changes = dict(co_name=code.co_name, co_firstlineno=first)
    if _HOST >= (3, 11):
        changes["co_qualname"] = code.co_qualname
        changes["co_linetable"] = _location_table_311(
            n, first, (lineno, end_lineno, col, end_col), lineno)
    else:
        changes["co_linetable"] = _linetable_310(n, first, lineno, lineno)
    return host_code.replace(**changes)


def _call_worker(func, args, out, done):
    try:
        func(*args)
    except BaseException as e:
        tb = _x.get_traceback(e).tb_next
        out.append((tb.tb_frame, tb.tb_lasti))
        tb = None
    finally:
        func = args = out = None
        done.release()


def _call_in_fresh_thread(func, args):
    import _thread
    out = []
    done = _thread.allocate_lock()
    done.acquire()
    _thread.start_new_thread(_call_worker, (func, args, out, done))
    done.acquire()
    return out[0]


# -- host code called from a guest except block (3.10 hosts) ---------------------------
# The VM raises the guest's handled exception in the host, and calls the host
# callee from the except clause, so that the host's own exc_info (read by
# traceback.format_exc, logging.exception, sys.exc_info in a library) shows
# it.  3.11+ derive sys.exc_info()'s traceback from exc.__traceback__, which
# the handler restores.  3.10 keeps the traceback apart (exc_state's
# exc_traceback): the one the raise built, whose head is the raising frame.
# Raised from an evalframe frame, that head would print evalframe's line
# ("raise exc", "_call_in_exc").  So on 3.10 the raise happens in a
# *trampoline* frame whose code looks like the head entry's (its file,
# function and line), with the head entry left off the exception's
# traceback: the entry the raise makes takes its place.

_trampolines = {}      # (filename, name, qualname, firstlineno, lineno) -> code

_TRAMPOLINE_SOURCE = """\
try:
    raise __evalframe_exc__
except:
    __evalframe_release__()
    __evalframe_x__.set_traceback(__evalframe_exc__, __evalframe_tb__)
    __evalframe_x__.set_context(__evalframe_exc__, __evalframe_ctx__)
    __evalframe_x__.set_suppress_context(__evalframe_exc__, __evalframe_sup__)
    __evalframe_result__ = __evalframe_func__(*__evalframe_args__, **__evalframe_kwargs__)
"""


def _trampoline(tb):
    """The trampoline code for traceback entry ``tb`` (None if there is none)."""
    code = tb.tb_frame.f_code
    lineno = tb.tb_lineno
    if lineno is None or lineno < 1:
        return None
    key = (code.co_filename, code.co_name, getattr(code, "co_qualname", code.co_name),
           code.co_firstlineno, lineno)
    tramp = _trampolines.get(key)
    if tramp is None:
        base = compile(_TRAMPOLINE_SOURCE, key[0], "exec", dont_inherit=True)
        n = len(base.co_code) // 2
        firstlineno = key[3] if key[3] >= 1 else lineno
        changes = dict(co_name=key[1], co_firstlineno=firstlineno)
        if _HOST >= (3, 11):
            changes["co_qualname"] = key[2]
            changes["co_linetable"] = _location_table_311(
                n, firstlineno, (lineno, None, None, None), lineno)
        else:
            changes["co_linetable"] = _linetable_310(n, firstlineno, lineno, lineno)
        tramp = _trampolines[key] = base.replace(**changes)
        # its frames are evalframe's own: guest_view and the cleaners skip them
        _vm_code[id(tramp)] = True
        _vm_ids.add(id(tramp))
        _vm_keep.append(tramp)
        from . import hostframes
        hostframes.mark_vm_code(tramp)
    return tramp


def _no_release():
    pass


def _relink(release, cut, exc):
    """``release``, then the link the raise cut put back (first thing in the
    except clause, before the callee runs)."""
    def relink():
        release()
        _x.set_context(cut, exc)
    return relink


def call_in_exc(exc, func, args, kwargs):
    """Call host ``func`` with the host's exc_info showing guest-handled ``exc``
    and no evalframe frame in its traceback (see above)."""
    # (the host reads its traceback: tier 2's raw entries made first)
    tb = materialize(exc)
    ctx = _x.get_context(exc)
    sup = _x.get_suppress_context(exc)
    # (the link of the host's own handled chain the raise cuts: put back)
    held = sys.exc_info()[1]
    cut = None if held is None else _x.cut_by_raise(held, exc)
    tramp = _trampoline(tb) if tb is not None else None
    release = _no_release
    if type(type(exc)) is not type:
        from ..interpreter.call import hold_raising
        release = hold_raising(exc)
    if cut is not None:
        release = _relink(release, cut, exc)
    if tramp is None:
        try:
            raise exc
        except BaseException:
            release()
            _x.set_traceback(exc, tb)
            _x.set_context(exc, ctx)
            _x.set_suppress_context(exc, sup)
            return func(*args, **(kwargs or {}))
    # the host's real builtins: C code called from here (PyImport_Import, as
    # in datetime.strptime) finds __import__ in the calling frame's builtins
    ns = {"__builtins__": _host_builtins.__dict__, "__evalframe_exc__": exc, "__evalframe_tb__": tb,
          "__evalframe_x__": _x,
          "__evalframe_ctx__": ctx, "__evalframe_sup__": sup, "__evalframe_func__": func,
          "__evalframe_args__": args, "__evalframe_kwargs__": kwargs or {},
          "__evalframe_release__": release}
    _x.set_traceback(exc, tb.tb_next)
    try:
        exec(tramp, ns)
    finally:
        # (if the raise never happened the traceback is as it was)
        if _x.get_traceback(exc) is tb.tb_next:
            _x.set_traceback(exc, tb)
    return ns["__evalframe_result__"]


def _leave_hook(exc):
    """An exception leaving a guest function for its host caller: its raw
    tier-2 entries made into stand-ins (the host may read its traceback),
    then the VM's own entries dropped."""
    materialize(exc)
    _x.set_traceback(exc, clean_traceback(_x.get_traceback(exc)))


def _install_leave_hook():
    from ..objects.funcobject import set_leave_hook
    set_leave_hook(_leave_hook)


_install_leave_hook()
