"""Function objects: a code object bound to globals, defaults and a closure.

Mirrors Objects/funcobject.c (3.10): PyFunction_NewWithQualName, the getset
descriptors with their setters' type checks and messages (func_set_code,
func_set_defaults, func_set_kwdefaults, func_set_name, func_set_qualname,
func_set_annotations), the read-only members (__globals__, __closure__,
__builtins__), func_descr_get (binding, to a host ``types.MethodType`` so
host code sees an ordinary bound method: in C, _BINDING) and func_repr.

Both attribute families exist: the ``func_*`` slots (Python 2 names, also what
the interpreter reads) and the dunders.  ``__call__`` enters the VM, so host
code (sorted(key=f), map, callbacks, dunder slots of guest classes) can call a
guest function; guest-to-guest calls never come through here (the eval loop
pushes the callee's frame itself).
"""

import sys as _sys
from sys import _getframe   # bound once: a guest may delete or rebind sys._getframe
from operator import attrgetter
from types import MethodType, FunctionType as _FunctionType, ModuleType as _ModuleType

from . import excslots as _x     # (the slots: never a guest __getattribute__)
from . import vmhooks
from . import testcapi as _testcapi
from .cellobject import NULL
from .codeobject import (Code, set_type_dict_entry, CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR,
                         CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE,
                         CO_NEWLOCALS, CLEANS_DOCS as _CLEANS_DOCS, clean_doc as _clean_doc)

# Flags that rule out the "exact positional arity" fast path of
# _PyFunction_Vectorcall (function_code_fastcall in 3.8/3.9).
_NOT_FAST = (CO_VARARGS | CO_VARKEYWORDS | CO_GENERATOR | CO_COROUTINE
             | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE)

# Installed by evalframe.interpreter.call: enter the VM with (func, args, kwargs).
_call_hook = None


def set_call_hook(hook):
    global _call_hook
    _call_hook = hook



_leave_hook = None
_C_CALL_DEPTH_CHECK = _sys.version_info < (3, 12)
# Nested VM re-entries through C code (a dunder slot calling a guest function
# that calls the slot again...) allowed before the next raises RecursionError.
# 3.10/3.11 spend the host's C stack on each (8 MB overflows after about 1000
# through sorted()'s key on the traced loop of 3.10, 1400 on 3.11): 1010 lets
# every default-limit recursion run as in CPython.  3.12+ count C calls against
# a fixed C recursion limit (1500 on 3.12, 10000 on 3.13) of which each
# re-entry spends about 5: 3.12 reaches it after about 290, 3.13 after 2000.
# 3.13's stack is the bound before that: a re-entry takes about 5.4 KB of C
# stack, so 1500 (the cap until the nineteenth session) overflowed 8 MB now
# and then (a host crash, tests/boundary/test_exceptions.py's C paths under a
# high limit; every time with a 7 MB stack); 1100 leaves about 2 MB, and is
# above the 1000 levels the default limit allows.
_MAX_C_REENTRY = {(3, 12): 250, (3, 13): 1100}.get(_sys.version_info[:2],
                                                    1010 if _sys.version_info < (3, 12) else 1100)


def set_leave_hook(func):
    """``func(exception)``: what an exception leaving a guest function for
    its host caller carries (evalframe.runtime.tracebacks sets the cleaner
    that makes tier 2's raw entries and drops the VM's own frames)."""
    global _leave_hook
    _leave_hook = func

def _leaving(exc):
    """An exception goes from a guest function back to host code (a __del__
    or weakref callback reported as unraisable, an atexit callback, a
    thread's target, a host caller's traceback): it shows guest frames and
    host-library frames, never the VM's own (set_leave_hook)."""
    leave = _leave_hook
    if leave is not None:
        leave(exc)


def _readonly():
    def fset(self, value):
        raise AttributeError("readonly attribute")

    def fdel(self):
        raise AttributeError("readonly attribute")
    return fset, fdel


def _builtins_from_globals(globals):
    """_PyEval_BuiltinsFromGlobals (3.10, bpo-42990): the globals' __builtins__
    (a module means its dict), else the running frame's builtins."""
    # (PyDict_GetItem: never a method a dict subclass as globals overrides)
    b = dict.get(globals, "__builtins__") if isinstance(globals, dict) else None
    if b is None:
        get_tstate = vmhooks.get_tstate
        frame = vmhooks.current_frame() if get_tstate is not None else None
        if frame is not None:
            return frame.f_builtins
        import builtins
        return builtins.__dict__
    if isinstance(b, _ModuleType):
        return b.__dict__
    return b



def string_member(slot, attr):
    """A str-only attribute kept in ``slot``, as func_set_name/func_set_qualname
    (and gen_set_name/gen_set_qualname) check it: no other type, no deletion."""
    message = "%s must be set to a string object" % attr

    def set_(self, value):
        if not isinstance(value, str):
            raise TypeError(message)
        setattr(self, slot, value)

    def delete(self):
        raise TypeError(message)

    return property(attrgetter(slot), set_, delete)


# The C base of Function when the host has one: _testcapi's
# MethodDescriptorBase, whose tp_descr_get is func_descr_get's twin (the
# instance itself without an instance, else PyMethod_New(func, obj)).  A
# Python ``__get__`` is slot_tp_descr_get calling a host Python function at
# each ``obj.method`` the host evaluates (every guest method load, by tier 1's
# getattr, tier 2's generated code, super(), a dunder slot of a guest class):
# 205 -> 119 ns for ``o.m`` and its unbinding (timeit, loaded machine), and
# without it tier 2 cannot skip the binding of an instance with a dict (the
# dict cannot be looked in from Python without making it: t2attr.py).  Its
# tp_new makes the object and ignores the arguments (Function.__init__ reads
# them); Function adds a dict and slots, so the layout is its own.
_BINDING = getattr(_testcapi.module, "MethodDescriptorBase", None)
if type(_BINDING) is not type or not _BINDING.__flags__ & (1 << 10):    # (Py_TPFLAGS_BASETYPE)
    _BINDING = None


class _FunctionMeta(type):
    """The metatype of Function, for one thing only: ``type(f).__module__`` is
    'builtins' (CPython's static function type has no module in its dict),
    while ``f.__module__`` is the instance's (the property in the class dict,
    which a class's own ``__module__`` would otherwise read)."""

    __module__ = property(lambda cls: "builtins")

    # (the C base, _BINDING, is the VM's: CPython's function type has object
    # alone; the real MRO, tp_mro, is what isinstance and lookups read)
    if _BINDING is not None:
        def _immutable(get, name):
            def refuse(cls, value):
                raise TypeError("cannot set '%s' attribute of immutable type 'function'" % name)
            return property(get, refuse)

        __bases__ = _immutable(lambda cls: (object,), "__bases__")
        __base__ = _immutable(lambda cls: object, "__base__")
        __mro__ = _immutable(lambda cls: (cls, object), "__mro__")
        del _immutable


def _normalizing(ts, func, args, caller):
    """Whether ``func(*args)`` is the host normalizing ``ts.raising`` in an
    except or finally clause of the VM's own code (``caller``) as it
    passes from its guest raise to its guest handler: _PyErr_NormalizeException's
    ``PyObject_IsSubclass(type(value), type(value))`` calling the metaclass's
    __subclasscheck__.  CPython makes that call once, where the guest handler
    is entered (ops/exceptions.normalize_at_handler); these are answered
    True, as the check of a class against itself, without the guest hook."""
    cls = type(ts.raising)
    if (len(args) != 2 or args[0] is not cls or args[1] is not cls or caller is None
            or not vmhooks.is_vm_code(caller.f_code)):
        return False
    for klass in type(cls).__mro__:
        hook = klass.__dict__.get("__subclasscheck__")
        if hook is not None:
            return hook is func
    return False


class Function(*(() if _BINDING is None else (_BINDING,)), metaclass=_FunctionMeta):
    # (no class docstring: __doc__ is the per-function docstring property below)

    # The underscored slots are what the interpreter reads (the C struct's
    # fields); the public func_* and dunder names are properties with
    # CPython's checks.
    __slots__ = ("_code", "_globals", "_builtins", "_name", "_qualname", "_defaults",
                 "_kwdefaults", "_closure", "_doc", "_module", "_annotations",
                 "__dict__", "__weakref__",
                 # interpreter caches, recomputed by _update_fast()
                 "_fast_argcount", "_fast_tail", "_lean", "_gen_argcount",
                 # _lean again under its arity's name (tier-2 call sites of that
                 # arity test one attribute: tier2.lean_guard)
                 "_lean0", "_lean1", "_lean2", "_lean3", "_lean4",
                 # tier 2's call entries per call shape (tier2._entry)
                 "_kwcalls",
                 # globals and builtins both exact dicts (fixed for the
                 # function's life): the exact-dict LOAD_GLOBAL forms of a
                 # frame-based tier-2 function its calls run (tier2._source)
                 "_exact_dicts")

    def __init__(self, code, globals, name=None, defaults=None, closure=None,
                 kwdefaults=None, qualname=None, builtins=None):
        if not isinstance(code, Code):
            raise TypeError("function() argument 'code' must be code, not %s"
                            % type(code).__name__)
        self._code = code
        self._globals = globals
        self._name = code.co_name if name is None else name
        self._qualname = (code.co_qualname or self._name) if qualname is None else qualname
        self._defaults = defaults
        self._kwdefaults = kwdefaults
        self._closure = closure
        consts = code.co_consts
        doc = consts[0] if consts else None
        if isinstance(doc, str):
            if _CLEANS_DOCS:
                # 3.13+ hosts: their compiler stores the docstring cleaned;
                # ours keeps 3.10's constant, so clean it here, once a code
                # object (not at every def run)
                doc = code._cleandoc
                if doc is None:
                    doc = code._cleandoc = _clean_doc(consts[0])
            self._doc = doc
        else:
            self._doc = None
        self._module = dict.get(globals, "__name__") if isinstance(globals, dict) else None
        self._annotations = None
        self._builtins = builtins if builtins is not None else _builtins_from_globals(globals)
        self._exact_dicts = type(globals) is dict and type(self._builtins) is dict
        self._update_fast()

    def _update_fast(self):
        """Precompute the fast-call shape: arity, and the tail of fast locals."""
        code = self._code
        # (tier2.bind_lean: this function's frameless tier-2 entry)
        # (and its call entries, which hold the defaults: tier2._entry)
        self._lean = self._lean0 = self._lean1 = self._lean2 = self._lean3 = self._lean4 = None
        self._kwcalls = None
        self._gen_argcount = -1
        if (code.co_flags & _NOT_FAST or code.co_kwonlyargcount or code.co_cellvars
                or not code.co_flags & CO_NEWLOCALS):
            self._fast_argcount = -1
            self._fast_tail = None
            if (code.co_flags & _NOT_FAST == CO_GENERATOR and not code.co_kwonlyargcount
                    and not code.co_cellvars and code.co_flags & CO_NEWLOCALS):
                # a plain generator function of the fast shape: tier 2 makes
                # its generators directly (tier2gen.new_generator)
                self._gen_argcount = code.co_argcount
                self._fast_tail = self._tail(code)
            return
        self._fast_argcount = code.co_argcount
        self._fast_tail = self._tail(code)

    def _tail(self, code):
        """The fast locals after the arguments: unbound locals, free cells."""
        tail = [NULL] * (code.co_nlocals - code.co_argcount)
        if self._closure:
            tail.extend(self._closure)
        return tail

    # -- calling and binding -------------------------------------------------

    def __call__(self, /, *args, **kwargs):
        # (self positional-only: a guest function may take a keyword named 'self')
        lean = self._lean
        n = len(args)
        if lean is not None and not kwargs and n == self._fast_argcount:
            # Its frameless tier-2 entry, bound before (a property, a dunder
            # of a guest class, a callback): what the general path below
            # does for it, in fewer steps (each host entry pays them).
            ts = vmhooks.get_tstate()
            reentry = ts.reentry
            try:
                caller = _getframe(1)
            except ValueError:
                caller = None
            if (reentry < _MAX_C_REENTRY and caller is not None
                    and vmhooks.vm_files.get(caller.f_code.co_filename) is True):
                if ts.raising is not None and _normalizing(ts, self, args, caller):
                    return True
                # (the caller is the VM's own code: C code between; a host
                # Python caller, or one too deep, takes the general path)
                base = ts.depth
                lazy = ts.c_lazy
                units = 0
                try:
                    if _C_CALL_DEPTH_CHECK:
                        if reentry > 1 or base + 3 >= ts.recursion_limit:
                            units = vmhooks.c_entry_charge(self, ts, caller)
                        else:
                            units = -1
                            ts.c_lazy = (self, caller)
                    caller = None
                    ts.reentry = reentry + 1
                    if not (reentry + 1) & 63:
                        vmhooks.check_host_room(ts)
                    # (a call of known arity: 3.11 runs it in this C frame of
                    # the host's eval loop; a star call enters a new one)
                    if n == 1:
                        return lean(ts, args[0])
                    if n == 2:
                        return lean(ts, args[0], args[1])
                    return lean(ts, *args)
                except BaseException as exc:
                    _leaving(exc)
                    exc = None
                    raise
                finally:
                    ts.reentry = reentry
                    if units:
                        ts.depth = base
                        if units < 0:
                            ts.c_lazy = lazy
            caller = None
        hook = _call_hook
        if hook is None:
            raise RuntimeError("evalframe's interpreter is not loaded "
                               "(evalframe.interpreter.call sets the call hook)")
        units = 0
        try:
            ts = vmhooks.get_tstate()
            if ts.reentry >= _MAX_C_REENTRY:
                # the host's C stack (3.10/3.11) or fixed C recursion limit
                # (3.12+) would give out first: refuse the entry
                raise RecursionError("maximum recursion depth exceeded")
            try:
                caller = _getframe(1)
            except ValueError:
                caller = None       # (C code with no Python frame below: atexit at exit)
            if ts.raising is not None and _normalizing(ts, self, args, caller):
                return True
            if _C_CALL_DEPTH_CHECK:
                # 3.10/3.11: the C code between the guest caller and this function
                # made recursion checks of its own (builtin call, PyObject_Repr...),
                # counted on the same depth as frames (runtime/cdepth.py).  The
                # outermost entry from host code, far from the limit, is counted
                # only if a nested one happens (the common callback pays nothing):
                # until then ts.c_lazy is this function and the host frame that
                # called it (cdepth.charge_outer), the previous value put back after.
                base = ts.depth
                if ts.reentry > 1 or base + 3 >= ts.recursion_limit:
                    units = vmhooks.c_entry_charge(self, ts, caller)
                else:
                    units = -1
                    lazy = ts.c_lazy
                    ts.c_lazy = (self, caller)
            if caller is not None and vmhooks.vm_files.get(caller.f_code.co_filename) is not True:
                # host Python code is the caller (a thread's run, contextlib):
                # on CPython the callee's f_back is that host frame.  The
                # loop links a frame it enters to ts.frame, so for this call
                # ts.frame is the host frame's view (runtime/hostframes.py)
                back = vmhooks.entered_from(caller)
                caller = None
                if back is not None:
                    saved = ts.frame
                    ts.frame = back
                    try:
                        return hook(self, args, kwargs)
                    finally:
                        ts.frame = saved
            caller = None
            return hook(self, args, kwargs)
        except BaseException as exc:
            _leaving(exc)
            exc = None
            raise
        finally:
            if units:
                ts.depth = base
                if units < 0:
                    ts.c_lazy = lazy

    if _BINDING is not None:
        # (the C slot itself: type_new sees the base's wrapper of this slot
        # and takes its C function, update_one_slot; ``__get__(None, None)``
        # is refused by the wrapper as by the function type's)
        __get__ = _BINDING.__get__
    else:
        def __get__(self, obj, type=None):
            if obj is None:
                return self
            return MethodType(self, obj)

    def __repr__(self):
        return "<function %s at %#x>" % (self._qualname, id(self))

    # -- __code__ ------------------------------------------------------------

    # func_get_code / func_set_code and the defaults' getters and setters
    # raise the object.__getattr__ / __setattr__ / __delattr__ audit events
    # (3.8+): what a sandbox's hook refuses.  The CPython 2 aliases (func_code,
    # func_defaults...) raise them too, under the dunder name, or they would
    # be the way round such a hook.  The VM itself reads the private slots.
    def _get_code(self):
        if vmhooks.audit_hooks:
            vmhooks.audit_event("object.__getattr__", self, "__code__")
        return self._code

    def _set_code(self, value):
        if not isinstance(value, Code):
            raise TypeError("__code__ must be set to a code object")
        if vmhooks.audit_hooks:
            vmhooks.audit_event("object.__setattr__", self, "__code__", value)
        nfree = len(value.co_freevars)
        nclosure = 0 if self._closure is None else len(self._closure)
        if nclosure != nfree:
            raise ValueError("%s() requires a code object with %d free vars, not %d"
                             % (self._name, nclosure, nfree))
        self._code = value
        self._update_fast()

    def _del_code(self):
        raise TypeError("__code__ must be set to a code object")

    __code__ = func_code = property(_get_code, _set_code, _del_code)

    # -- __defaults__ / __kwdefaults__ ----------------------------------------

    def _get_defaults(self):
        if vmhooks.audit_hooks:
            vmhooks.audit_event("object.__getattr__", self, "__defaults__")
        return self._defaults

    def _set_defaults(self, value):
        if value is not None and not isinstance(value, tuple):
            raise TypeError("__defaults__ must be set to a tuple object")
        if vmhooks.audit_hooks:
            # (func_set_defaults: None is a deletion, audited as one)
            if value is None:
                vmhooks.audit_event("object.__delattr__", self, "__defaults__")
            else:
                vmhooks.audit_event("object.__setattr__", self, "__defaults__", value)
        self._defaults = value
        self._update_fast()

    def _del_defaults(self):
        if vmhooks.audit_hooks:
            vmhooks.audit_event("object.__delattr__", self, "__defaults__")
        self._defaults = None
        self._update_fast()

    __defaults__ = func_defaults = property(_get_defaults, _set_defaults, _del_defaults)

    def _get_kwdefaults(self):
        if vmhooks.audit_hooks:
            vmhooks.audit_event("object.__getattr__", self, "__kwdefaults__")
        return self._kwdefaults

    def _set_kwdefaults(self, value):
        if value is not None and not isinstance(value, dict):
            raise TypeError("__kwdefaults__ must be set to a dict object")
        if vmhooks.audit_hooks:
            if value is None:
                vmhooks.audit_event("object.__delattr__", self, "__kwdefaults__")
            else:
                vmhooks.audit_event("object.__setattr__", self, "__kwdefaults__", value)
        self._kwdefaults = value
        self._update_fast()

    def _del_kwdefaults(self):
        if vmhooks.audit_hooks:
            vmhooks.audit_event("object.__delattr__", self, "__kwdefaults__")
        self._kwdefaults = None
        self._update_fast()

    __kwdefaults__ = func_kwdefaults = property(_get_kwdefaults, _set_kwdefaults,
                                                _del_kwdefaults)

    # -- names ---------------------------------------------------------------

    __name__ = func_name = string_member("_name", "__name__")
    _qualname_property = string_member("_qualname", "__qualname__")

    # __doc__ and __module__ are plain members (T_OBJECT) in CPython: any value.
    def _get_doc(self):
        return self._doc

    def _set_doc(self, value):
        self._doc = value

    def _del_doc(self):
        self._doc = None

    __doc__ = func_doc = property(_get_doc, _set_doc, _del_doc)

    def _get_module(self):
        return self._module

    def _set_module(self, value):
        self._module = value

    def _del_module(self):
        self._module = None

    __module__ = property(_get_module, _set_module, _del_module)

    # -- __annotations__ -------------------------------------------------------

    def _get_annotations(self):
        ann = self._annotations
        if ann is None:
            ann = self._annotations = {}
        elif isinstance(ann, tuple):
            # 3.10 MAKE_FUNCTION stores a flat (name, value, ...) tuple; the
            # dict is made on first access (func_get_annotations).
            ann = self._annotations = {ann[i]: ann[i + 1] for i in range(0, len(ann), 2)}
        return ann

    def _set_annotations(self, value):
        if value is not None and not isinstance(value, dict):
            raise TypeError("__annotations__ must be set to a dict object")
        self._annotations = value

    def _del_annotations(self):
        self._annotations = None

    __annotations__ = property(_get_annotations, _set_annotations, _del_annotations)

    # -- read-only members -----------------------------------------------------

    __globals__ = func_globals = property(lambda self: self._globals, *_readonly())
    __closure__ = func_closure = property(lambda self: self._closure, *_readonly())
    __builtins__ = property(lambda self: self._builtins, *_readonly())

    def _get_func_dict(self):
        return self.__dict__

    def _set_func_dict(self, value):
        if not isinstance(value, dict):
            raise TypeError("__dict__ must be set to a dictionary, not a '%s'"
                            % type(value).__name__)
        self.__dict__ = value

    func_dict = property(_get_func_dict, _set_func_dict)

    # -- copying: functions are shared by reference, as in CPython -------------

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        # pickle by reference, like CPython's save_global for functions
        return self._qualname


def install_instance_qualname(cls, prop, name="__qualname__"):
    """Make ``obj.__qualname__`` an instance property (func_getsetlist, gen_getsetlist).

    A class body cannot hold a non-str ``__qualname__`` (type_new takes it as
    the class's own qualname), so the property is put into the type's dict
    afterwards (codeobject.set_type_dict_entry).  ``cls.__qualname__`` (the
    class's own) still comes from the metatype's descriptor.
    """
    set_type_dict_entry(cls, name, prop)


install_instance_qualname(Function, Function._qualname_property)


# No __signature__: as on CPython, a function has none until one is set (in its
# __dict__, as functools.wraps and decorators do); inspect.signature computes
# the signature from __code__, __defaults__, __kwdefaults__ and
# __annotations__ (isfunction() is true for guest functions, see below).


def _install_dict_property():
    """``f.__dict__``: assignable only with a dict, not deletable (the function
    type's own getset, PyObject_GenericSetDict); attribute lookups keep using
    the instance dict slot directly."""
    slot = Function.__dict__["__dict__"]

    def fget(self):
        return slot.__get__(self, Function)

    def fset(self, value):
        if not isinstance(value, dict):
            raise TypeError("__dict__ must be set to a dictionary, not a '%s'"
                            % type(value).__name__)
        slot.__set__(self, value)

    def fdel(self):
        raise TypeError("cannot delete __dict__")
    set_type_dict_entry(Function, "__dict__", property(fget, fset, fdel))


_install_dict_property()

# ``isinstance(f, types.FunctionType)`` (inspect.isfunction, and the libraries
# that test it) is true for guest functions, as for mock objects: isinstance
# falls back to ``__class__``.  ``type(f)`` is still Function (the VM tests
# ``type(x) is Function``, never ``x.__class__``).
install_instance_qualname(Function, property(lambda self: _FunctionType), "__class__")

# type(f).__name__ and error messages say 'function', as for host functions.
# (type(f).__module__ is 'builtins' through the metatype, so repr(type(f)) is
# "<class 'function'>".)
Function.__name__ = Function.__qualname__ = "function"

if _BINDING is not None:
    # (set now, not in the metatype's body: type_ready asks the metatype's
    # mro() for the real MRO, _BINDING in it)
    _FunctionMeta.mro = property(lambda cls: [cls, object].copy)
