"""The guest's ``_lsprof``: cProfile's profiler core, fed by the VM's profile events.

Mirrors Modules/_lsprof.c (the ``Profiler`` type: enable, disable, clear,
getstats; its ProfilerEntry / ProfilerSubEntry / ProfilerContext bookkeeping,
normalizeUserObj's labels for built-ins, and the ``profiler_entry`` /
``profiler_subentry`` records getstats returns).

The host's C ``_lsprof`` installs a C-level profile function on the host
thread: profiling a guest with it would time the VM's own functions.  So a
guest ``import _lsprof`` (as Lib/cProfile.py does, run in the VM by
``evalframe run -m cProfile``) gets this module instead (runtime/imports.py);
its Profiler receives the events of evalframe.runtime.setprofile: guest
functions as their code objects (file, first line, name) and the built-ins
the guest calls as CPython labels them ('<built-in method builtins.len>',
"<method 'append' of 'list' objects>"), so cProfile and pstats print what
they print on CPython, and ``-o FILE`` writes a pstats file that snakeviz-style
tools read.
"""

import collections
import time
from types import BuiltinFunctionType, ModuleType

from . import setprofile as _setprofile

profiler_entry = collections.namedtuple(
    "profiler_entry", "code callcount reccallcount totaltime inlinetime calls")
profiler_entry.__module__ = "_lsprof"
profiler_subentry = collections.namedtuple(
    "profiler_subentry", "code callcount reccallcount totaltime inlinetime")
profiler_subentry.__module__ = "_lsprof"


def _label(func):
    """normalizeUserObj: a built-in function is kept as a descriptive string."""
    if type(func) is not BuiltinFunctionType:
        return func
    name = func.__name__
    owner = func.__self__
    if owner is None:
        mod = getattr(func, "__module__", None)
        if isinstance(mod, str) and mod != "builtins":
            return "<%s.%s>" % (mod, name)
        return "<%s>" % name
    if not isinstance(owner, ModuleType):
        for klass in type(owner).__mro__:
            found = klass.__dict__.get(name)
            if found is not None:
                return repr(found)
    mod = getattr(func, "__module__", None)
    if isinstance(mod, str):
        return "<built-in method %s.%s>" % (mod, name)
    return "<built-in method %s>" % name


class _Entry:
    __slots__ = ("key", "tt", "it", "callcount", "recursivecallcount", "recursionlevel",
                 "calls")

    def __init__(self, key):
        self.key = key
        self.tt = self.it = 0.0
        self.callcount = self.recursivecallcount = self.recursionlevel = 0
        self.calls = {}


class _SubEntry:
    __slots__ = ("tt", "it", "callcount", "recursivecallcount", "recursionlevel")

    def __init__(self):
        self.tt = self.it = 0.0
        self.callcount = self.recursivecallcount = self.recursionlevel = 0


def _account(rec, tt, it):
    """A call of an entry (or of a callee under its caller) ends: Stop()'s counting."""
    rec.recursionlevel -= 1
    if rec.recursionlevel == 0:
        rec.tt += tt
    else:
        rec.recursivecallcount += 1
    rec.it += it
    rec.callcount += 1


class _Context:
    __slots__ = ("t0", "subt", "previous", "entry")

    def __init__(self, t0, previous, entry):
        self.t0 = t0
        self.subt = 0.0
        self.previous = previous
        self.entry = entry


class Profiler:
    """Profiler(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def __init__(self, timer=None, timeunit=0.0, subcalls=True, builtins=True):
        self._timer = timer
        self._factor = timeunit if timeunit else 1.0
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._entries = {}      # id(key) -> _Entry (keys: code objects and labels)
        self._keep = []         # the keys, alive as long as their entries
        self._current = None
        self._enabled = False

    def _now(self):
        timer = self._timer
        if timer is None:
            return time.perf_counter()
        return timer() * self._factor

    def _entry(self, key, create):
        entry = self._entries.get(id(key))
        if entry is None and create:
            entry = self._entries[id(key)] = _Entry(key)
            self._keep.append(key)
        return entry

    def _enter(self, key):
        entry = self._entry(key, True)
        previous = self._current
        entry.recursionlevel += 1
        if self._subcalls and previous is not None:
            sub = previous.entry.calls.get(id(entry))
            if sub is None:
                sub = previous.entry.calls[id(entry)] = (entry, _SubEntry())
            sub[1].recursionlevel += 1
        self._current = _Context(self._now(), previous, entry)

    def _stop(self, ctx):
        tt = self._now() - ctx.t0
        it = tt - ctx.subt
        previous = ctx.previous
        if previous is not None:
            previous.subt += tt
        self._current = previous
        entry = ctx.entry
        _account(entry, tt, it)
        if self._subcalls and previous is not None:
            pair = previous.entry.calls.get(id(entry))
            if pair is not None:
                _account(pair[1], tt, it)

    def _leave(self, key):
        if self._entry(key, False) is not None and self._current is not None:
            self._stop(self._current)

    def _callback(self, frame, event, arg):
        if event == "call":
            self._enter(frame.f_code)
        elif event == "return":
            self._leave(frame.f_code)
        elif self._builtins:
            if event == "c_call":
                self._enter(_label(arg))
            else:       # c_return, c_exception
                self._leave(_label(arg))

    def enable(self, subcalls=True, builtins=True):
        """Start collecting profiling information."""
        self._subcalls = bool(subcalls)
        self._builtins = bool(builtins)
        self._enabled = True
        _setprofile.setprofile(self._callback)

    def _flush(self):
        while self._current is not None:
            self._stop(self._current)

    def disable(self):
        """Stop collecting profiling information."""
        if self._enabled:
            if self._builtins and self._current is not None:
                # the C profiler's own 'c_call' of this method (a method
                # descriptor of _lsprof.Profiler there), ended by the flush
                self._enter("<method 'disable' of '_lsprof.Profiler' objects>")
            _setprofile.setprofile(None)
            self._enabled = False
        self._flush()

    def clear(self):
        """Clear all profiling information collected so far."""
        self._entries.clear()
        self._keep = []
        self._current = None

    def getstats(self):
        """list of profiler_entry objects: code, callcount, reccallcount,
        totaltime, inlinetime and calls (a list of profiler_subentry, or None)."""
        out = []
        for entry in self._entries.values():
            calls = None
            if self._subcalls or entry.calls:
                calls = [profiler_subentry(sub_entry.key, sub.callcount, sub.recursivecallcount,
                                           sub.tt, sub.it)
                         for sub_entry, sub in entry.calls.values()]
            out.append(profiler_entry(entry.key, entry.callcount, entry.recursivecallcount,
                                      entry.tt, entry.it, calls))
        return out


Profiler.__module__ = "_lsprof"
