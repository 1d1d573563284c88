"""One definition per opcode: stack inputs and outputs, operation, error path.

Mirrors CPython 3.12's Python/bytecodes.c and the generator that turns it into
generated_cases.c.h: each instruction below is declared once, as

    inst(NAME, "(inputs -- outputs)", body)

in the 3.12 stack-effect notation, with a body of host Python statements
over the input names, assigning the output names.  ``oparg`` is the decoded
argument (decode.py), ``f`` the frame, ``fast`` its localsplus, ``globals``
and ``builtins`` its f_globals and f_builtins, ``locals`` its locals mapping
(module and class bodies), ``tstate`` the thread state, ``INDEX`` the
instruction's own index (the argument is then decoded as ``(value, index)``);
``JUMP``, ``PUSH_BLOCK``, ``YIELD``, ``CALL``, ``DICT``, ``PEEK``, ``RETURN``,
``CALL_PY``, ``RESUME`` and ``DELEGATE`` are the forms below and in docs/vm.md.  Everything else is derived from the
declaration:

* the plain handler (``handler_source`` -> ops.HANDLERS, what tier 1's
  unfused list and the traced loop run): inputs popped from the value stack,
  the body, outputs pushed;
* the inline template of fused groups and of tier 2 (``translate``, called by
  superinstr._translate, which tier2.py shares): the inputs are the virtual
  stack's expressions, outputs become temporaries, ``oparg`` a bound constant
  (an int is written as a literal), nothing is pushed or popped at run time;
  the group decides how the frame's parts are written (``Group.frame``,
  ``fast``, ``builtins``: a lean tier-2 function has guest locals as host
  locals and materialises its frame only where a slow path names ``f``);
* the stack effect ``len(outputs) - len(inputs)``, checked against
  opcodes.stack_effect (tests/vm/test_bytecodes.py).

A body may depend on the argument's value at translation time: a dict
``{oparg value: body}`` gives one body per value (the handler tests the value
at run time, the templates pick one); the key None is the body for any other
value.  The definitions are read once at
import; what is derived from them is generated into two checked-in modules
(generated_handlers.py, generated_facts.py), which tests/vm/test_bytecodes.py
checks are current.

Every opcode is declared here (3.10's 127 and 3.11's two exception-group
opcodes).  Those that switch frames (a call, a return, a generator resumed
or delegated to: ``RETURN``, ``CALL_PY``, ``RESUME``, ``DELEGATE``) have no
template of their own: each tier writes the *form* once (FORMS), as 3.12's
generator special-cases DISPATCH_INLINED and _PUSH_FRAME; lines marked
``# if live`` / ``# unless live`` make the plain loop's own handler
(``NAME__live``, LIVE in generated_handlers.py).
"""

import builtins
import keyword
import os
import re
from sys import is_finalizing as _is_finalizing   # (bound once: a guest may rebind it)

from .. import opcodes

DEFS = {}           # opname -> Inst
VARIANTS = {}       # opname -> {oparg value: derived handler} (per-value bodies)

# a name, not an attribute (``x.value`` keeps its ``value``): live_handlers
# reads it at start-up; every other pattern is compiled when first needed
# (_templates_ready)
_NAME = re.compile(r"(?<![.\w])[A-Za-z_][A-Za-z_0-9]*")
# the frame switches (call, return, resume, delegate): see "switching frames"
# below; only generating a handler reads them (no template does), so they are
# compiled then (_compile_switches), not at every start-up (0.8 ms)
_RETURN = _CALL_PY = _RESUME = _DELEGATE = None


def _compile_switches():
    global _RETURN, _CALL_PY, _RESUME, _DELEGATE
    if _RETURN is None:
        _CALL_PY = re.compile(r"^(.*?)\b(\w+) = CALL_PY\((.*)\)$")
        _RESUME = re.compile(r"RESUME\((\w+)\)")
        _DELEGATE = re.compile(r"^(\w+) = DELEGATE\((\w+), (\w+)\)$")
        _RETURN = re.compile(r"^RETURN\((.*)\)$")
# The patterns only templates, generating and the declarations' items read:
# compiled by the first template made (_templates_ready), not at every start
# (17 patterns, 6 M host instructions: an empty program makes no template, and
# the facts at start-up are generated_facts.py's).  re.compile is bound
# now, before any guest can rebind it.  While the host finalizes, re's module
# may have been emptied: code first warm then, if no template was made before,
# is neither fused nor translated (templates_available, superinstr.plain_list
# and warm_event): it runs its plain handlers, as under no fusion.
_RE_COMPILE = re.compile
_ITEM = _JUMP = _PUSH_BLOCK = _UNBINDS = _BINDS = None
_WORD = _PEEK = _YIELD = _ASSIGN = _SETATTR = _DELATTR = _GETATTR = None
_UNPACK_TO = _CALL = _DICT = _COND = _TOKEN = None


def _templates_ready():
    global _ITEM, _JUMP, _PUSH_BLOCK, _UNBINDS, _BINDS
    global _WORD, _PEEK, _YIELD, _ASSIGN, _SETATTR, _DELATTR, _GETATTR
    global _UNPACK_TO, _CALL, _DICT, _COND, _TOKEN
    if _TOKEN is not None:
        return
    c = _RE_COMPILE
    _ITEM = c(r"^(\w+)(?:\[(.+)\])?(?:\s+if\s+\((.+)\))?$")
    _JUMP = c(r"JUMP\(([^()]*)\)")
    _PUSH_BLOCK = c(r"PUSH_BLOCK\(([^()]*)\)")
    _UNBINDS = c(r"fast\[oparg\]\s*=\s*NULL")
    _BINDS = c(r"fast\[oparg\]\s*=")
    _WORD = c(r"[A-Za-z_][A-Za-z_0-9]*")
    _PEEK = c(r"PEEK\(([^()]*)\)")
    _YIELD = c(r"^YIELD\((.*)\)$")
    # (``name =`` or an augmented assignment; not a comparison ``left <= right``)
    _ASSIGN = c(r"(?<![.\w])([A-Za-z_]\w*)\s*(?:\*\*|//|<<|>>|[-+*/%@&|^])?=(?!=)")
    _SETATTR = c(r"^setattr\((\w+), oparg, (\w+)\)$")
    _DELATTR = c(r"^delattr\((\w+), oparg\)$")
    _GETATTR = c(r"getattr\((\w+), oparg\)")
    _UNPACK_TO = c(r"(?<![.\w])(\w+) = (.*?)(\[::-1\])?$")
    _CALL = c(r"^(\w+) = CALL\((.*)\)$")
    _DICT = c(r"DICT\((\w+)(?:\[(\d)::2\])?, (\w+)(?:\[(\d)::2\])?\)")
    _COND = c(r"^if (.*?): ")
    # (last: the others are set once this one is)
    _TOKEN = c(r"(?<![.\w])\*?[A-Za-z_]\w*|\x02|\x03\d+\x03|\x04\d+\x04")


def templates_available():
    """Whether templates can be made now: False only while the host finalizes
    if none was made before (their patterns are not compiled then)."""
    return _TOKEN is not None or not _is_finalizing()
_UNLESS_BOUND = "# unless bound"
# a check the templates drop when its inputs are constants that pass it
_UNLESS_CONST = "# unless const"
# lines for groups that know their globals and builtins are exact dicts
# (Group.exact_dicts: a lean tier-2 function is bound to them) or do not
_IF_EXACT = "# if exact"
_UNLESS_EXACT = "# unless exact"
# exact-dict lines for a name the host's builtins module has, or has not
# (LOAD_GLOBAL: which dict a name is likely in, guessed at translation)
_IF_EXACT_BUILTIN = "# if exact builtin"
_IF_EXACT_GLOBAL = "# if exact global"
_BUILTIN_NAMES = frozenset(vars(builtins))
# lines for the plain loop's own handler only (``Decoded.instrs``: the loop
# records f._lasti at a frame switch and resumes guest generators inline) or
# for every other runner of the handler (the traced loop, tier 2's fallbacks)
_IF_LIVE = "# if live"
_UNLESS_LIVE = "# unless live"
# (a line's condition in a _Plan: dropped when the group knows...)
_WHEN_BOUND, _WHEN_EXACT, _WHEN_INEXACT, _WHEN_CONST = 1, 2, 3, 4
_WHEN_NOT_EXACT_BUILTIN, _WHEN_NOT_EXACT_GLOBAL = 5, 6
_EXACT_CONDS = (_WHEN_EXACT, _WHEN_INEXACT, _WHEN_NOT_EXACT_BUILTIN, _WHEN_NOT_EXACT_GLOBAL)


class Item:
    """One stack item of a declaration: ``name``, ``name[count]`` (a run of
    ``count`` values, an expression in oparg) or ``name if (cond)``."""
    __slots__ = ("name", "count", "cond")

    def __init__(self, text):
        m = _ITEM.match(text.strip())
        if m is None:
            raise SyntaxError("bad stack item %r" % text)
        self.name, self.count, self.cond = m.groups()

    def present(self, oparg):
        return self.cond is None or bool(eval(self.cond, {"oparg": oparg}))

    def size(self, oparg):
        if not self.present(oparg):
            return 0
        return 1 if self.count is None else eval(self.count, {"oparg": oparg})

    def __str__(self):
        return self.name + ("[%s]" % self.count if self.count else "") + (
            " if (%s)" % self.cond if self.cond else "")


class Inst:
    __slots__ = ("name", "_items", "body", "effect_text", "arg")

    def __init__(self, name, effect, body, arg=None):
        if name not in opcodes.opmap:
            raise NameError("no opcode named %s" % name)
        if name in DEFS:
            raise NameError("two definitions of %s" % name)
        self.name = name
        self.effect_text = effect
        self._items = None      # (inputs, outputs): parsed when first read
        self.body = body
        self.arg = arg          # the HELPERS name of its argument's decoder, or None

    def _parse_items(self):
        # (not at import: only templates, generating and the tools read the
        # items, and parsing the 129 declarations' took 2 M host instructions)
        if self._items is None:
            _templates_ready()
            left, _, right = self.effect_text.strip()[1:-1].partition("--")
            self._items = ([Item(x) for x in left.split(",") if x.strip()],
                           [Item(x) for x in right.split(",") if x.strip()])
        return self._items

    @property
    def inputs(self):
        return self._parse_items()[0]

    @property
    def outputs(self):
        return self._parse_items()[1]

    def stack_effect(self, oparg, jump=False):
        """The net effect on the stack for ``oparg``; with ``jump``, on the
        path of its JUMP(target, kept...): the inputs consumed, the kept
        values pushed back."""
        consumed = sum(x.size(oparg) for x in self.inputs if x.present(oparg))
        _templates_ready()
        if jump:
            for _, lines in self.bodies():
                for ln in lines:
                    m = _JUMP.search(ln)
                    if m:
                        return len(_jump_args(m)) - 1 - consumed
                    m = _PUSH_BLOCK.search(ln)
                    if m:
                        # the handler's entry: the block's level and the 6
                        # values an exception pushes (ceval._unwind)
                        return len(_jump_args(m)) - 1 + 6 - consumed
        return sum(x.size(oparg) for x in self.outputs if x.present(oparg)) - consumed

    def jumps(self):
        _templates_ready()
        return any(_JUMP.search(ln) or _PUSH_BLOCK.search(ln)
                   for _, lines in self.bodies() for ln in lines)

    def bodies(self):
        """[(oparg value or None, body lines)]."""
        if isinstance(self.body, dict):
            return [(k, _lines(v)) for k, v in self.body.items()]
        return [(None, _lines(self.body))]


def _lines(body):
    return [ln for ln in body.split("\n") if ln.strip()] if body else []


def inst(name, effect, body="", arg=None):
    DEFS[name] = Inst(name, effect, body, arg)


# The names a definition's body may use beyond the host builtins, and where
# they come from: the cold paths (errors, slow lookups) live in ops/*, where
# the error texts are.  (module relative to this package, name)
HELPERS = (
    ("types", "MethodType"),
    ("..objects.cellobject", "NULL"),
    ("..objects.funcobject", "Function"),
    (".call", "call_push"),
    (".call", "call_object"),
    (".ops.names", "unbound_local"),
    (".ops.names", "unbound_deref"),
    (".ops.names", "load_deref_slow"),
    (".ops.names", "load_global_slow"),
    (".ops.names", "load_global_missed"),
    (".ops.names", "name_error"),
    (".ops.names", "deref_name"),
    (".ops.names", "load_name_global"),
    (".ops.names", "locals_get"),
    (".ops.names", "no_locals"),
    (".ops.arith", "invert_bool"),
    (".ops.containers", "unpack_iterable"),
    (".ops.containers", "list_extend"),
    (".ops.containers", "dict_update"),
    (".ops.containers", "dict_merge"),
    (".ops.containers", "displayhook"),
    (".ops.imports", "import_func"),
    (".ops.imports", "import_from"),
    (".ops.imports", "import_all_from"),
    (".ops.patterns", "match_keys"),
    (".ops.patterns", "match_class"),
    (".ops.calls", "star_args"),
    (".ops.calls", "kwargs_dict"),
    (".ops.generators", "CORO_TYPES"),
    (".ops.generators", "GEN_CORO_TYPES"),
    (".ops.generators", "AsyncGenerator"),
    (".ops.generators", "AsyncGenWrappedValue"),
    (".ops.generators", "yield_kind"),
    (".ops", "YIELD"),
    (".ops", "RETURN"),
    (".ops", "YIELD_AGAIN"),
    (".ops.generators", "SEND_TYPES"),
    ("..objects.genobject", "Generator"),
    ("..objects.frameobject", "FRAME_CREATED"),
    (".specialize", "fast_frame"),
    (".ceval", "gen_can_inline"),
    (".ops.generators", "get_awaitable"),
    (".ops.generators", "awaitable_where"),
    (".ops.generators", "get_aiter"),
    (".ops.generators", "get_anext"),
    (".pystate", "get_tstate"),
    (".pystate", "set_exc_value"),
    ("..objects.frameobject", "EXCEPT_HANDLER"),
    ("..objects.excslots", "set_traceback"),
    ("..objects.excslots", "get_traceback"),
    (".ops.exceptions", "restore_traceback"),
    (".ops.exceptions", "exit_traceback"),
    (".ops.exceptions", "FINALLY_BLOCK"),
    (".ops.exceptions", "reraise"),
    (".ops.exceptions", "active_exception"),
    (".ops.exceptions", "do_raise"),
    (".ops.exceptions", "exc_no_match"),
    (".ops.exceptions", "given_exception_matches"),
    (".ops.exceptions", "lookup_special"),
    (".ops.exceptions", "cm_error"),
    (".ops.exceptions", "check_except_star_type"),
    (".ops.exceptions", "exception_group_match"),
    (".ops.exceptions", "prep_reraise_star"),
)


def helpers():
    """HELPERS as a namespace (what the fused and tier-2 templates run with)."""
    out = {}
    for module, name in HELPERS:
        level = len(module) - len(module.lstrip("."))
        # (the VM's own import, as an import statement here would make it: it
        # does not list the VM's modules in the guest's sys.modules, as
        # importlib.import_module's finder would while a guest runs)
        mod = __import__(module[level:], globals(), None, (name,), level)
        out[name] = getattr(mod, name)
    return out


# -- the definitions ----------------------------------------------------------------

inst("NOP", "( -- )")
inst("POP_TOP", "(value -- )")
inst("ROT_TWO", "(second, top -- top, second)")
inst("ROT_THREE", "(third, second, top -- top, third, second)")
inst("DUP_TOP", "(value -- value, value)")
inst("LOAD_CONST", "( -- value)", "value = oparg")

inst("UNARY_POSITIVE", "(value -- res)", "res = +value")
inst("UNARY_NEGATIVE", "(value -- res)", "res = -value")
inst("UNARY_NOT", "(value -- res)", "res = not value")
# (~bool is deprecated on 3.12+: invert_bool (ops/arith.py) warns from the guest's frame)
inst("UNARY_INVERT", "(value -- res)",
     "res = invert_bool(f, value) if value.__class__ is bool else ~value")

# the binary operators: PyNumber_Add & co. are the host's own operators
inst("BINARY_ADD", "(left, right -- sum)", "sum = left + right")
inst("BINARY_SUBTRACT", "(left, right -- res)", "res = left - right")
inst("BINARY_MULTIPLY", "(left, right -- res)", "res = left * right")
inst("BINARY_MATRIX_MULTIPLY", "(left, right -- res)", "res = left @ right")
inst("BINARY_TRUE_DIVIDE", "(left, right -- res)", "res = left / right")
inst("BINARY_FLOOR_DIVIDE", "(left, right -- res)", "res = left // right")
inst("BINARY_MODULO", "(left, right -- res)", "res = left % right")
inst("BINARY_POWER", "(left, right -- res)", "res = left ** right")
inst("BINARY_LSHIFT", "(left, right -- res)", "res = left << right")
inst("BINARY_RSHIFT", "(left, right -- res)", "res = left >> right")
inst("BINARY_AND", "(left, right -- res)", "res = left & right")
inst("BINARY_XOR", "(left, right -- res)", "res = left ^ right")
inst("BINARY_OR", "(left, right -- res)", "res = left | right")
inst("BINARY_SUBSCR", "(container, sub -- res)", "res = container[sub]")

# the in-place operators: PyNumber_InPlaceAdd & co.
inst("INPLACE_ADD", "(left, right -- res)", "res = left\nres += right")
inst("INPLACE_SUBTRACT", "(left, right -- res)", "res = left\nres -= right")
inst("INPLACE_MULTIPLY", "(left, right -- res)", "res = left\nres *= right")
inst("INPLACE_MATRIX_MULTIPLY", "(left, right -- res)", "res = left\nres @= right")
inst("INPLACE_TRUE_DIVIDE", "(left, right -- res)", "res = left\nres /= right")
inst("INPLACE_FLOOR_DIVIDE", "(left, right -- res)", "res = left\nres //= right")
inst("INPLACE_MODULO", "(left, right -- res)", "res = left\nres %= right")
inst("INPLACE_POWER", "(left, right -- res)", "res = left\nres **= right")
inst("INPLACE_LSHIFT", "(left, right -- res)", "res = left\nres <<= right")
inst("INPLACE_RSHIFT", "(left, right -- res)", "res = left\nres >>= right")
inst("INPLACE_AND", "(left, right -- res)", "res = left\nres &= right")
inst("INPLACE_XOR", "(left, right -- res)", "res = left\nres ^= right")
inst("INPLACE_OR", "(left, right -- res)", "res = left\nres |= right")

inst("STORE_SUBSCR", "(value, container, sub -- )", "container[sub] = value")
inst("DELETE_SUBSCR", "(container, sub -- )", "del container[sub]")
inst("IS_OP", "(left, right -- res)", {0: "res = left is right", 1: "res = left is not right"})
inst("CONTAINS_OP", "(left, right -- res)",
     {0: "res = left in right", 1: "res = left not in right"})

# cells: a late-set __class__ cell is settled by load_deref_slow (bpo-23722)
inst("LOAD_CLOSURE", "( -- cell)", "cell = fast[oparg]")
inst("LOAD_DEREF", "( -- value)",
     "value = fast[oparg].ob_ref\nif value is NULL: value = load_deref_slow(f, oparg)")
inst("STORE_DEREF", "(value -- )", "fast[oparg].ob_ref = value")



# fast locals: a local known to be bound (an argument nothing deletes, or
# stored earlier in the group) needs no check: the templates drop the lines
# marked "unless bound"; a store marks the local bound, storing NULL unbound
inst("LOAD_FAST", "( -- value)", """
value = fast[oparg]
if value is NULL: raise unbound_local(f, oparg)  # unless bound
""")
inst("STORE_FAST", "(value -- )", "fast[oparg] = value")
inst("DELETE_FAST", "( -- )", """
if fast[oparg] is NULL: raise unbound_local(f, oparg)  # unless bound
fast[oparg] = NULL
""")

# globals: exact dicts are read with .get (3.10's _PyDict_LoadGlobal); a
# dict subclass as globals, or as builtins, is load_global_slow's: its
# __getitem__ (with __missing__), then the builtins' (PyObject_GetItem, as
# 3.10-3.13's slow path), never a method the subclass may override such as
# ``get`` or ``__contains__``; and the NameError.  Where both are known to be
# exact dicts (a lean tier-2 function is bound to them: as 3.11's
# LOAD_GLOBAL_MODULE and LOAD_GLOBAL_BUILTIN specialise for exact dicts) the
# lookup is one subscript in a host ``try``, which costs nothing until it
# catches: the globals' for a name the host's builtins lack (a module's
# function, class, constant), the builtins' for a builtin's name unless the
# globals have it (a shadowing global is found first), the rest in ``except
# KeyError``; a caught KeyError costs a microsecond, hence the two forms, the
# name's guessed at translation (either gives every name its value or its
# error).  Before, ``globals[oparg] if oparg in globals else builtins[oparg]
# if oparg in builtins else ...``: fib 3,128 -> 2,923 host instructions per
# call.  load_global_missed gives a NameError raised in the except clause the
# context it would have had without the ``try``
# (tests/guest/programs/lean_global_lookups.py)
inst("LOAD_GLOBAL", "( -- value)", """
try: value = globals[oparg]  # if exact global
except KeyError: value = builtins[oparg] if oparg in builtins else load_global_missed(f, oparg)  # if exact global
try: value = builtins[oparg] if oparg not in globals else globals[oparg]  # if exact builtin
except KeyError: value = load_global_missed(f, oparg)  # if exact builtin
value = globals.get(oparg, NULL) if globals.__class__ is dict else load_global_slow(f, oparg)  # unless exact
if value is NULL: value = builtins.get(oparg, NULL) if builtins.__class__ is dict else NULL  # unless exact
if value is NULL: value = load_global_slow(f, oparg)  # unless exact
""")
# (PyDict_SetItem: the dict itself, not a subclass's __setitem__)
inst("STORE_GLOBAL", "(value -- )", """
if globals.__class__ is dict: globals[oparg] = value
else: dict.__setitem__(globals, oparg, value)
""")
# (PyDict_DelItem: the dict itself, not a subclass's __delitem__)
inst("DELETE_GLOBAL", "( -- )", "if dict.pop(globals, oparg, NULL) is NULL: raise name_error(oparg)")

# attributes: a name known at translation time becomes attribute syntax
inst("LOAD_ATTR", "(owner -- attr)", "attr = getattr(owner, oparg)")
inst("STORE_ATTR", "(value, owner -- )", "setattr(owner, oparg, value)")
inst("DELETE_ATTR", "(owner -- )", "delattr(owner, oparg)")
# (meth | NULL, self | attr): a guest function found through the instance
# is called with the instance as its first argument (CALL_METHOD)
# (``type(x) is MethodType``, not ``x.__class__``: the host specialises a
# call of type(), while ``__class__`` is a generic attribute read; a bound
# method's class is its type: 0.58 -> 0.33 us per LOAD_METHOD, timeit;
# ``meth :=`` reads ``__func__`` once, a generic attribute read of a bound
# method)
inst("LOAD_METHOD", "(owner -- meth, self_or_attr)", """
self_or_attr = getattr(owner, oparg)
if type(self_or_attr) is MethodType and self_or_attr.__self__ is owner and type(meth := self_or_attr.__func__) is Function: self_or_attr = owner
else: meth = NULL
""")

# comparisons: one body per operator (decode.py picks its handler)
inst("COMPARE_OP", "(left, right -- res)",
     {i: "res = left %s right" % op for i, op in enumerate(opcodes.CMP_OP[:6])})

# builders: ``values`` is the run of items, bottom first
inst("BUILD_TUPLE", "(values[oparg] -- tup)", "tup = (*values,)")
inst("BUILD_LIST", "(values[oparg] -- lst)", "lst = [*values]")
inst("BUILD_SET", "(values[oparg] -- st)", "st = {*values}")
inst("BUILD_STRING", "(pieces[oparg] -- res)", 'res = "".join(pieces)')
inst("BUILD_SLICE", "(start, stop, step if (oparg == 3) -- slc)",
     {2: "slc = slice(start, stop)", 3: "slc = slice(start, stop, step)"})
inst("LIST_TO_TUPLE", "(lst -- tup)", "tup = tuple(lst)")
# (list, unused[oparg-1], v -- list, unused[oparg-1]): PEEK(n) is the n-th
# item from the top once the inputs are popped
inst("LIST_APPEND", "(v -- )", "PEEK(oparg).append(v)")
inst("SET_ADD", "(v -- )", "PEEK(oparg).add(v)")
inst("MAP_ADD", "(key, value -- )", "PEEK(oparg)[key] = value")
inst("SET_UPDATE", "(iterable -- )", "PEEK(oparg).update(iterable)")
inst("LIST_EXTEND", "(iterable -- )", """
if iterable.__class__ is list or iterable.__class__ is tuple: PEEK(oparg).extend(iterable)
else: list_extend(PEEK(oparg), iterable)
""")
inst("DICT_UPDATE", "(update -- )", """
if isinstance(update, dict): PEEK(oparg).update(update)
else: dict_update(PEEK(oparg), update)
""")
# (the callee, for the errors, is two below the dict: f(**a, **b))
inst("DICT_MERGE", "(update -- )", """
if update.__class__ is dict and not PEEK(oparg): PEEK(oparg).update(update)
else: dict_merge(PEEK(oparg + 2), PEEK(oparg), update)
""")
# ``values`` in stack order: the first item ends on top
inst("UNPACK_SEQUENCE", "(seq -- values[oparg])", """
if (seq.__class__ is tuple or seq.__class__ is list) and len(seq) == oparg: values = seq[::-1]
else: values = unpack_iterable(seq, oparg, -1)[::-1]
""")
# (oparg & 0xFF items, a list of the rest, oparg >> 8 items; the first on top)
inst("UNPACK_EX", "(seq -- values[(oparg & 0xFF) + 1 + (oparg >> 8)])",
     "values = unpack_iterable(seq, oparg & 0xFF, oparg >> 8)[::-1]")
inst("GET_ITER", "(iterable -- it)", "it = iter(iterable)")
inst("GET_LEN", "(obj -- obj, n)", "n = len(obj)")
inst("LOAD_ASSERTION_ERROR", "( -- value)", "value = AssertionError")
# match statements: the Py_TPFLAGS_MAPPING (64) and Py_TPFLAGS_SEQUENCE (32)
# bits of the host type (collections.abc registration sets them)
inst("MATCH_MAPPING", "(subject -- subject, res)", "res = bool(type(subject).__flags__ & 64)")
inst("MATCH_SEQUENCE", "(subject -- subject, res)", "res = bool(type(subject).__flags__ & 32)")


def _format_value(oparg):
    # FORMAT_VALUE: the conversion (!s !r !a), then format() unless an exact
    # str with no spec stays as it is
    conv = ("", "str", "repr", "ascii")[oparg & 3]
    value = "%s(value)" % conv if conv else "value"
    if oparg & 4:
        return "res = format(%s, fmt_spec)" % value
    if conv == "str" or conv == "repr" or conv == "ascii":
        return "res = %s\nif res.__class__ is not str: res = format(res, '')" % value
    return "res = value if value.__class__ is str else format(value, '')"


inst("FORMAT_VALUE", "(value, fmt_spec if (oparg & 4) -- res)",
     {v: _format_value(v) for v in range(8)})

# jumps: JUMP(target) leaves with the inputs consumed; JUMP(target, x...)
# pushes x... back first (a value kept on the jump's path)
inst("JUMP_FORWARD", "( -- )", "JUMP(oparg)")
inst("JUMP_ABSOLUTE", "( -- )", "JUMP(oparg)")
inst("POP_JUMP_IF_FALSE", "(cond -- )", "if not cond: JUMP(oparg)")
inst("POP_JUMP_IF_TRUE", "(cond -- )", "if cond: JUMP(oparg)")
inst("JUMP_IF_FALSE_OR_POP", "(cond -- )", "if not cond: JUMP(oparg, cond)")
inst("JUMP_IF_TRUE_OR_POP", "(cond -- )", "if cond: JUMP(oparg, cond)")

inst("ROT_FOUR", "(fourth, third, second, top -- top, fourth, third, second)")
inst("DUP_TOP_TWO", "(second, top -- second, top, second, top)")
# a class body reads a free variable from its own namespace first
inst("LOAD_CLASSDEREF", "( -- value)", """
try: value = f._f_locals[deref_name(f, oparg)]
except KeyError: value = fast[oparg].ob_ref
if value is NULL: value = load_deref_slow(f, oparg)
""")
inst("DELETE_DEREF", "( -- )", """
if fast[oparg].ob_ref is NULL: raise unbound_deref(f, oparg)
fast[oparg].ob_ref = NULL
""")


# dict displays: DICT(keys, values) is the dict of the pairs (a dict display
# in a template when both runs are known); BUILD_CONST_KEY_MAP's keys are a
# constant tuple the templates check at translation time
# (one handler per small count, 0 to 4 pairs, each a dict display; the key
# None: the body for any other count)
inst("BUILD_MAP", "(values[oparg*2] -- dct)",
     dict.fromkeys((0, 1, 2, 3, 4, None), "dct = DICT(values[0::2], values[1::2])"))
inst("BUILD_CONST_KEY_MAP", "(values[oparg], key_names -- dct)", """
if key_names.__class__ is not tuple or len(key_names) != oparg: raise SystemError("bad BUILD_CONST_KEY_MAP keys argument")  # unless const
dct = DICT(key_names, values)
""")
inst("ROT_N", "(items[oparg - 1], top -- top, items[oparg - 1])")
# (interactive mode: sys.displayhook, looked up at each use)
inst("PRINT_EXPR", "(value -- )", "call_object(displayhook(), (value,))")

# the locals mapping (module and class bodies): an exact dict is read with
# .get, any other mapping with [] (a KeyError means "not there"); then the
# globals and builtins (load_name_global)
inst("LOAD_NAME", "( -- value)", """
if locals is None: raise no_locals("when loading %r" % oparg)
value = locals.get(oparg, NULL) if type(locals) is dict else locals_get(locals, oparg)
if value is NULL: value = load_name_global(f, oparg)
""")
inst("STORE_NAME", "(value -- )", """
if locals is None: raise no_locals("found when storing %r" % oparg)
locals[oparg] = value
""")
# (the NameError raised outside the except clause: no KeyError as its context)
inst("DELETE_NAME", "( -- )", """
if locals is None: raise no_locals("when deleting %r" % oparg)
missing = False
try: del locals[oparg]
except KeyError: missing = True
if missing: raise name_error(oparg)
""")
inst("SETUP_ANNOTATIONS", "( -- )", """
if locals is None: raise no_locals("found when setting up annotations")
if (locals.get("__annotations__", NULL) if type(locals) is dict else locals_get(locals, "__annotations__")) is NULL: locals["__annotations__"] = {}
""")

# imports: __import__ from the frame's builtins (the VM intercepts it), called
# like any callee; INDEX is the call's own index (a host callee reads f_lasti)
inst("IMPORT_NAME", "(level, fromlist -- res)", """
f._lasti = INDEX
res = CALL(import_func(builtins), [oparg, globals, globals if locals is None else locals, fromlist, level], None)
""")
inst("IMPORT_FROM", "(module -- module, res)", "res = import_from(module, oparg)")
inst("IMPORT_STAR", "(module -- )", """
if locals is None: raise no_locals("found during 'import *'")
import_all_from(locals, module)
""")

# match statements: the lookups and their errors are match_keys and match_class (ops/patterns.py)
inst("MATCH_KEYS", "(subject, keys -- subject, keys, values_or_none, res)", """
values_or_none = match_keys(subject, keys)
res = values_or_none is not None
""")
inst("COPY_DICT_WITHOUT_KEYS", "(subject, keys -- subject, rest)", """
rest = {}
rest.update(subject)
for key in keys: del rest[key]
""")
inst("MATCH_CLASS", "(subject, cls, names -- attrs_or_subject, res)", """
attrs_or_subject = match_class(subject, cls, oparg, names)
res = attrs_or_subject is not None
if not res: attrs_or_subject = subject
""")


def _make_function(oparg):
    # MAKE_FUNCTION: the function's builtins are its globals' __builtins__ now
    # (_PyEval_BuiltinsFromGlobals: a module may have rebound it since its
    # frame began); the optional parts are set by the oparg bits
    lines = ['func_builtins = dict.get(globals, "__builtins__", builtins)',
             "func = Function(code, globals, None, None, None, None, qname,"
             " func_builtins if type(func_builtins) is dict else None)"]
    for bit, item in ((8, "closure"), (4, "annotations"), (2, "kwdefaults"), (1, "defaults")):
        if oparg & bit:
            lines.append("func._%s = %s" % (item, item))
    if oparg & 9:
        lines.append("func._update_fast()")
    return "\n".join(lines)


inst("MAKE_FUNCTION", "(defaults if (oparg & 1), kwdefaults if (oparg & 2), "
     "annotations if (oparg & 4), closure if (oparg & 8), code, qname -- func)",
     {v: _make_function(v) for v in range(16)})


def _call_function_ex(oparg):
    # CALL_FUNCTION_EX: the positional arguments as a list, the keywords as a
    # dict (the callee named in the errors); INDEX: the call's own index
    lines = ["f._lasti = INDEX"]
    if oparg & 1:
        lines.append("if type(kwargs) is not dict: kwargs = kwargs_dict(func, kwargs)")
    lines.append("callargs = list(callargs) if type(callargs) is tuple else star_args(func, callargs)")
    lines.append("result = CALL(func, callargs, %s)" % ("kwargs" if oparg & 1 else "None"))
    return "\n".join(lines)


inst("CALL_FUNCTION_EX", "(func, callargs, kwargs if (oparg & 1) -- result)",
     {v: _call_function_ex(v) for v in range(2)})
inst("LOAD_BUILD_CLASS", "( -- bc)", """
bc = builtins.get("__build_class__", NULL) if type(builtins) is dict else locals_get(builtins, "__build_class__")
if bc is NULL: raise NameError("__build_class__ not found")
""")
# (a coroutine only in a coroutine: CO_COROUTINE | CO_ITERABLE_COROUTINE;
# a guest generator, the common case, tested by its type first: isinstance
# of it with a type it is not asks its ``__class__``, a host property call)
inst("GET_YIELD_FROM_ITER", "(iterable -- it)", """
if type(iterable) is Generator: it = iterable
else:
    if isinstance(iterable, CORO_TYPES) and not f.f_code.co_flags & 0x180: raise TypeError("cannot 'yield from' a coroutine object in a non-coroutine generator")
    it = iterable if isinstance(iterable, GEN_CORO_TYPES) else iter(iterable)
""")

# EXTENDED_ARG: decode.py folds its argument into the follower's (a NOP there)
inst("EXTENDED_ARG", "( -- )")

# -- exceptions and the block stack (3.10's SETUP_FINALLY model) --
# PUSH_BLOCK(target, below...) pushes a SETUP_FINALLY block handled at
# ``target`` whose level is the stack with the inputs popped and the outputs
# ``below...`` pushed (they stay under the 6 values ceval._unwind pushes on
# entering the handler); a template makes that much of its virtual stack
# canonical first (Group.push_block).  A body naming f.f_blockstack is not
# fused (BLOCKS: a group keeps no block stack of its own); a body ending in
# ``raise`` never falls through (RAISES: tier 2's flow ends there, and the
# values below go to their canonical slots first, Group.before_raise).
# ``tstate`` is the thread state (get_tstate() in a handler).
inst("SETUP_FINALLY", "( -- )", "PUSH_BLOCK(oparg)")
inst("POP_BLOCK", "( -- )", "f.f_blockstack.pop()")
inst("POP_EXCEPT", "(prev_tb, prev_value, prev_type -- )", """
if f.f_blockstack.pop()[0] != EXCEPT_HANDLER: raise SystemError("popped block is not an except handler")
set_exc_value(tstate.exc_info, prev_value)
""")
# (reraise: ceval.Reraise, unwound with no new traceback entry, as 3.10's
# RERAISE goes to exception_unwind directly; argument 1: a ``finally``
# re-raising where its block was set up)
# (the traceback saved as the handler was entered, restored unless it is
# still the exception's: tier 2's raw entries made into stand-ins meanwhile
# stay made, ops/exceptions.restore_traceback)
inst("RERAISE", "(tb, value, type -- )", {
    0: "if value is not None and get_traceback(value) is not tb: restore_traceback(value, tb)\n"
       "raise reraise(value, None)",
    1: "if value is not None and get_traceback(value) is not tb: restore_traceback(value, tb)\n"
       "raise reraise(value, f.f_blockstack[-1][1])",
})
# (do_raise returns what to raise, or raises itself: the instruction never falls through)
inst("RAISE_VARARGS", "(exc if (oparg >= 1), cause if (oparg == 2) -- )", {
    0: "raise reraise(active_exception(tstate), None)",
    1: "raise do_raise(tstate, exc, None, False)",
    2: "raise do_raise(tstate, exc, cause, True)",
})
# (exc_no_match's usual case written out, two plain classes: a host call
# fewer per except clause tried; the rest, its errors, through it)
inst("JUMP_IF_NOT_EXC_MATCH", "(left, right -- )", """
if (not issubclass(left, right)) if type(right) is type and type(left) is type and issubclass(right, BaseException) else exc_no_match(left, right): JUMP(oparg)
""")
# __enter__ runs to completion before the block exists (its exception must
# not reach this __exit__), so it is called, not pushed as a guest frame
# (``enter_fn`` is cleared before the call or the error: a tier-2 function
# keeps no reference to the manager's bound __enter__)
inst("SETUP_WITH", "(mgr -- exit, res)", """
enter_fn = lookup_special(mgr, "__enter__")
if enter_fn is None: raise cm_error(mgr, "__enter__", False)
exit = lookup_special(mgr, "__exit__")
if exit is None: enter_fn = None; raise cm_error(mgr, "__exit__", False)
res = call_object(enter_fn, (enter_fn := None) or ())
PUSH_BLOCK(oparg, exit)
""")
# (below the exception's 3 values, the 3 of the exception handled before)
inst("WITH_EXCEPT_START", "(exit_func, unused[3], tb, val, exc -- "
     "exit_func, unused[3], tb, val, exc, res)",
     "res = CALL(exit_func, [exc, val, exit_traceback(val, tb)], None)")
# except* (3.11's opcodes, on top of the stack): the match replaces the
# handled exception
inst("CHECK_EG_MATCH", "(exc_value, match_type -- rest, match)", """
check_except_star_type(match_type)
match, rest = exception_group_match(exc_value, match_type)
if match is None: rest = exc_value
else: set_exc_value(tstate.exc_info, match)
""")
inst("PREP_RERAISE_STAR", "(orig, excs -- exc)", "exc = prep_reraise_star(orig, excs)")

# -- coroutines and async iteration --
inst("GEN_START", "(value -- )")
# (the argument decoded by awaitable_where: what the error names)
inst("GET_AWAITABLE", "(iterable -- it)", "it = get_awaitable(iterable, oparg)",
     arg="awaitable_where")
inst("GET_AITER", "(obj -- it)", "it = get_aiter(obj)")
inst("GET_ANEXT", "(aiter -- aiter, awaitable)", """
if isinstance(aiter, AsyncGenerator): awaitable = aiter.__anext__()
else: awaitable = get_anext(aiter)
""")
# (a re-raise, the middle ``raise``, leaves every input where it is: the
# unwinding pops the EXCEPT_HANDLER block, drops the stack to its level + 3
# and restores the exception state saved there, ceval.unwind_except_handler;
# the other path is that unwinding written out, POP_EXCEPT's, with the
# iterator popped too: 3.10's UNWIND_EXCEPT_HANDLER and POP())
inst("END_ASYNC_FOR", "(aiter, prev_tb, prev_value, prev_type, tb, val, exc -- )", """
ended = given_exception_matches(exc, StopAsyncIteration)
if not ended and val is not None and get_traceback(val) is not tb: restore_traceback(val, tb)
if not ended: raise reraise(val, None)
f.f_blockstack.pop()
set_exc_value(tstate.exc_info, prev_value)
""")
inst("BEFORE_ASYNC_WITH", "(mgr -- exit, res)", """
enter_fn = lookup_special(mgr, "__aenter__")
if enter_fn is None: raise cm_error(mgr, "__aenter__", True)
exit = lookup_special(mgr, "__aexit__")
if exit is None: raise cm_error(mgr, "__aexit__", True)
res = CALL(enter_fn, [], None)
""")
inst("SETUP_ASYNC_WITH", "(res -- res)", "PUSH_BLOCK(oparg)")

# -- generators --
# YIELD(value), the last line: the frame suspends, handing ``value`` to
# whoever resumed it; the outputs are what the resumption pushes (the value
# sent).  A handler returns ops.YIELD with ``value`` on top; a template asks
# its group (Group.suspend: a fused group returns YIELD, a tier-2 generator
# is a host ``yield``).  The argument is decoded by yield_kind: an async
# generator's value is wrapped
inst("YIELD_VALUE", "(value -- sent)", {
    0: "YIELD(value)",
    1: "YIELD(AsyncGenWrappedValue(value))",
}, arg="yield_kind")


# -- switching frames: calls, returns, generators resumed and delegated to --
# What 3.12 writes as DISPATCH_INLINED / _PUSH_FRAME / ``goto resume_frame``.
# Each form is what the plain handler does; a template does not expand it
# but asks its group (FORMS: the opcode's form, one hook per form in
# superinstr.Group and tier2's translations, as YIELD(value) asks
# Group.suspend), since each tier switches frames its own way:
#
# * ``RETURN(value)``, the last line: the frame returns ``value`` (a handler
#   leaves it on top and returns ops.RETURN);
# * ``res = CALL_PY(func, args, n)``: a call with ``n`` positional arguments
#   (the list ``args``): a guest function of exactly that arity gets its Frame
#   from fast_frame, for the loop to push (3.12's CALL_PY_EXACT_ARGS), anything
#   else goes through call_push; ``CALL_PY(func, args, n, kwnames)``: the last
#   len(kwnames) arguments by keyword, always through call_push;
# * ``RESUME(gen)``: the loop resumes guest generator ``gen``'s frame inline
#   (3.12's FOR_ITER_GEN and SEND_GEN); the stack as before the instruction;
# * ``res = DELEGATE(receiver, value)``: ``yield from``: ``value`` sent to
#   ``receiver``; what it yields this frame yields (the receiver kept below,
#   this instruction run again when resumed: ops.YIELD_AGAIN), what it
#   returns is ``res``.
#
# Lines marked "if live" are the plain loop's (``Decoded.instrs``, its
# derived ``NAME__live`` handler: LIVE); "unless live" ones are for every
# other runner (the traced loop, tier 2's fallbacks): the plain loop records
# f._lasti itself where a call switches frames, and a host callee reads the
# live index (ceval.live_lasti).  The live handler's argument is the
# instruction's index when its lines name INDEX, else the plain value.
inst("RETURN_VALUE", "(retval -- )", """
f._lasti = INDEX  # if live
RETURN(retval)
""")
inst("CALL_FUNCTION", "(callable, args[oparg] -- res)", """
f._lasti = INDEX  # unless live
res = CALL_PY(callable, args, oparg)
""")
# (meth | NULL, self | callable, args...): LOAD_METHOD found a guest
# function (called with the instance first) or not
inst("CALL_METHOD", "(meth, callargs[oparg + 1] -- res)", """
f._lasti = INDEX  # unless live
if meth is not NULL: res = CALL_PY(meth, callargs, oparg + 1)
func = callargs.pop(0)
res = CALL_PY(func, callargs, oparg)
""")
inst("CALL_FUNCTION_KW", "(callable, args[oparg], kwnames -- res)", """
f._lasti = INDEX
res = CALL_PY(callable, args, oparg, kwnames)
""")
# (an exhausted iterator is popped on the jump's path: JUMP(target))
inst("FOR_ITER", "(iter -- iter, value)", """
if type(iter) is Generator: RESUME(iter)  # if live
value = next(iter, NULL)
if value is NULL: JUMP(oparg)
""")
# (the plain loop sends into a guest generator by resuming its frame when it
# can: not running or finished, no tracer, room below the recursion limit)
inst("YIELD_FROM", "(receiver, value -- result)", """
if type(receiver) is Generator and gen_can_inline(tstate, receiver) and (value is None or receiver.gi_frame.f_state != FRAME_CREATED): RESUME(receiver)  # if live
result = DELEGATE(receiver, value)
""")


# -- derived: facts the analyses of tier 2 and fusion read ---------------------------------

def _switching(words):
    """The definitions whose body text has any of ``words`` (one test per
    body text, not per line: this runs at start-up)."""
    for d in DEFS.values():
        texts = d.body.values() if isinstance(d.body, dict) else (d.body,)
        if any(w in t for t in texts for w in words):
            yield d


def _live_only(line):
    return line.rstrip().endswith(_IF_LIVE)


def _facts():
    _templates_ready()
    jumps, stores, deletes, calls, needs_locals, with_index = set(), set(), set(), set(), set(), set()
    blocks, pushes_block, raises = set(), set(), set()
    for d in DEFS.values():
        # (each distinct body once: BUILD_MAP's per-count bodies are one text)
        texts = dict.fromkeys(d.body.values()) if isinstance(d.body, dict) else (d.body,)
        for text in texts:
            if " = CALL(" in text:
                calls.add(d.name)
            if "no_locals(" in text:
                needs_locals.add(d.name)
            # (the plain loop's own lines aside: its handler takes the index alone)
            if "INDEX" in text and any("INDEX" in ln for ln in _lines(text)
                                       if not _live_only(ln)):
                with_index.add(d.name)
            if "PUSH_BLOCK(" in text:
                pushes_block.add(d.name)
            if "PUSH_BLOCK(" in text or "f_blockstack" in text:
                blocks.add(d.name)
            body = [ln.split("#")[0].strip() for ln in _lines(text)]
            if body and body[-1].startswith("raise "):
                raises.add(d.name)
        lines = [ln.split("#")[0].strip() for text in texts for ln in _lines(text)]
        if lines and _JUMP.fullmatch(lines[-1]):
            jumps.add(d.name)
        for ln in lines:
            if _UNBINDS.fullmatch(ln):
                deletes.add(d.name)
            elif _BINDS.match(ln):
                stores.add(d.name)
    return tuple(frozenset(x) for x in (jumps, stores, deletes, calls, needs_locals, with_index,
                                        blocks, pushes_block, raises))


# opcodes that always jump (a body ending in an unconditional JUMP), that
# bind a fast local (``fast[oparg] = value``), that unbind one (``= NULL``);
# whose body ends in ``res = CALL(...)`` (a guest callee's Frame goes to the
# loop: no inline template, tier 2 runs the handler and the frame), that need
# the locals mapping (no_locals without one: a module or class body, never in
# tier 2), and whose argument is decoded as (value, own index) (their body
# names INDEX); that touch the frame's block stack (never fused: a group
# keeps none), that push a block (PUSH_BLOCK: tier 2's handler entries), and
# whose body ends in ``raise`` (RAISES: the instruction never falls through;
# with per-value bodies, any of them)
_FACT_NAMES = ("ALWAYS_JUMPS", "BINDS_LOCAL", "UNBINDS_LOCAL", "CALLS", "NEEDS_LOCALS",
               "WITH_INDEX", "BLOCKS", "PUSHES_BLOCK", "RAISES")


def _forms():
    """name -> how the opcode switches frames (the form its body uses):
    "return", "call", "call_method" (two CALL_PY lines: LOAD_METHOD's
    pair), "call_kw" (keyword names), "next" (RESUME, then a JUMP when
    exhausted), "delegate"."""
    out = {}
    for d in _switching(("CALL_PY(", "RETURN(", "DELEGATE(", "RESUME(")):
        # (the forms' lines only: a regular expression per line is start-up time)
        # (words, not the patterns: those are compiled for generating only)
        lines = [ln.split("#")[0].strip() for _, body in d.bodies() for ln in body
                 if "CALL_PY(" in ln or "RETURN(" in ln or "DELEGATE(" in ln or "RESUME(" in ln]
        calls = [ln for ln in lines if " = CALL_PY(" in ln]
        if lines and lines[-1].startswith("RETURN("):
            out[d.name] = "return"
        elif calls:
            nargs = calls[0].partition(" = CALL_PY(")[2].count(",") + 1
            out[d.name] = ("call_kw" if nargs == 4 else "call_method" if len(calls) > 1
                           else "call")
        elif any(" = DELEGATE(" in ln for ln in lines):
            out[d.name] = "delegate"
        elif any("RESUME(" in ln for ln in lines):
            out[d.name] = "next"
    return out


# the opcodes that switch frames, by form (FORMS): their templates are their
# group's (superinstr.Group and tier 2 implement each form once, keyed by
# it); the others with a plain-loop handler of their own (HAS_LIVE: ``# if
# live`` / ``# unless live`` lines, ``NAME__live``); the definitions whose
# items' counts depend on the argument (COUNTED: a template plan per value)

def derived_facts():
    """{name: value} of every fact above, derived from DEFS now."""
    facts = dict(zip(_FACT_NAMES, _facts()))
    facts["FORMS"] = _forms()
    facts["HAS_LIVE"] = frozenset(d.name for d in _switching((_IF_LIVE, _UNLESS_LIVE))
                                  if any(ln.rstrip().endswith((_IF_LIVE, _UNLESS_LIVE))
                                         for _, body in d.bodies() for ln in body))
    facts["COUNTED"] = frozenset(n for n, d in DEFS.items()
                                 if any(x.count or x.cond for x in d.inputs + d.outputs))
    return facts


# Deriving them took 7 M host instructions of every start (a third of this
# module's import): they are generated with the handlers, into
# generated_facts.py (checked in, and checked current by
# tests/vm/test_bytecodes.py, as generated_handlers.py is).
FACTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generated_facts.py")


def facts_source():
    """The text of generated_facts.py."""
    out = ['"""The facts interpreter/bytecodes.py derives from its definitions.',
           "",
           "GENERATED from interpreter/bytecodes.py's definitions: do not edit;",
           "regenerate with ``python -m evalframe.interpreter.bytecodes``.  Read at",
           "start-up instead of deriving them again (bytecodes.derived_facts).",
           '"""', ""]
    for name, value in derived_facts().items():
        if isinstance(value, dict):
            items = "".join("\n    %r: %r," % kv for kv in sorted(value.items()))
            out.append("%s = {%s\n}" % (name, items))
        else:
            items = "".join("\n    %r," % n for n in sorted(value))
            out.append("%s = frozenset((%s\n))" % (name, items))
    return "\n".join(out) + "\n"


from .generated_facts import (  # noqa: E402
    ALWAYS_JUMPS, BINDS_LOCAL, UNBINDS_LOCAL, CALLS, NEEDS_LOCALS, WITH_INDEX, BLOCKS,
    PUSHES_BLOCK, RAISES, FORMS, HAS_LIVE, COUNTED as _COUNTED)


# -- derived: block-stack effects (tier 2's static unwinding) ---------------------------

_BLOCK_EFFECTS = None


def block_effects():
    """opname -> what its declaration does to the block stack on the path
    that goes on (tier2.static_blocks): ``("push", d)``, PUSH_BLOCK, a
    SETUP_FINALLY block whose level is the stack depth before the
    instruction plus ``d`` (its inputs popped, PUSH_BLOCK's ``below``
    pushed); ``("pop", 0)``, the body pops the top block (POP_BLOCK,
    POP_EXCEPT, an async for's end).  Opcodes that leave it alone are not
    listed."""
    global _BLOCK_EFFECTS
    if _BLOCK_EFFECTS is not None:
        return _BLOCK_EFFECTS
    _templates_ready()
    out = {}
    for name, d in DEFS.items():
        for _, lines in d.bodies():
            for ln in lines:
                m = _PUSH_BLOCK.search(ln)
                if m:
                    consumed = sum(x.size(0) for x in d.inputs if x.present(0))
                    out[name] = ("push", len(_jump_args(m)) - 1 - consumed)
                elif "f.f_blockstack.pop()" in ln:
                    out[name] = ("pop", 0)
    _BLOCK_EFFECTS = out
    return out


# -- derived: the plain handlers ---------------------------------------------------------

def _assigns(lines, name):
    return any(m.group(1) == name for ln in lines for m in _ASSIGN.finditer(ln.split("#")[0]))


def _jump_args(m):
    return [a.strip() for a in m.group(1).split(",")]


def _count_uses(lines, word):
    return sum(_NAME.findall(ln.split("#")[0]).count(word) for ln in lines)


def handler_source(d):
    """The source of ``def NAME(f, stack, oparg)`` for definition ``d``; a
    definition with per-value bodies gets one handler per value (``NAME__v``,
    chosen by decode.py) and ``NAME`` dispatching to them, or running the
    body for any other value (the key None) itself."""
    _compile_switches()
    _templates_ready()
    bodies = d.bodies()
    if len(bodies) == 1:
        out = _handler_source(d, d.name, None, bodies[0][1])
        if d.name in HAS_LIVE:
            # (the plain loop's own: its "if live" lines, not its "unless live" ones)
            out += "\n\n" + _handler_source(d, d.name + "__live", None, bodies[0][1], True)
        return out
    out = [_handler_source(d, "%s__%d" % (d.name, v), v, lines) for v, lines in bodies
           if v is not None]
    if None in d.body:
        out.append(_handler_source(d, d.name, None, _lines(d.body[None])))
        return "\n\n".join(out)
    out.append("def %s(f, stack, oparg):\n"
               "    %r\n"
               "    fn = %s_VARIANTS.get(oparg[0] if oparg.__class__ is tuple else oparg)\n"
               "    if fn is None: raise SystemError('bad %s oparg %%r' %% (oparg,))\n"
               "    return fn(f, stack, oparg)\n"
               % (d.name, d.effect_text, d.name, d.name))
    return "\n\n".join(out)


def _dict_text(m, sizes):
    """DICT(keys, values) in a handler: the dict of the pairs, a display of
    the runs' items when their lengths are known (a handler for one value)."""
    k, ks, v, vs = m.groups()
    if k in sizes and v in sizes:
        keys = ["%s[%d]" % (k, i) for i in range(sizes[k])][int(ks or 0)::2 if ks else 1]
        values = ["%s[%d]" % (v, i) for i in range(sizes[v])][int(vs or 0)::2 if vs else 1]
        return "{%s}" % ", ".join("%s: %s" % kv for kv in zip(keys, values))
    return "dict(zip(%s%s, %s%s))" % (k, "[%s::2]" % ks if ks else "", v,
                                      "[%s::2]" % vs if vs else "")


def _call_py_steps(argtext):
    """CALL_PY(func, args, n[, kwnames]) in a handler: the statements, each
    leaving the handler (a Frame for the loop, or call_push's None)."""
    a = [x.strip() for x in argtext.split(",")]
    if len(a) == 4:
        func, args, n, kwnames = a
        return ["npos_ = %s - len(%s)" % (n, kwnames),
                "kwargs_ = dict(zip(%s, %s[npos_:]))" % (kwnames, args),
                "del %s[npos_:]" % args,
                "return call_push(stack, %s, %s, kwargs_)" % (func, args)]
    func, args, n = a
    return ["if type(%s) is Function and %s._fast_argcount == %s: return fast_frame(%s, %s)"
            % (func, func, n, func, args),
            "return call_push(stack, %s, %s, None)" % (func, args)]


def _delegate_steps(m):
    """res = DELEGATE(receiver, value) in a handler (3.10's YIELD_FROM): the
    receiver stays below what it yields (YIELD_AGAIN), its return value is res."""
    res, receiver, value = m.groups()
    return ["try: yielded_ = %s.send(%s) if isinstance(%s, SEND_TYPES) or %s is not None "
            "else type(%s).__next__(%s)" % (receiver, value, receiver, value, receiver, receiver),
            "except StopIteration as e_: %s = e_.value" % res,
            "else: stack.append(yielded_); return YIELD_AGAIN"]


def _handler_source(d, fname, value, lines, live=False):
    # (a handler runs for any frame: what holds for exact dicts only is dropped)
    lines = [ln for ln in lines if not ln.rstrip().endswith(
        (_IF_EXACT, _IF_EXACT_BUILTIN, _IF_EXACT_GLOBAL, _UNLESS_LIVE if live else _IF_LIVE))]
    if live and _count_uses(lines, "INDEX") and not _count_uses(lines, "oparg"):
        # (the plain loop's handler gets its index as the argument)
        lines = [_NAME.sub(lambda m: "oparg" if m.group(0) == "INDEX" else m.group(0), ln)
                 for ln in lines]
    ins = [x for x in d.inputs if value is None or x.present(value)]
    outs = [x for x in d.outputs if value is None or x.present(value)]
    for x in ins + outs:
        if x.cond is not None and value is None:
            raise SyntaxError("%s: a conditional item needs per-value bodies" % d.name)
    out = ['def %s(f, stack, oparg):' % fname, '    %r' % d.effect_text]
    names_in = [x.name for x in ins]
    names_out = [x.name for x in outs]
    n = len(ins)
    last = lines[-1].split("#")[0].strip() if lines else ""
    ym = _YIELD.match(last) or _RETURN.match(last)
    if ym:
        # YIELD(expr) / RETURN(expr): ``expr`` on top for the loop (ops.YIELD,
        # ops.RETURN), in place of the one input; the resumption of a yield
        # pushes the outputs
        signal = "YIELD" if _YIELD.match(last) else "RETURN"
        if n != 1 or ins[0].count is not None:
            raise SyntaxError("%s: %s takes one input" % (d.name, signal))
        expr = ym.group(1).strip()
        if expr != names_in[0]:
            out.append("    %s = stack[-1]" % names_in[0])
        out.extend("    " + ln for ln in lines[:-1])
        if expr != names_in[0]:
            out.append("    stack[-1] = %s" % expr)
        out.append("    return %s" % signal)
        return "\n".join(out) + "\n"
    if not lines:
        # a pure shuffle of the stack
        if (n == 2 and ins[0].count and ins[1].count is None
                and [(x.name, x.count) for x in outs] == [(ins[1].name, None),
                                                          (ins[0].name, ins[0].count)]):
            # (run, top -- top, run): the top moved below the run (ROT_N)
            out.append("    n_ = %s" % ins[0].count)
            out.append("    if n_ > 0: stack.insert(-n_, stack.pop())")
        elif n and names_in == names_out[:n] and len(outs) > n:
            if len(outs) == n + 1:
                out.append("    stack.append(stack[-%d])" % (n - names_in.index(names_out[n])))
            else:
                out.append("    stack += stack[-%d:]" % n)
        elif n and sorted(names_in) == sorted(names_out):
            out.append("    stack[-%d:] = %s" % (n, ", ".join(
                "stack[-%d]" % (n - names_in.index(x)) for x in names_out)))
        elif n and not outs:
            out.append("    del stack[-%d:]" % n if n > 1 else "    stack.pop()")
        elif n or outs:
            raise SyntaxError("%s: a body is needed" % d.name)
        return "\n".join(out) + "\n"
    jumps = any(_JUMP.search(ln) for ln in lines)
    call = _CALL.match(lines[-1])
    # (a CALL_PY leaves the handler: nothing is pushed after it)
    call_py = bool(_CALL_PY.match(lines[-1].split("#")[0].strip()))
    # inputs that are also the first outputs, unchanged, stay where they are
    # (a run of a fixed size too: WITH_EXCEPT_START's exit_func, unused[3], ...)
    keep = 0
    while (keep < min(n, len(outs)) and names_in[keep] == names_out[keep]
           and (ins[keep].count is None or (ins[keep].count.isdigit()
                                            and outs[keep].count == ins[keep].count))
           and not _assigns(lines, names_in[keep])):
        keep += 1
    kept_size = sum(x.size(0) for x in ins[:keep])
    popped = ins[keep:]
    # a body that changes the block stack reads its inputs in place and drops
    # them after (or, PUSH_BLOCK, just before the block is pushed): the block
    # stack changes before the value stack does, so that an exception between
    # two host statements (a KeyboardInterrupt) unwinds a consistent frame, as
    # the hand-written handlers ordered it
    ordered = any("f_blockstack" in ln or _PUSH_BLOCK.search(ln) for ln in lines)
    if ordered and any(x.count is not None for x in popped):
        raise SyntaxError("%s: a run popped by a block-stack body" % d.name)
    popped_size = len(popped) if ordered else 0
    drop = ("del stack[-%d:]" % popped_size if popped_size > 1 else
            "stack.pop()" if popped_size else None)
    dropped = []
    # one output replacing the bottom input: written in place
    in_place = (keep == 0 and len(outs) == 1 and outs[0].count is None and popped
                and popped[0].count is None and not jumps and not call and not call_py
                and not ordered)
    if _count_uses(lines, "INDEX"):
        out.append("    oparg, INDEX = oparg")      # (decoded as (value, own index))
    # (``builtins`` only on cold lines: read there, never hoisted into the hot path)
    for name, attr, hoist in (("fast", "f.f_localsplus", True), ("globals", "f.f_globals", True),
                              ("locals", "f._f_locals", True), ("builtins", "f.f_builtins", False),
                              ("tstate", "get_tstate()", True)):
        uses = _count_uses(lines, name)
        if uses > 1 and hoist:
            out.append("    %s = %s" % (name, attr))
        elif uses:
            lines = [_NAME.sub(lambda m, a=attr, w=name: a if m.group(0) == w else m.group(0), ln)
                     for ln in lines]
    # Single items popped, two or more of them read by the body: read
    # bottom first, so that the handler's host locals are in stack order and
    # die in it as it returns or its frame goes (CPython drops an
    # instruction's inputs bottom first, ``left`` before ``right``, on the
    # error path too); the top one popped, the others read in place and
    # popped after.  (Items the body does not read: popped unbound.)
    singles = (not ordered and all(x.count is None for x in popped)
               and sum(1 for x in popped if _count_uses(lines, x.name)) > 1)
    if singles:
        m = len(popped)
        for k in range(m - 1):
            if _count_uses(lines, popped[k].name):
                out.append("    %s = stack[-%d]" % (popped[k].name, m - k))
        top = popped[-1].name
        out.append("    %s = stack.pop()" % top if _count_uses(lines, top) else "    stack.pop()")
        out.extend(["    stack.pop()"] * (m - 2 if in_place else m - 1))
    # (ordered: read in place, bottom first for the same reason)
    order = (() if singles else range(len(popped)) if ordered else
             range(len(popped) - 1, 0 if in_place else -1, -1))
    for k in order:
        x = popped[k]
        if ordered:
            if _count_uses(lines, x.name):
                out.append("    %s = stack[-%d]" % (x.name, len(popped) - k))
        elif x.count is None and not _count_uses(lines, x.name):
            out.append("    stack.pop()")           # (a value the body does not read)
        elif x.count is not None and value is not None and not x.size(value):
            if _count_uses(lines, x.name):
                out.append("    %s = ()" % x.name)      # (none for this value)
        elif x.count is None:
            out.append("    %s = stack.pop()" % x.name)
        elif value is not None:
            # (a handler for one value: the run's length is known)
            out.append("    %s = stack[-%d:]" % (x.name, x.size(value)))
            out.append("    del stack[-%d:]" % x.size(value))
        else:
            c = x.count if _WORD.fullmatch(x.count) else "n_"
            if c == "n_":
                out.append("    n_ = %s" % x.count)
            below_ = popped[k - 1] if k == 1 and not in_place and not ordered else None
            if below_ is not None and below_.count is None and _count_uses(lines, below_.name):
                # (a callable under its arguments, both popped: one slice and
                # one del, as CPython's call takes both; the run may be empty
                # unless its count is ``... + 1``)
                steps = ["%s = stack[-%s - 1]" % (below_.name, c),
                         "%s = stack[-%s:]" % (x.name, c),
                         "del stack[-%s - 1:]" % c]
                if x.count.replace(" ", "").endswith("+1"):
                    out.extend("    " + st for st in steps)
                else:
                    out.append("    if %s:" % c)
                    out.extend("        " + st for st in steps)
                    out.append("    else:")
                    out.append("        %s = []" % x.name)
                    out.append("        %s = stack.pop()" % below_.name)
                break
            out.append("    %s = stack[len(stack) - %s:]" % (x.name, c))
            out.append("    del stack[len(stack) - %s:]" % c)
    if in_place and not singles:
        out.append("    %s = stack[-1]" % popped[0].name)
    below = kept_size
    for k in range(keep):
        # (the kept items the body reads, where they are: a run is not read)
        below -= ins[k].size(0)
        if ins[k].count is None and _count_uses(lines, names_in[k]):
            out.append("    %s = stack[-%d]" % (names_in[k], below + 1 + popped_size))

    def jump(m):
        args = _jump_args(m)
        steps = []
        if keep:
            steps.append("del stack[-%d:]" % kept_size if kept_size > 1 else "stack.pop()")
        if len(args) == 2:
            steps.append("stack.append(%s)" % args[1])
        elif len(args) > 2:
            steps.append("stack += (%s,)" % ", ".join(args[1:]))
        steps.append("return %s" % args[0])
        return "; ".join(steps)

    # the lengths of the runs known for this value (DICT: a dict display)
    sizes = {x.name: x.size(value) for x in ins if x.count is not None and value is not None}
    if call:
        # ``res = CALL(func, args, kwargs)``: call_push pushes a host callee's
        # result, a guest callee's Frame goes to the loop; the outputs below
        # the result are pushed first
        early = [x.name for x in outs[keep:-1]]
        lines = lines[:-1] + ([("stack.append(%s)" if len(early) == 1 else "stack += (%s,)")
                               % ", ".join(early)] if early else []) + [
            "return call_push(stack, %s)" % _CALL.match(lines[-1]).group(2)]

    def push_block(m):
        # PUSH_BLOCK(target, below...): the inputs dropped and the outputs
        # ``below`` pushed first (the block's level counts them, not the
        # inputs kept on the stack)
        args = _jump_args(m)
        steps = []
        if drop and not dropped:
            steps.append(drop)
            dropped.append(True)
        steps.extend("stack.append(%s)" % b for b in args[1:])
        steps.append("f.f_blockstack.append((FINALLY_BLOCK, %s, len(stack)%s))" % (
            args[0], " - %d" % kept_size if kept_size else ""))
        return "; ".join(steps)
    # RESUME(gen): what this handler popped goes back first (the stack as
    # before the instruction), the generator to the loop
    repush = [] if ordered else [x.name for x in (popped[1:] if in_place else popped)]

    def resume(m):
        return "; ".join(["stack.append(%s)" % x for x in repush]
                         + ["return %s" % m.group(1)])
    for ln in lines:
        text = ln.split("#")[0].strip()
        m = _CALL_PY.match(text) or _DELEGATE.match(text)
        if m:
            steps = (_delegate_steps(m) if m.re is _DELEGATE else _call_py_steps(m.group(3)))
            prefix = "" if m.re is _DELEGATE else m.group(1).strip()
            if prefix:
                out.append("    " + prefix)
            out.extend(("        " if prefix else "    ") + x for x in steps)
            continue
        ln = _RESUME.sub(resume, ln)
        ln = _JUMP.sub(jump, ln)
        ln = _PUSH_BLOCK.sub(push_block, ln)
        ln = _DICT.sub(lambda m: _dict_text(m, sizes), ln)
        ln = _PEEK.sub(lambda m: "stack[-%s]" % (
            m.group(1) if _WORD.fullmatch(m.group(1).strip()) else "(%s)" % m.group(1)), ln)
        out.append("    " + ln)
    if drop and not dropped and not lines[-1].split("#")[0].strip().startswith("raise "):
        out.append("    " + drop)
    # (the outputs a PUSH_BLOCK pushed below the block)
    pushed_early = {a for ln in lines if _PUSH_BLOCK.search(ln)
                    for a in _jump_args(_PUSH_BLOCK.search(ln))[1:]}
    if in_place:
        out.append("    stack[-1] = %s" % names_out[0])
    elif call or call_py:
        pass
    else:
        rest = [x for x in outs[keep:] if x.name not in pushed_early]
        if rest and all(x.count is None for x in rest):
            if len(rest) == 1:
                out.append("    stack.append(%s)" % rest[0].name)
            else:
                out.append("    stack += (%s,)" % ", ".join(x.name for x in rest))
        else:
            for x in rest:
                out.append("    stack.%s(%s)" % ("append" if x.count is None else "extend",
                                                 x.name))
    return "\n".join(out) + "\n"


# the derived handlers' module: inside the package, so that
# runtime.tracebacks drops their frames like the VM's own
GENERATED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "generated_handlers.py")


def generated_source():
    """The text of generated_handlers.py: every derived handler, the per-value
    tables, the handler table.  Checked in (as CPython checks in
    generated_cases.c.h), so that start-up compiles nothing: byte-compiled
    like any module.  tests/vm/test_bytecodes.py checks that regenerating
    changes nothing; ``python -m evalframe.interpreter.bytecodes`` rewrites it."""
    out = ['"""The plain handlers of the opcodes declared in bytecodes.py.',
           "",
           "GENERATED from interpreter/bytecodes.py's definitions: do not edit;",
           "regenerate with ``python -m evalframe.interpreter.bytecodes``.  Mirrors",
           "CPython 3.12's Python/generated_cases.c.h.",
           '"""', ""]
    for module, name in HELPERS:
        out.append("from %s import %s" % (module, name))
    out.append("")
    for d in DEFS.values():
        if isinstance(d.body, dict):
            out.append("%s_VARIANTS = {}" % d.name)
    out.append("")
    for d in DEFS.values():
        out.append("")
        out.append(handler_source(d).rstrip("\n"))
        out.append("")
    out.append("")
    for d in DEFS.values():
        if isinstance(d.body, dict):
            out.append("%s_VARIANTS.update({%s})" % (d.name, ", ".join(
                "%d: %s__%d" % (v, d.name, v) for v in d.body if v is not None)))
    out.append("")
    out.append("HANDLERS = {%s}" % ", ".join("%r: %s" % (n, n) for n in DEFS))
    out.append("LIVE = {%s}" % ", ".join("%r: %s__live" % (n, n) for n in DEFS if n in HAS_LIVE))
    out.append("VARIANTS = {%s}" % ", ".join(
        "%r: %s_VARIANTS" % (n, n) for n, d in DEFS.items() if isinstance(d.body, dict)))
    return "\n".join(out) + "\n"


def arg_decoders():
    """name -> the decoder of its argument (a declaration's ``arg=``: a
    HELPERS name, called as decode.py calls ops.ARG_DECODERS)."""
    from . import generated_handlers as gen
    return {n: getattr(gen, d.arg) for n, d in DEFS.items() if d.arg is not None}


def live_handlers():
    """name -> (the plain loop's handler, whether its argument is the
    instruction's index rather than the plain value): the opcodes with
    "if live" / "unless live" lines (superinstr.plain_list puts them in
    ``Decoded.instrs``)."""
    from . import generated_handlers as gen
    out = {}
    for name, fn in gen.LIVE.items():
        lines = [ln for _, body in DEFS[name].bodies() for ln in body
                 if not ln.rstrip().endswith(_UNLESS_LIVE)]
        out[name] = (fn, bool(_count_uses(lines, "INDEX")) and not _count_uses(lines, "oparg"))
    return out


def operands(name, oparg, stack):
    """The inputs of ``name`` with argument ``oparg`` as the declaration
    names them, read from ``stack`` (the value stack before the instruction,
    top last): name -> value, a run as a list.  What tools that show an
    instruction's operands read (tools/explain.py), instead of restating
    where each one lies."""
    out = {}
    pos = len(stack)
    for x in reversed(DEFS[name].inputs):
        if not x.present(oparg):
            continue
        if x.count is None:
            pos -= 1
            out[x.name] = stack[pos]
        else:
            n = x.size(oparg)
            pos -= n
            out[x.name] = list(stack[pos:pos + n])
    if pos < 0:
        raise IndexError("%s %d: %d values on the stack" % (name, oparg, len(stack)))
    return out


def make_handlers():
    """name -> handler function, from generated_handlers.py; fills VARIANTS
    (the per-value handlers decode.py picks from)."""
    from . import generated_handlers as gen
    VARIANTS.update(gen.VARIANTS)
    return dict(gen.HANDLERS)


# -- derived: the templates of fused groups and tier 2 ---------------------------------------

def _identifier(name):
    # ASCII only: the host parser NFKC-normalises other identifiers
    return (isinstance(name, str) and name.isascii() and name.isidentifier()
            and not keyword.iskeyword(name))


_FAST_KEY = ("@fast",)
_ATTR_KEY = ("@attr",)


class _Plan:
    """A definition's body for one argument value, parsed once for the
    templates: each line a list of text pieces and keys (names, ``*run``,
    the attribute name, ``fast[oparg]``, PEEK(n), an unpacking target)."""
    __slots__ = ("ins", "outs", "lines", "rebound", "uses_globals", "uses_oparg",
                 "constant", "var_in", "uses_frame", "uses_builtins", "local_read",
                 "uses_locals", "conds", "uses_tstate", "raises")

    def __init__(self, d, value, ident):
        bodies = d.bodies()
        lines = (dict(bodies).get(value, dict(bodies).get(None)) if len(bodies) > 1
                 else bodies[0][1])
        self.ins = [x for x in d.inputs if x.cond is None or x.present(value)]
        self.outs = [x for x in d.outputs if x.cond is None or x.present(value)]
        self.var_in = any(x.count is not None for x in self.ins)
        out_names = [y.name for y in self.outs]
        self.rebound = [x.name for x in self.ins if x.count is None
                        and _assigns(lines, x.name) and x.name not in out_names]
        self.uses_globals = bool(_count_uses(lines, "globals"))
        self.uses_oparg = bool(_count_uses(lines, "oparg"))
        self.uses_frame = bool(_count_uses(lines, "f"))
        self.uses_builtins = bool(_count_uses(lines, "builtins"))
        self.uses_locals = bool(_count_uses(lines, "locals"))
        self.uses_tstate = bool(_count_uses(lines, "tstate"))
        # (a last line ``raise ...``: the instruction never falls through)
        self.raises = bool(lines) and lines[-1].split("#")[0].strip().startswith("raise ")
        self.conds = {}         # line number -> the condition of an "unless const" line
        # ``value = fast[oparg]`` first, the only output: a read of a local
        # that a group may push in place (Group.read_in_place)
        self.local_read = None
        if len(self.outs) == 1 and not self.ins and self.outs[0].count is None and lines:
            if lines[0].split("#")[0].strip() == "%s = fast[oparg]" % self.outs[0].name:
                self.local_read = self.outs[0].name
        self.constant = (len(lines) == 1 and len(self.outs) == 1
                         and lines[0] == "%s = oparg" % self.outs[0].name)
        var_outs = [x.name for x in self.outs if x.count is not None]
        self.lines = []
        for ln in lines:
            tail = ln.rstrip()
            unless = (_WHEN_BOUND if tail.endswith(_UNLESS_BOUND) else
                      _WHEN_EXACT if tail.endswith(_UNLESS_EXACT) else
                      _WHEN_INEXACT if tail.endswith(_IF_EXACT) else
                      _WHEN_NOT_EXACT_BUILTIN if tail.endswith(_IF_EXACT_BUILTIN) else
                      _WHEN_NOT_EXACT_GLOBAL if tail.endswith(_IF_EXACT_GLOBAL) else
                      _WHEN_CONST if tail.endswith(_UNLESS_CONST) else 0)
            text = ln.split("#")[0].rstrip()
            bm = _PUSH_BLOCK.fullmatch(text.strip())
            if bm:
                # (the outputs named are the first ones: they go below the block's level)
                args = _jump_args(bm)
                if args[1:] != out_names[:len(args) - 1]:
                    raise SyntaxError("%s: PUSH_BLOCK names its first outputs" % d.name)
                self.lines.append((0, "block", args, None))
                continue
            if unless == _WHEN_CONST:
                cond = _COND.match(text).group(1)
                self.conds[len(self.lines)] = (
                    cond, [x.name for x in self.ins if _count_uses([cond], x.name)])
            store = None
            if _UNBINDS.fullmatch(text):
                store = "unbind"
            elif _BINDS.match(text):
                store = "bind"
            extra = []          # keys of the \x03n\x03 / \x04n\x04 markers
            ym = _YIELD.match(text.strip())
            if ym:
                self.lines.append((0, "yield", _pieces(ym.group(1), extra), None))
                continue
            if ident:
                text = _SETATTR.sub(lambda m: "%s.\x02 = %s" % m.groups(), text)
                text = _DELATTR.sub(lambda m: "del %s.\x02" % m.group(1), text)
                text = _GETATTR.sub(lambda m: "%s.\x02" % m.group(1), text)
            text = text.replace("fast[oparg]", "\x04%d\x04" % len(extra))
            if "\x04" in text:
                extra.append(_FAST_KEY)

            def peek(m):
                extra.append(("@peek", m.group(1)))
                return "\x03%d\x03" % (len(extra) - 1)
            text = _PEEK.sub(peek, text)

            def dict_(m):
                extra.append(("@dict",) + m.groups())
                return "\x03%d\x03" % (len(extra) - 1)
            text = _DICT.sub(dict_, text)

            def unpack(m):
                if m.group(1) not in var_outs:
                    return m.group(0)
                extra.append(("@unpack", m.group(1), bool(m.group(3))))
                return "\x03%d\x03%s" % (len(extra) - 1, m.group(2))
            if var_outs:
                text = _UNPACK_TO.sub(unpack, text)
            jm = _JUMP.search(text)
            jump = None
            if jm:
                jump = _jump_args(jm)
                text = text[:jm.start()].rstrip()
            self.lines.append((unless, store, _pieces(text, extra), jump))


def _pieces(text, extra):
    out = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.start()])
        tok = m.group(0)
        if tok == "\x02":
            out.append(_ATTR_KEY)
        elif tok[0] in "\x03\x04":
            out.append(extra[int(tok[1:-1])])
        else:
            out.append(("n", tok))
        pos = m.end()
    if pos < len(text):
        out.append(text[pos:])
    return out


_PLANS = {}


def _plan(d, value, ident):
    key = (d.name, value, ident)
    p = _PLANS.get(key)
    if p is None:
        _templates_ready()
        p = _PLANS[key] = _Plan(d, value, ident)
    return p


def _const(g, expr):
    """The constant a virtual-stack expression names (a bound param), or NULL."""
    if expr[0] == "p" and expr[1:].isdigit():
        return g.params[int(expr[1:])]
    literals = getattr(g, "literals", None)     # (a lean group's: tier2._Lean.param)
    if literals and expr in literals:
        return literals[expr]
    return _NO_CONST


_NO_CONST = object()


def _passes(g, cond, mapping, darg):
    """Whether an "unless const" line's condition is known false here: its
    inputs are constants (bound params) and it evaluates false on them."""
    text, names = cond
    values = {"oparg": darg}
    for name in names:
        values[name] = _const(g, mapping[name])
        if values[name] is _NO_CONST:
            return False
    try:
        return not eval(text, {"__builtins__": __builtins__}, values)
    except Exception:
        return False


def _dict_display(g, spec, mapping, runs):
    """DICT(keys, values) in a template: a dict display when both sides are
    known here (runs on the virtual stack, a constant tuple), else dict(zip())."""
    sides = []
    for name, start in (spec[:2], spec[2:]):
        items = runs.get(name)
        if items is None:
            c = _const(g, mapping[name])
            items = [g.param(k) for k in c] if c.__class__ is tuple else None
        if items is not None and start is not None:
            items = items[int(start)::2]
        sides.append(items)
    keys, values = sides
    if keys is not None and values is not None and len(keys) == len(values):
        return "{%s}" % ", ".join("%s: %s" % kv for kv in zip(keys, values))
    return "dict(zip(%s))" % ", ".join(
        mapping[name] + ("[%s::2]" % start if start is not None else "")
        for name, start in (spec[:2], spec[2:]))


def translate(g, name, darg):
    """Add definition ``name`` to superinstr group ``g`` (virtual stack).

    Returns True (the group goes on), False when it has no inline form here
    (the caller runs the handler instead: operands of a run below the
    virtual stack, an argument value with no body), or "end" after an
    unconditional JUMP (the group ends)."""
    d = DEFS[name]
    if name in CALLS:
        raise AssertionError("%s calls: no inline form" % name)
    is_int = darg.__class__ is int
    if isinstance(d.body, dict):
        if not is_int or (darg not in d.body and None not in d.body):
            return False
        value = darg
    else:
        value = darg if is_int and (d.name in _COUNTED) else None
    p = _plan(d, value, _identifier(darg))
    ins, outs = p.ins, p.outs
    if p.var_in:
        sizes = [1 if x.count is None else x.size(darg) for x in ins]
        if sum(sizes) > len(g.vs):
            return False
    else:
        sizes = [1] * len(ins)
    # the inputs, top first; ``args`` lists them bottom first, the order
    # CPython drops an instruction's inputs in (``left`` before ``right``):
    # the releases follow it
    mapping = {}
    runs = {}
    args = []
    for x, size in zip(reversed(ins), reversed(sizes)):
        if x.count is None:
            e = g.pop()
            args[:0] = [e]
            mapping[x.name] = e
        else:
            items = g.vs[len(g.vs) - size:]
            del g.vs[len(g.vs) - size:]
            runs[x.name] = items
            args[:0] = items
            mapping["*" + x.name] = ", ".join(items) if items else "*()"
            mapping[x.name] = "(%s)" % "".join(e + ", " for e in items)
    if not p.lines:
        # a pure shuffle: no code, the virtual stack is rearranged
        kept = []
        for x in outs:
            kept.extend(runs[x.name] if x.count is not None else [mapping[x.name]])
        for e in kept:
            g.push(e)
        g.release(*[a for a in args if a not in kept])
        return True
    if is_int:
        mapping["oparg"] = repr(darg)
    elif p.uses_oparg:
        mapping["oparg"] = g.param(darg)
    if p.constant:
        g.push(g.param(darg))           # (a constant: pushed as its bound name)
        return True
    for x in p.rebound:
        # an input the body rebinds gets a temporary of its own (the virtual
        # stack's expression may be a bound constant)
        t = g.temp()
        g.emit("%s = %s" % (t, mapping[x]))
        mapping[x] = t
    skip = None
    if p.local_read is not None:
        e = g.read_in_place(darg)
        if e is not None:
            mapping[p.local_read] = e
            skip = p.lines[0]           # (its first line, ``value = fast[oparg]``)
    var_out = {}
    for x in outs:
        if x.count is not None:
            var_out[x.name] = [g.temp() for _ in range(x.size(darg))]
        elif x.name not in mapping:
            mapping[x.name] = g.temp()
    if p.uses_globals:
        g.uses_globals = True
        mapping["globals"] = "globals_"
    if p.uses_builtins:
        mapping["builtins"] = g.builtins()
    if p.uses_frame:
        mapping["f"] = g.frame()
    if p.uses_tstate:
        mapping["tstate"] = g.tstate()
    if p.uses_locals:
        # (the frame's locals mapping, read once per instruction)
        mapping["locals"] = g.temp()
        g.emit("%s = %s._f_locals" % (mapping["locals"], g.frame()))
    ended = False
    bound = g.bound
    exact = g.exact_dicts
    early = ()          # the outputs a PUSH_BLOCK pushed below the block's level
    variants = ((exact, None),)
    if exact is None:
        # Known only as the group's code runs (Group.exact_dicts None: a host
        # local ``exact``, true when the frame's globals and builtins are
        # exact dicts, and ``builtins_``, the builtins): an instruction with
        # exact-dict lines gets both forms, under ``if exact:`` and ``else:``,
        # when its lines are plain statements (no jump, store or block).
        exact = False
        if (any(line[0] in _EXACT_CONDS for line in p.lines) and not p.raises
                and all(line[1] is None and line[3] is None for line in p.lines)):
            variants = ((True, "if exact:"), (False, "else:"))
    for exact, head in variants:
        if head is not None:
            g.emit(head)
            g.indent0 += 1
            if p.uses_builtins:
                mapping["builtins"] = "builtins_" if exact else g.builtins()
        for li, line in enumerate(p.lines):
            unless, store, pieces, jump = line
            if store == "block":
                target = darg if pieces[0] == "oparg" else eval(pieces[0], {"oparg": darg})
                early = pieces[1:]
                for name_, e in zip(early, g.push_block(target, [mapping[x] for x in early])):
                    mapping[name_] = e
                continue
            if unless == _WHEN_CONST:
                if _passes(g, p.conds[li], mapping, darg):
                    continue
            elif unless and (darg in bound if unless == _WHEN_BOUND else
                           exact if unless == _WHEN_EXACT else
                           not exact if unless == _WHEN_INEXACT else
                           not exact or (darg in _BUILTIN_NAMES) != (unless == _WHEN_NOT_EXACT_BUILTIN)):
                continue
            if line is skip:
                continue
            text = []
            for piece in pieces:
                if piece.__class__ is str:
                    text.append(piece)
                elif piece[0] == "n":
                    text.append(mapping.get(piece[1], piece[1]))
                elif piece is _FAST_KEY:
                    text.append(g.fast(darg))
                elif piece is _ATTR_KEY:
                    text.append(darg)
                elif piece[0] == "@peek":
                    text.append(g.peek(eval(piece[1], {"oparg": darg})))
                elif piece[0] == "@dict":
                    text.append(_dict_display(g, piece[1:], mapping, runs))
                else:                       # ("@unpack", name, reversed)
                    temps = var_out[piece[1]]
                    targets = temps[::-1] if piece[2] else temps
                    text.append("%s, = " % ", ".join(targets) if targets else "() = ")
            text = "".join(text)
            if store == "yield":
                # (the group suspends its frame: False when it ends there)
                if not g.suspend(text, mapping[outs[0].name]):
                    ended = True
                continue
            if store is not None:
                g.spill_local(darg)         # (reads of it pushed in place are copied first)
                if store == "unbind":
                    bound.discard(darg)
                else:
                    bound.add(darg)
            if jump is None:
                if p.raises and li == len(p.lines) - 1:
                    g.before_raise()        # (what a handler here unwinds to: canonical)
                    g.emit(text)
                    ended = True
                    continue
                g.emit(text)
                continue
            target = darg if jump[0] == "oparg" else eval(jump[0], {"oparg": darg})
            kept = [mapping.get(a, a) for a in jump[1:]]
            # (tier 2 jumps within one host function: the inputs the jump consumed
            # are released on its path too, as at the end for the fall-through)
            gone = [a for a in args if a not in kept] if g.releases_at_jumps else ()
            if text.strip():
                # ``if cond: JUMP(...)``: leave the group (or go to the block) there
                g.emit(text)
                g.vs.extend(kept)
                if gone:
                    g.release(*gone, indent=1)
                g.exit(target, 1)
                del g.vs[len(g.vs) - len(kept):]
            else:
                g.vs.extend(kept)
                if gone:
                    g.release(*gone)
                g.exit(target)
                ended = True
        if head is not None:
            g.indent0 -= 1
    produced = [mapping.get(x.name) for x in outs if x.count is None]
    g.release(*[a for a in args if a not in produced])
    if ended:
        return "end"
    for x in outs:
        if x.name in early:
            continue                    # (on the virtual stack already)
        if x.count is None:
            g.push(mapping[x.name])
        else:
            for t in var_out[x.name]:
                g.push(t)
    return True


if __name__ == "__main__":
    with open(GENERATED, "w") as out:
        out.write(generated_source())
    print("wrote", GENERATED)
    with open(FACTS, "w") as out:
        out.write(facts_source())
    print("wrote", FACTS)
