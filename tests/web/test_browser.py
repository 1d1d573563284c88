"""The viewer in headless Chromium, driven through window.evalframe and the controls.

Each test saves a screenshot in tests/web/artifacts/ (the ``page`` fixture).
"""

import os
import re
import subprocess
import sys
import time

import pytest

from evalframe_testing import ROOT, SEED, _env

from .conftest import open_page


def state(pg):
    return pg.evaluate("window.evalframe.state()")


def find(pg, js_pred):
    """The first step (from the current one) whose summary matches ``js_pred``."""
    n = pg.evaluate("window.evalframe.find(%s)" % js_pred)
    assert n >= 0, "no step matches %s" % js_pred
    return n


def arrows_to(pg, hid):
    return pg.locator('#arrow-paths path[data-to="%s"]' % hid).count()


def test_seed_make_function_call_and_back(page, exported):
    pg = open_page(page, exported(SEED))
    assert state(pg)["step"] == 0 and state(pg)["event"] == "call"
    # forward by instruction with the keyboard until MAKE_FUNCTION is the next to run
    for _ in range(10):
        if state(pg)["opname"] == "MAKE_FUNCTION":
            break
        pg.keyboard.press("ArrowRight")
    st = state(pg)
    assert st["opname"] == "MAKE_FUNCTION" and st["line"] == 1
    assert st["stack"] == ["<code object add>", "'add'"]
    code_id = st["stack_ids"][0]
    # on the page: two stack slots, and the code object's box in the heap with an arrow to it
    slots = pg.locator("#stack .slot")
    assert slots.count() == 2
    assert "'add'" in slots.nth(0).inner_text()
    code_box = pg.locator("#o%d" % code_id)
    assert code_box.count() == 1 and "code add" in code_box.inner_text()
    assert "co_varnames" in code_box.inner_text()
    assert arrows_to(pg, code_id) >= 1
    assert "MAKE_FUNCTION builds a function object" in pg.inner_text("#explain")
    pg.screenshot(path=os.path.join(os.path.dirname(__file__), "artifacts",
                                    "seed_make_function.png"))

    # one more instruction: the new function object, its func_code pointing at that code
    pg.click("#b-step")
    st = state(pg)
    assert st["stack"] == ["<function add>"] and st["opname"] == "STORE_NAME"
    func_id = st["stack_ids"][0]
    func = pg.evaluate("window.evalframe.object(%d)" % func_id)
    assert func["k"] == "function" and func["code"] == code_id
    func_box = pg.locator("#o%d" % func_id)
    text = func_box.inner_text()
    for field in ("func_code", "func_globals", "func_defaults", "func_closure", "__name__",
                  "__module__"):
        assert field in text
    code_ref = func_box.locator(".row", has_text="func_code").locator(".ref")
    assert code_ref.get_attribute("data-ref") == str(code_id)
    assert pg.locator('#arrow-paths path[data-from="o%d"][data-to="%d"]'
                      % (func_id, code_id)).count() == 1

    # into add: the call step, then its first instruction; x=1, y=2, f_back -> <module>
    find(pg, "s => s.event === 'call' && s.code === 'add'")
    pg.evaluate("window.evalframe.goto(window.evalframe.find(s => s.event === 'call' && "
                "s.code === 'add'))")
    pg.click("#b-step")
    st = state(pg)
    assert st["code"] == "add" and st["opname"] == "LOAD_FAST" and st["line"] == 2
    add, module = st["frames"]
    assert add["locals"] == {"x": "1", "y": "2"}
    assert module["name"] == "<module>" and add["back"] == module["id"]
    assert module["lasti"] == 16 and module["lineno"] == 4
    running = pg.locator("#frames .frame.running")
    assert running.count() == 1
    back_ref = running.locator(".row", has_text="f_back").locator(".ref")
    assert back_ref.get_attribute("data-ref") == str(module["id"])
    assert "frame <module>" in back_ref.inner_text()
    assert arrows_to(pg, module["id"]) >= 1
    assert pg.locator("#source .line.cur").get_attribute("data-line") == "2"
    assert pg.locator("#bytecode .ins.cur").get_attribute("data-off") == "0"
    pg.screenshot(path=os.path.join(os.path.dirname(__file__), "artifacts", "seed_in_add.png"))

    # out of the call: back in <module> with the result on the stack
    pg.click("#b-out")
    st = state(pg)
    assert st["code"] == "<module>" and st["stack"][-1] == "3" and len(st["frames"]) == 1
    # and back in time: into add again (its return), then out backwards to the call
    pg.keyboard.press("ArrowLeft")
    st = state(pg)
    assert st["event"] == "return" and st["code"] == "add" and st["value"] == "3"
    pg.click("#b-backout")
    st = state(pg)
    assert st["code"] == "<module>" and st["opname"] == "CALL_FUNCTION"
    assert st["stack"] == ["<built-in function print>", "<function add>", "1", "2"]
    assert st["stdout"] == ""
    pg.evaluate("window.evalframe.goto(window.evalframe.count() - 1)")
    assert state(pg)["stdout"] == "3\n"
    assert pg.inner_text("#stdout").strip() == "3"


def test_closure_cell_shared_by_two_frames(page, exported):
    pg = open_page(page, exported("closure.py"))
    pg.evaluate("window.evalframe.goto(window.evalframe.find(s => s.code === 'increment' && "
                "s.opname === 'STORE_DEREF'))")
    st = state(pg)
    inner, outer = st["frames"][0], st["frames"][1]
    assert inner["name"] == "increment" and outer["name"] == "make_counter"
    cell = inner["free"]["count"]
    assert cell == outer["cells"]["count"] and cell["contents"] == "0"
    # one box for the cell, referred to from both frames (and the closure tuple)
    assert pg.locator("#o%d" % cell["id"]).count() == 1
    assert pg.locator('#frames .ref[data-ref="%d"]' % cell["id"]).count() == 2
    assert arrows_to(pg, cell["id"]) >= 2
    assert pg.locator('#arrow-paths path[data-from="o%d"][data-to="%d"]'
                      % (inner["id"], cell["id"])).count() == 1
    assert pg.locator('#arrow-paths path[data-from="o%d"][data-to="%d"]'
                      % (outer["id"], cell["id"])).count() == 1
    # the function's __closure__ is a tuple holding that same cell
    func_id = int(pg.locator("#o%d" % outer["id"]).locator(".row", has_text="increment")
                  .locator(".ref").get_attribute("data-ref"))
    func = pg.evaluate("window.evalframe.object(%d)" % func_id)
    closure = pg.evaluate("window.evalframe.object(%d)" % func["closure"])
    assert closure["items"] == [cell["id"]]
    pg.click("#b-step")
    st = state(pg)
    assert st["frames"][0]["free"]["count"]["contents"] == "1"
    assert st["frames"][1]["cells"]["count"]["contents"] == "1"
    assert "cell_contents" in pg.inner_text("#o%d" % cell["id"])


def test_generator_suspended_and_resumed(page, exported):
    pg = open_page(page, exported("generator.py"))
    y = find(pg, "s => s.event === 'yield'")
    pg.evaluate("window.evalframe.goto(%d)" % y)
    st = state(pg)
    assert st["code"] == "countdown" and st["value"] == "3"
    gen_frame = st["frames"][0]["id"]
    pg.click("#b-step")                      # back in <module>: next() returned 3
    st = state(pg)
    assert st["code"] == "<module>" and st["stack"][-1] == "3"
    assert [f["name"] for f in st["frames"]] == ["<module>"]
    gen_id = pg.evaluate("window.evalframe.object(%d).locals" % st["frames"][0]["id"])
    gen_id = dict(gen_id)["gen"]
    gen = pg.evaluate("window.evalframe.object(%d)" % gen_id)
    assert gen["state"] == "suspended" and gen["frame"] == gen_frame
    # the suspended frame is drawn in the heap, with its local n and where it stopped
    box = pg.locator("#heap #o%d" % gen_frame)
    assert box.count() == 1 and "n" in box.inner_text() and "3" in box.inner_text()
    assert "suspended" in pg.inner_text("#o%d" % gen_id)
    assert arrows_to(pg, gen_frame) >= 1
    # resumed: the same frame runs again, now with <module> as its f_back
    pg.click("#b-nextcall")
    st = state(pg)
    assert st["event"] == "call" and st["code"] == "countdown"
    assert st["frames"][0]["id"] == gen_frame and st["frames"][0]["locals"] == {"n": "3"}
    assert st["frames"][0]["back"] == st["frames"][1]["id"]
    assert pg.evaluate("window.evalframe.object(%d).state" % gen_id) == "running"
    pg.evaluate("window.evalframe.goto(window.evalframe.find(s => s.event === 'yield'))")
    st = state(pg)
    assert st["value"] == "2" and st["frames"][0]["locals"] == {"n": "2"}


def test_exception_caught_two_frames_up(page, exported):
    pg = open_page(page, exported("exception.py"))
    x = find(pg, "s => s.event === 'exception'")
    pg.evaluate("window.evalframe.goto(%d)" % x)
    st = state(pg)
    assert st["code"] == "inner" and st["exception"] == "ValueError: negative: -1"
    assert [f["name"] for f in st["frames"]] == ["inner", "middle", "outer", "<module>"]
    assert "in flight" in pg.inner_text("#exception")
    assert pg.locator("#source .line.cur.exc").count() == 1
    # the exception passes through middle (no handler) to outer
    events = []
    while True:
        pg.click("#b-step")
        st = state(pg)
        events.append((st["event"], st["code"]))
        if st["event"] == "instruction":
            break
    assert events == [("unwind", "inner"), ("exception", "middle"), ("unwind", "middle"),
                      ("exception", "outer"), ("instruction", "outer")]
    assert st["caught"] == "ValueError: negative: -1" and st["exception"] is None
    assert [f["name"] for f in st["frames"]] == ["outer", "<module>"]
    assert "caught" in pg.inner_text("#exception")
    pg.evaluate("window.evalframe.goto(window.evalframe.count() - 1)")
    assert state(pg)["stdout"] == "caught negative: -1\n0\n"


def test_export_works_offline(page, tmp_path):
    out = tmp_path / "seed.html"
    proc = subprocess.run([sys.executable, "-m", "evalframe", "web", "--export", str(out), SEED],
                          capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=120)
    assert proc.returncode == 0, proc.stderr
    requests = []

    def guard(route):
        requests.append(route.request.url)
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            route.abort()
    page.route("**/*", guard)
    pg = open_page(page, str(out), "#step=9")
    st = state(pg)
    assert st["step"] == 9 and st["opname"] == "CALL_FUNCTION"
    assert st["stack"] == ["<built-in function print>", "<function add>", "1", "2"]
    pg.click("#b-step")
    assert state(pg)["event"] == "call"
    assert pg.evaluate("location.hash") == "#step=10"
    assert all(u.startswith("file://") for u in requests), requests


def test_controls_breakpoint_lines_and_slider(page, exported):
    pg = open_page(page, exported("exception.py"))
    # a breakpoint by clicking line 13's number, then continue to it
    pg.locator('#source .line[data-line="13"] .gutter').click()
    assert pg.locator('#source .line.bp').count() == 1
    pg.click("#b-cont")
    st = state(pg)
    assert st["line"] == 13 and st["code"] == "outer"
    pg.keyboard.press("C")                 # reverse continue: none before
    assert state(pg)["step"] == 0
    pg.keyboard.press("c")
    assert state(pg)["line"] == 13
    # line stepping
    pg.keyboard.press("ArrowDown")
    assert state(pg)["line"] == 14
    pg.keyboard.press("ArrowUp")
    st = state(pg)
    assert st["line"] == 13 and pg.evaluate("window.evalframe.find(s => true, %d - 1)"
                                            % st["step"]) >= 0
    # over a call: from <module>'s CALL_FUNCTION of outer, to the next instruction in <module>
    pg.evaluate("window.evalframe.goto(window.evalframe.find(s => s.code === '<module>' && "
                "s.opname === 'CALL_FUNCTION', 0))")
    assert state(pg)["stack"][-1] == "<function outer>"
    pg.keyboard.press("n")
    st = state(pg)
    assert st["code"] == "<module>" and st["stack"][-1] == "0"
    # the slider moves through steps; the URL follows
    pg.evaluate("(() => { const s = document.getElementById('slider'); s.value = 5; "
                "s.dispatchEvent(new Event('input')); })()")
    assert state(pg)["step"] == 5
    assert pg.evaluate("location.hash") == "#step=5"
    pg.evaluate("location.hash = '#step=12'")
    pg.wait_for_function("window.evalframe.current() === 12")
    # marks on the slider: calls, returns and exceptions are drawn
    assert pg.evaluate("(() => { const c = document.getElementById('marks'); "
                       "const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; "
                       "let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i]) n++; "
                       "return n; })()") > 10


def test_served_page(page, tmp_path):
    proc = subprocess.Popen([sys.executable, "-m", "evalframe", "web", "--no-browser",
                             "--port", "0", SEED], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env(), cwd=ROOT)
    try:
        line = proc.stdout.readline()
        m = re.search(r"serving (http://\S+)", line)
        assert m, (line, proc.stderr.read() if proc.poll() is not None else "")
        page.goto(m.group(1) + "#step=3")
        page.wait_for_function("window.evalframe && window.evalframe.ready === true")
        st = state(page)
        assert st["step"] == 3 and st["opname"] == "MAKE_FUNCTION"
        assert page.evaluate("window.evalframe.count()") == 21
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_stopped_run_says_so(page, tmp_path):
    from evalframe.web.page import render_page
    from evalframe.web.record import record_file
    src = tmp_path / "forever.py"
    src.write_text("n = 0\nwhile True:\n    n += 1\n")
    out = tmp_path / "forever.html"
    out.write_text(render_page(record_file(str(src), max_steps=300)), encoding="utf-8")
    pg = open_page(page, str(out))
    assert "stopped after 300 instructions" in pg.inner_text("#notice")
    pg.keyboard.press("End")
    assert "stopped after 300 instructions" in pg.inner_text("#exception")
    assert pg.evaluate("window.evalframe.end().truncated") is True
