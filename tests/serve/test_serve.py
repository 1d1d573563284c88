"""``evalframe serve`` without a browser: the runner's limits, the queue, the HTTP API."""

import asyncio
import json
import os
import subprocess
import sys

import pytest

from evalframe_testing import ROOT, _env

from ._threads import in_thread

pytest.importorskip("starlette", reason="evalframe serve needs the web extra (starlette)")
pytest.importorskip("httpx", reason="Starlette's TestClient needs httpx")

from evalframe.web.serve import Busy, Runner, ServeLimits, create_app  # noqa: E402


def in_own_loop(coro):
    return in_thread(asyncio.run, coro)


def run(source, stdin="", **limits):
    return in_own_loop(Runner(ServeLimits(**limits)).run(source, stdin))


def test_a_run_is_a_separate_process():
    res = run("import os\nprint(os.getpid())\nprint(input())\n", stdin="hello\n")
    assert res["outcome"] == "ok" and res["status"] == 0 and res["steps"] > 0
    assert res["limit"] is None and res["view"] == "/view/" + res["id"]


def _stdout_of(runner, res):
    rec = json.loads(runner.recordings[res["id"]])
    return "".join(text for _step, text in rec["stdout"])


def test_the_guest_runs_in_its_own_process_with_its_input():
    runner = Runner(ServeLimits())
    res = in_own_loop(runner.run("import os\nprint(os.getpid())\nprint(input())\n", "hi\n"))
    pid, line = _stdout_of(runner, res).split()
    assert int(pid) != os.getpid() and line == "hi"


def test_instruction_limit():
    res = run("while True:\n    pass\n", max_steps=500)
    assert res["outcome"] == "limit" and res["limit"] == "steps"
    assert "500 instructions" in res["message"] and res["view"]


def test_time_limit():
    res = run("import time\ntime.sleep(60)\n", timeout=2)
    assert res["outcome"] == "limit" and res["limit"] == "time"
    assert "time limit" in res["message"] and res["id"] is None


def test_memory_limit():
    res = run("x = bytearray(3 * 10 ** 9)\n", max_memory=600)
    assert res["outcome"] == "limit" and res["limit"] == "memory"
    assert "600 MB" in res["message"]


def test_output_limit():
    res = run("for i in range(20):\n    print(\"x\" * 10000)\n", max_output=0.05)
    assert res["outcome"] == "limit" and res["limit"] == "output"
    assert "output limit" in res["message"]


def test_errors_are_reported_as_run_reports_them():
    res = run("x = (\n")
    assert res["outcome"] == "error" and res["id"] is None
    assert 'File "program.py", line 1' in res["message"]
    assert "SyntaxError: '(' was never closed" in res["message"]
    res = run("raise ValueError('bad input')\n")
    assert res["outcome"] == "exception" and res["status"] == 1
    assert res["message"].endswith("ValueError: bad input") and res["view"]


def test_bounded_queue():
    async def scenario():
        runner = Runner(ServeLimits(max_concurrent=1, max_queue=1, timeout=30))
        slow = "import time\ntime.sleep(1.5)\n"
        first = asyncio.ensure_future(runner.run(slow))
        await asyncio.sleep(0.2)
        second = asyncio.ensure_future(runner.run("print(2)\n"))     # waits for the slot
        await asyncio.sleep(0.2)
        with pytest.raises(Busy):
            await runner.run("print(3)\n")                           # refused at once
        return await first, await second
    first, second = in_own_loop(scenario())
    assert first["outcome"] == second["outcome"] == "ok"


def test_http_api():
    from starlette.testclient import TestClient
    client = TestClient(create_app(ServeLimits(max_steps=300, max_source=1000)))
    page = client.get("/")
    assert page.status_code == 200 and 'id="source"' in page.text
    assert '"max_steps": 300' in page.text
    res = client.post("/api/run", json={"source": "print(6 * 7)\n"}).json()
    assert res["outcome"] == "ok"
    view = client.get(res["view"])
    assert view.status_code == 200 and "/api/recording/%s" % res["id"] in view.text
    rec = client.get("/api/recording/%s" % res["id"]).json()
    assert rec["schema"] == "evalframe-recording/1" and rec["end"]["status"] == 0
    assert client.get("/api/recording/nope").status_code == 404
    assert client.get("/view/nope").status_code == 404
    assert client.post("/api/run", content=b"not json").status_code == 400
    assert client.post("/api/run", json={"source": "x" * 1001}).status_code == 413
    assert client.get("/api/limits").json()["max_steps"] == 300


def test_command_line_errors():
    r = subprocess.run([sys.executable, "-m", "evalframe", "serve", "--max-steps", "0"],
                       capture_output=True, text=True, env=_env(), cwd=ROOT, timeout=60)
    assert r.returncode == 2 and "--max-steps must be greater than 0" in r.stderr


def test_recordings_kept_are_bounded():
    runner = Runner(ServeLimits(keep=3, keep_mb=1))
    ids = [runner._keep(b"x" * 1000) for _ in range(5)]
    assert list(runner.recordings) == ids[2:]
    big = runner._keep(b"y" * (1024 * 1024 - 1000))     # over 1 MB together
    assert list(runner.recordings) == [ids[-1], big] and runner.kept_bytes <= 1024 * 1024


def test_the_recording_names_program_py_not_the_temporary_directory():
    runner = Runner(ServeLimits())
    res = in_own_loop(runner.run("def f():\n    return 1\nf()\n"))
    rec = json.loads(runner.recordings[res["id"]])
    assert rec["program"] == "program.py" and "evalframe-serve-" not in json.dumps(rec)
