"""AbortRun: a run stopped from outside the guest program.

Mirrors no CPython file: it is the VM's version of a process ended from
outside (a signal whose default action kills, ``timeout(1)``, the OOM killer,
pdb's quit).  The eval loops (ceval.py, traced.py) let it through every guest
``except`` and ``finally``: the guest never sees it.  The stepper's quit and the
run limits of evalframe.limits (--max-steps, --timeout, --max-depth) raise it.
It lives in a module of its own so that both loops can import it.
"""


class AbortRun(BaseException):
    """Stops the guest program from a tool (--max-steps, the stepper's quit).

    The traced loop lets it through every guest handler: no guest ``except``
    or ``finally`` sees it, and no trace event reports it.
    """

    def __init__(self, status=1, message=""):
        BaseException.__init__(self, message)
        self.status = status
        self.message = message


# What the loops' exception paths look at: an AbortRun goes past the guest's
# handlers; a MemoryError is the guest's, but evalframe.limits (--max-memory)
# first frees the reserve it keeps so that the VM can unwind and the guest's
# handlers can run, as they do in CPython under the same rlimit.
STOP_OR_MEMORY = (AbortRun, MemoryError)
memory_hook = None
# Called with a stop the host swallowed where it could not propagate (a guest
# __del__ or weakref callback the host ran: runtime/patches' unraisable
# dispatcher); evalframe.limits sets it to raise a limit's stop again at once.
swallowed_hook = None
# The codes of that dispatcher and hook: a limit's signal arriving while one
# of them runs waits (a stop raised there would itself be swallowed, and
# printed as the hook's own error).
quiet_codes = set()


def stops_run(exc):
    """For a loop that caught ``exc`` (an AbortRun or a MemoryError): True if the
    run stops (re-raise it past every guest handler)."""
    if issubclass(type(exc), AbortRun):     # (never a guest __class__)
        return True
    hook = memory_hook
    if hook is not None:
        hook(exc)
    return False
