"""Benchmark of `evalframe web`: recording speed and the viewer's step time deep in a long run.

    python bench/web_bench.py [--instructions N] [--steps K] [--json FILE]

1. Records a long program (loops, calls, a growing list and dict) for N
   instructions (default 100,000) with evalframe.web.record and reports
   instructions recorded per second, and the sizes of the recording and of the
   exported page.  For scale it also times the same program under
   `evalframe run` (plain loop) and `evalframe trace --json` (traced loop,
   text records) as subprocesses.
2. Opens the exported page in Debian's Chromium (Playwright, headless),
   jumps near the last step and times K single steps forward and K back
   (window.evalframe.step()/back(): render, layout, arrows), reporting the
   median and the worst, and the same at step 10 for comparison.

Not a test: nothing is asserted.  The target is well under 50 ms per step.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

PROGRAM = """\
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    def deposit(self, amount):
        self.balance += amount
        return self.balance

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

accounts = {}
history = []
for i in range(1000000):
    name = "acct%d" % (i % 7)
    acct = accounts.get(name)
    if acct is None:
        acct = accounts[name] = Account(name)
    history.append(acct.deposit(i % 13))
    if i % 100 == 0:
        print(name, fib(8), len(history))
"""

CHROMIUM = os.environ.get("EVALFRAME_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _env():
    env = dict(os.environ)
    env["PYTHONPATH"] = ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _timed(cmd):
    t = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    return time.perf_counter() - t


def record_phase(path, n):
    from evalframe.web.page import render_page
    from evalframe.web.record import dumps, record_file
    t = time.perf_counter()
    rec = record_file(path, max_steps=n)
    elapsed = time.perf_counter() - t
    t = time.perf_counter()
    text = dumps(rec)
    dump_time = time.perf_counter() - t
    page = render_page(rec)
    versions = sum(len(v) for v in rec["heap"].values())
    return rec, page, {
        "instructions": rec["end"]["instructions"],
        "steps": rec["end"]["steps"],
        "record_seconds": round(elapsed, 3),
        "instructions_per_second": round(rec["end"]["instructions"] / elapsed),
        "json_seconds": round(dump_time, 3),
        "recording_mb": round(len(text.encode("utf-8")) / 1e6, 2),
        "page_mb": round(len(page.encode("utf-8")) / 1e6, 2),
        "heap_objects": len(rec["heap"]),
        "heap_versions": versions,
        "sentences": len(rec["texts"]),
    }


def browser_phase(page_path, steps):
    from playwright.sync_api import sync_playwright
    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        t = time.perf_counter()
        pg.goto("file://" + page_path)
        pg.wait_for_function("window.evalframe && window.evalframe.ready === true",
                             timeout=120000)
        out["load_seconds"] = round(time.perf_counter() - t, 2)
        count = pg.evaluate("window.evalframe.count()")
        # time inside the page: the call renders synchronously, and reading
        # offsetHeight forces the layout the arrows need anyway
        probe = """(k) => {
            const e = window.evalframe, t = [];
            for (let i = 0; i < k; i++) {
                const a = performance.now(); e.step(); document.body.offsetHeight;
                t.push(performance.now() - a);
            }
            for (let i = 0; i < k; i++) {
                const a = performance.now(); e.back(); document.body.offsetHeight;
                t.push(performance.now() - a);
            }
            return t;
        }"""
        for label, at in (("early", 10), ("deep", max(0, count - steps - 2))):
            pg.evaluate("n => window.evalframe.goto(n)", at)
            times = pg.evaluate(probe, steps)
            out[label] = {"at_step": at, "median_ms": round(statistics.median(times), 2),
                          "max_ms": round(max(times), 2)}
        # one step including the paint: until the next animation frame
        pg.evaluate("n => window.evalframe.goto(n)", max(0, count - 5))
        painted = pg.evaluate("""() => new Promise(done => {
            const a = performance.now(); window.evalframe.step();
            requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - a)));
        })""")
        out["deep_step_with_paint_ms"] = round(painted, 2)
        out["steps_in_page"] = count
        browser.close()
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--instructions", type=int, default=100000)
    ap.add_argument("--steps", type=int, default=30, help="steps timed each way")
    ap.add_argument("--json", metavar="FILE")
    ap.add_argument("--no-browser", action="store_true")
    ns = ap.parse_args(argv)
    tmp = tempfile.mkdtemp(prefix="evalframe-web-bench-")
    prog = os.path.join(tmp, "long_run.py")
    with open(prog, "w") as f:
        f.write(PROGRAM)
    result = {}
    rec, page, result["record"] = record_phase(prog, ns.instructions)
    print("recording: %(instructions)d instructions (%(steps)d steps) in %(record_seconds).2f s"
          " = %(instructions_per_second)d instructions/s; JSON %(recording_mb).2f MB, page "
          "%(page_mb).2f MB; %(heap_objects)d objects, %(heap_versions)d versions"
          % result["record"])
    # for scale: the same number of instructions, plain and traced, as subprocesses
    limit = str(ns.instructions)
    result["scale"] = {
        "trace_json_seconds": round(_timed([sys.executable, "-m", "evalframe", "trace", "--json",
                                            "--max-steps", limit, "-o", os.devnull, prog]), 2),
        "web_record_subprocess_seconds": round(_timed(
            [sys.executable, "-m", "evalframe", "web", "--max-steps", limit, "--record",
             os.devnull, prog]), 2),
    }
    print("for scale: `trace --json --max-steps %s` %.2f s, `web --record` %.2f s "
          "(both as whole processes)" % (limit, result["scale"]["trace_json_seconds"],
                                        result["scale"]["web_record_subprocess_seconds"]))
    if not ns.no_browser:
        page_path = os.path.join(tmp, "long_run.html")
        with open(page_path, "w", encoding="utf-8") as f:
            f.write(page)
        if not os.path.exists(CHROMIUM):
            print("browser: skipped, no Chromium at %s" % CHROMIUM)
        else:
            b = result["browser"] = browser_phase(page_path, ns.steps)
            print("browser: page loaded in %.2f s (%d steps)" % (b["load_seconds"],
                                                                 b["steps_in_page"]))
            for label in ("early", "deep"):
                print("  one step at step %d: median %.2f ms, worst %.2f ms"
                      % (b[label]["at_step"], b[label]["median_ms"], b[label]["max_ms"]))
            print("  one step at the end, until painted: %.2f ms" % b["deep_step_with_paint_ms"])
    if ns.json:
        with open(ns.json, "w") as f:
            json.dump(result, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
