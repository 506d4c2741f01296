#!/usr/bin/python3
"""Interrupted runs leave whole records only, and --resume completes them
without duplicates or gaps: Ctrl-C (SIGINT) and SIGTERM mid-run, a torn last
line from a crash, a full disk, a closed pipe.

The interrupted runs read their input from a FIFO that the test keeps open,
so precis cannot finish before the signal arrives, whatever the speed of
the machine: no sleep decides the outcome."""
import json
import os
import resource
import shutil
import signal
import subprocess
import threading
import time

import batchtest as bt

# Under ThreadSanitizer each document costs several times as much: fewer of
# them still keep both workers busy and still reach the signal mid-run (the
# FIFO sees to that), which is what the races need.
N = 300 if bt.sanitizer() == "thread" else 1500


class ResumeTest(bt.TempDirTest):
    def setUp(self):
        super().setUp()
        self.make_tree("tree", N)
        with open(self.path("tree", "part-3", "zero.txt"), "wb") as f:
            f.write(b"\0\0\0")
        self.make_jsonl("in.jsonl", N)
        with open(self.path("in.jsonl"), "ab") as f:  # id-less error records too
            f.write(b"not json\n{\"text\": \"No id. Two.\"}\n")

    def full(self, *args):
        """The uninterrupted run's records, timings removed."""
        p = bt.run(["batch", "-j", "2", *args], cwd=self.tmp)
        self.assertEqual(p.returncode, 7, p.stderr)
        return bt.strip_timing(p.stdout)

    def interrupted(self, args, fifo_opt, feed, sig=signal.SIGINT):
        """Run precis reading fifo_opt from a FIFO fed with `feed` and held
        open; signal it once its first record is on disk."""
        fifo = self.path("fifo")
        os.mkfifo(fifo)
        done = threading.Event()

        def feeder():
            try:
                with open(fifo, "wb") as w:  # blocks until precis opens it
                    w.write(feed)
                    w.flush()
                    done.wait(120)
            except BrokenPipeError:
                pass

        t = threading.Thread(target=feeder, daemon=True)
        t.start()
        out = self.path("out.jsonl")
        proc = subprocess.Popen([bt.PRECIS, "batch", "-j", "2", fifo_opt, "fifo", "-o",
                                 "out.jsonl", *args], cwd=self.tmp, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        deadline = time.monotonic() + 120
        while not (os.path.exists(out) and os.path.getsize(out) > 0):
            self.assertIsNone(proc.poll(), "precis ended before it was interrupted")
            self.assertLess(time.monotonic(), deadline, "no record after 120 s")
            time.sleep(0.005)  # polling for the first record, not for an outcome
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
        done.set()
        try:  # unblock the feeder if precis never opened the FIFO
            os.close(os.open(fifo, os.O_RDONLY | os.O_NONBLOCK))
        except OSError:
            pass
        t.join(10)
        os.unlink(fifo)
        with open(out, "rb") as f:
            return proc.returncode, err, f.read()

    def resume(self, *args):
        p = bt.run(["batch", "-j", "2", "--resume", "-o", "out.jsonl", *args], cwd=self.tmp)
        with open(self.path("out.jsonl"), "rb") as f:
            return p, f.read()

    def check_interrupted(self, code, err, data, full, want_code=130):
        self.assertEqual(code, want_code, err)
        self.assertIn(b"resume with: precis batch --resume", err)
        bt.records(data)  # every line whole and valid
        got = bt.strip_timing(data)
        self.assertTrue(full.startswith(got), "the records written are a gapless prefix, "
                        "in input order")
        self.assertLess(len(got), len(full), "the signal came before the end")

    def test_sigint_during_a_folder_walk_then_resume(self):
        full = self.full("tree")
        code, err, data = self.interrupted([], "--files-from", b"tree\n")
        self.check_interrupted(code, err, data, full)
        self.assertIn(b"interrupted after", err)
        p, final = self.resume("tree")
        self.assertEqual(p.returncode, 7, p.stderr)
        ok, failed, skipped = bt.summary_counts(p.stderr)
        self.assertEqual(skipped, len(bt.records(data)))
        self.assertEqual(bt.strip_timing(final), full, "resumed = uninterrupted, byte for byte")

    def test_sigterm_during_jsonl_then_resume(self):
        full = self.full("--jsonl", "in.jsonl")
        with open(self.path("in.jsonl"), "rb") as f:
            feed = f.read()
        code, err, data = self.interrupted([], "--jsonl", feed, signal.SIGTERM)
        self.check_interrupted(code, err, data, full, 143)
        self.assertIn(b"terminated after", err)
        p, final = self.resume("--jsonl", "in.jsonl")
        self.assertEqual(p.returncode, 7, p.stderr)
        recs = bt.records(final)
        ids = [(r["id"], r.get("line")) for r in recs]
        self.assertEqual(len(ids), len(set(ids)), "no duplicates")
        self.assertEqual(len(recs), N + 2, "no gaps")
        self.assertEqual(bt.strip_timing(final), full)

    def test_torn_last_line_is_cut(self):
        full = self.full("tree")
        lines = full.split(b"\n")
        with open(self.path("out.jsonl"), "wb") as f:
            f.write(b"\n".join(lines[:9]) + b"\n" + lines[9][:len(lines[9]) // 2])
        p, final = self.resume("tree")
        self.assertIn(b"removed an incomplete last line", p.stderr)
        self.assertEqual(bt.summary_counts(p.stderr)[2], 9)
        self.assertEqual(bt.strip_timing(final), full)
        # Resuming a complete output adds nothing.
        p, again = self.resume("tree")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(bt.summary_counts(p.stderr), (0, 0, N + 1))
        self.assertEqual(again, final)

    def check_resume_from_every_prefix(self, args, n):
        """Cut the uninterrupted output after each of its first n records
        and resume: the result must be the uninterrupted output."""
        p = bt.run(["batch", "-j", "2", *args], cwd=self.tmp)
        self.assertIn(p.returncode, (0, 7), p.stderr)
        full = bt.strip_timing(p.stdout)
        lines = p.stdout.split(b"\n")[:-1]
        self.assertEqual(len(lines), n)
        for k in range(n):
            with open(self.path("out.jsonl"), "wb") as f:
                f.write(b"".join(line + b"\n" for line in lines[:k]))
            p, final = self.resume(*args)
            self.assertIn(p.returncode, (0, 7), p.stderr)
            self.assertEqual(bt.strip_timing(final), full, f"resumed after {k} records")

    def test_repeated_ids_are_not_lost(self):
        """Issue 10, defect 3: --resume matched records by id alone, so the
        second input with an id already in the output was skipped and its
        record lost."""
        texts = ["First story. It has two sentences.", "Second story. Quite another one.",
                 "Third story here. With a second sentence.", "Fourth story. Also two."]
        with open(self.path("dup.jsonl"), "w") as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({"id": ["a", "b", "a", 7][i], "text": t}) + "\n")
            f.write(json.dumps({"id": "7", "text": texts[1]}) + "\n")
            f.write(json.dumps({"id": 7, "text": texts[2]}) + "\n")
        self.check_resume_from_every_prefix(["--jsonl", "dup.jsonl"], 6)

    def test_names_differing_in_invalid_utf8_are_not_lost(self):
        """Two file names that differ only in invalid UTF-8 bytes have one
        id once repaired: both records must survive a resume."""
        os.makedirs(self.path("bad"))
        for name in (b"x\xff.txt", b"x\xfe.txt", b"y.txt"):
            with open(os.path.join(self.path("bad").encode(), name), "wb") as f:
                f.write(b"A story about " + name[:1] + b". It has two sentences.\n")
        self.check_resume_from_every_prefix(["bad"], 3)

    def test_unordered_kill9_then_resume(self):
        """--unordered writes records as they finish, so kill -9 can leave
        the records of later inputs without those of an earlier one that a
        worker still held. --resume took such an output for the first N
        inputs: it skipped the held input when a later one had its id (two
        names that differ only in invalid UTF-8) and redid the last ones.
        Resumed with --unordered or without: the output says which it is."""
        for again in (["--unordered"], []):
            with self.subTest(resume=again):
                self.check_unordered_kill9(again)

    def check_unordered_kill9(self, again):
        d = self.path("k").encode()
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        names = [b"x\xfe.txt", b"x\xff.txt"] + [b"doc-%d.txt" % i for i in range(8)]
        texts = {n: b"A story about " + n.hex().encode() + b". It has two sentences, "
                 b"and the second says so.\n" for n in names}
        paths = [os.path.join(d, n) for n in names]
        os.mkfifo(paths[0])  # the first input: its worker waits in open() until killed
        for n, p in zip(names[1:], paths[1:]):
            with open(p, "wb") as f:
                f.write(texts[n])
        inputs = [os.path.join(b"k", n) for n in names]
        out = self.path("out.jsonl")
        if os.path.exists(out):
            os.unlink(out)
        proc = subprocess.Popen([bt.PRECIS, "batch", "-j", "2", "--unordered", "-o", out,
                                 *inputs], cwd=self.tmp, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while True:  # every input but the held one written
            if os.path.exists(out):
                with open(out, "rb") as f:
                    if f.read().count(b"\n") == len(names) - 1:
                        break
            self.assertIsNone(proc.poll(), "precis ended with its first input unread")
            self.assertLess(time.monotonic(), deadline, "records missing after 120 s")
            time.sleep(0.005)
        proc.kill()
        proc.wait()
        os.unlink(paths[0])  # the text the held input would have given
        with open(paths[0], "wb") as f:
            f.write(texts[names[0]])
        p = bt.run(["batch", "-j", "2", "--unordered", *inputs], cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        full = sorted(bt.strip_timing(p.stdout).split(b"\n")[:-1])
        p, final = self.resume(*again, *inputs)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(bt.summary_counts(p.stderr), (1, 0, len(names) - 1))
        self.assertEqual(sorted(bt.strip_timing(final).split(b"\n")[:-1]), full,
                         "each input's record once, none lost")

    def test_full_disk_leaves_whole_lines(self):
        full = self.full("tree")
        limit = len(full) // 3

        def small_disk():
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # write() then fails with EFBIG
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        p = subprocess.run([bt.PRECIS, "batch", "-j", "2", "-o", "out.jsonl", "tree"],
                           cwd=self.tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           preexec_fn=small_disk, timeout=300)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(b"File too large", p.stderr)
        self.assertIn(b"resume with", p.stderr)
        with open(self.path("out.jsonl"), "rb") as f:
            data = f.read()
        self.assertTrue(0 < len(data) <= limit)
        self.assertTrue(full.startswith(bt.strip_timing(data)), "whole lines only")
        p, final = self.resume("tree")
        self.assertEqual(bt.strip_timing(final), full)

    def test_file_size_limit_is_an_output_error(self):
        """Issue 10, defect 7: under `ulimit -f` with SIGXFSZ at its default
        action (as a shell leaves it), precis was killed mid-write (exit
        153 from a shell) with a torn last record."""
        full = self.full("tree")
        limit = len(full) // 3

        def ulimit_f():
            signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        p = subprocess.run([bt.PRECIS, "batch", "-j", "2", "-o", "out.jsonl", "tree"],
                           cwd=self.tmp, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           preexec_fn=ulimit_f, timeout=300)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(b"File too large", p.stderr)
        with open(self.path("out.jsonl"), "rb") as f:
            data = f.read()
        self.assertTrue(0 < len(data) <= limit)
        self.assertTrue(full.startswith(bt.strip_timing(data)), "whole lines only")
        # One document to a file past the limit: an output error too.
        with open(self.path("single.out"), "wb") as out:
            p = subprocess.run([bt.PRECIS, "--format", "json", self.path("tree", "part-0", "day-0",
                                                                          "doc-00000.txt")],
                               stdout=out, stderr=subprocess.PIPE, timeout=60,
                               preexec_fn=lambda: (signal.signal(signal.SIGXFSZ, signal.SIG_DFL),
                                                   resource.setrlimit(resource.RLIMIT_FSIZE,
                                                                      (64, 64))))
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(b"File too large", p.stderr)

    def test_unwritable_outputs(self):
        p = bt.run(["batch", "-o", "/dev/full", "tree"], cwd=self.tmp)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(b"No space left on device", p.stderr)
        proc = subprocess.Popen([bt.PRECIS, "batch", "-j", "2", "tree"], cwd=self.tmp,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read()
        proc.stderr.close()
        self.assertEqual(proc.wait(timeout=120), 3, err)
        self.assertIn(b"Broken pipe", err)

    def test_refuses_to_append_to_a_foreign_file(self):
        with open(self.path("out.jsonl"), "wb") as f:
            f.write(b"name,score\nabc,1\n")
        p, data = self.resume("tree")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"not a precis batch record", p.stderr)
        self.assertEqual(data, b"name,score\nabc,1\n")

    def test_output_dir_resume(self):
        half = bt.walk_order(self.tmp, "tree")[: N // 2]
        p = bt.run(["batch", "--output-dir", "out", "--files-from", "-"], cwd=self.tmp,
                   input="".join(h + "\n" for h in half).encode())
        self.assertIn(p.returncode, (0, 7), p.stderr)
        p = bt.run(["batch", "--resume", "--output-dir", "out", "tree"], cwd=self.tmp)
        self.assertEqual(bt.summary_counts(p.stderr)[2], N // 2)
        n = sum(len(fs) for _, _, fs in os.walk(self.path("out")))
        self.assertEqual(n, N + 1)


if __name__ == "__main__":
    bt.main()
