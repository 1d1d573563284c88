"""Fixtures of the viewer's tests: recordings, exported pages and a headless Chromium.

Browser tests drive Debian's Chromium (/usr/bin/chromium) through the
Playwright Python package, launched by executable path (``playwright install``
downloads its own browser, which cannot work here).  They skip, saying why,
only when Chromium or Playwright is absent; ``.ci/run`` installs both, so in CI
they run.  Every browser test saves a screenshot in tests/web/artifacts/.
"""

import os
import shutil

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PROGRAMS = os.path.join(HERE, "programs")
ARTIFACTS = os.path.join(HERE, "artifacts")
CHROMIUM = os.environ.get("EVALFRAME_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync"]


def program(name):
    return os.path.join(PROGRAMS, name)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        pytest.skip("Chromium is not installed at %s (apt-get install chromium; "
                    ".ci/run does this)" % CHROMIUM)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the Playwright Python package is not installed (pip install '.[web]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, request):
    """A fresh page; its screenshot is saved under the test's name afterwards."""
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = context.new_page()
    errors = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.js_errors = errors
    try:
        yield pg
        os.makedirs(ARTIFACTS, exist_ok=True)
        try:
            pg.screenshot(path=os.path.join(ARTIFACTS, request.node.name + ".png"))
        except Exception:
            pass
        assert not errors, "JavaScript errors in the page: %s" % errors
    finally:
        context.close()


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    """exported(name) -> path of the self-contained page of tests/web/programs/<name>."""
    from evalframe.web.page import render_page
    from evalframe.web.record import record_file
    out = tmp_path_factory.mktemp("pages")
    cache = {}

    def make(name):
        if name not in cache:
            path = os.path.join(str(out), os.path.basename(name).replace(".py", ".html"))
            with open(path, "w", encoding="utf-8") as f:
                f.write(render_page(record_file(program(name) if os.sep not in name else name)))
            cache[name] = path
        return cache[name]
    return make


def open_page(pg, path, fragment=""):
    pg.goto("file://" + path + fragment)
    pg.wait_for_function("window.evalframe && window.evalframe.ready === true")
    return pg
