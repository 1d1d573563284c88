"""``evalframe web FILE [ARGS]``: record a run, then show it in a browser.

``--export OUT.html`` writes one self-contained page (works from ``file://``,
fetches nothing); ``--record OUT.json`` writes only the recording (``-`` for
stdout); otherwise a small local HTTP server (the standard library's
http.server: one page and one JSON document) serves the viewer on
``--host``/``--port`` and the browser is opened unless ``--no-browser``.
Bad input (a missing file, a syntax error) is reported exactly as
``evalframe run`` reports it, with the same exit status.
"""

import argparse
import json
import os
import sys

from . import record as _record
from .page import render_page


def build_parser():
    p = argparse.ArgumentParser(
        prog="evalframe web",
        description="Record a program's run and step through it in a browser: source, "
                    "bytecode, value stack, frames, cells and heap, back and forth.")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--export", metavar="OUT.html",
                     help="write one self-contained HTML file (works offline from file://)")
    out.add_argument("--record", metavar="OUT.json",
                     help="write the recording as JSON ('-' for stdout)")
    p.add_argument("--host", default="127.0.0.1", help="address to serve on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=0, help="port to serve on (default: a free one)")
    p.add_argument("--no-browser", action="store_true", help="do not open a browser")
    p.add_argument("--stdin", metavar="FILE", help="what the program's input() reads")
    p.add_argument("--max-steps", type=int, default=_record.DEFAULT_MAX_STEPS, metavar="N",
                   help="stop recording after N instructions (default %d)"
                   % _record.DEFAULT_MAX_STEPS)
    p.add_argument("file", metavar="FILE")
    p.add_argument("args", nargs=argparse.REMAINDER, metavar="ARGS")
    return p


def main(argv=None):
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        ns = build_parser().parse_args(argv)
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else 2
    stdin_text = None
    if ns.stdin:
        try:
            with open(ns.stdin, encoding="utf-8") as f:
                stdin_text = f.read()
        except OSError as err:
            sys.stderr.write("evalframe web: can't read --stdin file %r: %s\n"
                             % (ns.stdin, err.strerror))
            return 2
    if ns.max_steps is not None and ns.max_steps < 1:
        sys.stderr.write("evalframe web: --max-steps must be at least 1\n")
        return 2
    rec = _record.record_file(ns.file, ns.args, stdin_text=stdin_text, max_steps=ns.max_steps)
    end = rec["end"]
    if end.get("error"):
        # what `evalframe run` prints and returns for this file
        sys.stderr.write(end.get("stderr", ""))
        status = end["status"]
        return status if isinstance(status, int) else 1
    if end.get("truncated"):
        sys.stderr.write("evalframe web: %s\n" % end["message"])
    if ns.record:
        text = _record.dumps(rec)
        if ns.record == "-":
            sys.stdout.write(text + "\n")
            sys.stdout.flush()
        else:
            return _write(ns.record, text)
        return 0
    if ns.export:
        status = _write(ns.export, render_page(rec))
        if status == 0:
            sys.stderr.write("evalframe web: wrote %s (%d steps)\n" % (ns.export, end["steps"]))
        return status
    return serve(rec, ns.host, ns.port, open_browser=not ns.no_browser)


def _write(path, text):
    try:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as err:
        sys.stderr.write("evalframe web: can't write %r: %s\n" % (path, err.strerror))
        return 1
    return 0


def serve(rec, host="127.0.0.1", port=0, open_browser=True):
    """Serve the viewer and the recording until interrupted (Ctrl-C)."""
    import http.server
    page = render_page(None, recording_url="recording.json",
                       title="evalframe: %s" % os.path.basename(rec["program"])).encode("utf-8")
    data = json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            path = self.path.split("?", 1)[0].split("#", 1)[0]
            if path in ("/", "/index.html"):
                self._send(200, "text/html; charset=utf-8", page)
            elif path == "/recording.json":
                self._send(200, "application/json", data)
            else:
                self._send(404, "text/plain; charset=utf-8", b"not found\n")

        def _send(self, status, ctype, body):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt, *args):   # quiet: the terminal shows the URL only
            pass

    try:
        server = http.server.ThreadingHTTPServer((host, port), Handler)
    except OSError as err:
        sys.stderr.write("evalframe web: can't serve on %s:%d: %s\n"
                         % (host, port, err.strerror or err))
        return 1
    shown_host = host if ":" not in host else "[%s]" % host
    url = "http://%s:%d/" % (shown_host, server.server_address[1])
    sys.stdout.write("evalframe web: %d steps recorded; serving %s (Ctrl-C to stop)\n"
                     % (rec["end"]["steps"], url))
    sys.stdout.flush()
    if open_browser:
        import webbrowser
        try:
            webbrowser.open(url)
        except Exception:
            pass
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0
