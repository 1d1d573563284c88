# An uncaught KeyboardInterrupt: traceback on stderr, and the process dies the way CPython's does (SIGINT status).
import sys
print("working...")
sys.stdout.flush()
def loop():
    raise KeyboardInterrupt
loop()
