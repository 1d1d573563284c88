"""Generator, coroutine and async generator objects for guest code.

Mirrors Objects/genobject.c (3.10): gen_send_ex (resuming the frame with the
sent value pushed, the exc_info chaining of gi_exc_state, StopIteration ->
RuntimeError), _gen_throw (delegation to the ``yield from`` target),
gen_close, _PyGen_yf, the coroutine wrapper returned by ``__await__``, and the
async generator's asend/athrow awaitables with the value wrapper that tells
a yield to the consumer from an await passed through to the event loop.

The objects are host-visible iterators/awaitables: Generator has __iter__ and
__next__, Coroutine has send/throw/close/__await__ (so asyncio.Task can drive
it), AsyncGenerator has __aiter__/__anext__/asend/athrow/aclose.  They are
registered with collections.abc (Generator, Coroutine, AsyncGenerator).
"""

import sys
from sys import _getframe   # bound once: a guest may delete or rebind sys._getframe
import collections.abc as _abc
from types import TracebackType, FunctionType as _FunctionType, GeneratorType as _GeneratorType, CoroutineType as _CoroutineType

from . import vmhooks
from .frameobject import FRAME_CREATED, FRAME_SUSPENDED, FRAME_RETURNED
from .funcobject import string_member
from .codeobject import CO_COROUTINE, CO_ASYNC_GENERATOR, CO_ITERABLE_COROUTINE
from . import excslots as _x

_YIELD_FROM = 72     # opcodes.YIELD_FROM (kept literal: objects do not import opcodes)
_WARN_3ARG_THROW = sys.version_info >= (3, 12)


class AsyncGenWrappedValue:
    """_PyAsyncGenValueWrapper: a value an async generator yields to its consumer."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


_OWN_GLOBALS = globals()    # (the frames of this module's methods: send, __next__...)
_UNSWAPPED = object()


def swap_to_resumer(tstate, depth):
    """The host frame that resumed a generator: below this module's frames
    (send, __next__, throw...; ``depth`` up from the caller); when it is host
    Python code (contextlib's __enter__, heapq.merge, asyncio's event loop),
    the generator's f_back is that frame, as on CPython (Function.__call__
    does the same for a call): it becomes the current frame.  Returns what
    restore_resumer puts back."""
    try:
        caller = _getframe(depth)
    except ValueError:
        return _UNSWAPPED
    while caller is not None and caller.f_globals is _OWN_GLOBALS:
        caller = caller.f_back
    if caller is not None and vmhooks.vm_files.get(caller.f_code.co_filename) is not True:
        back = vmhooks.entered_from(caller)
        if back is not None:
            saved = tstate.frame
            tstate.frame = back
            return saved
    return _UNSWAPPED


def restore_resumer(tstate, saved):
    if saved is not _UNSWAPPED:
        tstate.frame = saved


def _chain_context(tstate, exc):
    vmhooks.set_context(tstate, exc)


def _run(frame, throwexc):
    return vmhooks.run_frame(frame, throwexc)


def _get_tstate():
    return vmhooks.get_tstate()


def _readonly(name, fget):
    """A read-only attribute with CPython's getset error texts."""
    def fset(self, value):
        raise AttributeError("attribute '%s' of '%s' objects is not writable"
                             % (name, type(self).__name__))

    def fdel(self):
        raise AttributeError("attribute '%s' of '%s' objects is not writable"
                             % (name, type(self).__name__))
    return property(fget, fset, fdel)


def _readonly_member():
    def fset(self, value):
        raise AttributeError("readonly attribute")

    def fdel(self):
        raise AttributeError("readonly attribute")
    return fset, fdel


class GenBase:
    """What generators, coroutines and async generators share (PyGenObject)."""

    __slots__ = ("gi_frame", "gi_code", "_name", "_qualname", "_exc_state", "_running",
                 "_closed", "_hg", "_yf", "_yb", "_xl", "_lzf", "_lzn", "__weakref__")
    _kind = "generator"

    def __init__(self, func, frame):
        # (interpreter/tier2gen.new_generator writes these stores out for
        # the generators tier 2 makes: the two set the same slots)
        ExcItem = vmhooks.ExcItem
        self.gi_frame = frame
        self.gi_code = frame.f_code
        self._name = func._name
        self._qualname = func._qualname
        self._exc_state = ExcItem()
        self._running = False
        self._closed = False
        # tier 2 (interpreter/tier2gen.py): the host generator running the
        # frame, the generator it delegates to by a host ``yield from``, and
        # (weakly) the one delegating to it
        self._hg = self._yf = self._yb = None
        # (the top of a lazily suspended chain: its innermost frame and its
        # length, tier2gen.gen_next; None otherwise)
        self._lzf = None
        # (whether tier 2 links the exc_info item while it runs: not for code
        # without handlers, tier2gen.attach)
        self._xl = True
        # the frame refers back weakly (CPython's f_gen is a borrowed
        # reference): no cycle, so a dropped generator is finalized at once
        frame.f_gen = self
        # the eval loop's fast frame construction leaves f_back unset (it is
        # stored when the frame is pushed); a not-yet-started generator's
        # frame has no caller, as CPython reports it
        frame._f_back = None

    # -- names -----------------------------------------------------------------

    __name__ = string_member("_name", "__name__")
    _qualname_property = string_member("_qualname", "__qualname__")

    def __repr__(self):
        return "<%s object %s at %#x>" % (self._kind, self._qualname, id(self))

    def _get_running(self):
        if self._yb is not None:
            vmhooks.gen_settle(self)    # (an inner level of a tier-2 chain)
        return self._running

    gi_running = _readonly("gi_running", _get_running)
    gi_yieldfrom = _readonly("gi_yieldfrom", lambda self: self._yieldfrom())
    gi_suspended = _readonly("gi_suspended", lambda self: self._suspended())

    def _suspended(self):
        if self._yb is not None:
            vmhooks.gen_settle(self)
        f = self.gi_frame
        return f is not None and f.f_state == FRAME_SUSPENDED

    def _yieldfrom(self):
        """_PyGen_yf: the iterator this generator is delegating to, if any."""
        if self._yb is not None:
            vmhooks.gen_settle(self)
        f = self.gi_frame
        if f is None or f.f_state != FRAME_SUSPENDED or f._lasti < 0:
            return None
        if self._hg is not None:
            return self._yf
        code = f.f_code.co_code
        nxt = 2 * (f._lasti + 1)
        if nxt >= len(code) or code[nxt] != _YIELD_FROM:
            return None
        return f.f_valuestack[-1]

    def __reduce_ex__(self, protocol):
        # object.__reduce_ex__ would copy the slots; CPython's generator types
        # cannot be pickled or copied (copy.copy/deepcopy, pickle.dumps).
        return _cannot_pickle(self, protocol)

    # -- gen_send_ex -------------------------------------------------------------

    def _send_ex(self, arg, throwexc=None, closing=False):
        """Resume; return (value, returned) or raise what the frame raised."""
        if self._hg is not None:
            if throwexc is None:
                done = vmhooks.gen_resume(self, arg)
                if done is not None:
                    return done
            else:
                vmhooks.gen_deopt(self)
        elif throwexc is None and vmhooks.gen_osr is not None and self.gi_frame is not None:
            done = vmhooks.gen_osr(self, arg)
            if done is not None:
                return done
        f = self.gi_frame
        if self._running:
            raise ValueError("%s already executing" % self._kind)
        if f is None or f.f_state >= FRAME_RETURNED:
            if self._kind == "coroutine" and not closing:
                raise RuntimeError("cannot reuse already awaited coroutine")
            if throwexc is not None:
                raise throwexc
            return None, True
        if f.f_state == FRAME_CREATED and arg is not None and throwexc is None:
            raise TypeError("can't send non-None value to a just-started %s" % self._kind)
        f.f_valuestack.append(arg)
        tstate = _get_tstate()
        item = self._exc_state
        if item is None:
            # (tier 2 makes none for code without handlers: tier2gen)
            item = self._exc_state = vmhooks.ExcItem()
        item.previous_item = tstate.exc_info
        tstate.exc_info = item
        if throwexc is not None and item.exc_value is not None:
            # _PyErr_ChainStackItem: what is thrown in is raised while the
            # generator's own handled exception is the thread's
            _chain_context(tstate, throwexc)
        self._running = True
        saved = swap_to_resumer(tstate, 3)
        try:
            result = _run(f, throwexc)
        except (StopIteration, StopAsyncIteration) as exc:
            self._finish()
            if isinstance(exc, StopIteration) or self._kind == "async generator":
                name = type(exc).__name__ if type(exc) in (StopIteration, StopAsyncIteration) \
                    else ("StopIteration" if isinstance(exc, StopIteration) else "StopAsyncIteration")
                err = RuntimeError("%s raised %s" % (self._kind, name))
                try:
                    raise err from exc
                finally:
                    err = exc = None
            raise
        except BaseException:
            # (no "as": a local holding the exception would make a cycle
            # through the traceback and delay the guest's finalizers)
            self._finish()
            raise
        finally:
            self._running = False
            tstate.exc_info = item.previous_item
            item.previous_item = None
            f._f_back = None
            throwexc = None
            restore_resumer(tstate, saved)
            saved = None
        if f.f_state == FRAME_SUSPENDED:
            return result, False
        self._finish()
        return result, True

    def _finish(self):
        f = self.gi_frame
        if f is not None:
            f.f_gen = None
            self.gi_frame = None

    def send(self, *args):
        # (METH_O: one positional argument, its count in CPython's words)
        if len(args) != 1:
            raise TypeError("%s.send() takes exactly one argument (%d given)"
                            % (type(self).__name__, len(args)))
        value, = args
        if self._hg is not None:
            return vmhooks.gen_send(self.gi_frame, self, value)
        result, returned = self._send_ex(value)
        if returned:
            if result is None:
                raise StopIteration
            raise StopIteration(result)
        return result

    # -- throw / close -------------------------------------------------------------

    def throw(self, *args):
        # (_PyArg_CheckPositional("throw", nargs, 1, 3), and 3.12's warning
        # for any second or third argument, None too)
        n = len(args)
        if n < 1:
            raise TypeError("throw expected at least 1 argument, got 0")
        if n > 3:
            raise TypeError("throw expected at most 3 arguments, got %d" % n)
        typ, val, tb = args + (None,) * (3 - n)
        if _WARN_3ARG_THROW and n > 1:
            import warnings
            warnings.warn("the (type, exc, tb) signature of throw() is deprecated, "
                          "use the single-arg signature instead.", DeprecationWarning,
                          stacklevel=2)
        result, returned = self._throw(True, typ, val, tb)
        if returned:
            if result is None:
                raise StopIteration
            raise StopIteration(result)
        return result

    def _throw(self, close_on_genexit, typ, val=None, tb=None):
        """_gen_throw: returns (value, returned) like _send_ex.

        The generator is resumed outside of any host except clause (the host
        would make its exception the context of what the guest raises).
        """
        if self._hg is not None:
            vmhooks.gen_deopt(self)     # (tier 1 throws: the frame suspended as it keeps it)
        yf = self._yieldfrom()
        if yf is None:
            return self._throw_here(typ, val, tb)
        if typ is GeneratorExit and close_on_genexit:
            err = None
            self._running = True
            try:
                _close_iter(yf)
            except BaseException as e:
                err = e
            finally:
                self._running = False
            if err is not None:
                try:
                    return self._send_ex(None, err)
                finally:
                    err = None
            return self._throw_here(typ, val, tb)
        if isinstance(yf, GenBase):
            meth = None
        else:
            # (a failing lookup is the result of throw(), _PyObject_LookupAttr)
            meth = getattr(yf, "throw", None)
            if meth is None:
                return self._throw_here(typ, val, tb)
        stop = err = None
        self._running = True
        try:
            if meth is None:
                # 3.11's _gen_throw: the delegating generator's frame is the
                # current frame while the delegate runs (tracebacks, stacks)
                tstate = _get_tstate()
                f = self.gi_frame
                prev = tstate.frame
                f._f_back = vmhooks.current_frame()      # (prev, or a lean tier-2 caller's)
                tstate.frame = f
                try:
                    ret, done = yf._throw(close_on_genexit, typ, val, tb)
                finally:
                    tstate.frame = prev
                    f._f_back = None
                if done:
                    stop = StopIteration(ret)
            else:
                ret = meth(typ, val, tb) if (val is not None or tb is not None) else meth(typ)
        except StopIteration as e:
            stop = e
        except BaseException as e:
            err = e
        finally:
            self._running = False
        if stop is None and err is None:
            return ret, False
        # the delegate finished: skip the YIELD_FROM, resume with its value or error
        f = self.gi_frame
        f.f_valuestack.pop()
        f._lasti += 1
        try:
            if err is not None:
                return self._send_ex(None, err)
            return self._send_ex(stop.value)
        finally:
            stop = err = None

    def _throw_here(self, typ, val, tb):
        if tb is not None and not isinstance(tb, TracebackType):
            raise TypeError("throw() third argument must be a traceback object")
        if isinstance(typ, type) and issubclass(typ, BaseException):
            # PyErr_NormalizeException: if making the instance fails, that
            # error is what is thrown into the generator
            try:
                if isinstance(val, typ):
                    exc = val
                elif val is None:
                    exc = typ()
                elif isinstance(val, tuple):
                    exc = typ(*val)
                else:
                    exc = typ(val)
                if not isinstance(exc, BaseException):
                    # (_PyErr_NormalizeException's text: the type's name)
                    exc = TypeError("calling %r should have returned an instance of "
                                    "BaseException, not %s" % (typ, type(exc).__name__))
                    tb = None
            except BaseException as e:
                exc = e
                tb = None
        elif isinstance(typ, BaseException):
            if val is not None:
                raise TypeError("instance exception may not have a separate value")
            exc = typ
        else:
            raise TypeError("exceptions must be classes or instances deriving from "
                            "BaseException, not %s" % type(typ).__name__)
        if tb is not None:
            _x.set_traceback(exc, tb)
        if type(type(exc)) is not type:
            # in flight to the generator's handler, as from a raise
            # (interpreter/ops/exceptions.normalize_at_handler)
            vmhooks.get_tstate().raising = exc
        return self._send_ex(None, exc)

    def close(self):
        if self._hg is not None:
            vmhooks.gen_deopt(self)
        yf = self._yieldfrom()
        err = None
        if yf is not None:
            self._running = True
            try:
                _close_iter(yf)
            except BaseException as e:
                err = e
            finally:
                self._running = False
        f = self.gi_frame
        if f is None or f.f_state >= FRAME_RETURNED:
            if err is not None:
                raise err
            return None
        try:
            result, returned = self._send_ex(None, err if err is not None else GeneratorExit(),
                                             closing=True)
        except (StopIteration, GeneratorExit) as done:
            _x.set_traceback(done, None)   # drop the VM's frames (and any cycle) now
            return None
        finally:
            err = None
        if not returned:
            raise RuntimeError("%s ignored GeneratorExit" % self._kind)
        return None

    def __del__(self):
        # _PyGen_Finalize (3.10): a generator not yet finished, started or
        # not, is closed as its last reference dies.
        if self._hg is not None:
            try:
                vmhooks.gen_deopt(self)     # (tier 1 closes it)
            except Exception:           # interpreter shutdown: modules torn down
                return
        f = self.gi_frame
        if f is None or f.f_state > FRAME_SUSPENDED:
            return
        if f.f_state == FRAME_CREATED or not f.f_blockstack and self._yieldfrom() is None:
            # nothing would see the GeneratorExit (no handler, no delegate)
            # but a tracer: 3.10 reports call, exception GeneratorExit and
            # return for the generator's frame.  Without one, skip running it.
            try:
                if _get_tstate().tracer is None:
                    return
            except Exception:           # interpreter shutdown: modules torn down
                return
        try:
            self.close()
        except BaseException as exc:
            _unraisable(exc, self)


class Generator(GenBase):
    __slots__ = ()

    def __iter__(self):
        """Implement iter(self)."""
        return self

    def __next__(self):
        """Implement next(self)."""
        # (send's body: one host frame less per resumption)
        if self._hg is not None:
            return vmhooks.gen_send(self.gi_frame, self, None)
        result, returned = self._send_ex(None)
        if returned:
            if result is None:
                raise StopIteration
            raise StopIteration(result)
        return result


_hook_args_type = []


def _unraisable_args_type():
    """sys.UnraisableHookArgs (not exposed by name): caught from one report."""
    if not _hook_args_type:
        captured = []
        old = sys.unraisablehook
        sys.unraisablehook = captured.append

        class _Probe:
            def __del__(self):
                raise Exception
        try:
            _Probe()
        finally:
            sys.unraisablehook = old
        _hook_args_type.append(type(captured[0]) if captured else None)
    return _hook_args_type[0]


def _unraisable(exc, obj):
    """PyErr_WriteUnraisable(obj) for an error of guest code (its traceback
    without evalframe's frames)."""
    hook = getattr(sys, "unraisablehook", None)
    if hook is None:
        return
    try:
        vmhooks.clean_exception(exc)
        args_type = _unraisable_args_type()
        args = (type(exc), exc, _x.get_traceback(exc), None, obj)
        hook(args_type(args) if args_type is not None else args)
    except BaseException:
        pass


def _close_iter(yf):
    """gen_close_iter: close the delegate (a generator or anything with close())."""
    if isinstance(yf, GenBase):
        yf.close()
        return
    try:
        meth = getattr(yf, "close", None)
    except Exception as exc:
        # _PyObject_LookupAttr failed: reported, and the close goes on
        _unraisable(exc, yf)
        return
    if meth is not None:
        meth()


def is_iterable_coroutine(o):
    return isinstance(o, GenBase) and bool(o.gi_code.co_flags & CO_ITERABLE_COROUTINE)


class Coroutine(GenBase):
    __slots__ = ("cr_origin",)
    _kind = "coroutine"

    def __init__(self, func, frame):
        GenBase.__init__(self, func, frame)
        self.cr_origin = None

    cr_frame = _readonly("cr_frame", lambda self: self.gi_frame)
    cr_code = _readonly("cr_code", lambda self: self.gi_code)
    cr_running = _readonly("cr_running", lambda self: self._running)
    cr_await = _readonly("cr_await", lambda self: self._yieldfrom())
    cr_suspended = _readonly("cr_suspended", lambda self: self._suspended())

    def __await__(self):
        """Return an iterator to be used in await expression."""
        return CoroutineWrapper(self)

    def __del__(self):
        f = self.gi_frame
        if f is not None and f.f_state == FRAME_CREATED:
            _warn_unawaited_coroutine(self)
            return
        GenBase.__del__(self)


def _cannot_pickle(self, protocol):
    raise TypeError("cannot pickle '%s' object" % type(self).__name__)


def _warn_unawaited_coroutine(coro):
    """_PyErr_WarnUnawaitedCoroutine: through warnings._warn_unawaited_coroutine
    (which adds cr_origin), falling back to a plain RuntimeWarning if that
    fails for another reason than the warning itself being an error."""
    warnings = sys.modules.get("warnings")
    warned = False
    fn = getattr(warnings, "_warn_unawaited_coroutine", None)
    if fn is not None:
        try:
            fn(coro)
            warned = True
        except BaseException as exc:
            warned = isinstance(exc, RuntimeWarning)
            _unraisable(exc, coro)
    if not warned:
        try:
            import warnings
            warnings.warn("coroutine '%s' was never awaited" % coro._qualname,
                          RuntimeWarning, stacklevel=1, source=coro)
        except BaseException as exc:
            _unraisable(exc, coro)


class CoroutineWrapper:
    """coro_wrapper: what ``__await__`` returns; an iterator over the coroutine."""

    __slots__ = ("_coro",)
    __reduce_ex__ = _cannot_pickle

    def __init__(self, coro):
        self._coro = coro

    def __iter__(self):
        """Implement iter(self)."""
        return self

    def __next__(self):
        """Implement next(self)."""
        return self._coro.send(None)

    def send(self, value):
        return self._coro.send(value)

    def throw(self, *args):
        return self._coro.throw(*args)

    def close(self):
        return self._coro.close()


class AsyncGenerator(GenBase):
    __slots__ = ("_running_async", "_hooks_inited", "_finalizer")
    _kind = "async generator"

    def __init__(self, func, frame):
        GenBase.__init__(self, func, frame)
        self._running_async = False
        self._hooks_inited = False
        self._finalizer = None

    ag_frame = _readonly("ag_frame", lambda self: self.gi_frame)
    ag_code = _readonly("ag_code", lambda self: self.gi_code)
    # (a read-only member in CPython, hence the other error text)
    ag_running = property(lambda self: self._running_async, *_readonly_member())
    ag_await = _readonly("ag_await", lambda self: self._yieldfrom())
    ag_suspended = _readonly("ag_suspended", lambda self: self._suspended())

    def _init_hooks(self):
        # async_gen_init_hooks: sys.set_asyncgen_hooks (asyncio registers here)
        if self._hooks_inited:
            return
        self._hooks_inited = True
        hooks = sys.get_asyncgen_hooks()
        self._finalizer = hooks.finalizer
        if hooks.firstiter is not None:
            hooks.firstiter(self)

    def __aiter__(self):
        return self

    def __anext__(self):
        self._init_hooks()
        return AsyncGenASend(self, None)

    def asend(self, value):
        self._init_hooks()
        return AsyncGenASend(self, value)

    def athrow(self, typ, val=None, tb=None):
        self._init_hooks()
        return AsyncGenAThrow(self, (typ, val, tb))

    def aclose(self):
        self._init_hooks()
        return AsyncGenAThrow(self, None)

    def _unwrap(self, result, returned):
        """async_gen_unwrap_value."""
        if returned:
            self._closed = True
            self._running_async = False
            raise StopAsyncIteration
        if isinstance(result, AsyncGenWrappedValue):
            self._running_async = False
            raise StopIteration(result.value)
        return result

    def __del__(self):
        f = self.gi_frame
        if f is None or f.f_state != FRAME_SUSPENDED:
            return
        fin = self._finalizer
        if fin is not None:
            try:
                fin(self)
            except BaseException as exc:
                _unraisable(exc, self)
            return
        GenBase.__del__(self)

_INIT, _ITER, _CLOSED = 0, 1, 2


class _AsyncGenAwaitable:
    """What asend and athrow objects share: each is its own awaitable iterator."""

    __slots__ = ()

    def __await__(self):
        """Return an iterator to be used in await expression."""
        return self

    def __iter__(self):
        """Implement iter(self)."""
        return self

    def __next__(self):
        """Implement next(self)."""
        return self.send(None)


class AsyncGenASend(_AsyncGenAwaitable):
    """async_generator_asend: the awaitable of __anext__() / asend()."""

    __slots__ = ("_gen", "_sendval", "_state")
    __reduce_ex__ = _cannot_pickle

    def __init__(self, gen, sendval):
        self._gen = gen
        self._sendval = sendval
        self._state = _INIT

    def send(self, arg):
        gen = self._gen
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        if self._state == _INIT:
            if gen._running_async:
                raise RuntimeError("anext(): asynchronous generator is already running")
            if arg is None:
                arg = self._sendval
            self._state = _ITER
        gen._running_async = True
        try:
            result, returned = gen._send_ex(arg)
            return gen._unwrap(result, returned)
        except BaseException as exc:
            if isinstance(exc, (StopAsyncIteration, GeneratorExit)):
                gen._closed = True
            gen._running_async = False if not isinstance(exc, StopIteration) else gen._running_async
            self._state = _CLOSED
            raise

    def throw(self, typ, val=None, tb=None):
        gen = self._gen
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        try:
            result, returned = gen._throw(True, typ, val, tb)
            return gen._unwrap(result, returned)
        except BaseException:
            self._state = _CLOSED
            raise

    def close(self):
        self._state = _CLOSED


class AsyncGenAThrow(_AsyncGenAwaitable):
    """async_generator_athrow: the awaitable of athrow() and aclose()."""

    __slots__ = ("_gen", "_args", "_state")
    __reduce_ex__ = _cannot_pickle

    def __init__(self, gen, args):
        self._gen = gen
        self._args = args
        self._state = _INIT

    def _what(self):
        return "aclose()" if self._args is None else "athrow()"

    def send(self, arg):
        gen = self._gen
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        f = gen.gi_frame
        if f is None or f.f_state >= FRAME_RETURNED:
            self._state = _CLOSED
            raise StopIteration
        try:
            if self._state == _INIT:
                if gen._running_async:
                    self._state = _CLOSED
                    raise RuntimeError("%s: asynchronous generator is already running"
                                       % self._what())
                if gen._closed:
                    self._state = _CLOSED
                    raise StopAsyncIteration
                if arg is not None:
                    raise RuntimeError("can't send non-None value to a just-started coroutine")
                self._state = _ITER
                gen._running_async = True
                if self._args is None:
                    gen._closed = True
                    result, returned = gen._throw(False, GeneratorExit)
                    if not returned and isinstance(result, AsyncGenWrappedValue):
                        raise RuntimeError("async generator ignored GeneratorExit")
                else:
                    result, returned = gen._throw(False, *self._args)
                    return gen._unwrap(result, returned)
            else:
                result, returned = gen._send_ex(arg)
                if self._args is not None:
                    return gen._unwrap(result, returned)
                if not returned and isinstance(result, AsyncGenWrappedValue):
                    raise RuntimeError("async generator ignored GeneratorExit")
            if returned:
                gen._running_async = False
                self._state = _CLOSED
                raise StopIteration
            return result
        except (StopAsyncIteration, GeneratorExit):
            gen._running_async = False
            self._state = _CLOSED
            if self._args is None:
                raise StopIteration from None
            raise
        except BaseException:
            if not isinstance(sys.exc_info()[1], StopIteration):
                gen._running_async = False
            raise

    def throw(self, typ, val=None, tb=None):
        gen = self._gen
        if self._state == _CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        try:
            result, returned = gen._throw(True, typ, val, tb)
            if self._args is None:
                if not returned and isinstance(result, AsyncGenWrappedValue):
                    raise RuntimeError("async generator ignored GeneratorExit")
                if returned:
                    raise StopIteration
                return result
            return gen._unwrap(result, returned)
        except (StopAsyncIteration, GeneratorExit):
            self._state = _CLOSED
            if self._args is None:
                raise StopIteration from None
            raise

    def close(self):
        self._state = _CLOSED


if sys.version_info >= (3, 13):
    def _warn_unawaited_agen_method(gen, method):
        """_PyErr_WarnUnawaitedAgenMethod (3.13+): an asend/athrow/aclose
        awaitable freed before it ran (tp_finalize; 3.10-3.12 say nothing):
        the warning at the line running then, with the generator as its
        source."""
        try:
            import warnings
            warnings.warn("coroutine method %r of %r was never awaited"
                          % (method, gen._qualname), RuntimeWarning, stacklevel=1, source=gen)
        except BaseException as exc:
            _unraisable(exc, gen)

    def _asend_finalize(self):
        if self._state == _INIT:
            _warn_unawaited_agen_method(self._gen, "asend")

    def _athrow_finalize(self):
        if self._state == _INIT:
            _warn_unawaited_agen_method(self._gen, "aclose" if self._args is None else "athrow")

    AsyncGenASend.__del__ = _asend_finalize
    AsyncGenAThrow.__del__ = _athrow_finalize


def _compute_cr_origin(depth):
    """compute_cr_origin: (filename, lineno, name) of the calling frames,
    innermost first, at most ``depth`` of them (guest frames and the host
    frames between them, as the host's own stack would show)."""
    f = vmhooks.guest_view(_getframe(1))
    out = []
    while f is not None and len(out) < depth:
        code = f.f_code
        out.append((code.co_filename, f.f_lineno, code.co_name))
        f = f.f_back
    return tuple(out)


def make_generator(func, frame):
    """The object a call of a generator/coroutine/async generator function returns."""
    flags = frame.f_code.co_flags
    if flags & CO_COROUTINE:
        coro = Coroutine(func, frame)
        depth = sys.get_coroutine_origin_tracking_depth()
        if depth:
            coro.cr_origin = _compute_cr_origin(depth)
        return coro
    if flags & CO_ASYNC_GENERATOR:
        return AsyncGenerator(func, frame)
    # (a CO_ITERABLE_COROUTINE generator stays a Generator: no __await__, so
    # not a collections.abc.Awaitable, as in CPython; GET_AWAITABLE and
    # inspect.isawaitable recognise it by the flag)
    return Generator(func, frame)


_abc.Generator.register(Generator)
_abc.Coroutine.register(Coroutine)
_abc.AsyncGenerator.register(AsyncGenerator)


from .funcobject import install_instance_qualname as _iq  # noqa: E402
for _cls in (Generator, Coroutine, AsyncGenerator):
    _iq(_cls, GenBase._qualname_property)
del _cls, _iq


def _claim_host_types():
    """``obj.__class__`` is the host's generator/coroutine/async_generator type.

    Host code tests these objects the way it tests its own: inspect.isgenerator
    / iscoroutine / isasyncgen (isinstance, which falls back to ``__class__``),
    and ``coro.__class__ is types.CoroutineType`` (types.coroutine,
    test.test_coroutines' run_async), as guest functions answer
    ``types.FunctionType`` (funcobject.py).  ``type(obj)`` stays ours; the VM
    tests ``type(x)`` / ``isinstance(x, GenBase)``, never ``x.__class__``.
    """
    import types
    from .codeobject import set_type_dict_entry
    for cls, host in ((Generator, types.GeneratorType), (Coroutine, types.CoroutineType),
                      (AsyncGenerator, types.AsyncGeneratorType)):
        set_type_dict_entry(cls, "__class__", property(lambda self, host=host: host))


_claim_host_types()

# type names as CPython's: 'generator', 'coroutine', 'async_generator'
Generator.__name__ = "generator"
Coroutine.__name__ = "coroutine"
AsyncGenerator.__name__ = "async_generator"
CoroutineWrapper.__name__ = "coroutine_wrapper"
AsyncGenASend.__name__ = "async_generator_asend"
AsyncGenAThrow.__name__ = "async_generator_athrow"
for _cls in (Generator, Coroutine, AsyncGenerator, CoroutineWrapper, AsyncGenASend,
             AsyncGenAThrow):
    _cls.__module__ = "builtins"
    _cls.__qualname__ = _cls.__name__
del _cls


def _own_methods(cls, host, names):
    """Give ``cls`` its own copy of each method it shares through GenBase, named
    as the host type's (``generator.send``, ``coroutine.throw``) with its doc:
    what a guest's ``gen.send.__qualname__`` and ``help()`` show."""
    for name in names:
        shared = getattr(cls, name)
        own = _FunctionType(shared.__code__, shared.__globals__, name,
                                 shared.__defaults__, shared.__closure__)
        own.__kwdefaults__ = shared.__kwdefaults__
        own.__qualname__ = "%s.%s" % (cls.__name__, name)
        own.__doc__ = getattr(host, name).__doc__
        setattr(cls, name, own)


_own_methods(Generator, _GeneratorType, ("__next__", "send", "throw", "close"))
_own_methods(Coroutine, _CoroutineType, ("send", "throw", "close"))

# Immutable, as CPython's static types are (``type(g).send = f`` raises
# TypeError): once everything above is installed.  Generator itself once
# tier2gen has installed its ``send`` and ``__next__`` (tier2gen.py).
from .codeobject import make_immutable  # noqa: E402
make_immutable(GenBase, Coroutine, AsyncGenerator, CoroutineWrapper, _AsyncGenAwaitable,
               AsyncGenASend, AsyncGenAThrow)
