"""Checking a program file's bytes as python's file tokenizer does (PEP 263, PEP 3120).

Mirrors Parser/tokenizer.c in file mode (check_bom, check_coding_spec,
get_normal_name, fp_setreadl, ensure_utf8 / valid_utf8, the null-byte check
of tok_underflow_file) for ``python FILE`` and ``python < FILE``: the program's
source is UTF-8 unless a coding cookie on line 1 or 2 says otherwise, and the
errors are python's:

* invalid UTF-8 with no cookie: ``Non-UTF-8 code starting with '\\xe9' in file
  F on line N, but no encoding declared; see ... for details`` (3.10 names the
  line after the bad one and the old PEP address; 3.11+ the line itself);
* a NUL byte: ``source code cannot contain null bytes`` at its line (3.11+);
  3.10's fgets-based reader silently drops the rest of that line;
* an unknown codec, one that cannot decode the file (``utf-16`` here) or a
  UTF-8 BOM with a cookie naming another codec: ``encoding problem: X``
  (``X with BOM``).

The bytes that pass are compiled as they are (the compiler honours the cookie
and the BOM itself); ``compile()`` and imports read source the other way
(string tokenizer, importlib's decode_source) and do not come here.
"""

import codecs
import re
import sys

_BOM = codecs.BOM_UTF8
# tokenizer.c's get_coding_spec: "coding[:=]" in a comment line, then the name
_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)")
_BLANK = re.compile(rb"^[ \t\f]*(?:[#\r\n]|$)")

if sys.version_info >= (3, 11):
    _PEP_URL = "https://peps.python.org/pep-0263/"
else:
    _PEP_URL = "https://python.org/dev/peps/pep-0263/"


def _normal_name(name):
    """get_normal_name: utf-8 and latin-1 spellings to their canonical names."""
    low = name[:12].lower().replace("_", "-")
    if low == "utf-8" or low.startswith("utf-8-"):
        return "utf-8"
    for alias in ("latin-1", "iso-8859-1", "iso-latin-1"):
        if low == alias or low.startswith(alias + "-"):
            return "iso-8859-1"
    return name


def _cookie(lines):
    """(declared encoding, lines read to find it) of the first two lines (check_coding_spec)."""
    for index, line in enumerate(lines[:2]):
        match = _COOKIE.match(line)
        if match:
            return _normal_name(match.group(1).decode("ascii")), index + 1
        if index == 0 and not _BLANK.match(line):
            break   # the cookie may only be on line 2 after a comment/blank line 1
    return None, 0


def check_source(data, filename, seekable=True):
    """The bytes to compile for a program file, or SyntaxError in python's words.

    ``seekable`` False is a pipe on stdin: fp_setreadl cannot re-open it with
    the declared codec, so any cookie but utf-8's is an encoding problem.
    """
    bom = data.startswith(_BOM)
    body = data[len(_BOM):] if bom else data
    lines = body.splitlines(keepends=True)
    encoding, read = _cookie(lines)
    if encoding is not None and encoding != "utf-8":
        if bom:
            raise SyntaxError("encoding problem: %s with BOM" % encoding)
        if not seekable:
            raise SyntaxError("encoding problem: %s" % encoding)
        _check_codec(body, lines[:read], encoding)
    if b"\0" in body:
        body = _null_bytes(lines, filename)
        data = (_BOM + body) if bom else body
    if encoding is None:
        _check_utf8(lines, filename)
    return data


def _check_codec(body, head_lines, encoding):
    """fp_setreadl: the file re-opened with the codec must read back the lines
    already read (up to the cookie's), and decode."""
    try:
        codecs.lookup(encoding)
        text = body.decode(encoding)
    except (LookupError, UnicodeError, ValueError):
        raise SyntaxError("encoding problem: %s" % encoding) from None
    for line in head_lines:
        line = line.decode("latin-1")
        if not text.startswith(line):
            break
        text = text[len(line):]
    else:
        return
    raise SyntaxError("encoding problem: %s" % encoding)


def _null_bytes(lines, filename):
    if sys.version_info < (3, 11):
        # 3.10 reads lines with fgets: a NUL ends the line's text
        return b"".join(line[:line.index(b"\0")] + (b"\n" if line.endswith(b"\n") else b"")
                        if b"\0" in line else line for line in lines)
    for lineno, line in enumerate(lines, 1):
        if b"\0" in line:
            text = line[:line.index(b"\0")].decode("utf-8", "replace")
            raise SyntaxError("source code cannot contain null bytes",
                              (filename, lineno, None, text))
    return b"".join(lines)


def _check_utf8(lines, filename):
    for lineno, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as err:
            bad = line[err.start]
            if sys.version_info < (3, 11):
                lineno += 1
            raise SyntaxError(
                "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
                "but no encoding declared; see %s for details"
                % (bad, filename, lineno, _PEP_URL)) from None
