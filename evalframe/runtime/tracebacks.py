"""Guest tracebacks as real host tracebacks, printed by the host's own printer.

Mirrors PyTraceBack_Here (Python/traceback.c) for guest frames.  Each guest
frame an exception passes through prepends one real ``types.TracebackType``
whose ``tb_frame`` is a *stand-in host frame*: the frame of a tiny host code
object made once per (file, function, source range) and cached, whose
co_filename / co_name / co_qualname are the guest's and whose location table
maps every instruction to the guest instruction's source range (from
``Code.co_positions()``; for 3.10-compiled code only the line is known).  So
sys.excepthook, the traceback module, logging and pytest print guest frames
with the guest's lines, and on 3.11+ the host's own ``^^^^``/``~~~^~~~``
carets, exactly as for a native run.

Frames of evalframe's own modules never show: when an exception first reaches
a guest frame, the new part of its traceback (everything before the first
stand-in entry) is cleaned of them, keeping host-library frames.
``clean_exception`` does the same for a whole exception (and its causes and
contexts) before the top level prints it.

Also the implicit chaining of exceptions raised by host code called from a
guest except block (the host did not know the guest's handled exception).
"""

import os
import sys
from types import TracebackType

from ..interpreter.decode import decode

_HOST = sys.version_info[:2]
_PKG_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep

_vm_code = {}          # host code object -> True if it belongs to evalframe
_fake_frames = set()   # the stand-in frames
_fake_cache = {}       # (filename, name, qualname, position) -> (frame, lasti)


class _FakeRaise(Exception):
    pass


def _is_vm_code(co):
    r = _vm_code.get(co)
    if r is None:
        r = _vm_code[co] = co.co_filename.startswith(_PKG_DIR)
    return r


# -- location tables -------------------------------------------------------------

def _varint(value, out):
    while value >= 64:
        out.append(0x40 | (value & 0x3F))
        value >>= 6
    out.append(value)


def _svarint(value, out):
    _varint(((-value) << 1) | 1 if value < 0 else value << 1, out)


def _location_table_311(ncodeunits, lineno, end_lineno, col, end_col):
    """A 3.11+ co_linetable giving every code unit the same position."""
    out = bytearray()
    first = True
    remaining = ncodeunits
    while remaining > 0:
        n = min(remaining, 8)
        if col is None or end_col is None or end_lineno is None:
            out.append(0x80 | (13 << 3) | (n - 1))     # line only
            _svarint(0 if not first else 0, out)
        else:
            out.append(0x80 | (14 << 3) | (n - 1))     # long form
            _svarint(0, out)
            _varint(end_lineno - lineno, out)
            _varint(col + 1, out)
            _varint(end_col + 1, out)
        first = False
        remaining -= n
    return bytes(out)


def _make_fake(filename, name, qualname, position):
    lineno, end_lineno, col, end_col = position
    if lineno is None or lineno < 1:
        lineno = 1
        col = end_col = end_lineno = None
    if end_lineno is not None and end_lineno < lineno:
        end_lineno, col, end_col = lineno, None, None
    base = compile("raise __evalframe_fake__", filename, "exec", dont_inherit=True)
    changes = dict(co_name=name, co_firstlineno=lineno)
    if _HOST >= (3, 11):
        changes["co_qualname"] = qualname
        changes["co_linetable"] = _location_table_311(
            len(base.co_code) // 2, lineno, end_lineno, col, end_col)
    else:
        changes["co_linetable"] = bytes([len(base.co_code), 0])
    fake = base.replace(**changes)
    frame, lasti = _run_in_fresh_thread(fake, {"__evalframe_fake__": _FakeRaise,
                                               "__builtins__": {}})
    _fake_frames.add(frame)
    return frame, lasti


def _fake_worker(code, globals, locals, out, done):
    try:
        exec(code, globals, locals)
    except BaseException as e:
        tb = e.__traceback__.tb_next
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
    _thread.start_new_thread(_fake_worker, (code, globals, locals, out, done))
    done.acquire()
    return out[0]


def _positions(code):
    d = code._decoded or decode(code)
    pos = d.positions
    if pos is None:
        pos = d.positions = list(code.co_positions())
    return pos


def fake_location(code, index):
    """(stand-in frame, lasti, lineno) for instruction ``index`` of guest ``code``."""
    pos = _positions(code)
    position = pos[index] if 0 <= index < len(pos) else (code.co_firstlineno, None, None, None)
    key = (code.co_filename, code.co_name, code.co_qualname, position)
    hit = _fake_cache.get(key)
    if hit is None:
        hit = _fake_cache[key] = _make_fake(code.co_filename, code.co_name,
                                            code.co_qualname, position)
    lineno = position[0]
    if lineno is None:
        lineno = code.addr2line(2 * index) or code.co_firstlineno
    return hit[0], hit[1], lineno


# -- cleaning ---------------------------------------------------------------------------

def _clean_head(tb):
    """Drop evalframe's frames before the first stand-in entry; (tb, seen)."""
    head = last = None
    seen = False
    while tb is not None:
        fr = tb.tb_frame
        if fr in _fake_frames:
            seen = True
            break
        if _is_vm_code(fr.f_code):
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
        if tb.tb_frame in _fake_frames or not _is_vm_code(tb.tb_frame.f_code):
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
            exc.__traceback__ = clean_traceback(exc.__traceback__)
        except Exception:
            pass
        for sub in getattr(exc, "exceptions", ()) or ():
            if isinstance(sub, BaseException):
                clean_exception(sub, _seen)
        if exc.__cause__ is not None:
            clean_exception(exc.__cause__, _seen)
        exc = exc.__context__
    return None


# -- the unwinder's hook ---------------------------------------------------------------

def add_entry(tstate, exc, f, add_tb):
    """Called by ceval._unwind for each guest frame ``exc`` passes through."""
    tb = exc.__traceback__
    host_raised = tb is not None
    tb, seen = _clean_head(tb)
    if not seen and host_raised:
        # First time a guest frame sees this exception: if host code raised
        # it, the host did not chain it to the guest's handled exception.
        # (An exception raised by host code always has a traceback entry of
        # the VM's frame that called it; one with no traceback at all was
        # re-raised by RERAISE, e.g. the group PREP_RERAISE_STAR built, and
        # RERAISE never sets a context.)
        if exc.__context__ is None:
            handled = tstate.topmost_exception()
            if handled is not None and handled is not exc:
                from ..interpreter.ops.exceptions import set_context
                set_context(tstate, exc)
    if add_tb:
        if tb is None and isinstance(exc, NameError) and _HOST >= (3, 10):
            frame, lasti, lineno = _name_error_location(f)
        else:
            frame, lasti, lineno = fake_location(f.f_code, f._lasti)
        tb = TracebackType(tb, frame, lasti, lineno)
    exc.__traceback__ = tb


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
        return fake_location(code, index)
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
        fast = f.f_localsplus
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
    changes = dict(co_name=code.co_name, co_firstlineno=lineno)
    if _HOST >= (3, 11):
        changes["co_qualname"] = code.co_qualname
        changes["co_linetable"] = _location_table_311(
            len(host_code.co_code) // 2, lineno, end_lineno, col, end_col)
    else:
        changes["co_linetable"] = bytes([len(host_code.co_code), 0])
    return host_code.replace(**changes)


def _call_worker(func, args, out, done):
    try:
        func(*args)
    except BaseException as e:
        tb = e.__traceback__.tb_next
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
