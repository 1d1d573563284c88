"""The frame switch of the eval loops, written once: entering a guest callee
inline and going back to its caller.

Mirrors the frame push of CPython 3.11's inlined calls (_PyEvalFramePushAndInit
with _Py_EnterRecursivePy's depth check) and its pop (_PyEvalFrameClearAndPop,
``frame = cframe.current_frame = pop_frame(...)``).  Both loops run these
definitions: the traced loop (traced.py) and ceval._unwind call them; the plain
loop (ceval._eval_plain), the hottest path, has them inline, as copies
GENERATED from these functions' bodies (``inline``) between marker comments:

    # frameswitch.enter(tstate, f, r) ... before raise: ip = f._lasti + 1
    ...the body, parameters renamed to the loop's variables...
    # end frameswitch.enter

``python -m evalframe.interpreter.frameswitch`` rewrites the copies; a test
(tests/vm/test_frameswitch.py) fails when one is stale or edited by hand.
Parking a returned frame as its code's zombie (3.10's frame_dealloc and
co_zombieframe) is ``park``, the plain loop's copy too; the traced loop calls
it through ``dealloc``.  What is not here: a generator's own bookkeeping
(ceval._gen_enter/_gen_leave), the call's and return's trace events
(traced.py), and reviving a zombie (objects/frameobject.py frame_new,
specialize.fast_frame).
"""

import os
import re
from sys import getrefcount as _getrefcount

from ..objects.frameobject import CALL_REFS, parked


def recursion_error():
    from .ceval import recursion_error
    return recursion_error()


def enter(tstate, caller, callee):
    """A guest call: ``callee`` runs next in this loop, called by ``caller``
    (the recursion check first: the caller gets the error at its call)."""
    if tstate.depth >= tstate.recursion_limit:
        raise recursion_error()
    tstate.depth += 1
    callee._f_back = caller
    tstate.frame = callee


def leave(tstate, back):
    """A frame has returned (or been left by an exception) to ``back``, its
    caller in this loop."""
    tstate.depth -= 1
    tstate.frame = back


def park(done, refs):
    """frame_dealloc: a returned frame ``done`` that nothing holds but the
    loop (``refs``: what getrefcount sees of it then) becomes its code's
    zombie, if the code has none: its locals, back link, locals dict, the
    object an ``__init__`` frame initializes, globals and builtins and the
    last traceback stand-in (runtime/tracebacks.standin_frame) are let go
    (a zombie held by a code object that a VM cache keeps must not keep the
    guest's namespace, and its finalizers, alive); its code and lists are kept."""
    zcode = done.f_code
    if zcode.co_zombieframe is None and _getrefcount(done) == refs:
        done.f_localsplus = ()
        done._f_back = done.f_init_self = done._f_locals = done._f_standin = None
        done.f_globals = done.f_builtins = None
        zcode.co_zombieframe = done


def dealloc(done, held):
    """``park`` for the traced loop, which holds ``held`` references to
    ``done``: a parked frame's trace fields go too (frameobject.parked: a
    frame with a trace function finishes in the traced loop); returns
    whether it was parked."""
    # (getrefcount's argument, and each call's parameter, and on 3.10 hosts
    # its argument on the caller's stack: two calls deep)
    park(done, held + 2 * CALL_REFS - 1)
    if done.f_code.co_zombieframe is not done:
        return False
    parked(done)
    return True


DEFINITIONS = {"enter": enter, "leave": leave, "park": park}

# "# frameswitch.NAME(ARGS)" [" ... before raise: STATEMENT"], the copy, "# end frameswitch.NAME"
# (compiled when first needed: regenerating and the tests, never at start-up)
_BLOCK_PATTERN = (r"^( *)# frameswitch\.(\w+)\(([^)\n]*)\)(?: \.\.\. before raise: ([^\n]*))?\n"
                  r"(.*?)^\1# end frameswitch\.\2\n")


def block_pattern():
    return re.compile(_BLOCK_PATTERN, re.M | re.S)


def inline(name, args, before_raise=None, indent=""):
    """The body of definition ``name`` as inline statements: its parameters
    renamed to ``args`` (the loop's expressions, names; ``recursion_error``
    is the loop module's own, ceval.recursion_error), ``before_raise`` (a
    statement of the loop's) put before each ``raise``."""
    # (ast and inspect only here: regenerating, and the tests; never at start-up)
    import ast
    import inspect

    class Rename(ast.NodeTransformer):
        def visit_Name(self, node):
            if node.id in names:
                return ast.copy_location(ast.Name(names[node.id], node.ctx), node)
            return node

    fn = DEFINITIONS[name]
    tree = ast.parse(inspect.getsource(fn))
    body = tree.body[0].body
    if isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]                 # (the docstring)
    params = [a.arg for a in tree.body[0].args.args]
    names = dict(zip(params, [a.strip() for a in args.split(",")]))
    out = []
    for stmt in body:
        stmt = Rename().visit(stmt)
        text = ast.unparse(stmt)
        if before_raise:
            text = re.sub(r"^( *)raise ", lambda m: "%s%s\n%sraise " % (
                m.group(1), before_raise, m.group(1)), text, flags=re.M)
        out.extend(indent + ln for ln in text.split("\n"))
    return "\n".join(out) + "\n"


def regenerate(text):
    """``text`` (a module's source) with every generated copy rewritten."""
    def block(m):
        indent, name, args, before, _ = m.groups()
        head = "%s# frameswitch.%s(%s)%s\n" % (
            indent, name, args, " ... before raise: " + before if before else "")
        return (head + inline(name, args, before, indent)
                + "%s# end frameswitch.%s\n" % (indent, name))
    return block_pattern().sub(block, text)


def blocks(text):
    """The names of the generated copies in ``text``, in order."""
    return [m.group(2) for m in block_pattern().finditer(text)]


# the modules holding generated copies
COPIES = (os.path.join(os.path.dirname(os.path.abspath(__file__)), "ceval.py"),)


if __name__ == "__main__":
    for path in COPIES:
        with open(path) as f:
            old = f.read()
        new = regenerate(old)
        if new != old:
            with open(path, "w") as f:
                f.write(new)
        print("%s: %d copies" % (path, len(blocks(new))))
