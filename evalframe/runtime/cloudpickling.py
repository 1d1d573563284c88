"""cloudpickle and the VM's functions: pickling guest functions by value.

No CPython counterpart: cloudpickle's CloudPickler (a subclass of the C
``_pickle.Pickler``) reduces a function it cannot pickle by reference to
"``types.FunctionType(code, globals, None, None, cells)`` plus state", with
reducers for code objects and cells in its ``dispatch_table``.  The C pickler
looks that table up by ``type(obj)`` (``Py_TYPE``), and a guest code object's or
cell's type is the VM's Code/Cell, not ``types.CodeType``/``types.CellType``
(whose ``isinstance`` they pass through ``__class__``).  So without this module
the guest's code object falls through to its ``__reduce_ex__``, which refuses as
CPython's code objects do ("cannot pickle code objects").

What is added to ``CloudPickler._dispatch_table`` (whichever side runs
cloudpickle: the host under ``--vm-modules=user``, the VM under ``all``):

* guest Code -> ``code_new(fields)``: every 3.10 field (and the source positions
  tracebacks use), so the code object comes back as a guest Code on any host
  version (it is CPython 3.10 bytecode: the host's ``types.CodeType`` would read
  it as its own bytecode);
* guest Cell -> ``cell_new()`` / ``cell_new(value)``.

cloudpickle finds the globals a function uses with ``dis.get_instructions``
and the host's opcode numbers: a host-run one would decode 3.10 bytecode as the
host's own (3.11+), and a guest-run one gets 3.10's opcode numbers, which are
not the host's on 3.12+.  Its ``_walk_global_ops`` reads guest code by opcode
*name* with evalframe's disassembler instead (tools/disasm.py), on either side.

And for a host-run cloudpickle, its by-value reduction of a guest function uses
``make_function`` instead of its ``_make_function`` (which calls the host's
``types.FunctionType``, refusing guest code); the state half (defaults,
kwdefaults, annotations, ``__dict__``, closure values, the globals the code
names) is cloudpickle's own, restored by its ``_function_setstate`` through the
guest function's CPython-like attributes.  A guest-run cloudpickle's
``_make_function`` already makes a guest function (its ``types.FunctionType``
call is intercepted, runtime/builtins.vm_function_new).

A pickle made this way names these functions, so it loads where evalframe is
importable: it holds CPython 3.10 bytecode, which only a 3.10 host or the VM can
run.
"""

import builtins as _builtins
import types as _types

from ..objects.cellobject import Cell, NULL
from ..objects.codeobject import Code, FIELDS
from ..objects.funcobject import Function

_MODULES = ("cloudpickle.cloudpickle_fast", "cloudpickle.cloudpickle")


def code_new(fields):
    """A guest Code from ``reduce_code``'s field dict."""
    return Code(**fields)


def reduce_code(code):
    fields = {name: getattr(code, name) for name in FIELDS}
    if code._positions is not None:
        fields["positions"] = code._positions
    return code_new, (fields,)


def cell_new(*value):
    return Cell(*value)


def reduce_cell(cell):
    value = cell.ob_ref
    return (cell_new, ()) if value is NULL else (cell_new, (value,))


def make_function(code, globals, name, argdefs, closure):
    """cloudpickle's ``_make_function`` for a guest code object."""
    from .builtins import vm_function_new
    globals["__builtins__"] = _builtins.__dict__
    return vm_function_new(code, globals, name, argdefs, closure)


_GLOBAL_OPS = ("LOAD_GLOBAL", "STORE_GLOBAL", "DELETE_GLOBAL")


def _walk_guest_global_ops(code):
    """cloudpickle's ``_walk_global_ops`` for a guest code object: the names
    its 3.10 global instructions use, read by evalframe's disassembler (the
    host's dis of a 3.11+ host would decode 3.10 bytecode as its own)."""
    from ..tools import disasm
    for instr in disasm.get_instructions(code):
        if instr.opname in _GLOBAL_OPS:
            yield instr.argval


def _patch_walk(module):
    """Route cloudpickle's global-name walk of guest code to our disassembler;
    returns the undo, or None."""
    walk = module.__dict__.get("_walk_global_ops")
    if walk is None or getattr(walk, "_evalframe", False):
        return None

    def _walk_global_ops(code):
        if type(code) is Code:
            return _walk_guest_global_ops(code)
        return walk(code)
    _walk_global_ops.__wrapped__ = walk
    _walk_global_ops._evalframe = True
    module._walk_global_ops = _walk_global_ops

    def undo():
        if module.__dict__.get("_walk_global_ops") is _walk_global_ops:
            module._walk_global_ops = walk
    return undo


def _patch_pickler(pickler):
    table = pickler.__dict__.get("_dispatch_table")
    if not isinstance(table, dict):
        return False
    if table.get(Code) is reduce_code:
        return True
    table[Code] = reduce_code
    table[Cell] = reduce_cell
    # sys and threading are instances of a module subclass while the VM's
    # hooks are installed (patches._intercept_hook): pickled as modules are
    from .patches import HOOKED_MODULE_TYPES
    module_reduce = table.get(_types.ModuleType)
    if module_reduce is not None:
        for cls in HOOKED_MODULE_TYPES:
            table[cls] = module_reduce
    dynamic = pickler.__dict__.get("_dynamic_function_reduce")
    if dynamic is None:
        return True
    # (a guest-run cloudpickle's _make_function is guest code: kept)
    host_run = type(dynamic) is not Function

    def _dynamic_function_reduce(self, func):
        if func is code_new or func is cell_new or func is make_function:
            # by reference (cloudpickle asks sys.modules, which does not list
            # the VM's modules while a guest runs: docs/boundary.md)
            return NotImplemented
        reduced = dynamic(self, func)
        if host_run and type(func) is Function and isinstance(reduced, tuple) and reduced:
            reduced = (make_function,) + reduced[1:]
        return reduced
    _dynamic_function_reduce.__wrapped__ = dynamic
    _dynamic_function_reduce._evalframe = True
    pickler._dynamic_function_reduce = _dynamic_function_reduce
    return True


def _unpatch_pickler(pickler):
    table = pickler.__dict__.get("_dispatch_table")
    if isinstance(table, dict) and table.get(Code) is reduce_code:
        del table[Code]
        table.pop(Cell, None)
        from .patches import HOOKED_MODULE_TYPES
        for cls in HOOKED_MODULE_TYPES:
            table.pop(cls, None)
    wrapper = pickler.__dict__.get("_dynamic_function_reduce")
    if getattr(wrapper, "_evalframe", False):
        pickler._dynamic_function_reduce = wrapper.__wrapped__


def patch_loaded(modules):
    """Patch cloudpickle's CloudPickler once one of its modules is imported and
    fully initialised (called after each guest import).  Returns the function
    that undoes the patch, or None when there was nothing to patch yet."""
    for name in _MODULES:
        module = modules.get(name)
        if module is None:
            continue
        spec = getattr(module, "__spec__", None)
        if spec is not None and getattr(spec, "_initializing", False):
            continue
        pickler = module.__dict__.get("CloudPickler")
        if isinstance(pickler, type) and _patch_pickler(pickler):
            # the walk of the code's global names lives in cloudpickle.cloudpickle
            walk_undo = _patch_walk(modules.get("cloudpickle.cloudpickle") or module)

            def undo():
                _unpatch_pickler(pickler)
                if walk_undo is not None:
                    walk_undo()
            return undo
    return None
