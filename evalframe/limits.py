"""Limits on a run: ``--max-steps``, ``--timeout``, ``--max-memory``, ``--max-depth``.

Mirrors no single CPython file.  CPython leaves such limits to the operating
system (``ulimit``, ``timeout(1)``, setrlimit's RLIMIT_AS) and to
``sys.setrecursionlimit``; evalframe offers them on every command that runs a
guest program (run, run --stats, trace, explain, inspect, step) so that a
teacher, a sandbox or a test harness can run a program it does not trust to
end.  docs/limits.md describes the choices; in short:

* ``--max-steps N``: at most N guest instructions, counted across all guest
  threads.  The count runs on the traced loop (interpreter/traced.py) with a
  ``StepCounter`` observer, so the plain loop is untouched.
* ``--timeout SECONDS``: wall time.  ITIMER_REAL's SIGALRM raises the stop in
  the main thread; a watchdog thread ends the process one second later if the
  main thread cannot take it (blocked in C code, a guest that took SIGALRM).
* ``--max-memory MB``: RLIMIT_AS set to the VM's size at start plus MB.  The
  guest gets a MemoryError, as CPython does under the same rlimit (its
  ``except`` and ``finally`` run); if that ends the program, one line says so.
* ``--max-depth N``: at most N guest frames deep in a thread.  It caps the
  guest recursion limit the loops already check at every guest call
  (``ceval.depth_limit_hook`` is asked only when that check fails).

A stop by steps, time or depth is like a process killed from outside: no
guest ``except``/``finally`` runs (the loops let ``AbortRun`` through), output
written so far is flushed, one line goes to stderr, and the process exits
with the limit's status without running anything more of the guest (atexit
functions, finalizers, other threads).  Nothing here costs the plain eval
loop anything when no limit is set.
"""

import os
import sys

from .interpreter import abort as _abort
from .interpreter.abort import AbortRun

EXIT_MAX_STEPS = 3
EXIT_TIMEOUT = 4
EXIT_MAX_MEMORY = 5
EXIT_MAX_DEPTH = 6

# (option, attribute, type, metavar, help)
OPTIONS = (
    ("--max-steps", "max_steps", int, "N",
     "stop after N guest instructions, all threads counted (exit status %d)" % EXIT_MAX_STEPS),
    ("--timeout", "timeout", float, "SECONDS",
     "stop after SECONDS of wall time (exit status %d)" % EXIT_TIMEOUT),
    ("--max-memory", "max_memory", float, "MB",
     "let the program use at most MB megabytes more than the VM at start "
     "(MemoryError; exit status %d if it ends the program)" % EXIT_MAX_MEMORY),
    ("--max-depth", "max_depth", int, "N",
     "stop when a thread is N guest frames deep (exit status %d)" % EXIT_MAX_DEPTH),
)

WATCHDOG_GRACE = 1.0      # seconds after --timeout before the process is ended outright
REARM = 0.25              # SIGALRM again while a stopped run has not ended
AGAIN = 0.005             # ... and soon after the host swallowed the stop (swallowed)


class LimitExceeded(AbortRun):
    """A run stopped by one of its limits (``kind``: steps, timeout, depth)."""

    def __init__(self, status, message, kind):
        AbortRun.__init__(self, status, message)
        self.kind = kind


class Limits:
    """The limits of one run; None means no limit."""

    def __init__(self, max_steps=None, timeout=None, max_memory=None, max_depth=None):
        self.max_steps = max_steps
        self.timeout = timeout
        self.max_memory = max_memory
        self.max_depth = max_depth

    def __bool__(self):
        return any(v is not None for v in (self.max_steps, self.timeout, self.max_memory,
                                           self.max_depth))

    def __repr__(self):
        return "Limits(%s)" % ", ".join("%s=%r" % (a, getattr(self, a))
                                        for _o, a, _t, _m, _h in OPTIONS)


# -- the options -------------------------------------------------------------------------

def check(attr, value):
    """Validate one limit value; raises ValueError with the text argparse would use."""
    if value is None:
        return None
    if attr in ("max_steps", "max_depth"):
        if value < 1:
            raise ValueError("must be at least 1")
    elif value <= 0:
        raise ValueError("must be greater than 0")
    return value


def parse_value(attr, kind, text):
    """``text`` as the value of limit ``attr``; ValueError says what is wrong
    (in argparse's words)."""
    try:
        value = kind(text)
    except ValueError:
        raise ValueError("invalid %s value: %r" % (kind.__name__, text))
    try:
        return check(attr, value)
    except ValueError as err:
        raise ValueError("invalid value %r: %s" % (text, err))


def _argparse_type(attr, kind):
    def convert(text):
        import argparse
        try:
            return parse_value(attr, kind, text)
        except ValueError as err:
            raise argparse.ArgumentTypeError(str(err))
    return convert


def add_arguments(parser):
    """Add the four limit options to an argparse parser."""
    group = parser.add_argument_group("limits")
    for option, attr, kind, metavar, text in OPTIONS:
        group.add_argument(option, dest=attr, type=_argparse_type(attr, kind), metavar=metavar,
                           default=None, help=text)


def from_namespace(ns):
    return Limits(**{attr: getattr(ns, attr, None) for _o, attr, _k, _m, _h in OPTIONS})


def run_options(error=ValueError):
    """The four options for a table-driven parser: {option: (attr, convert)}, where
    ``convert(option, text)`` returns the value or raises ``error`` with the
    message to show (the shape of a parser like cli's table of ``run`` options)."""
    def converter(attr, kind):
        def convert(option, text):
            try:
                return parse_value(attr, kind, text)
            except ValueError as err:
                raise error("argument %s: %s" % (option, err))
        return convert
    return {option: (attr, converter(attr, kind)) for option, attr, kind, _m, _h in OPTIONS}


def take_option(argv, i, limits):
    """For hand-written parsers (``evalframe run``): if ``argv[i]`` is a limit
    option (``--max-steps N`` or ``--max-steps=N``), store it in ``limits``
    and return the index after it; otherwise return None.  Bad values raise
    ValueError with the message to show."""
    arg = argv[i]
    for option, attr, kind, _metavar, _text in OPTIONS:
        if arg == option or arg.startswith(option + "="):
            if "=" in arg:
                text = arg.split("=", 1)[1]
            else:
                i += 1
                if i >= len(argv):
                    raise ValueError("argument %s: expected one argument" % option)
                text = argv[i]
            try:
                value = parse_value(attr, kind, text)
            except ValueError as err:
                raise ValueError("argument %s: %s" % (option, err))
            setattr(limits, attr, value)
            return i + 1
    return None


# -- installing them ----------------------------------------------------------------------

_active = None            # the installed Limits
_running = False          # the guest's main program is running (stops raise in it)
_counter = None           # the StepCounter of --max-steps
_saved = {}               # what install() changed, for uninstall()
_watchdog = None          # the lock the watchdog thread waits on
_guest_limit = None       # the guest's own recursion limit while --max-depth caps it
stopped = None            # the LimitExceeded that stopped the run, once one has
_reported = False         # report() printed the stop


def active():
    return _active


def install(limits):
    """Put ``limits`` in force for the run that follows (main thread only)."""
    global _active, _running, stopped, _reported
    uninstall()
    stopped = None
    _reported = False
    if not limits:
        return
    _active = limits
    _running = True
    if limits.max_steps is not None:
        _install_steps(limits.max_steps)
    if limits.max_depth is not None:
        _install_depth(limits.max_depth)
    if limits.max_memory is not None:
        _install_memory(limits.max_memory)
    if limits.timeout is not None:
        _install_timeout(limits.timeout)


def finish():
    """The guest's main program has ended: undo the limits, unless guest threads
    still run (then they stay in force until the process exits)."""
    global _running
    _running = False
    if _active is None:
        return
    if _other_threads_alive():
        return
    uninstall()


def uninstall():
    """Undo install() (for callers that run several programs in one process)."""
    global _active, _running, _counter, _guest_limit, _reserve
    if _active is None:
        return
    _running = False
    from .interpreter import ceval, pystate, traced
    pystate.new_thread_hook = None
    if _counter is not None:
        tstate = pystate.get_tstate()
        loop = tstate.tracer
        if loop is not None:
            loop.remove_observer(_counter)
            traced.release(tstate)
        _counter = None
    if "depth" in _saved:
        ceval.depth_limit_hook = None
        tstate = pystate.get_tstate()
        tstate.recursion_limit = _guest_limit
        tstate.t2_room = tstate.t2_inl = 0      # (tier2.host_room)
        _guest_limit = None
        del _saved["depth"]
    if "memory" in _saved:
        import resource
        from .interpreter import abort
        abort.memory_hook = None
        _reserve = None
        try:
            resource.setrlimit(resource.RLIMIT_AS, _saved.pop("memory"))
        except (ValueError, OSError):
            pass
    _disarm()
    _active = None


def _other_threads_alive():
    import threading
    main = threading.main_thread()
    return any(t is not main and t.is_alive() and not t.daemon for t in threading.enumerate())


# -- --max-steps: a counting observer on the traced loop ------------------------------------

class StepCounter:
    """Counts instructions of every guest thread (one shared counter).

    ``itertools.count``'s ``__next__`` is one C call, so two threads never
    lose a count between them.
    """

    wants_instructions = True

    def __init__(self, limit):
        import itertools
        self.limit = limit
        self._next = itertools.count(1).__next__

    def before(self, loop, frame, index, stack):
        if self._next() > self.limit:
            raise _stopping(LimitExceeded(
                EXIT_MAX_STEPS, "evalframe: stopped after %d instructions (--max-steps %d)"
                % (self.limit, self.limit), "steps"))

    def call(self, loop, frame):
        pass

    def after(self, loop, frame, index, stack, jumped):
        pass

    def exception(self, loop, frame, exc):
        pass

    def exit(self, loop, frame, value, how):
        pass


def _install_steps(n):
    global _counter
    from .interpreter import pystate, traced
    _counter = StepCounter(n)
    # attached before any tool's observer, so that a tool sees exactly N instructions
    traced.loop_for(pystate.get_tstate()).add_observer(_counter)

    def new_thread(ts, counter=_counter):
        traced.loop_for(ts).add_observer(counter)
    pystate.new_thread_hook = new_thread


# -- --max-depth: a cap on the guest recursion limit --------------------------------------

def _install_depth(n):
    global _guest_limit
    from .interpreter import ceval, pystate
    tstate = pystate.get_tstate()
    _guest_limit = tstate.recursion_limit
    _saved["depth"] = True
    tstate.recursion_limit = min(_guest_limit, n)
    tstate.t2_room = tstate.t2_inl = 0      # (tier2.host_room)
    ceval.depth_limit_hook = _depth_error


def effective_recursion_limit(limit):
    """The limit the loops check when the guest sets ``limit`` (sys.setrecursionlimit)."""
    global _guest_limit
    if "depth" not in _saved:
        return limit
    _guest_limit = limit
    return min(limit, _active.max_depth)


def visible_recursion_limit(limit):
    """What sys.getrecursionlimit() shows the guest: its own limit, not the cap."""
    if "depth" not in _saved:
        return limit
    return _guest_limit


def _depth_error():
    """ceval._recursion_error under --max-depth: the cap or the guest's own limit."""
    n = _active.max_depth if _active is not None else None
    if n is None or _guest_limit is None or n >= _guest_limit:
        return RecursionError("maximum recursion depth exceeded")
    return _stopping(LimitExceeded(
        EXIT_MAX_DEPTH, "evalframe: stopped at a depth of %d frames (--max-depth %d)" % (n, n),
        "depth"))


# -- --max-memory: RLIMIT_AS ------------------------------------------------------------

def _vm_size():
    """The process's address-space size in bytes (what RLIMIT_AS limits)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _install_memory(mb):
    import resource
    old = resource.getrlimit(resource.RLIMIT_AS)
    want = _vm_size() + int(mb * 1024 * 1024) + RESERVE
    hard = old[1]
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    _saved["memory"] = old
    # Address space held back for the VM's own work after the guest's first
    # MemoryError (unwinding, traceback entries, the guest's handlers).  A
    # large zeroed bytearray is mapped, not touched: it costs no real memory.
    global _reserve
    from .interpreter import abort
    _reserve = bytearray(RESERVE)
    abort.memory_hook = _memory_error


def _memory_error(exc):
    global _reserve
    _reserve = None


RESERVE = 48 * 1024 * 1024
_reserve = None


def memory_message():
    mb = _active.max_memory if _active is not None else None
    if mb is None:
        return None
    return "evalframe: stopped: out of memory (--max-memory %s)" % _number(mb)


def _number(x):
    return "%d" % x if float(x).is_integer() else "%g" % x


# -- --timeout: SIGALRM, and a watchdog ----------------------------------------------------

def _install_timeout(seconds):
    import _signal as signal  # (the C module: never a program's own signal.py)
    import _thread
    _saved["alarm"] = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    # The watchdog is a bare host thread: threading.enumerate() does not list it.
    global _watchdog
    lock = _thread.allocate_lock()
    lock.acquire()
    _watchdog = lock
    _thread.start_new_thread(_watch, (lock, seconds))


def _timeout_exc():
    t = _active.timeout if _active is not None else 0
    return LimitExceeded(EXIT_TIMEOUT, "evalframe: stopped: time limit of %s s reached (--timeout %s)"
                         % (_number(t), _number(t)), "timeout")


def _on_alarm(signum, frame):
    import _signal as signal  # (the C module: never a program's own signal.py)
    if frame is not None and frame.f_code in _abort.quiet_codes:
        # (inside the dispatcher of a stop the host swallowed: once more,
        # when it has returned)
        signal.setitimer(signal.ITIMER_REAL, AGAIN)
        return
    if not _running:
        # the main program is over (the process waits for guest threads)
        _kill(stopped or _timeout_exc())
    signal.setitimer(signal.ITIMER_REAL, REARM)   # again, should this one be swallowed
    raise _stopping(stopped or _timeout_exc())


def _watch(lock, seconds):
    if lock.acquire(timeout=seconds + WATCHDOG_GRACE):
        return                          # disarmed
    _kill(stopped or _timeout_exc())


def _disarm():
    global _watchdog
    if "alarm" in _saved:
        import _signal as signal  # (the C module: never a program's own signal.py)
        signal.setitimer(signal.ITIMER_REAL, 0)
        try:
            signal.signal(signal.SIGALRM, _saved.pop("alarm"))
        except (TypeError, ValueError):
            pass
    if _watchdog is not None:
        try:
            _watchdog.release()
        except RuntimeError:
            pass
        _watchdog = None


# -- stopping ---------------------------------------------------------------------------------

def _stopping(exc):
    """Record the stop; in a thread other than the main one, end the process now."""
    global stopped
    if stopped is None:
        stopped = exc
    import threading
    if threading.current_thread() is not threading.main_thread():
        _kill(stopped)
    return exc


def _flush():
    for stream in (sys.stdout, sys.__stdout__, sys.stderr, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except BaseException:
            pass


def _kill(exc):
    """End the process at once, as a signal would: flush, one line, the status."""
    _flush()
    try:
        os.write(2, (exc.message + "\n").encode("utf-8", "replace"))
    except OSError:
        pass
    os._exit(exc.status)


def swallowed(exc):
    """The host swallowed ``exc`` where it could not propagate (a guest
    ``__del__`` or weakref callback run by the host, whose errors CPython only
    reports as unraisable; runtime/patches' unraisable dispatcher, which
    prints nothing for it): a time limit's stop is raised again AGAIN seconds
    later instead of REARM (the program may run on that long; one that ends
    meanwhile still ends with the stop: exit_now_if_stopped)."""
    if isinstance(exc, LimitExceeded) and exc.kind == "timeout" and "alarm" in _saved:
        import _signal as signal  # (the C module: never a program's own signal.py)
        signal.setitimer(signal.ITIMER_REAL, AGAIN)


_abort.swallowed_hook = swallowed
_abort.quiet_codes.add(swallowed.__code__)


def report(exc):
    """The top level of a run caught ``exc`` (an AbortRun): print its line, return
    its status.  Timers are disarmed first so nothing interrupts the report."""
    global _reported
    _reported = True
    if isinstance(exc, LimitExceeded):
        _disarm()
    _flush()
    if exc.message:
        try:
            sys.stderr.write(exc.message + "\n")
            sys.stderr.flush()
        except Exception:
            pass
    return exc.status


def exit_now_if_stopped(status):
    """For the process exit (pythonrun.exit_process): after a limit stopped the
    run, end the process without running more guest code (atexit functions,
    finalizers, threads), as the kill the limit stands for would."""
    if stopped is not None:
        if not _reported:
            # (the stop was swallowed where it was raised and the program
            # ended before it was raised again: the stop still ends the run)
            _kill(stopped)
        _flush()
        os._exit(status if isinstance(status, int) else stopped.status)
