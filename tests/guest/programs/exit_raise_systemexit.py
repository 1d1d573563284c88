# raise SystemExit (bare, then caught and re-raised with a code): status 0 for bare SystemExit.
try:
    raise SystemExit(5)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    raise SystemExit
except SystemExit as e:
    print("caught bare SystemExit", e.code)
def deep():
    raise SystemExit
print("exiting from deep")
deep()
