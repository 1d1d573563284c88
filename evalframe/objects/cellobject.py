"""Cell objects: the boxes that closures share.

Mirrors Objects/cellobject.c.  A cell is either empty or holds one reference;
the empty state is explicit (the ``NULL`` sentinel in ``ob_ref``), and reading
``cell_contents`` of an empty cell raises ValueError("Cell is empty") as
cell_get_contents does.  The interpreter reads ``ob_ref`` directly (LOAD_DEREF).
"""


class _Null:
    """The C NULL of fast locals, cells and the value stack: "no object here"."""

    __slots__ = ()

    def __repr__(self):
        return "<NULL>"

    def __reduce__(self):
        return "NULL"


NULL = _Null()


class Cell:
    """A closure cell (PyCellObject)."""

    __slots__ = ("ob_ref", "__weakref__")

    def __init__(self, value=NULL):
        self.ob_ref = value

    @property
    def cell_contents(self):
        value = self.ob_ref
        if value is NULL:
            raise ValueError("Cell is empty")
        return value

    @cell_contents.setter
    def cell_contents(self, value):
        self.ob_ref = value

    @cell_contents.deleter
    def cell_contents(self):
        # cell_set_contents with NULL: deleting an empty cell is allowed
        self.ob_ref = NULL

    def __repr__(self):
        value = self.ob_ref
        if value is NULL:
            return "<cell at %#x: empty>" % id(self)
        return "<cell at %#x: %s object at %#x>" % (id(self), type(value).__name__, id(value))

    # cell_richcompare: empty cells sort before full ones, else compare contents
    def _cmp_key(self, other):
        if not isinstance(other, Cell):
            return None
        return (self.ob_ref is not NULL, other.ob_ref is not NULL)

    def __eq__(self, other):
        k = self._cmp_key(other)
        if k is None:
            return NotImplemented
        if k != (True, True):
            return k[0] == k[1]
        return self.ob_ref == other.ob_ref

    def __ne__(self, other):
        r = self.__eq__(other)
        return r if r is NotImplemented else not r

    def __lt__(self, other):
        k = self._cmp_key(other)
        if k is None:
            return NotImplemented
        if k != (True, True):
            return k[0] < k[1]
        return self.ob_ref < other.ob_ref

    __hash__ = None


Cell.__name__ = "cell"
Cell.__module__ = "builtins"
