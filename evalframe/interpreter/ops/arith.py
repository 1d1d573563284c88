"""The cold path of the operators: ``~`` on a bool (3.12+).

Mirrors unary_invert's deprecation warning of CPython 3.12.  The unary,
binary and in-place operators, the comparisons, the subscripts, IS_OP and
CONTAINS_OP, which this module used to hold, are declared in
interpreter/bytecodes.py.
"""

import operator

from ... import opcodes


def invert_bool(f, value):
    """``~`` on a bool (deprecated on 3.12+): warn from the guest's
    frame, as unary_invert does in C (the host's bool.__invert__ would warn
    from the VM's own frame, and the warning would be filtered out)."""
    if _BOOL_INVERT is not None:     # (3.12+: no warning before)
        from ...runtime.hostframes import warn_from
        warn_from(f, _BOOL_INVERT[0], _BOOL_INVERT[1], 1)
    return ~int(value)


def _bool_invert_warning():
    """(message, category) of the host's warning for ``~`` on a bool (3.12+), or None."""
    import warnings
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        operator.invert(True)
    return (str(caught[0].message), caught[0].category) if caught else None


_BOOL_INVERT = _bool_invert_warning()


__all__ = ["opcodes"]
