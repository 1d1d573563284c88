"""``dis`` of guest code on hosts whose ``dis`` reads another bytecode (3.11+).

Mirrors Lib/dis.py as CPython 3.10 has it, by routing to evalframe's own 3.10
disassembler (evalframe/tools/disasm.py).  evalframe's code objects hold
CPython 3.10 bytecode on every host.  The host's ``dis`` on 3.11+ decodes with
the host's opcode table (and wants ``co_exceptiontable``, inline caches,
``co_positions`` of another shape), so it would print wrong opcode names or
fail.  So, on 3.11+ hosts only:

* guest code calling the host's ``dis.dis``, ``disassemble``, ``distb``,
  ``get_instructions``, ``code_info``, ``show_code``, ``findlinestarts``,
  ``findlabels`` or ``Bytecode`` with a guest code object (or a function,
  method, generator, class or module holding one, or a source string, which
  the VM compiles to 3.10 bytecode) gets evalframe's 3.10 disassembly: what
  ``python3.10`` would print for the bytecode the VM really runs.  Host code
  objects (compiled by the host) still go to the host's dis.
* ``evalframe run -m dis [FILE]`` prints what ``python3.10 -m dis FILE``
  prints (the 3.10 module's ``_test``), since the host's Lib/dis.py, run in
  the VM, would decode 3.10 bytecode with its own opcode table.

On a 3.10 host the host's dis reads guest code natively and nothing is routed.
"""

import sys

NEEDED = sys.version_info >= (3, 11)

_NAMES = ("dis", "disassemble", "distb", "get_instructions", "code_info", "show_code",
          "findlinestarts", "findlabels")


def _is_guest(x):
    from ..objects.codeobject import Code
    from ..tools import disasm
    if isinstance(x, str):
        return True
    if isinstance(x, type) or type(x).__name__ == "module":
        return any(disasm.has_code(v) and not isinstance(v, type)
                   for v in vars(x).values())
    return isinstance(disasm.unwrap(x), Code)


def _parameters(fn):
    """The parameter names of ``fn``, in order, as inspect.signature gives them:
    read from the code object for a Python function or class (a guest's
    ``import dis`` then imports no inspect, which CPython's does not)."""
    skip = 0
    target = fn
    if isinstance(fn, type):
        target, skip = fn.__init__, 1
    code = getattr(target, "__code__", None)
    if code is None:
        import inspect
        return list(inspect.signature(fn).parameters)
    n = (code.co_argcount + code.co_kwonlyargcount
         + bool(code.co_flags & 0x04) + bool(code.co_flags & 0x08))
    return list(code.co_varnames[skip:n])


def _route(host, ours, first_kw):
    accepted = set(_parameters(ours))

    def routed(*args, **kwargs):
        if args:
            x = args[0]
        else:
            x = kwargs.get(first_kw)
        if x is None and host.__name__ in ("dis", "distb"):
            # the last traceback: guest frames' code is guest code
            return ours(*args, **{k: v for k, v in kwargs.items() if k in accepted})
        if x is not None and _is_guest(x):
            return ours(*args, **{k: v for k, v in kwargs.items() if k in accepted})
        return host(*args, **kwargs)

    routed.__name__ = host.__name__
    routed.__doc__ = host.__doc__
    return routed


def intercepts(dis_module):
    """{host dis callable: its guest-aware replacement}, empty on 3.10 hosts."""
    if not NEEDED:
        return {}
    from ..tools import disasm
    out = {}
    for name in _NAMES:
        host = getattr(dis_module, name, None)
        ours = getattr(disasm, name, None)
        if host is None or ours is None:
            continue
        first = next(iter(_parameters(host)), "x")
        out[host] = _route(host, ours, first)
    host_bc = getattr(dis_module, "Bytecode", None)
    if host_bc is not None:
        out[host_bc] = _route(host_bc, disasm.Bytecode, "x")
    return out


def run_dis_main(args):
    """``python3.10 -m dis [infile]`` (3.10's dis._test); the exit status."""
    import argparse
    from ..tools import disasm
    parser = argparse.ArgumentParser(prog="python -m dis")
    parser.add_argument("infile", type=argparse.FileType("rb"), nargs="?", default="-")
    ns = parser.parse_args(list(args))
    with ns.infile as infile:
        source = infile.read()
    disasm.dis_source(source, ns.infile.name, file=sys.stdout)
    return 0
