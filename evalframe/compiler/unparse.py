"""Annotations as strings under ``from __future__ import annotations``.

Mirrors Python/ast_unparse.c of CPython 3.10 (``_PyAST_ExprAsUnicode``) by
adjusting the host's ``ast`` unparser where the two disagree:

* ``append_ast_boolop`` prints every operand of ``and``/``or`` at the
  operator's precedence + 1, so ``a or b and c`` keeps no parentheses
  (the host's unparser raises the level for each later operand).

XXX other corners of ast_unparse.c are taken on trust from the host's
unparser; the identical 3.10 Lib (which uses future annotations in a few
dozen files) and tests/compiler/test_golden.py are the evidence.
"""

import ast

_Base = getattr(ast, "_Unparser", None)

if _Base is not None:
    class _Unparser310(_Base):
        def visit_BoolOp(self, node):
            operator = self.boolops[node.op.__class__.__name__]
            precedence = self.boolop_precedence[operator]
            operand = precedence.next()
            with self.require_parens(precedence, node):
                s = " %s " % operator

                def visit(value):
                    self.set_precedence(operand, value)
                    self.traverse(value)
                self.interleave(lambda: self.write(s), visit, node.values)

    def expr_as_unicode(e):
        return _Unparser310().visit(e)
else:  # pragma: no cover - every supported host has ast._Unparser
    def expr_as_unicode(e):
        return ast.unparse(e)
