# signal imported late (importlib.import_module, and _signal's own functions): a guest handler still runs with the guest frame, getsignal shows the guest's (the VM starts without the signal module)
import os, sys
print('signal' in sys.modules)
import importlib
signal = importlib.import_module("signal")
got = []
def handler(signum, frame):
    got.append((signum, frame.f_code.co_name, frame.f_globals is globals()))
old = signal.signal(signal.SIGUSR1, handler)
print(old, signal.getsignal(signal.SIGUSR1) is handler)
def work():
    os.kill(os.getpid(), signal.SIGUSR1)
    for i in range(10):
        pass
    return i
work()
print(got)
print(signal.getsignal(signal.SIGINT))
import _signal
print(_signal.getsignal(signal.SIGUSR1) is handler)
_signal.signal(signal.SIGUSR2, handler)
os.kill(os.getpid(), signal.SIGUSR2)
for i in range(10):
    pass
print(got[-1])
try:
    importlib.import_module("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e)
importlib.import_module("no_such_module_xyz")
