"""CPython 3.10 as a reference: compile source there and bring the code objects here.

A bridge used by the ``compare`` tool and by tests.  It runs
``PYENV_VERSION=3.10.13 python3.10`` (or any interpreter named by ``python``) in a
subprocess, compiles the source there, and ships the code object back in
marshal's 3.10 format, which evalframe.pyc reads into our own ``Code``.  Mirrors no part
of CPython; it exists because the host is not 3.10.
"""

import ast
import os
import shutil
import subprocess


_DUMPER = r'''
import marshal, sys
src = sys.stdin.buffer.read()
filename, mode = sys.argv[1], sys.argv[2]
try:
    code = compile(src, filename, mode, dont_inherit=True)
except SyntaxError as e:
    sys.stdout.write(repr(("error", type(e).__name__, e.msg, e.lineno, e.offset)))
else:
    sys.stdout.buffer.write(b"CODE" + marshal.dumps(code))
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
    out = proc.stdout
    if out.startswith(b"CODE"):
        # marshal carries every constant exactly (..., inf, nan, -0.0, nested code)
        from .pyc import loads
        return loads(out[4:])
    tag, kind, msg, lineno, offset = ast.literal_eval(out.decode("utf-8"))
    err = SyntaxError(msg)
    err.lineno, err.offset = lineno, offset
    raise err
