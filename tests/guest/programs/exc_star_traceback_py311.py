# An uncaught ExceptionGroup: the host prints the tree-shaped traceback; exit status 1.
def task(n):
    if n % 2:
        raise ValueError("odd %d" % n)
    raise KeyError(n)
def run_all():
    errors = []
    for n in range(3):
        try:
            task(n)
        except Exception as e:
            errors.append(e)
    raise ExceptionGroup("tasks failed", errors)
print("starting")
try:
    run_all()
except* KeyError as g:
    print("handled keys:", [e.args for e in g.exceptions])
