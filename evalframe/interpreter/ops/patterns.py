"""Structural pattern matching: the helpers of the match opcodes (bytecodes.py).

Mirrors MATCH_KEYS (match_keys), COPY_DICT_WITHOUT_KEYS and MATCH_CLASS
(match_class, match_class_attr, __match_args__ and _Py_TPFLAGS_MATCH_SELF)
of Python/ceval.c (3.10).  The opcodes (and the mapping/sequence tests and
GET_LEN) are declared in interpreter/bytecodes.py.
"""

import sys

_Py_TPFLAGS_MATCH_SELF = 1 << 22
# (the host's words: 3.12 says "class" where 3.10 and 3.11 said "type")
_NOT_A_CLASS = ("called match pattern must be a class" if sys.version_info >= (3, 12)
                else "called match pattern must be a type")


_dummy = object()


def match_keys(subject, keys):
    if not keys:
        return ()
    get = subject.get
    seen = set()
    values = []
    for key in keys:
        if key in seen:
            raise ValueError("mapping pattern checks duplicate key (%r)" % (key,))
        seen.add(key)
        value = get(key, _dummy)
        if value is _dummy:
            return None
        values.append(value)
    return tuple(values)


def _match_class_attr(subject, tp, name, seen):
    if name in seen:
        raise TypeError("%s() got multiple sub-patterns for attribute %r" % (tp.__name__, name))
    seen.add(name)
    try:
        return getattr(subject, name), True
    except AttributeError:
        return None, False


def match_class(subject, tp, nargs, kwargs):
    if not isinstance(tp, type):
        raise TypeError(_NOT_A_CLASS)
    if not isinstance(subject, tp):
        return None
    match_self = False
    match_args = ()
    if nargs:
        try:
            match_args = tp.__match_args__
        except AttributeError:
            match_self = bool(tp.__flags__ & _Py_TPFLAGS_MATCH_SELF)
            match_args = ()
        else:
            if type(match_args) is not tuple:
                raise TypeError("%s.__match_args__ must be a tuple (got %s)"
                                % (tp.__name__, type(match_args).__name__))
        allowed = 1 if match_self else len(match_args)
        if allowed < nargs:
            raise TypeError("%s() accepts %d positional sub-pattern%s (%d given)"
                            % (tp.__name__, allowed, "" if allowed == 1 else "s", nargs))
    seen = set()
    attrs = []
    for i in range(nargs):
        if match_self:
            attrs.append(subject)
            continue
        name = match_args[i]
        if not isinstance(name, str):
            raise TypeError("__match_args__ elements must be strings (got %s)"
                            % type(name).__name__)
        attr, ok = _match_class_attr(subject, tp, name, seen)
        if not ok:
            return None
        attrs.append(attr)
    for name in kwargs:
        attr, ok = _match_class_attr(subject, tp, name, seen)
        if not ok:
            return None
        attrs.append(attr)
    return tuple(attrs)
