"""``evalframe run --stats FILE``: what the VM executed, counted.

Executed instructions by opname (CPython's DYNAMIC_EXECUTION_PROFILE ``dxp``
array, ceval.c), calls by kind (CPython 2.7's CALL_PROFILE counters in ceval.c:
PCALL_FAST_FUNCTION, PCALL_FUNCTION (the general path), PCALL_METHOD /
PCALL_BOUND_METHOD, PCALL_CFUNCTION, PCALL_TYPE, PCALL_OTHER, PCALL_GENERATOR),
frames created (new, or a code object's zombie frame reused: 3.10's
co_zombieframe, objects/frameobject.py) and the maximum frame depth.  The counting rides on the traced
eval loop (evalframe/interpreter/traced.py); with ``--stats`` off nothing is
counted.

``classify_call`` is the one place that says which path a call takes; the
explainer uses it too.  It mirrors the VM's own decision (the fast path of
evalframe.interpreter.call, which the Function object precomputes as
``_fast_argcount``) and CPython 2.7's call_function / fast_function tests.
"""

import sys
import types

from ..objects.codeobject import (CO_VARARGS, CO_VARKEYWORDS, CO_GENERATOR, CO_COROUTINE,
                                  CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE)

CALL_KINDS = ("fast", "general", "generator", "method", "loadmethod", "builtin", "type", "other")
CALL_KIND_TITLES = {
    "fast": "fast-path function (PCALL_FAST_FUNCTION)",
    "general": "general function (PCALL_FUNCTION, argument binder)",
    "generator": "generator/coroutine function (PCALL_GENERATOR)",
    "method": "bound method (PCALL_BOUND_METHOD)",
    "loadmethod": "method via LOAD_METHOD (PCALL_METHOD)",
    "builtin": "host builtin (PCALL_CFUNCTION)",
    "type": "type (PCALL_TYPE)",
    "other": "other callable (PCALL_OTHER)",
}

_GEN_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR | CO_ITERABLE_COROUTINE


def _guest_function_type():
    try:
        from ..objects.funcobject import Function
    except ImportError:
        return None
    return Function


def _function_path(func, nargs, kwnames):
    """(kind, reason) for a guest function called with nargs positionals and kwnames."""
    code = func._code      # (the slot: no audit event for a guest hook)
    flags = code.co_flags
    name = func.__qualname__
    nkw = len(kwnames or ())
    if flags & _GEN_FLAGS:
        what = ("coroutine" if flags & CO_COROUTINE else
                "async generator" if flags & CO_ASYNC_GENERATOR else "generator")
        return "generator", ("`%s` is a %s function: the arguments are bound into a new frame which is "
                             "not run but wrapped in a %s object" % (name, what, what))
    fast = getattr(func, "_fast_argcount", None)
    if fast is None:  # a Function without the VM's cache: compute the same test
        fast = -1 if (flags & (CO_VARARGS | CO_VARKEYWORDS) or code.co_kwonlyargcount
                      or code.co_cellvars) else code.co_argcount
    why = []
    if nkw:
        why.append("keyword argument%s given (%s)" % ("" if nkw == 1 else "s", ", ".join(kwnames)))
    if flags & CO_VARARGS:
        why.append("it takes *args")
    if flags & CO_VARKEYWORDS:
        why.append("it takes **kwargs")
    if code.co_kwonlyargcount:
        why.append("it has keyword-only parameters")
    if code.co_cellvars:
        why.append("its parameters or locals are captured by inner functions (cells: %s)"
                   % ", ".join(code.co_cellvars))
    if not why and nargs != code.co_argcount:
        if nargs < code.co_argcount:
            why.append("%d positional argument%s given for %d parameters, so defaults fill the rest"
                       % (nargs, "" if nargs == 1 else "s", code.co_argcount))
        else:
            why.append("%d positional arguments given for %d parameters (an error is coming)"
                       % (nargs, code.co_argcount))
    if fast >= 0 and nargs == fast and not nkw and not why:
        return "fast", ("`%s` is a plain function whose code takes exactly %d positional argument%s, "
                        "and none are keywords, so the frame is made directly and the arguments "
                        "are copied into its fast locals" % (name, nargs, "" if nargs == 1 else "s"))
    if not why:
        why.append("its shape rules out the fast path")
    return "general", "`%s`: %s, so each argument is matched to its parameter" % (name, "; ".join(why))


def classify_call(func, nargs, kwnames=(), via_load_method=False):
    """(kind, reason, target): which path a call of ``func`` takes, and why.

    ``nargs`` counts positional arguments (for a LOAD_METHOD call: including
    self).  ``target`` is the guest function that will run, if any.
    """
    function = _guest_function_type()
    if function is not None and isinstance(func, function):
        if via_load_method:
            kind, reason = _function_path(func, nargs, kwnames)
            return "loadmethod", ("LOAD_METHOD found the plain function on the type, so it is called "
                                  "with self as its first argument; then %s: %s" % (kind, reason)), func
        kind, reason = _function_path(func, nargs, kwnames)
        return kind, reason, func
    if isinstance(func, types.MethodType):
        inner = func.__func__
        if function is not None and isinstance(inner, function):
            kind, reason = _function_path(inner, nargs + 1, kwnames)
            return "method", ("a bound method of %s: the VM takes its __func__ and __self__ apart and "
                              "calls the function with self prepended; then %s: %s"
                              % (_short_type(func.__self__), kind, reason)), inner
        return "builtin", "a bound method of host code", None
    if isinstance(func, (types.BuiltinFunctionType, types.BuiltinMethodType,
                         types.MethodWrapperType, types.WrapperDescriptorType,
                         types.MethodDescriptorType, types.ClassMethodDescriptorType)):
        return "builtin", ("`%s` is implemented by the host (a %s): the VM calls it directly, no "
                           "guest frame is made" % (getattr(func, "__name__", "?"),
                                                    type(func).__name__)), None
    if isinstance(func, type):
        init = _guest_init(func, function)
        how = ("its __init__ is guest code, run by the VM" if init is not None
               else "its __new__ and __init__ are host code")
        return "type", ("`%s` is a class: calling it runs type.__call__, which makes the instance "
                        "with __new__ and then calls __init__; %s" % (func.__qualname__, how)), init
    if isinstance(func, types.FunctionType):
        return "builtin", ("`%s` is a host Python function: the host runs it, no guest frame is made"
                           % func.__qualname__), None
    return "other", ("%s is not a function: its type's __call__ is used" % _short_type(func)), None


def _guest_init(klass, function):
    if function is None:
        return None
    for base in getattr(klass, "__mro__", ()):
        init = base.__dict__.get("__init__")
        if init is not None:
            return init if isinstance(init, function) else None
    return None


def _short_type(obj):
    try:
        return "a `%s` object" % type(obj).__qualname__
    except Exception:
        return "an object"


class CallStats:
    """The counters (CPython's dxp array and CALL_PROFILE pcall[] together)."""

    def __init__(self):
        self.instructions = {}
        self.total = 0
        self.calls = {kind: 0 for kind in CALL_KINDS}
        self.frames = 0
        self.frames_reused = 0
        self.max_depth = 0

    def count_instruction(self, opname):
        self.instructions[opname] = self.instructions.get(opname, 0) + 1
        self.total += 1

    def count_call(self, kind):
        self.calls[kind] = self.calls.get(kind, 0) + 1

    def count_frame(self, depth, reused=False):
        self.frames += 1
        if reused:
            self.frames_reused += 1
        if depth > self.max_depth:
            self.max_depth = depth

    def report(self, out):
        w = out.write
        w("\n-- evalframe --stats " + "-" * 48 + "\n")
        w("instructions executed: %d\n" % self.total)
        for name, count in sorted(self.instructions.items(), key=lambda kv: (-kv[1], kv[0])):
            w("  %-24s %10d  %5.1f%%\n" % (name, count, 100.0 * count / max(1, self.total)))
        ncalls = sum(self.calls.values())
        w("calls: %d\n" % ncalls)
        for kind in CALL_KINDS:
            w("  %-52s %8d\n" % (CALL_KIND_TITLES[kind], self.calls.get(kind, 0)))
        w("frames created: %d\n" % self.frames)
        w("  %-52s %8d\n" % ("new frame objects (PyFrame_New)", self.frames - self.frames_reused))
        w("  %-52s %8d\n" % ("zombie frames reused (co_zombieframe)", self.frames_reused))
        w("maximum frame depth: %d\n" % self.max_depth)

    def as_dict(self):
        return {"instructions": dict(self.instructions), "total": self.total,
                "calls": dict(self.calls), "frames": self.frames,
                "frames_reused": self.frames_reused, "max_depth": self.max_depth}


def run_with_stats(code, main_module, out=None):
    """Run ``code`` as ``main_module`` with the statistics observer; print them to stderr.

    Returns the exit status, as evalframe.pythonrun.run_code_as_main does.
    """
    from ..interpreter import traced
    stats = CallStats()
    observer = traced.StatsObserver(stats)
    status = traced.run_main(code, main_module, observer)
    try:
        sys.stdout.flush()
    except Exception:
        pass
    if out is None:
        # (the program may have set sys.stderr to None or deleted it: the
        # report still goes to the process's stderr)
        out = getattr(sys, "stderr", None) or sys.__stderr__
    stats.report(out)
    return status


def main(argv=None):
    """``python -m evalframe.tools.stats FILE [ARGS]``: the same as ``run --stats``."""
    from .tracer import prepare_main
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv:
        sys.stderr.write("usage: evalframe run --stats FILE [ARGS...]\n")
        return 2
    prepared = prepare_main(argv[0], argv[1:])
    if isinstance(prepared, int):
        return prepared
    return run_with_stats(*prepared)


if __name__ == "__main__":
    sys.exit(main())
