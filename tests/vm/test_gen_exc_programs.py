"""Generators, coroutines and exception contexts: whole programs, host vs ``evalframe run``.

Regression tests for what CPython's own test suite found (test_generators,
test_coroutines, test_asyncgen, test_yield_from, test_contextlib,
test_exceptions): the host types guest generator objects claim, throw()
into delegating generators, the context of exceptions raised by the VM's
handlers and by guest code called from a host except clause, and the
f_lineno of frames an exception left (PEP 626).
"""


import pytest

from ._programs import assert_same

PROGRAMS = {
    "generator_objects": """
        import copy, inspect, pickle, types
        def gen():
            yield 1
        async def coro():
            return 1
        async def agen():
            yield 1
        g, c, a = gen(), coro(), agen()
        print(g.__class__ is types.GeneratorType, c.__class__ is types.CoroutineType,
              a.__class__ is types.AsyncGeneratorType)
        print(inspect.isgenerator(g), inspect.iscoroutine(c), inspect.isasyncgen(a),
              inspect.isawaitable(c), inspect.getgeneratorstate(g))
        for obj in (g, c, c.__await__(), a, a.asend(None), a.athrow(ValueError)):
            for op in (copy.copy, copy.deepcopy, pickle.dumps):
                try:
                    op(obj)
                except TypeError as e:
                    print(type(obj).__name__, op.__name__, e)
        for obj, name in ((g, "gi_running"), (g, "gi_yieldfrom"), (c, "cr_running"),
                          (a, "ag_running")):
            try:
                setattr(obj, name, 1)
            except AttributeError as e:
                print(e)
        for name in ("__name__", "__qualname__"):
            try:
                delattr(g, name)
            except TypeError as e:
                print(e)
        c.close()
    """,
    "throw": """
        import traceback, types
        class E(Exception):
            def __new__(cls, *args, **kwargs):
                return cls
        def boring():
            yield
        g = boring()
        try:
            g.throw(E)
        except TypeError as e:
            print("TypeError:", e)
        print(next(g, "exhausted"))
        def catching():
            try:
                yield
            except TypeError as e:
                print("inside:", e)
            yield "after"
        g = catching()
        next(g)
        print(g.throw(E))
        def f():
            yield
        def outer():
            try:
                raise KeyError("a")
            except Exception:
                yield from f()
        g = outer()
        g.send(None)
        try:
            g.throw(ValueError)
        except ValueError as e:
            print("context:", repr(e.__context__))
        def names():
            yield [fr.name for fr in traceback.extract_stack()][-3:]
        def delegating():
            try:
                yield from inner()
            except RuntimeError:
                yield "caught"
        def inner():
            try:
                yield "first"
            except RuntimeError:
                yield [fr.name for fr in traceback.extract_stack()][-2:]
        g = delegating()
        next(g)
        print(g.throw(RuntimeError))
        @types.coroutine
        def c():
            try:
                yield len(traceback.extract_stack())
            except ZeroDivisionError:
                yield len(traceback.extract_stack())
        async def b():
            return await c()
        async def a():
            return await b()
        coro = a()
        print(coro.send(None) == coro.throw(ZeroDivisionError))
        class Broken:
            def __iter__(self):
                return self
            def __next__(self):
                return 1
            def __getattr__(self, attr):
                1/0
            def __repr__(self):
                return "<Broken>"
        def uses_broken():
            yield from Broken()
        for how in ("throw", "close"):
            g = uses_broken()
            next(g)
            try:
                g.throw(AttributeError) if how == "throw" else g.close()
                print(how, "ok")
            except ZeroDivisionError:
                print(how, "ZeroDivisionError")
        def delegate_to_range():
            try:
                yield from range(10)
            finally:
                print("finishing")
        g = delegate_to_range()
        next(g)
        try:
            g.throw(ValueError("tomato"))
        except ValueError as e:
            print(e)
    """,
    "coroutines": """
        import asyncio, sys, types, warnings, gc
        warnings.simplefilter("always")
        warnings.showwarning = lambda m, c, fn, ln, file=None, line=None: print(
            "W", c.__name__, str(m).replace(__file__, "FILE"))
        async def corofn():
            pass
        def a1():
            return corofn()
        def a2():
            return a1()
        sys.set_coroutine_origin_tracking_depth(2)
        c = a2()
        print([(line, name) for _, line, name in c.cr_origin])
        c.close()
        def make():
            a2()
            gc.collect()
        make()
        sys.set_coroutine_origin_tracking_depth(0)
        make()
        import collections.abc, inspect
        @types.coroutine
        def gen_coro():
            yield
            return 7
        print(isinstance(gen_coro(), collections.abc.Awaitable), inspect.isawaitable(gen_coro()))
        async def consume():
            return await gen_coro()
        print(asyncio.run(consume()))
    """,
    "async_errors": """
        def run(coro):
            try:
                while True:
                    coro.send(None)
            except StopIteration as e:
                return e.value
        class CM:
            async def __aenter__(self):
                return self
            def __aexit__(self, *e):
                return 444
        async def with_exc():
            async with CM():
                1/0
        async def with_ok():
            async with CM():
                pass
        for f in (with_exc, with_ok):
            try:
                run(f())
            except TypeError as e:
                print(e, "|", repr(e.__context__))
        class F:
            def __aiter__(self):
                return self
            def __anext__(self):
                return self
            def __await__(self):
                1 / 0
        async def loop():
            async for _ in F():
                pass
        try:
            run(loop())
        except TypeError as e:
            print(e, "|", repr(e.__cause__), repr(e.__context__))
    """,
    "handler_error_context": """
        def f(**k):
            pass
        def unpack():
            a, b = [1]
        def unpack_many():
            a, b = [1, 2, 3]
        def unpack_star():
            a, *b, c = [1]
        def not_iterable():
            a, b = 1
        for case in (unpack, unpack_many, unpack_star, not_iterable, lambda: print(*1),
                     lambda: f(**1), lambda: undefined, lambda: [*1]):
            for outer in (None, KeyError("outer")):
                try:
                    try:
                        if outer is not None:
                            raise outer
                        case()
                    except KeyError:
                        case()
                except Exception as e:
                    print(type(e).__name__, e, "|", repr(e.__context__), e.__suppress_context__)
    """,
    "raise_in_host_except": """
        import contextlib
        def raise_nested(inner_exc, outer_exc):
            try:
                raise inner_exc
            finally:
                raise outer_exc
        def chain(e):
            out = []
            while e is not None:
                out.append(e.args[0])
                e = e.__context__
            return out
        try:
            with contextlib.ExitStack() as stack:
                stack.callback(raise_nested, Exception(2), Exception(3))
                raise Exception(1)
        except Exception as e:
            print(chain(e))
        def raise_it(exc):
            raise exc
        try:
            with contextlib.ExitStack() as stack:
                stack.callback(raise_it, IndexError)
                stack.callback(raise_it, KeyError)
                stack.push(lambda *exc: True)
                stack.callback(raise_it, ValueError)
                1 / 0
        except IndexError as e:
            print(repr(e.__context__), repr(e.__context__.__context__))
    """,
    "pep626_frame_lineno": """
        def lines_after_raise(f):
            try:
                f()
            except Exception as ex:
                t = ex.__traceback__.tb_next
            out = []
            while t:
                fr = t.tb_frame
                out.append((t.tb_lineno - fr.f_code.co_firstlineno,
                            fr.f_lineno - fr.f_code.co_firstlineno))
                t = t.tb_next
            return out
        def simple():
            1/0
            pass
        def in_except():
            try:
                1/0
            except:
                1/0
                pass
        def other_except():
            try:
                1/0
            except TypeError as ex:
                pass
        def in_finally():
            try:
                1/0
            finally:
                x = 1
                pass
        def named_except():
            try:
                1/0
            except Exception as ex:
                1/0
                pass
        class ExitFails:
            def __enter__(self):
                return self
            def __exit__(self, *args):
                raise ValueError
        def after_with():
            with ExitFails():
                1/0
        def caller():
            other_except()
        for f in (simple, in_except, other_except, in_finally, named_except, after_with,
                  caller):
            print(f.__name__, lines_after_raise(f))
    """,
    "class_cell_during_metaclass": """
        from enum import Enum
        class E(int, Enum):
            def __new__(cls, value):
                obj = super().__new__(cls, value)
                obj._value_ = value
                return obj
            A = 1
            B = 2
        print(E.A, E(2), list(E))
        made = []
        class Meta(type):
            def __new__(mcls, name, bases, ns):
                cls = super().__new__(mcls, name, bases, ns)
                made.append(cls.who())
                return cls
        class A(metaclass=Meta):
            @classmethod
            def who(cls):
                return super().__repr__()[:9]
        print(made)
    """,
    "class_cell_delayed": """
        # bpo-23722 (test_super.test___class___delayed): the metaclass keeps the
        # namespace and returns None; a later type() call fills __class__
        kept = []
        class Meta(type):
            def __new__(mcls, name, bases, ns):
                kept.append(ns)
                return None
        class A(metaclass=Meta):
            @staticmethod
            def f():
                return __class__
            def g(self):
                return super().__repr__()[:5]
        print(A, sorted(kept[0]))
        B = type("B", (), kept[0])
        print(B.f() is B, B().g())
    """,
    "unstarted_frames_f_back": """
        # test_generators: the frame of a generator not yet started
        def gen():
            yield
        async def agen():
            yield
        async def coro():
            pass
        g, a, c = gen(), agen(), coro()
        print(g.gi_frame.f_back, a.ag_frame.f_back, c.cr_frame.f_back)
        c.close()
        next(g)
        print(g.gi_frame.f_back)
    """,
    "generator_method_docs": """
        # test_generators' doctest prints i.__next__.__doc__
        def gen():
            yield
        async def agen():
            yield
        async def coro():
            pass
        g, a, c = gen(), agen(), coro()
        for obj in (g, c.__await__(), a.asend(None), a.athrow(ValueError)):
            for name in ("__next__", "__iter__"):
                print(type(obj).__name__, name, repr(getattr(obj, name).__doc__))
        print(repr(c.__await__.__doc__), repr(a.asend(None).__await__.__doc__))
        c.close()
    """,
}

@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program(name, tmp_path):
    assert_same(tmp_path, PROGRAMS[name])
