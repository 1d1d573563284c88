"""``evalframe serve``: a page where people type a program, run it and step through it.

The server is a small Starlette application run by uvicorn (the ``web`` extra:
``pip install 'evalframe[web]'``).  No guest code runs in the server process:
every run is a separate process, ``python -m evalframe web --record - FILE``
(the recorder of evalframe.web.record), started with

* an instruction limit (the recorder's ``--max-steps``),
* a wall-time limit (the process group is killed when it is over; RLIMIT_CPU
  backs it up),
* a memory limit (RLIMIT_AS, set in the child before it starts Python),
* an output limit (the recording read from the child's stdout is cut off and
  the child killed past it; RLIMIT_FSIZE bounds files the guest writes),

and at most ``--max-concurrent`` runs at a time, with at most ``--max-queue``
more waiting; a request beyond that is refused at once (HTTP 503) rather than
queued without bound.  Each recording is kept in memory under an unguessable
id and shown by the viewer of evalframe.web.page in the page's frame; a run
stopped by a limit says which one on the page.

It mirrors nothing in CPython; the role is that of pythontutor.com's back end
(pg_logger.py run per request with setrlimit), with the VM's recorder in place
of bdb.  A Python VM written in Python is not a sandbox: a guest can do what
the server's user can, within these limits.  Run it as an unprivileged user,
in a container, for people you do not trust (docs/web.md).
"""

import argparse
import asyncio
import collections
import json
import os
import secrets
import signal
import sys
import tempfile

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "serve_static")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

LIMIT_WORDS = {
    "steps": "the instruction limit",
    "time": "the time limit",
    "memory": "the memory limit",
    "output": "the output limit",
}


class ServeLimits:
    """What one run and the whole server may use."""

    def __init__(self, max_steps=20000, timeout=10.0, max_memory=1024, max_output=32,
                 max_source=100000, max_concurrent=2, max_queue=8, keep=64, keep_mb=256):
        self.max_steps = max_steps            # instructions recorded per run
        self.timeout = timeout                # seconds of wall time per run
        self.max_memory = max_memory          # MB of address space per run process
        self.max_output = max_output          # MB of recording (JSON) per run
        self.max_source = max_source          # characters of program (and of stdin)
        self.max_concurrent = max_concurrent  # runs at the same time
        self.max_queue = max_queue            # runs waiting for a slot
        self.keep = keep                      # recordings kept in memory for viewing
        self.keep_mb = keep_mb                # ... and the MB they may hold together

    def as_dict(self):
        return dict(vars(self))


class Busy(Exception):
    pass


class Runner:
    """Runs programs in child processes, a bounded number at a time."""

    def __init__(self, limits, python=None):
        self.limits = limits
        self.python = python or sys.executable
        self.slots = asyncio.Semaphore(limits.max_concurrent)
        self.admitted = 0                 # running + waiting
        self.live = set()                 # the run processes now running
        self.stopping = False
        self.recordings = collections.OrderedDict()     # id -> JSON bytes
        self.kept_bytes = 0

    async def run(self, source, stdin=""):
        lim = self.limits
        if self.admitted >= lim.max_concurrent + lim.max_queue:
            raise Busy("the server is busy (%d runs at a time, %d waiting): try again in a "
                       "moment" % (lim.max_concurrent, lim.max_queue))
        self.admitted += 1
        try:
            async with self.slots:
                return await self._run(source, stdin)
        finally:
            self.admitted -= 1

    def _child_setup(self):
        """In the child, before Python starts: the resource limits (and a session
        of its own, so that the whole process group can be killed)."""
        import resource
        lim = self.limits
        mem = int(lim.max_memory * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_AS, (mem, mem))
        cpu = int(lim.timeout) + 2
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        size = int(lim.max_output * 1024 * 1024)
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        _die_with_parent()

    async def _run(self, source, stdin):
        lim = self.limits
        with tempfile.TemporaryDirectory(prefix="evalframe-serve-") as tmp:
            prog = os.path.join(tmp, "program.py")
            with open(prog, "w", encoding="utf-8") as f:
                f.write(source)
            stdin_path = os.path.join(tmp, "stdin.txt")
            with open(stdin_path, "w", encoding="utf-8") as f:
                f.write(stdin or "")
            env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "PYTHONPATH": ROOT,
                   "PYTHONIOENCODING": "utf-8", "PYTHONHASHSEED": "0", "LANG": "C.UTF-8",
                   "HOME": tmp}
            proc = await asyncio.create_subprocess_exec(
                self.python, "-m", "evalframe", "web", "--record", "-",
                "--max-steps", str(lim.max_steps), "--stdin", stdin_path, "program.py",
                cwd=tmp, env=env, stdin=asyncio.subprocess.DEVNULL,
                stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                preexec_fn=self._child_setup, start_new_session=True)
            self.live.add(proc)
            try:
                return await self._wait(proc, tmp)
            finally:
                self.live.discard(proc)
                if proc.returncode is None:     # (the request was cancelled)
                    _kill(proc)

    def kill_all(self):
        """End every run still going (the server is stopping)."""
        self.stopping = True
        for proc in list(self.live):
            _kill(proc)

    async def _wait(self, proc, tmp):
        """Read the run's recording (up to the output limit) until it ends or
        its time is up."""
        lim = self.limits
        cap = int(lim.max_output * 1024 * 1024)
        out, err = bytearray(), bytearray()
        over = []

        async def read(stream, buf, limit, name):
            while True:
                data = await stream.read(65536)
                if not data:
                    return
                if len(buf) + len(data) > limit:
                    buf.extend(data[:max(0, limit - len(buf))])
                    if name == "out":
                        over.append(True)
                        _kill(proc)
                    continue            # (stderr: keep draining, keep nothing)
                buf.extend(data)

        timed_out = False
        try:
            await asyncio.wait_for(asyncio.gather(read(proc.stdout, out, cap, "out"),
                                                  read(proc.stderr, err, 65536, "err"),
                                                  proc.wait()),
                                   timeout=lim.timeout)
        except asyncio.TimeoutError:
            timed_out = True
            _kill(proc)
            await proc.wait()
        return self._outcome(proc.returncode, bytes(out), bytes(err), timed_out, bool(over),
                             tmp)

    def _outcome(self, returncode, out, err, timed_out, over, tmp):
        lim = self.limits
        stderr = err.decode("utf-8", "replace")
        result = {"id": None, "outcome": "ok", "limit": None, "message": "", "status": None,
                  "steps": 0}
        if self.stopping:
            return dict(result, outcome="error", message="The server stopped during the run.")
        if timed_out:
            return dict(result, outcome="limit", limit="time",
                        message="Stopped: the program ran for %s s, the time limit."
                        % _num(lim.timeout))
        if over:
            return dict(result, outcome="limit", limit="output",
                        message="Stopped: the recording grew past %s MB, the output limit."
                        % _num(lim.max_output))
        try:
            rec = json.loads(out.decode("utf-8"))
            end = rec["end"]
        except (ValueError, KeyError, TypeError):
            if "MemoryError" in stderr or returncode in (-signal.SIGKILL, -signal.SIGSEGV):
                return dict(result, outcome="limit", limit="memory",
                            message="Stopped: the run needed more than %s MB, the memory "
                            "limit." % _num(lim.max_memory))
            if returncode == -signal.SIGXCPU:
                return dict(result, outcome="limit", limit="time",
                            message="Stopped: the program used its %s s of CPU time."
                            % _num(lim.timeout))
            # a file the VM could not compile: what `evalframe run` prints, with
            # the run's temporary directory left out of the file name
            text = stderr[-4000:].replace(tmp + os.sep, "")
            return dict(result, outcome="error", status=returncode,
                        message=text.rstrip() or "The run failed (exit status %s)." % returncode)
        result["status"] = end.get("status")
        result["steps"] = end.get("steps", 0)
        if end.get("error"):
            # the program could not be compiled: what `evalframe run` prints
            return dict(result, outcome="error", message=end.get("stderr", "").rstrip())
        # the page names the file program.py, not the run's temporary directory
        rid = self._keep(out.replace((tmp + os.sep).encode("utf-8"), b""))
        result["id"] = rid
        result["view"] = "/view/%s" % rid
        guest_err = "".join(text for _step, text in rec.get("stderr", ()))
        last = guest_err.strip().splitlines()[-1] if guest_err.strip() else ""
        if end.get("truncated"):
            return dict(result, outcome="limit", limit="steps",
                        message="Stopped after %d instructions, the instruction limit: the "
                        "program did not finish. Step through what it did below."
                        % end.get("max_steps", lim.max_steps))
        if last.startswith("MemoryError"):
            return dict(result, outcome="limit", limit="memory",
                        message="Stopped: MemoryError at the memory limit of %s MB."
                        % _num(lim.max_memory))
        if end.get("status") not in (0, None):
            return dict(result, outcome="exception",
                        message="The program ended with exit status %s%s" % (
                            end.get("status"), (": " + last) if last else "."))
        return dict(result, message="The program finished (%d steps recorded)."
                    % result["steps"])

    def _keep(self, data):
        """Keep a recording for viewing; the oldest go when there are more than
        ``keep`` or they hold more than ``keep_mb`` together."""
        rid = secrets.token_urlsafe(12)
        self.recordings[rid] = data
        self.kept_bytes += len(data)
        cap = self.limits.keep_mb * 1024 * 1024
        while len(self.recordings) > 1 and (len(self.recordings) > self.limits.keep
                                            or self.kept_bytes > cap):
            _rid, old = self.recordings.popitem(last=False)
            self.kept_bytes -= len(old)
        return rid


def _die_with_parent():
    """Linux: the run gets SIGKILL if the server dies (prctl PR_SET_PDEATHSIG),
    so a server killed outright leaves no run behind."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)      # PR_SET_PDEATHSIG = 1
    except Exception:       # not Linux, no libc: the timeout kill remains
        pass


def _kill(proc):
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _num(x):
    return "%d" % x if float(x).is_integer() else "%g" % x


# -- the application -------------------------------------------------------------------

def _read_static(name):
    with open(os.path.join(STATIC, name), encoding="utf-8") as f:
        return f.read()


def create_app(limits=None, python=None):
    """The Starlette application (also what the tests start)."""
    from starlette.applications import Starlette
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    from .page import render_page

    limits = limits or ServeLimits()
    runner = Runner(limits, python=python)
    editor = _read_static("editor.html").replace(
        "/*@LIMITS@*/null", json.dumps(limits.as_dict()))

    async def index(request):
        return HTMLResponse(editor, headers={"Cache-Control": "no-store"})

    async def run(request):
        try:
            body = await request.json()
            source = body.get("source", "")
            stdin = body.get("stdin", "") or ""
        except Exception:
            return JSONResponse({"outcome": "error", "message": "bad request: send JSON with "
                                 "'source' (and 'stdin')"}, status_code=400)
        if not isinstance(source, str) or not isinstance(stdin, str):
            return JSONResponse({"outcome": "error", "message": "source and stdin must be "
                                 "strings"}, status_code=400)
        if len(source) > limits.max_source or len(stdin) > limits.max_source:
            return JSONResponse({"outcome": "error", "message": "the program (or its input) "
                                 "is longer than %d characters" % limits.max_source},
                                status_code=413)
        try:
            result = await runner.run(source, stdin)
        except Busy as exc:
            return JSONResponse({"outcome": "busy", "message": str(exc)}, status_code=503)
        return JSONResponse(result)

    async def view(request):
        rid = request.path_params["rid"]
        if rid not in runner.recordings:
            return Response("no such recording (they are kept for the last %d runs)\n"
                            % limits.keep, status_code=404, media_type="text/plain")
        page = render_page(None, recording_url="/api/recording/%s" % rid,
                           title="evalframe serve")
        return HTMLResponse(page, headers={"Cache-Control": "no-store"})

    async def recording(request):
        data = runner.recordings.get(request.path_params["rid"])
        if data is None:
            return Response("not found\n", status_code=404, media_type="text/plain")
        return Response(data, media_type="application/json")

    async def get_limits(request):
        return JSONResponse(limits.as_dict())

    app = Starlette(routes=[
        Route("/", index),
        Route("/api/run", run, methods=["POST"]),
        Route("/api/limits", get_limits),
        Route("/api/recording/{rid}", recording),
        Route("/view/{rid}", view),
    ])
    app.state.runner = runner
    return app


# -- the command -------------------------------------------------------------------------

def build_parser():
    d = ServeLimits()
    p = argparse.ArgumentParser(
        prog="evalframe serve",
        description="A page where people type or paste a program, run it in the VM and step "
                    "through it. Every run is a separate, limited process.")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default "
                   "127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000; 0: a free one)")
    p.add_argument("--max-steps", type=int, default=d.max_steps, metavar="N",
                   help="instructions recorded per run (default %(default)s)")
    p.add_argument("--timeout", type=float, default=d.timeout, metavar="SECONDS",
                   help="wall time per run (default %(default)s)")
    p.add_argument("--max-memory", type=float, default=d.max_memory, metavar="MB",
                   help="address space of a run's process (default %(default)s)")
    p.add_argument("--max-output", type=float, default=d.max_output, metavar="MB",
                   help="size of a run's recording (default %(default)s)")
    p.add_argument("--max-concurrent", type=int, default=d.max_concurrent, metavar="N",
                   help="runs at the same time (default %(default)s)")
    p.add_argument("--max-queue", type=int, default=d.max_queue, metavar="N",
                   help="runs waiting for a slot; more are refused (default %(default)s)")
    return p


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        ns = build_parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    for name in ("max_steps", "timeout", "max_memory", "max_output", "max_concurrent"):
        if getattr(ns, name) <= 0:
            sys.stderr.write("evalframe serve: --%s must be greater than 0\n"
                             % name.replace("_", "-"))
            return 2
    if ns.max_queue < 0:
        sys.stderr.write("evalframe serve: --max-queue must not be negative\n")
        return 2
    try:
        import uvicorn
        import starlette  # noqa: F401
    except ImportError as err:
        sys.stderr.write("evalframe serve: needs the web extra (pip install 'evalframe[web]'):"
                         " %s\n" % err)
        return 2
    limits = ServeLimits(max_steps=ns.max_steps, timeout=ns.timeout, max_memory=ns.max_memory,
                         max_output=ns.max_output, max_concurrent=ns.max_concurrent,
                         max_queue=ns.max_queue)
    import socket
    family = socket.AF_INET6 if ":" in ns.host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((ns.host, ns.port))
    except OSError as err:
        sys.stderr.write("evalframe serve: can't listen on %s:%d: %s\n"
                         % (ns.host, ns.port, err.strerror or err))
        return 1
    port = sock.getsockname()[1]
    shown = ns.host if ":" not in ns.host else "[%s]" % ns.host
    sys.stdout.write("evalframe serve: http://%s:%d/ (per run: %d instructions, %s s, %s MB, "
                     "%s MB of recording; %d at a time, %d waiting; Ctrl-C to stop)\n"
                     % (shown, port, limits.max_steps, _num(limits.timeout),
                        _num(limits.max_memory), _num(limits.max_output),
                        limits.max_concurrent, limits.max_queue))
    sys.stdout.flush()
    app = create_app(limits)
    config = uvicorn.Config(app, log_level="warning", lifespan="off",
                            timeout_graceful_shutdown=5)

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame):
            # Ctrl-C: end the runs first, so that their requests answer at once
            # and the graceful shutdown has nothing to wait for
            app.state.runner.kill_all()
            super().handle_exit(sig, frame)

    server = Server(config)
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    finally:
        app.state.runner.kill_all()     # no run outlives the server
    return 0
