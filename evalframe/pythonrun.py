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
# The name python's own messages start with (config->program_name): ours.
PROGRAM = "evalframe"
# python -i: a SystemExit of the program is printed as a traceback and the REPL
# follows (_Py_HandleSystemExit does not exit while config->inspect is set).
inspect_after_run = False


def compile_program(source, filename, mode="exec"):
    from .compiler import compile_source
    return compile_source(source, filename, mode, dont_inherit=True)


def run_in_module(code, module):
    from .interpreter.ceval import run_code
    return run_code(code, module.__dict__)


def fresh_main(filename=None, loader=None, spec=None, cached=None):
    """A new ``__main__`` module installed in sys.modules, as pymain_run_python does.

    Its namespace starts with the keys CPython's has, in CPython's order
    (``list(globals())`` in a guest program shows them).
    """
    import builtins
    if not _held:
        # every entry point makes a __main__ (run, the seeing tools): the
        # patches are held until the process ends or its in-process host
        # calls end_main_run
        from .runtime import patches
        _held.append(patches.install())
    unlist_vm_modules()
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


_held = []       # fresh_main's release of the host patches (runtime/patches.install)
_relist = []     # the function that lists the VM's modules again (evalframe.unlist_modules)


def unlist_vm_modules():
    """The guest program is the process's main program from now on: the VM's
    own modules leave sys.modules (docs/boundary.md), until the process ends
    or an in-process host of the run (web/record.py) calls end_main_run."""
    if not _relist:
        from . import unlist_modules
        _relist.append(unlist_modules())


def end_main_run():
    """An in-process host's end of a run that fresh_main started: the VM's
    modules are listed again and fresh_main's hold on the host patches is
    released (they go unless another user, an open evalframe.VM, holds them)."""
    while _relist:
        _relist.pop()()
    while _held:
        _held.pop()()


def _file_loader(path):
    """The loader CPython gives a script's __main__ (so linecache/inspect find it)."""
    import importlib.machinery
    if path.endswith(".pyc"):
        return importlib.machinery.SourcelessFileLoader("__main__", path)
    return importlib.machinery.SourceFileLoader("__main__", path)


_MISSING = object()


def print_exception(exc):
    """Print ``exc`` as the host's top level does (sys.excepthook).

    evalframe's own frames are removed first: the user sees guest frames and
    host-library frames only, as a native run shows them.
    """
    from .runtime.tracebacks import clean_exception
    clean_exception(exc)
    # (sys.excepthook = None is a hook that fails when called; only a deleted
    # one is "missing")
    hook = getattr(sys, "excepthook", _MISSING)
    try:
        if hook is _MISSING:
            raise RuntimeError("lost sys.excepthook")
        hook(type(exc), exc, exc.__traceback__)
    except SystemExit:
        raise       # (_PyErr_PrintEx: a hook raising SystemExit exits; see finish)
    except BaseException as err:
        # _PyErr_PrintEx: report the hook's own error, then the original
        flush_stdout()
        if hook is _MISSING:
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
    flush_stdout()
    leftover = None
    try:
        text = str(code)
    except Exception as err:
        # PyFile_WriteObject failed: CPython writes just the newline; 3.12+
        # leave the error set, and it is printed at threading shutdown
        text = ""
        leftover = err if sys.version_info >= (3, 12) else None
    try:
        if getattr(sys, "stderr", None) is None:
            # PyObject_Print to the C stderr, then PySys_WriteStderr's
            # fallback to it for the newline
            os.write(2, (text + "\n").encode("utf-8", "backslashreplace"))
        else:
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
        # printed by the default unraisablehook, in C: 3.13's C traceback
        # printer shows the source lines without carets
        sys.stderr.write("Exception ignored on threading shutdown:\n")
        _print_tb_without_carets(tb)
        sys.stderr.write("".join(traceback.format_exception_only(type(err), err)))
        return
    traceback.print_exception(type(err), err, tb, file=sys.stderr)


def _print_tb_without_carets(tb):
    """_PyTraceBack_Print of 3.13 (no carets; repeated lines folded as the
    Python printer folds them)."""
    import traceback
    lines = traceback.format_list(traceback.extract_tb(tb))
    out = ["Traceback (most recent call last):\n"]
    for entry in lines:
        parts = entry.splitlines(True)
        out.append(parts[0])
        if len(parts) > 1 and not parts[1].strip().startswith(("^", "~")):
            out.append(parts[1])
    sys.stderr.write("".join(out))


def flush_stdout():
    try:
        if sys.stdout is not None:
            sys.stdout.flush()
    except Exception:
        pass


def finish(outcome_exc):
    """Exit status for an outcome; prints the exception like the host would."""
    if outcome_exc is None:
        return EX_OK
    if isinstance(outcome_exc, SystemExit) and not inspect_after_run:
        return handle_system_exit(outcome_exc)
    from . import limits
    if isinstance(outcome_exc, limits.AbortRun):
        return limits.report(outcome_exc)       # a run limit or the stepper's quit
    if isinstance(outcome_exc, MemoryError) and limits.memory_message():
        flush_stdout()
        sys.stderr.write(limits.memory_message() + "\n")
        return limits.EXIT_MAX_MEMORY
    if type(type(outcome_exc)) is not type:
        # _PyErr_PrintEx normalizes what it prints (3.10/3.11): the one call
        # of a guest metaclass's __subclasscheck__ there
        from .interpreter.ops.exceptions import normalize_at_handler
        from .interpreter.pystate import get_tstate
        outcome_exc = normalize_at_handler(get_tstate(), outcome_exc)
    flush_stdout()
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
        run_in_module(code, main)
    except BaseException as exc:  # the guest's outcome, reported as CPython does
        return finish(exc)
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
                     % (PROGRAM, path, err.errno, err.strerror))
    return EX_USAGE


def safe_path():
    """python -I / -P: no script directory or cwd goes in front of sys.path."""
    return bool(sys.flags.isolated or getattr(sys.flags, "safe_path", False))


def _main_importer(path):
    """The path importer of a directory or zip file, or None (pymain_get_importer)."""
    if os.path.isdir(path):
        return "dir"
    try:
        import zipimport
        zipimport.zipimporter(path)
    except Exception:
        return None
    return "zip"


def run_file(path, args=(), skip_first_line=False):
    """``python path args...``: run a .py (or a 3.10 .pyc) file as __main__.

    A directory or zip file runs its ``__main__`` module (pymain_run_python's
    sys.path[0] importer case).
    """
    if _main_importer(path) is not None:
        return run_main_importer(path, args)
    abspath = os.path.abspath(path)
    try:
        data = _read_source(path)
    except OSError as err:
        return can_not_open(abspath, err)
    sys.argv[:] = [path] + list(args)
    if not safe_path():
        sys.path[0:0] = [os.path.dirname(os.path.realpath(abspath))]
    if path.endswith(".pyc"):
        from . import pyc
        try:
            code = pyc.load_pyc(data, abspath)
        except ValueError as exc:
            sys.stderr.write("%s: %s\n" % (PROGRAM, exc))
            return EX_ERROR
        main = fresh_main(abspath, loader=_file_loader(abspath))
        return run_program(code, main)
    if skip_first_line:
        # pymain_run_file: skip up to the newline and keep it, so line numbers hold
        newline = data.find(b"\n")
        data = data[newline:] if newline >= 0 else b""
    main = fresh_main(abspath, loader=_file_loader(abspath))
    try:
        code = compile_program(_check_source(data, abspath), abspath)
    except BaseException as exc:
        return finish(without_traceback(exc))
    return run_program(code, main)


def run_main_importer(path, args=()):
    """``python DIR`` or ``python ZIP``: sys.path[0] is the path, its __main__ runs."""
    sys.argv[:] = [path] + list(args)
    sys.path[0:0] = [os.path.abspath(path)]
    from . import importer
    return importer.run_module_in_vm("__main__", args, main_path=path)


def run_stdin(target, args=(), skip_first_line=False):
    """``python -`` / ``python < prog.py``: the program read from stdin, as ``<stdin>``."""
    sys.argv[:] = [target or ""] + list(args)
    if not safe_path():
        sys.path[0:0] = [""]
    import importlib.machinery
    main = fresh_main(loader=importlib.machinery.BuiltinImporter)
    try:
        stdin = sys.stdin.buffer if sys.stdin is not None else None
        data = stdin.read() if stdin is not None else b""
    except (OSError, ValueError):
        data = b""
    if skip_first_line:
        newline = data.find(b"\n")
        data = data[newline:] if newline >= 0 else b""
    try:
        code = compile_program(_check_source(data, "<stdin>", _stdin_seekable()), "<stdin>")
    except BaseException as exc:
        return finish(without_traceback(exc))
    return run_program(code, main)


def run_command(command, args=()):
    """``python -c command args...``."""
    sys.argv[:] = ["-c"] + list(args)
    if not safe_path():
        sys.path[0:0] = [""]
    import importlib.machinery
    main = fresh_main(loader=importlib.machinery.BuiltinImporter)
    if sys.version_info >= (3, 13):
        # 3.13's pymain_run_command keeps the command's text for tracebacks
        register_source(command, "<string>", "<string>")
    try:
        code = compile_program(command, "<string>")
    except BaseException as exc:
        return finish(without_traceback(exc))
    return run_program(code, main)


def register_source(source, key, name):
    """linecache._register_code's entry: source without a file, for tracebacks."""
    import linecache
    if isinstance(source, bytes):
        source = source.decode("utf-8", "replace")
    linecache.cache[key] = (len(source), None,
                            [line + "\n" for line in source.splitlines()], name)


def _check_source(data, filename, seekable=True):
    """A program file's bytes as python's file tokenizer accepts them (evalframe.sourcefile)."""
    from .sourcefile import check_source
    return check_source(data, filename, seekable)


def _stdin_seekable():
    try:
        os.lseek(sys.stdin.fileno(), 0, os.SEEK_CUR)
    except (OSError, ValueError, AttributeError):
        return False
    return True


def without_traceback(exc):
    """A compile-time error is reported with no traceback of ours, as CPython's is."""
    exc.__traceback__ = None
    exc.__context__ = None
    return exc


def restart_host(host_flags, evalframe_argv):
    """Run evalframe again in a host interpreter started with python's ``host_flags``.

    -O, -B, -u, -W, -X, -E, -I... are properties of the interpreter process
    (sys.flags, sys.warnoptions, sys._xoptions, stream buffering, which
    environment variables were read); the honest way to give a guest exactly
    python's is to be that process.  The new process finds evalframe where this
    one did (-E and -I ignore PYTHONPATH) and is told not to restart again.
    """
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    # Under -X importtime the host reports every import on stderr (fd 2), ours
    # included; python's report has the interpreter's start-up and the
    # program's imports, so evalframe's own (the VM, its compiler, what a first
    # run imports lazily: preload_quietly) are made with fd 2 on /dev/null.
    boot = ("import sys, os\n"
            "_q = os.dup(2) if 'importtime' in sys._xoptions else None\n"
            "if _q is not None:\n"
            "    _n = os.open(os.devnull, os.O_WRONLY); os.dup2(_n, 2); os.close(_n)\n"
            "try:\n"
            "    sys.path.insert(0, %r); import evalframe.cli, evalframe.pythonrun\n"
            "    del sys.path[0]; sys.path[:1] == [''] and sys.path.pop(0)\n"
            "    _q is None or evalframe.pythonrun.preload_quietly()\n"
            "finally:\n"
            "    _q is None or (os.dup2(_q, 2), os.close(_q))\n"
            "del _q\n"
            "evalframe.cli.entry()" % root)
    flush_stdout()
    try:
        sys.stderr.flush()
    except Exception:
        pass
    env = dict(os.environ)
    env[RESTARTED_ENV] = "1"
    argv = [sys.executable] + list(host_flags) + ["-c", boot] + list(evalframe_argv)
    try:
        os.execve(sys.executable, argv, env)
    except OSError as err:
        sys.stderr.write("%s: cannot restart %s: %s\n" % (PROGRAM, sys.executable, err))
        return EX_ERROR


def preload_quietly():
    """Import what evalframe's first run imports (the VM, its compiler, the
    runtime, the importer, the traceback machinery) by running a small program
    in a throwaway VM: restart_host does it with stderr on /dev/null under
    ``-X importtime``, so the host's import report shows the guest's imports."""
    from . import importer, embed, options, sourcefile, pyc  # (pyc: the cache writer)
    import sysconfig
    sysconfig.get_paths()   # (the import policy's stdlib directories)
    importer.VMFinder, options, sourcefile, pyc
    argv = sys.argv
    if "--vm-modules=all" in argv or any(a == "--vm-modules" and b == "all"
                                         for a, b in zip(argv, argv[1:])):
        importer.prewarm()     # (what install("all") imports before the finder)
    with embed.VM() as vm:
        vm.run_source("def f(*a, **k):\n    return [x for x in a]\n"
                      "try:\n    f(1, k=2)[3]\nexcept IndexError as e:\n    str(e)\n")


# Set in the environment of the process restart_host starts (and removed from
# os.environ as soon as the command line is read, so guests never see it).
RESTARTED_ENV = "_EVALFRAME_RESTARTED"


def print_version(level):
    """``python -V`` (and ``-VV``): the host interpreter's version, on stdout."""
    import platform
    if level >= 2:
        sys.stdout.write("Python %s\n" % sys.version.replace("\n", " "))
    else:
        sys.stdout.write("Python %s\n" % platform.python_version())
    return EX_OK


def run(kind, target, args=(), pdb=False, stats=False, vm_modules=None,
        host_flags=(), inspect=False, quiet=False, skip_first_line=False, version=0,
        max_steps=None, timeout=None, max_memory=None, max_depth=None):
    """The ``evalframe run`` entry: dispatch on FILE / -c / -m / stdin, return the exit status.

    Before the main program runs, evalframe's importer goes onto sys.meta_path
    with the chosen policy (``--vm-modules``: user, all or none), so the guest's
    own modules run in the VM too.  ``pdb`` and ``stats`` select the debugger
    and the call statistics, each provided by its own module.  ``inspect`` (-i)
    enters the REPL in the VM after the program; with no program and a terminal
    on stdin the REPL is the program (evalframe.repl).  The run limits
    (``max_steps``, ``timeout``, ``max_memory``, ``max_depth``: evalframe.limits)
    are in force while the program runs.
    """
    if version:
        return print_version(version)
    from . import limits as _limits
    try:
        _limits.install(_limits.Limits(max_steps, timeout, max_memory, max_depth))
        return _run(kind, target, args, pdb, stats, vm_modules, inspect, quiet,
                    skip_first_line)
    except _limits.AbortRun as stop:
        # a limit reached while the VM was still getting ready (a --timeout
        # shorter than the start-up) or already reporting: the same stop
        return _limits.report(stop)
    finally:
        _limits.finish()


def _run(kind, target, args, pdb, stats, vm_modules, inspect, quiet, skip_first_line):
    global inspect_after_run
    inspect_after_run = bool(inspect)
    from . import options
    options.configure(pdb=pdb, stats=stats, vm_modules=vm_modules)
    from .runtime import patches
    patches.install()
    # What every run needs, loaded while the VM's modules are still listed in
    # sys.modules and before the import policy is in force: later, each of
    # these lazy imports would list and unlist the VM's modules, and the
    # compiler's host modules (ast) would be put to the policy, which reads
    # sysconfig's directories (start-up, docs/vm.md)
    from . import compiler, sourcefile  # noqa: F401
    from .interpreter.ops import handler_table
    from .interpreter import specialize  # noqa: F401  (decode's first plain list)
    handler_table()
    from . import importer
    importer.install(options.vm_modules)
    if not (pdb or stats):
        # EVALFRAME_SETTRACE_NOOP: the guest runs under a do-nothing
        # sys.settrace (a test mode for the traced loop; --pdb and --stats
        # attach their own tracing)
        from .runtime.settrace import install_noop_from_env
        install_noop_from_env()
    interactive = kind == "stdin" and _stdin_is_tty()
    if kind == "c":
        status = run_command(target, args)
    elif kind == "m":
        status = importer.run_module_in_vm(target, args)
    elif kind == "stdin" and (interactive or inspect):
        sys.argv[:] = [target or ""] + list(args)
        if not safe_path():
            sys.path[0:0] = [""]
        import importlib.machinery
        fresh_main(loader=importlib.machinery.BuiltinImporter)
        status = EX_OK
        inspect = True
    elif kind == "stdin":
        status = run_stdin(target, args, skip_first_line)
    else:
        status = run_file(target, args, skip_first_line)
    if inspect:
        from . import repl
        return repl.interact(sys.modules["__main__"], quiet=quiet,
                             banner_wanted=kind == "stdin")
    return status


def _stdin_is_tty():
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        return False


def exit_process(status):
    """Leave the process with ``status`` as CPython's Py_RunMain does."""
    from . import limits
    limits.exit_now_if_stopped(status)
    if status == EXIT_BY_SIGINT:
        import atexit
        import _signal as signal  # (the C module: never a program's own signal.py)
        atexit._run_exitfuncs()
        flush_stdout()
        try:
            sys.stderr.flush()
        except Exception:
            pass
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        status = 130
    sys.exit(status)
