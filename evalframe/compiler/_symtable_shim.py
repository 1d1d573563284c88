"""Temporary adapter over the host's ``_symtable``, until compiler/symtable.py lands.

Presents the host's symbol table (Python/symtable.c of the host CPython) with
the field names of 3.10's ``PySTEntryObject`` that codegen reads.  Fields the
host does not expose (generator, coroutine, varargs, class closure) are
recomputed from the AST.  XXX delete once evalframe.compiler.symtable exists.
"""

import ast
import _symtable

SCOPE_OFFSET = _symtable.SCOPE_OFF
SCOPE_MASK = _symtable.SCOPE_MASK
LOCAL = _symtable.LOCAL
GLOBAL_EXPLICIT = _symtable.GLOBAL_EXPLICIT
GLOBAL_IMPLICIT = _symtable.GLOBAL_IMPLICIT
FREE = _symtable.FREE
CELL = _symtable.CELL
DEF_FREE_CLASS = _symtable.DEF_FREE_CLASS

FunctionBlock = _symtable.TYPE_FUNCTION
ClassBlock = _symtable.TYPE_CLASS
ModuleBlock = _symtable.TYPE_MODULE

_SCOPE_NODES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda,
                ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)
_COMP_NAMES = {ast.GeneratorExp: "genexpr", ast.ListComp: "listcomp",
               ast.SetComp: "setcomp", ast.DictComp: "dictcomp"}


class Entry:
    __slots__ = ("ste_symbols", "ste_varnames", "ste_children", "ste_type",
                 "ste_nested", "ste_generator", "ste_coroutine", "ste_comprehension",
                 "ste_varargs", "ste_varkeywords", "ste_needs_class_closure",
                 "ste_lineno", "ste_name")


def get_scope(ste, name):
    flags = ste.ste_symbols.get(name)
    if flags is None:
        return 0
    return (flags >> SCOPE_OFFSET) & SCOPE_MASK


def _walk_scope(nodes):
    """Yield the nodes that belong to the current scope (not nested bodies)."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            stack.extend(node.decorator_list)
            stack.extend(d for d in node.args.defaults)
            stack.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.Lambda):
            stack.extend(d for d in node.args.defaults)
            stack.extend(d for d in node.args.kw_defaults if d is not None)
            continue
        if isinstance(node, ast.ClassDef):
            stack.extend(node.decorator_list)
            stack.extend(node.bases)
            stack.extend(node.keywords)
            continue
        if isinstance(node, (ast.GeneratorExp, ast.ListComp, ast.SetComp, ast.DictComp)):
            stack.append(node.generators[0].iter)
            continue
        stack.extend(ast.iter_child_nodes(node))


def _comp_body(node):
    out = []
    for i, gen in enumerate(node.generators):
        if i:
            out.append(gen.iter)
        out.append(gen.target)
        out.extend(gen.ifs)
    if isinstance(node, ast.DictComp):
        out += [node.key, node.value]
    else:
        out.append(node.elt)
    return out


class SymbolTable:
    def __init__(self, top, tree):
        self.top = top
        self._by_key = {}
        self._cache = {}
        self._flatten(top)
        self.tree = tree

    def _flatten(self, t):
        self._by_key.setdefault((t.name, t.lineno), []).append(t)
        for c in t.children:
            self._flatten(c)

    def lookup(self, node):
        got = self._cache.get(id(node))
        if got is not None:
            return got[1]
        if isinstance(node, (ast.Module, ast.Expression, ast.Interactive)):
            raw = self.top
        else:
            if isinstance(node, ast.Lambda):
                name = "lambda"
            elif type(node) in _COMP_NAMES:
                name = _COMP_NAMES[type(node)]
            else:
                name = node.name
            raw = self._by_key[(name, node.lineno)].pop(0)
        ent = self._make(raw, node)
        self._cache[id(node)] = (node, ent)
        return ent

    def _make(self, raw, node):
        e = Entry()
        e.ste_symbols = raw.symbols
        e.ste_varnames = list(raw.varnames)
        e.ste_children = raw.children
        e.ste_type = raw.type
        e.ste_nested = bool(raw.nested)
        e.ste_lineno = raw.lineno
        e.ste_name = raw.name
        e.ste_comprehension = isinstance(node, (ast.GeneratorExp, ast.ListComp,
                                                ast.SetComp, ast.DictComp))
        e.ste_generator = False
        e.ste_coroutine = False
        e.ste_varargs = e.ste_varkeywords = False
        e.ste_needs_class_closure = False
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            body = node.body if not isinstance(node, ast.Lambda) else [node.body]
            e.ste_varargs = node.args.vararg is not None
            e.ste_varkeywords = node.args.kwarg is not None
            for n in _walk_scope(body):
                if isinstance(n, (ast.Yield, ast.YieldFrom)):
                    e.ste_generator = True
                    break
            if isinstance(node, ast.AsyncFunctionDef):
                e.ste_coroutine = True
        elif e.ste_comprehension:
            if isinstance(node, ast.GeneratorExp):
                e.ste_generator = True
            if any(g.is_async for g in node.generators):
                e.ste_coroutine = True
            else:
                for n in _walk_scope(_comp_body(node)):
                    if isinstance(n, ast.Await):
                        e.ste_coroutine = True
                        break
                    if isinstance(n, (ast.GeneratorExp, ast.ListComp, ast.SetComp,
                                      ast.DictComp)) and n is not node:
                        pass
        elif isinstance(node, ast.ClassDef):
            for c in raw.children:
                f = c.symbols.get("__class__")
                if f is not None and ((f >> SCOPE_OFFSET) & SCOPE_MASK) == FREE:
                    e.ste_needs_class_closure = True
        return e


def build_symtable(tree, filename, future_flags=0, source=None, mode="exec"):
    if source is None:
        source = ast.unparse(tree)
    if isinstance(source, bytes):
        pass
    top = _symtable.symtable(source, filename, mode)
    return SymbolTable(top, tree)
