"""Pass 1 of the compiler: the symbol table, mirroring CPython 3.10's Python/symtable.c.

Given the host's ``ast`` tree of a module, this builds one ``SymbolTableEntry``
(CPython's ``PySTEntryObject``) per scope -- module, class, function, lambda,
comprehension -- and decides, for every name, whether it is LOCAL,
GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL, storing the flags exactly as
CPython does (def/use bits low, the scope at ``SCOPE_OFFSET``).  It raises the
SyntaxErrors that CPython 3.10's symtable raises, with the same message and
location, and with ``text`` read from the file the way CPython reads it.

It also holds the ``from __future__`` scan (Python/future.c) and name mangling
(``_Py_Mangle`` from Python/compile.c), which the code generator uses too.

Like CPython it works in two passes: ``SymbolTable._visit_*`` collect raw
def/use facts per block (symtable_visit_*), then ``_analyze_block`` resolves
scopes top-down, passing the set of names bound in enclosing functions to each
child, and collecting free names bottom-up (analyze_block / analyze_name /
analyze_cells / update_symbols).

The host's ast is 3.10's plus later additions: ``TryStar`` (3.11) is treated like
``Try``; type parameters and ``type`` aliases (3.12) are syntax 3.10 does not
know, so they raise SyntaxError("invalid syntax").
"""

import _ast as ast  # (the node classes: ast.py's helpers are not needed, docs/vm.md start-up)
import sys
from sys import _getframe   # bound once: a guest may delete or rebind sys._getframe

# -- Include/symtable.h ---------------------------------------------------

# Flags for def-use information
DEF_GLOBAL = 1               # global stmt
DEF_LOCAL = 2                # assignment in code block
DEF_PARAM = 2 << 1           # formal parameter
DEF_NONLOCAL = 2 << 2        # nonlocal stmt
USE = 2 << 3                 # name is used
DEF_FREE = 2 << 4            # name used but not defined in nested block
DEF_FREE_CLASS = 2 << 5      # free variable from class's method
DEF_IMPORT = 2 << 6          # assignment occurred via import
DEF_ANNOT = 2 << 7           # this name is annotated
DEF_COMP_ITER = 2 << 8       # this name is a comprehension iteration variable

DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT

# GLOBAL_EXPLICIT and GLOBAL_IMPLICIT are used internally by the symbol
# table.  GLOBAL is returned from PyST_GetScope() for either of them.
# It is stored in ste_symbols at bits 12-15.
SCOPE_OFFSET = 11
SCOPE_MASK = DEF_GLOBAL | DEF_LOCAL | DEF_PARAM | DEF_NONLOCAL

LOCAL = 1
GLOBAL_EXPLICIT = 2
GLOBAL_IMPLICIT = 3
FREE = 4
CELL = 5

# _Py_block_ty
FunctionBlock = 0
ClassBlock = 1
ModuleBlock = 2
# Only created under ``from __future__ import annotations``; never a child of
# anything and never analysed, so names used in such annotations vanish.
AnnotationBlock = 3

# _Py_comprehension_ty: the value of ste_comprehension (0 = not one).
NoComprehension = 0
ListComprehension = 1
DictComprehension = 2
SetComprehension = 3
GeneratorExpression = 4

# Historical values of ste_generator (symtable.h before 3.8); in 3.10
# ste_generator is a plain boolean and these are kept for callers that test it.
GENERATOR = 1
GENERATOR_EXPRESSION = 2

# -- Include/code.h / compile.h: future feature flags --------------------

CO_NESTED = 0x0010
CO_FUTURE_DIVISION = 0x20000
CO_FUTURE_ABSOLUTE_IMPORT = 0x40000
CO_FUTURE_WITH_STATEMENT = 0x80000
CO_FUTURE_PRINT_FUNCTION = 0x100000
CO_FUTURE_UNICODE_LITERALS = 0x200000
CO_FUTURE_BARRY_AS_BDFL = 0x400000
CO_FUTURE_GENERATOR_STOP = 0x800000
CO_FUTURE_ANNOTATIONS = 0x1000000

# -- error strings (Python/symtable.c) -----------------------------------

GLOBAL_PARAM = "name '%s' is parameter and global"
NONLOCAL_PARAM = "name '%s' is parameter and nonlocal"
GLOBAL_AFTER_ASSIGN = "name '%s' is assigned to before global declaration"
NONLOCAL_AFTER_ASSIGN = "name '%s' is assigned to before nonlocal declaration"
GLOBAL_AFTER_USE = "name '%s' is used prior to global declaration"
NONLOCAL_AFTER_USE = "name '%s' is used prior to nonlocal declaration"
GLOBAL_ANNOT = "annotated name '%s' can't be global"
NONLOCAL_ANNOT = "annotated name '%s' can't be nonlocal"
IMPORT_STAR_WARNING = "import * only allowed at module level"
NAMED_EXPR_COMP_IN_CLASS = \
    "assignment expression within a comprehension cannot be used in a class body"
NAMED_EXPR_COMP_CONFLICT = \
    "assignment expression cannot rebind comprehension iteration variable '%s'"
NAMED_EXPR_COMP_INNER_LOOP_CONFLICT = \
    "comprehension inner loop cannot rebind assignment expression target '%s'"
NAMED_EXPR_COMP_ITER_EXPR = \
    "assignment expression cannot be used in a comprehension iterable expression"
ANNOTATION_NOT_ALLOWED = "'%s' can not be used within an annotation"
DUPLICATE_ARGUMENT = "duplicate argument '%s' in function definition"

# CPython scales the recursion limit for the compiler (symtable.c).
COMPILER_STACK_FRAME_SCALE = 3


# -- errors with CPython's location and text -------------------------------

def program_text(filename, lineno):
    """The source line ``lineno`` of ``filename`` as CPython's err_programtext reads it.

    CPython (Python/errors.c) reopens the file by name, reads it with fgets into
    a 1000-byte buffer, and keeps the last chunk of the wanted line (with its
    newline), decoded as UTF-8; when the file cannot be read, or the decode
    fails, ``text`` stays None.  Compiling a string named "<string>" therefore
    gives no text, and a real file gives the line as it is on disk.
    """
    if filename is None or lineno is None or lineno <= 0:
        return None
    try:
        with open(filename, "rb") as f:
            data = f.read()
    except (OSError, TypeError, ValueError):
        return None
    # Py_UniversalNewlineFgets: \r\n and \r become \n.
    if b"\r" in data:
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    lines = data.split(b"\n")
    if lineno > len(lines):
        return None
    line = lines[lineno - 1]
    has_newline = lineno < len(lines)
    if has_newline:
        line += b"\n"
    elif not line:
        return None         # fgets hit EOF: the line does not exist
    # fgets(buf, 1000) reads at most 999 bytes; a full chunk not ending in a
    # newline makes CPython read the next chunk over the same buffer.
    chunk = 999
    while len(line) >= chunk and line[chunk - 1:chunk] != b"\n":
        rest = line[chunk:]
        if not rest:
            # The line fills the buffer exactly and the file ends: fgets
            # returns NULL and CPython gives no text.
            return None
        line = rest
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return None


def syntax_error(msg, filename, lineno, offset, end_lineno=None, end_offset=None):
    """A SyntaxError as PyErr_RangedSyntaxLocationObject leaves it.

    ``args`` is just ``(msg,)``; the location lives in the attributes, and
    ``text`` is read back from the file (see ``program_text``).  ``offset`` and
    ``end_offset`` are 1-based byte offsets, as CPython 3.10 reports them.
    """
    err = SyntaxError(msg)
    err.filename = filename
    err.lineno = lineno
    err.offset = offset
    err.text = program_text(filename, lineno)
    err.end_lineno = end_lineno
    err.end_offset = end_offset
    return err


# -- name mangling (compile.c _Py_Mangle) ------------------------------------

def mangle(privateobj, name):
    """``__spam`` inside class ``Ham`` becomes ``_Ham__spam`` (_Py_Mangle).

    Names not starting with two underscores, dunder names, dotted names, and
    names inside a class called only with underscores are left alone.
    """
    if privateobj is None or not name.startswith("__"):
        return name
    if name.endswith("__") or "." in name:
        return name
    stripped = privateobj.lstrip("_")
    if not stripped:
        return name
    return "_" + stripped + name


# -- future.c ---------------------------------------------------------------

class FutureFeatures:
    """PyFutureFeatures: the flags of the future statements and the last one's line."""

    __slots__ = ("ff_features", "ff_lineno")

    def __init__(self, ff_features=0, ff_lineno=-1):
        self.ff_features = ff_features
        self.ff_lineno = ff_lineno

    def __repr__(self):
        return "FutureFeatures(ff_features=%#x, ff_lineno=%d)" % (self.ff_features,
                                                                 self.ff_lineno)


_FUTURE_NOOPS = frozenset(("nested_scopes", "generators", "division", "absolute_import",
                           "with_statement", "print_function", "unicode_literals",
                           "generator_stop"))


def _get_docstring(body):
    """_PyAST_GetDocString: the first statement is an expression of a str constant."""
    if not body:
        return None
    st = body[0]
    if type(st) is not ast.Expr:
        return None
    e = st.value
    if type(e) is ast.Constant and isinstance(e.value, str):
        return e.value
    return None


def _future_check_features(ff, s, filename):
    for alias in s.names:
        feature = alias.name
        if feature in _FUTURE_NOOPS:
            continue
        if feature == "barry_as_FLUFL":
            ff.ff_features |= CO_FUTURE_BARRY_AS_BDFL
        elif feature == "annotations":
            ff.ff_features |= CO_FUTURE_ANNOTATIONS
        elif feature == "braces":
            raise syntax_error("not a chance", filename, s.lineno, s.col_offset + 1,
                               s.lineno, None)
        else:
            raise syntax_error("future feature %s is not defined" % feature, filename,
                               s.lineno, s.col_offset + 1, s.lineno, None)


def future_from_ast(mod, filename="<unknown>"):
    """_PyFuture_FromAST: the future features a module turns on, as ``FutureFeatures``.

    Like future.c this only looks at the leading future statements (after an
    optional docstring).  The one misplaced future import it reports is one
    that shares a line with an earlier non-future statement
    (``import os; from __future__ import x``), with CPython 3.10's offset (the
    column, not the column + 1).  Every other late ``from __future__`` import
    is the code generator's error (compiler_from_import compares the
    statement's line with ``ff_lineno``).
    """
    ff = FutureFeatures()
    if type(mod) not in (ast.Module, ast.Interactive):
        return ff
    body = mod.body
    if not body:
        return ff
    done = False
    prev_line = 0
    i = 1 if _get_docstring(body) is not None else 0
    for s in body[i:]:
        if done and s.lineno > prev_line:
            return ff
        prev_line = s.lineno
        if type(s) is ast.ImportFrom and s.module == "__future__":
            if done:
                raise syntax_error(
                    "from __future__ imports must occur at the beginning of the file",
                    filename, s.lineno, s.col_offset, s.lineno, None)
            _future_check_features(ff, s, filename)
            ff.ff_lineno = s.lineno
        else:
            done = True
    return ff


def future_features(mod, filename="<unknown>"):
    """The future flags (CO_FUTURE_*) of a module: ``future_from_ast(...).ff_features``."""
    return future_from_ast(mod, filename).ff_features


# -- the symbol table entry ---------------------------------------------------

class SymbolTableEntry:
    """PySTEntryObject: the facts about one block (module, class, function...).

    ``ste_id`` is the ast node that opened the block (the key of
    ``SymbolTable.lookup``); ``ste_symbols`` maps each (mangled) name to its
    flags, with the scope at ``SCOPE_OFFSET`` once the analysis has run.
    """

    __slots__ = ("ste_table", "ste_id", "ste_symbols", "ste_name", "ste_varnames",
                 "ste_children", "ste_directives", "ste_type", "ste_nested",
                 "ste_free", "ste_child_free", "ste_generator", "ste_coroutine",
                 "ste_comprehension", "ste_varargs", "ste_varkeywords",
                 "ste_returns_value", "ste_needs_class_closure",
                 "ste_comp_iter_target", "ste_comp_iter_expr", "ste_lineno",
                 "ste_col_offset", "ste_end_lineno", "ste_end_col_offset",
                 "ste_opt_lineno", "ste_opt_col_offset")

    def __init__(self, table, name, block, key, lineno, col_offset, end_lineno,
                 end_col_offset):
        self.ste_table = table
        self.ste_id = key
        self.ste_name = name
        self.ste_symbols = {}
        self.ste_varnames = []
        self.ste_children = []
        self.ste_directives = None
        self.ste_type = block
        cur = table.st_cur
        self.ste_nested = 1 if (cur is not None and
                                (cur.ste_nested or cur.ste_type == FunctionBlock)) else 0
        self.ste_free = 0
        self.ste_child_free = 0
        self.ste_generator = 0
        self.ste_coroutine = 0
        self.ste_comprehension = NoComprehension
        self.ste_varargs = 0
        self.ste_varkeywords = 0
        self.ste_returns_value = 0
        self.ste_needs_class_closure = 0
        self.ste_comp_iter_target = 0
        self.ste_comp_iter_expr = 0
        self.ste_lineno = lineno
        self.ste_col_offset = col_offset
        self.ste_end_lineno = end_lineno
        self.ste_end_col_offset = end_col_offset
        self.ste_opt_lineno = 0
        self.ste_opt_col_offset = 0

    # The names of the ``symtable`` module's view of an entry (ste_memberlist).
    @property
    def name(self):
        return self.ste_name

    @property
    def symbols(self):
        return self.ste_symbols

    @property
    def varnames(self):
        return self.ste_varnames

    @property
    def children(self):
        return self.ste_children

    @property
    def type(self):
        return self.ste_type

    @property
    def lineno(self):
        return self.ste_lineno

    @property
    def nested(self):
        return self.ste_nested

    def __repr__(self):
        return "<symtable entry %s(%#x), line %d>" % (self.ste_name, id(self.ste_id),
                                                     self.ste_lineno)


def get_scope(ste, name):
    """_PyST_GetScope: LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE, CELL or 0."""
    return (ste.ste_symbols.get(name, 0) >> SCOPE_OFFSET) & SCOPE_MASK


def get_symbol(ste, name):
    """_PyST_GetSymbol: the raw flags of ``name`` in ``ste`` (0 when absent)."""
    return ste.ste_symbols.get(name, 0)


# -- the symbol table ---------------------------------------------------------

class _Loc:
    """A location for errors raised on behalf of a block (ST_LOCATION)."""

    __slots__ = ("lineno", "col_offset", "end_lineno", "end_col_offset")

    def __init__(self, ste):
        self.lineno = ste.ste_lineno
        self.col_offset = ste.ste_col_offset
        self.end_lineno = ste.ste_end_lineno
        self.end_col_offset = ste.ste_end_col_offset


class SymbolTable:
    """struct symtable: every block of one module, and the state of pass 1.

    Build one with ``build_symtable``; ``lookup(node)`` gives the entry of the
    block a FunctionDef, AsyncFunctionDef, ClassDef, Lambda, comprehension or
    module node opened.
    """

    def __init__(self, filename, future):
        self.st_filename = filename
        self.st_future = future          # CO_FUTURE_* flags
        self.st_blocks = {}              # id(ast node) -> SymbolTableEntry
        self.st_stack = []               # the blocks being visited
        self.st_cur = None               # the current block
        self.st_top = None               # the module block
        self.st_global = None            # the module block's symbols
        self.st_private = None           # name of the current class, or None
        self.recursion_depth = 0
        self.recursion_limit = 0

    def lookup(self, node):
        """PySymtable_Lookup: the entry for the block ``node`` opened."""
        try:
            return self.st_blocks[id(node)]
        except KeyError:
            raise KeyError("unknown symbol table entry") from None

    # -- errors ----------------------------------------------------------

    def _error_at(self, msg, loc):
        return syntax_error(msg, self.st_filename, loc.lineno, loc.col_offset + 1,
                            loc.end_lineno, loc.end_col_offset + 1)

    def _error_at_directive(self, msg, ste, name):
        for data in ste.ste_directives or ():
            if data[0] == name:
                return syntax_error(msg, self.st_filename, data[1], data[2] + 1,
                                    data[3], data[4] + 1)
        return RuntimeError("BUG: internal directive bookkeeping broken")

    def _unsupported(self, node):
        # Syntax from after 3.10 (type parameters, type aliases): 3.10 cannot
        # parse it, so neither can its compiler.
        return self._error_at("invalid syntax", node)

    # -- blocks ----------------------------------------------------------

    def _enter_block(self, name, block, key, loc):
        ste = SymbolTableEntry(self, name, block, key, loc.lineno, loc.col_offset,
                               loc.end_lineno, loc.end_col_offset)
        self.st_blocks[id(key)] = ste
        self.st_stack.append(ste)
        prev = self.st_cur
        # bpo-37757: for now, disallow *all* assignment expressions in the
        # outermost iterator expression of a comprehension, even those inside
        # a nested comprehension or a lambda expression.
        if prev is not None:
            ste.ste_comp_iter_expr = prev.ste_comp_iter_expr
        self.st_cur = ste
        # Annotation blocks only exist to catch what may not appear in a
        # stringified annotation; they are nobody's child.
        if block == AnnotationBlock:
            return ste
        if block == ModuleBlock:
            self.st_global = ste.ste_symbols
        if prev is not None:
            prev.ste_children.append(ste)
        return ste

    def _exit_block(self):
        stack = self.st_stack
        stack.pop()
        self.st_cur = stack[-1] if stack else None

    # -- definitions -----------------------------------------------------

    def _lookup(self, name):
        """symtable_lookup: the flags of ``name`` (mangled) in the current block."""
        return self.st_cur.ste_symbols.get(mangle(self.st_private, name), 0)

    def _add_def_helper(self, name, flag, ste, loc):
        private = self.st_private
        if private is not None and name.startswith("__"):
            mangled = mangle(private, name)
        else:
            mangled = name
        symbols = ste.ste_symbols
        val = symbols.get(mangled)
        if val is not None:
            if (flag & DEF_PARAM) and (val & DEF_PARAM):
                # CPython reports the name as written, not the mangled one.
                raise self._error_at(DUPLICATE_ARGUMENT % name, loc)
            val |= flag
        else:
            val = flag
        if ste.ste_comp_iter_target:
            # This name is an iteration variable in a comprehension, so check
            # for a binding conflict with any named expressions.  Otherwise
            # mark it as an iteration variable so subsequent named
            # expressions can check for conflicts.
            if val & (DEF_GLOBAL | DEF_NONLOCAL):
                raise self._error_at(NAMED_EXPR_COMP_INNER_LOOP_CONFLICT % name, loc)
            val |= DEF_COMP_ITER
        symbols[mangled] = val
        if flag & DEF_PARAM:
            ste.ste_varnames.append(mangled)
        elif flag & DEF_GLOBAL:
            # XXX (CPython's) need to update DEF_GLOBAL for other flags too;
            # perhaps only DEF_FREE_GLOBAL
            glob = self.st_global
            glob[mangled] = flag | glob.get(mangled, 0)

    def _add_def(self, name, flag, loc):
        self._add_def_helper(name, flag, self.st_cur, loc)

    def _record_directive(self, name, loc):
        cur = self.st_cur
        if cur.ste_directives is None:
            cur.ste_directives = []
        cur.ste_directives.append((mangle(self.st_private, name), loc.lineno,
                                   loc.col_offset, loc.end_lineno, loc.end_col_offset))

    # -- pass 1: statements ----------------------------------------------

    def _enter_recursion(self):
        self.recursion_depth += 1
        if self.recursion_depth > self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded during compilation")

    def _visit_stmt(self, s):
        self.recursion_depth += 1
        if self.recursion_depth > self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded during compilation")
        handler = _STMT_VISITORS.get(type(s))
        if handler is None:
            raise self._unsupported(s)
        handler(self, s)
        self.recursion_depth -= 1

    def _visit_stmts(self, body):
        visit = self._visit_stmt
        for s in body:
            visit(s)

    def _visit_FunctionDef(self, s):
        if getattr(s, "type_params", None):
            raise self._unsupported(s.type_params[0])
        self._add_def(s.name, DEF_LOCAL, s)
        args = s.args
        visit = self._visit_expr
        for d in args.defaults:
            visit(d)
        for d in args.kw_defaults:
            if d is not None:
                visit(d)
        self._visit_annotations(s, args, s.returns)
        for d in s.decorator_list:
            visit(d)
        self._enter_block(s.name, FunctionBlock, s, s)
        if type(s) is ast.AsyncFunctionDef:
            self.st_cur.ste_coroutine = 1
        self._visit_arguments(args)
        self._visit_stmts(s.body)
        self._exit_block()

    def _visit_ClassDef(self, s):
        if getattr(s, "type_params", None):
            raise self._unsupported(s.type_params[0])
        self._add_def(s.name, DEF_LOCAL, s)
        visit = self._visit_expr
        for b in s.bases:
            visit(b)
        for k in s.keywords:
            visit(k.value)
        for d in s.decorator_list:
            visit(d)
        self._enter_block(s.name, ClassBlock, s, s)
        tmp = self.st_private
        self.st_private = s.name
        self._visit_stmts(s.body)
        self.st_private = tmp
        self._exit_block()

    def _visit_Return(self, s):
        if s.value is not None:
            self._visit_expr(s.value)
            self.st_cur.ste_returns_value = 1

    def _visit_Delete(self, s):
        for t in s.targets:
            self._visit_expr(t)

    def _visit_Assign(self, s):
        visit = self._visit_expr
        for t in s.targets:
            visit(t)
        visit(s.value)

    def _visit_AnnAssign(self, s):
        target = s.target
        if type(target) is ast.Name:
            cur = self._lookup(target.id)
            if ((cur & (DEF_GLOBAL | DEF_NONLOCAL))
                    and self.st_cur.ste_symbols is not self.st_global
                    and s.simple):
                msg = GLOBAL_ANNOT if cur & DEF_GLOBAL else NONLOCAL_ANNOT
                raise self._error_at(msg % target.id, s)
            if s.simple:
                self._add_def(target.id, DEF_ANNOT | DEF_LOCAL, target)
            # CPython falls into its "else" after a successful simple add_def
            # too; the extra DEF_LOCAL is then a no-op.
            if s.value is not None:
                self._add_def(target.id, DEF_LOCAL, target)
        else:
            self._visit_expr(target)
        self._visit_annotation(s.annotation)
        if s.value is not None:
            self._visit_expr(s.value)

    def _visit_AugAssign(self, s):
        self._visit_expr(s.target)
        self._visit_expr(s.value)

    def _visit_For(self, s):
        self._visit_expr(s.target)
        self._visit_expr(s.iter)
        self._visit_stmts(s.body)
        self._visit_stmts(s.orelse)

    def _visit_While(self, s):
        self._visit_expr(s.test)
        self._visit_stmts(s.body)
        self._visit_stmts(s.orelse)

    def _visit_If(self, s):
        self._visit_expr(s.test)
        self._visit_stmts(s.body)
        self._visit_stmts(s.orelse)

    def _visit_Match(self, s):
        self._visit_expr(s.subject)
        for m in s.cases:
            self._visit_pattern(m.pattern)
            if m.guard is not None:
                self._visit_expr(m.guard)
            self._visit_stmts(m.body)

    def _visit_Raise(self, s):
        if s.exc is not None:
            self._visit_expr(s.exc)
            if s.cause is not None:
                self._visit_expr(s.cause)

    def _visit_Try(self, s):
        # CPython's order: body, else, handlers, finally.
        self._visit_stmts(s.body)
        self._visit_stmts(s.orelse)
        for eh in s.handlers:
            if eh.type is not None:
                self._visit_expr(eh.type)
            if eh.name is not None:
                self._add_def(eh.name, DEF_LOCAL, eh)
            self._visit_stmts(eh.body)
        self._visit_stmts(s.finalbody)

    def _visit_Assert(self, s):
        self._visit_expr(s.test)
        if s.msg is not None:
            self._visit_expr(s.msg)

    def _visit_Import(self, s):
        for a in s.names:
            self._visit_alias(a, DEF_IMPORT)

    def _visit_alias(self, a, flags):
        # store_name is the name actually bound by the import: the first
        # component of a dotted module name.
        name = a.asname if a.asname is not None else a.name
        if name != "*":
            dot = name.find(".")
            store_name = name[:dot] if dot != -1 else name
            self._add_def(store_name, flags, a)
        elif self.st_cur.ste_type != ModuleBlock:
            raise self._error_at(IMPORT_STAR_WARNING, a)

    def _visit_Global(self, s):
        for name in s.names:
            cur = self._lookup(name)
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur & DEF_PARAM:
                    msg = GLOBAL_PARAM
                elif cur & USE:
                    msg = GLOBAL_AFTER_USE
                elif cur & DEF_ANNOT:
                    msg = GLOBAL_ANNOT
                else:
                    msg = GLOBAL_AFTER_ASSIGN
                raise self._error_at(msg % name, s)
            self._add_def(name, DEF_GLOBAL, s)
            self._record_directive(name, s)

    def _visit_Nonlocal(self, s):
        for name in s.names:
            cur = self._lookup(name)
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur & DEF_PARAM:
                    msg = NONLOCAL_PARAM
                elif cur & USE:
                    msg = NONLOCAL_AFTER_USE
                elif cur & DEF_ANNOT:
                    msg = NONLOCAL_ANNOT
                else:
                    msg = NONLOCAL_AFTER_ASSIGN
                raise self._error_at(msg % name, s)
            self._add_def(name, DEF_NONLOCAL, s)
            self._record_directive(name, s)

    def _visit_Expr(self, s):
        self._visit_expr(s.value)

    def _visit_nothing(self, s):
        pass

    def _visit_With(self, s):
        for item in s.items:
            self._visit_expr(item.context_expr)
            if item.optional_vars is not None:
                self._visit_expr(item.optional_vars)
        self._visit_stmts(s.body)

    # -- annotations and arguments ---------------------------------------

    def _visit_annotation(self, annotation):
        future_annotations = self.st_future & CO_FUTURE_ANNOTATIONS
        if future_annotations:
            self._enter_block("_annotation", AnnotationBlock, annotation, annotation)
        self._visit_expr(annotation)
        if future_annotations:
            self._exit_block()

    def _visit_annotations(self, s, a, returns):
        future_annotations = self.st_future & CO_FUTURE_ANNOTATIONS
        if future_annotations:
            self._enter_block("_annotation", AnnotationBlock, s, s)
        visit = self._visit_expr
        for arg in a.posonlyargs:
            if arg.annotation is not None:
                visit(arg.annotation)
        for arg in a.args:
            if arg.annotation is not None:
                visit(arg.annotation)
        if a.vararg is not None and a.vararg.annotation is not None:
            visit(a.vararg.annotation)
        if a.kwarg is not None and a.kwarg.annotation is not None:
            visit(a.kwarg.annotation)
        for arg in a.kwonlyargs:
            if arg.annotation is not None:
                visit(arg.annotation)
        if future_annotations:
            self._exit_block()
        if returns is not None:
            self._visit_annotation(returns)

    def _visit_arguments(self, a):
        # Defaults were visited in the enclosing block; only the names here.
        add_def = self._add_def
        for arg in a.posonlyargs:
            add_def(arg.arg, DEF_PARAM, arg)
        for arg in a.args:
            add_def(arg.arg, DEF_PARAM, arg)
        for arg in a.kwonlyargs:
            add_def(arg.arg, DEF_PARAM, arg)
        if a.vararg is not None:
            add_def(a.vararg.arg, DEF_PARAM, a.vararg)
            self.st_cur.ste_varargs = 1
        if a.kwarg is not None:
            add_def(a.kwarg.arg, DEF_PARAM, a.kwarg)
            self.st_cur.ste_varkeywords = 1

    # -- pass 1: expressions ---------------------------------------------

    def _visit_expr(self, e):
        self.recursion_depth += 1
        if self.recursion_depth > self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded during compilation")
        if type(e) is ast.Name:
            # The hot case, inlined.
            if type(e.ctx) is ast.Load:
                self._add_def(e.id, USE, e)
                # Special-case super: it counts as a use of __class__.
                if e.id == "super" and self.st_cur.ste_type == FunctionBlock:
                    self._add_def("__class__", USE, e)
            else:
                self._add_def(e.id, DEF_LOCAL, e)
        else:
            handler = _EXPR_VISITORS.get(type(e))
            if handler is None:
                raise self._unsupported(e)
            handler(self, e)
        self.recursion_depth -= 1

    def _raise_if_annotation_block(self, name, e):
        if self.st_cur.ste_type == AnnotationBlock:
            raise self._error_at(ANNOTATION_NOT_ALLOWED % name, e)

    def _raise_if_comprehension_block(self, e):
        kind = self.st_cur.ste_comprehension
        if kind:
            msg = ("'yield' inside list comprehension" if kind == ListComprehension else
                   "'yield' inside set comprehension" if kind == SetComprehension else
                   "'yield' inside dict comprehension" if kind == DictComprehension else
                   "'yield' inside generator expression")
            raise self._error_at(msg, e)

    def _visit_NamedExpr(self, e):
        self._raise_if_annotation_block("named expression", e)
        cur = self.st_cur
        if cur.ste_comp_iter_expr > 0:
            # Assignment isn't allowed in a comprehension iterable expression.
            raise self._error_at(NAMED_EXPR_COMP_ITER_EXPR, e)
        if cur.ste_comprehension:
            # Inside a comprehension body, so find the right target scope.
            self._extend_namedexpr_scope(e.target)
        self._visit_expr(e.value)
        self._visit_expr(e.target)

    def _extend_namedexpr_scope(self, e):
        target_name = e.id
        # Iterate over the stack in reverse and add to the nearest adequate
        # scope.
        for ste in reversed(self.st_stack):
            # A comprehension: check for a conflict with its iteration
            # variables, otherwise skip it.
            if ste.ste_comprehension:
                if ste.ste_symbols.get(target_name, 0) & DEF_COMP_ITER:
                    raise self._error_at(NAMED_EXPR_COMP_CONFLICT % target_name, e)
                continue
            if ste.ste_type == FunctionBlock:
                # Add as GLOBAL/LOCAL or NONLOCAL/LOCAL.
                if ste.ste_symbols.get(target_name, 0) & DEF_GLOBAL:
                    self._add_def(target_name, DEF_GLOBAL, e)
                else:
                    self._add_def(target_name, DEF_NONLOCAL, e)
                self._record_directive(target_name, e)
                self._add_def_helper(target_name, DEF_LOCAL, ste, e)
                return
            if ste.ste_type == ModuleBlock:
                self._add_def(target_name, DEF_GLOBAL, e)
                self._record_directive(target_name, e)
                self._add_def_helper(target_name, DEF_GLOBAL, ste, e)
                return
            if ste.ste_type == ClassBlock:
                raise self._error_at(NAMED_EXPR_COMP_IN_CLASS, e)
        raise RuntimeError("BUG: no scope found for a named expression")

    def _visit_BoolOp(self, e):
        for v in e.values:
            self._visit_expr(v)

    def _visit_BinOp(self, e):
        self._visit_expr(e.left)
        self._visit_expr(e.right)

    def _visit_UnaryOp(self, e):
        self._visit_expr(e.operand)

    def _visit_Lambda(self, e):
        args = e.args
        visit = self._visit_expr
        for d in args.defaults:
            visit(d)
        for d in args.kw_defaults:
            if d is not None:
                visit(d)
        self._enter_block("lambda", FunctionBlock, e, e)
        self._visit_arguments(args)
        visit(e.body)
        self._exit_block()

    def _visit_IfExp(self, e):
        self._visit_expr(e.test)
        self._visit_expr(e.body)
        self._visit_expr(e.orelse)

    def _visit_Dict(self, e):
        visit = self._visit_expr
        for k in e.keys:
            if k is not None:
                visit(k)
        for v in e.values:
            visit(v)

    def _visit_elts(self, e):
        visit = self._visit_expr
        for v in e.elts:
            visit(v)

    def _visit_GeneratorExp(self, e):
        self._handle_comprehension(e, "genexpr", GeneratorExpression, e.generators,
                                   e.elt, None)

    def _visit_ListComp(self, e):
        self._handle_comprehension(e, "listcomp", ListComprehension, e.generators,
                                   e.elt, None)

    def _visit_SetComp(self, e):
        self._handle_comprehension(e, "setcomp", SetComprehension, e.generators,
                                   e.elt, None)

    def _visit_DictComp(self, e):
        self._handle_comprehension(e, "dictcomp", DictComprehension, e.generators,
                                   e.key, e.value)

    def _handle_comprehension(self, e, scope_name, kind, generators, elt, value):
        outermost = generators[0]
        # Outermost iterator is evaluated in the current scope.
        cur = self.st_cur
        cur.ste_comp_iter_expr += 1
        self._visit_expr(outermost.iter)
        cur.ste_comp_iter_expr -= 1
        # Create comprehension scope for the rest.
        ste = self._enter_block(scope_name, FunctionBlock, e, e)
        if outermost.is_async:
            ste.ste_coroutine = 1
        ste.ste_comprehension = kind
        # Outermost iter is received as an argument.
        self._add_def(".0", DEF_PARAM, _Loc(ste))
        # Visit iteration variable target, and mark them as such.
        ste.ste_comp_iter_target = 1
        self._visit_expr(outermost.target)
        ste.ste_comp_iter_target = 0
        # Visit the rest of the comprehension body.
        visit = self._visit_expr
        for cond in outermost.ifs:
            visit(cond)
        for lc in generators[1:]:
            self._visit_comprehension(lc)
        if value is not None:
            visit(value)
        visit(elt)
        ste.ste_generator = 1 if kind == GeneratorExpression else 0
        self._exit_block()

    def _visit_comprehension(self, lc):
        cur = self.st_cur
        cur.ste_comp_iter_target = 1
        self._visit_expr(lc.target)
        cur.ste_comp_iter_target = 0
        cur.ste_comp_iter_expr += 1
        self._visit_expr(lc.iter)
        cur.ste_comp_iter_expr -= 1
        for cond in lc.ifs:
            self._visit_expr(cond)
        if lc.is_async:
            cur.ste_coroutine = 1

    def _visit_Yield(self, e):
        self._raise_if_annotation_block("yield expression", e)
        self._raise_if_comprehension_block(e)
        if e.value is not None:
            self._visit_expr(e.value)
        self.st_cur.ste_generator = 1

    def _visit_YieldFrom(self, e):
        self._raise_if_annotation_block("yield expression", e)
        self._raise_if_comprehension_block(e)
        self._visit_expr(e.value)
        self.st_cur.ste_generator = 1

    def _visit_Await(self, e):
        self._raise_if_annotation_block("await expression", e)
        self._visit_expr(e.value)
        self.st_cur.ste_coroutine = 1

    def _visit_Compare(self, e):
        self._visit_expr(e.left)
        for c in e.comparators:
            self._visit_expr(c)

    def _visit_Call(self, e):
        visit = self._visit_expr
        visit(e.func)
        for a in e.args:
            visit(a)
        for k in e.keywords:
            visit(k.value)

    def _visit_FormattedValue(self, e):
        self._visit_expr(e.value)
        if e.format_spec is not None:
            self._visit_expr(e.format_spec)

    def _visit_JoinedStr(self, e):
        for v in e.values:
            self._visit_expr(v)

    def _visit_Constant(self, e):
        pass

    def _visit_Attribute(self, e):
        self._visit_expr(e.value)

    def _visit_Subscript(self, e):
        self._visit_expr(e.value)
        self._visit_expr(e.slice)

    def _visit_Starred(self, e):
        self._visit_expr(e.value)

    def _visit_Slice(self, e):
        if e.lower is not None:
            self._visit_expr(e.lower)
        if e.upper is not None:
            self._visit_expr(e.upper)
        if e.step is not None:
            self._visit_expr(e.step)

    # -- pass 1: patterns ------------------------------------------------

    def _visit_pattern(self, p):
        self.recursion_depth += 1
        if self.recursion_depth > self.recursion_limit:
            raise RecursionError("maximum recursion depth exceeded during compilation")
        t = type(p)
        if t is ast.MatchValue:
            self._visit_expr(p.value)
        elif t is ast.MatchSingleton:
            pass
        elif t is ast.MatchSequence:
            for q in p.patterns:
                self._visit_pattern(q)
        elif t is ast.MatchStar:
            if p.name is not None:
                self._add_def(p.name, DEF_LOCAL, p)
        elif t is ast.MatchMapping:
            for k in p.keys:
                self._visit_expr(k)
            for q in p.patterns:
                self._visit_pattern(q)
            if p.rest is not None:
                self._add_def(p.rest, DEF_LOCAL, p)
        elif t is ast.MatchClass:
            self._visit_expr(p.cls)
            for q in p.patterns:
                self._visit_pattern(q)
            for q in p.kwd_patterns:
                self._visit_pattern(q)
        elif t is ast.MatchAs:
            if p.pattern is not None:
                self._visit_pattern(p.pattern)
            if p.name is not None:
                self._add_def(p.name, DEF_LOCAL, p)
        elif t is ast.MatchOr:
            for q in p.patterns:
                self._visit_pattern(q)
        else:
            raise self._unsupported(p)
        self.recursion_depth -= 1

    # -- pass 2: analysis ------------------------------------------------

    def _analyze(self):
        _analyze_block(self, self.st_top, None, set(), set())


# Dispatch tables: ast class -> visitor.  Built once; unknown classes (syntax
# newer than 3.10) are refused by _visit_stmt / _visit_expr.
_STMT_VISITORS = {
    ast.FunctionDef: SymbolTable._visit_FunctionDef,
    ast.AsyncFunctionDef: SymbolTable._visit_FunctionDef,
    ast.ClassDef: SymbolTable._visit_ClassDef,
    ast.Return: SymbolTable._visit_Return,
    ast.Delete: SymbolTable._visit_Delete,
    ast.Assign: SymbolTable._visit_Assign,
    ast.AnnAssign: SymbolTable._visit_AnnAssign,
    ast.AugAssign: SymbolTable._visit_AugAssign,
    ast.For: SymbolTable._visit_For,
    ast.AsyncFor: SymbolTable._visit_For,
    ast.While: SymbolTable._visit_While,
    ast.If: SymbolTable._visit_If,
    ast.Match: SymbolTable._visit_Match,
    ast.Raise: SymbolTable._visit_Raise,
    ast.Try: SymbolTable._visit_Try,
    ast.Assert: SymbolTable._visit_Assert,
    ast.Import: SymbolTable._visit_Import,
    ast.ImportFrom: SymbolTable._visit_Import,
    ast.Global: SymbolTable._visit_Global,
    ast.Nonlocal: SymbolTable._visit_Nonlocal,
    ast.Expr: SymbolTable._visit_Expr,
    ast.Pass: SymbolTable._visit_nothing,
    ast.Break: SymbolTable._visit_nothing,
    ast.Continue: SymbolTable._visit_nothing,
    ast.With: SymbolTable._visit_With,
    ast.AsyncWith: SymbolTable._visit_With,
}
if hasattr(ast, "TryStar"):
    # except* (3.11): the same scoping as try/except.
    _STMT_VISITORS[ast.TryStar] = SymbolTable._visit_Try

_EXPR_VISITORS = {
    ast.NamedExpr: SymbolTable._visit_NamedExpr,
    ast.BoolOp: SymbolTable._visit_BoolOp,
    ast.BinOp: SymbolTable._visit_BinOp,
    ast.UnaryOp: SymbolTable._visit_UnaryOp,
    ast.Lambda: SymbolTable._visit_Lambda,
    ast.IfExp: SymbolTable._visit_IfExp,
    ast.Dict: SymbolTable._visit_Dict,
    ast.Set: SymbolTable._visit_elts,
    ast.GeneratorExp: SymbolTable._visit_GeneratorExp,
    ast.ListComp: SymbolTable._visit_ListComp,
    ast.SetComp: SymbolTable._visit_SetComp,
    ast.DictComp: SymbolTable._visit_DictComp,
    ast.Yield: SymbolTable._visit_Yield,
    ast.YieldFrom: SymbolTable._visit_YieldFrom,
    ast.Await: SymbolTable._visit_Await,
    ast.Compare: SymbolTable._visit_Compare,
    ast.Call: SymbolTable._visit_Call,
    ast.FormattedValue: SymbolTable._visit_FormattedValue,
    ast.JoinedStr: SymbolTable._visit_JoinedStr,
    ast.Constant: SymbolTable._visit_Constant,
    ast.Attribute: SymbolTable._visit_Attribute,
    ast.Subscript: SymbolTable._visit_Subscript,
    ast.Starred: SymbolTable._visit_Starred,
    ast.Slice: SymbolTable._visit_Slice,
    ast.List: SymbolTable._visit_elts,
    ast.Tuple: SymbolTable._visit_elts,
}


# -- pass 2 (analyze_block and friends) ----------------------------------------
#
# During analysis, the names are:
#   symbols: dict mapping symbol names to flag values (including offset scope)
#   scopes:  dict mapping symbol names to scope values (no offset)
#   local:   set of all symbol names local to the current scope
#   bound:   set of all symbol names local to a containing function scope
#   free:    set of all symbol names referenced but not bound in child scopes
#   global:  set of all symbol names explicitly declared as global

def _analyze_name(st, ste, scopes, name, flags, bound, local, free, global_):
    """Decide the scope of ``name`` from its flags (analyze_name)."""
    if flags & DEF_GLOBAL:
        if flags & DEF_NONLOCAL:
            raise st._error_at_directive("name '%s' is nonlocal and global" % name,
                                         ste, name)
        scopes[name] = GLOBAL_EXPLICIT
        global_.add(name)
        if bound is not None:
            bound.discard(name)
        return
    if flags & DEF_NONLOCAL:
        if bound is None:
            raise st._error_at_directive(
                "nonlocal declaration not allowed at module level", ste, name)
        if name not in bound:
            raise st._error_at_directive("no binding for nonlocal '%s' found" % name,
                                         ste, name)
        scopes[name] = FREE
        ste.ste_free = 1
        free.add(name)
        return
    if flags & DEF_BOUND:
        scopes[name] = LOCAL
        local.add(name)
        global_.discard(name)
        return
    # If an enclosing block has a binding for this name, it is a free
    # variable rather than a global variable.  Note that having a non-None
    # bound implies that the block is nested.
    if bound is not None and name in bound:
        scopes[name] = FREE
        ste.ste_free = 1
        free.add(name)
        return
    # If a parent has a global statement, then call it global explicit?  It
    # could also be global implicit.
    if global_ is not None and name in global_:
        scopes[name] = GLOBAL_IMPLICIT
        return
    if ste.ste_nested:
        ste.ste_free = 1
    scopes[name] = GLOBAL_IMPLICIT


def _analyze_cells(scopes, free):
    """A local that a child needs free becomes a CELL here (analyze_cells)."""
    for name, scope in scopes.items():
        if scope != LOCAL:
            continue
        if name not in free:
            continue
        scopes[name] = CELL
        free.discard(name)


def _drop_class_free(ste, free):
    if "__class__" in free:
        free.discard("__class__")
        ste.ste_needs_class_closure = 1


def _update_symbols(symbols, scopes, bound, free, classflag):
    """Enter the final scope information into ``symbols`` (update_symbols)."""
    for name, flags in symbols.items():
        symbols[name] = flags | (scopes[name] << SCOPE_OFFSET)
    # Record not yet resolved free variables from children (if any).
    v_free = FREE << SCOPE_OFFSET
    for name in free:
        v = symbols.get(name)
        if v is not None:
            # Handle a free variable in a method of the class that has the
            # same name as a local or global in the class scope.
            if classflag and v & (DEF_BOUND | DEF_GLOBAL):
                symbols[name] = v | DEF_FREE_CLASS
            # It's a cell, or already free in this scope.
            continue
        # Handle global symbol.
        if bound is not None and name not in bound:
            continue        # it's a global
        # Propagate new free symbol up the lexical stack.
        symbols[name] = v_free


def _analyze_block(st, ste, bound, free, global_):
    """Make the final scope decisions for ``ste`` and its children (analyze_block).

    ``bound`` is the set of names bound in enclosing function scopes (None for
    the module), ``global_`` the names declared global in enclosing scopes;
    free names of this block and its children are added to ``free``.
    """
    local = set()       # names bound in this block
    scopes = {}         # name -> scope
    # The sets of names visible to nested blocks.  For class blocks they are
    # filled before the names are analysed, because class bindings aren't
    # visible in methods; for other blocks, after.
    newglobal = set()
    newfree = set()
    newbound = set()
    is_class = ste.ste_type == ClassBlock
    if is_class:
        newglobal |= global_
        if bound is not None:
            newbound |= bound

    for name, flags in ste.ste_symbols.items():
        _analyze_name(st, ste, scopes, name, flags, bound, local, free, global_)

    if not is_class:
        if ste.ste_type == FunctionBlock:
            newbound |= local
        if bound is not None:
            newbound |= bound
        newglobal |= global_
    else:
        # Special-case __class__: methods see it as a binding of the class.
        newbound.add("__class__")

    # newbound and newglobal now hold the names visible in nested blocks.
    # The children's free variables are collected in allfree.
    allfree = set()
    for entry in ste.ste_children:
        # analyze_child_block: each child gets its own copies.
        temp_free = set(newfree)
        _analyze_block(st, entry, set(newbound), temp_free, set(newglobal))
        allfree |= temp_free
        if entry.ste_free or entry.ste_child_free:
            ste.ste_child_free = 1

    newfree |= allfree

    # Check if any local variables must be converted to cell variables.
    if ste.ste_type == FunctionBlock:
        _analyze_cells(scopes, newfree)
    elif is_class:
        _drop_class_free(ste, newfree)
    _update_symbols(ste.ste_symbols, scopes, bound, newfree, is_class)
    free |= newfree


# -- the entry point ------------------------------------------------------------

def _python_depth():
    depth = 0
    f = _getframe(1)
    while f is not None:
        depth += 1
        f = f.f_back
    return depth


def build_symtable(tree, filename="<unknown>", future_flags=0):
    """_PySymtable_Build: the symbol table of a Module, Expression or Interactive tree.

    ``future_flags`` is the CO_FUTURE_* mask of the module's future statements
    (``future_features(tree)``), or a ``FutureFeatures``.  Raises SyntaxError
    as CPython 3.10's symtable does.
    """
    if isinstance(future_flags, FutureFeatures):
        future_flags = future_flags.ff_features
    st = SymbolTable(filename, future_flags)

    # CPython allows COMPILER_STACK_FRAME_SCALE times the recursion limit of
    # nesting while compiling.  Each level costs this visitor about two Python
    # frames, so the host's limit is raised for the duration.
    limit = sys.getrecursionlimit()
    start = _python_depth() * COMPILER_STACK_FRAME_SCALE
    st.recursion_depth = start
    st.recursion_limit = limit * COMPILER_STACK_FRAME_SCALE
    needed = _python_depth() + 2 * (st.recursion_limit - start) + 100
    raised = needed > limit
    if raised:
        sys.setrecursionlimit(needed)
    try:
        top = st._enter_block("top", ModuleBlock, tree, _MODULE_LOC)
        st.st_top = top
        kind = type(tree)
        if kind is ast.Module or kind is ast.Interactive:
            st._visit_stmts(tree.body)
        elif kind is ast.Expression:
            st._visit_expr(tree.body)
        else:
            raise RuntimeError("this compiler does not handle %s" % kind.__name__)
        st._exit_block()
        st._analyze()
    finally:
        if raised:
            sys.setrecursionlimit(limit)
    return st


class _ModuleLoc:
    lineno = col_offset = end_lineno = end_col_offset = 0


_MODULE_LOC = _ModuleLoc()
