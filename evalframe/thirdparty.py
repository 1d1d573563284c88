"""Third-party libraries' own test suites, on the host and in evalframe's VM.

Mirrors no part of CPython: it is the third-party counterpart of
evalframe/regrtest.py.  For each pinned pure-Python library it downloads the
sdist from PyPI (``pip download --no-deps --no-binary :all: NAME==VERSION``),
unpacks it, and runs the library's own tests twice with pytest:

* host: ``python -m pytest ...`` (the library, its tests, pytest: all host);
* VM: ``python -m evalframe run -m pytest ...``: the library (a user module:
  it is imported from the unpacked sdist, not site-packages), its tests and
  pytest's assertion rewriting all run in the VM (evalframe/pytest_plugin.py);
  pytest itself stays host code.

A probe test is added to each suite (``test_evalframe_probe.py``): on the VM
side it fails unless the test module and the library's own functions are
guest code and ``assert`` was rewritten, so a run that silently fell back to
the host cannot count.  Outcomes are read from pytest's JUnit XML, compared
test by test, and written as a table (``--docs``): tests passed on each side,
VM-only failures, and the VM/host wall-time ratio.

    python -m evalframe.thirdparty [--libs six toolz ...] [--workdir DIR]
                                   [--timeout S] [--docs docs/thirdparty.md]

These runs are CPU-heavy (the VM is tens of times slower than CPython): run
them one library at a time, e.g. under ``nice``.
"""

import argparse
import glob
import os
import subprocess
import sys
import tarfile
import time
import xml.etree.ElementTree as ET

# name: (version, directory put on sys.path, test paths, importable module)
LIBRARIES = {
    "six": ("1.16.0", ".", ["test_six.py"], "six"),
    "toolz": ("0.12.1", ".", ["toolz/tests"], "toolz.itertoolz"),
    "boltons": ("24.0.0", ".", ["tests"], "boltons.iterutils"),
    "attrs": ("23.2.0", "src", ["tests"], "attr._make"),
    "pyparsing": ("3.1.2", ".", ["tests"], "pyparsing.core"),
    "more-itertools": ("10.2.0", ".", ["tests"], "more_itertools.more"),
    "idna": ("3.7", ".", ["tests"], "idna.core"),
    "wcwidth": ("0.2.13", ".", ["tests"], "wcwidth.wcwidth"),
    "simplejson": ("3.19.2", ".", ["simplejson/tests"], "simplejson.decoder"),
    "jmespath": ("1.0.1", ".", ["tests"], "jmespath.parser"),
    "decorator": ("5.1.1", "src", ["src/tests/test.py"], "decorator"),
}
DEFAULT_LIBS = list(LIBRARIES)
# quickest first, so that a run cut short still covers the most libraries
RUN_ORDER = ["six", "idna", "jmespath", "decorator", "wcwidth", "toolz", "simplejson",
             "boltons", "more-itertools", "attrs", "pyparsing"]

PROBE = '''\
"""Added by evalframe.thirdparty: where does this suite run?"""
import importlib
import os
import sys
import types


def _guest(func):
    return type(func.__code__) is not types.CodeType


def _library_function(modname):
    mod = importlib.import_module(modname)
    values = list(vars(mod).values())
    values += [v for c in values if isinstance(c, type) for v in vars(c).values()]
    for value in values:
        code = getattr(value, "__code__", None)
        if code is not None and getattr(code, "co_filename", None) == mod.__file__:
            return value
    raise AssertionError("no function of %s found" % modname)


def test_evalframe_probe():
    try:
        assert [1, 2] == [1, 3]
    except AssertionError as e:
        rewritten = "[1, 2] == [1, 3]" in str(e)
    assert rewritten, "pytest's assertion rewriting did not run"
    expect_vm = os.environ.get("EVALFRAME_PROBE") == "vm"
    lib = _library_function(os.environ["EVALFRAME_PROBE_MODULE"])
    assert _guest(test_evalframe_probe) == expect_vm, "test module engine"
    assert _guest(lib) == expect_vm, "library engine"
'''

PYTEST_ARGS = ["-p", "no:cacheprovider", "-q", "-o", "addopts=", "-p", "no:randomly",
               "-W", "ignore::DeprecationWarning", "--continue-on-collection-errors",
               "-p", "evalframe_thirdparty_settings"]

# Loaded into both runs: hypothesis' per-example deadline (200 ms) is a timing
# assertion, not behaviour; the VM is tens of times slower, so it is lifted on
# both sides alike.
SETTINGS_PLUGIN = '''\
def pytest_configure(config):
    try:
        from hypothesis import settings
    except ImportError:
        return
    settings.register_profile("evalframe-thirdparty", deadline=None)
    settings.load_profile("evalframe-thirdparty")
'''


def fetch(name, version, workdir):
    """Download and unpack ``name==version``'s sdist; return the source directory."""
    sdists = os.path.join(workdir, "sdists")
    os.makedirs(sdists, exist_ok=True)
    pattern = os.path.join(sdists, "%s-%s.tar.gz" % (name.replace("-", "?"), version))
    found = glob.glob(pattern) or glob.glob(pattern.replace("?", "_"))
    if not found:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary",
                        ":all:", "-q", "-d", sdists, "%s==%s" % (name, version)], check=True)
        found = glob.glob(pattern) or glob.glob(pattern.replace("?", "_"))
    if not found:
        raise RuntimeError("no sdist of %s %s downloaded" % (name, version))
    target = os.path.join(workdir, "src")
    with tarfile.open(found[0]) as tar:
        top = tar.getnames()[0].split("/")[0]
        dest = os.path.join(target, top)
        if not os.path.isdir(dest):
            try:
                tar.extractall(target, filter="data")
            except TypeError:   # Python < 3.10.12: no filter argument
                tar.extractall(target)
    return dest


def _junit(path):
    """{test id: outcome} from pytest's JUnit XML ('pass', 'fail', 'error', 'skip')."""
    out = {}
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return out
    for case in root.iter("testcase"):
        tid = "%s::%s" % (case.get("classname", ""), case.get("name", ""))
        outcome = "pass"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = "fail" if child.tag == "failure" else "error"
                break
            if child.tag == "skipped":
                outcome = "skip"
        out[tid] = outcome
    return out


class SuiteRun:
    def __init__(self, lib, engine):
        self.lib, self.engine = lib, engine
        self.outcomes = {}
        self.seconds = 0.0
        self.status = "not run"

    def as_dict(self):
        return {"lib": self.lib, "engine": self.engine, "outcomes": self.outcomes,
                "seconds": self.seconds, "status": self.status}

    @classmethod
    def from_dict(cls, d):
        run = cls(d["lib"], d["engine"])
        run.outcomes, run.seconds, run.status = d["outcomes"], d["seconds"], d["status"]
        return run

    @property
    def passed(self):
        return sum(1 for o in self.outcomes.values() if o == "pass")

    @property
    def probe(self):
        return next((o for t, o in self.outcomes.items() if t.endswith("test_evalframe_probe")),
                    "missing")


def run_suite(lib, engine, src, timeout, log_dir):
    version, path_dir, tests, probe_module = LIBRARIES[lib]
    first = tests[0]
    probe_dir = os.path.join(src, first if os.path.isdir(os.path.join(src, first))
                             else os.path.dirname(first))
    with open(os.path.join(probe_dir, "test_evalframe_probe.py"), "w") as f:
        f.write(PROBE)
    tests = tests + [os.path.relpath(os.path.join(probe_dir, "test_evalframe_probe.py"), src)]
    xml = os.path.join(log_dir, "%s.%s.xml" % (lib, engine))
    if os.path.exists(xml):
        os.remove(xml)
    env = dict(os.environ)
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(log_dir, "evalframe_thirdparty_settings.py"), "w") as f:
        f.write(SETTINGS_PLUGIN)
    paths = [os.path.abspath(os.path.join(src, path_dir)), os.path.abspath(log_dir)]
    if engine == "vm":
        paths.append(here)
    env["PYTHONPATH"] = os.pathsep.join(paths + [p for p in [env.get("PYTHONPATH")] if p])
    env["EVALFRAME_PROBE"] = engine
    env["EVALFRAME_PROBE_MODULE"] = probe_module
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTEST_ADDOPTS", None)
    cmd = [sys.executable] + (["-m", "evalframe", "run", "-m", "pytest"] if engine == "vm"
                              else ["-m", "pytest"])
    cmd += PYTEST_ARGS + ["--junitxml", xml] + tests
    run = SuiteRun(lib, engine)
    started = time.monotonic()
    with open(os.path.join(log_dir, "%s.%s.log" % (lib, engine)), "w") as log:
        try:
            proc = subprocess.run(cmd, cwd=src, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  timeout=timeout)
            run.status = "exit %d" % proc.returncode
        except subprocess.TimeoutExpired:
            run.status = "timeout"
    run.seconds = time.monotonic() - started
    run.outcomes = _junit(xml)
    return run


def table(pairs):
    rows = ["| library | version | host passed | VM passed | VM-only failures | probe (VM) "
            "| time VM/host |",
            "|---|---|---:|---:|---:|---|---:|"]
    tot = [0, 0, 0]
    for host, vm in pairs:
        version = LIBRARIES[host.lib][0]
        vm_only = [t for t, o in host.outcomes.items()
                   if o == "pass" and vm.outcomes.get(t) != "pass"
                   and not t.endswith("test_evalframe_probe")]
        hp = host.passed - (host.probe == "pass")
        vp = vm.passed - (vm.probe == "pass")
        tot = [tot[0] + hp, tot[1] + vp, tot[2] + len(vm_only)]
        ratio = vm.seconds / host.seconds if host.seconds else 0.0
        status = "" if vm.status.startswith("exit") else " (%s)" % vm.status
        rows.append("| %s | %s | %d | %d | %d | %s | %.0fx%s |" % (
            host.lib, version, hp, vp, len(vm_only), vm.probe, ratio, status))
    rows.append("| **total** | | **%d** | **%d** | **%d** | | |" % tuple(tot))
    return "\n".join(rows)


def vm_only_failures(pairs):
    out = []
    for host, vm in pairs:
        for t, o in sorted(host.outcomes.items()):
            if o == "pass" and vm.outcomes.get(t) != "pass" and not t.endswith("probe"):
                out.append("%s: %s (%s)" % (host.lib, t, vm.outcomes.get(t, "not reported")))
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m evalframe.thirdparty",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--libs", nargs="+", default=RUN_ORDER, choices=DEFAULT_LIBS)
    parser.add_argument("--workdir", default=os.path.join(os.getcwd(), ".thirdparty"))
    parser.add_argument("--timeout", type=float, default=3600,
                        help="seconds per suite and engine (default %(default)s)")
    parser.add_argument("--engines", default="host,vm")
    parser.add_argument("--docs", metavar="PATH", help="write the table into this markdown file")
    args = parser.parse_args(argv)
    os.makedirs(args.workdir, exist_ok=True)
    log_dir = os.path.join(args.workdir, "logs")
    os.makedirs(log_dir, exist_ok=True)
    # results of earlier invocations in this workdir are kept: the table covers
    # every library run so far (a rerun of one library replaces its row)
    store = os.path.join(args.workdir, "results.json")
    saved = {}
    if os.path.exists(store):
        import json
        with open(store, encoding="utf-8") as f:
            saved = {lib: (SuiteRun.from_dict(h), SuiteRun.from_dict(v))
                     for lib, (h, v) in json.load(f).items()}
    pairs = []
    for lib in args.libs:
        src = fetch(lib, LIBRARIES[lib][0], args.workdir)
        runs = {}
        for engine in args.engines.split(","):
            r = runs[engine] = run_suite(lib, engine, src, args.timeout, log_dir)
            sys.stdout.write("%-16s %-5s %-10s passed %5d of %5d  probe %-5s (%.0fs)\n" % (
                lib, engine, r.status, r.passed, len(r.outcomes), r.probe, r.seconds))
            sys.stdout.flush()
        pairs.append((runs.get("host") or SuiteRun(lib, "host"),
                      runs.get("vm") or SuiteRun(lib, "vm")))
        saved[lib] = pairs[-1]
        import json
        with open(store, "w", encoding="utf-8") as f:
            json.dump({k: (h.as_dict(), v.as_dict()) for k, (h, v) in saved.items()}, f)
        if args.docs:   # after each library: a long run still leaves its figures
            _write_docs(args.docs, [saved[k] for k in RUN_ORDER if k in saved])
    text = table(pairs)
    sys.stdout.write("\n" + text + "\n")
    failures = vm_only_failures(pairs)
    for line in failures:
        sys.stdout.write("VM-only: %s\n" % line)
    return 0


def _write_docs(path, pairs):
    text = table(pairs)
    failures = vm_only_failures(pairs)
    with open(path, "w", encoding="utf-8") as f:
        f.write(DOC_HEADER + "Generated by `python -m evalframe.thirdparty` on %s "
                "(host Python %s).\n\n" % (time.strftime("%Y-%m-%d"), sys.version.split()[0]))
        f.write(text + "\n")
        if failures:
            f.write("\nVM-only failures:\n\n")
            f.write("".join("- `%s`\n" % line for line in failures))

DOC_HEADER = """\
# Third-party test suites on evalframe

`python -m evalframe.thirdparty` downloads pinned sdists of pure-Python libraries
and runs each one's own test suite with pytest on the host CPython and with
`evalframe run -m pytest` (the library, its tests and pytest's assertion
rewriting in the VM; pytest itself on the host).  A probe test added to each
suite fails on the VM side unless the tests and the library really ran in the VM
with rewritten asserts.  Columns: tests passed on each side (the probe left
out), tests that pass on the host and not in the VM, the probe's outcome in the
VM run, and the ratio of wall times.

"""


if __name__ == "__main__":
    sys.exit(main())
