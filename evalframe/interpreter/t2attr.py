"""Tier 2's property, method and operator sites: a guest getter, setter,
method or binary operator method called directly, without the host
descriptor or slot in between.

Mirrors what CPython 3.12's specialising interpreter does for
LOAD_ATTR_PROPERTY and LOAD_ATTR_METHOD_* (Python/specialize.c,
Python/bytecodes.c: guarded by the type's version tag) and what the code
they skip does: Objects/object.c ``_PyObject_GenericGetAttrWithDict`` /
``_PyObject_GenericSetAttrWithDict`` / ``_PyObject_GetMethod``,
Objects/descrobject.c ``property_descr_get`` / ``property_descr_set``,
Objects/typeobject.c ``slot_tp_getattr_hook`` and the ``SLOT1BINFULL``
binary slots (``slot_nb_add`` ...), Objects/abstract.c ``binary_op1``.

Without it, ``obj.area`` of a guest property is the host's generic getattr,
``property.__get__`` and a host call of the guest getter (``Function.__call__``:
the host frame, the caller's file, the C-depth bookkeeping), and ``a + b`` of
two guest vectors is the host's ``slot_nb_add``, the guest function bound by
``Function.__get__`` and called the same way: about 1 us each.

A site is *armed* when the translation sees a name that some guest class
body bound to a property with a guest getter or setter (``PROPERTY_NAMES``,
noted by ``__build_class__``), to a binary operator's guest method
(``DUNDER_NAMES``) or, in a class with ``__slots__``, to a guest function
(``METHOD_NAMES``).  An armed site keeps, per type of operand it met (up to
``MAX_TYPES``, versions of one type counted apart), an entry ``the type's
version tag -> the property or function`` (a property's with the code of
its getter when that only returns an instance attribute, below): the
guest function is called directly while the operand's type has a version
tag recorded, one read of the tag and one dict lookup.  The tag is CPython's own
(``tp_version_tag``, what its method cache and specialised instructions are
keyed by: any change to the type's dict or to a base's, ``__bases__``
assigned, gives the type a new one, and a class made at the same address
later has another), read through ``_testcapi.type_get_version``; a host
without it gets no armed sites.  The entry is filled by the helpers here,
which look the name up as ``_PyType_Lookup`` does (the MRO's dicts in
order: no guest code runs) and check what makes CPython call exactly that
function (no ``__getattribute__``/``__getattr__``/``__setattr__`` of the
guest's, a class of metatype ``type``...), then do what the plain site
does (``getattr``, ``setattr``, the operator).  A site whose operand is not
a guest object of that kind is disarmed for good (the plain form from then
on), and so is one that met too many types or whose helper ran ``MISSES``
times.  So a class mutated, a property replaced or deleted, a hook or an
operator assigned later are seen at the next execution.  What an entry
holds: the property (or the function) itself, never the class, so a site
keeps a property or function object alive after its class is gone (until
the site meets another type at that address or too many types).

A getter whose whole body is ``return self.<inner>`` (trivial_read; the
inner name the site is written for is the one every class body's getter
of that name reads, ``TRIVIAL_NAMES``) is not called: the site reads
``owner.<inner>`` itself (3.11's specialised instance-attribute read) when
the entry holds the getter's code (recorded when ``<inner>`` is nowhere on
the type, hooks excluded as above: the read is then the instance dict's
item, what the getter would return), the property's current getter is a
guest function with that code (``property.__init__`` may replace it, and
``__code__`` may be assigned), and the call would show nothing: no tracer
or profiler (t2_room is 0 while one is attached) and the getter's frame
within the recursion limit (``tstate.depth < tstate.t2_room``, its lean
prologue's own test).  An AttributeError is not the getter's then: the
property is read the plain way, so the getter runs and raises it from its
own frame.

LOAD_METHOD pushes the function and the instance, not a bound method, for
instances without a dict only (method_seen says why); elsewhere it pushes
the literal NULL and the bound method (made in C: funcobject._BINDING) for
CALL_METHOD to call (_bound_method), which then never tests the NULL and
tests a bound guest method first, or a builtin where the name is a
builtin's (builtin_names).
"""

import operator
import re

from .. import opcodes as _K
from ..objects.funcobject import Function
from ..objects.cellobject import NULL
from ..objects import testcapi as _testcapi
from . import bytecodes as _bytecodes

# names some guest class body bound to a property whose getter or setter is
# a guest function / to a guest function under a binary operator's name
# (hints for the translation only: the helpers check everything again)
PROPERTY_NAMES = set()
DUNDER_NAMES = set()
METHOD_NAMES = set()
# the names guest class statements bound a class to (a call site of a
# global of such a name tests a class first: _emit_call; a hint only)
CLASS_NAMES = set()
# property name -> the instance attribute its guest getter only returns
# (trivial_read), None when class bodies disagree on it
TRIVIAL_NAMES = {}

# a site that met more types than this is disarmed, and one whose helper
# was called this many times (the first item of its list, a countdown)
MAX_TYPES = 8
MISSES = 64

# the operator of a binary instruction's declared body (``res = left OP
# right``, bytecodes.py) -> the guest method slot_nb_* calls, the host
# operator
_OPERATORS = {
    "+": ("__add__", operator.add),
    "-": ("__sub__", operator.sub),
    "*": ("__mul__", operator.mul),
    "/": ("__truediv__", operator.truediv),
    "//": ("__floordiv__", operator.floordiv),
    "@": ("__matmul__", operator.matmul),
}
_BINARY_NAMES = frozenset(m for m, _ in _OPERATORS.values())


def _binary_ops():
    """opcode -> (method name, the operator's symbol, the host operator) of
    the declared instructions whose body applies one of _OPERATORS."""
    out = {}
    for d in _bytecodes.DEFS.values():
        if type(d.body) is str:
            m = re.fullmatch(r"\w+ = left (\S+) right", d.body.strip())
            if m is not None and m.group(1) in _OPERATORS:
                meth, host_op = _OPERATORS[m.group(1)]
                out[_K.opmap[d.name]] = (meth, m.group(1), host_op)
    return out


BINARY = _binary_ops()

_object_dict = object.__dict__
_HEAPTYPE = 1 << 9          # (Py_TPFLAGS_HEAPTYPE: a class made by a class statement or type())
_property = property
_object_new = object.__new__
from weakref import ref as _weakref


def note_namespace(ns, name=None):
    """__build_class__: remember the names of ``ns`` (a class body's dict)
    that tier-2 sites may call directly (methods: of a class with
    ``__slots__``, whose instances may have no dict: method_seen), and the
    class's ``name``."""
    if type(name) is str:
        CLASS_NAMES.add(name)
    slots = "__slots__" in ns
    for name, value in ns.items():
        kind = type(value)
        if kind is _property:
            if type(value.fget) is Function or type(value.fset) is Function:
                PROPERTY_NAMES.add(name)
            if type(value.fget) is Function:
                inner = trivial_read(value.fget._code)
                if inner is not None and TRIVIAL_NAMES.get(name, inner) == inner:
                    TRIVIAL_NAMES[name] = inner
                else:
                    TRIVIAL_NAMES[name] = None
        elif kind is Function:
            if slots:
                METHOD_NAMES.add(name)
            if name in _BINARY_NAMES:
                DUNDER_NAMES.add(name)


# co_flags that make a call do more than run the body (*args, **kwargs:
# a tuple or dict made; a generator or coroutine returned instead)
_NOT_PLAIN = 0x04 | 0x08 | 0x20 | 0x80 | 0x100 | 0x200
_TRIVIAL_OPS = (_K.LOAD_FAST, _K.LOAD_ATTR, _K.RETURN_VALUE)


def trivial_read(code):
    """The attribute name when guest code ``code`` is a getter's whose whole
    body is ``return self.<name>`` (3.10: LOAD_FAST 0, LOAD_ATTR, RETURN_VALUE)
    taking exactly one argument, else None."""
    raw = code.co_code
    if (len(raw) != 6 or code.co_argcount != 1 or code.co_kwonlyargcount
            or code.co_flags & _NOT_PLAIN or (raw[0], raw[2], raw[4]) != _TRIVIAL_OPS
            or raw[1] != 0):
        return None
    return code.co_names[raw[3]]


def version_reader():
    """``_testcapi.type_get_version`` (the type's tp_version_tag, 0 when not
    valid), or None (objects/testcapi.py: loaded once, outside the import
    system)."""
    return getattr(_testcapi.module, "type_get_version", None)


type_version = version_reader()

_GET_HOOKS = ("__getattribute__", "__getattr__")
_SET_HOOKS = ("__setattr__",)
_METHOD_HOOKS = ("__getattribute__",)


def _lookup(tp, name, hooks, heap_only=False):
    """_PyType_Lookup(tp, name) over ``tp``'s MRO dicts, or NULL when a
    class other than object defines one of ``hooks`` (the attribute
    protocol is then not the generic one, or a hook may run), is not made
    by a class statement while ``heap_only``, or ``tp`` is not a class of
    metatype ``type`` (whose bases are all of metatype ``type`` too: their
    ``__mro__`` and ``__dict__`` are type's)."""
    if type(tp) is not type:
        return NULL
    found = NULL
    for k in tp.__mro__:
        if k is object:
            break
        if heap_only and not k.__flags__ & _HEAPTYPE:
            return NULL
        d = k.__dict__
        for h in hooks:
            if h in d:
                return NULL
        if found is NULL and name in d:
            found = d[name]
    if found is NULL:
        found = _object_dict.get(name, NULL)
    return found


# Every site made here.  Their entries hold guest properties and functions
# strongly, and through them the guest's module globals: disarm_all lets
# them go at exit.  (Never pruned: a translation lives as long as its code,
# and tier2.MAX_CODES bounds how many are ever made.)
_SITES = []


def _new_site(g, *more):
    site = [MISSES, {}, *more]
    _SITES.append(site)
    return g.param(site)


def disarm_all():
    """Disarm every site (the plain forms run from then on), letting their
    entries go.  Called at interpreter exit (evalframe._unlist_at_exit, the
    last atexit callback), before the host's finalization clears the guest's
    modules: an entry held there kept a property's getter, so its module's
    globals, reachable from the VM, and an object only those globals held
    was never finalized (no ``__del__`` output at exit, where CPython's
    finalization frees it)."""
    for site in _SITES:
        _disarm(site)
    _SITES.clear()


def _record(site, tag, entry):
    """Keep ``entry`` for the type of version ``tag`` at ``site``; a site
    that met too many types (or versions of one) is disarmed.  A tag
    names one type in one state: tags are never reused (CPython's counter,
    0 once it is exhausted), so the tag alone is the key."""
    if not tag:
        return          # (no valid tag yet: the next miss records it)
    entries = site[1]
    if len(entries) >= MAX_TYPES and tag not in entries:
        site[0] = False
        entries.clear()
        return
    entries[tag] = entry


def _disarm(site):
    """A site disarmed for good is an empty list: the generated code tests
    the list's truth (``if not pN:``, a LOAD_DEREF and a jump, where
    ``pN[0]`` was a subscript more at every execution) and calls no helper
    with it then.  (A class call site keeps its list: _disarm_class.)"""
    site.clear()


def _disarm_class(site):
    # (a class call site's fast form reads its entries untested, and its
    # slow form tests ``site[0]``: tier2._class_call)
    site[0] = 0
    site[1].clear()


def _missed(site, disarm=_disarm):
    """A helper called at ``site`` (its entries did not match): one of its
    ``MISSES`` spent; False when none is left and the site is disarmed (a
    class changed in a loop, a function without a lean entry)."""
    left = site[0] - 1
    if left <= 0:
        disarm(site)
        return False
    site[0] = left
    return True


def _accessor(site, owner, name, hooks, which):
    """The guest getter or setter (``which``: "fget", "fset") CPython's
    generic getattr / setattr would call for ``owner.name``: the property
    first in the MRO (a data descriptor: the instance's dict is not looked
    in), no hook of the guest's; recorded at ``site`` for the type.  None
    when it is not a guest function; a site that met no property at all is
    disarmed."""
    if not _missed(site):
        return None
    tp = type(owner)
    tag = type_version(tp)
    p = _lookup(tp, name, hooks)
    if type(p) is not _property:
        _disarm(site)
        return None
    fn = getattr(p, which)
    if type(fn) is not Function:
        return None
    if which == "fset":
        _record(site, tag, p)
        return fn
    # (a getter that only returns ``self.<inner>``, the inner name the site
    # was written for, read in place: its code is recorded when nothing
    # on the type can make ``owner.<inner>`` anything but the instance
    # dict's item: the type's version guards that)
    code = fn._code
    inner = site[2]
    if (inner is None or trivial_read(code) != inner
            or _lookup(tp, inner, hooks) is not NULL):
        code = None
    _record(site, tag, (p, code))
    return fn


def load_attr(site, tstate, owner, name):
    """LOAD_ATTR ``owner.name`` at an armed site whose entries did not
    match: a property's guest getter (no __getattr__ either) is called by
    its lean entry; anything else is ``getattr``."""
    fn = _accessor(site, owner, name, _GET_HOOKS, "fget")
    if fn is not None and (ln := fn._lean1) is not None:
        return ln(tstate, owner)
    return getattr(owner, name)


def store_attr(site, tstate, owner, name, value):
    """STORE_ATTR ``owner.name = value`` at an armed site whose entries did
    not match: a property's guest setter is called by its lean entry;
    anything else is ``setattr``."""
    fn = _accessor(site, owner, name, _SET_HOOKS, "fset")
    if fn is not None and (ln := fn._lean2) is not None:
        ln(tstate, owner, value)
    else:
        setattr(owner, name, value)


def method_seen(site, owner, name, func):
    """LOAD_METHOD at an armed site found guest function ``func`` the slow
    way (a bound method taken apart): record it when the lookup on the
    type gives it (no ``__getattribute__`` of the guest's) and instances of
    the type have no dict (``__slots__`` without ``__dict__``); a site that
    meets anything else at a miss is disarmed.  (An instance dict cannot be
    looked in without making the dict: 3.11 keeps a plain instance's
    attributes as values beside shared keys until ``__dict__`` is read, and
    the host's attribute reads and writes of an object whose dict was made
    took 2.7 times as long, timeit: richards ran 5% slower.)"""
    if not _missed(site):
        return
    tp = type(owner)
    tag = type_version(tp)
    if tp.__dictoffset__ or _lookup(tp, name, _METHOD_HOOKS) is not func:
        _disarm(site)
        return
    _record(site, tag, func)


def class_made(site, tag, cls, init, args):
    """A class call site's slow test found that calling ``cls`` is
    ``object.__new__`` then guest ``init`` (tier2._class_call: metaclass
    ``type``, not intercepted, ``cls.__init__`` that guest function,
    ``cls.__new__`` object's; ``tag`` the class's version tag read right
    after it): the object made by ``object.__new__(cls, *args)``, as before,
    and then ``init`` kept for the tag, so that the site's fast form makes
    the next object with no arguments: ``object.__new__`` accepts arguments
    only where the class's tp_new is object_new itself, which stays so
    while the tag does (its ``__new__`` set or deleted, on it or a base,
    gives it a new one; slot_tp_new, kept after a ``__new__`` set then
    deleted, refuses them: nothing is recorded then).  The tag stands for
    the rest too: the metatype is exactly ``type``, whose own dict no one
    changes, so ``cls.__init__`` and ``cls.__new__`` are found in ``cls``'s
    MRO, which a new tag follows any change of; the interceptions
    (call.TYPE_INTERCEPTS) are host classes, whose ``__init__`` is no guest
    function.  The entry is a weak reference to ``init``.  Each call
    costs one of the site's ``MISSES`` (a class whose
    dict changes at every instantiation, such as ``Item.count += 1`` in its
    ``__init__``, gets a new tag each time: the site then stops recording,
    and its slow form stops calling this)."""
    obj = _object_new(cls, *args)
    if _missed(site, _disarm_class):
        # (weakly: the translation's constants, where the site lives, are
        # held by tier 2's tables for good, and ``init`` holds its module's
        # globals, whose objects must be finalized when the guest drops
        # them, at exit too; while the class has that tag, it holds ``init``)
        _record(site, tag, _weakref(init))
    return obj


def _operator_method(tl, name):
    """The guest function slot_nb_* of class ``tl`` calls for method
    ``name`` (the first in its MRO), when ``tl`` and every base but object
    were made by class statements (a builtin base brings sequence slots
    that binary_op tries after binary_op1) and its metatype is ``type``;
    else None."""
    meth = _lookup(tl, name, (), True)
    return meth if type(meth) is Function else None


def binary(site, tstate, left, right, op):
    """BINARY_* at an armed site whose entries did not match: a guest
    object on the left whose class's method for the operator is a guest
    function (_operator_method) is recorded; the method is called directly
    when the right operand is of the same class or a plain int or float
    (the cases where CPython's slot calls it first and nothing else
    before); anything else is the host's operator (and a site whose left
    operand is not a guest object is disarmed)."""
    name, symbol, host_op = op
    tl = type(left)
    if not _missed(site) or (type(tl) is type and not tl.__flags__ & _HEAPTYPE):
        _disarm(site)
        return host_op(left, right)
    tag = type_version(tl)
    meth = _operator_method(tl, name)
    if meth is None:
        return host_op(left, right)
    _record(site, tag, meth)
    tr = type(right)
    ln = meth._lean2
    if ln is None or not (tr is tl or tr is float or tr is int):
        return host_op(left, right)
    res = ln(tstate, left, right)
    if res is NotImplemented:
        not_implemented(left, right, op)
    return res


def not_implemented(left, right, op):
    """binary_op after the left operand's method returned NotImplemented,
    the right operand of the same class, an int or a float: the right
    operand's slot is none (the same class: binary_op1 tries it once) or
    int's or float's, which return NotImplemented for an operand that is
    neither (the left one's class has no builtin base); no sequence slots:
    the TypeError."""
    raise TypeError("unsupported operand type(s) for %s: '%s' and '%s'"
                    % (op[1], type(left).__name__, type(right).__name__))


def _entry_test(g, operand, site, keep_type=False, e=None):
    """The guard of an armed site: the entry ``e`` recorded for the version
    tag of the operand's type (temporaries ``tt``: that type, kept only
    when ``keep_type``, else None; ``e``, a new one unless given).  One read
    of the tag and one dict lookup: a tag is never given to another type or
    state (_record)."""
    e = e or g.temp()
    if not keep_type:
        return None, e, "(%s := %s[1].get(tv_(type(%s)))) is not None" % (e, site, operand)
    tt = g.temp()
    return tt, e, ("(%s := %s[1].get(tv_(%s := type(%s)))) is not None"
                   % (e, site, tt, operand))


_BUILTIN_NAMES = []


def builtin_names():
    """The names of the builtin containers' methods and of the plain
    builtins tier-2 code calls directly (call.plain_method_owners,
    plain_callables), made once."""
    if not _BUILTIN_NAMES:
        from .call import plain_method_owners, plain_callables
        names = {n for t in plain_method_owners() for n in dir(t) if not n.startswith("_")}
        names.update(f.__name__ for f in plain_callables() if not f.__name__.startswith("_"))
        _BUILTIN_NAMES.append(frozenset(names))
    return _BUILTIN_NAMES[0]


def _bound_method(g, name):
    """LOAD_METHOD at a site that is not armed: the host's attribute read,
    pushed as (NULL, the attribute) for CALL_METHOD, which calls a bound
    method of a guest function by its lean entry with its ``__self__``
    (tier2._emit_call).  Binding is C (funcobject._BINDING): taking the
    method apart here (``__self__ is owner``, ``__func__``) cost more than
    calling it so, and calling a bound method is what CPython does when the
    attribute is not the function itself.  A Python ``__get__`` (no
    ``_testcapi``) keeps the shared template's unbinding."""
    owner = g.pop()
    self_ = g.temp()
    start = len(g.body)
    g.emit("%s = %s.%s" % (self_, owner, name))
    g.release(owner)
    # (where the read was written, for CALL_METHOD to call a builtin
    # container's method on its receiver when no code came between:
    # tier2._emit_call)
    g.__dict__.setdefault("method_reads", {})[self_] = (owner, name, start, len(g.body))
    # (CALL_METHOD's order of tests for this site: a builtin first where the
    # name is a builtin container's method or a plain builtin's, ``append``,
    # ``sqrt``; a bound guest method first elsewhere.  A hint only: the
    # types tested are exclusive)
    hints = g.__dict__.setdefault("builtin_first", {})
    hints[self_] = name in builtin_names()
    # (the method slot pushed as the literal NULL, no temporary: CALL_METHOD
    # then writes only its NULL cases, without testing it: _emit_call)
    g.push("NULL")
    g.push(self_)
    return True


def emit(g, op, darg):
    """The armed form of LOAD_ATTR / STORE_ATTR / LOAD_METHOD / a binary
    operator (opcode ``op``) in tier-2 group ``g``, or NotImplemented (the
    shared template)."""
    if type_version is None:
        return NotImplemented
    ts = g.tstate()     # (a generator's translation reads it anew after a yield)

    def out(text, indent=0):
        g.emit(text.replace("TSTATE", ts).replace(", FRAME0", f0), indent)

    # (a lean function's call of a lean getter, setter or operator passes
    # frame0 None: tstate.frame is LEAN already, t2frames; elsewhere the
    # callee's default, OUTSIDE)
    f0 = ", None" if getattr(g, "lean", False) else ""

    if op == _K.LOAD_ATTR:
        if darg not in PROPERTY_NAMES:
            return NotImplemented
        owner = g.pop()
        inner = TRIVIAL_NAMES.get(darg)
        site, r, fn, ln = _new_site(g, inner), g.temp(), g.temp(), g.temp()
        tt, e, test = _entry_test(g, owner, site)
        out("if not %s: %s = %s.%s" % (site, r, owner, darg))
        if inner is None:
            out("elif %s and type(%s := %s[0].fget) is Function and (%s := %s._lean1) is not None: "
                "%s = %s(TSTATE, %s, FRAME0)" % (test, fn, e, ln, fn, r, ln, owner))
        else:
            # a getter whose body is ``return self.<inner>`` (trivial_read;
            # its code recorded in the entry, None for any other): the
            # instance's attribute read here, where no call of the getter
            # would be seen: no tracer attached (t2_room 0 then) and room
            # for the call under the recursion limit (its prologue's test);
            # a missing attribute is the getter called, whose frame the
            # AttributeError's traceback shows
            out("elif %s and type(%s := %s[0].fget) is Function and %s._code is %s[1] and "
                "TSTATE.depth < TSTATE.t2_room:" % (test, fn, e, fn, e))
            out("try: %s = %s.%s" % (r, owner, inner), 1)
            out("except AttributeError: %s = NULL" % r, 1)
            out("if %s is NULL: %s = %s.%s" % (r, r, owner, darg), 1)
            out("elif %s is not None and type(%s) is Function and (%s := %s._lean1) is not None: "
                "%s = %s(TSTATE, %s, FRAME0)" % (e, fn, ln, fn, r, ln, owner))
        out("else: %s = t2attr_.load_attr(%s, TSTATE, %s, %s)"
               % (r, site, owner, g.param(darg)))
        g.release(owner, e, fn, ln)
        g.push(r)
        return True
    if op == _K.STORE_ATTR:
        if darg not in PROPERTY_NAMES:
            return NotImplemented
        owner = g.pop()
        value = g.pop()
        site, fn, ln = _new_site(g), g.temp(), g.temp()
        tt, e, test = _entry_test(g, owner, site)
        out("if not %s: %s.%s = %s" % (site, owner, darg, value))
        out("elif %s and type(%s := %s.fset) is Function and (%s := %s._lean2) is not None: "
               "%s(TSTATE, %s, %s, FRAME0)" % (test, fn, e, ln, fn, ln, owner, value))
        out("else: t2attr_.store_attr(%s, TSTATE, %s, %s, %s)"
               % (site, owner, g.param(darg), value))
        g.release(owner, value, e, fn, ln)
        return True
    if op == _K.LOAD_METHOD:
        if darg not in METHOD_NAMES:
            return _bound_method(g, darg)
        owner = g.pop()
        site, meth, self_ = _new_site(g), g.temp(), g.temp()
        # (the entry is the function: read into the method slot itself, which
        # the other branch assigns on every path)
        tt, e, test = _entry_test(g, owner, site, e=meth)
        out("if %s and %s: %s = %s" % (site, test, self_, owner))
        out("else:")
        out("%s = %s.%s" % (self_, owner, darg), 1)
        out("if type(%s) is MethodType and %s.__self__ is %s and type(%s := %s.__func__) "
               "is Function:" % (self_, self_, owner, meth, self_), 1)
        out("%s = %s" % (self_, owner), 2)
        out("if %s: t2attr_.method_seen(%s, %s, %s, %s)"
               % (site, site, owner, g.param(darg), meth), 2)
        out("else: %s = NULL" % meth, 1)
        g.release(owner)
        g.push(meth)
        g.push(self_)
        return True
    binop = BINARY.get(op)
    if binop is None or binop[0] not in DUNDER_NAMES:
        return NotImplemented
    right = g.pop()
    left = g.pop()
    site, r, tr, ln = _new_site(g), g.temp(), g.temp(), g.temp()
    tt, e, test = _entry_test(g, left, site, True)
    opp = g.param(binop)
    # (each path drops what it holds: the unarmed one the operands only, as
    # the guard's temporaries were never set on it; before, one line after
    # the three dropped all six, 8 host bytecodes more per unarmed operator)
    # (the site an empty list once disarmed: _disarm)
    out("if not %s: %s = %s %s %s%s" % (site, r, left, binop[1], right,
                                        _dead(g, left, right, bound=True)))
    out("elif %s and ((%s := type(%s)) is %s or %s is float or %s is int) and "
        "(%s := %s._lean2) is not None:" % (test, tr, right, tt, tr, tr, ln, e))
    out("%s = %s(TSTATE, %s, %s, FRAME0)" % (r, ln, left, right), 1)
    out("if %s is NotImplemented: t2attr_.not_implemented(%s, %s, %s)"
        % (r, left, right, opp), 1)
    out(_dead(g, left, right, tt, e, tr, ln)[2:], 1)
    out("else: %s = t2attr_.binary(%s, TSTATE, %s, %s, %s)%s"
        % (r, site, left, right, opp, _dead(g, left, right, tt, e, tr, ln)))
    g.push(r)
    return True


def _dead(g, *exprs, bound=False):
    """``; a = b = None``: of ``exprs``, the host locals holding values a
    site consumed (tier2._Function.release's choice), dropped at the end
    of one of its paths; "" when none.  ``bound``: all of them are set on
    every path to here (the operands, popped values): in lean code
    temporaries are then dropped by ``del`` (tier2.drop_text); a guard's
    temporaries, set or not by a short-circuited test, never are."""
    dead = [x for x in dict.fromkeys(exprs)
            if x[0] in "ts" and x[1:].isdigit() and x not in g.vs]
    if not dead:
        return ""
    if bound and g.lean and all(x in g.stacked for x in dead):
        return "; del " + ", ".join(dead)
    return "; %s = None" % " = ".join(dead)
