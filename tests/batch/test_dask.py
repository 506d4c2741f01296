#!/usr/bin/python3
"""The Dask example (examples/dask/precis_dask.py) on a real Dask distributed
cluster on this machine: a scheduler and two single-threaded workers on
127.0.0.1, on ports the OS picks, started here and stopped at the end. Its
output must be the records of a local `precis batch` run over the same
corpus, in the same order, timings aside.

Needs Debian's python3-distributed (tools/quickstart test installs it)."""
import json
import os
import subprocess
import sys
import time

import batchtest as bt

EXAMPLE = os.path.join(bt.SOURCE, "examples", "dask", "precis_dask.py")

try:
    from distributed import Client
except ImportError as e:  # a failure, not a skip: CI must run this test
    sys.exit(f"the Dask test needs Debian's python3-distributed for {sys.executable} "
             f"({e}); tools/quickstart test installs it")


class DaskTest(bt.TempDirTest):
    def start(self, name, *args):
        """A cluster process, stopped when the test ends, pass or fail."""
        log = open(self.path(name + ".log"), "wb")
        proc = subprocess.Popen([sys.executable, "-m", *args], cwd=self.tmp, stdout=log,
                                stderr=subprocess.STDOUT)

        def stop():
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
            log.close()
        self.addCleanup(stop)
        return proc

    def log_tail(self):
        out = []
        for name in ("scheduler", "worker-1", "worker-2"):
            if not os.path.exists(self.path(name + ".log")):
                continue
            with open(self.path(name + ".log"), "rb") as f:
                out.append(f"--- {name}\n" + f.read()[-1500:].decode(errors="replace"))
        return "\n".join(out)

    def test_dask_matches_local(self):
        self.make_tree("corpus", 300)
        open(self.path("corpus", "part-1", "empty.txt"), "wb").close()
        with open(self.path("corpus", "part-4", "binary.txt"), "wb") as f:
            f.write(b"Some text.\0More text. And more.\n")

        # Port 0: the OS picks a free port; the scheduler file says which.
        sched_file = self.path("scheduler.json")
        sched = self.start("scheduler", "distributed.cli.dask_scheduler", "--host",
                           "127.0.0.1", "--port", "0", "--no-dashboard", "--scheduler-file",
                           sched_file)
        deadline = time.monotonic() + 60
        address = None
        while address is None:
            self.assertIsNone(sched.poll(), "the scheduler died:\n" + self.log_tail())
            self.assertLess(time.monotonic(), deadline, "no scheduler after 60 s")
            try:  # the file is written in place: it may be there but not whole yet
                with open(sched_file) as f:
                    address = json.load(f)["address"]
            except (OSError, ValueError, KeyError):
                time.sleep(0.05)  # waiting for the file, not guessing a delay
        self.assertTrue(address.startswith("tcp://127.0.0.1:"), address)
        for i in (1, 2):
            self.start(f"worker-{i}", "distributed.cli.dask_worker", "--scheduler-file",
                       sched_file, "--host", "127.0.0.1", "--nworkers", "1", "--nthreads",
                       "1", "--no-nanny", "--no-dashboard", "--local-directory",
                       self.path(f"worker-{i}"))
        with Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=60)

        p = subprocess.run([sys.executable, EXAMPLE, "--scheduler", address, "--precis",
                            bt.PRECIS, "--files-per-task", "40", "-o", "dask.jsonl", "corpus",
                            "--", "-n", "2", "-k", "5"], cwd=self.tmp, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=600)
        self.assertEqual(p.returncode, 7, p.stderr.decode(errors="replace") + self.log_tail())
        self.assertIn(b"300 ok, 2 failed, 0 skipped in 8 tasks on 2 workers", p.stderr)
        local = bt.run(["batch", "-n", "2", "-k", "5", "corpus"], cwd=self.tmp)
        self.assertEqual(local.returncode, 7, local.stderr)
        with open(self.path("dask.jsonl"), "rb") as f:
            remote = bt.strip_timing(f.read())
        mine = bt.strip_timing(local.stdout)
        by_id = lambda data: sorted(data.split(b"\n"))  # noqa: E731
        self.assertEqual(by_id(remote), by_id(mine), "the same records")
        self.assertEqual(remote, mine, "and in the same order")
        self.assertEqual(len(bt.records(remote)), 302)


if __name__ == "__main__":
    bt.main()
