"""Host library code that looks at the guest: whole programs, host vs ``evalframe run``.

logging's caller lookup (%(filename)s/%(lineno)d/%(funcName)s), warnings with
stacklevel (from guest code and from host library code a guest called),
inspect's frame functions, traceback's stack functions, sys.settrace, function
attributes and except*: each program's stdout, stderr and exit status must be
the host CPython's.  Caret lines (``^^^^``) are left out of the comparison:
they depend on the compiler's positions, not on the VM.
"""

import sys

import pytest

from ._programs import assert_same

PROGRAMS = {
    "logging_caller": """
        import logging, sys
        logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                            format="%(filename)s:%(lineno)d %(funcName)s %(module)s %(message)s")
        log = logging.getLogger("x")
        def f():
            logging.info("root info")
            log.warning("named %s", 1)
            log.log(logging.ERROR, "via log")
            logging.getLogger().debug("dbg")
        class C:
            def m(self):
                log.info("in method")
                log.info("stacklevel 2", stacklevel=2)
        f()
        C().m()
        def deep():
            log.info("deep", stacklevel=2)
        def outer():
            deep()
        outer()
        logging.LoggerAdapter(log, {}).info("adapter")
        log.info("with stack", stack_info=True)
        try:
            {}["k"]
        except KeyError:
            log.exception("caught")
        lines = []
        class H(logging.Handler):
            def emit(self, record):
                lines.append((record.filename, record.lineno, record.funcName))
        log.addHandler(H())
        def g():
            log.info("to handler")
        g()
        print(lines)
    """,
    "warnings_stacklevel": """
        import warnings, sys, locale, pkgw
        warnings.showwarning = lambda m, c, fn, ln, file=None, line=None: print(
            "W", c.__name__, m, os.path.basename(fn), ln)
        import os
        def w1():
            warnings.warn("level 1")
            warnings.warn("level 2", DeprecationWarning, stacklevel=2)
        def w2():
            w1()
        warnings.simplefilter("always")
        w2()
        warnings.warn("top, beyond the stack", stacklevel=2)
        pkgw.old()
        def calls_host_library():
            locale.getdefaultlocale()
        calls_host_library()
        from warnings import warn
        warn("imported name")
        exec("import warnings\\nwarnings.warn('in exec')")
    """,
    "warnings_default_print": """
        import warnings, pkgw, locale
        pkgw.old()
        pkgw.here()
        def f():
            pkgw.old()
        f()
        warnings.warn("main warn")
        locale.getdefaultlocale()
    """,
    "inspect_traceback_stack": """
        import inspect, traceback, sys
        def st():
            for fi in inspect.stack()[:3]:
                print("stack", fi.function, fi.lineno, fi.code_context, fi.index)
            print([(x.name, x.lineno, x.line) for x in traceback.extract_stack()[-2:]])
            traceback.print_stack(file=sys.stdout, limit=2)
            print([(x.name, x.lineno) for x in traceback.extract_stack(sys._getframe(1))])
            frame = inspect.currentframe()
            print(frame.f_code.co_name, frame.f_back.f_lineno)
            print(inspect.getframeinfo(frame)[1:])
            print([r[2:4] for r in inspect.getouterframes(frame)])
            print(inspect.isframe(frame), inspect.getlineno(frame.f_back))
            print(inspect.getsourcelines(frame)[1], inspect.getsourcefile(frame) == __file__)
            print(inspect.getargvalues(frame.f_back))
            print(type(inspect.stack()[0].positions).__name__)
        def caller(a, b=2):
            st()
        caller(1)
    """,
    "settrace_via_host_call": """
        import sys
        events = []
        def tr(frame, event, arg):
            events.append((event, frame.f_code.co_name, frame.f_lineno))
            return tr
        def g(n):
            s = 0
            for i in range(n):
                s += i
            return s
        sys.settrace(tr)
        print(sys.gettrace() is tr)
        list(map(g, [2]))
        sys.settrace(None)
        print(sys.gettrace())
        for e in events:
            print(e)
    """,
    "settrace_mid_run": """
        import sys
        events = []
        def tr(frame, event, arg):
            events.append((event, frame.f_code.co_name, frame.f_lineno))
            return tr
        def g(n):
            s = 0
            for i in range(n):
                s += i
            return s
        sys.settrace(tr)
        g(2)
        sys.settrace(None)
        for e in events:
            print(e)
    """,
    "settrace_again": """
        import sys
        def _trace(func, *args, **kwargs):
            linenos = []
            def trace(frame, event, arg):
                if event == "line" and frame.f_code.co_name == func.__name__:
                    linenos.append(frame.f_lineno - func.__code__.co_firstlineno)
                return trace
            old_trace = sys.gettrace()
            sys.settrace(trace)
            try:
                func(*args, **kwargs)
            finally:
                sys.settrace(old_trace)
            return linenos
        def f(command):
            match command.split():
                case [*_]:
                    return "default"
        def g(x):
            y = x + 1
            return y
        print(_trace(f, "go x"), _trace(g, 1), _trace(f, "a"))
        print(list(map(lambda fn: _trace(fn, 2), [g])))
    """,
    "type_module": """
        A = type('A', (), {})
        print(A.__module__, repr(A))
        B = type('B', (A,), {'__module__': 'x'})
        print(B.__module__, type(3), type(B))
        class Meta(type):
            def __new__(m, *a):
                return super().__new__(m, *a)
        C = Meta('C', (), {})
        D = type.__new__(Meta, 'D', (), {})
        print(C.__module__, D.__module__)
        ns = {}
        exec("E = type('E', (), {})", {'__name__': 'mod'}, ns)
        print(ns['E'].__module__)
        exec("E = type('E', (), {})", ns)
        print(hasattr(ns['E'], '__module__'))
    """,
    "function_builtins_dict": """
        import builtins
        def outer():
            def b():
                return 3
            return b
        b = outer()
        print(b.__builtins__ is builtins.__dict__)
        def func(s):
            return len(s)
        ns = {}
        func2 = type(func)(func.__code__, ns)
        print(func2.__globals__ is ns, func2.__builtins__ is b.__builtins__, func2("abc"), ns)
        for value in (None, [], {"k": 1}):
            try:
                b.__dict__ = value
                print(b.k, vars(b))
            except TypeError as e:
                print("TypeError", e)
        try:
            del b.__dict__
        except TypeError as e:
            print("TypeError", e)
        b.attr = 5
        print(b.__dict__, getattr(b, "attr"))
    """,
    "caller_module_names": """
        import collections, enum, pickle, typing, sys, inspect
        P = collections.namedtuple("P", "x y")
        print(P.__module__, pickle.loads(pickle.dumps(P(1, 2))))
        A = enum.Enum("A", "x y")
        print(A.__module__, pickle.loads(pickle.dumps(A.x)))
        T = typing.TypeVar("T")
        print(T.__module__, pickle.loads(pickle.dumps(T)))
        def f():
            return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name
        print(f(), inspect.currentframe().f_code.co_name)
        print(list(map(lambda _: sys._getframe(1).f_code.co_name, [0])))
    """,
    "function_type_ctor": """
        import types, copy
        def f(a, b=2):
            return a + b
        g = types.FunctionType(f.__code__, {"x": 1}, "gname", (5,))
        print(g.__name__, g(1), g.__defaults__, g.__globals__)
        def outer():
            v = 3
            def inner():
                return v
            return inner
        inn = outer()
        h = types.FunctionType(inn.__code__, globals(), None, None, inn.__closure__)
        print(h())
        for bad in [(f.__code__, {}, 1), (f.__code__, {}, None, [1]), (inn.__code__, {}), (inn.__code__, {}, None, None, (1,))]:
            try:
                types.FunctionType(*bad)
            except (TypeError, ValueError) as e:
                print(type(e).__name__, e)
        print(copy.copy(f.__code__) is f.__code__, copy.deepcopy(f.__code__) is f.__code__)
    """,
    "globals_dict_subclass": """
        class MyGlobals(dict):
            def __missing__(self, key):
                return int(key.removeprefix("_number_"))
        f = eval("lambda: _number_1 + _number_2", MyGlobals())
        print(f(), f())
        g = MyGlobals()
        exec("x = _number_5\nprint(x)\ndef h():\n    return _number_7\nprint(h())", g)
        try:
            exec("print(undefined_thing)", MyGlobals())
        except Exception as e:
            print(type(e).__name__, e)
    """,
    "function_module": """
        import functools, pkgw
        def f(): pass
        class C:
            def m(self): pass
            @classmethod
            def k(cls): pass
            @staticmethod
            def s(): pass
        print(f.__module__, C.m.__module__, C().m.__module__, C.k.__module__, C.s.__module__)
        print(pkgw.old.__module__, pkgw.here.__module__, (lambda: 0).__module__)
        @functools.wraps(pkgw.old)
        def wrapped(): pass
        print(wrapped.__module__, functools.partial(f).func.__module__)
        f.__module__ = "changed"
        print(f.__module__)
        del f.__module__
        print(f.__module__)
        ns = {"__name__": "made.up"}
        exec("def h(): pass", ns)
        print(ns["h"].__module__)
        exec("def h(): pass", {})
    """,
    "except_star": """
        def run(exc):
            try:
                try:
                    raise exc
                except* ValueError as g:
                    print("  ValueError part:", repr(g), g.__traceback__ is None)
                except* (KeyError, IndexError) as g:
                    print("  Lookup part:", repr(g))
            except BaseException as leftover:
                print("  propagated:", repr(leftover), repr(leftover.__context__))
        run(ValueError("naked"))
        run(TypeError("other"))
        run(ExceptionGroup("g", [ValueError(1), KeyError(2), TypeError(3)]))
        def raising():
            try:
                raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
            except* ValueError:
                raise RuntimeError("from handler")
        try:
            raising()
        except ExceptionGroup as e:
            print(repr(e), repr(e.__context__), repr(e.exceptions[0].__context__))
        def naked_reraise():
            try:
                raise ValueError(1)
            except* ValueError:
                raise
        try:
            naked_reraise()
        except ExceptionGroup as e:
            print(repr(e), repr(e.__context__))
        raising()
    """,
}

MODULES = {
    "pkgw/__init__.py": """
        import warnings
        def old():
            warnings.warn("old is deprecated", DeprecationWarning, stacklevel=2)
        def here():
            warnings.warn("here")
    """,
}

NEEDS = {"except_star": (3, 11)}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_program(name, tmp_path):
    need = NEEDS.get(name)
    if need and sys.version_info < need:
        pytest.skip("needs host Python >= %d.%d" % need)
    assert_same(tmp_path, PROGRAMS[name], MODULES)
