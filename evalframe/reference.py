"""CPython 3.10 as a reference: compile source there and bring the code objects here.

A bridge used by the ``compare`` tool and by tests.  It runs
``PYENV_VERSION=3.10.13 python3.10`` (or any interpreter named by ``python``) in a
subprocess, compiles the source there, and ships each code object back as a
literal of its ``co_*`` fields, which becomes our own ``Code``.  Mirrors no part
of CPython; it exists because the host is not 3.10.
"""

import ast
import os
import shutil
import subprocess

from .objects.codeobject import Code

_DUMPER = r'''
import sys
def dump(c):
    consts = []
    for k in c.co_consts:
        if hasattr(k, "co_code"):
            consts.append(("code", dump(k)))
        else:
            consts.append(("value", k))
    return dict(co_argcount=c.co_argcount, co_posonlyargcount=c.co_posonlyargcount,
                co_kwonlyargcount=c.co_kwonlyargcount, co_nlocals=c.co_nlocals,
                co_stacksize=c.co_stacksize, co_flags=c.co_flags, co_code=c.co_code,
                co_consts=consts, co_names=c.co_names, co_varnames=c.co_varnames,
                co_freevars=c.co_freevars, co_cellvars=c.co_cellvars,
                co_filename=c.co_filename, co_name=c.co_name,
                co_firstlineno=c.co_firstlineno, co_linetable=c.co_linetable)
src = sys.stdin.buffer.read()
filename, mode = sys.argv[1], sys.argv[2]
try:
    code = compile(src, filename, mode, dont_inherit=True)
except SyntaxError as e:
    print(repr(("error", type(e).__name__, e.msg, e.lineno, e.offset)))
else:
    print(repr(("ok", dump(code))))
'''


def reference_python():
    """The command that runs CPython 3.10 here, or None where it is absent.

    EVALFRAME_REF_PYTHON names it explicitly; otherwise pyenv's 3.10 is used.
    """
    exe = os.environ.get("EVALFRAME_REF_PYTHON")
    candidates = [exe] if exe else []
    root = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
    versions = os.path.join(root, "versions")
    if os.path.isdir(versions):
        for name in sorted(os.listdir(versions), reverse=True):
            if name.startswith("3.10."):
                candidates.append(os.path.join(versions, name, "bin", "python3.10"))
    if shutil.which("python3.10"):
        candidates.append("python3.10")
    for cand in candidates:
        try:
            proc = subprocess.run([cand, "-c", "import sys; print(sys.version_info[:2])"],
                                  capture_output=True, text=True, env=_ref_env())
        except OSError:
            continue
        if proc.returncode == 0 and proc.stdout.strip() == "(3, 10)":
            return [cand]
    return None


def _ref_env():
    env = dict(os.environ)
    # pyenv's shims export the host's version to children; 3.10 must win.
    env["PYENV_VERSION"] = "3.10.13"
    return env


_CACHE = []


def _cached_reference():
    if not _CACHE:
        _CACHE.append(reference_python())
    return _CACHE[0]


def _revive(d):
    consts = []
    for kind, value in d["co_consts"]:
        consts.append(_revive(value) if kind == "code" else value)
    d = dict(d, co_consts=tuple(consts))
    return Code(**d)


def compile_reference(source, filename="<string>", mode="exec", python=None):
    """Compile ``source`` with CPython 3.10; return our ``Code`` for the result.

    A SyntaxError in the reference is raised here as SyntaxError with its message.
    """
    cmd = python or _cached_reference()
    if cmd is None:
        raise RuntimeError("CPython 3.10 is not available")
    if isinstance(source, str):
        source = source.encode("utf-8")
    proc = subprocess.run(cmd + ["-c", _DUMPER, filename, mode], input=source,
                          capture_output=True, env=_ref_env())
    if proc.returncode != 0:
        raise RuntimeError("reference compiler failed: " + proc.stderr.decode(errors="replace"))
    tag, *rest = ast.literal_eval(proc.stdout.decode("utf-8"))
    if tag == "error":
        kind, msg, lineno, offset = rest
        err = SyntaxError(msg)
        err.lineno, err.offset = lineno, offset
        raise err
    return _revive(rest[0])
