"""Annotations as strings under ``from __future__ import annotations``.

Mirrors Python/ast_unparse.c of CPython 3.10 (``_PyAST_ExprAsUnicode``).
XXX for now this defers to the host's ast.unparse, which differs from 3.10's C
unparser in some spacing and parenthesisation corners.
"""

import ast


def expr_as_unicode(e):
    return ast.unparse(e)
