"""The ``evalframe`` command line: run, dis, compile, compare and the seeing tools.

Mirrors the argument handling of Modules/main.c for ``run`` (``FILE``, ``-c CODE``,
``-m MODULE``, everything after them belonging to the guest's ``sys.argv``) and of
``python -m dis`` for ``dis``.  Each subcommand lives in its own module; this file
only routes to it, so ``python -m evalframe`` and the ``evalframe`` script agree.
"""

import sys

from . import limits as _limits

USAGE = """\
usage: evalframe <command> [options] ...

commands:
  run [OPTIONS] FILE [ARGS...]   run a Python file (or a CPython 3.10 .pyc) in the VM
  run [OPTIONS] -c CODE [ARGS...]
  run [OPTIONS] -m MODULE [ARGS...]
  dis FILE | dis -c CODE         disassemble, exactly as `python3.10 -m dis` prints
  compile FILE -o OUT.pyc        write a .pyc that CPython 3.10 can run
  compare FILE_OR_DIR...         compare evalframe's bytecode with CPython 3.10's
  trace FILE [ARGS...]           instruction-level execution trace
  explain FILE [ARGS...]         what the VM does, instruction by instruction
  inspect FILE [NAME]            code and function objects of a program
  step FILE [ARGS...]            interactive instruction stepper
  web FILE [ARGS...]             step through a recorded run in a browser (--export OUT.html)
  serve [--host H] [--port P]    a page where people run programs and step through them

`evalframe <command> --help` for a command's options.
"""

RUN_USAGE = """\
usage: evalframe run [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options (evalframe's own):
  --pdb                  run under the host's pdb, over guest frames
  --stats                print instruction, call and frame statistics at exit
  --vm-modules {user,all,none}
                         which imported modules run in the VM (default: user)
  --explain-imports       at exit: where each imported module ran, and why
  --max-steps N, --timeout SECONDS, --max-memory MB, --max-depth N
                         run limits (docs/limits.md)
Options of the python command line (as `python` takes them; see docs/cli.md):
  -b, -bb, -B, -d, -E, -I, -O, -OO, -P, -R, -s, -S, -u, -v, -W arg, -X opt
                         interpreter flags: the host interpreter is restarted with them
  -i                     after the program (or with no program), the REPL in the VM
  -q                     no REPL banner
  -x                     skip the first line of the source
  -V, --version          the host Python's version (twice: more detail)
  -c cmd, -m mod, file   the program; `-` or no program: stdin (a REPL on a tty)
"""
# CPython's wording for a bad command line (Modules/main.c usage()), naming us.
RUN_USAGE_SHORT = """\
usage: evalframe run [option] ... [-c cmd | -m mod | file | -] [arg] ...
Try `evalframe run -h' for more information.
"""


def _usage_error(message, usage=USAGE):
    sys.stderr.write(usage)
    sys.stderr.write("evalframe: error: %s\n" % message)
    return 2


class RunUsageError(ValueError):
    """A bad value of one of evalframe's own ``run`` options."""


class PythonUsageError(RunUsageError):
    """A bad python command line, reported in python's words (Modules/main.c)."""


def _choice(*choices):
    def convert(option, value):
        if value not in choices:
            raise RunUsageError("argument %s: invalid choice: %r (choose from %s)" % (
                option, value, ", ".join(repr(c) for c in choices)))
        return value
    return convert


# evalframe's own long options of ``run``: option -> (dest, converter).  A
# converter of None makes a flag (True when given); otherwise the option takes a
# value (``--opt VALUE`` or ``--opt=VALUE``) passed through converter(option, value).
RUN_LONG_OPTIONS = {
    "--pdb": ("pdb", None),
    "--stats": ("stats", None),
    "--vm-modules": ("vm_modules", _choice("user", "all", "none")),
    "--explain-imports": ("explain_imports", None),
}
# --max-steps, --timeout, --max-memory, --max-depth (evalframe.limits, docs/limits.md)
RUN_LONG_OPTIONS.update(_limits.run_options(RunUsageError))

# The python command line's single-letter options (Modules/main.c, Python/initconfig.c).
# "host": an interpreter flag; the host interpreter is restarted with it, so that
#         sys.flags, sys.warnoptions, sys._xoptions, buffering and the environment
#         are exactly python's (see pythonrun.restart_host);
# "self": handled by evalframe itself.
PY_FLAG_LETTERS = {
    "b": "host", "B": "host", "d": "host", "E": "host", "I": "host", "O": "host",
    "R": "host", "s": "host", "S": "host", "u": "host", "v": "host",
    "i": "self", "q": "self", "x": "self", "V": "self", "h": "self", "?": "self",
}
if sys.version_info >= (3, 11):
    PY_FLAG_LETTERS["P"] = "host"
PY_ARG_LETTERS = ("W", "X")      # options with an argument, passed to the host
PY_TARGET_LETTERS = ("c", "m")   # -c cmd / -m mod: the rest of argv is the guest's


def run_defaults():
    """The options dict parse_run_args fills in, with every default."""
    opts = {dest: (False if convert is None else None)
            for dest, convert in RUN_LONG_OPTIONS.values()}
    opts.update(host_flags=[], inspect=False, quiet=False, skip_first_line=False,
                version=0)
    return opts


def _parse_long(opts, argv, i):
    """One ``--option`` of RUN_LONG_OPTIONS at argv[i]; the index after it."""
    arg = argv[i]
    name, eq, value = arg.partition("=")
    if name not in RUN_LONG_OPTIONS:
        raise PythonUsageError("unknown option %s" % name)
    dest, convert = RUN_LONG_OPTIONS[name]
    if convert is None:
        if eq:
            raise RunUsageError("argument %s: ignored explicit argument %r" % (name, value))
        opts[dest] = True
        return i + 1
    if not eq:
        i += 1
        if i >= len(argv):
            raise RunUsageError("argument %s: expected one argument" % name)
        value = argv[i]
    opts[dest] = convert(name, value)
    return i + 1


def parse_run_args(argv):
    """Split ``run``'s arguments as Modules/main.c splits python's.

    Options come first (evalframe's ``--long`` options and python's letters,
    combinable as ``-OOu``, ``-Wdefault``, ``-ccode``), then the target, then the
    guest's arguments.  Returns (options dict, kind, target, guest args) where
    kind is "file", "c", "m", "stdin" (``-`` or no target) or "help";
    raises RunUsageError.
    """
    opts = run_defaults()
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg == "--":
            i += 1
            break
        if arg in ("--help", "-h", "-?"):
            return opts, "help", None, []
        if arg == "--version":
            opts["version"] += 1
            i += 1
            continue
        if arg.startswith("--"):
            i = _parse_long(opts, argv, i)
            continue
        if not arg.startswith("-") or arg == "-":
            break
        j = 1
        while j < len(arg):
            letter = arg[j]
            j += 1
            if letter in PY_TARGET_LETTERS or letter in PY_ARG_LETTERS:
                value = arg[j:]
                if not value:
                    i += 1
                    if i >= len(argv):
                        raise PythonUsageError("Argument expected for the -%s option" % letter)
                    value = argv[i]
                if letter in PY_TARGET_LETTERS:
                    return opts, letter, value, argv[i + 1:]
                opts["host_flags"] += ["-" + letter, value]
                break
            kind = PY_FLAG_LETTERS.get(letter)
            if kind is None:
                raise PythonUsageError("Unknown option: -%s" % letter)
            if kind == "host":
                opts["host_flags"].append("-" + letter)
            elif letter in "h?":
                return opts, "help", None, []
            elif letter == "i":
                opts["inspect"] = True
            elif letter == "q":
                opts["quiet"] = True
            elif letter == "x":
                opts["skip_first_line"] = True
            elif letter == "V":
                opts["version"] += 1
        i += 1
    if i >= len(argv):
        return opts, "stdin", None, []
    if argv[i] == "-":
        return opts, "stdin", "-", argv[i + 1:]
    return opts, "file", argv[i], argv[i + 1:]


def cmd_run(argv):
    import os
    from . import pythonrun
    restarted = os.environ.pop(pythonrun.RESTARTED_ENV, None) is not None
    try:
        opts, kind, target, args = parse_run_args(argv)
    except PythonUsageError as err:
        sys.stderr.write("%s\n%s" % (err, RUN_USAGE_SHORT))
        return 2
    except RunUsageError as err:
        return _usage_error(str(err), RUN_USAGE_SHORT.splitlines(True)[0])
    if kind == "help":
        sys.stdout.write(RUN_USAGE)
        return 0
    if opts.pop("explain_imports"):
        # where each imported module ran (importer.explain_report), at exit
        os.environ["EVALFRAME_EXPLAIN_IMPORTS"] = "stderr"
    if opts["host_flags"] and not restarted and not opts["version"]:
        return pythonrun.restart_host(opts["host_flags"], ["run"] + list(argv))
    return pythonrun.run(kind, target, args, **opts)


def _tool(modname, funcname="main"):
    def command(argv):
        import importlib
        module = importlib.import_module(modname, __package__)
        return getattr(module, funcname)(argv)
    return command


COMMANDS = {
    "run": cmd_run,
    "dis": _tool(".tools.disasm"),
    "compile": _tool(".pyc", "main_compile"),
    "compare": _tool(".tools.compare"),
    "trace": _tool(".tools.tracer"),
    "explain": _tool(".tools.explain"),
    "inspect": _tool(".tools.inspector"),
    "step": _tool(".tools.stepper"),
    "web": _tool(".web.command"),
    "serve": _tool(".web.serve"),
}


def main(argv=None):
    if argv is None:
        argv = sys.argv[1:]
    if not argv or argv[0] in ("-h", "--help"):
        sys.stdout.write(USAGE)
        return 0 if argv else 2
    if argv[0] == "--version":
        from . import __version__
        sys.stdout.write("evalframe %s\n" % __version__)
        return 0
    command = COMMANDS.get(argv[0])
    if command is None:
        return _usage_error("unknown command %r" % argv[0])
    status = command(argv[1:])
    return 0 if status is None else status


def entry():
    """The console script: run main() and leave the process as CPython would."""
    from .pythonrun import exit_process
    exit_process(main())
