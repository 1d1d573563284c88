# Issue 10 points 2 and 3: a guest signal handler receives the guest frame that
# was running, signal.getsignal gives back what the guest installed, and what the
# handler raises is caught by the guest's own handlers.
import os
import signal


def handler(signum, frame):
    print("handler", signum == signal.SIGUSR1, frame.f_code.co_name, type(frame).__name__,
          frame.f_back.f_code.co_name)
    raise ValueError("from handler")


old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)


def work():
    try:
        os.kill(os.getpid(), signal.SIGUSR1)
        for i in range(100):
            pass
    except ValueError as e:
        print("caught", e)


work()
print(signal.signal(signal.SIGUSR1, signal.SIG_DFL) is handler)


def on_int(signum, frame):
    print("on_int", frame.f_code.co_name)
    raise KeyboardInterrupt


signal.signal(signal.SIGINT, on_int)


def spin():
    n = 0
    try:
        os.kill(os.getpid(), signal.SIGINT)
        while True:
            try:
                {}["x"]
            except KeyError:
                n += 1
    except KeyboardInterrupt:
        print("interrupted")


spin()
