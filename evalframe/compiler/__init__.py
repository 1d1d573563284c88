"""The bytecode compiler: source -> AST -> symbol table -> code generator -> Code.

Mirrors CPython 3.10's Python/compile.c entry points (``PyAST_CompileObject``):
parse with the host's ``ast`` (its SyntaxErrors propagate unchanged), fold
constants (ast_opt.py, Python/ast_opt.c), build the symbol table (symtable.py,
Python/symtable.c), generate code per scope (codegen.py) and assemble each
unit (flowgraph.py, assembler.py).  The result is a tree of
``evalframe.objects.codeobject.Code`` objects identical to 3.10's.
"""

import _ast as ast  # (the node classes: ast.py's helpers are not needed, docs/vm.md start-up)
import sys

from ..objects import setorder
from .codegen import Compiler
from .symtable import build_symtable, future_from_ast
from .ast_opt import optimize_ast

PyCF_ONLY_AST = ast.PyCF_ONLY_AST
PyCF_ALLOW_TOP_LEVEL_AWAIT = getattr(ast, "PyCF_ALLOW_TOP_LEVEL_AWAIT", 0x2000)

__all__ = ["compile_source", "PyCF_ONLY_AST"]

# The CO_FUTURE_* bits a caller's flags may carry into the compilation.
_FUTURE_MASK = 0x400000 | 0x1000000
# Deeply nested expressions recurse through the visitors a few frames a level.
_COMPILER_RECURSION = 20000


# 3.10's ast module converts a C AST to Python objects with no recursion check:
# a deep enough expression crashes the host.  Its compiler does check, so big
# sources (only they can be that deep) go through it first on 3.10.
_HOST_AST_UNGUARDED = sys.version_info < (3, 11)
_UNGUARDED_SIZE = 50000


def _host_depth_check(source, filename, mode):
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(source, filename, mode, 0, True)
    except RecursionError:
        raise RecursionError("maximum recursion depth exceeded during compilation") from None
    except Exception:  # every other error is the one ast.parse reports next
        pass


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
    else:
        if _HOST_AST_UNGUARDED and len(source) > _UNGUARDED_SIZE:
            _host_depth_check(source, filename, mode)
        try:
            # (what ast.parse does, without importing ast.py)
            tree = compile(source, filename, mode, PyCF_ONLY_AST, dont_inherit=True,
                           _feature_version=-1)
        except RecursionError:
            if flags & PyCF_ONLY_AST:
                raise
            # CPython compiles its C AST directly: its limit is the compiler's
            raise RecursionError("maximum recursion depth exceeded during compilation") from None
    if flags & PyCF_ONLY_AST:
        return tree
    if optimize == -1:
        # as builtin compile(): the interpreter's own level (python -O / -OO)
        optimize = sys.flags.optimize
    future = future_from_ast(tree, filename)
    # PyAST_CompileObject: the future features and the caller's flags merge
    features = future.ff_features | (flags & _FUTURE_MASK)
    limit = sys.getrecursionlimit()
    if limit < _COMPILER_RECURSION:
        sys.setrecursionlimit(_COMPILER_RECURSION)
    try:
        # the source lets 3.12+ hosts' f-string specs be placed as 3.10 places them
        tree = optimize_ast(tree, optimize, features,
                            source=None if isinstance(source, ast.AST) else source)
        setorder.begin_compilation(tree)     # 3.10's interned identifiers
        symtable = build_symtable(tree, filename, features)
        c = Compiler(filename, symtable, features, future.ff_lineno, flags, optimize)
        return c.compile_mod(tree)
    except RecursionError:
        raise RecursionError("maximum recursion depth exceeded during compilation") from None
    finally:
        setorder.forget_all()       # the codes carry their frozensets' 3.10 orders
        if limit < _COMPILER_RECURSION:
            sys.setrecursionlimit(limit)
