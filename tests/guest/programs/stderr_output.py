# Output interleaved on stdout and stderr (they are captured separately), including warnings.
import sys, warnings
print("out 1")
print("err 1", file=sys.stderr)
sys.stdout.write("out 2\n")
sys.stderr.write("err 2\n")
warnings.warn("this is a user warning")
def deprecated():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)
warnings.simplefilter("always")
deprecated()
warnings.warn_explicit("explicit", UserWarning, "fake.py", 12)
print("out 3", flush=True)
print(sys.stdout.isatty(), sys.stderr.isatty(), sys.stdout.encoding)
