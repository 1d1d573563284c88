"""Per-thread interpreter state: the current guest frame, exc_info, recursion.

Mirrors Python/pystate.c and Include/cpython/pystate.h (3.10): PyThreadState's
``frame``, ``recursion_depth``/``recursion_limit`` and the ``exc_info`` chain
of _PyErr_StackItem (one item for the thread, one per running generator,
linked through ``previous_item``; _PyErr_GetTopmostException walks it).
The VM-aware builtins (locals(), super(), sys._getframe()...) read ``frame``.
"""

import sys
import threading

# Re-entries of the VM from host code (a host function calling a guest one)
# consume the host's C stack; beyond this many nested entries the next one
# raises RecursionError instead of risking a crash of the host.
MAX_HOST_REENTRY = 2000
# A guest generator made (or adopted by tier 2) at this guest depth or deeper
# gets no host generator on 3.12 (tier2gen): it runs in tier 1, which resumes
# nested generators by switching frames in one loop.  3.12 counts C-level
# calls against a fixed C recursion limit (1500), whatever the recursion
# limit, and each tier-2 generator resuming another spends 3 of it (its host
# generator's ``send``): a nest of about 490 ended in the host's
# RecursionError ("while calling a Python object"), where CPython 3.12
# resumes a generator from a generator without a C call.  3.10 and 3.11
# spend the C stack instead (MAX_HOST_REENTRY), 3.13 a limit ten times
# larger (a nest of 2,500 runs): no such depth there.
HOST_NEST_DEPTH = 200 if sys.version_info[:2] == (3, 12) else 1 << 62
# Host Python frames one VM re-entry costs (Function.__call__, call_from_host,
# run_frame, _eval_plain, a handler, call_host...), to size the host limit.
HOST_FRAMES_PER_REENTRY = 16


class ExcItem:
    """_PyErr_StackItem: the exception being handled (only the value, as 3.11)."""

    __slots__ = ("exc_value", "previous_item")

    def __init__(self, exc_value=None, previous_item=None):
        self.exc_value = exc_value
        self.previous_item = previous_item


class ThreadState:
    __slots__ = ("frame", "exc_info", "depth", "recursion_limit", "reentry",
                 "tracer", "c_lazy", "t2_room", "t2_inl", "t2_frs", "tb_head",
                 "raising", "__weakref__")

    def __init__(self):
        self.frame = None
        self.exc_info = ExcItem()
        self.depth = 0
        self.recursion_limit = sys.getrecursionlimit()
        self.reentry = 0
        self.tracer = None
        # the C recursion units of the outermost host->guest entry, counted
        # only once a nested entry needs them (runtime/cdepth.py): (function,
        # host caller frame) while pending, then their number
        self.c_lazy = None
        # the depth at which a tier-2 call next looks at the recursion limit
        # and the host's (tier2.host_room); 0 whenever recursion_limit is set
        self.t2_room = 0
        # t2_room, at most tier2gen.INLINE_UNCOUNTED_DEPTH: what a generator
        # resumed inline by tier 2 is tested against, one comparison (set
        # wherever t2_room is: host_room, and 0 with it)
        self.t2_inl = 0
        # per depth, the one-slot list of the lean tier-2 call running there
        # (its ``fr``: the Frame made if it is observed), reused by the next
        # call at that depth; as long as t2_room (tier2.host_room)
        self.t2_frs = []
        # (id(exception), id(its head traceback entry), weak reference to the
        # guest Frame that entry is for, the kind of entry):
        # runtime/tracebacks.add_entry
        self.tb_head = None
        # the guest exception (of a class whose metaclass is not ``type``)
        # on its way from its raise to the guest handler that takes it: the
        # host normalizes it at each except/finally of the VM's own code it
        # passes, and funcobject answers those subclass checks without the
        # guest's __subclasscheck__ (ops/exceptions.normalize_at_handler)
        self.raising = None

    def topmost_exception(self):
        """_PyErr_GetTopmostException: the innermost exception being handled."""
        item = self.exc_info
        while item is not None:
            value = item.exc_value
            if value is not None:
                return value
            item = item.previous_item
        return None


_local = threading.local()
main_tstate = ThreadState()
_main_thread = threading.main_thread()
_get_ident = threading.get_ident
_main_ident = _main_thread.ident
# (public for the hot callers that test it inline, no get_tstate() call:
# tier2gen.gen_iternext)
MAIN_IDENT = _main_ident


def get_tstate():
    """The calling thread's state (created on first use in a new thread)."""
    if _get_ident() == _main_ident:
        return main_tstate
    try:
        return _local.tstate
    except AttributeError:
        ts = _local.tstate = ThreadState()
        ts.recursion_limit = main_tstate.recursion_limit
        if not other_thread[0]:
            other_thread[0] = True
            for hook in other_thread_hooks:
                hook()
        if new_thread_hook is not None:
            new_thread_hook(ts)     # evalframe.limits: count this thread's steps too
        return ts


# Called with the state of each new thread (None: nothing to do).
new_thread_hook = None

# Whether a thread other than the main one has had a state made (get_tstate:
# until then main_tstate is the only one), and what to call as the first one
# is made, before it runs anything (tier2gen: a generator body looks for a
# change of thread after a yield only from then on).
other_thread = [False]
other_thread_hooks = []


# How many exc_info items hold an exception right now (all threads).  Host
# calls from guest code only look for a guest handled exception when this is
# non-zero (call.call_host); kept exact by set_exc_value().
handled = [0]


def set_exc_value(item, value):
    """Set ``item.exc_value`` keeping the ``handled`` count."""
    old = item.exc_value
    if (old is None) != (value is None):
        handled[0] += 1 if old is None else -1
    item.exc_value = value
