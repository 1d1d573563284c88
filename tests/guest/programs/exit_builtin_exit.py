# exit() from the site builtins, with a code, after output on both streams.
import sys
print("to stdout")
print("to stderr", file=sys.stderr)
exit(4)
