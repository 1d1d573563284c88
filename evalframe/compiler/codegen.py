"""The code generator: AST -> basic blocks, one compilation unit per scope.

Mirrors the ``compiler_*`` visitors of CPython 3.10's Python/compile.c:
``compiler_mod``, ``compiler_enter_scope``/``compiler_exit_scope``,
``compiler_set_qualname``, ``compiler_body``, the statement and expression
visitors, ``compiler_nameop``, the frame-block stack (``compiler_push_fblock``,
``compiler_unwind_fblock``, ``compiler_unwind_fblock_stack``) behind
``return``/``break``/``continue``, ``compiler_jump_if``, ``starunpack_helper``,
``compiler_call_helper``, comprehensions, ``with``/``try`` and the compiler's
own SyntaxErrors and SyntaxWarnings.  Pattern matching lives in patterns.py.

Codegen only talks to the emitter (flowgraph.CompilerUnit); the assembler
turns each finished unit into a Code object.

Besides 3.10's line numbers, codegen tracks the source range CPython 3.11's
compiler gives each instruction (``u.loc``; 3.11's ``SET_LOC``/``UNSET_LOC``
on every statement and expression, ``update_start_location_to_match_attr``
for attribute loads and method calls, the decorator calls at their
decorators, ...): it becomes ``Code.co_positions()`` and so the carets of
host-printed tracebacks.  It never changes the 3.10 bytecode or line table.
"""

import _ast as ast  # (the node classes: ast.py's helpers are not needed, docs/vm.md start-up)
import sys
import warnings

from ..objects import setorder
from .. import opcodes as op
from . import flowgraph as fg
from .flowgraph import mangle
from .assembler import assemble, compute_code_flags, CO_FUTURE_ANNOTATIONS

from . import symtable as st

# compile.c's scope kinds
SCOPE_MODULE = 0
SCOPE_CLASS = 1
SCOPE_FUNCTION = 2
SCOPE_ASYNC_FUNCTION = 3
SCOPE_LAMBDA = 4
SCOPE_COMPREHENSION = 5

# frame block kinds (enum fblocktype)
WHILE_LOOP = "WHILE_LOOP"
FOR_LOOP = "FOR_LOOP"
TRY_EXCEPT = "TRY_EXCEPT"
FINALLY_TRY = "FINALLY_TRY"
FINALLY_END = "FINALLY_END"
WITH = "WITH"
ASYNC_WITH = "ASYNC_WITH"
HANDLER_CLEANUP = "HANDLER_CLEANUP"
POP_VALUE = "POP_VALUE"
EXCEPTION_HANDLER = "EXCEPTION_HANDLER"
ASYNC_COMPREHENSION_GENERATOR = "ASYNC_COMPREHENSION_GENERATOR"

CO_MAXBLOCKS = 20
STACK_USE_GUIDELINE = 30

COMP_GENEXP, COMP_LISTCOMP, COMP_SETCOMP, COMP_DICTCOMP = range(4)

PyCF_ALLOW_TOP_LEVEL_AWAIT = 0x2000

# The compiler's own SyntaxErrors are placed as the host's compile() places
# them (3.11 keeps 3.10's places; 3.12 moved a few to the offending node).
_HOST = sys.version_info[:2]

_BINOP = {
    ast.Add: op.BINARY_ADD, ast.Sub: op.BINARY_SUBTRACT,
    ast.Mult: op.BINARY_MULTIPLY, ast.MatMult: op.BINARY_MATRIX_MULTIPLY,
    ast.Div: op.BINARY_TRUE_DIVIDE, ast.Mod: op.BINARY_MODULO,
    ast.Pow: op.BINARY_POWER, ast.LShift: op.BINARY_LSHIFT,
    ast.RShift: op.BINARY_RSHIFT, ast.BitOr: op.BINARY_OR,
    ast.BitXor: op.BINARY_XOR, ast.BitAnd: op.BINARY_AND,
    ast.FloorDiv: op.BINARY_FLOOR_DIVIDE,
}
_INPLACE = {
    ast.Add: op.INPLACE_ADD, ast.Sub: op.INPLACE_SUBTRACT,
    ast.Mult: op.INPLACE_MULTIPLY, ast.MatMult: op.INPLACE_MATRIX_MULTIPLY,
    ast.Div: op.INPLACE_TRUE_DIVIDE, ast.Mod: op.INPLACE_MODULO,
    ast.Pow: op.INPLACE_POWER, ast.LShift: op.INPLACE_LSHIFT,
    ast.RShift: op.INPLACE_RSHIFT, ast.BitOr: op.INPLACE_OR,
    ast.BitXor: op.INPLACE_XOR, ast.BitAnd: op.INPLACE_AND,
    ast.FloorDiv: op.INPLACE_FLOOR_DIVIDE,
}
_UNARY = {
    ast.Invert: op.UNARY_INVERT, ast.Not: op.UNARY_NOT,
    ast.UAdd: op.UNARY_POSITIVE, ast.USub: op.UNARY_NEGATIVE,
}
_CMP = {
    ast.Eq: (op.COMPARE_OP, 2), ast.NotEq: (op.COMPARE_OP, 3),
    ast.Lt: (op.COMPARE_OP, 0), ast.LtE: (op.COMPARE_OP, 1),
    ast.Gt: (op.COMPARE_OP, 4), ast.GtE: (op.COMPARE_OP, 5),
    ast.Is: (op.IS_OP, 0), ast.IsNot: (op.IS_OP, 1),
    ast.In: (op.CONTAINS_OP, 0), ast.NotIn: (op.CONTAINS_OP, 1),
}
_CONV = {-1: op.FVC_NONE, 115: op.FVC_STR, 114: op.FVC_REPR, 97: op.FVC_ASCII}

_Load, _Store, _Del = ast.Load, ast.Store, ast.Del

# Python types of the nodes check_caller / check_subscripter complain about
_NOT_CALLABLE = {
    ast.Tuple: "tuple", ast.List: "list", ast.ListComp: "list", ast.Dict: "dict",
    ast.DictComp: "dict", ast.Set: "set", ast.SetComp: "set",
    ast.GeneratorExp: "generator", ast.JoinedStr: "str", ast.FormattedValue: "str",
}


class FBlock:
    __slots__ = ("type", "block", "exit", "datum", "loc")

    def __init__(self, type, block, exit, datum, loc=None):
        self.type = type
        self.block = block
        self.exit = exit
        self.datum = datum
        self.loc = loc          # 3.13's fb_loc, where a with's exit is placed


def get_docstring(body):
    """_PyAST_GetDocString: the body's leading string constant, if any."""
    if not body:
        return None
    s = body[0]
    if type(s) is not ast.Expr:
        return None
    e = s.value
    if type(e) is not ast.Constant or type(e.value) is not str:
        return None
    return e.value


def find_ann(stmts):
    """Does this body hold a variable annotation (anywhere but nested scopes)?"""
    for s in stmts:
        t = type(s)
        if t is ast.AnnAssign:
            return True
        if t is ast.For or t is ast.AsyncFor or t is ast.While or t is ast.If:
            if find_ann(s.body) or find_ann(s.orelse):
                return True
        elif t is ast.With or t is ast.AsyncWith:
            if find_ann(s.body):
                return True
        elif t is ast.Try or t.__name__ == "TryStar":
            for h in s.handlers:
                if find_ann(h.body):
                    return True
            if find_ann(s.body) or find_ann(s.finalbody) or find_ann(s.orelse):
                return True
        elif t is getattr(ast, "Match", None):
            for case in s.cases:
                if find_ann(case.body):
                    return True
    return False


def _infer_type_name(e):
    t = type(e)
    if t is ast.Constant:
        v = e.value
        return "ellipsis" if v is Ellipsis else type(v).__name__
    if t is ast.Lambda:
        return "function"
    return _NOT_CALLABLE.get(t)


def node_loc(node):
    """3.11's SET_LOC: (lineno, end_lineno, col_offset, end_col_offset) of a node."""
    lineno = node.lineno
    end_lineno = getattr(node, "end_lineno", None)
    col = getattr(node, "col_offset", None)
    end_col = getattr(node, "end_col_offset", None)
    return (lineno, lineno if end_lineno is None else end_lineno,
            -1 if col is None else col, -1 if end_col is None else end_col)


def attr_loc(loc, attr):
    """update_start_location_to_match_attr (3.11.x): an attribute access that
    spans lines starts at the attribute's name."""
    if loc is None:
        loc = (-1, -1, -1, -1)
    lineno, end_lineno, col, end_col = loc
    attr_end = attr.end_lineno
    if attr_end is None or lineno == attr_end:
        return loc
    lineno = attr_end
    n = len(attr.attr)
    if attr.end_col_offset is not None and n <= attr.end_col_offset:
        col = attr.end_col_offset - n
    else:
        # GH-94694: weird hand-made ASTs get no columns
        col = end_col = -1
    end_lineno = max(lineno, end_lineno)
    if lineno == end_lineno:
        end_col = max(col, end_col)
    return (lineno, end_lineno, col, end_col)


class Compiler:
    """``struct compiler``: the state of one compilation."""

    def __init__(self, filename, symtable, future_features, ff_lineno, cf_flags,
                 optimize):
        self.filename = filename
        self.st = symtable
        self.future_features = future_features
        self.ff_lineno = ff_lineno
        self.cf_flags = cf_flags | future_features
        self.optimize = optimize
        self.interactive = False
        self.nestlevel = 0
        self.const_cache = fg.ConstCache()
        self.u = None
        self.stack = []
        self._stmt = {}
        self._expr = {}
        for name in dir(self):
            if name.startswith("stmt_"):
                cls = getattr(ast, name[5:], None)
                if cls is not None:
                    self._stmt[cls] = getattr(self, name)
            elif name.startswith("expr_"):
                cls = getattr(ast, name[5:], None)
                if cls is not None:
                    self._expr[cls] = getattr(self, name)

    # -- errors and warnings --------------------------------------------------

    def error(self, msg, node=None):
        """compiler_error: SyntaxError(msg, (filename, lineno, col + 1, text,
        end_lineno, end_col + 1)) at the current location, or at ``node``
        (3.12's explicit locations).

        The range is 3.11's current one (``u.loc``), which is what 3.11+ hosts
        report; a 3.10 host reports the start of 3.10's own location.
        """
        u = self.u
        loc = node_loc(node) if node is not None else u.loc
        if loc is None:
            loc = (u.lineno, u.lineno, u.col_offset, -1)
        lineno, end_lineno, col, end_col = loc
        if _HOST < (3, 11) and node is None:
            lineno, col = u.lineno, u.col_offset
        text = st.program_text(self.filename, lineno)
        raise SyntaxError(msg, (self.filename, lineno, col + 1, text,
                                end_lineno, end_col + 1))

    def warn(self, msg, node=None):
        """compiler_warn: a SyntaxWarning at the current line, or a SyntaxError
        at the current location when warnings are errors.  ``node`` is where
        a 3.12+ host places it (LOC(node)); older hosts use the current one."""
        u = self.u
        if _HOST < (3, 12):
            node = None
        lineno = u.lineno if node is None else node.lineno
        try:
            warnings.warn_explicit(msg, SyntaxWarning, self.filename, lineno)
        except SyntaxWarning:
            self.error(msg, node)

    # -- scopes --------------------------------------------------------------

    def enter_scope(self, name, scope_type, key, lineno):
        ste = self.st.lookup(key)
        u = fg.CompilerUnit(ste, name, scope_type, lineno, self.const_cache)
        u.varnames = {n: i for i, n in enumerate(ste.ste_varnames)}
        u.cellvars = self._dictbytype(ste.ste_symbols, st.CELL, 0, 0)
        if ste.ste_needs_class_closure:
            u.cellvars["__class__"] = 0
        u.freevars = self._dictbytype(ste.ste_symbols, st.FREE, st.DEF_FREE_CLASS,
                                      len(u.cellvars))
        # 3.10: a new scope starts at line 0, which the line table writer
        # skips (the instruction continues the previous line); comprehensions
        # start at their own line; the module has none until its first statement.
        if scope_type == SCOPE_MODULE:
            u.lineno = -1
        elif scope_type == SCOPE_COMPREHENSION:
            u.lineno = lineno
            u.col_offset = key.col_offset
            # compiler_comprehension (3.11): SET_LOC(c, e) in the new scope
            u.loc = node_loc(key)
        else:
            u.lineno = 0
        if self.u is not None:
            self.stack.append(self.u)
            u.private = self.u.private
        self.u = u
        self.nestlevel += 1
        if scope_type != SCOPE_MODULE:
            self.set_qualname()
        return u

    @staticmethod
    def _dictbytype(symbols, scope_type, flag, offset):
        out = {}
        i = offset
        shift = st.SCOPE_OFFSET
        mask = st.SCOPE_MASK
        for k in sorted(symbols):
            v = symbols[k]
            if ((v >> shift) & mask) == scope_type or (v & flag):
                out[k] = i
                i += 1
        return out

    def exit_scope(self):
        self.nestlevel -= 1
        self.u = self.stack.pop() if self.stack else None

    def set_qualname(self):
        u = self.u
        base = None
        if len(self.stack) > 1:
            parent = self.stack[-1]
            force_global = False
            if u.scope_type in (SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION, SCOPE_CLASS):
                mangled = mangle(parent.private, u.name)
                if st.get_scope(parent.ste, mangled) == st.GLOBAL_EXPLICIT:
                    force_global = True
            if not force_global:
                if parent.scope_type in (SCOPE_FUNCTION, SCOPE_ASYNC_FUNCTION,
                                         SCOPE_LAMBDA):
                    base = parent.qualname + ".<locals>"
                else:
                    base = parent.qualname
        u.qualname = base + "." + u.name if base is not None else u.name

    def code_flags(self):
        u = self.u
        ste = u.ste
        toplevel_await = (self.cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT
                          and ste.ste_type == st.ModuleBlock)
        return compute_code_flags(ste, ste.ste_type == st.FunctionBlock,
                                  self.cf_flags, toplevel_await)

    def assemble(self, add_none):
        co = assemble(self.u, add_none, self.code_flags(), self.filename)
        co._super_attr = self.super_attr_code()
        return co

    def super_attr_code(self):
        """Whether CPython 3.12+ compiles a zero-argument ``super().name`` of
        this unit to LOAD_SUPER_ATTR: 3.12's can_optimize_super_call, less
        what is read at the site (runtime/builtins.py super_attr_site).  The
        name super an implicit global here and named nowhere in the module's
        own block (a ``global super`` anywhere puts it there; so does a
        module-level list, set or dict comprehension, which 3.12 inlines
        into that block), a positional parameter, and ``__class__`` free.
        A list, set or dict comprehension is inlined by 3.12 into the unit
        around it (PEP 709): that unit's parameters count."""
        u = self.u
        ste = u.ste
        if (st.get_scope(ste, "super") != st.GLOBAL_IMPLICIT
                or st.get_scope(ste, "__class__") != st.FREE):
            return False
        owner, up = u, len(self.stack)
        while owner.ste.ste_comprehension and not owner.ste.ste_generator and up > 0:
            up -= 1
            owner = self.stack[up]
        if not (owner.argcount or owner.posonlyargcount):
            return False
        todo = [self.st.st_top]
        while todo:
            block = todo.pop()
            if "super" in block.ste_symbols:
                return False
            todo.extend(c for c in block.ste_children
                        if c.ste_comprehension and not c.ste_generator)
        return True

    def is_top_level_await(self):
        return bool(self.cf_flags & PyCF_ALLOW_TOP_LEVEL_AWAIT) and \
            self.u.ste.ste_type == st.ModuleBlock

    # -- frame blocks ----------------------------------------------------------

    def push_fblock(self, t, block, exit=None, datum=None, loc=None):
        fb = self.u.fblocks
        if len(fb) >= CO_MAXBLOCKS:
            self.error("too many statically nested blocks")
        fb.append(FBlock(t, block, exit, datum, loc))

    def pop_fblock(self, t, block):
        f = self.u.fblocks.pop()
        assert f.type == t

    def call_exit_with_nones(self):
        u = self.u
        u.load_const(None)
        u.addop(op.DUP_TOP)
        u.addop(op.DUP_TOP)
        u.addop_i(op.CALL_FUNCTION, 3)

    def unwind_fblock(self, info, preserve_tos):
        u = self.u
        t = info.type
        if t in (WHILE_LOOP, EXCEPTION_HANDLER, ASYNC_COMPREHENSION_GENERATOR,
                 "EXCEPTION_GROUP_HANDLER"):
            return
        if t == FOR_LOOP:
            if preserve_tos:
                u.addop(op.ROT_TWO)
            u.addop(op.POP_TOP)
        elif t == TRY_EXCEPT:
            u.addop(op.POP_BLOCK)
        elif t == FINALLY_TRY:
            u.addop(op.POP_BLOCK)
            if preserve_tos:
                self.push_fblock(POP_VALUE, None)
            self.visit_stmts(info.datum)
            if preserve_tos:
                self.pop_fblock(POP_VALUE, None)
            u.lineno = -1
            u.loc = None
        elif t == FINALLY_END:
            if preserve_tos:
                u.addop(op.ROT_FOUR)
            u.addop(op.POP_TOP)
            u.addop(op.POP_TOP)
            u.addop(op.POP_TOP)
            if preserve_tos:
                u.addop(op.ROT_FOUR)
            u.addop(op.POP_EXCEPT)
        elif t == WITH or t == ASYNC_WITH:
            self.set_loc(info.datum)
            if info.loc is not None:
                u.loc = info.loc
            u.addop(op.POP_BLOCK)
            if preserve_tos:
                u.addop(op.ROT_TWO)
            self.call_exit_with_nones()
            if t == ASYNC_WITH:
                u.addop(op.GET_AWAITABLE)
                u.load_const(None)
                u.addop(op.YIELD_FROM)
            u.addop(op.POP_TOP)
            u.lineno = -1
            u.loc = None
        elif t == HANDLER_CLEANUP:
            if info.datum:
                u.addop(op.POP_BLOCK)
            if preserve_tos:
                u.addop(op.ROT_FOUR)
            u.addop(op.POP_EXCEPT)
            if info.datum:
                u.load_const(None)
                self.nameop(info.datum, _Store)
                self.nameop(info.datum, _Del)
        elif t == POP_VALUE:
            if preserve_tos:
                u.addop(op.ROT_TWO)
            u.addop(op.POP_TOP)
        else:
            raise SystemError("unknown frame block %r" % t)

    def unwind_fblock_stack(self, preserve_tos, want_loop):
        """Unwind every frame block up to the innermost loop; return the loop."""
        fblocks = self.u.fblocks
        if not fblocks:
            return None
        top = fblocks[-1]
        if top.type == "EXCEPTION_GROUP_HANDLER":
            # 3.11's rule for except* bodies
            self.error("'break', 'continue' and 'return' cannot appear in an except* block")
        if want_loop and (top.type == WHILE_LOOP or top.type == FOR_LOOP):
            return top
        fblocks.pop()
        self.unwind_fblock(top, preserve_tos)
        loop = self.unwind_fblock_stack(preserve_tos, want_loop)
        self.u.fblocks.append(top)
        return loop

    # -- module ------------------------------------------------------------

    def compile_mod(self, mod):
        self.enter_scope("<module>", SCOPE_MODULE, mod, 1)
        add_none = True
        t = type(mod)
        if t is ast.Module:
            self.compiler_body(mod.body)
        elif t is ast.Interactive:
            if find_ann(mod.body):
                self.u.addop(op.SETUP_ANNOTATIONS)
            self.interactive = True
            self.visit_stmts(mod.body)
        elif t is ast.Expression:
            self.visit_expr(mod.body)
            add_none = False
        else:
            raise SystemError("module kind %s should not be possible" % t.__name__)
        co = self.assemble(add_none)
        self.exit_scope()
        return co

    def set_loc(self, node):
        u = self.u
        u.lineno = node.lineno
        u.col_offset = node.col_offset
        u.loc = node_loc(node)

    def compiler_body(self, stmts):
        u = self.u
        if u.scope_type == SCOPE_MODULE and stmts:
            self.set_loc(stmts[0])
        if find_ann(stmts):
            u.addop(op.SETUP_ANNOTATIONS)
        if not stmts:
            return
        i = 0
        if self.optimize < 2:
            doc = get_docstring(stmts)
            if doc is not None:
                i = 1
                self.set_loc(stmts[0])
                self.visit_expr(stmts[0].value)
                u.loc = None        # 3.11: UNSET_LOC before storing __doc__
                self.nameop("__doc__", _Store)
        for s in stmts[i:]:
            self.visit_stmt(s)

    # -- statements ----------------------------------------------------------

    def visit_stmts(self, stmts):
        for s in stmts:
            self.visit_stmt(s)

    def visit_stmt(self, s):
        u = self.u
        u.lineno = s.lineno
        u.col_offset = s.col_offset
        u.loc = node_loc(s)
        self._stmt[type(s)](s)

    def stmt_FunctionDef(self, s):
        self.compiler_function(s, False)

    def stmt_AsyncFunctionDef(self, s):
        self.compiler_function(s, True)

    def stmt_ClassDef(self, s):
        self.compiler_class(s)

    def stmt_Return(self, s):
        u = self.u
        value = s.value
        preserve_tos = value is not None and type(value) is not ast.Constant
        if u.ste.ste_type != st.FunctionBlock:
            self.error("'return' outside function")
        if value is not None and u.ste.ste_coroutine and u.ste.ste_generator:
            self.error("'return' with value in async generator")
        if preserve_tos:
            self.visit_expr(value)
        elif value is not None:
            self.set_loc(value)
            u.addop(op.NOP)
        if value is None or value.lineno != s.lineno:
            self.set_loc(s)
            u.addop(op.NOP)
        self.unwind_fblock_stack(preserve_tos, False)
        if value is None:
            u.load_const(None)
        elif not preserve_tos:
            u.load_const(value.value)
        u.addop(op.RETURN_VALUE)
        u.next_block()

    def stmt_Delete(self, s):
        for t in s.targets:
            self.visit_expr(t)

    def stmt_Assign(self, s):
        u = self.u
        self.visit_expr(s.value)
        targets = s.targets
        n = len(targets)
        for i, t in enumerate(targets):
            if i < n - 1:
                u.addop(op.DUP_TOP)
            self.visit_expr(t)

    def stmt_AugAssign(self, s):
        u = self.u
        e = s.target
        old_lineno, old_col, old_loc = u.lineno, u.col_offset, u.loc
        self.set_loc(e)
        t = type(e)
        if t is ast.Attribute:
            self.visit_expr(e.value)
            u.addop(op.DUP_TOP)
            saved = u.lineno
            u.lineno = e.end_lineno
            u.loc = attr_loc(u.loc, e)
            u.addop_name(op.LOAD_ATTR, e.attr)
            u.lineno = saved
        elif t is ast.Subscript:
            self.visit_expr(e.value)
            self.visit_expr(e.slice)
            u.addop(op.DUP_TOP_TWO)
            u.addop(op.BINARY_SUBSCR)
        elif t is ast.Name:
            self.nameop(e.id, _Load)
        else:
            raise SystemError("invalid node type for augmented assignment")
        u.lineno, u.col_offset, u.loc = old_lineno, old_col, old_loc
        self.visit_expr(s.value)
        u.addop(_INPLACE[type(s.op)])
        self.set_loc(e)
        if t is ast.Attribute:
            u.lineno = e.end_lineno
            u.loc = attr_loc(u.loc, e)
            u.addop(op.ROT_TWO)
            u.addop_name(op.STORE_ATTR, e.attr)
        elif t is ast.Subscript:
            u.addop(op.ROT_THREE)
            u.addop(op.STORE_SUBSCR)
        else:
            self.nameop(e.id, _Store)

    def stmt_AnnAssign(self, s):
        u = self.u
        targ = s.target
        if s.value is not None:
            self.visit_expr(s.value)
            self.visit_expr(targ)
        t = type(targ)
        if t is ast.Name:
            self.forbidden_name(targ.id, _Store)
            if s.simple and u.scope_type in (SCOPE_MODULE, SCOPE_CLASS):
                if self.future_features & CO_FUTURE_ANNOTATIONS:
                    self.visit_annexpr(s.annotation)
                else:
                    self.visit_expr(s.annotation)
                u.addop_name(op.LOAD_NAME, "__annotations__")
                u.load_const(mangle(u.private, targ.id))
                u.addop(op.STORE_SUBSCR)
        elif t is ast.Attribute:
            self.forbidden_name(targ.attr, _Store)
            if s.value is None:
                self.check_ann_expr(targ.value)
        elif t is ast.Subscript:
            if s.value is None:
                self.check_ann_expr(targ.value)
                self.check_ann_subscr(targ.slice)
        else:
            raise SystemError("invalid node type for annotated assignment")
        if not s.simple:
            if not (self.future_features & CO_FUTURE_ANNOTATIONS):
                if u.scope_type in (SCOPE_MODULE, SCOPE_CLASS):
                    self.check_ann_expr(s.annotation)

    def check_ann_expr(self, e):
        self.visit_expr(e)
        self.u.addop(op.POP_TOP)

    def check_ann_subscr(self, e):
        t = type(e)
        if t is ast.Slice:
            for part in (e.lower, e.upper, e.step):
                if part is not None:
                    self.check_ann_expr(part)
        elif t is ast.Tuple:
            for elt in e.elts:
                self.check_ann_subscr(elt)
        else:
            self.check_ann_expr(e)

    def stmt_For(self, s):
        u = self.u
        start = u.new_block()
        body = u.new_block()
        cleanup = u.new_block()
        end = u.new_block()
        self.push_fblock(FOR_LOOP, start, end)
        self.visit_expr(s.iter)
        stmt_loc = u.loc
        if _HOST >= (3, 13):
            u.loc = node_loc(s.iter)    # 3.13 iterates at the iterable
        u.addop(op.GET_ITER)
        u.use_next_block(start)
        u.addop_j(op.FOR_ITER, cleanup)
        u.loc = stmt_loc
        u.use_next_block(body)
        self.visit_expr(s.target)
        self.visit_stmts(s.body)
        u.lineno = -1
        u.loc = None
        u.addop_j(op.JUMP_ABSOLUTE, start)
        u.use_next_block(cleanup)
        self.pop_fblock(FOR_LOOP, start)
        self.visit_stmts(s.orelse)
        u.use_next_block(end)

    def stmt_AsyncFor(self, s):
        u = self.u
        if self.is_top_level_await():
            u.ste.ste_coroutine = True
        elif u.scope_type != SCOPE_ASYNC_FUNCTION:
            self.error("'async for' outside async function")
        start = u.new_block()
        except_ = u.new_block()
        end = u.new_block()
        self.visit_expr(s.iter)
        u.addop(op.GET_AITER)
        u.use_next_block(start)
        self.push_fblock(FOR_LOOP, start, end)
        u.addop_j(op.SETUP_FINALLY, except_)
        u.addop(op.GET_ANEXT)
        u.load_const(None)
        u.addop(op.YIELD_FROM)
        u.addop(op.POP_BLOCK)
        self.visit_expr(s.target)
        self.visit_stmts(s.body)
        u.lineno = -1
        u.loc = None
        u.addop_j(op.JUMP_ABSOLUTE, start)
        self.pop_fblock(FOR_LOOP, start)
        u.use_next_block(except_)
        self.set_loc(s.iter)
        u.addop(op.END_ASYNC_FOR)
        self.visit_stmts(s.orelse)
        u.use_next_block(end)

    def stmt_While(self, s):
        u = self.u
        loop = u.new_block()
        body = u.new_block()
        anchor = u.new_block()
        end = u.new_block()
        u.use_next_block(loop)
        self.push_fblock(WHILE_LOOP, loop, end)
        self.jump_if(s.test, anchor, False)
        u.use_next_block(body)
        self.visit_stmts(s.body)
        self.set_loc(s)
        self.jump_if(s.test, body, True)
        self.pop_fblock(WHILE_LOOP, loop)
        u.use_next_block(anchor)
        if s.orelse:
            self.visit_stmts(s.orelse)
        u.use_next_block(end)

    def stmt_If(self, s):
        u = self.u
        end = u.new_block()
        if s.orelse:
            next_ = u.new_block()
        else:
            next_ = end
        self.jump_if(s.test, next_, False)
        self.visit_stmts(s.body)
        if s.orelse:
            u.addop_j_noline(op.JUMP_FORWARD, end)
            u.use_next_block(next_)
            self.visit_stmts(s.orelse)
        u.use_next_block(end)

    def stmt_With(self, s):
        self.compiler_with(s, 0)

    def stmt_AsyncWith(self, s):
        self.compiler_async_with(s, 0)

    def stmt_Match(self, s):
        from .patterns import compiler_match
        compiler_match(self, s)

    def stmt_Raise(self, s):
        u = self.u
        n = 0
        if s.exc is not None:
            self.visit_expr(s.exc)
            n += 1
            if s.cause is not None:
                self.visit_expr(s.cause)
                n += 1
        u.addop_i(op.RAISE_VARARGS, n)
        u.next_block()

    def stmt_Try(self, s):
        if s.finalbody:
            self.compiler_try_finally(s)
        else:
            self.compiler_try_except(s)

    def stmt_TryStar(self, s):
        if s.finalbody:
            self.compiler_try_finally(s)
        else:
            self.compiler_try_star_except(s)

    def stmt_Assert(self, s):
        u = self.u
        test = s.test
        if (type(test) is ast.Tuple and test.elts) or \
                (type(test) is ast.Constant and type(test.value) is tuple and test.value):
            self.warn("assertion is always true, perhaps remove parentheses?")
        if self.optimize:
            return
        end = u.new_block()
        self.jump_if(test, end, True)
        u.addop(op.LOAD_ASSERTION_ERROR)
        if s.msg is not None:
            self.visit_expr(s.msg)
            u.addop_i(op.CALL_FUNCTION, 1)
        if _HOST >= (3, 13):
            u.loc = node_loc(test)      # 3.13 raises at the test
        u.addop_i(op.RAISE_VARARGS, 1)
        u.use_next_block(end)

    def stmt_Import(self, s):
        u = self.u
        for alias in s.names:
            u.load_const(0)
            u.load_const(None)
            u.addop_name(op.IMPORT_NAME, alias.name)
            if alias.asname:
                self.import_as(alias.name, alias.asname)
            else:
                self.nameop(alias.name.split(".", 1)[0], _Store)

    def import_as(self, name, asname):
        u = self.u
        parts = name.split(".")
        if len(parts) > 1:
            for i, attr in enumerate(parts[1:]):
                u.addop_o(op.IMPORT_FROM, u.names, attr)
                if i == len(parts) - 2:
                    break
                u.addop(op.ROT_TWO)
                u.addop(op.POP_TOP)
            self.nameop(asname, _Store)
            u.addop(op.POP_TOP)
        else:
            self.nameop(asname, _Store)

    def stmt_ImportFrom(self, s):
        u = self.u
        u.load_const(s.level)
        names = tuple(a.name for a in s.names)
        if s.lineno > self.ff_lineno and s.module == "__future__":
            self.error("from __future__ imports must occur at the beginning of the file")
        u.load_const(names)
        u.addop_name(op.IMPORT_NAME, s.module or "")
        for i, alias in enumerate(s.names):
            if i == 0 and alias.name[0] == "*":
                u.addop(op.IMPORT_STAR)
                return
            u.addop_name(op.IMPORT_FROM, alias.name)
            self.nameop(alias.asname or alias.name, _Store)
        u.addop(op.POP_TOP)

    def stmt_Global(self, s):
        pass

    def stmt_Nonlocal(self, s):
        pass

    def stmt_Expr(self, s):
        u = self.u
        value = s.value
        if self.interactive and self.nestlevel <= 1:
            self.visit_expr(value)
            u.addop(op.PRINT_EXPR)
            return
        if type(value) is ast.Constant:
            u.addop(op.NOP)
            return
        self.visit_expr(value)
        u.lineno = -1
        u.loc = None
        u.addop(op.POP_TOP)

    def stmt_Pass(self, s):
        self.u.addop(op.NOP)

    def stmt_Break(self, s):
        u = self.u
        u.addop(op.NOP)
        loop = self.unwind_fblock_stack(False, True)
        if loop is None:
            # 3.11+ report the statement, whatever the unwinding emitted
            self.error("'break' outside loop", s if _HOST >= (3, 11) else None)
        self.unwind_fblock(loop, False)
        u.addop_j(op.JUMP_ABSOLUTE, loop.exit)
        u.next_block()

    def stmt_Continue(self, s):
        u = self.u
        u.addop(op.NOP)
        loop = self.unwind_fblock_stack(False, True)
        if loop is None:
            self.error("'continue' not properly in loop", s if _HOST >= (3, 11) else None)
        u.addop_j(op.JUMP_ABSOLUTE, loop.block)
        u.next_block()

    # -- functions and classes -----------------------------------------------

    def check_debug_args(self, args):
        # reported at the current statement, as compiler_check_debug_args does
        # (3.12+: at the parameter)
        for a in args.posonlyargs + args.args + [args.vararg] + args.kwonlyargs \
                + [args.kwarg]:
            if a is not None and a.arg == "__debug__":
                self.error("cannot assign to __debug__",
                           a if _HOST >= (3, 12) else None)

    def default_arguments(self, args):
        u = self.u
        funcflags = 0
        if args.defaults:
            for d in args.defaults:
                self.visit_expr(d)
            u.addop_i(op.BUILD_TUPLE, len(args.defaults))
            funcflags |= op.MF_DEFAULTS
        if args.kwonlyargs:
            keys = []
            for arg, default in zip(args.kwonlyargs, args.kw_defaults):
                if default is not None:
                    keys.append(mangle(u.private, arg.arg))
                    self.visit_expr(default)
            if keys:
                u.load_const(tuple(keys))
                u.addop_i(op.BUILD_CONST_KEY_MAP, len(keys))
                funcflags |= op.MF_KWDEFAULTS
        return funcflags

    def visit_argannotation(self, name, annotation, count):
        if annotation is None:
            return count
        u = self.u
        u.load_const(mangle(u.private, name))
        if self.future_features & CO_FUTURE_ANNOTATIONS:
            self.visit_annexpr(annotation)
        else:
            self.visit_expr(annotation)
        return count + 2

    def visit_annotations(self, args, returns):
        n = 0
        for a in args.args:
            n = self.visit_argannotation(a.arg, a.annotation, n)
        for a in args.posonlyargs:
            n = self.visit_argannotation(a.arg, a.annotation, n)
        if args.vararg is not None and args.vararg.annotation is not None:
            n = self.visit_argannotation(args.vararg.arg, args.vararg.annotation, n)
        for a in args.kwonlyargs:
            n = self.visit_argannotation(a.arg, a.annotation, n)
        if args.kwarg is not None and args.kwarg.annotation is not None:
            n = self.visit_argannotation(args.kwarg.arg, args.kwarg.annotation, n)
        n = self.visit_argannotation("return", returns, n)
        if n:
            self.u.addop_i(op.BUILD_TUPLE, n)
            return True
        return False

    def visit_annexpr(self, annotation):
        from .unparse import expr_as_unicode
        self.u.load_const(expr_as_unicode(annotation))

    def compiler_function(self, s, is_async):
        u = self.u
        args = s.args
        decos = s.decorator_list
        scope_type = SCOPE_ASYNC_FUNCTION if is_async else SCOPE_FUNCTION
        self.check_debug_args(args)
        for d in decos:
            self.visit_expr(d)
        firstlineno = s.lineno
        if decos:
            firstlineno = decos[0].lineno
        funcflags = self.default_arguments(args)
        if self.visit_annotations(args, s.returns):
            funcflags |= op.MF_ANNOTATIONS
        self.enter_scope(s.name, scope_type, s, firstlineno)
        body = s.body
        docstring = get_docstring(body) if self.optimize < 2 else None
        nu = self.u
        nu.add_const(docstring)
        nu.argcount = len(args.args)
        nu.posonlyargcount = len(args.posonlyargs)
        nu.kwonlyargcount = len(args.kwonlyargs)
        for stmt in body[1 if docstring is not None else 0:]:
            self.visit_stmt(stmt)
        co = self.assemble(True)
        qualname = nu.qualname
        self.exit_scope()
        self.make_closure(co, funcflags, qualname)
        self.apply_decorators(decos)
        self.nameop(s.name, _Store)

    def apply_decorators(self, decos):
        """One CALL_FUNCTION 1 per decorator, innermost first; 3.11 places each
        call at its decorator (compiler_apply_decorators)."""
        u = self.u
        old_loc = u.loc
        for d in reversed(decos):
            u.loc = node_loc(d)
            u.addop_i(op.CALL_FUNCTION, 1)
        u.loc = old_loc

    def compiler_class(self, s):
        u = self.u
        decos = s.decorator_list
        for d in decos:
            self.visit_expr(d)
        firstlineno = s.lineno
        if decos:
            firstlineno = decos[0].lineno
        self.enter_scope(s.name, SCOPE_CLASS, s, firstlineno)
        nu = self.u
        nu.private = s.name
        self.nameop("__name__", _Load)
        self.nameop("__module__", _Store)
        nu.load_const(nu.qualname)
        self.nameop("__qualname__", _Store)
        self.compiler_body(s.body)
        nu.lineno = -1
        nu.loc = None
        if nu.ste.ste_needs_class_closure:
            i = nu.cellvars["__class__"]
            nu.addop_i(op.LOAD_CLOSURE, i)
            nu.addop(op.DUP_TOP)
            self.nameop("__classcell__", _Store)
        else:
            nu.load_const(None)
        nu.addop(op.RETURN_VALUE)
        co = self.assemble(True)
        self.exit_scope()
        u.addop(op.LOAD_BUILD_CLASS)
        self.make_closure(co, 0, None)
        u.load_const(s.name)
        self.call_helper(2, s.bases, s.keywords)
        self.apply_decorators(decos)
        self.nameop(s.name, _Store)

    def get_ref_type(self, name):
        u = self.u
        if u.scope_type == SCOPE_CLASS and name == "__class__":
            return st.CELL
        scope = st.get_scope(u.ste, name)
        if scope == 0:
            raise SystemError("get_ref_type: unknown scope for %s in %s" % (name, u.name))
        return scope

    def make_closure(self, co, flags, qualname):
        u = self.u
        if qualname is None:
            qualname = co.co_name
        free = co.co_freevars
        if free:
            for name in free:
                reftype = self.get_ref_type(name)
                if reftype == st.CELL:
                    arg = u.cellvars.get(name)
                else:
                    arg = u.freevars.get(name)
                if arg is None:
                    raise SystemError("compiler_make_closure: lookup %r in %s failed"
                                      % (name, u.name))
                u.addop_i(op.LOAD_CLOSURE, arg)
            flags |= op.MF_CLOSURE
            u.addop_i(op.BUILD_TUPLE, len(free))
        u.load_const(co)
        u.load_const(qualname)
        u.addop_i(op.MAKE_FUNCTION, flags)

    # -- with / try ------------------------------------------------------------

    def compiler_with(self, s, pos):
        u = self.u
        item = s.items[pos]
        block = u.new_block()
        final = u.new_block()
        exit = u.new_block()
        self.visit_expr(item.context_expr)
        # 3.13 places the with machinery at the context expression
        item_loc = node_loc(item.context_expr) if _HOST >= (3, 13) else None
        if item_loc is not None:
            u.loc = item_loc
        u.addop_j(op.SETUP_WITH, final)
        u.use_next_block(block)
        self.push_fblock(WITH, block, final, s, item_loc)
        if item.optional_vars is not None:
            self.visit_expr(item.optional_vars)
        else:
            u.addop(op.POP_TOP)
        pos += 1
        if pos == len(s.items):
            self.visit_stmts(s.body)
        else:
            self.compiler_with(s, pos)
        u.lineno = -1
        u.loc = None
        u.addop(op.POP_BLOCK)
        self.pop_fblock(WITH, block)
        self.set_loc(s)
        if item_loc is not None:
            u.loc = item_loc
        self.call_exit_with_nones()
        u.addop(op.POP_TOP)
        u.addop_j(op.JUMP_FORWARD, exit)
        u.use_next_block(final)
        u.addop(op.WITH_EXCEPT_START)
        self.with_except_finish()
        u.use_next_block(exit)

    def with_except_finish(self):
        u = self.u
        exit = u.new_block()
        u.addop_j(op.POP_JUMP_IF_TRUE, exit)
        u.next_block()
        u.addop_i(op.RERAISE, 1)
        u.use_next_block(exit)
        u.addop(op.POP_TOP)
        u.addop(op.POP_TOP)
        u.addop(op.POP_TOP)
        u.addop(op.POP_EXCEPT)
        u.addop(op.POP_TOP)

    def compiler_async_with(self, s, pos):
        u = self.u
        item = s.items[pos]
        if self.is_top_level_await():
            u.ste.ste_coroutine = True
        elif u.scope_type != SCOPE_ASYNC_FUNCTION:
            self.error("'async with' outside async function")
        block = u.new_block()
        final = u.new_block()
        exit = u.new_block()
        self.visit_expr(item.context_expr)
        u.addop(op.BEFORE_ASYNC_WITH)
        u.addop(op.GET_AWAITABLE)
        u.load_const(None)
        u.addop(op.YIELD_FROM)
        u.addop_j(op.SETUP_ASYNC_WITH, final)
        u.use_next_block(block)
        self.push_fblock(ASYNC_WITH, block, final, s)
        if item.optional_vars is not None:
            self.visit_expr(item.optional_vars)
        else:
            u.addop(op.POP_TOP)
        pos += 1
        if pos == len(s.items):
            self.visit_stmts(s.body)
        else:
            self.compiler_async_with(s, pos)
        self.pop_fblock(ASYNC_WITH, block)
        u.addop(op.POP_BLOCK)
        self.set_loc(s)
        self.call_exit_with_nones()
        u.addop(op.GET_AWAITABLE)
        u.load_const(None)
        u.addop(op.YIELD_FROM)
        u.addop(op.POP_TOP)
        u.addop_j(op.JUMP_ABSOLUTE, exit)
        u.use_next_block(final)
        u.addop(op.WITH_EXCEPT_START)
        u.addop(op.GET_AWAITABLE)
        u.load_const(None)
        u.addop(op.YIELD_FROM)
        self.with_except_finish()
        u.use_next_block(exit)

    def compiler_try_finally(self, s):
        u = self.u
        body = u.new_block()
        end = u.new_block()
        exit = u.new_block()
        u.addop_j(op.SETUP_FINALLY, end)
        u.use_next_block(body)
        self.push_fblock(FINALLY_TRY, body, end, s.finalbody)
        if s.handlers:
            if type(s) is ast.Try:
                self.compiler_try_except(s)
            else:
                self.compiler_try_star_except(s)
        else:
            self.visit_stmts(s.body)
        u.addop_noline(op.POP_BLOCK)
        self.pop_fblock(FINALLY_TRY, body)
        self.visit_stmts(s.finalbody)
        u.addop_j_noline(op.JUMP_FORWARD, exit)
        u.use_next_block(end)
        u.loc = None
        self.push_fblock(FINALLY_END, end)
        self.visit_stmts(s.finalbody)
        self.pop_fblock(FINALLY_END, end)
        u.addop_i(op.RERAISE, 0)
        u.use_next_block(exit)

    def compiler_try_except(self, s):
        u = self.u
        body = u.new_block()
        except_ = u.new_block()
        orelse = u.new_block()
        end = u.new_block()
        u.addop_j(op.SETUP_FINALLY, except_)
        u.use_next_block(body)
        self.push_fblock(TRY_EXCEPT, body)
        self.visit_stmts(s.body)
        self.pop_fblock(TRY_EXCEPT, body)
        u.addop_noline(op.POP_BLOCK)
        u.addop_j_noline(op.JUMP_FORWARD, orelse)
        n = len(s.handlers)
        u.use_next_block(except_)
        self.push_fblock(EXCEPTION_HANDLER, None)
        for i, handler in enumerate(s.handlers):
            self.set_loc(handler)
            if handler.type is None and i < n - 1:
                self.error("default 'except:' must be last")
            except_ = u.new_block()
            if handler.type is not None:
                u.addop(op.DUP_TOP)
                self.visit_expr(handler.type)
                u.addop_j(op.JUMP_IF_NOT_EXC_MATCH, except_)
                u.next_block()
            u.addop(op.POP_TOP)
            if handler.name:
                cleanup_end = u.new_block()
                cleanup_body = u.new_block()
                self.nameop(handler.name, _Store)
                u.addop(op.POP_TOP)
                u.addop_j(op.SETUP_FINALLY, cleanup_end)
                u.use_next_block(cleanup_body)
                self.push_fblock(HANDLER_CLEANUP, cleanup_body, None, handler.name)
                self.visit_stmts(handler.body)
                self.pop_fblock(HANDLER_CLEANUP, cleanup_body)
                u.lineno = -1
                u.loc = None
                u.addop(op.POP_BLOCK)
                u.addop(op.POP_EXCEPT)
                u.load_const(None)
                self.nameop(handler.name, _Store)
                self.nameop(handler.name, _Del)
                u.addop_j(op.JUMP_FORWARD, end)
                u.use_next_block(cleanup_end)
                u.lineno = -1
                u.loc = None
                u.load_const(None)
                self.nameop(handler.name, _Store)
                self.nameop(handler.name, _Del)
                u.addop_i(op.RERAISE, 1)
            else:
                cleanup_body = u.new_block()
                u.addop(op.POP_TOP)
                u.addop(op.POP_TOP)
                u.use_next_block(cleanup_body)
                self.push_fblock(HANDLER_CLEANUP, cleanup_body, None, None)
                self.visit_stmts(handler.body)
                self.pop_fblock(HANDLER_CLEANUP, cleanup_body)
                u.lineno = -1
                u.loc = None
                u.addop(op.POP_EXCEPT)
                u.addop_j(op.JUMP_FORWARD, end)
            u.use_next_block(except_)
        self.pop_fblock(EXCEPTION_HANDLER, None)
        u.lineno = -1
        u.loc = None
        u.addop_i(op.RERAISE, 0)
        u.use_next_block(orelse)
        self.visit_stmts(s.orelse)
        u.use_next_block(end)

    def compiler_try_star_except(self, s):
        from .trystar import compiler_try_star_except
        compiler_try_star_except(self, s)

    # -- names -----------------------------------------------------------------

    def forbidden_name(self, name, ctx):
        if name == "__debug__":
            if ctx is _Store:
                self.error("cannot assign to __debug__")
            if ctx is _Del:
                self.error("cannot delete __debug__")

    def nameop(self, name, ctx):
        u = self.u
        if name == "__debug__":
            self.forbidden_name(name, ctx)
        mangled = mangle(u.private, name)
        scope = st.get_scope(u.ste, mangled)
        table = u.names
        is_function = u.ste.ste_type == st.FunctionBlock
        if scope == st.FREE or scope == st.CELL:
            table = u.freevars if scope == st.FREE else u.cellvars
            if ctx is _Load:
                opcode = op.LOAD_CLASSDEREF if u.ste.ste_type == st.ClassBlock \
                    else op.LOAD_DEREF
            elif ctx is _Store:
                opcode = op.STORE_DEREF
            else:
                opcode = op.DELETE_DEREF
        elif scope == st.LOCAL and is_function:
            opcode = (op.LOAD_FAST if ctx is _Load else
                      op.STORE_FAST if ctx is _Store else op.DELETE_FAST)
            table = u.varnames
        elif scope == st.GLOBAL_EXPLICIT or (scope == st.GLOBAL_IMPLICIT and is_function):
            opcode = (op.LOAD_GLOBAL if ctx is _Load else
                      op.STORE_GLOBAL if ctx is _Store else op.DELETE_GLOBAL)
        else:
            opcode = (op.LOAD_NAME if ctx is _Load else
                      op.STORE_NAME if ctx is _Store else op.DELETE_NAME)
        arg = table.get(mangled)
        if arg is None:
            arg = table[mangled] = len(table)
        u.curblock.instrs.append(fg.Instr(opcode, arg, None, u.lineno, u.loc))

    # -- expressions -------------------------------------------------------------

    def visit_expr(self, e):
        u = self.u
        old_lineno = u.lineno
        old_col = u.col_offset
        old_loc = u.loc
        u.lineno = e.lineno
        u.col_offset = e.col_offset
        u.loc = node_loc(e)
        self._expr[type(e)](e)
        u.lineno = old_lineno
        u.col_offset = old_col
        u.loc = old_loc

    def expr_NamedExpr(self, e):
        self.visit_expr(e.value)
        self.u.addop(op.DUP_TOP)
        self.visit_expr(e.target)

    def expr_BoolOp(self, e):
        u = self.u
        jumpi = op.JUMP_IF_FALSE_OR_POP if type(e.op) is ast.And else op.JUMP_IF_TRUE_OR_POP
        end = u.new_block()
        values = e.values
        for v in values[:-1]:
            self.visit_expr(v)
            u.addop_j(jumpi, end)
            u.use_next_block(u.new_block())
        self.visit_expr(values[-1])
        u.use_next_block(end)

    def expr_BinOp(self, e):
        self.visit_expr(e.left)
        self.visit_expr(e.right)
        self.u.addop(_BINOP[type(e.op)])

    def expr_UnaryOp(self, e):
        self.visit_expr(e.operand)
        self.u.addop(_UNARY[type(e.op)])

    def expr_Lambda(self, e):
        u = self.u
        args = e.args
        self.check_debug_args(args)
        funcflags = self.default_arguments(args)
        self.enter_scope("<lambda>", SCOPE_LAMBDA, e, e.lineno)
        nu = self.u
        nu.add_const(None)
        nu.argcount = len(args.args)
        nu.posonlyargcount = len(args.posonlyargs)
        nu.kwonlyargcount = len(args.kwonlyargs)
        self.visit_expr(e.body)
        if nu.ste.ste_generator:
            co = self.assemble(False)
        else:
            nu.addop(op.RETURN_VALUE)
            co = self.assemble(True)
        qualname = nu.qualname
        self.exit_scope()
        self.make_closure(co, funcflags, qualname)

    def expr_IfExp(self, e):
        u = self.u
        end = u.new_block()
        next_ = u.new_block()
        self.jump_if(e.test, next_, False)
        self.visit_expr(e.body)
        u.addop_j_noline(op.JUMP_FORWARD, end)
        u.use_next_block(next_)
        self.visit_expr(e.orelse)
        u.use_next_block(end)

    def subdict(self, e, begin, end):
        u = self.u
        n = end - begin
        keys = e.keys
        values = e.values
        big = n * 2 > STACK_USE_GUIDELINE
        if n > 1 and not big and all(type(k) is ast.Constant for k in keys[begin:end]):
            for i in range(begin, end):
                self.visit_expr(values[i])
            u.load_const(tuple(k.value for k in keys[begin:end]))
            u.addop_i(op.BUILD_CONST_KEY_MAP, n)
            return
        if big:
            u.addop_i(op.BUILD_MAP, 0)
        for i in range(begin, end):
            self.visit_expr(keys[i])
            self.visit_expr(values[i])
            if big:
                u.addop_i(op.MAP_ADD, 1)
        if not big:
            u.addop_i(op.BUILD_MAP, n)

    def expr_Dict(self, e):
        u = self.u
        n = len(e.values)
        have_dict = False
        elements = 0
        for i in range(n):
            if e.keys[i] is None:
                if elements:
                    self.subdict(e, i - elements, i)
                    if have_dict:
                        u.addop_i(op.DICT_UPDATE, 1)
                    have_dict = True
                    elements = 0
                if not have_dict:
                    u.addop_i(op.BUILD_MAP, 0)
                    have_dict = True
                self.visit_expr(e.values[i])
                u.addop_i(op.DICT_UPDATE, 1)
            else:
                if elements * 2 > STACK_USE_GUIDELINE:
                    self.subdict(e, i - elements, i + 1)
                    if have_dict:
                        u.addop_i(op.DICT_UPDATE, 1)
                    have_dict = True
                    elements = 0
                else:
                    elements += 1
        if elements:
            self.subdict(e, n - elements, n)
            if have_dict:
                u.addop_i(op.DICT_UPDATE, 1)
            have_dict = True
        if not have_dict:
            u.addop_i(op.BUILD_MAP, 0)

    def expr_Set(self, e):
        self.starunpack_helper(e.elts, 0, op.BUILD_SET, op.SET_ADD, op.SET_UPDATE, False)

    def starunpack_helper(self, elts, pushed, build, add, extend, tuple_):
        u = self.u
        n = len(elts)
        if n > 2 and all(type(x) is ast.Constant for x in elts):
            folded = tuple(x.value for x in elts)
            if tuple_:
                u.load_const(folded)
            else:
                if add == op.SET_ADD:
                    items, folded = folded, frozenset(folded)
                    setorder.remember(folded, setorder.order310(items))
                u.addop_i(build, pushed)
                u.load_const(folded)
                u.addop_i(extend, 1)
            return
        big = n + pushed > STACK_USE_GUIDELINE
        seen_star = False
        for x in elts:
            if type(x) is ast.Starred:
                seen_star = True
                break
        if not seen_star and not big:
            for x in elts:
                self.visit_expr(x)
            u.addop_i(op.BUILD_TUPLE if tuple_ else build, n + pushed)
            return
        sequence_built = False
        if big:
            u.addop_i(build, pushed)
            sequence_built = True
        for i, x in enumerate(elts):
            if type(x) is ast.Starred:
                if not sequence_built:
                    u.addop_i(build, i + pushed)
                    sequence_built = True
                self.visit_expr(x.value)
                u.addop_i(extend, 1)
            else:
                self.visit_expr(x)
                if sequence_built:
                    u.addop_i(add, 1)
        if tuple_:
            u.addop(op.LIST_TO_TUPLE)

    def unpack_helper(self, elts):
        u = self.u
        n = len(elts)
        seen_star = False
        for i, x in enumerate(elts):
            if type(x) is ast.Starred:
                if seen_star:
                    self.error("multiple starred expressions in assignment")
                if i >= (1 << 8) or n - i - 1 >= (0x7FFFFFFF >> 8):
                    self.error("too many expressions in star-unpacking assignment")
                u.addop_i(op.UNPACK_EX, i + ((n - i - 1) << 8))
                seen_star = True
        if not seen_star:
            u.addop_i(op.UNPACK_SEQUENCE, n)

    def assignment_helper(self, elts):
        self.unpack_helper(elts)
        for x in elts:
            self.visit_expr(x.value if type(x) is ast.Starred else x)

    def expr_List(self, e):
        ctx = type(e.ctx)
        if ctx is _Store:
            self.assignment_helper(e.elts)
        elif ctx is _Load:
            self.starunpack_helper(e.elts, 0, op.BUILD_LIST, op.LIST_APPEND,
                                   op.LIST_EXTEND, False)
        else:
            for x in e.elts:
                self.visit_expr(x)

    def expr_Tuple(self, e):
        ctx = type(e.ctx)
        if ctx is _Store:
            self.assignment_helper(e.elts)
        elif ctx is _Load:
            self.starunpack_helper(e.elts, 0, op.BUILD_LIST, op.LIST_APPEND,
                                   op.LIST_EXTEND, True)
        else:
            for x in e.elts:
                self.visit_expr(x)

    def expr_GeneratorExp(self, e):
        self.comprehension(e, COMP_GENEXP, "<genexpr>", e.generators, e.elt, None)

    def expr_ListComp(self, e):
        self.comprehension(e, COMP_LISTCOMP, "<listcomp>", e.generators, e.elt, None)

    def expr_SetComp(self, e):
        self.comprehension(e, COMP_SETCOMP, "<setcomp>", e.generators, e.elt, None)

    def expr_DictComp(self, e):
        self.comprehension(e, COMP_DICTCOMP, "<dictcomp>", e.generators, e.key, e.value)

    def expr_Yield(self, e):
        u = self.u
        if u.ste.ste_type != st.FunctionBlock:
            self.error("'yield' outside function")
        if e.value is not None:
            self.visit_expr(e.value)
        else:
            u.load_const(None)
        u.addop(op.YIELD_VALUE)

    def expr_YieldFrom(self, e):
        u = self.u
        if u.ste.ste_type != st.FunctionBlock:
            self.error("'yield from' outside function" if _HOST >= (3, 13)
                       else "'yield' outside function")
        if u.scope_type == SCOPE_ASYNC_FUNCTION:
            self.error("'yield from' inside async function")
        self.visit_expr(e.value)
        u.addop(op.GET_YIELD_FROM_ITER)
        u.load_const(None)
        u.addop(op.YIELD_FROM)

    def expr_Await(self, e):
        u = self.u
        if not self.is_top_level_await():
            if u.ste.ste_type != st.FunctionBlock:
                self.error("'await' outside function")
            if u.scope_type != SCOPE_ASYNC_FUNCTION and \
                    u.scope_type != SCOPE_COMPREHENSION:
                self.error("'await' outside async function")
        self.visit_expr(e.value)
        u.addop(op.GET_AWAITABLE)
        u.load_const(None)
        u.addop(op.YIELD_FROM)

    def check_compare(self, e):
        def ok(x):
            if type(x) is not ast.Constant:
                return True
            v = x.value
            return v is None or v is False or v is True or v is Ellipsis
        left = ok(e.left)
        left_e = e.left
        for o, right_e in zip(e.ops, e.comparators):
            right = ok(right_e)
            t = type(o)
            if t is ast.Is or t is ast.IsNot:
                if not right or not left:
                    if _HOST >= (3, 12):
                        # 3.12 names the literal's type
                        literal = right_e if left else left_e
                        kind = _infer_type_name(literal)
                        self.warn('"is" with \'%s\' literal. Did you mean "=="?' % kind
                                  if t is ast.Is else
                                  '"is not" with \'%s\' literal. Did you mean "!="?'
                                  % kind, e)
                    else:
                        self.warn('"is" with a literal. Did you mean "=="?' if t is ast.Is
                                  else '"is not" with a literal. Did you mean "!="?')
                    return  # compile.c's check_compare warns once per comparison
            left = right
            left_e = right_e

    def addcompare(self, cmpop):
        opcode, arg = _CMP[type(cmpop)]
        self.u.addop_i(opcode, arg)

    def expr_Compare(self, e):
        u = self.u
        self.check_compare(e)
        self.visit_expr(e.left)
        n = len(e.ops) - 1
        if n == 0:
            self.visit_expr(e.comparators[0])
            self.addcompare(e.ops[0])
        else:
            cleanup = u.new_block()
            for i in range(n):
                self.visit_expr(e.comparators[i])
                u.addop(op.DUP_TOP)
                u.addop(op.ROT_THREE)
                self.addcompare(e.ops[i])
                u.addop_j(op.JUMP_IF_FALSE_OR_POP, cleanup)
                u.next_block()
            self.visit_expr(e.comparators[n])
            self.addcompare(e.ops[n])
            end = u.new_block()
            u.addop_j_noline(op.JUMP_FORWARD, end)
            u.use_next_block(cleanup)
            u.addop(op.ROT_TWO)
            u.addop(op.POP_TOP)
            u.use_next_block(end)

    def check_caller(self, e):
        name = _infer_type_name(e) if type(e) in _NOT_CALLABLE or type(e) is ast.Constant \
            else None
        if name is not None:
            self.warn("'%s' object is not callable; perhaps you missed a comma?" % name, e)

    def expr_Call(self, e):
        if self.maybe_optimize_method_call(e):
            return
        self.check_caller(e.func)
        self.visit_expr(e.func)
        if type(e.func) is ast.Attribute:
            self.u.loc = self.call_loc_311(e)
        self.call_helper(0, e.args, e.keywords)

    def maybe_optimize_method_call(self, e):
        meth = e.func
        if type(meth) is not ast.Attribute or type(meth.ctx) is not _Load or e.keywords:
            return False
        args = e.args
        if len(args) >= STACK_USE_GUIDELINE:
            return False
        for a in args:
            if type(a) is ast.Starred:
                return False
        u = self.u
        self.visit_expr(meth.value)
        old_lineno = u.lineno
        u.lineno = meth.end_lineno
        u.loc = attr_loc(node_loc(meth), meth)
        u.addop_name(op.LOAD_METHOD, meth.attr)
        for a in args:
            self.visit_expr(a)
        u.loc = self.call_loc_311(e)
        u.addop_i(op.CALL_METHOD, len(args))
        u.lineno = old_lineno
        return True

    def is_method_call_311(self, e):
        """Would 3.11's maybe_optimize_method_call take this call?

        Its CALL then starts where the attribute's name does (on a call that
        spans lines), unlike a plain call's: positions follow 3.11's choice
        even where 3.10's (no keywords allowed) differs.
        """
        meth = e.func
        if type(meth) is not ast.Attribute or type(meth.ctx) is not _Load:
            return False
        value = meth.value
        if type(value) is ast.Name and \
                st.get_symbol(self.st.st_top, value.id) & st.DEF_IMPORT:
            return False        # is_import_originated
        nargs = len(e.args)
        nkw = len(e.keywords)
        if nargs + nkw + (nkw != 0) >= STACK_USE_GUIDELINE:
            return False
        for a in e.args:
            if type(a) is ast.Starred:
                return False
        for kw in e.keywords:
            if kw.arg is None:
                return False
        return True

    def call_loc_311(self, e):
        loc = node_loc(e)
        if self.is_method_call_311(e):
            loc = attr_loc(loc, e.func)
        return loc

    def validate_keywords(self, keywords):
        for i, kw in enumerate(keywords):
            if kw.arg is None:
                continue
            if kw.arg == "__debug__" and _HOST >= (3, 12):
                self.error("cannot assign to __debug__", kw)
            self.forbidden_name(kw.arg, _Store)
            for other in keywords[i + 1:]:
                if other.arg is not None and other.arg == kw.arg:
                    self.set_loc(other)
                    self.error("keyword argument repeated: %s" % kw.arg)

    def call_helper(self, n, args, keywords):
        u = self.u
        self.validate_keywords(keywords)
        nelts = len(args)
        nkwelts = len(keywords)
        ex_call = nelts + nkwelts * 2 > STACK_USE_GUIDELINE
        if not ex_call:
            for a in args:
                if type(a) is ast.Starred:
                    ex_call = True
                    break
        if not ex_call:
            for kw in keywords:
                if kw.arg is None:
                    ex_call = True
                    break
        if not ex_call:
            for a in args:
                self.visit_expr(a)
            if nkwelts:
                for kw in keywords:
                    self.visit_expr(kw.value)
                u.load_const(tuple(kw.arg for kw in keywords))
                u.addop_i(op.CALL_FUNCTION_KW, n + nelts + nkwelts)
            else:
                u.addop_i(op.CALL_FUNCTION, n + nelts)
            return
        # ex_call
        if n == 0 and nelts == 1 and type(args[0]) is ast.Starred:
            self.visit_expr(args[0].value)
        else:
            self.starunpack_helper(args, n, op.BUILD_LIST, op.LIST_APPEND,
                                   op.LIST_EXTEND, True)
        if nkwelts:
            have_dict = False
            nseen = 0
            for i, kw in enumerate(keywords):
                if kw.arg is None:
                    if nseen:
                        self.subkwargs(keywords, i - nseen, i)
                        if have_dict:
                            u.addop_i(op.DICT_MERGE, 1)
                        have_dict = True
                        nseen = 0
                    if not have_dict:
                        u.addop_i(op.BUILD_MAP, 0)
                        have_dict = True
                    self.visit_expr(kw.value)
                    u.addop_i(op.DICT_MERGE, 1)
                else:
                    nseen += 1
            if nseen:
                self.subkwargs(keywords, nkwelts - nseen, nkwelts)
                if have_dict:
                    u.addop_i(op.DICT_MERGE, 1)
                have_dict = True
        u.addop_i(op.CALL_FUNCTION_EX, 1 if nkwelts > 0 else 0)

    def subkwargs(self, keywords, begin, end):
        u = self.u
        n = end - begin
        big = n * 2 > STACK_USE_GUIDELINE
        if n > 1 and not big:
            for kw in keywords[begin:end]:
                self.visit_expr(kw.value)
            u.load_const(tuple(kw.arg for kw in keywords[begin:end]))
            u.addop_i(op.BUILD_CONST_KEY_MAP, n)
            return
        if big:
            u.addop_i_noline(op.BUILD_MAP, 0)
        for kw in keywords[begin:end]:
            u.load_const(kw.arg)
            self.visit_expr(kw.value)
            if big:
                u.addop_i_noline(op.MAP_ADD, 1)
        if not big:
            u.addop_i(op.BUILD_MAP, n)

    def expr_FormattedValue(self, e):
        u = self.u
        self.visit_expr(e.value)
        oparg = _CONV[e.conversion]
        if e.format_spec is not None:
            self.visit_expr(e.format_spec)
            oparg |= op.FVS_HAVE_SPEC
        u.addop_i(op.FORMAT_VALUE, oparg)

    def expr_JoinedStr(self, e):
        u = self.u
        values = e.values
        if len(values) > STACK_USE_GUIDELINE:
            u.load_const("")
            u.addop_name(op.LOAD_METHOD, "join")
            u.addop_i(op.BUILD_LIST, 0)
            for v in values:
                self.visit_expr(v)
                u.addop_i(op.LIST_APPEND, 1)
            u.addop_i(op.CALL_METHOD, 1)
        else:
            for v in values:
                self.visit_expr(v)
            if len(values) != 1:
                u.addop_i(op.BUILD_STRING, len(values))

    def expr_Constant(self, e):
        self.u.load_const(e.value)

    def expr_Attribute(self, e):
        u = self.u
        self.visit_expr(e.value)
        u.loc = attr_loc(u.loc, e)
        ctx = type(e.ctx)
        if ctx is _Load:
            old = u.lineno
            u.lineno = e.end_lineno
            u.addop_name(op.LOAD_ATTR, e.attr)
            u.lineno = old
        elif ctx is _Store:
            self.forbidden_name(e.attr, _Store)
            old = u.lineno
            u.lineno = e.end_lineno
            u.addop_name(op.STORE_ATTR, e.attr)
            u.lineno = old
        else:
            u.addop_name(op.DELETE_ATTR, e.attr)

    def check_subscripter(self, e):
        t = type(e)
        if t is ast.Constant:
            v = e.value
            if v is None or v is Ellipsis or isinstance(v, (int, float, complex,
                                                             frozenset)):
                pass
            else:
                return
        elif t not in (ast.Set, ast.SetComp, ast.GeneratorExp, ast.Lambda):
            return
        self.warn("'%s' object is not subscriptable; perhaps you missed a comma?"
                  % _infer_type_name(e), e)

    def check_index(self, e, s):
        t = type(e)
        if t is ast.Constant:
            v = e.value
            if not isinstance(v, (str, bytes, tuple)):
                return
        elif t not in (ast.Tuple, ast.List, ast.ListComp, ast.JoinedStr,
                       ast.FormattedValue):
            return
        it = _infer_index_type(s)
        if it is None:
            return
        self.warn("%s indices must be integers or slices, not %s; "
                  "perhaps you missed a comma?" % (_infer_type_name(e), it), e)

    def expr_Subscript(self, e):
        u = self.u
        ctx = type(e.ctx)
        if ctx is _Load:
            self.check_subscripter(e.value)
            self.check_index(e.value, e.slice)
            opcode = op.BINARY_SUBSCR
        elif ctx is _Store:
            opcode = op.STORE_SUBSCR
        else:
            opcode = op.DELETE_SUBSCR
        self.visit_expr(e.value)
        self.visit_expr(e.slice)
        u.addop(opcode)

    def expr_Starred(self, e):
        if type(e.ctx) is _Store:
            self.error("starred assignment target must be in a list or tuple")
        self.error("can't use starred expression here")

    def expr_Name(self, e):
        self.nameop(e.id, type(e.ctx))

    def expr_Slice(self, e):
        u = self.u
        n = 2
        if e.lower is not None:
            self.visit_expr(e.lower)
        else:
            u.load_const(None)
        if e.upper is not None:
            self.visit_expr(e.upper)
        else:
            u.load_const(None)
        if e.step is not None:
            n += 1
            self.visit_expr(e.step)
        u.addop_i(op.BUILD_SLICE, n)

    # -- conditional jumps -------------------------------------------------------

    def jump_if(self, e, next_, cond):
        u = self.u
        t = type(e)
        if t is ast.UnaryOp:
            if type(e.op) is ast.Not:
                return self.jump_if(e.operand, next_, not cond)
        elif t is ast.BoolOp:
            values = e.values
            cond2 = type(e.op) is ast.Or
            next2 = next_
            if (not cond2) != (not cond):
                next2 = u.new_block()
            for v in values[:-1]:
                self.jump_if(v, next2, cond2)
            self.jump_if(values[-1], next_, cond)
            if next2 is not next_:
                u.use_next_block(next2)
            return
        elif t is ast.IfExp:
            end = u.new_block()
            next2 = u.new_block()
            self.jump_if(e.test, next2, False)
            self.jump_if(e.body, next_, cond)
            u.addop_j_noline(op.JUMP_FORWARD, end)
            u.use_next_block(next2)
            self.jump_if(e.orelse, next_, cond)
            u.use_next_block(end)
            return
        elif t is ast.Compare:
            # 3.10 moves the current line to the compare's, and leaves it there
            # (3.11 too, for its locations; 3.12+ hosts pass the location
            # explicitly and leave the current one alone)
            old_loc = u.loc
            self.set_loc(e)
            self._jump_if_compare(e, next_, cond)
            if _HOST >= (3, 12):
                u.loc = old_loc
            return
        self.visit_expr(e)
        u.addop_j(op.POP_JUMP_IF_TRUE if cond else op.POP_JUMP_IF_FALSE, next_)
        u.next_block()

    def _jump_if_compare(self, e, next_, cond):
        u = self.u
        n = len(e.ops) - 1
        if n > 0:
            self.check_compare(e)
            cleanup = u.new_block()
            self.visit_expr(e.left)
            for i in range(n):
                self.visit_expr(e.comparators[i])
                u.addop(op.DUP_TOP)
                u.addop(op.ROT_THREE)
                self.addcompare(e.ops[i])
                u.addop_j(op.POP_JUMP_IF_FALSE, cleanup)
                u.next_block()
            self.visit_expr(e.comparators[n])
            self.addcompare(e.ops[n])
            u.addop_j(op.POP_JUMP_IF_TRUE if cond else op.POP_JUMP_IF_FALSE, next_)
            u.next_block()
            end = u.new_block()
            u.addop_j_noline(op.JUMP_FORWARD, end)
            u.use_next_block(cleanup)
            u.addop(op.POP_TOP)
            if not cond:
                u.addop_j_noline(op.JUMP_FORWARD, next_)
            u.use_next_block(end)
            return
        self.visit_expr(e)
        u.addop_j(op.POP_JUMP_IF_TRUE if cond else op.POP_JUMP_IF_FALSE, next_)
        u.next_block()

    # -- comprehensions --------------------------------------------------------

    def comprehension(self, e, type_, name, generators, elt, val):
        u = self.u
        top_level_await = self.is_top_level_await()
        outer_scope_type = u.scope_type
        outermost = generators[0]
        self.enter_scope(name, SCOPE_COMPREHENSION, e, e.lineno)
        nu = self.u
        is_async_generator = nu.ste.ste_coroutine
        if is_async_generator and type_ != COMP_GENEXP and \
                outer_scope_type != SCOPE_ASYNC_FUNCTION and \
                outer_scope_type != SCOPE_COMPREHENSION and not top_level_await:
            self.error("asynchronous comprehension outside of an asynchronous function")
        if type_ != COMP_GENEXP:
            opcode = {COMP_LISTCOMP: op.BUILD_LIST, COMP_SETCOMP: op.BUILD_SET,
                      COMP_DICTCOMP: op.BUILD_MAP}[type_]
            nu.addop_i(opcode, 0)
        self.comprehension_generator(generators, 0, 0, elt, val, type_)
        if type_ != COMP_GENEXP:
            nu.addop(op.RETURN_VALUE)
        co = self.assemble(True)
        qualname = nu.qualname
        self.exit_scope()
        if top_level_await and is_async_generator:
            u.ste.ste_coroutine = True
        self.make_closure(co, 0, qualname)
        self.visit_expr(outermost.iter)
        u.addop(op.GET_AITER if outermost.is_async else op.GET_ITER)
        u.addop_i(op.CALL_FUNCTION, 1)
        if is_async_generator and type_ != COMP_GENEXP:
            u.addop(op.GET_AWAITABLE)
            u.load_const(None)
            u.addop(op.YIELD_FROM)

    def comprehension_generator(self, generators, gen_index, depth, elt, val, type_):
        if generators[gen_index].is_async:
            self.async_comprehension_generator(generators, gen_index, depth, elt, val,
                                               type_)
        else:
            self.sync_comprehension_generator(generators, gen_index, depth, elt, val,
                                              type_)

    def _comprehension_element(self, elt, val, type_, depth):
        u = self.u
        if type_ == COMP_GENEXP:
            self.visit_expr(elt)
            u.addop(op.YIELD_VALUE)
            u.addop(op.POP_TOP)
        elif type_ == COMP_LISTCOMP:
            self.visit_expr(elt)
            u.addop_i(op.LIST_APPEND, depth + 1)
        elif type_ == COMP_SETCOMP:
            self.visit_expr(elt)
            u.addop_i(op.SET_ADD, depth + 1)
        else:
            self.visit_expr(elt)
            self.visit_expr(val)
            u.addop_i(op.MAP_ADD, depth + 1)

    def sync_comprehension_generator(self, generators, gen_index, depth, elt, val, type_):
        u = self.u
        start = u.new_block()
        skip = u.new_block()
        if_cleanup = u.new_block()
        anchor = u.new_block()
        gen = generators[gen_index]
        if gen_index == 0:
            u.argcount = 1
            u.addop_i(op.LOAD_FAST, 0)
        else:
            it = gen.iter
            elts = None
            if type(it) is ast.List or type(it) is ast.Tuple:
                elts = it.elts
            if elts is not None and len(elts) == 1 and type(elts[0]) is not ast.Starred:
                self.visit_expr(elts[0])
                start = None
            if start is not None:
                self.visit_expr(it)
                u.addop(op.GET_ITER)
        if start is not None:
            depth += 1
            u.use_next_block(start)
            comp_loc = u.loc
            if _HOST >= (3, 13):
                u.loc = node_loc(gen.iter)  # 3.13 iterates at the iterable
            u.addop_j(op.FOR_ITER, anchor)
            u.loc = comp_loc
            u.next_block()
        self.visit_expr(gen.target)
        for cond in gen.ifs:
            self.jump_if(cond, if_cleanup, False)
            u.next_block()
        gen_index += 1
        if gen_index < len(generators):
            self.comprehension_generator(generators, gen_index, depth, elt, val, type_)
        if gen_index >= len(generators):
            self._comprehension_element(elt, val, type_, depth)
            u.use_next_block(skip)
        u.use_next_block(if_cleanup)
        if start is not None:
            u.addop_j(op.JUMP_ABSOLUTE, start)
            u.use_next_block(anchor)

    def async_comprehension_generator(self, generators, gen_index, depth, elt, val,
                                      type_):
        u = self.u
        start = u.new_block()
        except_ = u.new_block()
        if_cleanup = u.new_block()
        gen = generators[gen_index]
        if gen_index == 0:
            u.argcount = 1
            u.addop_i(op.LOAD_FAST, 0)
        else:
            self.visit_expr(gen.iter)
            u.addop(op.GET_AITER)
        u.use_next_block(start)
        self.push_fblock(ASYNC_COMPREHENSION_GENERATOR, start)
        u.addop_j(op.SETUP_FINALLY, except_)
        u.addop(op.GET_ANEXT)
        u.load_const(None)
        u.addop(op.YIELD_FROM)
        u.addop(op.POP_BLOCK)
        self.visit_expr(gen.target)
        for cond in gen.ifs:
            self.jump_if(cond, if_cleanup, False)
            u.next_block()
        depth += 1
        gen_index += 1
        if gen_index < len(generators):
            self.comprehension_generator(generators, gen_index, depth, elt, val, type_)
        if gen_index >= len(generators):
            self._comprehension_element(elt, val, type_, depth)
        u.use_next_block(if_cleanup)
        u.addop_j(op.JUMP_ABSOLUTE, start)
        self.pop_fblock(ASYNC_COMPREHENSION_GENERATOR, start)
        u.use_next_block(except_)
        u.addop(op.END_ASYNC_FOR)


def _infer_index_type(s):
    """infer_type() of a subscript, or None where check_index stays quiet."""
    if type(s) is ast.Constant and isinstance(s.value, int):
        return None
    return _infer_type_name(s)
