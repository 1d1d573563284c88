"""CPython's own regression tests as evalframe's yardstick.

Mirrors the role of Lib/test/libregrtest (``python -m test``): it runs modules of the
host's ``test`` package one per subprocess with a timeout, twice: on the host CPython
and with the test module itself compiled by evalframe and executed in its VM.  It then
compares the outcomes test by test and writes the per-module table into
docs/regrtest.md.

    python -m evalframe.regrtest [--modules test_scope ...] [--docs docs/regrtest.md]
                                 [-j N] [--timeout S] [--json results.json]

Each run is a small driver (``--driver MODULE --engine host|evalframe``) that imports
the test module, loads its tests with unittest's loader (``load_tests`` included),
runs them with a result object that writes one JSON line per test (id, outcome,
the error's last line) as it finishes, so a module that times out still reports the
tests it completed.  On the evalframe side the driver installs evalframe's import
finder (evalframe.importer) with the ``user`` policy plus the test module's name as
an extra VM module, exactly what ``EVALFRAME_VM_MODULES_EXTRA=test.test_x evalframe
run -m test.test_x`` does: the test module runs in the VM, while unittest,
test.support and the rest of the standard library stay host code, calling into the
guest's test methods.  For doctest-based modules (``load_tests`` adding a
DocTestSuite), ``doctest`` runs in the VM too (``--doctest-in-vm``, on by default),
so that the examples are compiled and executed by evalframe, not by the host.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time

START_MODULES = [
    "test_scope", "test_funcattrs", "test_keywordonlyarg", "test_positional_only_arg",
    "test_extcall", "test_generators", "test_class", "test_super", "test_exceptions",
    "test_raise", "test_with", "test_grammar", "test_unpack", "test_unpack_ex",
    "test_augassign", "test_decorators", "test_dynamic", "test_opcodes",
]
MORE_MODULES = [
    "test_contextlib", "test_listcomps", "test_setcomps", "test_dictcomps",
    "test_genexps", "test_string_literals", "test_fstring", "test_int", "test_bool",
    "test_compare", "test_richcmp", "test_list", "test_tuple", "test_dict", "test_set",
    "test_iter", "test_builtin", "test_patma", "test_named_expressions",
    "test_coroutines", "test_asyncgen", "test_property", "test_descr",
]
WIDER_MODULES = [
    "test_yield_from", "test_global", "test_syntax", "test_exception_variations",
    "test_baseexception", "test_except_star", "test_exception_group",
    "test_contextlib_async", "test_call", "test_sort", "test_enumerate", "test_range",
    "test_slice", "test_isinstance", "test_typechecks", "test_dictviews",
    "test_userdict", "test_userlist", "test_abc", "test_types", "test_float",
    "test_long", "test_print", "test_index", "test_keyword", "test_string",
    "test_unary", "test_binop", "test_pow", "test_metaclass", "test_copy",
    "test_operator", "test_functools", "test_itertools", "test_collections",
    "test_enum", "test_dataclasses",
]
# Issue 11: the standard library at large, run with --vm-modules=all.
STDLIB_MODULES = [
    "test_bisect", "test_heapq", "test_textwrap", "test_fnmatch", "test_shlex",
    "test_fractions", "test_difflib", "test_colorsys", "test_base64", "test_binascii",
    "test_html", "test_htmlparser", "test_calendar", "test_json", "test_csv",
    "test_configparser", "test_getopt", "test_optparse", "test_pprint", "test_reprlib",
    "test_weakset", "test_ordered_dict", "test_deque", "test_defaultdict", "test_math",
    "test_cmath", "test_complex", "test_struct", "test_array", "test_memoryview",
    "test_bytes", "test_format", "test_stringprep", "test_unicodedata", "test_gettext",
    "test_random", "test_hmac", "test_secrets", "test_uuid", "test_ipaddress",
    "test_urlparse", "test_copyreg", "test_shelve", "test_contains", "test_genericalias",
    "test_traceback", "test_linecache", "test_tokenize", "test_sched", "test_queue",
    "test_context", "test_exception_hierarchy", "test_fileinput", "test_filecmp",
    "test_posixpath", "test_genericpath", "test_ntpath", "test_stat", "test_gzip",
    "test_memoryio", "test_utf8source", "test_source_encoding", "test_eof",
    "test_unicode_identifiers", "test_int_literal", "test_abstract_numbers", "test_hash",
    "test_userstring", "test_structseq", "test_pkg", "test_runpy", "test_cmd",
    "test_code_module", "test_timeit", "test_plistlib", "test_netrc", "test_quopri",
    "test_frame", "test_dynamicclassattribute", "test_errno", "test_univnewlines",
    "test_statistics", "test_graphlib", "test_glob", "test_zlib", "test_hashlib",
    "test_tabnanny", "test_pyclbr",
]
DEFAULT_MODULES = START_MODULES + MORE_MODULES + WIDER_MODULES + STDLIB_MODULES
DEFAULT_POLICY = "all"

ENGINES = ("host", "evalframe")
DEFAULT_TIMEOUT = 900
BEGIN = "<!-- regrtest:begin -->"
END = "<!-- regrtest:end -->"

PASSING = ("pass", "xfail")


def full_name(module):
    """``test_scope`` names the host's ``test.test_scope``; dotted names are taken as they are."""
    return module if "." in module else "test." + module


# -- the driver: one module, one engine ---------------------------------------

def _last_line(text):
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1].strip() if lines else ""


def describe_error(etype, value):
    """One line saying why a test failed: ``Type: first line of the message``.

    A doctest failure's message is a report; its useful parts are the failing
    example and the last line of what happened (the exception, or the output).
    """
    text = str(value).strip()
    if "Failed example:" in text:
        lines = text.splitlines()
        i = lines.index("Failed example:") if "Failed example:" in lines else 0
        example = lines[i + 1].strip() if i + 1 < len(lines) else ""
        return "doctest: %s => %s" % (example, _last_line(text))
    first = text.splitlines()[0].strip() if text else ""
    return "%s: %s" % (etype.__name__, first) if first else etype.__name__


class _JsonLinesResult:
    """A unittest result writing ``{"id", "outcome", "detail"}`` per test as it ends.

    Mirrors unittest.TestResult's protocol (startTest/addSuccess/addFailure/addError/
    addSkip/addExpectedFailure/addUnexpectedSuccess/addSubTest/stopTest); a test with
    a failing subtest is a failure, as unittest counts it.
    """

    def __new__(cls, out, stream):
        import unittest

        class Result(unittest.TestResult):
            def startTest(self, test):
                out.write(json.dumps({"begin": test.id()}) + "\n")
                out.flush()
                super().startTest(test)
                self._current = [None, ""]

            def _set(self, outcome, detail=""):
                current = getattr(self, "_current", None)
                if current is None:
                    return
                # The worst outcome wins: error > fail > anything else.
                rank = {"error": 3, "fail": 2}
                if current[0] is None or rank.get(outcome, 1) > rank.get(current[0], 1):
                    current[0], current[1] = outcome, detail

            def _detail(self, test, err):
                try:
                    return describe_error(err[0], err[1])
                except Exception:  # a guest exception whose str() fails
                    return err[0].__name__

            def addSuccess(self, test):
                super().addSuccess(test)
                self._set("pass")

            def addFailure(self, test, err):
                super().addFailure(test, err)
                self._set("fail", self._detail(test, err))

            def addError(self, test, err):
                super().addError(test, err)
                if getattr(self, "_current", None) is None or not hasattr(test, "_testMethodName"):
                    # setUpClass/setUpModule errors arrive outside any test
                    self._emit(test.id() if hasattr(test, "id") else str(test), "error",
                               self._detail(test, err))
                else:
                    self._set("error", self._detail(test, err))

            def addSkip(self, test, reason):
                super().addSkip(test, reason)
                self._set("skip", str(reason)[:200])

            def addExpectedFailure(self, test, err):
                super().addExpectedFailure(test, err)
                self._set("xfail")

            def addUnexpectedSuccess(self, test):
                super().addUnexpectedSuccess(test)
                self._set("xpass")

            def addSubTest(self, test, subtest, err):
                super().addSubTest(test, subtest, err)
                if err is not None:
                    failure = issubclass(err[0], test.failureException)
                    self._set("fail" if failure else "error", self._detail(test, err))

            def stopTest(self, test):
                super().stopTest(test)
                current = getattr(self, "_current", None)
                self._current = None
                if current is not None:
                    self._emit(test.id(), current[0] or "pass", current[1])

            def _emit(self, test_id, outcome, detail):
                out.write(json.dumps({"id": test_id, "outcome": outcome,
                                      "detail": detail[:300]}) + "\n")
                out.flush()

        return Result(stream=stream, descriptions=False, verbosity=0)


def _without(suite, excluded):
    """``suite`` flattened, minus the tests whose id is in ``excluded``."""
    import unittest
    tests = []

    def walk(s):
        for t in s:
            if isinstance(t, unittest.TestSuite):
                walk(t)
            elif t.id() not in excluded:
                tests.append(t)
    walk(suite)
    return unittest.TestSuite(tests)


def run_driver(module, engine, out_path, policy="user", doctest_in_vm=True,
               exclude_path=None):
    """Import ``module`` (on ``engine``) and run its tests; write JSON lines to out_path.

    ``exclude_path`` names a file of test ids (one a line) not to run again: the
    runner restarts a module after a crash or a hang without the tests already
    reported and the one that was running.
    """
    import importlib
    import io
    module = full_name(module)
    excluded = set()
    if exclude_path:
        with open(exclude_path, encoding="utf-8") as f:
            excluded = {line.strip() for line in f if line.strip()}
    with open(out_path, "a", encoding="utf-8") as out:
        def emit(**record):
            out.write(json.dumps(record) + "\n")
            out.flush()
        emit(start=module, engine=engine, python=sys.version.split()[0])
        if engine == "evalframe":
            from . import importer, options
            options.configure(vm_modules=policy)
            extra = [module]
            if doctest_in_vm:
                extra.append("doctest")
            importer.install(policy, extra=extra)
        # (after the finder: under --vm-modules=all unittest and test.support
        # run in the VM too)
        import unittest
        started = time.monotonic()
        try:
            mod = importlib.import_module(module)
            suite = unittest.defaultTestLoader.loadTestsFromModule(mod)
        except BaseException as exc:  # the import itself is the outcome
            emit(import_error="%s: %s" % (type(exc).__name__, str(exc)[:300]))
            return 1
        # Which loader ran the module: the evalframe side must say VMLoader.
        emit(loader=type(getattr(mod, "__loader__", None)).__name__)
        for err in getattr(unittest.defaultTestLoader, "errors", []):
            emit(id=module + ".<load>", outcome="error", detail=_last_line(err)[:300])
        if excluded:
            suite = _without(suite, excluded)
        result = _JsonLinesResult(out, io.StringIO())
        suite.run(result)
        emit(done=True, testsRun=result.testsRun,
             seconds=round(time.monotonic() - started, 2))
    return 0


# -- the runner ----------------------------------------------------------------

class ModuleRun:
    """What one engine did with one test module."""

    def __init__(self, module, engine):
        self.module, self.engine = module, engine
        self.tests = collections.OrderedDict()   # id -> (outcome, detail)
        self.status = "not run"
        self.import_error = None
        self.seconds = None
        self.loader = None
        self.log = ""

    @property
    def run(self):
        return len(self.tests)

    @property
    def passed(self):
        return sum(1 for o, _ in self.tests.values() if o in PASSING)

    @property
    def skipped(self):
        return sum(1 for o, _ in self.tests.values() if o == "skip")

    def as_dict(self):
        return {"module": self.module, "engine": self.engine, "status": self.status,
                "import_error": self.import_error, "seconds": self.seconds,
                "loader": self.loader,
                "run": self.run, "passed": self.passed, "skipped": self.skipped,
                "tests": {k: list(v) for k, v in self.tests.items()}}


def _driver_env():
    env = dict(os.environ)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    path = env.get("PYTHONPATH")
    env["PYTHONPATH"] = root + (os.pathsep + path if path else "")
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("EVALFRAME_VM_MODULES_EXTRA", None)
    return env


MAX_RESTARTS = 5


def _spawn(cmd, log_path, timeout, cwd):
    """Run a driver; its exit status, or None when it had to be killed."""
    with open(log_path, "ab") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=_driver_env(),
                                cwd=cwd, start_new_session=True)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(proc)
            return None


def _read_records(run, out_path):
    """Fold the driver's JSON lines into ``run``; return (done, test begun but not ended)."""
    done = False
    pending = None
    run.tests.clear()
    try:
        with open(out_path, encoding="utf-8") as f:
            for line in f:
                try:
                    rec = json.loads(line)
                except ValueError:
                    continue  # a line cut short by a kill
                if "begin" in rec:
                    pending = rec["begin"]
                elif "id" in rec:
                    run.tests[rec["id"]] = (rec["outcome"], rec.get("detail", ""))
                    if rec["id"] == pending:
                        pending = None
                elif "start" in rec:
                    done, pending = False, None
                elif "import_error" in rec:
                    run.import_error = rec["import_error"]
                elif "loader" in rec:
                    run.loader = rec["loader"]
                elif rec.get("done"):
                    done = True
    except OSError:
        pass
    return done, pending


def run_module(module, engine, timeout=DEFAULT_TIMEOUT, workdir=None, python=None,
               doctest_in_vm=True, policy=DEFAULT_POLICY):
    """Run one module on one engine in a subprocess; return its ModuleRun.

    When the driver dies (a crash of the host, a fatal error) or hangs, the test
    it was running is recorded as ``crash`` or ``timeout`` and the module is
    started again without the tests already reported (at most MAX_RESTARTS times,
    within the same overall ``timeout``), as libregrtest reruns what it can.
    """
    workdir = workdir or tempfile.mkdtemp(prefix="regrtest-")
    base = os.path.join(workdir, "%s.%s" % (module, engine))
    out_path, log_path, exclude_path = base + ".jsonl", base + ".log", base + ".exclude"
    for path in (out_path, log_path, exclude_path):
        if os.path.exists(path):
            os.remove(path)
    cmd = [python or sys.executable, "-m", "evalframe.regrtest", "--driver", module,
           "--engine", engine, "--out", out_path]
    if not doctest_in_vm:
        cmd.append("--no-doctest-in-vm")
    cmd += ["--vm-modules", policy]
    run = ModuleRun(module, engine)
    started = time.monotonic()
    incidents = []
    reported = 0
    while True:
        remaining = timeout - (time.monotonic() - started)
        argv = cmd + (["--exclude", exclude_path] if incidents else [])
        rc = _spawn(argv, log_path, max(remaining, 1), workdir)
        done, pending = _read_records(run, out_path)
        if done or run.import_error:
            break
        kind = "timeout" if rc is None else "crash"
        if pending is not None:
            detail = ("killed after %ss in total" % timeout if rc is None
                      else "the driver died (exit %s) during this test" % rc)
            with open(out_path, "a", encoding="utf-8") as f:
                f.write(json.dumps({"id": pending, "outcome": kind, "detail": detail})
                        + "\n")
            run.tests[pending] = (kind, detail)
        elif len(run.tests) == reported:
            break  # died between tests and made no progress: nothing to skip
        reported = len(run.tests)
        incidents.append(kind)
        if len(incidents) > MAX_RESTARTS or timeout - (time.monotonic() - started) < 5:
            break
        with open(exclude_path, "w", encoding="utf-8") as f:
            f.write("\n".join(run.tests) + "\n")
    run.seconds = round(time.monotonic() - started, 1)
    with open(log_path, "rb") as f:
        run.log = f.read()[-4000:].decode("utf-8", "backslashreplace")
    if run.import_error:
        run.status = "import error"
    elif engine == "evalframe" and run.loader != "VMLoader":
        run.status = "not run in the VM (loader %s)" % run.loader
    elif done:
        run.status = "ok"
    elif rc is None:
        run.status = "timeout"
    else:
        run.status = "crash (exit %s)" % rc
    if incidents:
        counts = collections.Counter(incidents)
        run.status += " after restarts (%s)" % ", ".join(
            "%d %s" % (n, k) for k, n in sorted(counts.items()))
    return run


def _kill_group(proc):
    import signal
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except OSError:
        proc.kill()
    proc.wait()


def compare(host, vm):
    """Per-module comparison numbers: agreeing tests and regressions (host pass, VM not)."""
    same = sum(1 for tid, (o, _) in host.tests.items()
               if tid in vm.tests and (vm.tests[tid][0] in PASSING) == (o in PASSING))
    regressions = [(tid, vm.tests.get(tid, ("missing", ""))) for tid, (o, _) in
                   host.tests.items() if o in PASSING and vm.tests.get(tid, ("",))[0] not in PASSING]
    return same, regressions


_NORMALIZE = [
    (re.compile(r"0x[0-9a-fA-F]+"), "0x..."),
    (re.compile(r"'[^']{40,}'"), "'...'"),
    (re.compile(r"\s+"), " "),
]


def failure_cause(outcome, detail):
    """A grouping key for why a test failed on evalframe: the error's last line, normalised."""
    if outcome == "missing":
        return "(test not reached: the module timed out, crashed or failed to import)"
    text = detail or outcome
    for pattern, repl in _NORMALIZE:
        text = pattern.sub(repl, text)
    return text[:140]


def causes(pairs):
    """Failure causes over all modules, most frequent first.

    [(cause, count, modules, an example test id)]
    """
    counter = collections.Counter()
    where = collections.defaultdict(set)
    example = {}
    for host, vm in pairs:
        if vm.import_error:
            key = "import: " + failure_cause("error", vm.import_error)
            counter[key] += max(host.run, 1)
            where[key].add(host.module)
            example.setdefault(key, full_name(host.module))
            continue
        _, regressions = compare(host, vm)
        for tid, (outcome, detail) in regressions:
            key = failure_cause(outcome, detail)
            counter[key] += 1
            where[key].add(host.module)
            example.setdefault(key, tid)
    return [(k, n, sorted(where[k]), example[k]) for k, n in counter.most_common()]


def table(pairs):
    """The per-module markdown table."""
    rows = ["| module | host run | host passed | evalframe run | evalframe passed "
            "| same outcome | regressions | evalframe status |",
            "|---|---:|---:|---:|---:|---:|---:|---|"]
    totals = [0] * 6
    for host, vm in pairs:
        same, regressions = compare(host, vm)
        status = vm.status
        if vm.import_error:
            status += ": " + vm.import_error[:80].replace("|", "\\|")
        if host.status != "ok":
            status += " (host: %s)" % host.status
        nums = [host.run, host.passed, vm.run, vm.passed, same, len(regressions)]
        totals = [a + b for a, b in zip(totals, nums)]
        rows.append("| %s | %s | %s |" % (host.module, " | ".join(map(str, nums)), status))
    rows.append("| **total (%d modules)** | %s | |" % (len(pairs), " | ".join(
        "**%d**" % n for n in totals)))
    return "\n".join(rows)


def report(pairs, top=25, policy=DEFAULT_POLICY):
    """The generated part of docs/regrtest.md: the table and the top failure causes."""
    lines = [BEGIN,
             "Generated by `python -m evalframe.regrtest --vm-modules=%s` on %s (host Python %s)."
             % (policy, time.strftime("%Y-%m-%d"), sys.version.split()[0]),
             "Policies: the *host* columns are plain `python -m test.test_x`-style runs; the "
             "*evalframe* columns ran the test module in the VM with `--vm-modules=%s`%s." % (
                 policy, " (unittest, test.support and every pure-Python stdlib module "
                 "they import run in the VM too)" if policy == "all" else
                 " (unittest and test.support on the host)"),
             "",
             table(pairs),
             "",
             "Top failure causes on evalframe (tests that pass on the host; the error's "
             "last line, grouped):",
             "",
             "| tests | cause | modules | e.g. |",
             "|---:|---|---|---|"]
    for cause, n, mods, eg in causes(pairs)[:top]:
        shown = ", ".join(m.replace("test_", "", 1) for m in mods[:6])
        if len(mods) > 6:
            shown += ", +%d" % (len(mods) - 6)
        eg = eg[5:] if eg.startswith("test.") else eg
        lines.append("| %d | `%s` | %s | %s |" % (
            n, cause.replace("`", "'").replace("|", "\\|"), shown, eg))
    lines.append(END)
    return "\n".join(lines) + "\n"


DOC_HEADER = """\
# CPython's regression tests on evalframe

`python -m evalframe.regrtest` runs modules of the host's `test` package on the host
CPython and on evalframe, and compares them test by test (see the docstring of
evalframe/regrtest.py for how).  On the evalframe side the test module itself is
compiled by evalframe and runs in the VM (`--vm-modules=user` plus the module as an
extra VM module, as `EVALFRAME_VM_MODULES_EXTRA=test.test_x evalframe run -m test.test_x`
would), while unittest and test.support stay host code.  For doctest-based modules
doctest runs in the VM too, so the examples are compiled and run by evalframe.

Columns: *run* counts tests that reported an outcome (skips included); *passed*
counts passes and expected failures; *same outcome* counts tests that pass on both
or fail on both; *regressions* counts tests that pass on the host and not on
evalframe (including tests never reached because the module timed out or crashed).

"""


def write_docs(path, pairs, policy=DEFAULT_POLICY):
    text = report(pairs, policy=policy)
    try:
        with open(path, encoding="utf-8") as f:
            old = f.read()
    except OSError:
        old = DOC_HEADER
    if BEGIN in old and END in old:
        head, _, rest = old.partition(BEGIN)
        _, _, tail = rest.partition(END)
        new = head + text.rstrip("\n") + tail
    else:
        new = old.rstrip("\n") + "\n\n" + text
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m evalframe.regrtest",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--modules", nargs="+", metavar="MODULE",
                        help="test modules (test_scope or test.test_scope); default: %d modules"
                        % len(DEFAULT_MODULES))
    parser.add_argument("--docs", metavar="PATH", help="write the table into this markdown file")
    parser.add_argument("--json", metavar="PATH", help="write every outcome as JSON")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds per module and engine (default %(default)s)")
    parser.add_argument("--engines", default="host,evalframe")
    parser.add_argument("--workdir", help="keep the drivers' logs and JSON lines here")
    parser.add_argument("--no-doctest-in-vm", dest="doctest_in_vm", action="store_false")
    parser.add_argument("--vm-modules", dest="policy", choices=("user", "all"),
                        default=DEFAULT_POLICY,
                        help="the evalframe column's import policy: 'all' runs unittest, "
                             "test.support and the whole pure-Python stdlib in the VM with "
                             "the test module; 'user' only the test module (and doctest)"
                             " (default %(default)s)")
    parser.add_argument("--driver", metavar="MODULE", help=argparse.SUPPRESS)
    parser.add_argument("--engine", choices=ENGINES, help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--exclude", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.driver:
        return run_driver(args.driver, args.engine or "host", args.out, policy=args.policy,
                          doctest_in_vm=args.doctest_in_vm, exclude_path=args.exclude)

    modules = args.modules or DEFAULT_MODULES
    modules = [m[5:] if m.startswith("test.") and m.count(".") == 1 else m for m in modules]
    engines = [e for e in args.engines.split(",") if e]
    workdir = args.workdir or tempfile.mkdtemp(prefix="evalframe-regrtest-")
    os.makedirs(workdir, exist_ok=True)
    jobs = [(m, e) for m in modules for e in engines]
    results = {}

    def one(job):
        m, e = job
        r = run_module(m, e, args.timeout, workdir, doctest_in_vm=args.doctest_in_vm,
                       policy=args.policy)
        sys.stdout.write("%-28s %-10s %-14s run %4d  passed %4d  (%.1fs)\n" % (
            m, e, r.status, r.run, r.passed, r.seconds))
        sys.stdout.flush()
        return r

    if args.jobs > 1:
        from concurrent.futures import ThreadPoolExecutor
        with ThreadPoolExecutor(args.jobs) as pool:
            for job, r in zip(jobs, pool.map(one, jobs)):
                results[job] = r
    else:
        for job in jobs:
            results[job] = one(job)

    pairs = []
    for m in modules:
        host = results.get((m, "host")) or ModuleRun(m, "host")
        vm = results.get((m, "evalframe")) or ModuleRun(m, "evalframe")
        pairs.append((host, vm))
    sys.stdout.write("\n" + table(pairs) + "\n")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump([[h.as_dict(), v.as_dict()] for h, v in pairs], f, indent=1)
    if args.docs:
        write_docs(args.docs, pairs, args.policy)
        sys.stdout.write("wrote %s\n" % args.docs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
