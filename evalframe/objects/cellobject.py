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


Cell.__name__ = Cell.__qualname__ = "cell"
Cell.__module__ = "builtins"


def _register_as_host_cell_type():
    """``isinstance(c, types.CellType)`` is true for guest cells (isinstance
    falls back to ``__class__``, as for code objects and functions)."""
    import types
    from .codeobject import set_type_dict_entry
    set_type_dict_entry(Cell, "__class__", property(lambda self: types.CellType))

    def no_pickle(self, *args):
        # copy.copy and pickle of a cell fail, in object.__reduce_ex__'s words
        raise TypeError("cannot pickle 'cell' object")
    Cell.__reduce_ex__ = Cell.__reduce__ = no_pickle


_register_as_host_cell_type()


# -- the __class__ cell while the metaclass runs -----------------------------------
# type.__new__ accepts only a host cell as ``__classcell__`` and fills it as soon
# as it has made the class; __build_class__ (runtime/builtins.py) hands it one
# and copies the class into the guest's Cell when the metaclass returns.  Code
# running in between (an enum's members are made inside EnumType.__new__, after
# type.__new__) must already see the class: the cold paths that find the guest
# Cell empty (LOAD_DEREF's error path, super()) settle it from the host cell.

# id(cell) -> (cell, host cell), only while the metaclass call runs (cells
# compare by contents, so they are not hashable keys)
_pending_class_cells = {}


def register_class_cell(cell, host_cell):
    _pending_class_cells[id(cell)] = (cell, host_cell)


def unregister_class_cell(cell):
    _pending_class_cells.pop(id(cell), None)


def settle_class_cell(cell):
    """The value of an empty guest ``__class__`` Cell whose host cell type.__new__
    has filled (copied into ``cell``), or NULL."""
    pair = _pending_class_cells.get(id(cell))
    if pair is None or pair[0] is not cell:
        return NULL
    try:
        value = pair[1].cell_contents
    except ValueError:
        return NULL
    cell.ob_ref = value
    return value
