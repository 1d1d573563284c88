"""``try`` / ``except*`` (PEP 654) compiled in 3.10's style.

CPython 3.10 has no ``except*``; 3.11 compiles it (``compiler_try_star_except``)
with an exception table and COPY/SWAP.  Here the frame is 3.10's: the handler is
entered through SETUP_FINALLY with six values pushed (previous exception triple,
then tb, value, type).  Only 3.11's two new opcodes are borrowed:
CHECK_EG_MATCH ``(exc, type -- rest, match)`` and PREP_RERAISE_STAR
``(orig, list -- exc)``.  The layout while the clauses run is

    [prev_tb, prev_val, prev_type, tb, orig, raised_list, rest]

and each clause that matches runs its body under its own SETUP_FINALLY, whose
handler appends whatever the body raised to ``raised_list``.  At the end,
PREP_RERAISE_STAR combines the raised exceptions and the unhandled rest; if
that is None the handler finishes like a 3.10 ``except``, otherwise the result
is re-raised with its own traceback.
"""

from .. import opcodes as op

EXCEPTION_GROUP_HANDLER = "EXCEPTION_GROUP_HANDLER"


def compiler_try_star_except(c, s):
    from .codegen import TRY_EXCEPT, EXCEPTION_HANDLER
    import _ast as ast    # (the C module: a program's own ast.py is never it)
    u = c.u
    body = u.new_block()
    except_ = u.new_block()
    orelse = u.new_block()
    end = u.new_block()
    u.addop_j(op.SETUP_FINALLY, except_)
    u.use_next_block(body)
    c.push_fblock(TRY_EXCEPT, body)
    c.visit_stmts(s.body)
    c.pop_fblock(TRY_EXCEPT, body)
    u.addop_noline(op.POP_BLOCK)
    u.addop_j_noline(op.JUMP_FORWARD, orelse)

    u.use_next_block(except_)
    c.push_fblock(EXCEPTION_HANDLER, None)
    c.set_loc(s.handlers[0])
    # [pb, pv, pt, tb, val, type] -> [pb, pv, pt, tb, orig, [], rest]
    u.addop(op.POP_TOP)
    u.addop(op.DUP_TOP)
    u.addop_i(op.BUILD_LIST, 0)
    u.addop(op.ROT_TWO)
    for handler in s.handlers:
        c.set_loc(handler)
        no_match = u.new_block()
        next_ = u.new_block()
        c.visit_expr(handler.type)
        u.addop(op.CHECK_EG_MATCH)
        u.addop(op.DUP_TOP)
        u.load_const(None)
        u.addop_i(op.IS_OP, 0)
        u.addop_j(op.POP_JUMP_IF_TRUE, no_match)
        u.next_block()
        if handler.name:
            c.nameop(handler.name, ast.Store)
        else:
            u.addop(op.POP_TOP)
        raised = u.new_block()
        clause = u.new_block()
        u.addop_j(op.SETUP_FINALLY, raised)
        u.use_next_block(clause)
        c.push_fblock(EXCEPTION_GROUP_HANDLER, clause)
        c.visit_stmts(handler.body)
        c.pop_fblock(EXCEPTION_GROUP_HANDLER, clause)
        u.lineno = -1
        u.loc = None
        u.addop(op.POP_BLOCK)
        if handler.name:
            u.load_const(None)
            c.nameop(handler.name, ast.Store)
            c.nameop(handler.name, ast.Del)
        u.addop_j(op.JUMP_FORWARD, next_)
        # The clause raised: [.., raised_list, rest, pb2, pv2, pt2, tb2, val2, type2]
        u.use_next_block(raised)
        u.lineno = -1
        u.loc = None
        u.addop(op.POP_TOP)
        u.addop_i(op.LIST_APPEND, 6)
        u.addop(op.POP_TOP)
        u.addop(op.POP_EXCEPT)
        if handler.name:
            u.load_const(None)
            c.nameop(handler.name, ast.Store)
            c.nameop(handler.name, ast.Del)
        u.addop_j(op.JUMP_FORWARD, next_)
        u.use_next_block(no_match)
        u.addop(op.POP_TOP)
        u.use_next_block(next_)
    c.pop_fblock(EXCEPTION_HANDLER, None)
    u.lineno = -1
    u.loc = None
    reraise = u.new_block()
    # [pb, pv, pt, tb, orig, list, rest] -> [pb, pv, pt, tb, exc or None]
    u.addop_i(op.LIST_APPEND, 1)
    u.addop(op.PREP_RERAISE_STAR)
    u.addop(op.DUP_TOP)
    u.load_const(None)
    u.addop_i(op.IS_OP, 0)
    u.addop_j(op.POP_JUMP_IF_FALSE, reraise)
    u.next_block()
    u.addop(op.POP_TOP)
    u.addop(op.POP_TOP)
    u.addop(op.POP_EXCEPT)
    u.addop_j(op.JUMP_FORWARD, end)
    u.use_next_block(reraise)
    # Re-raise with the exception's own traceback: [.., tb, exc] -> [.., exc.tb, exc, None]
    u.addop(op.ROT_TWO)
    u.addop(op.POP_TOP)
    u.addop(op.DUP_TOP)
    u.addop_name(op.LOAD_ATTR, "__traceback__")
    u.addop(op.ROT_TWO)
    u.load_const(None)
    u.addop_i(op.RERAISE, 0)
    u.use_next_block(orelse)
    c.visit_stmts(s.orelse)
    u.use_next_block(end)
