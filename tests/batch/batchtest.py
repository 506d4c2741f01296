"""Shared helpers for the `precis batch` tests (run with /usr/bin/python3).

The tests get the binary from PRECIS_BINARY and the fixtures folder from
PRECIS_SHARED (both set by tests/batch/CMakeLists.txt). Each test script is
a unittest module; it exits 0 when every test passed, 1 otherwise, and 77
(ctest: skipped) when something it needs from outside the repository is
absent.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_corpus  # noqa: E402  (beside this file)

PRECIS = os.environ.get("PRECIS_BINARY", "")
SOURCE = os.environ.get("PRECIS_SOURCE_DIR", os.path.dirname(os.path.dirname(HERE)))
SUMMARY_RE = re.compile(rb"precis: (\d+) ok, (\d+) failed, (\d+) skipped in [0-9.]+ s "
                        rb"\(\d+ docs/s\)\n")
TIMING_RE = re.compile(rb',"elapsed_ms":[0-9.]+\}\n')


def require_binary():
    if not PRECIS or not os.access(PRECIS, os.X_OK):
        sys.exit(f"PRECIS_BINARY is not set to the precis binary (got {PRECIS!r})")


def run(args, cwd=None, stdin=None, input=None, **kw):
    """Run precis with args; returns CompletedProcess with bytes out/err."""
    return subprocess.run([PRECIS] + list(args), cwd=cwd, stdin=stdin, input=input,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, **kw)


def sanitizer():
    """"address" or "thread" when precis was built with AddressSanitizer or
    ThreadSanitizer (PRECIS_SANITIZE, PRECIS_TSAN), else None. Peak RSS then
    says nothing about our bounds (ASan's quarantine holds freed memory,
    TSan's shadow is several times the program's), and under TSan every
    document costs several times as much."""
    ldd = subprocess.run(["ldd", PRECIS], stdout=subprocess.PIPE, check=False).stdout
    if b"libtsan" in ldd:
        return "thread"
    return "address" if b"libasan" in ldd else None


def strip_timing(data):
    """Records without their "elapsed_ms" member, the one part of a record
    that differs between two runs over the same input."""
    out = TIMING_RE.sub(b"}\n", data)
    assert out.count(b"\n") == data.count(b"\n")
    return out


def records(data):
    """Parse JSON Lines bytes; every line must be a whole JSON object that
    starts with "id" and has a status (fails the caller's test if not)."""
    if data and not data.endswith(b"\n"):
        raise AssertionError(f"output does not end with a newline: ...{data[-80:]!r}")
    recs = []
    for i, line in enumerate(data.split(b"\n")[:-1] if data else [], 1):
        try:
            r = json.loads(line)
        except ValueError as e:
            raise AssertionError(f"line {i} is not JSON ({e}): {line[:200]!r}")
        if not isinstance(r, dict) or list(r)[:2] != ["id", "status"] and \
                list(r)[:3] != ["id", "line", "status"]:
            raise AssertionError(f"line {i} is not a batch record: {line[:200]!r}")
        if r["status"] not in ("ok", "error", "skipped"):
            raise AssertionError(f"line {i}: unknown status {r['status']!r}")
        recs.append(r)
    return recs


def summary_counts(stderr):
    """(ok, failed, skipped) from the final account on stderr."""
    m = SUMMARY_RE.search(stderr)
    if not m:
        raise AssertionError(f"no final account on stderr: {stderr[-500:]!r}")
    return tuple(int(x) for x in m.groups())


def walk_order(cwd, root):
    """The files precis visits under root (relative to cwd), as precis
    names them, in its order: depth-first, each folder's entries sorted by
    their bytes, symlinks not followed."""
    out = []
    base = os.fsencode(os.path.join(cwd, root))
    for name in sorted(os.listdir(base)):
        rel = os.path.join(root, os.fsdecode(name))
        path = os.path.join(base, name)
        if os.path.isdir(path) and not os.path.islink(path):
            out += walk_order(cwd, rel)
        else:
            out.append(rel)
    return out


class TempDirTest(unittest.TestCase):
    """A fresh temporary folder per test, removed afterwards."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="precis-batch-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)

    def path(self, *parts):
        return os.path.join(self.tmp, *parts)

    def make_tree(self, name, n):
        root = self.path(name)
        make_corpus.main_args(["tree", root, str(n)])
        return root

    def make_jsonl(self, name, n):
        path = self.path(name)
        make_corpus.main_args(["jsonl", path, str(n)])
        return path


def main():
    require_binary()
    unittest.main(verbosity=2)
