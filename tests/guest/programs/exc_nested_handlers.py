# Nested try statements, exceptions raised in handlers, exceptions across function frames.
import sys
def level(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        return level(n - 1)
    except KeyError:
        print("never: wrong type at level", n)
    finally:
        print("unwinding level", n)
try:
    level(4)
except LookupError as e:
    print("top caught", e)
def handler_raises():
    try:
        raise ValueError("one")
    except ValueError:
        try:
            raise TypeError("two")
        except TypeError as t:
            print("inner handler", t, "context:", repr(t.__context__))
            print("exc_info inside:", sys.exc_info()[0].__name__)
        print("exc_info after inner:", sys.exc_info()[0].__name__)
    print("exc_info outside:", sys.exc_info()[0])
handler_raises()
def catch_in_loop():
    results = []
    for v in ["1", "x", "3", None, "5"]:
        try:
            results.append(int(v))
        except ValueError:
            results.append("bad")
            continue
        except TypeError:
            results.append("none")
            break
        finally:
            results.append("|")
    return results
print(catch_in_loop())
def deep_handler():
    try:
        try:
            try:
                1 / 0
            except ZeroDivisionError as e:
                raise ArithmeticError("wrapped") from e
        except ArithmeticError as e:
            raise RuntimeError("again")
    except RuntimeError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__cause__))
deep_handler()
def exception_in_finally():
    try:
        try:
            raise KeyError("original")
        finally:
            raise ValueError("from finally")
    except ValueError as e:
        print("got", repr(e), "context", repr(e.__context__))
exception_in_finally()
def return_exception_object():
    try:
        raise ValueError("kept")
    except ValueError as e:
        return e
err = return_exception_object()
print(repr(err), err.__traceback__ is not None, err.__traceback__.tb_frame.f_code.co_name)
count = 0
def retry():
    global count
    for attempt in range(5):
        try:
            count += 1
            if count < 3:
                raise ConnectionError("try again %d" % count)
            return "succeeded after %d" % count
        except ConnectionError as e:
            print("retrying:", e)
print(retry())
