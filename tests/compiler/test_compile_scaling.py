"""The compiler stays linear in program size where CPython's is.

Deeply nested code objects used to be keyed (flowgraph.const_key) by tuples
that nested the whole chain below them, hashed again at every level: 500 nested
lambdas took about a minute and 1000 never finished (CPython 3.10: 0.1 s).  The
programs below must compile, in a subprocess with a generous timeout (so a
regression fails instead of hanging the run), to exactly CPython 3.10's code
objects.  No timing is asserted.
"""

import os
import pickle
import subprocess
import sys
import textwrap

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

from evalframe.reference import reference_python  # noqa: E402

needs_310 = pytest.mark.skipif(reference_python() is None,
                               reason="CPython 3.10 is not installed (pyenv 3.10.x)")

# name -> source
PROGRAMS = {
    "nested_lambdas_500": "f = " + "lambda: " * 500 + "None\n",
    "nested_lambdas_1000": "f = " + "lambda: " * 1000 + "None\n",
    # equal code objects on one line are one constant (code_richcompare), at every depth
    "nested_lambda_pairs": "f = " + "lambda: (0, lambda: 1, lambda: 1, " * 90 + "None" + ")" * 90 + "\n",
    # tuple folding finds an equal folded tuple's index by identity (3.10 scans co_consts)
    "tuple_folds": ("def f(x):\n" + "".join("    x = x + ((%d, 'k'), (1, 2), x)[0][0]\n" % (i % 7)
                                             for i in range(400)) + "    return x\n"
                    + "".join("def g%d(a=(%d, 1), b=(1, 2)): pass\n" % (i, i % 5) for i in range(400))),
    "nested_lambdas_with_args": "f = " + "".join("lambda a%d=%d: " % (i, i) for i in range(300)) + "a0\n",
}

# Flattens a code tree, depth first, into one record per code object (nested
# code constants become placeholders), so that neither side recurses 1000 deep
# to pickle it.  The same text runs on CPython 3.10 (its code objects) and here.
_FLATTEN = textwrap.dedent(r'''
    FIELDS = ("co_name", "co_argcount", "co_posonlyargcount", "co_kwonlyargcount",
              "co_nlocals", "co_flags", "co_stacksize", "co_firstlineno", "co_code",
              "co_names", "co_varnames", "co_freevars", "co_cellvars", "co_linetable")

    def strict(v):
        t = type(v)
        if t is tuple or t is frozenset:
            return (t.__name__, sorted(map(repr, map(strict, v))) if t is frozenset
                    else tuple(map(strict, v)))
        return (t.__name__, repr(v))

    def flatten(code):
        out, todo = [], [code]
        while todo:
            c = todo.pop()
            consts = []
            for k in c.co_consts:
                if hasattr(k, "co_code"):
                    consts.append("<code>")
                else:
                    consts.append(strict(k))
            out.append(tuple(getattr(c, f) for f in FIELDS) + (tuple(consts),))
            todo.extend(reversed([k for k in c.co_consts if hasattr(k, "co_code")]))
        return out
''')

_REFERENCE = _FLATTEN + textwrap.dedent(r'''
    import pickle, sys
    code = compile(sys.stdin.read(), "<nested>", "exec", dont_inherit=True)
    sys.stdout.buffer.write(pickle.dumps(flatten(code), protocol=4))
''')

_OURS = _FLATTEN + textwrap.dedent(r'''
    import pickle, sys
    from evalframe.compiler import compile_source
    code = compile_source(sys.stdin.read(), "<nested>", "exec", 0, True, -1)
    sys.stdout.buffer.write(pickle.dumps(flatten(code), protocol=4))
''')


def _flat(cmd, source, env=None):
    try:
        proc = subprocess.run(cmd, input=source.encode(), capture_output=True, env=env,
                              timeout=120)
    except subprocess.TimeoutExpired:
        pytest.fail("compiling did not finish within 120 s (CPython 3.10: well under 1 s): %s"
                    % cmd[0])
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-3000:]
    return pickle.loads(proc.stdout)


@needs_310
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_deep_nesting_compiles_like_310(name):
    from evalframe.reference import _ref_env
    source = PROGRAMS[name]
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    ours = _flat([sys.executable, "-c", _OURS], source, env)
    ref = _flat(reference_python() + ["-c", _REFERENCE], source, _ref_env())
    assert len(ours) == len(ref)
    for i, (a, b) in enumerate(zip(ours, ref)):
        assert a == b, "code object %d (%s) differs" % (i, a[0])
