# return/break/continue inside finally, finally overriding exceptions and returns.
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 3:
                raise RuntimeError("discarded by break")
            out.append(i)
        finally:
            if i == 3:
                break
    return out
print(loop_break())
def loop_continue():
    out = []
    for i in range(4):
        try:
            out.append("t%d" % i)
            if i % 2:
                continue
            out.append("after%d" % i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_continue())
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            out.append(i)
            continue
    return out
print(continue_in_finally())
def nested_finally():
    log = []
    try:
        try:
            log.append("inner try")
            return log
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
print(nested_finally())
def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_first())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n > 3:
                return n
        finally:
            print("  finally n=%d" % n)
print(while_finally())
def with_in_loop_finally():
    import contextlib
    log = []
    @contextlib.contextmanager
    def cm(i):
        log.append("enter%d" % i)
        yield
        log.append("exit%d" % i)
    for i in range(3):
        with cm(i):
            try:
                if i == 1:
                    continue
            finally:
                log.append("fin%d" % i)
    return log
print(with_in_loop_finally())
def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  gen finally")
for v in gen_finally():
    print("got", v)
    break
print("done")
