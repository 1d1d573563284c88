"""The disassembler for evalframe's code objects: records first, formatting second.

Mirrors CPython 3.10's Lib/dis.py.  ``get_instructions`` turns a ``Code`` (or
anything holding one: a guest function, method, generator, a source string)
into ``Instruction`` records; the printers (``dis``, ``disassemble``,
``Bytecode.dis``, ``code_info``) only format those records.  The output of
``dis_file`` is, addresses aside, exactly what ``python3.10 -m dis FILE``
prints.  Everything about opcodes (names, argument kinds, stack effects) comes
from ``evalframe.opcodes``; nothing here lists opcodes.
"""

import collections
import io
import sys

from .. import opcodes
from ..objects import setorder
from ..objects.codeobject import COMPILER_FLAG_NAMES, Code

__all__ = ["code_info", "dis", "disassemble", "distb", "disco", "findlinestarts",
           "findlabels", "show_code", "get_instructions", "Instruction", "Bytecode",
           "stack_effect", "pretty_flags", "dis_file", "dis_source", "main"]

stack_effect = opcodes.stack_effect

# FORMAT_VALUE's conversion names, indexed by oparg & FVC_MASK (dis.py's table).
FORMAT_VALUE_CONVERTERS = (
    (None, ""),
    (str, "str"),
    (repr, "repr"),
    (ascii, "ascii"),
)
# MAKE_FUNCTION's oparg bits, lowest first (dis.py's MAKE_FUNCTION_FLAGS).
MAKE_FUNCTION_FLAGS = ("defaults", "kwdefaults", "annotations", "closure")

_OPNAME_WIDTH = 20
_OPARG_WIDTH = 5


# -- getting at a code object ---------------------------------------------------

def _compile_for_dis(source, filename, mode):
    """Compile with evalframe's compiler; fall back to CPython 3.10 until it exists.

    The fallback keeps the tool usable (and its output comparable) while the
    compiler is being written; both produce our ``Code``.
    """
    from .. import compiler
    # Only a missing compile_source falls back; a broken compiler must show.
    compile_source = getattr(compiler, "compile_source", None)
    if compile_source is not None:
        return compile_source(source, filename, mode)
    from ..reference import compile_reference
    return compile_reference(source, filename, mode)


def _try_compile(source, name):
    """Compile ``source`` as an expression, else as statements (dis._try_compile)."""
    try:
        return _compile_for_dis(source, name, "eval")
    except SyntaxError:
        return _compile_for_dis(source, name, "exec")


def unwrap(x):
    """The object holding code inside ``x``: method -> function -> code (dis.dis)."""
    if hasattr(x, "__func__"):
        x = x.__func__
    if hasattr(x, "__code__"):
        x = x.__code__
    elif hasattr(x, "gi_code"):
        x = x.gi_code
    elif hasattr(x, "ag_code"):
        x = x.ag_code
    elif hasattr(x, "cr_code"):
        x = x.cr_code
    return x


def _get_code_object(x):
    """The ``Code`` of a guest function/method/generator/code, or of a source string."""
    x = unwrap(x)
    if isinstance(x, str):
        x = _try_compile(x, "<disassembly>")
    if isinstance(x, Code):
        return x
    raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def has_code(x):
    """True for what dis.dis lists inside a class or module (its ``_have_code``).

    Only guest code counts: a host function's code object is host bytecode,
    which this disassembler does not read.
    """
    if isinstance(x, type):
        return True
    return isinstance(unwrap(x), Code)


# -- records --------------------------------------------------------------------

_Instruction = collections.namedtuple(
    "_Instruction",
    "opname opcode arg argval argrepr offset starts_line is_jump_target")


class Instruction(_Instruction):
    """One decoded bytecode operation (dis.Instruction).

    opname, opcode; arg (None for argumentless opcodes); argval, the resolved
    argument; argrepr, its human-readable form; offset in bytes; starts_line,
    the line this instruction starts (or None); is_jump_target.
    """

    __slots__ = ()

    def _disassemble(self, lineno_width=3, mark_as_current=False, offset_width=4):
        """One line of a listing, laid out column for column as dis.py does."""
        fields = []
        if lineno_width:
            if self.starts_line is not None:
                fields.append("%*d" % (lineno_width, self.starts_line))
            else:
                fields.append(" " * lineno_width)
        fields.append("-->" if mark_as_current else "   ")
        fields.append(">>" if self.is_jump_target else "  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(repr(self.arg).rjust(_OPARG_WIDTH))
            if self.argrepr:
                fields.append("(" + self.argrepr + ")")
        return " ".join(fields).rstrip()


def _unpack_opargs(code):
    """Yield (offset, opcode, arg) per instruction, folding EXTENDED_ARG prefixes.

    ``arg`` is None for opcodes below HAVE_ARGUMENT, as in 3.10's dis.
    """
    extended_arg = 0
    for i in range(0, len(code) - 1, 2):
        op = code[i]
        if op >= opcodes.HAVE_ARGUMENT:
            arg = code[i + 1] | extended_arg
            extended_arg = (arg << 8) if op == opcodes.EXTENDED_ARG else 0
        else:
            arg = None
            extended_arg = 0
        yield i, op, arg


def _jump_target(offset, op, arg):
    """The byte offset a jump goes to, or None if ``op`` does not jump."""
    kind = opcodes.argkind[op]
    if kind == opcodes.ARG_JREL:
        return offset + 2 + arg * 2
    if kind == opcodes.ARG_JABS:
        return arg * 2
    return None


def findlabels(code):
    """The byte offsets that jumps go to, in order of first appearance."""
    labels = []
    for offset, op, arg in _unpack_opargs(code):
        if arg is not None:
            label = _jump_target(offset, op, arg)
            if label is not None and label not in labels:
                labels.append(label)
    return labels


def findlinestarts(code):
    """Yield (offset, lineno) where a new source line starts (from co_lines())."""
    lastline = None
    for start, _end, line in code.co_lines():
        if line is not None and line != lastline:
            lastline = line
            yield start, line


def _lookup(index, table):
    """(value, repr) of a name-like argument; the bare index if no table is known."""
    if table is None:
        return index, repr(index)
    value = table[index]
    return value, value


def describe_arg(op, arg, offset, varnames, names, constants, cells, orders=None):
    """(argval, argrepr) for one instruction, as _get_instructions_bytes computes."""
    kind = opcodes.argkind[op]
    if kind == opcodes.ARG_CONST:
        argval = constants[arg] if constants is not None else arg
        # frozensets in 3.10's order under a fixed hash seed (objects/setorder.py)
        return argval, setorder.display_repr(argval, orders)
    if kind == opcodes.ARG_NAME:
        return _lookup(arg, names)
    if kind == opcodes.ARG_JABS or kind == opcodes.ARG_JREL:
        argval = _jump_target(offset, op, arg)
        return argval, "to " + repr(argval)
    if kind == opcodes.ARG_LOCAL:
        return _lookup(arg, varnames)
    if kind == opcodes.ARG_COMPARE:
        argval = opcodes.CMP_OP[arg]
        return argval, argval
    if kind == opcodes.ARG_FREE:
        return _lookup(arg, cells)
    if op == opcodes.FORMAT_VALUE:
        converter, argrepr = FORMAT_VALUE_CONVERTERS[arg & opcodes.FVC_MASK]
        with_spec = bool(arg & opcodes.FVS_MASK)
        if with_spec:
            argrepr = argrepr + ", with format" if argrepr else "with format"
        return (converter, with_spec), argrepr
    if op == opcodes.MAKE_FUNCTION:
        return arg, ", ".join(name for i, name in enumerate(MAKE_FUNCTION_FLAGS)
                              if arg & (1 << i))
    return arg, ""


def _get_instructions_bytes(code, varnames=None, names=None, constants=None,
                            cells=None, linestarts=None, line_offset=0, orders=None):
    """Yield an Instruction per operation of the wordcode ``code``."""
    labels = set(findlabels(code))
    starts_line = None
    for offset, op, arg in _unpack_opargs(code):
        if linestarts is not None:
            starts_line = linestarts.get(offset)
            if starts_line is not None:
                starts_line += line_offset
        if arg is None:
            argval, argrepr = None, ""
        else:
            argval, argrepr = describe_arg(op, arg, offset, varnames, names,
                                            constants, cells, orders)
        yield Instruction(opcodes.opname[op], op, arg, argval, argrepr, offset,
                          starts_line, offset in labels)


def get_instructions(x, first_line=None):
    """Iterate over the Instructions of a code object, function or source string.

    ``first_line``, if given, renumbers lines so the code starts there.
    """
    co = _get_code_object(x)
    line_offset = 0 if first_line is None else first_line - co.co_firstlineno
    return _get_instructions_bytes(co.co_code, co.co_varnames, co.co_names,
                                   co.co_consts, co.co_cellvars + co.co_freevars,
                                   dict(findlinestarts(co)), line_offset,
                                   getattr(co, "_set_orders", None))


# -- code_info ------------------------------------------------------------------

def pretty_flags(flags):
    """co_flags as names, lowest bit first; unknown bits as hex (dis.pretty_flags)."""
    names = []
    for i in range(32):
        flag = 1 << i
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


def _format_code_info(co):
    lines = [
        "Name:              %s" % co.co_name,
        "Filename:          %s" % co.co_filename,
        "Argument count:    %s" % co.co_argcount,
        "Positional-only arguments: %s" % co.co_posonlyargcount,
        "Kw-only arguments: %s" % co.co_kwonlyargcount,
        "Number of locals:  %s" % co.co_nlocals,
        "Stack size:        %s" % co.co_stacksize,
        "Flags:             %s" % pretty_flags(co.co_flags),
    ]
    if co.co_consts:
        lines.append("Constants:")
        lines.extend("%4d: %s" % (i, setorder.display_repr(c, getattr(co, "_set_orders", None)))
                     for i, c in enumerate(co.co_consts))
    for title, table in (("Names", co.co_names), ("Variable names", co.co_varnames),
                         ("Free variables", co.co_freevars),
                         ("Cell variables", co.co_cellvars)):
        if table:
            lines.append(title + ":")
            lines.extend("%4d: %s" % item for item in enumerate(table))
    return "\n".join(lines)


def code_info(x):
    """Formatted details of a function's or code object's co_* fields."""
    return _format_code_info(_get_code_object(x))


def show_code(co, file=None):
    """Print code_info(co) to ``file`` (stdout by default)."""
    print(code_info(co), file=file)


# -- listings -------------------------------------------------------------------

def _disassemble_bytes(code, lasti=-1, varnames=None, names=None, constants=None,
                       cells=None, linestarts=None, file=None, line_offset=0,
                       orders=None):
    # No line column at all when there is no line information.
    show_lineno = bool(linestarts)
    if show_lineno:
        maxlineno = max(linestarts.values()) + line_offset
        lineno_width = len(str(maxlineno)) if maxlineno >= 1000 else 3
    else:
        lineno_width = 0
    maxoffset = len(code) - 2
    offset_width = len(str(maxoffset)) if maxoffset >= 10000 else 4
    for instr in _get_instructions_bytes(code, varnames, names, constants, cells,
                                         linestarts, line_offset, orders):
        # A blank line before each new source line, except the first instruction.
        if show_lineno and instr.starts_line is not None and instr.offset > 0:
            print(file=file)
        print(instr._disassemble(lineno_width, instr.offset == lasti, offset_width),
              file=file)


def disassemble(co, lasti=-1, file=None):
    """Print the listing of one code object; mark the instruction at ``lasti``."""
    _disassemble_bytes(co.co_code, lasti, co.co_varnames, co.co_names, co.co_consts,
                       co.co_cellvars + co.co_freevars, dict(findlinestarts(co)),
                       file=file, orders=getattr(co, "_set_orders", None))


disco = disassemble


def _disassemble_recursive(co, file=None, depth=None):
    """The listing of ``co`` and then, depth first, of the code in its constants."""
    disassemble(co, file=file)
    if depth is None or depth > 0:
        if depth is not None:
            depth -= 1
        for const in co.co_consts:
            if isinstance(const, Code):
                print(file=file)
                print("Disassembly of %r:" % (const,), file=file)
                _disassemble_recursive(const, file=file, depth=depth)


def dis(x=None, file=None, depth=None):
    """Disassemble a guest function, method, class, module, code object or source.

    With no argument, disassemble the last traceback (distb).
    """
    if x is None:
        distb(file=file)
        return
    x = unwrap(x)
    if isinstance(x, Code):
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, (bytes, bytearray)):
        _disassemble_bytes(x, file=file)
    elif isinstance(x, str):
        _disassemble_recursive(_try_compile(x, "<dis>"), file=file, depth=depth)
    elif hasattr(x, "__dict__"):
        # A class or module: each member that holds code, sorted by name.
        for name, member in sorted(vars(x).items()):
            if has_code(member):
                print("Disassembly of %s:" % name, file=file)
                try:
                    dis(member, file=file, depth=depth)
                except TypeError as msg:
                    print("Sorry:", msg, file=file)
                print(file=file)
    else:
        raise TypeError("don't know how to disassemble %s objects" % type(x).__name__)


def _last_frame(tb):
    while tb.tb_next:
        tb = tb.tb_next
    return tb


def distb(tb=None, file=None):
    """Disassemble the code of a traceback's innermost frame, marking lasti.

    Works for tracebacks whose frames carry our ``Code`` as ``f_code``.
    """
    if tb is None:
        try:
            tb = sys.last_traceback
        except AttributeError:
            raise RuntimeError("no last traceback to disassemble") from None
    tb = _last_frame(tb)
    disassemble(_get_code_object(tb.tb_frame.f_code), tb.tb_lasti, file=file)


class Bytecode:
    """The operations of a piece of code, iterable as Instructions (dis.Bytecode)."""

    def __init__(self, x, first_line=None, current_offset=None):
        self.codeobj = co = _get_code_object(x)
        if first_line is None:
            self.first_line = co.co_firstlineno
            self._line_offset = 0
        else:
            self.first_line = first_line
            self._line_offset = first_line - co.co_firstlineno
        self._cell_names = co.co_cellvars + co.co_freevars
        self._linestarts = dict(findlinestarts(co))
        self._original_object = x
        self.current_offset = current_offset

    def __iter__(self):
        co = self.codeobj
        return _get_instructions_bytes(co.co_code, co.co_varnames, co.co_names,
                                       co.co_consts, self._cell_names,
                                       self._linestarts, self._line_offset,
                                       getattr(co, "_set_orders", None))

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._original_object)

    @classmethod
    def from_traceback(cls, tb):
        """A Bytecode for a traceback's innermost frame, current at its lasti."""
        tb = _last_frame(tb)
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self):
        """code_info() of the code object."""
        return _format_code_info(self.codeobj)

    def dis(self):
        """The listing as a string."""
        co = self.codeobj
        offset = -1 if self.current_offset is None else self.current_offset
        with io.StringIO() as output:
            _disassemble_bytes(co.co_code, offset, co.co_varnames, co.co_names,
                               co.co_consts, self._cell_names, self._linestarts,
                               file=output, line_offset=self._line_offset,
                               orders=getattr(co, "_set_orders", None))
            return output.getvalue()


# -- command line ---------------------------------------------------------------

def dis_source(source, filename="<string>", file=None):
    """Compile module source (str or bytes) as ``filename``; print its full listing.

    ``python3.10 -m dis`` compiles in 'exec' mode and lists nested code too.
    """
    co = _compile_for_dis(source, filename, "exec")
    _disassemble_recursive(co, file=file)


def dis_file(path, file=None):
    """Print what ``python3.10 -m dis PATH`` prints (code objects' addresses aside).

    The source is read as bytes so its coding declaration applies, and the code
    is compiled with the path exactly as given as its filename, as dis._test does.
    """
    with open(path, "rb") as f:
        source = f.read()
    dis_source(source, path, file=file if file is not None else sys.stdout)


def main(argv=None):
    """``evalframe dis FILE`` or ``evalframe dis -c CODE``; returns the exit status."""
    import argparse

    parser = argparse.ArgumentParser(prog="evalframe dis",
                                     description="Disassemble Python source as "
                                                 "CPython 3.10 compiles it.")
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("-c", dest="command", metavar="CODE",
                       help="source code to disassemble")
    group.add_argument("file", nargs="?", help="a Python source file")
    args = parser.parse_args(argv)
    try:
        if args.command is not None:
            dis_source(args.command, "<string>", file=sys.stdout)
        else:
            dis_file(args.file, file=sys.stdout)
    except SyntaxError as err:
        print("%s: %s" % (type(err).__name__, err), file=sys.stderr)
        return 1
    except OSError as err:
        print("evalframe dis: %s" % err, file=sys.stderr)
        return 1
    return 0
