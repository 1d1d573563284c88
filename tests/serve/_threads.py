"""Run a test's work in a thread of its own.

tests/web keeps a Playwright sync session (an asyncio event loop) running in
the worker's main thread for the whole session; asyncio.run() and a second
Playwright sync session refuse to start there, so the serve tests start theirs
in a new thread.
"""

import threading


def in_thread(fn, *args):
    """``fn(*args)`` in a new thread; its result, or its exception raised here."""
    out = {}

    def target():
        try:
            out["value"] = fn(*args)
        except BaseException as exc:   # handed to the caller's thread
            out["error"] = exc
    t = threading.Thread(target=target)
    t.start()
    t.join()
    if "error" in out:
        raise out["error"]
    return out.get("value")
