"""``evalframe serve`` in Chromium (Playwright): two users at once, a runaway program stopped.

The server is started as a user would start it (``python -m evalframe serve
--port 0``); Debian's Chromium is launched by its path, headless.  Each test
saves a screenshot under ``artifacts/screenshots/`` (or $EVALFRAME_ARTIFACTS).
"""

import os
import re
import subprocess
import sys
import time

import pytest

from evalframe_testing import ROOT, _env

from ._threads import in_thread

CHROMIUM = os.environ.get("EVALFRAME_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = os.environ.get("EVALFRAME_ARTIFACTS", os.path.join(ROOT, "artifacts", "screenshots"))

playwright_api = pytest.importorskip("playwright.sync_api",
                                     reason="the Playwright Python package is not installed")
pytest.importorskip("starlette", reason="evalframe serve needs the web extra (starlette)")
pytest.importorskip("uvicorn", reason="evalframe serve needs the web extra (uvicorn)")
if not os.path.exists(CHROMIUM):
    pytest.skip("Chromium is not installed at %s (apt-get install chromium)" % CHROMIUM,
                allow_module_level=True)


def start_server(*options):
    proc = subprocess.Popen([sys.executable, "-m", "evalframe", "serve", "--port", "0"]
                            + list(options), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=_env(), cwd=ROOT)
    line = proc.stdout.readline()
    m = re.search(r"http://[^/]+:\d+/", line)
    if not m:
        proc.kill()
        raise AssertionError("serve did not start: %r %s" % (line, proc.stderr.read()))
    return proc, m.group(0)


@pytest.fixture
def server(request):
    options = getattr(request, "param", ())
    proc, url = start_server(*options)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def with_browser(test):
    """Run ``test(browser)`` with a Playwright session of its own, in a thread of
    its own (tests/serve/_threads.py says why)."""
    def session():
        with playwright_api.sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
            try:
                test(b)
            finally:
                b.close()
    in_thread(session)


@pytest.fixture
def browser():
    """A callable: browser(test) runs test(browser) (see with_browser)."""
    return with_browser


def shot(page, name):
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + ".png")
    page.screenshot(path=path, full_page=True)
    return path


def viewer(page):
    """The viewer in the page's frame, once it has loaded its recording."""
    page.wait_for_function(
        "() => { const f = document.getElementById('viewer');"
        " return f && !f.hidden && f.contentWindow && f.contentWindow.evalframe &&"
        " f.contentWindow.evalframe.ready; }", timeout=60000)
    return page.frame_locator("#viewer"), page.frames[1]


def type_program(page, source, stdin=""):
    page.fill("#source", source)
    page.fill("#stdin", stdin)


SEED = "def add(x, y):\n    return x + y\n\nprint(add(1, 2))\n"
CLOSURE = """\
def make_counter(start):
    count = start
    def inc():
        nonlocal count
        count += 1
        return count
    return inc

c = make_counter(int(input()))
print(c(), c())
"""


def test_two_users_at_once(server, browser):
    """Two browser contexts (two people) run different programs at the same time;
    each sees its own run, stepped through in its own viewer."""
    browser(lambda b: two_users(server, b))


def two_users(server, browser):
    alice = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    bob = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    for page in (alice, bob):
        page.goto(server)
        page.wait_for_selector("#run")
    type_program(alice, SEED)
    type_program(bob, CLOSURE, stdin="41\n")
    alice.click("#run")
    bob.click("#run")                     # both runs are in flight together
    for page in (alice, bob):
        page.wait_for_selector("body[data-outcome='ok']", timeout=60000)
    assert "The program finished" in alice.inner_text("#status")
    assert "The program finished" in bob.inner_text("#status")
    a_ids = alice.evaluate("window.lastRun.id")
    b_ids = bob.evaluate("window.lastRun.id")
    assert a_ids != b_ids

    _, a_view = viewer(alice)
    _, b_view = viewer(bob)
    # Alice's viewer: the seed; step to the call of add and see its arguments
    n = a_view.evaluate("window.evalframe.count()")
    codes = set()
    for i in range(n):
        a_view.evaluate("(i) => window.evalframe.goto(i)", i)
        st = a_view.evaluate("window.evalframe.state()")
        codes.add(st["code"])
        if st["code"] == "add":
            frame = st["frames"][0]
            assert frame["locals"] == {"x": "1", "y": "2"}
            assert st["frames"][1]["name"] == "<module>"
            break
    assert "add" in codes
    shot(alice, "serve_alice_seed")
    # Bob's viewer: his closure program, with his input; the last step shows the output
    last = b_view.evaluate("window.evalframe.count()") - 1
    b_view.evaluate("(i) => window.evalframe.goto(i)", last)
    b_codes = set()
    for i in range(0, last + 1, max(1, last // 60)):
        b_view.evaluate("(i) => window.evalframe.goto(i)", i)
        b_codes.add(b_view.evaluate("window.evalframe.state()")["code"])
    assert {"make_counter", "inc"} <= b_codes and "add" not in b_codes
    b_view.evaluate("(i) => window.evalframe.goto(i)", last)
    bob.frame_locator("#viewer").locator("#stdout").wait_for()
    assert "42 43" in bob.frame_locator("#viewer").locator("#stdout").inner_text()
    shot(bob, "serve_bob_closure")


@pytest.mark.parametrize("server", [("--max-steps", "3000")], indirect=True)
def test_runaway_program_is_stopped_by_the_instruction_limit(server, browser):
    browser(lambda b: runaway(server, b))


def runaway(server, browser):
    page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    page.goto(server)
    type_program(page, "n = 0\nwhile True:\n    n += 1\n")
    started = time.monotonic()
    page.click("#run")
    page.wait_for_selector("body[data-outcome='limit']", timeout=60000)
    status = page.inner_text("#status")
    assert "3000 instructions" in status and "instruction limit" in status
    assert page.get_attribute("body", "data-limit") == "steps"
    assert "limit" in page.get_attribute("#status", "class")
    # what it did before the stop can still be stepped through
    _, view = viewer(page)
    assert view.evaluate("window.evalframe.count()") > 3000
    assert time.monotonic() - started < 60
    shot(page, "serve_runaway_stopped")
