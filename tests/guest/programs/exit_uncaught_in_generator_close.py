# Ends with an exception thrown into a generator, which it converts into another exception.
def worker():
    try:
        while True:
            job = yield
            print("job", job)
    except GeneratorExit:
        raise
    except ValueError as e:
        raise RuntimeError("worker cannot continue") from e
w = worker()
next(w)
w.send("first")
w.send("second")
w.throw(ValueError("bad job"))
