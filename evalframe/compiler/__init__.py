"""The bytecode compiler: source -> AST -> symbol table -> code generator -> Code.

Mirrors CPython 3.10's Python/compile.c entry points (``PyAST_CompileObject``):
parse with the host's ``ast`` (its SyntaxErrors propagate unchanged), fold
constants (ast_opt.py, Python/ast_opt.c), build the symbol table (symtable.py,
Python/symtable.c), generate code per scope (codegen.py) and assemble each
unit (flowgraph.py, assembler.py).  The result is a tree of
``evalframe.objects.codeobject.Code`` objects identical to 3.10's.
"""

import ast
import io
import tokenize

from .codegen import Compiler
from . import _symtable_shim

PyCF_ONLY_AST = ast.PyCF_ONLY_AST
PyCF_ALLOW_TOP_LEVEL_AWAIT = getattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0x2000)

# Python/future.c feature names; only these two set code flags in 3.10.
_FUTURE_FLAGS = {
    "nested_scopes": 0, "generators": 0, "division": 0, "absolute_import": 0,
    "with_statement": 0, "print_function": 0, "unicode_literals": 0,
    "barry_as_FLUFL": 0x400000, "generator_stop": 0, "annotations": 0x1000000,
}

__all__ = ["compile_source", "PyCF_ONLY_AST"]


def _decode(source):
    """Bytes -> str the way the tokenizer reads them (PEP 263 cookie, BOM)."""
    if isinstance(source, str):
        return source
    source = bytes(source)
    encoding, _ = tokenize.detect_encoding(io.BytesIO(source).readline)
    text = source.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def future_features(mod, filename):
    """Python/future.c's future_parse: (features, ff_lineno)."""
    features = 0
    ff_lineno = -1
    if not isinstance(mod, (ast.Module, ast.Interactive)) or not mod.body:
        return features, ff_lineno
    body = mod.body
    i = 0
    first = body[0]
    if isinstance(mod, ast.Module) and type(first) is ast.Expr and \
            type(first.value) is ast.Constant and type(first.value.value) is str:
        i = 1
    done = False
    prev_line = 0
    for s in body[i:]:
        if done and s.lineno > prev_line:
            break
        prev_line = s.lineno
        if type(s) is ast.ImportFrom and s.module == "__future__":
            if done:
                err = SyntaxError("from __future__ imports must occur at the "
                                  "beginning of the file",
                                  (filename, s.lineno, s.col_offset, None))
                raise err
            for alias in s.names:
                name = alias.name
                if name in _FUTURE_FLAGS:
                    features |= _FUTURE_FLAGS[name]
                elif name == "braces":
                    raise SyntaxError("not a chance",
                                      (filename, s.lineno, s.col_offset + 1, None))
                else:
                    raise SyntaxError("future feature %s is not defined" % name,
                                      (filename, s.lineno, s.col_offset + 1, None))
            ff_lineno = s.lineno
        else:
            done = True
    return features, ff_lineno


def _optimize_ast(tree, optimize, features):
    try:
        from .ast_opt import optimize_ast
    except ImportError:
        return tree
    try:
        return optimize_ast(tree, optimize, features) or tree
    except TypeError:
        return optimize_ast(tree, optimize) or tree


def compile_source(source, filename="<string>", mode="exec", flags=0,
                   dont_inherit=False, optimize=-1):
    """Compile ``source`` (str, bytes or ast.AST) to a Code object, as 3.10 would.

    ``mode`` is "exec", "eval" or "single".  With ``PyCF_ONLY_AST`` in
    ``flags`` the (unoptimised) AST is returned instead, like builtin compile.
    """
    if mode not in ("exec", "eval", "single"):
        raise ValueError("compile() mode must be 'exec', 'eval' or 'single'")
    if isinstance(source, ast.AST):
        tree = source
        text = None
    else:
        tree = ast.parse(source, filename, mode, type_comments=False,
                         feature_version=None)
        text = _decode(source)
    if flags & PyCF_ONLY_AST:
        return tree
    if optimize == -1:
        optimize = 0
    features, ff_lineno = future_features(tree, filename)
    tree = _optimize_ast(tree, optimize, features | flags)
    symtable = _symtable_shim.build_symtable(tree, filename, features, source=text,
                                              mode=mode)
    c = Compiler(filename, symtable, features, ff_lineno, flags, optimize, text)
    return c.compile_mod(tree)
