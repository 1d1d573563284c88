"""The AST optimizer: constant folding on the host's ast, mirroring CPython 3.10's Python/ast_opt.c.

CPython 3.10 runs this between parsing and the symbol table
(``_PyAST_Optimize`` in ``_PyAST_Compile``).  It folds unary and binary
operators on constants, tuples of constants, subscripts of constants,
``not (a is b)`` into ``a is not b``, literal lists and sets on the right of
``in`` / ``not in`` and as the iterable of ``for`` and comprehensions into
tuples and frozensets, and ``__debug__`` into a constant.  It never folds an
operation that raises, and refuses results that would be too big
(``MAX_INT_SIZE`` bits, ``MAX_COLLECTION_SIZE`` items, ``MAX_STR_SIZE``
characters, ``MAX_TOTAL_ITEMS`` nested items).  It also gives f-strings
parsed by a 3.12+ host the shape and positions 3.10's parser gives them.

CPython rewrites nodes in place; here a folded node is replaced in its
parent's field by a new node that carries the folded node's position (for
``not (a is b)`` the Compare itself, with its own position, as CPython's
COPY_NODE does).  Nodes that open scopes (functions, classes, lambdas,
comprehensions) are never replaced, so the symbol table, built afterwards,
can key on them.  Annotations are left alone under ``from __future__ import
annotations``, because the compiler turns them into strings of their source.
"""

import _ast as ast  # (the node classes: ast.py's helpers are not needed, docs/vm.md start-up)
import bisect
import io
import sys

from ..objects import setorder
if sys.version_info >= (3, 12):
    # (_string_tokens, 3.12+ only; imported before any guest directory is on
    # sys.path.  A 3.11 host's start-up does without: 3.4 M instructions)
    import tokenize
from .symtable import CO_FUTURE_ANNOTATIONS, future_features

MAX_INT_SIZE = 128           # bits
MAX_COLLECTION_SIZE = 256    # items
MAX_STR_SIZE = 4096          # characters
MAX_TOTAL_ITEMS = 1024       # including nested collections

# PyLong_AsLong / PyLong_AsSize_t ranges on a 64-bit build.
_LONG_MAX = (1 << 63) - 1
_SIZE_MAX = (1 << 64) - 1

_Constant = ast.Constant
_Load = ast.Load


class _NoFold(Exception):
    """A fold refused by a safety limit (CPython returns NULL without an error)."""


def _make_const(node, value):
    """A Constant for ``value`` at ``node``'s position (make_const, kind=NULL)."""
    c = _Constant(value=value, kind=None)
    c.lineno = node.lineno
    c.col_offset = node.col_offset
    c.end_lineno = node.end_lineno
    c.end_col_offset = node.end_col_offset
    return c


def _check_complexity(obj, limit):
    """How much of ``limit`` is left after counting the items of nested tuples/frozensets.

    Negative when the total exceeds it: hashing such a constant could take
    too long.
    """
    if isinstance(obj, (tuple, frozenset)):
        limit -= len(obj)
        for item in obj:
            if limit < 0:
                break
            limit = _check_complexity(item, limit)
    return limit


def _as_long(v):
    if not -_LONG_MAX - 1 <= v <= _LONG_MAX:
        raise _NoFold        # PyLong_AsLong overflows: -1 with an error set
    return v


def _safe_multiply(v, w):
    if isinstance(v, int) and isinstance(w, int) and v and w:
        if v.bit_length() + w.bit_length() > MAX_INT_SIZE:
            raise _NoFold
    elif isinstance(v, int) and isinstance(w, (tuple, frozenset)):
        size = len(w)
        if size:
            n = _as_long(v)
            if n < 0 or n > MAX_COLLECTION_SIZE // size:
                raise _NoFold
            if n and _check_complexity(w, MAX_TOTAL_ITEMS // n) < 0:
                raise _NoFold
    elif isinstance(v, int) and isinstance(w, (str, bytes)):
        size = len(w)
        if size:
            n = _as_long(v)
            if n < 0 or n > MAX_STR_SIZE // size:
                raise _NoFold
    elif isinstance(w, int) and isinstance(v, (tuple, frozenset, str, bytes)):
        return _safe_multiply(w, v)
    return v * w


def _safe_power(v, w):
    if isinstance(v, int) and isinstance(w, int) and v and w > 0:
        vbits = v.bit_length()
        if w > _SIZE_MAX:
            raise _NoFold
        if vbits > MAX_INT_SIZE // w:
            raise _NoFold
    return v ** w


def _safe_lshift(v, w):
    if isinstance(v, int) and isinstance(w, int) and v and w:
        vbits = v.bit_length()
        if w < 0 or w > _SIZE_MAX:
            raise _NoFold        # PyLong_AsSize_t fails
        if w > MAX_INT_SIZE or vbits > MAX_INT_SIZE - w:
            raise _NoFold
    return v << w


def _safe_mod(v, w):
    # No folding of printf-style formatting: its result depends on the
    # types (and reprs) of the arguments at run time.
    if isinstance(v, (str, bytes)):
        raise _NoFold
    return v % w


def _invert(v):
    # ~bool warns on 3.12+ hosts; 3.10 folded it silently to the int result.
    if type(v) is bool:
        return ~int(v)
    return ~v


_BINOPS = {
    ast.Add: lambda v, w: v + w,
    ast.Sub: lambda v, w: v - w,
    ast.Mult: _safe_multiply,
    ast.Div: lambda v, w: v / w,
    ast.FloorDiv: lambda v, w: v // w,
    ast.Mod: _safe_mod,
    ast.Pow: _safe_power,
    ast.LShift: _safe_lshift,
    ast.RShift: lambda v, w: v >> w,
    ast.BitOr: lambda v, w: v | w,
    ast.BitXor: lambda v, w: v ^ w,
    ast.BitAnd: lambda v, w: v & w,
    # MatMult: no builtin constant implements it.
}

_UNARYOPS = {
    ast.Invert: _invert,
    ast.Not: lambda v: not v,
    ast.UAdd: lambda v: +v,
    ast.USub: lambda v: -v,
}

# "not (a is b)" -> "a is not b".  Eq/NotEq are not inverted (they are often
# implemented in terms of each other), nor the orderings (sets use them for
# subset tests, which do not obey the laws).
_NOT_CMP = {ast.Is: ast.IsNot, ast.IsNot: ast.Is, ast.In: ast.NotIn, ast.NotIn: ast.In}


def _fold_value(func, *args):
    """``func(*args)``, or _NoFold if it raises (make_const clears the error)."""
    try:
        return func(*args)
    except _NoFold:
        raise
    except KeyboardInterrupt:
        raise
    except Exception:
        raise _NoFold from None


def _get_docstring(body):
    if body:
        st = body[0]
        if type(st) is ast.Expr:
            e = st.value
            if type(e) is _Constant and isinstance(e.value, str):
                return e.value
    return None


# 3.12 (PEP 701) parses f-strings with the main grammar: every piece gets its
# own position, where 3.10 (and 3.11) give them the f-string's.
_FSTRING_NEEDS_310_SHAPE = sys.version_info >= (3, 12)


def _string_tokens(source):
    """The extent of every string token of ``source``: sorted (start, end) pairs.

    Positions are (line, UTF-8 byte column), like ast's.  An f-string token
    runs from its FSTRING_START to the matching FSTRING_END (3.12+).
    """
    if isinstance(source, (bytes, bytearray)):
        encoding = tokenize.detect_encoding(io.BytesIO(source).readline)[0]
        source = bytes(source).decode(encoding)
    lines = []
    readline = io.StringIO(source).readline

    def reader():
        line = readline()
        lines.append(line)
        return line

    def bytecol(pos):
        row, col = pos
        line = lines[row - 1] if row - 1 < len(lines) else ""
        return (row, len(line[:col].encode("utf-8")))

    fstring_start = getattr(tokenize, "FSTRING_START", None)
    fstring_end = getattr(tokenize, "FSTRING_END", None)
    tokens = []
    open_fstrings = []
    try:
        for tok in tokenize.generate_tokens(reader):
            if tok.type == tokenize.STRING:
                tokens.append((bytecol(tok.start), bytecol(tok.end)))
            elif tok.type == fstring_start:
                open_fstrings.append(bytecol(tok.start))
            elif tok.type == fstring_end and open_fstrings:
                tokens.append((open_fstrings.pop(), bytecol(tok.end)))
    except (tokenize.TokenError, SyntaxError):
        pass
    tokens.sort()
    return tokens


class _FStringShaper:
    """Give f-strings parsed by a 3.12+ host the shape and positions of 3.10's parser.

    In 3.10 the literal pieces and FormattedValue nodes of an f-string carry
    the position of the whole JoinedStr (only the expressions inside have
    their own), and a format spec, all the way down, the position of the
    string token it sits in (one f"..." of an implicit concatenation).
    3.12+ hosts locate each piece exactly, and 3.12 ends every format spec
    holding a replacement field with an empty Constant that 3.10 never has.
    Both matter to the code generator (line numbers, LOAD_CONST /
    BUILD_STRING counts).

    The token of a format spec comes from tokenizing the source.  XXX: when
    no source is given, a spec gets the whole f-string's position if it is on
    one line, else its replacement field's (right for concatenations of
    one-line strings, wrong for a spec on a later line of one triple-quoted
    f-string); test_fstrings_have_310_shape_and_positions shows both.
    """

    def __init__(self, source):
        self.source = source
        self.tokens = None

    def shape(self, js):
        pos = (js.lineno, js.col_offset, js.end_lineno, js.end_col_offset)
        for v in js.values:
            t = type(v)
            if t is _Constant or t is ast.FormattedValue:
                if t is ast.FormattedValue and v.format_spec is not None:
                    self._spec(v, js)       # needs v's own (host) position
                v.lineno, v.col_offset, v.end_lineno, v.end_col_offset = pos

    def _spec(self, fv, js):
        whole = (js.lineno, js.col_offset, js.end_lineno, js.end_col_offset)
        self._spec_parts(fv.format_spec, self._token_position(fv, js), whole)

    def _spec_parts(self, spec, token, whole):
        # 3.10's f-string parser gives the spec, and the literal that ends
        # it, the token's position; a literal flushed by a replacement field
        # after it, and the fields themselves, the whole f-string's.
        spec.lineno, spec.col_offset, spec.end_lineno, spec.end_col_offset = token
        values = spec.values
        values[:] = [v for v in values if not (type(v) is _Constant and v.value == "")]
        last = len(values) - 1
        for i, v in enumerate(values):
            t = type(v)
            if t is _Constant:
                pos = token if i == last else whole
                v.lineno, v.col_offset, v.end_lineno, v.end_col_offset = pos
            elif t is ast.FormattedValue:
                v.lineno, v.col_offset, v.end_lineno, v.end_col_offset = whole
                if v.format_spec is not None:
                    self._spec_parts(v.format_spec, token, whole)

    def _token_position(self, fv, js):
        if self.source is not None:
            if self.tokens is None:
                self.tokens = _string_tokens(self.source)
            tokens = self.tokens
            where = (fv.lineno, fv.col_offset)
            i = bisect.bisect_right(tokens, (where, (sys.maxsize, 0))) - 1
            # The innermost token that contains the field: f-strings nest.
            while i >= 0:
                start, end = tokens[i]
                if start <= where < end:
                    return (start[0], start[1], end[0], end[1])
                i -= 1
        if js.lineno == js.end_lineno:
            return (js.lineno, js.col_offset, js.end_lineno, js.end_col_offset)
        return (fv.lineno, fv.col_offset, fv.end_lineno, fv.end_col_offset)


def _make_const_tuple(elts):
    for e in elts:
        if type(e) is not _Constant:
            return None
    return tuple([e.value for e in elts])


class _Optimizer:
    """The state of one run (_PyASTOptimizeState): optimize level and future flags."""

    def __init__(self, optimize, ff_features, source=None):
        self.optimize = optimize
        self.fstrings = _FStringShaper(source) if _FSTRING_NEEDS_310_SHAPE else None
        self.fold_annotations = not (ff_features & CO_FUTURE_ANNOTATIONS)

    # -- sequences ---------------------------------------------------------

    def _exprs(self, seq):
        fold = self._expr
        for i, e in enumerate(seq):
            if e is not None:
                seq[i] = fold(e)

    def _stmts(self, seq):
        fold = self._stmt
        for s in seq:
            fold(s)

    def _body(self, stmts):
        """astfold_body: fold, and keep a folded str from becoming a docstring."""
        docstring = _get_docstring(stmts) is not None
        self._stmts(stmts)
        if not docstring and _get_docstring(stmts) is not None:
            st = stmts[0]
            js = ast.JoinedStr(values=[st.value])
            js.lineno = st.lineno
            js.col_offset = st.col_offset
            js.end_lineno = st.end_lineno
            js.end_col_offset = st.end_col_offset
            st.value = js

    # -- expressions -------------------------------------------------------

    def _expr(self, e):
        handler = _EXPR_FOLDERS.get(type(e))
        if handler is None:
            return e
        return handler(self, e)

    def _BinOp(self, e):
        e.left = lhs = self._expr(e.left)
        e.right = rhs = self._expr(e.right)
        if type(lhs) is not _Constant or type(rhs) is not _Constant:
            return e
        op = _BINOPS.get(type(e.op))
        if op is None:
            return e
        try:
            value = _fold_value(op, lhs.value, rhs.value)
        except _NoFold:
            return e
        return _make_const(e, value)

    def _UnaryOp(self, e):
        e.operand = arg = self._expr(e.operand)
        if type(arg) is not _Constant:
            # Fold not into comparison.
            if (type(e.op) is ast.Not and type(arg) is ast.Compare
                    and len(arg.ops) == 1):
                inverse = _NOT_CMP.get(type(arg.ops[0]))
                if inverse is not None:
                    arg.ops[0] = inverse()
                    return arg
            return e
        try:
            value = _fold_value(_UNARYOPS[type(e.op)], arg.value)
        except _NoFold:
            return e
        return _make_const(e, value)

    def _BoolOp(self, e):
        self._exprs(e.values)
        return e

    def _Lambda(self, e):
        self._arguments(e.args)
        e.body = self._expr(e.body)
        return e

    def _IfExp(self, e):
        e.test = self._expr(e.test)
        e.body = self._expr(e.body)
        e.orelse = self._expr(e.orelse)
        return e

    def _Dict(self, e):
        self._exprs(e.keys)
        self._exprs(e.values)
        return e

    def _elts(self, e):
        self._exprs(e.elts)
        return e

    def _Tuple(self, e):
        self._exprs(e.elts)
        if type(e.ctx) is not _Load:
            return e
        value = _make_const_tuple(e.elts)
        if value is None:
            return e
        return _make_const(e, value)

    def _comp(self, e):
        e.elt = self._expr(e.elt)
        for g in e.generators:
            self._comprehension(g)
        return e

    def _DictComp(self, e):
        e.key = self._expr(e.key)
        e.value = self._expr(e.value)
        for g in e.generators:
            self._comprehension(g)
        return e

    def _comprehension(self, g):
        g.target = self._expr(g.target)
        g.iter = self._expr(g.iter)
        self._exprs(g.ifs)
        g.iter = self._iter(g.iter)

    def _value(self, e):
        e.value = self._expr(e.value)
        return e

    def _Yield(self, e):
        if e.value is not None:
            e.value = self._expr(e.value)
        return e

    def _Compare(self, e):
        e.left = self._expr(e.left)
        comparators = e.comparators
        self._exprs(comparators)
        # Change a literal list or set in 'in' / 'not in' into a tuple or
        # frozenset.  Only the last operator is looked at.
        if type(e.ops[-1]) in (ast.In, ast.NotIn):
            comparators[-1] = self._iter(comparators[-1])
        return e

    def _Call(self, e):
        e.func = self._expr(e.func)
        self._exprs(e.args)
        for k in e.keywords:
            k.value = self._expr(k.value)
        return e

    def _FormattedValue(self, e):
        e.value = self._expr(e.value)
        spec = e.format_spec
        if spec is not None:
            # A spec is part of its f-string, already shaped with it: fold
            # inside without shaping it as an f-string of its own.
            if type(spec) is ast.JoinedStr:
                self._exprs(spec.values)
            else:
                e.format_spec = self._expr(spec)
        return e

    def _JoinedStr(self, e):
        if self.fstrings is not None:
            self.fstrings.shape(e)
        self._exprs(e.values)
        return e

    def _Subscript(self, e):
        e.value = arg = self._expr(e.value)
        e.slice = idx = self._expr(e.slice)
        if (type(e.ctx) is not _Load or type(arg) is not _Constant
                or type(idx) is not _Constant):
            return e
        try:
            value = _fold_value(lambda v, i: v[i], arg.value, idx.value)
        except _NoFold:
            return e
        return _make_const(e, value)

    def _Slice(self, e):
        if e.lower is not None:
            e.lower = self._expr(e.lower)
        if e.upper is not None:
            e.upper = self._expr(e.upper)
        if e.step is not None:
            e.step = self._expr(e.step)
        return e

    def _Name(self, e):
        if type(e.ctx) is _Load and e.id == "__debug__":
            return _make_const(e, not self.optimize)
        return e

    def _NamedExpr(self, e):
        e.value = self._expr(e.value)
        return e

    def _iter(self, arg):
        """fold_iter: a literal list becomes a tuple, a set of constants a frozenset."""
        t = type(arg)
        if t is ast.List:
            elts = arg.elts
            for e in elts:
                if type(e) is ast.Starred:
                    return arg
            tup = ast.Tuple(elts=elts, ctx=arg.ctx)
            tup.lineno = arg.lineno
            tup.col_offset = arg.col_offset
            tup.end_lineno = arg.end_lineno
            tup.end_col_offset = arg.end_col_offset
            value = _make_const_tuple(elts)
            if value is None:
                return tup
            return _make_const(tup, value)
        if t is ast.Set:
            value = _make_const_tuple(arg.elts)
            if value is None:
                return arg
            try:
                folded = frozenset(value)
            except TypeError:
                return arg
            setorder.remember(folded, setorder.order310(value))
            return _make_const(arg, folded)
        return arg

    # -- arguments -----------------------------------------------------------

    def _arg(self, a):
        if a is not None and self.fold_annotations and a.annotation is not None:
            a.annotation = self._expr(a.annotation)

    def _arguments(self, a):
        for x in a.posonlyargs:
            self._arg(x)
        for x in a.args:
            self._arg(x)
        self._arg(a.vararg)
        for x in a.kwonlyargs:
            self._arg(x)
        self._exprs(a.kw_defaults)
        self._arg(a.kwarg)
        self._exprs(a.defaults)

    # -- statements ----------------------------------------------------------

    def _stmt(self, s):
        handler = _STMT_FOLDERS.get(type(s))
        if handler is not None:
            handler(self, s)

    def _FunctionDef(self, s):
        self._arguments(s.args)
        self._body(s.body)
        self._exprs(s.decorator_list)
        if self.fold_annotations and s.returns is not None:
            s.returns = self._expr(s.returns)

    def _ClassDef(self, s):
        self._exprs(s.bases)
        for k in s.keywords:
            k.value = self._expr(k.value)
        self._body(s.body)
        self._exprs(s.decorator_list)

    def _Return(self, s):
        if s.value is not None:
            s.value = self._expr(s.value)

    def _Delete(self, s):
        self._exprs(s.targets)

    def _Assign(self, s):
        self._exprs(s.targets)
        s.value = self._expr(s.value)

    def _AugAssign(self, s):
        s.target = self._expr(s.target)
        s.value = self._expr(s.value)

    def _AnnAssign(self, s):
        s.target = self._expr(s.target)
        if self.fold_annotations:
            s.annotation = self._expr(s.annotation)
        if s.value is not None:
            s.value = self._expr(s.value)

    def _For(self, s):
        s.target = self._expr(s.target)
        s.iter = self._expr(s.iter)
        self._stmts(s.body)
        self._stmts(s.orelse)
        s.iter = self._iter(s.iter)

    def _AsyncFor(self, s):
        # 3.10 does not turn the iterable of "async for" into a tuple.
        s.target = self._expr(s.target)
        s.iter = self._expr(s.iter)
        self._stmts(s.body)
        self._stmts(s.orelse)

    def _While(self, s):
        s.test = self._expr(s.test)
        self._stmts(s.body)
        self._stmts(s.orelse)

    def _If(self, s):
        s.test = self._expr(s.test)
        self._stmts(s.body)
        self._stmts(s.orelse)

    def _With(self, s):
        for item in s.items:
            item.context_expr = self._expr(item.context_expr)
            if item.optional_vars is not None:
                item.optional_vars = self._expr(item.optional_vars)
        self._stmts(s.body)

    def _Raise(self, s):
        if s.exc is not None:
            s.exc = self._expr(s.exc)
        if s.cause is not None:
            s.cause = self._expr(s.cause)

    def _Try(self, s):
        self._stmts(s.body)
        for h in s.handlers:
            if h.type is not None:
                h.type = self._expr(h.type)
            self._stmts(h.body)
        self._stmts(s.orelse)
        self._stmts(s.finalbody)

    def _Assert(self, s):
        s.test = self._expr(s.test)
        if s.msg is not None:
            s.msg = self._expr(s.msg)

    def _Expr(self, s):
        s.value = self._expr(s.value)

    def _Match(self, s):
        s.subject = self._expr(s.subject)
        for case in s.cases:
            self._pattern(case.pattern)
            if case.guard is not None:
                case.guard = self._expr(case.guard)
            self._stmts(case.body)

    def _pattern(self, p):
        # Only used to form complex and negative numeric constants in
        # MatchValue and MatchMapping, but CPython recurses everywhere.
        t = type(p)
        if t is ast.MatchValue:
            p.value = self._expr(p.value)
        elif t is ast.MatchSequence:
            for q in p.patterns:
                self._pattern(q)
        elif t is ast.MatchMapping:
            self._exprs(p.keys)
            for q in p.patterns:
                self._pattern(q)
        elif t is ast.MatchClass:
            p.cls = self._expr(p.cls)
            for q in p.patterns:
                self._pattern(q)
            for q in p.kwd_patterns:
                self._pattern(q)
        elif t is ast.MatchAs:
            if p.pattern is not None:
                self._pattern(p.pattern)
        elif t is ast.MatchOr:
            for q in p.patterns:
                self._pattern(q)
        # MatchSingleton, MatchStar: nothing to fold.

    # -- modules -------------------------------------------------------------

    def _mod(self, mod):
        t = type(mod)
        if t is ast.Module:
            self._body(mod.body)
        elif t is ast.Interactive:
            self._stmts(mod.body)
        elif t is ast.Expression:
            mod.body = self._expr(mod.body)
        # FunctionType does not take part in constant folding.


_EXPR_FOLDERS = {
    ast.BoolOp: _Optimizer._BoolOp,
    ast.BinOp: _Optimizer._BinOp,
    ast.UnaryOp: _Optimizer._UnaryOp,
    ast.Lambda: _Optimizer._Lambda,
    ast.IfExp: _Optimizer._IfExp,
    ast.Dict: _Optimizer._Dict,
    ast.Set: _Optimizer._elts,
    ast.ListComp: _Optimizer._comp,
    ast.SetComp: _Optimizer._comp,
    ast.DictComp: _Optimizer._DictComp,
    ast.GeneratorExp: _Optimizer._comp,
    ast.Await: _Optimizer._value,
    ast.Yield: _Optimizer._Yield,
    ast.YieldFrom: _Optimizer._value,
    ast.Compare: _Optimizer._Compare,
    ast.Call: _Optimizer._Call,
    ast.FormattedValue: _Optimizer._FormattedValue,
    ast.JoinedStr: _Optimizer._JoinedStr,
    ast.Attribute: _Optimizer._value,
    ast.Subscript: _Optimizer._Subscript,
    ast.Starred: _Optimizer._value,
    ast.Slice: _Optimizer._Slice,
    ast.List: _Optimizer._elts,
    ast.Tuple: _Optimizer._Tuple,
    ast.Name: _Optimizer._Name,
    ast.NamedExpr: _Optimizer._NamedExpr,
    # Constant: already a constant.
}

_STMT_FOLDERS = {
    ast.FunctionDef: _Optimizer._FunctionDef,
    ast.AsyncFunctionDef: _Optimizer._FunctionDef,
    ast.ClassDef: _Optimizer._ClassDef,
    ast.Return: _Optimizer._Return,
    ast.Delete: _Optimizer._Delete,
    ast.Assign: _Optimizer._Assign,
    ast.AugAssign: _Optimizer._AugAssign,
    ast.AnnAssign: _Optimizer._AnnAssign,
    ast.For: _Optimizer._For,
    ast.AsyncFor: _Optimizer._AsyncFor,
    ast.While: _Optimizer._While,
    ast.If: _Optimizer._If,
    ast.With: _Optimizer._With,
    ast.AsyncWith: _Optimizer._With,
    ast.Raise: _Optimizer._Raise,
    ast.Try: _Optimizer._Try,
    ast.Assert: _Optimizer._Assert,
    ast.Expr: _Optimizer._Expr,
    ast.Match: _Optimizer._Match,
    # Import, ImportFrom, Global, Nonlocal, Pass, Break, Continue: nothing.
}
if hasattr(ast, "TryStar"):
    _STMT_FOLDERS[ast.TryStar] = _Optimizer._Try


def optimize_ast(tree, optimize=0, ff_features=None, source=None):
    """_PyAST_Optimize: fold constants in ``tree`` in place and return it.

    ``optimize`` is the -O level (``__debug__`` folds to ``not optimize``);
    ``ff_features`` the module's CO_FUTURE_* flags, computed from the tree
    when None (only CO_FUTURE_ANNOTATIONS matters here).  ``source`` (str or
    bytes), when given, lets a 3.12+ host place f-string format specs exactly
    as 3.10 does (see _FStringShaper); pass it whenever you have it.
    """
    if ff_features is None:
        ff_features = future_features(tree)
    # Folding recurses once per nesting level, as deep as the compiler
    # allows (3x the recursion limit); give the host room for that.
    # Each level costs about two Python frames.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + 2 * 3 * limit + 100)
    try:
        _Optimizer(optimize, ff_features, source)._mod(tree)
    finally:
        sys.setrecursionlimit(limit)
    return tree
