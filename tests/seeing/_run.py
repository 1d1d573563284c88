"""Helpers for the seeing-tools tests: run ``python -m evalframe ...`` on a program."""

import json
import os
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SEED = os.path.join(ROOT, "examples", "seed_add.py")


def env():
    e = dict(os.environ)
    e["PYTHONHASHSEED"] = "0"
    e["PYTHONIOENCODING"] = "utf-8"
    e["PYTHONPATH"] = ROOT
    e.pop("PYTHONSTARTUP", None)
    e.pop("NO_COLOR", None)
    return e


def evalframe(*args, input=None, timeout=120, cwd=None):
    return subprocess.run([sys.executable, "-m", "evalframe"] + list(args), input=input,
                          capture_output=True, text=True, env=env(), timeout=timeout, cwd=cwd)


def write_program(tmp_path, source, name="prog.py"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(source), encoding="utf-8")
    return str(path)


def json_events(stdout):
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]
