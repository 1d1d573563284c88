"""Running a whole guest program: the top level of ``python prog.py``.

Mirrors Modules/main.c (pymain_run_file, pymain_run_command, pymain_run_module) and
Python/pythonrun.c (PyRun_SimpleFileExFlags, handle_system_exit, print_exception):
set up ``sys.argv``, ``sys.path[0]`` and a fresh ``__main__`` module, compile the
source with evalframe's compiler, run the code object in evalframe's VM, and turn
the outcome into CPython's exit status and error text.

Every function here returns an exit status instead of raising, so that no
evalframe-internal traceback ever reaches the user.
"""

import os
import sys
import types

EX_OK, EX_ERROR, EX_USAGE = 0, 1, 2
# An uncaught KeyboardInterrupt ends the process by SIGINT (_Py_UnhandledKeyboardInterrupt).
EXIT_BY_SIGINT = "SIGINT"


def _compile_source(source, filename, mode="exec"):
    from .compiler import compile_source
    return compile_source(source, filename, mode, dont_inherit=True)


def _run_code(code, module):
    from .interpreter.ceval import run_code
    return run_code(code, module.__dict__)


def _fresh_main(filename=None, loader=None, spec=None, cached=None):
    """A new ``__main__`` module installed in sys.modules, as pymain_run_python does.

    Its namespace starts with the keys CPython's has, in CPython's order
    (``list(globals())`` in a guest program shows them).
    """
    import builtins
    from .runtime import patches
    patches.install()   # (every entry point makes a __main__: run, the seeing tools)
    main = types.ModuleType("__main__")
    ns = main.__dict__
    ns["__package__"] = None
    ns["__loader__"] = loader
    ns["__spec__"] = spec
    ns["__annotations__"] = {}
    ns["__builtins__"] = builtins
    if filename is not None:
        ns["__file__"] = filename
        ns["__cached__"] = cached
    sys.modules["__main__"] = main
    return main


def _file_loader(path):
    """The loader CPython gives a script's __main__ (so linecache/inspect find it)."""
    import importlib.machinery
    if path.endswith(".pyc"):
        return importlib.machinery.SourcelessFileLoader("__main__", path)
    return importlib.machinery.SourceFileLoader("__main__", path)


def print_exception(exc):
    """Print ``exc`` as the host's top level does (sys.excepthook).

    evalframe's own frames are removed first: the user sees guest frames and
    host-library frames only, as a native run shows them.
    """
    from .runtime.tracebacks import clean_exception
    clean_exception(exc)
    hook = getattr(sys, "excepthook", None)
    try:
        if hook is None:
            raise RuntimeError("lost sys.excepthook")
        hook(type(exc), exc, exc.__traceback__)
    except SystemExit:
        raise       # (_PyErr_PrintEx: a hook raising SystemExit exits; see _finish)
    except BaseException as err:
        # _PyErr_PrintEx: report the hook's own error, then the original
        _flush_stdout()
        if hook is None:
            sys.stderr.write("sys.excepthook is missing\n")
        else:
            sys.stderr.write("Error in sys.excepthook:\n")
            if err.__context__ is exc:  # (called here from an except clause)
                err.__context__ = None
            from .runtime.tracebacks import clean_exception
            clean_exception(err)
            sys.__excepthook__(type(err), err, err.__traceback__)
            sys.stderr.write("\nOriginal exception was:\n")
        sys.__excepthook__(type(exc), exc, exc.__traceback__)


def handle_system_exit(exc):
    """The exit status for a SystemExit, printing its message as CPython does."""
    code = exc.code
    if code is None:
        return EX_OK
    if isinstance(code, int):
        return code & 0xFF
    _flush_stdout()
    leftover = None
    try:
        text = str(code)
    except Exception as err:
        # PyFile_WriteObject failed: CPython writes just the newline; 3.12+
        # leave the error set, and it is printed at threading shutdown
        text = ""
        leftover = err if sys.version_info >= (3, 12) else None
    try:
        sys.stderr.write(text + "\n")
        if leftover is not None:
            _print_leftover(leftover)
        sys.stderr.flush()
    except Exception:
        pass
    return EX_ERROR


def _print_leftover(err):
    """The error 3.12+'s handle_system_exit leaves set, as their shutdown prints it."""
    import traceback
    from .runtime.tracebacks import clean_traceback
    err.__context__ = None
    tb = clean_traceback(err.__traceback__)
    if sys.version_info >= (3, 13):
        sys.stderr.write("Exception ignored on threading shutdown:\n")
    traceback.print_exception(type(err), err, tb, file=sys.stderr)


def _flush_stdout():
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except Exception:
        pass


def _finish(outcome_exc):
    """Exit status for an outcome; prints the exception like the host would."""
    if outcome_exc is None:
        return EX_OK
    if isinstance(outcome_exc, SystemExit):
        return handle_system_exit(outcome_exc)
    from . import limits
    if isinstance(outcome_exc, limits.AbortRun):
        return limits.report(outcome_exc)       # a run limit or the stepper's quit
    if isinstance(outcome_exc, MemoryError) and limits.memory_message():
        _flush_stdout()
        sys.stderr.write(limits.memory_message() + "\n")
        return limits.EXIT_MAX_MEMORY
    _flush_stdout()
    try:
        print_exception(outcome_exc)
    except SystemExit as exc:       # raised by the guest's sys.excepthook
        return handle_system_exit(exc)
    if isinstance(outcome_exc, KeyboardInterrupt):
        return EXIT_BY_SIGINT
    return EX_ERROR


def run_code_as_main(code, main):
    """Run ``code`` in module ``main`` in the plain VM; return the exit status."""
    try:
        _run_code(code, main)
    except BaseException as exc:  # the guest's outcome, reported as CPython does
        return _finish(exc)
    return EX_OK


def run_program(code, main):
    """Run the main program, under the debugger or statistics when asked.

    ``run --pdb`` and ``run --stats`` hand the run to evalframe.tools.debugger
    or evalframe.tools.stats, which report the outcome the same way.
    """
    from . import options
    if options.pdb:
        from .tools.debugger import run_with_pdb
        return run_with_pdb(code, main)
    if options.stats:
        from .tools.stats import run_with_stats
        return run_with_stats(code, main)
    return run_code_as_main(code, main)


def _read_source(path):
    with open(path, "rb") as f:
        return f.read()


def can_not_open(path, err):
    """CPython's message for a script it cannot open (pymain_run_file)."""
    sys.stderr.write("%s: can't open file %r: [Errno %d] %s\n"
                     % (sys.executable or "python", path, err.errno, err.strerror))
    return EX_USAGE


def run_file(path, args=()):
    """``python path args...``: run a .py (or a 3.10 .pyc) file as __main__."""
    abspath = os.path.abspath(path)
    try:
        data = _read_source(path)
    except OSError as err:
        return can_not_open(abspath, err)
    sys.argv[:] = [path] + list(args)
    sys.path[0:0] = [os.path.dirname(os.path.realpath(abspath))]
    if path.endswith(".pyc"):
        from . import pyc
        try:
            code = pyc.loads_pyc(data, abspath) if hasattr(pyc, "loads_pyc") else pyc.load_pyc(data)
        except ValueError as exc:
            sys.stderr.write("%s: %s\n" % (sys.executable or "python", exc))
            return EX_ERROR
        main = _fresh_main(abspath, loader=_file_loader(abspath))
        return run_program(code, main)
    main = _fresh_main(abspath, loader=_file_loader(abspath))
    try:
        code = _compile_source(data, abspath)
    except BaseException as exc:
        return _finish(_without_traceback(exc))
    return run_program(code, main)


def run_command(command, args=()):
    """``python -c command args...``."""
    sys.argv[:] = ["-c"] + list(args)
    sys.path[0:0] = [""]
    import importlib.machinery
    main = _fresh_main(loader=importlib.machinery.BuiltinImporter)
    try:
        code = _compile_source(command, "<string>")
    except BaseException as exc:
        return _finish(_without_traceback(exc))
    return run_program(code, main)


def _without_traceback(exc):
    """A compile-time error is reported with no traceback of ours, as CPython's is."""
    exc.__traceback__ = None
    exc.__context__ = None
    return exc


def run(kind, target, args=(), pdb=False, stats=False, vm_modules=None,
        max_steps=None, timeout=None, max_memory=None, max_depth=None):
    """The ``evalframe run`` entry: dispatch on FILE / -c / -m, return the exit status.

    Before the main program runs, evalframe's importer goes onto sys.meta_path
    with the chosen policy (``--vm-modules``: user, all or none), so the guest's
    own modules run in the VM too.  ``pdb`` and ``stats`` select the debugger
    and the call statistics, each provided by its own module.  The run limits
    (``max_steps``, ``timeout``, ``max_memory``, ``max_depth``: evalframe.limits)
    are in force while the program runs.
    """
    from . import limits as _limits
    _limits.install(_limits.Limits(max_steps, timeout, max_memory, max_depth))
    try:
        return _run(kind, target, args, pdb, stats, vm_modules)
    finally:
        _limits.finish()


def _run(kind, target, args, pdb, stats, vm_modules):
    from . import options
    options.configure(pdb=pdb, stats=stats, vm_modules=vm_modules)
    from .runtime import patches
    patches.install()
    from . import importer
    importer.install(options.vm_modules)
    if not (pdb or stats):
        # EVALFRAME_SETTRACE_NOOP: the guest runs under a do-nothing
        # sys.settrace (a test mode for the traced loop; --pdb and --stats
        # attach their own tracing)
        from .runtime.settrace import install_noop_from_env
        install_noop_from_env()
    if kind == "c":
        return run_command(target, args)
    if kind == "m":
        return importer.run_module_in_vm(target, args)
    return run_file(target, args)


def exit_process(status):
    """Leave the process with ``status`` as CPython's Py_RunMain does."""
    from . import limits
    limits.exit_now_if_stopped(status)
    if status == EXIT_BY_SIGINT:
        import atexit
        import signal
        atexit._run_exitfuncs()
        _flush_stdout()
        try:
            sys.stderr.flush()
        except Exception:
            pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        status = 130
    sys.exit(status)
