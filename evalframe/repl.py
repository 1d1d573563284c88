"""The interactive prompt in the VM: ``evalframe run`` with no program, or ``-i``.

Mirrors Python/pythonrun.c's PyRun_InteractiveLoopFlags (read one statement with
sys.ps1/sys.ps2, compile it in 'single' mode, run it in ``__main__``, print an
uncaught exception through sys.excepthook and read on) with Lib/code.py's
InteractiveConsole doing the reading.  Only the *completeness* of the typed text
is judged by the host (codeop, as ``code.interact`` does); every statement is
compiled by evalframe's compiler and executed by evalframe's VM.

On a terminal, ``sys.__interactivehook__`` (site.enablerlcompleter) gives
readline history (~/.python_history) and tab completion over ``__main__``, as
python does.  On a 3.13+ terminal the REPL is python's new one, PyREPL
(Lib/_pyrepl: multi-line editing, colours, its history and completion), with
its console's compile-and-run step evalframe's (``_pyrepl_console``).  From a pipe, prompts go to stderr and nothing is echoed, as
python's tokenizer does.
"""

import code
import codeop
import sys
import warnings

# The __future__ flags one statement passes on to the next (codeop keeps them).
_FUTURE_FLAGS = 0x400000 | 0x1000000


class _VMCommandCompiler:
    """codeop.CommandCompiler's contract (code, None for "more input", or
    SyntaxError) with the code made by evalframe's compiler."""

    def __init__(self):
        self.host = codeop.CommandCompiler()

    def __call__(self, source, filename="<input>", symbol="single"):
        # The host only decides whether the statement is complete; its
        # warnings would be a second copy of the ones our compiler emits.
        from .compiler import compile_source
        flags = getattr(self.host.compiler, "flags", 0) & _FUTURE_FLAGS
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                complete = self.host(source, filename, symbol)
            except SyntaxError as err:
                if err.msg != "incomplete input":
                    raise
                # 3.10's codeop says "incomplete input" where the REPL's own
                # tokenizer names the error: ask the parser without codeop's flags
                compile_source(source, filename, symbol, flags, True)
                raise
        if complete is None:
            return None
        return compile_source(source, filename, symbol, flags, True)


class VMConsole(code.InteractiveConsole):
    """code.InteractiveConsole whose compile and exec are evalframe's."""

    def __init__(self, main, tty):
        super().__init__(main.__dict__, filename="<stdin>")
        self.main = main
        self.tty = tty
        self.compile = _VMCommandCompiler()
        self.statements = 0   # 3.13's <stdin>-N numbering
        # _Py_UnhandledKeyboardInterrupt: was the last statement ended by Ctrl-C?
        self.interrupted = False

    def runsource(self, source, filename="<input>", symbol="single"):
        if sys.version_info >= (3, 13):
            # 3.13 names each statement <stdin>-N and keeps its text, so that
            # tracebacks show the line (the traceback module prints "<stdin>")
            # (a statement that does not compile keeps "<stdin>" and no number)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    complete = self.compile.host(source, filename, symbol)
                except (SyntaxError, ValueError, OverflowError):
                    complete = None
            if complete is not None:
                from .pythonrun import register_source
                filename = "<stdin>-%d" % self.statements
                register_source(source, filename, "<stdin>")
                self.statements += 1
        return super().runsource(source, filename, symbol)

    def runcode(self, code):
        from . import pythonrun
        try:
            pythonrun.run_in_module(code, self.main)
        except SystemExit:
            raise
        except BaseException as exc:  # the guest's outcome, printed as the REPL does
            self.interrupted = isinstance(exc, KeyboardInterrupt)
            pythonrun.flush_stdout()
            sys.last_type, sys.last_value = type(exc), exc
            pythonrun.print_exception(exc)
            sys.last_traceback = exc.__traceback__
        else:
            self.interrupted = False

    def raw_input(self, prompt=""):
        if self.tty:
            return input(prompt)
        # python's tokenizer on a non-terminal: prompt on stderr, no echo
        sys.stderr.write(prompt)
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line[:-1] if line.endswith("\n") else line


def _call_hook_for_the_basic_repl(hook):
    """site's hook, told (3.13+) that the classic readline REPL reads the input.

    3.13's site.register_readline reads and writes ~/.python_history through
    the new REPL's own readline unless PYTHON_BASIC_REPL is set when it runs;
    this REPL is the classic one, whose history is GNU readline's.
    """
    if sys.version_info < (3, 13):
        hook()
        return
    import os
    saved = os.environ.get("PYTHON_BASIC_REPL")
    os.environ["PYTHON_BASIC_REPL"] = "1"
    try:
        hook()
    finally:
        if saved is None:
            del os.environ["PYTHON_BASIC_REPL"]
        else:
            os.environ["PYTHON_BASIC_REPL"] = saved


def _pyrepl_usable():
    """Whether python 3.13+ would start PyREPL here (a terminal, a capable one,
    PYTHON_BASIC_REPL not set): _pyrepl.main's CAN_USE_PYREPL."""
    import os
    if sys.version_info < (3, 13) or os.environ.get("PYTHON_BASIC_REPL"):
        return False
    try:
        from _pyrepl import main as pyrepl_main
    except Exception:
        return False
    return pyrepl_main.CAN_USE_PYREPL


def _pyrepl_console(main):
    """3.13's InteractiveColoredConsole with evalframe's compiler and VM.

    PyREPL's reader (multi-line editing, colours, history, completion) and its
    loop (_pyrepl.simple_interact) are the host's; its console compiles each
    statement of what was typed (the last in 'single' mode) and runs it: here
    compiled by evalframe and run by the VM in ``__main__``, as VMConsole does
    for the classic REPL."""
    import ast
    import os
    from _pyrepl.console import InteractiveColoredConsole
    from .compiler import compile_source
    from . import pythonrun

    class VMColoredConsole(InteractiveColoredConsole):
        interrupted = False

        def runsource(self, source, filename="<input>", symbol="single"):
            # (InteractiveColoredConsole.runsource, the compile step evalframe's)
            try:
                tree = ast.parse(source)
            except (SyntaxError, OverflowError, ValueError):
                self.showsyntaxerror(filename, source=source)
                return False
            flags = getattr(self.compile.compiler, "flags", 0) & _FUTURE_FLAGS
            last = tree.body[-1] if tree.body else None
            for stmt in tree.body:
                item = (ast.Interactive if stmt is last else ast.Module)([stmt], *(
                    () if stmt is last else ([],)))
                try:
                    code = compile_source(item, filename, symbol if stmt is last else "exec",
                                          flags, True)
                except SyntaxError as e:
                    if e.args and e.args[0] == "'await' outside function":
                        e.add_note("Try the asyncio REPL (%s -m asyncio) to use top-level "
                                   "'await' and run background asyncio tasks."
                                   % os.path.basename(sys.executable))
                    self.showsyntaxerror(filename, source=source)
                    return False
                except (OverflowError, ValueError):
                    self.showsyntaxerror(filename, source=source)
                    return False
                self.runcode(code)
            return False

        def runcode(self, code):
            from .runtime.tracebacks import clean_exception
            try:
                pythonrun.run_in_module(code, main)
            except SystemExit:
                raise
            except BaseException as exc:  # shown as PyREPL shows it (colours too)
                self.interrupted = isinstance(exc, KeyboardInterrupt)
                pythonrun.flush_stdout()
                clean_exception(exc)
                self._showtraceback(type(exc), exc, exc.__traceback__, "")
            else:
                self.interrupted = False

    return VMColoredConsole(main.__dict__, filename="<stdin>")


def _interact_pyrepl(main, text):
    """python 3.13's terminal REPL (pymain_repl -> _pyrepl.main), statements in the VM."""
    from . import pythonrun
    from _pyrepl.simple_interact import run_multiline_interactive_console
    if not hasattr(sys, "ps1"):
        sys.ps1 = ">>> "
    if not hasattr(sys, "ps2"):
        sys.ps2 = "... "
    if text:
        sys.stderr.write(text + "\n")
        sys.stderr.flush()
    console = _pyrepl_console(main)
    try:
        run_multiline_interactive_console(console)
    except SystemExit as exc:
        return pythonrun.handle_system_exit(exc)
    return pythonrun.EX_OK


def banner():
    """The first lines python's REPL prints (pymain_header)."""
    return ('Python %s on %s\nType "help", "copyright", "credits" or "license" '
            'for more information.' % (sys.version, sys.platform))


def interact(main, quiet=False, banner_wanted=True):
    """Read-eval-print in module ``main`` until EOF; the exit status."""
    from . import pythonrun
    pythonrun.inspect_after_run = False   # a SystemExit from the REPL ends the process
    try:
        tty = sys.stdin is not None and sys.stdin.isatty()
    except (OSError, ValueError):
        tty = False
    pyrepl = tty and _pyrepl_usable()
    if tty:
        hook = getattr(sys, "__interactivehook__", None)
        if hook is not None:
            try:
                if pyrepl:
                    hook()      # (3.13's site: history through PyREPL's readline)
                else:
                    _call_hook_for_the_basic_repl(hook)
            except BaseException as exc:  # as pymain_run_interactive_hook reports it
                sys.stderr.write("Failed calling sys.__interactivehook__\n")
                pythonrun.print_exception(exc)
    text = banner() if banner_wanted and not quiet else ""
    if pyrepl:
        return _interact_pyrepl(main, text)
    console = VMConsole(main, tty)
    try:
        console.interact(banner=text, exitmsg="")
    except SystemExit as exc:
        return pythonrun.handle_system_exit(exc)
    if console.interrupted:
        return pythonrun.EXIT_BY_SIGINT
    return pythonrun.EX_OK
