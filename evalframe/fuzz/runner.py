"""Running one program on the host and in the VM, in long-lived worker processes.

Mirrors Modules/main.c + Python/pythonrun.c for a whole program (``python
FILE``): each worker runs a program file as ``__main__`` with its stdout and
stderr captured, prints an uncaught exception through sys.excepthook and maps
SystemExit to an exit status, so the two sides are compared as ``python FILE``
and ``evalframe run FILE`` would be, without paying a process start per
program.  The VM worker uses evalframe.pythonrun's own top level.  A worker
that does not answer in time (an endless loop) is killed and restarted.
"""

import json
import os
import select
import struct
import subprocess
import sys
import time

from ..tools import compare as _compare

_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# The worker: framed JSON requests {"path": ...} on stdin, framed JSON answers
# {"out", "err", "status"} on its real stdout (fd 1 is kept for the frames).
_WORKER = r"""
import builtins, io, json, os, struct, sys, types
MODE = sys.argv[1]
VM_MODE = sys.argv[2] if len(sys.argv) > 2 else "fused"
if VM_MODE == "plain":
    os.environ["EVALFRAME_NO_SUPERINSTRUCTIONS"] = "1"
elif VM_MODE == "eager":
    os.environ["EVALFRAME_EAGER_SUPERINSTRUCTIONS"] = "1"
frames_out = os.fdopen(os.dup(1), "wb")
frames_in = sys.stdin.buffer
try:
    import resource
    limit = int(os.environ.get("EVALFRAME_FUZZ_MEMORY_MB", "2048")) << 20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
except Exception:
    pass
if MODE == "vm":
    from evalframe import pythonrun, importer
    from evalframe.interpreter.ceval import run_code
    importer.install("user")
    # traced: a guest sys.settrace tracer (returning itself, so line and
    # opcode-less events all go through the traced loop) around each program
    TRACE_ON = pythonrun.compile_program(
        "import sys\ndef t(frame, event, arg):\n    return t\nsys.settrace(t)\n", "<fuzz>")
    TRACE_OFF = pythonrun.compile_program("import sys\nsys.settrace(None)\n", "<fuzz>")
base_modules = set(sys.modules)
base_path = list(sys.path)
base_limit = sys.getrecursionlimit()

def run(path):
    with open(path, "rb") as f:
        source = f.read()
    main = types.ModuleType("__main__")
    ns = main.__dict__
    ns.update(__file__=path, __builtins__=builtins, __cached__=None)
    sys.modules["__main__"] = main
    sys.argv[:] = [path]
    sys.path[:] = [os.path.dirname(path)] + base_path
    if MODE == "vm":
        try:
            code = pythonrun.compile_program(source, path)
        except BaseException as exc:
            return pythonrun.finish(pythonrun.without_traceback(exc))
        if VM_MODE == "traced":
            run_code(TRACE_ON, {"__builtins__": builtins})
        try:
            return pythonrun.run_code_as_main(code, main)
        finally:
            if VM_MODE == "traced":
                run_code(TRACE_OFF, {"__builtins__": builtins})
    try:
        code = compile(source, path, "exec", dont_inherit=True)
    except BaseException as exc:
        return finish(exc.with_traceback(None))
    try:
        exec(code, ns)
    except BaseException as exc:
        return finish(exc.with_traceback(exc.__traceback__.tb_next))
    return 0

def shutdown(main):
    # as finalization clears __main__ (_PyModule_ClearDict): _names first, then
    # the rest, so finalizers (a suspended generator's finally) run before exit
    ns = main.__dict__
    sys.modules.pop("__main__", None)
    for first in (True, False):
        for key in list(ns):
            if key != "__builtins__" and (key.startswith("_") and not key.startswith("__")) == first:
                ns[key] = None
    import gc
    gc.collect()

def finish(exc):
    if isinstance(exc, SystemExit):
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code & 0xFF
        sys.stdout.flush()
        sys.stderr.write(str(code) + "\n")
        return 1
    sys.stdout.flush()
    sys.excepthook(type(exc), exc, exc.__traceback__)
    return 130 if isinstance(exc, KeyboardInterrupt) else 1

while True:
    head = frames_in.read(4)
    if len(head) < 4:
        break
    request = json.loads(frames_in.read(struct.unpack("<I", head)[0]))
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        status = run(request["path"])
        shutdown(sys.modules.get("__main__"))
    except BaseException as exc:   # the harness's own failure: report, go on
        status = "harness: %s: %s" % (type(exc).__name__, exc)
    finally:
        sys.stdout, sys.stderr = saved
    if status == "SIGINT":
        status = 130
    # modules the program imported from its own directory go; the rest stay
    here = os.path.dirname(request["path"]) + os.sep
    for name, module in list(sys.modules.items()):
        if name not in base_modules and (getattr(module, "__file__", None) or "").startswith(here):
            del sys.modules[name]
    sys.setrecursionlimit(base_limit)
    if MODE == "vm":
        # (tier 2 raises the host's limit again when the next program needs it)
        from evalframe.interpreter import pystate
        pystate.main_tstate.t2_room = pystate.main_tstate.t2_inl = 0
    answer = json.dumps({"out": out.getvalue(), "err": err.getvalue(),
                         "status": status}).encode()
    frames_out.write(struct.pack("<I", len(answer)) + answer)
    frames_out.flush()
"""


class Worker:
    """A host ("host") or evalframe ("vm") worker process."""

    def __init__(self, mode, python=None, vm_mode=None):
        self.mode = mode
        self.vm_mode = vm_mode
        # the interpreter command (a list may carry options, e.g. [python, "-O"])
        self.python = list(python) if isinstance(python, (list, tuple)) else [
            python or sys.executable]
        self.proc = None

    def _start(self):
        env = dict(os.environ)
        env["PYTHONPATH"] = _ROOT + (os.pathsep + env["PYTHONPATH"]
                                     if env.get("PYTHONPATH") else "")
        env["PYTHONHASHSEED"] = "0"
        env["PYTHONIOENCODING"] = "utf-8"
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        extra = [self.vm_mode] if self.vm_mode else []
        self.proc = subprocess.Popen(self.python + ["-c", _WORKER, self.mode] + extra,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, env=env)

    def run(self, path, timeout):
        """{"out", "err", "status", "seconds"}; status "timeout" or "crash" when so."""
        if self.proc is None or self.proc.poll() is not None:
            self._start()
        request = json.dumps({"path": path}).encode()
        start = time.monotonic()
        try:
            self.proc.stdin.write(struct.pack("<I", len(request)) + request)
            self.proc.stdin.flush()
            head = self._read(4, start + timeout)
            answer = json.loads(self._read(struct.unpack("<I", head)[0], start + timeout))
        except TimeoutError:
            self.close()
            return {"out": "", "err": "", "status": "timeout",
                    "seconds": time.monotonic() - start}
        except (OSError, ValueError, struct.error):
            rc = self.close()
            return {"out": "", "err": "", "status": "crash %s" % rc,
                    "seconds": time.monotonic() - start}
        answer["seconds"] = time.monotonic() - start
        return answer

    def _read(self, n, deadline):
        fd = self.proc.stdout.fileno()
        chunks = []
        while n:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                raise TimeoutError
            data = os.read(fd, n)
            if not data:
                raise OSError("worker ended")
            chunks.append(data)
            n -= len(data)
        return b"".join(chunks)

    def close(self):
        if self.proc is None:
            return None
        try:
            self.proc.kill()
        except OSError:
            pass
        rc = self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        self.proc = None
        return rc


class Differ:
    """Both workers, and the comparison of one program's outcomes."""

    HOST_TIMEOUT = 10.0
    VM_MODES = ("fused", "plain", "eager", "traced")

    def __init__(self, vm_modes=("fused",)):
        self.host = Worker("host")
        self.vms = [Worker("vm", vm_mode=m) for m in vm_modes]

    @property
    def vm(self):
        return self.vms[0]

    @vm.setter
    def vm(self, worker):
        self.vms[0] = worker

    def outcomes(self, path):
        """(host outcome, [VM outcome per mode]); None for the VM's when the host timed out."""
        host = self.host.run(path, self.HOST_TIMEOUT)
        if host["status"] == "timeout":
            return host, None
        # the VM is tens of times slower than the host; give it room
        return host, [vm.run(path, 30.0 + 300 * host["seconds"]) for vm in self.vms]

    def compare(self, path):
        """None when every mode agrees with the host (or the host timed out), else a description."""
        host, vms = self.outcomes(path)
        for worker, vm in zip(self.vms, vms or ()):
            what = describe(host, vm)
            if what is not None:
                return "[vm mode %s] %s" % (worker.vm_mode or "fused", what)
        return None

    def close(self):
        self.host.close()
        for vm in self.vms:
            vm.close()


def describe(host, vm):
    """The first difference between two outcomes, or None."""
    for key in ("status", "out", "err"):
        if host[key] != vm[key]:
            import difflib
            if key == "status":
                return "exit status: host %r, evalframe %r" % (host[key], vm[key])
            diff = difflib.unified_diff(str(host[key]).splitlines(),
                                        str(vm[key]).splitlines(),
                                        "host " + key, "evalframe " + key, lineterm="", n=1)
            return "\n".join(list(diff)[:40])
    return None


# CPython 3.10's ``dis.dis`` of a file's module code (what ``python3.10 -m dis
# FILE`` prints), one framed answer per path.
_DIS_WORKER = r"""
import dis, io, struct, sys, warnings
warnings.simplefilter("ignore")
out = sys.stdout.buffer
for line in sys.stdin.buffer:
    path = line.rstrip(b"\n").decode("utf-8", "surrogateescape")
    text = io.StringIO()
    try:
        with open(path, "rb") as f:
            source = f.read()
        dis.dis(compile(source, path, "exec", dont_inherit=True), file=text)
        payload = b"D" + text.getvalue().encode("utf-8", "surrogateescape")
    except BaseException as e:
        payload = b"E" + ("%s: %s" % (type(e).__name__, e)).encode("utf-8", "replace")
    out.write(struct.pack("<I", len(payload)) + payload)
    out.flush()
"""


class DisWorker(_compare.Worker):
    """A python3.10 process printing ``dis.dis`` listings of files."""

    script = _DIS_WORKER
    what = "dis worker"

    def listing(self, path):
        """3.10's listing of the file at ``path``, or None when 3.10 cannot compile it."""
        payload = self.ask(path)
        if payload[:1] != b"D":
            return None
        return payload[1:].decode("utf-8", "surrogateescape")


def our_listing(path):
    """``evalframe dis PATH``'s listing."""
    import io
    from ..tools import disasm
    text = io.StringIO()
    disasm.dis_file(path, file=text)
    return text.getvalue()


def same_listing(ours, theirs):
    """None when two listings agree (code objects' addresses aside), else a diff."""
    import difflib
    import re
    address = re.compile(r" at 0x[0-9a-f]+")
    a = address.sub("", theirs).splitlines()
    b = address.sub("", ours).splitlines()
    if a == b:
        return None
    diff = difflib.unified_diff(a, b, "python3.10 -m dis", "evalframe dis", lineterm="", n=1)
    return "\n".join(list(diff)[:30])
