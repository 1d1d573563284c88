"""``repr`` of constants as CPython 3.10 writes it: str by Unicode 13.0's printable set.

Mirrors Objects/unicodeobject.c's ``unicode_repr`` of 3.10: a non-ASCII
character is written as itself when ``Py_UNICODE_ISPRINTABLE`` holds, else as
``\\xhh``, ``\\uhhhh`` or ``\\Uhhhhhhhh``; and that predicate comes from the
Unicode database the interpreter was built with: 13.0 in 3.10, 14.0 in 3.11,
15.0 in 3.12, 15.1 in 3.13.  A character assigned after 13.0 (U+061D, the
Arabic end of text mark, say) prints as itself on a newer host and escaped in
3.10, so ``evalframe dis`` writes strings with 3.10's table
(``printable310.txt``: the printable ranges of 3.10, which
``python3 -m evalframe.objects.repr310 --probe PYTHON3.10`` regenerates).
Every other repr (numbers, bytes, ASCII text) is the same in every version.
"""

import bisect
import os

__all__ = ["str_repr", "printable310"]

_RANGES = []


def _ranges():
    if not _RANGES:
        starts, ends = [], []
        path = os.path.join(os.path.dirname(__file__), "printable310.txt")
        # (bytes decoded by str's ascii path: encoding="ascii" would import
        # encodings.ascii while a guest runs, as objects/setorder.py notes)
        with open(path, "rb") as f:
            text = f.read().decode("ascii")
        for line in text.splitlines():
            a, b = line.split()
            starts.append(int(a, 16))
            ends.append(int(b, 16))
        _RANGES.extend((starts, ends))
    return _RANGES


def printable310(ch):
    """str.isprintable() of the one character ``ch`` in CPython 3.10."""
    starts, ends = _ranges()
    c = ord(ch)
    i = bisect.bisect_right(starts, c) - 1
    return i >= 0 and c < ends[i]


def str_repr(s):
    """repr(s) as 3.10 writes it."""
    if s.isascii():
        return repr(s)
    if all(printable310(c) == c.isprintable() for c in set(s) if not c.isascii()):
        return repr(s)                  # the host's table agrees on these
    quote = '"' if "'" in s and '"' not in s else "'"
    out = [quote]
    for c in s:
        o = ord(c)
        if c == quote or c == "\\":
            out.append("\\" + c)
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif o < 0x20 or o == 0x7F:
            out.append("\\x%02x" % o)
        elif o < 0x7F or printable310(c):
            out.append(c)
        elif o <= 0xFF:
            out.append("\\x%02x" % o)
        elif o <= 0xFFFF:
            out.append("\\u%04x" % o)
        else:
            out.append("\\U%08x" % o)
    out.append(quote)
    return "".join(out)


_PROBE = r'''
start = None
for c in range(0x110000):
    p = chr(c).isprintable()
    if p and start is None:
        start = c
    elif not p and start is not None:
        print("%x %x" % (start, c))
        start = None
if start is not None:
    print("%x %x" % (start, 0x110000))
'''

if __name__ == "__main__":
    import subprocess
    import sys
    if sys.argv[1:2] != ["--probe"]:
        sys.exit("usage: python3 -m evalframe.objects.repr310 --probe [PYTHON3.10]")
    python = sys.argv[2] if len(sys.argv) > 2 else "python3.10"
    env = dict(os.environ, PYENV_VERSION="3.10.13")
    text = subprocess.run([python, "-c", _PROBE], capture_output=True, text=True,
                          env=env, check=True).stdout
    with open(os.path.join(os.path.dirname(__file__), "printable310.txt"), "w") as f:
        f.write(text)
    print("%d ranges" % text.count("\n"))
