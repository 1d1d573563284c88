"""The ``evalframe`` command line: run, dis, compile, compare and the seeing tools.

Mirrors the argument handling of Modules/main.c for ``run`` (``FILE``, ``-c CODE``,
``-m MODULE``, everything after them belonging to the guest's ``sys.argv``) and of
``python -m dis`` for ``dis``.  Each subcommand lives in its own module; this file
only routes to it, so ``python -m evalframe`` and the ``evalframe`` script agree.
"""

import os
import sys

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

`evalframe <command> --help` for a command's options.
"""

RUN_USAGE = """\
usage: evalframe run [--pdb] [--stats] [--vm-modules {user,all,none}] [--explain-imports] FILE [ARGS...]
       evalframe run [OPTIONS] -c CODE [ARGS...]
       evalframe run [OPTIONS] -m MODULE [ARGS...]
"""


def _usage_error(message, usage=USAGE):
    sys.stderr.write(usage)
    sys.stderr.write("evalframe: error: %s\n" % message)
    return 2


def parse_run_args(argv):
    """Split ``run``'s arguments: options first, then the target, then guest args.

    Returns (options dict, kind, target, guest args) or raises ValueError.
    """
    opts = {"pdb": False, "stats": False, "vm_modules": None}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in ("-c", "-m"):
            if i + 1 >= len(argv):
                raise ValueError("argument %s: expected one argument" % arg)
            return opts, arg[1], argv[i + 1], argv[i + 2:]
        if arg == "--pdb":
            opts["pdb"] = True
        elif arg == "--stats":
            opts["stats"] = True
        elif arg == "--explain-imports":
            # where each imported module ran (importer.explain_report), at exit
            os.environ["EVALFRAME_EXPLAIN_IMPORTS"] = "stderr"
        elif arg.startswith("--vm-modules"):
            if "=" in arg:
                value = arg.split("=", 1)[1]
            else:
                i += 1
                if i >= len(argv):
                    raise ValueError("argument --vm-modules: expected one argument")
                value = argv[i]
            if value not in ("user", "all", "none"):
                raise ValueError("argument --vm-modules: invalid choice: %r "
                                 "(choose from 'user', 'all', 'none')" % value)
            opts["vm_modules"] = value
        elif arg in ("-h", "--help"):
            return opts, "help", None, []
        elif arg == "--":
            i += 1
            break
        elif arg.startswith("-") and arg != "-":
            raise ValueError("unrecognized option %r" % arg)
        else:
            break
        i += 1
    if i >= len(argv):
        raise ValueError("a FILE, -c CODE or -m MODULE is required")
    return opts, "file", argv[i], argv[i + 1:]


def cmd_run(argv):
    try:
        opts, kind, target, args = parse_run_args(argv)
    except ValueError as err:
        return _usage_error(str(err), RUN_USAGE)
    if kind == "help":
        sys.stdout.write(RUN_USAGE)
        return 0
    from . import pythonrun
    return pythonrun.run(kind, target, args, **opts)


def _tool(modname, funcname="main"):
    def command(argv):
        import importlib
        try:
            module = importlib.import_module(modname, __package__)
        except ModuleNotFoundError as err:
            if not (err.name and (__package__ + modname).startswith(err.name)):
                raise
            sys.stderr.write("evalframe: this command is not available yet (%s)\n" % err)
            return 2
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
