# sys.exit with a non-int, non-str object: its str goes to stderr, status 1.
import sys
class Reason:
    def __str__(self):
        return "custom reason object"
print("exiting with an object")
sys.exit(Reason())
