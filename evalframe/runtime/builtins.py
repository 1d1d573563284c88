"""VM-aware builtins: the host callables whose behaviour depends on the guest frame.

Mirrors the frame-dependent parts of Python/bltinmodule.c (exec, eval, compile,
globals, locals, vars, dir, __build_class__, __import__), Objects/typeobject.c
(super_init_without_args; on 3.12+ hosts, where ``super().name`` is the
LOAD_SUPER_ATTR instruction, the errors of its operand loads), and
Python/sysmodule.c (sys._getframe, sys.exc_info, sys.exception,
sys.getrecursionlimit/setrecursionlimit), for guest code.

Design (docs/vm.md): guest frames use the host's ``builtins`` namespace itself
(so ``import builtins; builtins.x = ...`` and ``print(exec)`` behave natively),
and the call path (evalframe.interpreter.call.call_host) replaces these
particular host callables by the VM versions below when *guest* code calls
them, however it reached them (a builtin name, ``builtins.locals``,
``sys._getframe``, ``inspect.currentframe``).  ``make_builtins()`` returns that
namespace.
"""

import builtins as _hb
import sys
import weakref
from threading import get_ident as _get_ident

from ..objects.excslots import get_traceback as _x_get_traceback   # (never a guest __getattribute__)
from ..interpreter import t2frames as _t2frames
from ..interpreter.t2attr import note_namespace as _t2attr_note
from ..objects.cellobject import (NULL, Cell, settle_class_cell, register_class_cell,
                                  unregister_class_cell)
from ..objects.codeobject import Code, ADDS_CLASS_ATTRIBUTES, static_attributes
from ..objects.funcobject import Function
from ..objects.frameobject import Frame
from ..interpreter import call as _call
from ..interpreter.ops import names as _names
from .. import opcodes as _opcodes
from ..interpreter.call import bind_frame, call_object
from ..interpreter.pystate import get_tstate
from ..interpreter import pystate
from . import imports
from . import hostframes
from . import audit as _audit
from . import wiring  # noqa: F401  (connects objects/ to the layers above)

_host_exec = exec
_host_eval = eval
_host_compile = compile
PyCF_ONLY_AST = 0x400
PyCF_MASK = 0x2000000 | 0x1000000 | 0x20000 | 0x40000 | 0x80000 | 0x100000 | 0x200000 | 0x400000 | 0x800000


def make_builtins():
    """The builtins namespace guest code runs with (the host's; see module doc)."""
    return _hb.__dict__


def _audit_compile(source, filename):
    """The "compile" event of builtin compile(): the source as
    _Py_SourceAsString's bytes, or an AST with no filename (the compiler's
    own host events are the VM's, not the guest's: runtime/audit.py)."""
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogateescape")
    elif isinstance(source, (bytes, bytearray, memoryview)):
        source = bytes(source)
    else:
        filename = None
    _audit.audit_event("compile", source, filename)


def _compile_source(source, filename, mode, flags=0, dont_inherit=False, optimize=-1):
    from ..compiler import compile_source as compiler
    if _audit.hooks:
        _audit_compile(source, filename)
    try:
        return compiler(source, filename, mode, flags, dont_inherit, optimize)
    except SyntaxError as exc:
        err = exc
    # CPython's compile() raises from C: no frames of the compiler (ast.parse,
    # the code generator) in the traceback.
    try:
        err.__traceback__ = None
        err.__context__ = None
        raise err
    finally:
        err = None


def _current_frame():
    return _t2frames.current()


# -- exec / eval / compile ---------------------------------------------------------

def _exec_eval_namespaces(fname, globals, locals):
    frame = _current_frame()
    if globals is None:
        if frame is None:
            raise SystemError("%s(): no current frame" % fname)
        globals = frame.f_globals
        if locals is None:
            locals = frame.f_locals
    elif locals is None:
        locals = globals
    if not isinstance(globals, dict):
        if fname == "exec":
            raise TypeError("exec() globals must be a dict, not %s" % type(globals).__name__)
        raise TypeError("globals must be a real dict; try eval(expr, {}, mapping)"
                        if hasattr(globals, "__getitem__") else "globals must be a dict")
    if not hasattr(type(locals), "__getitem__"):
        raise TypeError("locals must be a mapping")
    # (builtin_exec_impl: _PyDict_ContainsId / _PyDict_SetItemId, the dict
    # itself: never a method a dict subclass overrides)
    if not dict.__contains__(globals, "__builtins__"):
        dict.__setitem__(globals, "__builtins__",
                         frame.f_builtins if frame is not None else make_builtins())
    return frame, globals, locals


def _inherited_flags(frame, flags, dont_inherit):
    if not dont_inherit and frame is not None:
        flags |= frame.f_code.co_flags & PyCF_MASK
    return flags


def vm_exec(source, globals=None, locals=None, *, closure=None):
    from ..interpreter.ceval import run_code
    frame, globals, locals = _exec_eval_namespaces("exec", globals, locals)
    if isinstance(source, Code):
        if source.co_freevars:
            raise TypeError("code object passed to exec() may not contain free variables")
        _audit.audit_event("exec", source)
        run_code(source, globals, locals)
        return None
    if isinstance(source, type(vm_exec.__code__)):
        return _host_exec(source, globals, locals)
    if isinstance(source, (bytes, bytearray, memoryview)):
        source = bytes(source)
    elif not isinstance(source, str):
        raise TypeError("exec() arg 1 must be a string, bytes or code object")
    code = _compile_source(source, "<string>", "exec",
                           _inherited_flags(frame, 0, False), False, -1)
    _audit.audit_event("exec", code)
    run_code(code, globals, locals)
    return None


def vm_eval(source, globals=None, locals=None):
    from ..interpreter.ceval import run_code
    if globals is not None and not isinstance(globals, dict):
        raise TypeError("globals must be a real dict; try eval(expr, {}, mapping)"
                        if hasattr(type(globals), "__getitem__") else "globals must be a dict")
    if locals is not None and not hasattr(type(locals), "__getitem__"):
        raise TypeError("locals must be a mapping")
    frame, globals, locals = _exec_eval_namespaces("eval", globals, locals)
    if isinstance(source, Code):
        if source.co_freevars:
            raise TypeError("code object passed to eval() may not contain free variables")
        _audit.audit_event("exec", source)
        return run_code(source, globals, locals)
    if isinstance(source, type(vm_eval.__code__)):
        return _host_eval(source, globals, locals)
    if isinstance(source, (bytes, bytearray, memoryview)):
        source = bytes(source).decode("utf-8")
    elif not isinstance(source, str):
        raise TypeError("eval() arg 1 must be a string, bytes or code object")
    source = source.lstrip(" \t")
    code = _compile_source(source, "<string>", "eval",
                           _inherited_flags(frame, 0, False), False, -1)
    _audit.audit_event("exec", code)
    return run_code(code, globals, locals)


def _ast_AST():
    import _ast     # (built in: ast.py itself is not needed)
    return _ast.AST


def vm_compile(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, *,
               _feature_version=-1):
    if flags & PyCF_ONLY_AST:
        if _audit.hooks and not isinstance(source, _ast_AST()):
            _audit_compile(source, filename.decode() if isinstance(filename, bytes) else filename)
        return _host_compile(source, filename, mode, flags, dont_inherit, optimize)
    if mode not in ("exec", "eval", "single"):
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    frame = _current_frame()
    flags = _inherited_flags(frame, flags, dont_inherit)
    if isinstance(filename, bytes):
        filename = filename.decode()
    return _compile_source(source, filename, mode, flags, True, optimize)


# -- namespaces ------------------------------------------------------------------------

def vm_globals():
    return _current_frame().f_globals


def vm_locals():
    return _current_frame().f_locals


_NOARG = object()


def vm_vars(*args):
    if not args:
        return _current_frame().f_locals
    if len(args) > 1:
        raise TypeError("vars expected at most 1 argument, got %d" % len(args))
    return vars(args[0])


def vm_dir(*args):
    if not args:
        return sorted(_current_frame().f_locals.keys())
    if len(args) > 1:
        raise TypeError("dir expected at most 1 argument, got %d" % len(args))
    return dir(args[0])


# -- super ---------------------------------------------------------------------------------

def _super_args(frame):
    """super_init_without_args: (__class__, first argument) of the calling frame."""
    if frame is None:
        raise RuntimeError("super(): no current frame")
    co = frame.f_code
    if _INLINED and co.co_name in _INLINED:
        return _super_args_inlined(frame)
    if co.co_argcount == 0:
        raise RuntimeError("super(): no arguments")
    fast, obj = _first_argument(frame)
    if obj is NULL:
        if co._super_attr:
            # (the mark implies the __class__ cell)
            cell = fast[co.co_nlocals + len(co.co_cellvars) + co.co_freevars.index("__class__")]
            _super_attr_errors(frame, cell, NULL)
        raise RuntimeError("super(): arg[0] deleted")
    try:
        i = co.co_freevars.index("__class__")
    except ValueError:
        raise RuntimeError("super(): __class__ cell not found") from None
    return _class_of_cell(fast[co.co_nlocals + len(co.co_cellvars) + i], frame), obj


def _first_argument(frame):
    """(fast locals, first argument) of ``frame``, the argument read from its
    cell where the code keeps it in one (cell2arg); NULL when deleted."""
    fast = frame.f_localsplus
    if getattr(frame, "_f_host", None) is not None:
        # (a frame whose locals a tier-2 host frame holds, such as a tier-2
        # generator's: its f_localsplus is read from there first)
        fast = frame.fast_locals()
    obj = fast[0]
    if obj is NULL:
        co = frame.f_code
        d = co._decoded
        if d is not None and d.cell2arg:
            for ci, a in enumerate(d.cell2arg):
                if a == 0:
                    obj = fast[co.co_nlocals + ci].ob_ref
                    break
    return fast, obj


# (3.12+, PEP 709: a list, set or dict comprehension runs in the frame of
# the code around it, whose arguments super() there reads)
_INLINED = (frozenset(("<listcomp>", "<setcomp>", "<dictcomp>"))
            if sys.version_info >= (3, 12) else None)


def _super_args_inlined(frame):
    """_super_args in a comprehension a 3.12+ host runs inline: the first
    argument is the enclosing function's (its frame the comprehension's
    caller), the ``__class__`` cell the same cell in both; the error of
    LOAD_SUPER_ATTR at its sites (the comprehension's code carries the mark,
    compiler/codegen.py super_attr_code)."""
    comp = frame
    while frame is not None and frame.f_code.co_name in _INLINED:
        frame = frame.f_back
    if frame is None or frame.__class__ is not Frame or frame.f_code.co_argcount == 0:
        raise RuntimeError("super(): no arguments")
    co = frame.f_code
    fast, obj = _first_argument(frame)
    try:
        i = co.co_freevars.index("__class__")
    except ValueError:
        cell = NULL
    else:
        cell = fast[co.co_nlocals + len(co.co_cellvars) + i]
    if obj is NULL:
        if comp.f_code._super_attr and super_attr_site(comp.f_code, comp._current_lasti()):
            super_attr_loads(cell, obj, co.co_varnames[0])
        raise RuntimeError("super(): arg[0] deleted")
    if cell is NULL:
        raise RuntimeError("super(): __class__ cell not found")
    return _class_of_cell(cell, comp), obj


def _class_of_cell(cell, frame=None):
    """super_init_without_args' reading of the ``__class__`` cell (of the
    calling ``frame``, when a frame calls)."""
    if not isinstance(cell, Cell):
        raise RuntimeError("super(): bad __class__ cell")
    tp = cell.ob_ref
    if tp is NULL:
        tp = settle_class_cell(cell)
    if tp is NULL:
        if frame is not None and frame.f_code._super_attr:
            _super_attr_errors(frame, cell, None)
        raise RuntimeError("super(): empty __class__ cell")
    if not isinstance(tp, type):
        raise RuntimeError("super(): __class__ is not a type (%s)" % type(tp).__name__)
    return tp


# (3.12+: ``super().name`` is LOAD_SUPER_ATTR, which loads its operands
# itself (the global super, the ``__class__`` cell, the first argument)
# before it calls super: a deleted first argument or an empty cell is the
# loads' error, not super()'s RuntimeError)
_SUPER_ATTR = sys.version_info >= (3, 12)
_CALL_FUNCTION, _LOAD_GLOBAL, _EXTENDED_ARG, _LOAD_ATTR, _LOAD_METHOD = (
    _opcodes.opmap[name] for name in
    ("CALL_FUNCTION", "LOAD_GLOBAL", "EXTENDED_ARG", "LOAD_ATTR", "LOAD_METHOD"))


def super_attr_site(code, i):
    """Whether instruction ``i`` of ``code`` is the zero-argument call of a
    ``super().name`` that CPython 3.12+ compiles to LOAD_SUPER_ATTR: the code
    is one whose such sites it compiles so (compiler/codegen.py
    super_attr_code), the call is CALL_FUNCTION 0 of a LOAD_GLOBAL super just
    before it, and LOAD_ATTR or LOAD_METHOD (not of ``__class__``) reads its
    result just after.  (A callee such as ``(f or super)`` ending in that
    LOAD_GLOBAL reads as the name super would.)  Never on a host before 3.12."""
    raw = code.co_code
    n = len(raw) >> 1
    if not (_SUPER_ATTR and code._super_attr and 1 <= i < n - 1
            and raw[2 * i] == _CALL_FUNCTION and raw[2 * i + 1] == 0
            and raw[2 * i - 2] == _LOAD_GLOBAL):
        return False
    arg, k, shift = raw[2 * i - 1], i - 2, 8
    while k >= 0 and raw[2 * k] == _EXTENDED_ARG:
        arg |= raw[2 * k + 1] << shift
        k, shift = k - 1, shift + 8
    if code.co_names[arg] != "super":
        return False
    j, arg = i + 1, 0
    while j < n - 1 and raw[2 * j] == _EXTENDED_ARG:
        arg = (arg | raw[2 * j + 1]) << 8
        j += 1
    if raw[2 * j] not in (_LOAD_ATTR, _LOAD_METHOD):
        return False
    return code.co_names[arg | raw[2 * j + 1]] != "__class__"


def _super_attr_errors(frame, cell, obj):
    """At a LOAD_SUPER_ATTR site (super_attr_site), the error of its operand
    loads where super() would raise its RuntimeError; returns elsewhere."""
    if super_attr_site(frame.f_code, frame._current_lasti()):
        super_attr_loads(cell, obj, frame.f_code.co_varnames[0])


def super_attr_loads(cell, obj, name):
    """LOAD_SUPER_ATTR's operand loads in 3.12's order: LOAD_DEREF of the
    ``__class__`` cell (a NameError where empty), then the first argument
    ``name`` (an UnboundLocalError where NULL)."""
    if type(cell) is Cell and cell.ob_ref is NULL and settle_class_cell(cell) is NULL:
        raise _names.unbound_free_name("__class__")
    if obj is NULL:
        raise _names.unbound_local_name(name)


def vm_super(*args):
    if args:
        return super(*args)
    tp, obj = _super_args(_current_frame())
    return super(tp, obj)


def lean_super(obj, cell):
    """A zero-argument ``super()`` called by a lean tier-2 function (no Frame:
    interpreter/tier2.py passes its first argument's current value and its
    ``__class__`` cell), with _super_args' checks in CPython's order; the
    caller checked that its code takes an argument and has the cell."""
    if obj is NULL:
        raise RuntimeError("super(): arg[0] deleted")
    if type(cell) is Cell:
        tp = cell.ob_ref
        if type(tp) is type:
            # (the common case of _class_of_cell's checks, which it would pass)
            return super(tp, obj)
    return super(_class_of_cell(cell), obj)


def lean_super_attr(obj, cell, name):
    """lean_super at a site of ``super().name`` that CPython 3.12+ compiles
    to LOAD_SUPER_ATTR (interpreter/tier2.py checked super_attr_site):
    its operand loads' errors first (super_attr_loads; ``name`` the first
    argument's)."""
    super_attr_loads(cell, obj, name)
    return lean_super(obj, cell)


# -- type(name, bases, ns) ----------------------------------------------------------------

def _set_module_from_guest(cls, ns):
    """type_new_set_module: __module__ from the *calling guest's* globals
    (the host would take it from the VM's own frame)."""
    if isinstance(ns, dict) and "__module__" not in ns and isinstance(cls, type):
        frame = _current_frame()
        if frame is not None and isinstance(frame.f_globals, dict):
            name = dict.get(frame.f_globals, "__name__", NULL)
            if name is not NULL:
                cls.__module__ = name
            else:
                # no __name__: CPython sets no __module__ at all (type.__module__
                # cannot be deleted through setattr: the type's own dict)
                import gc
                for d in gc.get_referents(cls.__dict__):
                    if isinstance(d, dict) and d.get("__module__") == __name__:
                        del d["__module__"]
                        cls._module_cache_bust = None   # PyType_Modified
                        del cls._module_cache_bust
                        break
    return cls


def vm_type(*args, **kwargs):
    """type(...) called by guest code."""
    cls = type(*args, **kwargs)
    if len(args) == 3:
        _set_module_from_guest(cls, args[2])
    return cls


def vm_type_new(*args, **kwargs):
    """type.__new__(metatype, name, bases, ns) called by guest code (a guest
    metaclass's ``super().__new__(...)``)."""
    cls = type.__new__(*args, **kwargs)
    if len(args) == 4:
        _set_module_from_guest(cls, args[3])
    return cls


# -- types.FunctionType(code, globals, ...) ---------------------------------------------------

def vm_function_new(code, globals, name=None, argdefs=None, closure=None, *args, **kwargs):
    """types.FunctionType(...) called by guest code: a guest Code makes a guest
    Function (func_new's checks); a host code object, a host function."""
    import types
    if not isinstance(code, Code):
        return types.FunctionType(code, globals, name, argdefs, closure, *args, **kwargs)
    if args or kwargs:
        return types.FunctionType(code, globals, name, argdefs, closure, *args, **kwargs)
    if not isinstance(globals, dict):
        raise TypeError("function() argument 'globals' must be dict, not %s"
                        % type(globals).__name__)
    if name is not None and not isinstance(name, str):
        raise TypeError("arg 3 (name) must be None or string")
    if argdefs is not None and not isinstance(argdefs, tuple):
        raise TypeError("arg 4 (defaults) must be None or tuple")
    nfree = len(code.co_freevars)
    if closure is not None and not isinstance(closure, tuple):
        raise TypeError("arg 5 (closure) must be tuple")
    if nfree and closure is None:
        raise TypeError("arg 5 (closure) must be tuple")
    nclosure = 0 if closure is None else len(closure)
    if nfree != nclosure:
        raise ValueError("%s requires closure of length %d, not %d"
                         % (code.co_name, nfree, nclosure))
    if closure:
        closure = tuple(_guest_cell(cell) for cell in closure)
    func = Function(code, globals, name=name, defaults=argdefs,
                    closure=closure if nfree else None)
    return func


def _guest_cell(cell):
    """A closure entry for a guest function: a guest Cell as it is; a host cell
    (a host function's ``__closure__``) becomes a guest Cell holding the same
    value (a copy: later stores into either are not shared)."""
    if type(cell) is Cell:
        return cell
    if type(cell) is _HostCellType:
        try:
            return Cell(cell.cell_contents)
        except ValueError:
            return Cell()
    raise TypeError("arg 5 (closure) expected cell, found %s" % type(cell).__name__)


_HostCellType = type((lambda x: lambda: x)(0).__closure__[0])


# types.CodeType's positional fields on this host (code_new's argument clinic)
_CODE_ARGS = (("co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_nlocals",
               "co_stacksize", "co_flags", "co_code", "co_consts", "co_names",
               "co_varnames", "co_filename", "co_name")
              + (("co_qualname",) if sys.version_info >= (3, 11) else ())
              + ("co_firstlineno", "co_linetable")
              + (("co_exceptiontable",) if sys.version_info >= (3, 11) else ())
              + ("co_freevars", "co_cellvars"))


def vm_code_new(*args, **kwargs):
    """types.CodeType(...) called by guest code: a guest Code (the VM runs
    CPython 3.10 bytecode, so ``codestring`` is read as such), taking the
    host's argument list; a 3.11+ exception table must be empty (3.10 code
    has none)."""
    import types
    if kwargs or not (len(_CODE_ARGS) - 2 <= len(args) <= len(_CODE_ARGS)):
        return types.CodeType(*args, **kwargs)     # the host's own error
    fields = dict(zip(_CODE_ARGS, args))
    if fields.pop("co_exceptiontable", b""):
        raise ValueError("code objects of the VM (CPython 3.10 bytecode) have no "
                         "exception table")
    for name in ("co_consts", "co_names", "co_varnames", "co_freevars", "co_cellvars"):
        if name in fields and not isinstance(fields[name], tuple):
            raise TypeError("code() argument %d must be tuple, not %s"
                            % (_CODE_ARGS.index(name) + 1, type(fields[name]).__name__))
    if _audit.hooks:
        # (code_new_impl's event, after its argument checks)
        _audit.audit_event("code.__new__", fields.get("co_code"), fields.get("co_filename"),
                           fields.get("co_name"), fields.get("co_argcount"),
                           fields.get("co_posonlyargcount"), fields.get("co_kwonlyargcount"),
                           fields.get("co_nlocals"), fields.get("co_stacksize"),
                           fields.get("co_flags"))
    return Code(**fields)


def vm_cell_new(*args, **kwargs):
    """types.CellType(...) called by guest code: a guest Cell (cell_new's
    checks: at most one positional argument, no keywords)."""
    if kwargs:
        raise TypeError("cell() takes no keyword arguments")
    if len(args) > 1:
        raise TypeError("cell expected at most 1 argument, got %d" % len(args))
    return Cell(*args)


# -- __build_class__ -------------------------------------------------------------------------

def _update_bases(bases):
    new_bases = None
    for i, base in enumerate(bases):
        if isinstance(base, type):
            if new_bases is not None:
                new_bases.append(base)
            continue
        meth = getattr(base, "__mro_entries__", None)
        if meth is None:
            if new_bases is not None:
                new_bases.append(base)
            continue
        new_base = meth(bases)
        if not isinstance(new_base, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        if new_bases is None:
            new_bases = list(bases[:i])
        new_bases.extend(new_base)
    return bases if new_bases is None else tuple(new_bases)


def _calculate_metaclass(metatype, bases):
    winner = metatype
    for base in bases:
        tmptype = type(base)
        if issubclass(winner, tmptype):
            continue
        if issubclass(tmptype, winner):
            winner = tmptype
            continue
        raise TypeError("metaclass conflict: the metaclass of a derived class must be a "
                        "(non-strict) subclass of the metaclasses of all its bases")
    return winner


def _implicit_method_kinds(ns):
    """type_new makes a plain-function __new__ a staticmethod and plain-function
    __init_subclass__/__class_getitem__ classmethods; it only recognises host
    functions (PyFunction_Check), so do it for guest ones here."""
    try:
        for name, kind in (("__new__", staticmethod), ("__init_subclass__", classmethod),
                           ("__class_getitem__", classmethod)):
            try:
                value = ns[name]
            except KeyError:
                continue
            if type(value) is Function:
                ns[name] = kind(value)
    except Exception:
        pass


def _first_class_attributes(ns, func):
    """3.13+ hosts: their class body stores ``__firstlineno__`` after
    ``__module__`` and ``__qualname__`` (compiler_class_body), 3.10's stores
    the first two only.  Set here before the body runs, so that the body
    sees it (``locals()``); in an exact dict after the two keys, which go in
    first (their values the body's own, stored again by its prelude: the same
    values, in place), so that the namespace's order is 3.13's.  A mapping of
    a metaclass's __prepare__ gets ``__firstlineno__`` first."""
    code = func._code
    if type(ns) is dict:
        if "__module__" not in ns:
            name = dict.get(ns, "__name__", NULL)
            if name is NULL and isinstance(func._globals, dict):
                name = dict.get(func._globals, "__name__", NULL)
            if name is not NULL:
                ns["__module__"] = name
        if "__qualname__" not in ns:
            ns["__qualname__"] = code.co_consts[code.co_code[5]]   # (its LOAD_CONST)
    ns["__firstlineno__"] = code.co_firstlineno


def _last_class_attribute(ns, static):
    """3.13+ hosts: ``__static_attributes__`` (codeobject.static_attributes),
    which their class body stores last, before ``__classcell__``."""
    if type(ns) is dict and "__classcell__" in ns:
        cell = ns.pop("__classcell__")
        ns["__static_attributes__"] = static
        ns["__classcell__"] = cell
    else:
        ns["__static_attributes__"] = static


def vm_build_class(func, name, /, *bases, metaclass=None, **kwds):
    """builtin___build_class__: run the class body in the VM, then the metaclass."""
    from ..interpreter.ceval import run_frame
    if not isinstance(func, Function):
        raise TypeError("__build_class__: func must be a function")
    if not isinstance(name, str):
        raise TypeError("__build_class__: name is not a string")
    orig_bases = bases
    bases = _update_bases(orig_bases)
    if metaclass is None:
        meta = type(bases[0]) if bases else type
        isclass = True
    else:
        meta = metaclass
        isclass = isinstance(meta, type)
    if isclass:
        meta = _calculate_metaclass(meta, bases)
    prep = getattr(meta, "__prepare__", None)
    if prep is None:
        ns = {}
    else:
        ns = call_object(prep, (name, bases), kwds)
    if not hasattr(type(ns), "__getitem__"):
        raise TypeError("%s.__prepare__() must return a mapping, not %s"
                        % (meta.__name__ if isclass else "<metaclass>", type(ns).__name__))
    frame = bind_frame(func, [], None)
    frame._f_locals = ns
    static = static_attributes(func._code) if ADDS_CLASS_ATTRIBUTES else None
    if static is not None:
        _first_class_attributes(ns, func)
    cell = run_frame(frame)
    if static is not None:
        _last_class_attribute(ns, static)
    host_cell = None
    if isinstance(cell, Cell):
        try:
            if ns["__classcell__"] is cell:
                import types
                host_cell = types.CellType()
                ns["__classcell__"] = host_cell
        except KeyError:
            pass
    if bases is not orig_bases:
        ns["__orig_bases__"] = orig_bases
    _implicit_method_kinds(ns)
    if type(ns) is dict:
        _t2attr_note(ns, name)  # (properties, operators, classes tier 2 may call directly)
    if host_cell is not None:
        register_class_cell(cell, host_cell)
    try:
        cls = call_object(meta, (name, bases, ns), kwds)
    finally:
        if host_cell is not None:
            try:
                host_cell.cell_contents
            except ValueError:
                # still empty: the metaclass kept the namespace without making
                # the class, and a later type(name, bases, ns) may fill the
                # host cell (bpo-23722); keep the link so the guest Cell's cold
                # paths can settle from it then
                pass
            else:
                unregister_class_cell(cell)
    if isinstance(cls, type) and isinstance(cell, Cell):
        if host_cell is not None:
            try:
                cell.ob_ref = host_cell.cell_contents
            except ValueError:
                pass
        cell_cls = cell.ob_ref
        if cell_cls is not cls:
            if cell_cls is NULL:
                raise RuntimeError("__class__ not set defining %r as %r. Was __classcell__ "
                                   "propagated to type.__new__?" % (name, cls))
            raise TypeError("__class__ set to %r defining %r as %r" % (cell_cls, name, cls))
    return cls


# -- sys -------------------------------------------------------------------------------------------

def vm_getframe(depth=0):
    f = _current_frame()
    depth = int(depth)
    while depth > 0 and f is not None:
        f = f.f_back
        depth -= 1
    if f is None:
        raise ValueError("call stack is not deep enough")
    if _audit.hooks:
        _audit.audit_event("sys._getframe", f)
    return f


def vm_getframemodulename(depth=0):
    try:
        f = vm_getframe(depth)
    except ValueError:
        return None
    g = f.f_globals
    return dict.get(g, "__name__") if isinstance(g, dict) else None


def vm_currentframe():
    return _current_frame()


def vm_exc_info():
    exc = get_tstate().topmost_exception()
    if exc is None:
        return (None, None, None)
    # (its raw tier-2 entries made: runtime/tracebacks.py)
    from .tracebacks import materialize
    return (type(exc), exc, materialize(exc))


def vm_exception():
    return get_tstate().topmost_exception()


def vm_getattr(*args):
    """getattr: an exception's ``__traceback__`` read by name gets its raw
    tier-2 entries made first, as the attribute read does (LOAD_ATTR of that
    name, runtime/tracebacks.load_traceback); everything else, and every
    error, is the host's getattr's own."""
    if (len(args) >= 2 and type(args[1]) is str and args[1] == "__traceback__"
            and issubclass(type(args[0]), BaseException)):
        from .tracebacks import materialize
        materialize(args[0])
    return _host_getattr(*args)


# (taken at import: a guest may rebind builtins.getattr to a function that
# calls the one it replaced)
_host_getattr = _hb.getattr


def _stack_top():
    """The running guest frame, its f_back chain with the host frames CPython's
    stack has between guest frames (runtime/hostframes.guest_stack)."""
    from .hostframes import guest_stack
    return guest_stack()


def vm_extract_stack(f=None, limit=None):
    import traceback
    return traceback.extract_stack(f if f is not None else _stack_top(), limit)


def vm_format_stack(f=None, limit=None):
    import traceback
    return traceback.format_stack(f if f is not None else _stack_top(), limit)


def vm_print_stack(f=None, limit=None, file=None):
    import traceback
    return traceback.print_stack(f if f is not None else _stack_top(), limit, file)


def vm_inspect_stack(context=1):
    """inspect.stack() for a guest caller: FrameInfo records of guest frames
    (inspect.getframeinfo wants host frames, so the records are made here)."""
    import inspect
    import linecache
    out = []
    f = _stack_top()
    while f is not None:
        real = getattr(f, "_frame", f)      # (a view: the frame it shows)
        if not isinstance(real, Frame):
            # a host frame between guest frames (contextlib, a thread's run)
            out.append(inspect.FrameInfo(f, *inspect.getframeinfo(real, context)))
            f = f.f_back
            continue
        code = f.f_code
        lineno = f.f_lineno
        lines = index = None
        if context > 0 and lineno:
            all_lines = linecache.getlines(code.co_filename, f.f_globals)
            if all_lines:
                start = max(0, min(lineno - 1 - context // 2, len(all_lines) - context))
                lines = all_lines[start:start + context]
                index = lineno - 1 - start
        extra = {}
        if sys.version_info >= (3, 11):
            pos = list(code.co_positions())
            i = real._lasti
            p = pos[i] if 0 <= i < len(pos) else (lineno, lineno, None, None)
            import dis
            extra["positions"] = dis.Positions(*p)
        out.append(inspect.FrameInfo(f, code.co_filename, lineno, code.co_name, lines, index,
                                     **extra))
        f = f.f_back
    return out


def vm_current_frames():
    """sys._current_frames() for a guest: each thread's running guest frame
    (a thread not in the VM shows its host frame, as CPython's would).

    Another thread's guest frame is the current frame (``f``) of the innermost
    eval loop on its host stack."""
    from .signals import loop_codes
    loops = loop_codes()
    lean = _t2frames.LEAN_CODES
    frames = sys._current_frames()
    for ident, f in list(frames.items()):
        while f is not None:
            if id(f.f_code) in lean:
                # a lean tier-2 call (no Frame of its own until observed): its
                # Frame made from its host frame, that thread's current frame
                # left as it is (it finds this Frame when it next looks)
                running = _t2frames.materialise(f, current=False)
                if running is not None:
                    frames[ident] = running
                    break
            elif f.f_code in loops:
                running = f.f_locals.get("f")
                if isinstance(running, Frame):
                    frames[ident] = running
                break
            f = f.f_back
    me = _t2frames.current()
    if me is not None:
        frames[_get_ident()] = me
    return frames


def vm_getrecursionlimit():
    from .. import limits      # --max-depth caps the limit the loops check
    return limits.visible_recursion_limit(get_tstate().recursion_limit)


_SETRECURSIONLIMIT_CALL = 1 if sys.version_info < (3, 12) else 0


def vm_setrecursionlimit(limit):
    if not isinstance(limit, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(limit).__name__)
    if limit < 1:
        raise ValueError("recursion limit must be greater or equal than 1")
    tstate = get_tstate()
    if _SETRECURSIONLIMIT_CALL:
        # (C calls on the way to the running guest function count too)
        from . import cdepth
        cdepth.charge_outer(tstate)
    # (3.10/3.11 count this builtin's own call in the depth; 3.12+ frames only)
    depth = tstate.depth + _SETRECURSIONLIMIT_CALL
    if depth >= limit:
        raise RecursionError("cannot set the recursion limit to %d at the recursion depth "
                             "%d: the limit is too low" % (limit, depth))
    from .. import limits      # --max-depth caps the limit the loops check
    limit = limits.effective_recursion_limit(limit)
    if tstate in EMBEDDED:
        # an evalframe.VM's run: the limit is that VM's (embed.py keeps it)
        set_thread_recursion_limit(tstate, limit)
    else:
        # `evalframe run`: the interpreter's limit, for every thread as in CPython
        pystate.main_tstate.recursion_limit = limit
        pystate.main_tstate.t2_room = pystate.main_tstate.t2_inl = 0     # (tier2.host_room)
        set_thread_recursion_limit(tstate, limit)


# The thread states running an evalframe.VM (embed.py): their recursion limit
# belongs to that VM, not to the whole process.
EMBEDDED = weakref.WeakSet()


def set_thread_recursion_limit(tstate, limit):
    """Set one thread's guest recursion limit, keeping the host's limit above it."""
    tstate.recursion_limit = limit
    tstate.t2_room = tstate.t2_inl = 0      # (tier 2 looks at the new limit: tier2.host_room)
    # The host limit must leave room for the VM's own host frames.
    want = limit + 64 * pystate.HOST_FRAMES_PER_REENTRY
    if sys.getrecursionlimit() < want:
        sys.setrecursionlimit(want)


# -- registration -------------------------------------------------------------------------------

_INSPECT_DONE = [False]


_TRACEBACK_DONE = [False]


_TYPING_DONE = [False]


_DIS_DONE = [False]


_SIGNAL_DONE = [False]     # (runtime/signals.py: routed once imported)


_ABC_DONE = [False]        # (importer.VMFinder: a MetaPathFinder once importlib.abc is)


_RUNPY_DONE = [False]


def _exec_either(source, globals=None, locals=None, /, **kwargs):
    """exec for host library code that runs code a loader made: a guest Code
    (evalframe's loader made it) runs in the VM, anything else on the host.
    Installed as ``runpy.exec``: the host's runpy (frozen on 3.11+, and
    imported before any guest) executes what find_spec's loader returned,
    which under the VM finder is a guest Code.  ``runpy.compile`` (run_path's
    source files) becomes evalframe's compile, so run_path runs in the VM too."""
    if isinstance(source, Code) and globals is not None and not kwargs:
        from ..interpreter.ceval import run_code
        run_code(source, globals, globals if locals is None else locals)
        return None
    return _host_exec(source, globals, locals, **kwargs)


def _with_guest_module(cls):
    """3.12+'s C TypeVar/ParamSpec/TypeVarTuple take __module__ from the
    running host frame's function (the VM's): give them the guest's."""
    def make(*args, **kwargs):
        obj = cls(*args, **kwargs)
        frame = _current_frame()
        if frame is not None and isinstance(frame.f_globals, dict):
            name = dict.get(frame.f_globals, "__name__")
            if name is not None:
                try:
                    obj.__module__ = name
                except (AttributeError, TypeError):
                    pass
        return obj
    return make


def host_module_ready(name):
    """sys.modules[name] when it is a fully initialised module that runs on the
    host, else None.

    A patch of a host module is made once the module has finished executing (a
    half-initialised one, still running its own imports, lacks the names being
    patched), and only where the host runs it: a module run by the VM
    (--vm-modules=all) finds its caller through the guest's own sys._getframe
    and needs no patch.
    """
    module = sys.modules.get(name)
    if module is None:
        return None
    spec = getattr(module, "__spec__", None)
    if spec is not None and getattr(spec, "_initializing", False):
        return None
    from ..importer import VMLoader
    if isinstance(getattr(module, "__loader__", None), VMLoader):
        return None
    return module


def after_import():
    """Register intercepts for modules the guest may import late: the host
    functions that find "the caller" with sys._getframe (they would find the
    VM's own frames) get the guest frame instead."""
    if not _INSPECT_DONE[0]:
        inspect = host_module_ready("inspect")
        if inspect is not None:
            _INSPECT_DONE[0] = True
            _call.INTERCEPTS[inspect.currentframe] = vm_currentframe
            _call.INTERCEPTS[inspect.stack] = vm_inspect_stack
    if not _TRACEBACK_DONE[0]:
        tb = host_module_ready("traceback")
        if tb is not None:
            _TRACEBACK_DONE[0] = True
            _call.INTERCEPTS[tb.extract_stack] = vm_extract_stack
            _call.INTERCEPTS[tb.format_stack] = vm_format_stack
            _call.INTERCEPTS[tb.print_stack] = vm_print_stack
    if not _TYPING_DONE[0] and sys.version_info >= (3, 12):
        typing = host_module_ready("typing")
        if typing is not None:
            _TYPING_DONE[0] = True
            for name in ("TypeVar", "ParamSpec", "TypeVarTuple"):
                cls = getattr(typing, name, None)
                if isinstance(cls, type):
                    _call.TYPE_INTERCEPTS[cls] = _with_guest_module(cls)
    if not _RUNPY_DONE[0]:
        runpy = host_module_ready("runpy")
        if runpy is not None:
            _RUNPY_DONE[0] = True
            runpy.exec = _exec_either
            runpy.compile = _compile_source
    if not _ABC_DONE[0]:
        abc = host_module_ready("importlib.abc")
        if abc is not None:
            _ABC_DONE[0] = True
            from .. import importer
            importer.register_abc(abc)
    if not _SIGNAL_DONE[0]:
        signal = host_module_ready("signal")
        if signal is not None:
            _SIGNAL_DONE[0] = True
            from . import signals
            signals.route_module(signal)
    if not _DIS_DONE[0]:
        dis = host_module_ready("dis")
        if dis is not None:
            _DIS_DONE[0] = True
            from . import guestdis
            for host, routed in guestdis.intercepts(dis).items():
                if isinstance(host, type):
                    _call.TYPE_INTERCEPTS[host] = routed
                else:
                    _call.INTERCEPTS[host] = routed
    from . import patches
    patches.late_imports()


def _install():
    I = _call.INTERCEPTS
    if sys.version_info < (3, 11):
        # 3.10's exc_info keeps its own traceback: host code called from a guest
        # except block must see one without evalframe's frames
        from .tracebacks import call_in_exc
        _call.call_in_exc = call_in_exc
    I[exec] = vm_exec
    I[eval] = vm_eval
    I[compile] = vm_compile
    I[globals] = vm_globals
    I[locals] = vm_locals
    I[vars] = vm_vars
    I[dir] = vm_dir
    I[__build_class__] = vm_build_class
    I[imports.host_import] = imports.vm_import
    I[imports.host_import_module] = imports.vm_import_module
    I[sys._getframe] = vm_getframe
    if hasattr(sys, "_getframemodulename"):
        I[sys._getframemodulename] = vm_getframemodulename
    I[sys.exc_info] = vm_exc_info
    # (tier 2 then calls getattr through call_host, not as a plain builtin:
    # no benchmark program calls it)
    I[_host_getattr] = vm_getattr
    I[sys._current_frames] = vm_current_frames
    if hasattr(sys, "exception"):
        I[sys.exception] = vm_exception
    I[sys.getrecursionlimit] = vm_getrecursionlimit
    import warnings
    I[warnings.warn] = hostframes.vm_warn
    I[sys.setrecursionlimit] = vm_setrecursionlimit
    _call.TYPE_INTERCEPTS[super] = vm_super
    _call.TYPE_INTERCEPTS[type] = vm_type
    import types
    _call.TYPE_INTERCEPTS[types.FunctionType] = vm_function_new
    _call.TYPE_INTERCEPTS[types.CellType] = vm_cell_new
    _call.TYPE_INTERCEPTS[types.CodeType] = vm_code_new
    I[type.__new__] = vm_type_new
    # The guest's sys.settrace/sys.gettrace (docs/tracing.md), under a plain
    # `evalframe run` as under the seeing tools.
    from . import settrace
    settrace.install()
    from . import setprofile
    setprofile.install()
    from . import audit
    audit.install(I)
    after_import()


_install()
