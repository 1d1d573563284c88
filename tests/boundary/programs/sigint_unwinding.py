# Issue 10 point 3: a SIGINT arriving while the guest is busy handling
# exceptions (the VM's unwinding runs all the time) is caught by the guest's
# own try/except KeyboardInterrupt, 20 times out of 20.
import os
import signal
import sys
import threading
import time

TRIALS = 20
caught = 0


def interrupt(ready, delay):
    ready.wait()
    time.sleep(delay)
    os.kill(os.getpid(), signal.SIGINT)


for trial in range(TRIALS):
    ready = threading.Event()
    t = threading.Thread(target=interrupt, args=(ready, 0.002 + 0.003 * (trial % 7)))
    t.start()
    try:
        ready.set()
        while True:
            try:
                {}["x"]
            except KeyError:
                pass
    except KeyboardInterrupt:
        caught += 1
    t.join()
print("caught", caught, "of", TRIALS)
