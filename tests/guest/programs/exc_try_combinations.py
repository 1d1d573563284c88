# try/except/else/finally in every combination, with the order of events printed.
def run(label, raise_what=None, catch=True):
    print("--", label)
    try:
        print("  try")
        if raise_what:
            raise raise_what("boom")
        print("  try done")
    except ValueError as e:
        print("  except ValueError", e)
    except (KeyError, IndexError) as e:
        print("  except Key/Index", type(e).__name__, e)
    except Exception:
        print("  except Exception")
        if not catch:
            raise
    else:
        print("  else")
    finally:
        print("  finally")
    print("  after")
run("none")
run("value", ValueError)
run("key", KeyError)
run("index", IndexError)
run("type", TypeError)
try:
    run("type reraise", TypeError, catch=False)
except TypeError as e:
    print("outer caught", e)
def only_finally():
    try:
        return "from try"
    finally:
        print("finally runs before return completes")
print(only_finally())
def try_except_no_as():
    try:
        {}["k"]
    except KeyError:
        return "caught without name"
print(try_except_no_as())
def bare_except():
    try:
        raise SystemError("weird")
    except:
        import sys
        return "bare caught %s" % sys.exc_info()[0].__name__
print(bare_except())
def exc_var_deleted():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as u:
        return "UnboundLocalError: %s" % u
print(exc_var_deleted())
def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
try:
    else_raises()
except ValueError as e:
    print("caught", e)
def finally_after_except_raise():
    try:
        try:
            raise KeyError("a")
        except KeyError:
            raise ValueError("b")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer", repr(e), repr(e.__context__))
finally_after_except_raise()
import sys
print(sys.exc_info())
try:
    raise ValueError("inside")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1])
print(sys.exc_info())
