"""``evalframe run --pdb FILE``: the host's pdb, debugging a guest program.

The host's own bdb/pdb do the debugging; evalframe only gives them what
CPython gives them: guest frames through sys.settrace (the adapter in
evalframe/runtime/settrace.py), with f_code, f_lineno, f_locals, f_globals,
f_back and a writable f_trace.  This mirrors Lib/pdb.py's ``main`` and
``_runscript``: the program runs under ``exec`` from a bootstrap frame (pdb's
``<string>`` frame), which becomes bdb's ``botframe``, and pdb waits for the
first line of the main file (``_wait_for_mainpyfile``) before it stops.

bdb calls ``sys.settrace`` and ``sys._getframe`` itself; while the guest runs
under the debugger, bdb's module sees a ``sys`` whose settrace/gettrace are the
guest adapter's and whose _getframe answers with guest frames.
"""

import bdb
import pdb
import sys
import types

BOOTSTRAP_NAME = "<string>"


class _GuestSys(types.ModuleType):
    """bdb's view of ``sys`` while a guest program is debugged."""

    def __init__(self, real):
        types.ModuleType.__init__(self, "sys")
        self._real = real
        from ..runtime import settrace
        self.settrace = settrace.settrace
        self.gettrace = settrace.gettrace
        try:
            from ..interpreter.call import INTERCEPTS
            getframe = INTERCEPTS.get(real._getframe)
        except ImportError:
            getframe = None
        if getframe is not None:
            self._getframe = getframe

    def __getattr__(self, name):
        return getattr(self._real, name)


class GuestPdb(pdb.Pdb):
    """pdb.Pdb for guest frames; the same commands, prompts and output."""

    def __init__(self, *args, **kwargs):
        pdb.Pdb.__init__(self, *args, **kwargs)
        # a guest frame's code object is evalframe's Code: bdb only reads its
        # co_filename / co_name / co_flags / co_firstlineno, which it has
        self.prompt = "(Pdb) "


def _bootstrap_code():
    from ..compiler import compile_source
    return compile_source("exec(__evalframe_code__, __evalframe_globals__)\n",
                          BOOTSTRAP_NAME, "exec")


def run_with_pdb(code, main_module, stdin=None, stdout=None):
    """Run ``code`` as ``main_module`` under pdb; return the exit status.

    pdb stops at the first line of the program (as ``python -m pdb FILE``);
    ``q`` ends the run with status 0 (pdb's BdbQuit).
    """
    from ..runtime import settrace
    from ..interpreter.ceval import run_code
    from .. import pythonrun
    import builtins
    settrace.install()
    dbg = GuestPdb(stdin=stdin, stdout=stdout)
    filename = getattr(main_module, "__file__", None) or code.co_filename
    dbg.mainpyfile = dbg.canonic(filename)
    dbg._wait_for_mainpyfile = True
    dbg._user_requested_quit = False
    boot_globals = {"__name__": "__evalframe_pdb__", "__builtins__": builtins,
                    "__evalframe_code__": code, "__evalframe_globals__": main_module.__dict__}
    real_sys = bdb.sys
    bdb.sys = _GuestSys(real_sys)
    try:
        dbg.reset()
        settrace.settrace(dbg.trace_dispatch)
        try:
            run_code(_bootstrap_code(), boot_globals)
        except bdb.BdbQuit:
            return 0
        except BaseException as exc:  # the guest's own outcome, reported as CPython does
            settrace.settrace(None)
            return pythonrun.finish(exc)
        finally:
            dbg.quitting = True
            settrace.settrace(None)
        if dbg._user_requested_quit:
            return 0
        dbg.message("The program finished.")
        return 0
    finally:
        bdb.sys = real_sys


def main(argv=None):
    """``python -m evalframe.tools.debugger FILE [ARGS]``: the same as ``run --pdb``."""
    from .tracer import prepare_main
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        sys.stderr.write("usage: evalframe run --pdb FILE [ARGS...]\n")
        return 2
    prepared = prepare_main(argv[0], argv[1:])
    if isinstance(prepared, int):
        return prepared
    code, main_module = prepared
    return run_with_pdb(code, main_module)


if __name__ == "__main__":
    sys.exit(main())
