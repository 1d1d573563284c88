"""evalframe: a Python virtual machine in Python, built the way CPython builds its own.

Source is compiled to CPython 3.10 code objects (evalframe.compiler), a ``def``
makes a function object (evalframe.objects.funcobject), and a call builds a frame
whose bytecode the eval loop runs (evalframe.interpreter.ceval).  This module is
the public API and nothing else.
"""

__version__ = "0.1.0"

__all__ = ["compile", "run_source", "run_file", "dis"]


def compile(source, filename="<string>", mode="exec", flags=0, dont_inherit=False,
            optimize=-1):
    """Compile ``source`` to an evalframe ``Code`` object, as CPython 3.10 would."""
    from .compiler import compile_source
    return compile_source(source, filename, mode, flags, dont_inherit, optimize)


def run_source(source, globals=None, filename="<string>"):
    """Compile and run ``source`` in the VM; return the globals it ran in."""
    from .interpreter.ceval import run_code
    if globals is None:
        globals = {"__name__": "__main__"}
    run_code(compile(source, filename), globals)
    return globals


def run_file(path, globals=None):
    """Run the file at ``path`` in the VM; return the globals it ran in."""
    with open(path, "rb") as f:
        source = f.read()
    if globals is None:
        globals = {"__name__": "__main__", "__file__": path}
    return run_source(source, globals, path)


def dis(x=None, file=None):
    """Disassemble ``x`` (source text, a Code, or a guest function) like 3.10's dis."""
    from .tools import disasm
    if isinstance(x, (str, bytes)):
        x = compile(x, "<dis>")
    return disasm.dis(x, file=file)
