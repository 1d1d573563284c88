"""``python3 -m evalframe.fuzz``: the differential fuzzer's command line.

Mirrors no CPython file (see evalframe/fuzz/__init__.py for what it does).
Examples::

    python3 -m evalframe.fuzz                      # 200 programs, seed 0
    python3 -m evalframe.fuzz -n 5000 --seed 7     # the long run (docs/cli.md)
    python3 -m evalframe.fuzz -n 20 --pyc 500      # and 500 .pyc mutants

Exit status 0 when nothing differed, 1 when something did (each mismatch is
shrunk and written to --out), 2 for a bad command line.
"""

import argparse
import os
import sys
import tempfile
import time
import warnings

from .generator import generate_seeded
from .runner import Differ
from .shrink import shrink


class Fuzzer:
    def __init__(self, args, out=None):
        self.args = args
        self.out = out if out is not None else sys.stdout
        self.differ = Differ(getattr(args, "vm_modes", None) or ("fused",))
        self.tmp = tempfile.mkdtemp(prefix="evalframe-fuzz-")
        self.path = os.path.join(self.tmp, "prog.py")
        self.ref = self.dis_ref = None
        self.counts = dict(programs=0, ours=0, hypothesmith=0, run_mismatches=0,
                           dis_compared=0, dis_mismatches=0, host_timeouts=0)
        self.findings = []
        if not args.no_dis:
            from ..reference import reference_python
            command = reference_python()
            if command is not None:
                from ..tools.compare import RefWorker
                from .runner import DisWorker
                self.ref = RefWorker(command)
                self.dis_ref = DisWorker(command)
            else:
                self.note("CPython 3.10 not found: no dis comparison (set EVALFRAME_REF_PYTHON)")

    def note(self, text):
        print(text, file=self.out, flush=True)

    def _write(self, source):
        with open(self.path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(source)
        return self.path

    # -- the two comparisons ---------------------------------------------------------

    def run_mismatch(self, source):
        path = self._write(source)
        host, vms = self.differ.outcomes(path)
        if vms is None:
            return "host timeout"
        from .runner import describe
        for worker, vm in zip(self.differ.vms, vms):
            what = describe(host, vm)
            if what is not None:
                return "[vm mode %s] %s" % (worker.vm_mode or "fused", what)
        return None

    def dis_mismatch(self, source):
        """None when 3.10 and evalframe compile to the same code (or 3.10 cannot)."""
        if self.ref is None:
            return None
        path = self._write(source)
        status, ref = self.ref.compile(path)
        if status != "ok":
            return None
        from ..compiler import compile_source
        from ..tools.compare import compare_code
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ours = compile_source(source.encode("utf-8", "surrogatepass"), path, "exec")
        except Exception as exc:
            return "our compiler: %s: %s" % (type(exc).__name__, exc)
        _, _, differences = compare_code(ours, ref)
        if differences:
            return differences[0][1]
        # the same code objects; and the listings read the same
        from .runner import our_listing, same_listing
        theirs = self.dis_ref.listing(path)
        if theirs is None:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                mine = our_listing(path)
        except Exception as exc:
            return "evalframe dis: %s: %s" % (type(exc).__name__, exc)
        return same_listing(mine, theirs)

    # -- one program -------------------------------------------------------------------

    def check(self, source, origin):
        self.counts["programs"] += 1
        self.counts[origin] += 1
        what = self.run_mismatch(source)
        if what == "host timeout":
            self.counts["host_timeouts"] += 1
        elif what is not None:
            self.counts["run_mismatches"] += 1
            self.found("run", source, what, lambda s: self.run_mismatch(s) not in
                       (None, "host timeout"))
        if self.ref is not None:
            self.counts["dis_compared"] += 1
            what = self.dis_mismatch(source)
            if what is not None:
                self.counts["dis_mismatches"] += 1
                self.found("dis", source, what, lambda s: self.dis_mismatch(s) is not None)
        n = self.counts["programs"]
        if n % self.args.progress == 0:
            self.note("[%d programs] %s" % (n, self.summary_line()))

    def found(self, kind, source, what, still_fails):
        small = shrink(source, still_fails, self.args.shrink_budget)
        index = len(self.findings) + 1
        os.makedirs(self.args.out, exist_ok=True)
        path = os.path.join(self.args.out, "%s-%03d.py" % (kind, index))
        with open(path, "w", encoding="utf-8", errors="surrogatepass") as f:
            f.write(small)
        self.findings.append((kind, path, what))
        self.note("== %s mismatch %d, shrunk from %d to %d lines: %s\n%s" % (
            kind, index, len(source.splitlines()), len(small.splitlines()), path, what))

    def summary_line(self):
        c = self.counts
        return ("programs %(programs)d (ours %(ours)d, hypothesmith %(hypothesmith)d); "
                "run mismatches %(run_mismatches)d; dis compared %(dis_compared)d, "
                "mismatches %(dis_mismatches)d; host timeouts %(host_timeouts)d" % c)

    # -- sources -------------------------------------------------------------------------

    def run_ours(self, count):
        while self.counts["ours"] < count:
            self.check(generate_seeded(self.args.seed, self.counts["ours"]), "ours")

    def run_mixed(self, ours, theirs):
        """Both sources interleaved in proportion, so that any prefix of a long
        run (its progress lines) covers both."""
        if theirs > 0:
            self.run_hypothesmith(theirs, lambda: self.run_ours(
                ours * self.counts["hypothesmith"] // theirs))
        self.run_ours(ours)

    def run_hypothesmith(self, count, after_each=None):
        if count <= 0:
            return
        try:
            import hypothesmith
            from hypothesis import HealthCheck, Phase, given, seed, settings
        except ImportError as exc:
            self.note("hypothesmith is not installed (%s): its share is skipped" % exc)
            return

        # hypothesmith compiles what it draws: its SyntaxWarnings are not ours
        warnings.filterwarnings("ignore", category=SyntaxWarning)

        @seed(self.args.seed)
        @settings(max_examples=count, database=None, deadline=None,
                  phases=[Phase.generate], suppress_health_check=list(HealthCheck))
        @given(hypothesmith.from_grammar())
        def one(source):
            self.check(source, "hypothesmith")
            if after_each is not None:
                after_each()
        one()

    def close(self):
        self.differ.close()
        if self.ref is not None:
            self.ref.close()
            self.dis_ref.close()
        import shutil
        shutil.rmtree(self.tmp, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m evalframe.fuzz",
        description="Differential fuzzing: run generated programs on the host and in "
                    "evalframe (stdout, stderr, exit status), compile them with CPython "
                    "3.10 and evalframe (code objects), and mutate .pyc files.")
    parser.add_argument("-n", "--programs", type=int, default=200,
                        help="programs to try (default 200)")
    parser.add_argument("--seed", default="0", help="the run's seed (default 0)")
    parser.add_argument("--hypothesmith", type=float, default=0.3, metavar="SHARE",
                        help="share of the programs drawn from hypothesmith (default 0.3)")
    parser.add_argument("--pyc", type=int, default=0, metavar="N",
                        help=".pyc mutants to try (default 0)")
    parser.add_argument("--vm-modes", default="fused", metavar="MODE[,MODE...]",
                        help="the VM's execution modes to run each program in: fused "
                             "(superinstructions, the default), plain (none), eager "
                             "(fused from the start), traced (under a guest sys.settrace)")
    parser.add_argument("--no-dis", action="store_true",
                        help="skip the code object comparison with CPython 3.10")
    parser.add_argument("--out", default="fuzz-findings",
                        help="directory for the shrunk programs (default ./fuzz-findings)")
    parser.add_argument("--shrink-budget", type=int, default=300,
                        help="runs allowed to shrink one finding (default 300)")
    parser.add_argument("--progress", type=int, default=100,
                        help="print the totals every N programs (default 100)")
    args = parser.parse_args(argv)
    if args.programs < 0 or not 0 <= args.hypothesmith <= 1:
        parser.error("--programs must be >= 0 and --hypothesmith between 0 and 1")
    args.vm_modes = [m for m in args.vm_modes.split(",") if m]
    if not args.vm_modes or set(args.vm_modes) - set(Differ.VM_MODES):
        parser.error("--vm-modes: choose from %s" % ", ".join(Differ.VM_MODES))
    start = time.monotonic()
    fuzzer = Fuzzer(args)
    try:
        theirs = int(round(args.programs * args.hypothesmith))
        fuzzer.run_mixed(args.programs - theirs, theirs)
        pyc_findings = []
        if args.pyc:
            from . import pycmutate
            pyc_findings = pycmutate.run(args.pyc, args.seed, report=fuzzer.note)
    finally:
        fuzzer.close()
    fuzzer.note(fuzzer.summary_line())
    if args.pyc:
        fuzzer.note("pyc mutants %d, findings %d" % (args.pyc, len(pyc_findings)))
    fuzzer.note("time %.1f s" % (time.monotonic() - start))
    failed = fuzzer.findings or (args.pyc and pyc_findings)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
