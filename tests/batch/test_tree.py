#!/usr/bin/python3
"""precis batch over a folder tree: nested folders, bad files each reported
with its reason while the rest is summarised, --include/--exclude, the
--output-dir mirror, --list, and records equal to single-file mode."""
import json
import os
import subprocess

import batchtest as bt

N_GOOD = 40


class TreeTest(bt.TempDirTest):
    def setUp(self):
        super().setUp()
        self.root = self.make_tree("tree", N_GOOD)
        bad = self.path("tree", "bad")
        os.makedirs(os.path.join(bad, "deep", "nested"))
        open(os.path.join(bad, "empty.txt"), "wb").close()
        with open(os.path.join(bad, "binary.bin"), "wb") as f:
            f.write(b"A first line.\nThen\0binary data. And more text here.\n")
        with open(os.path.join(bad, "latin1.txt"), "wb") as f:
            f.write("Caf\u00e9 prices rose sharply. Traders noticed. It went on.\n"
                    .encode("latin-1"))
        with open(os.path.join(bad, "one.txt"), "wb") as f:
            f.write(b"Only one sentence lives in this file.\n")
        with open(os.path.join(bad, "deep", "nested", "huge.txt"), "wb") as f:
            f.write(b"The harbour opened on Monday. " * 1000)  # 30,000 bytes
        os.mkfifo(os.path.join(bad, "fifo"))
        os.symlink("../..", os.path.join(bad, "loop"))  # a folder link: not followed
        os.symlink("nowhere.txt", os.path.join(bad, "dangling.txt"))
        self.expected_errors = {
            "tree/bad/binary.bin": ("binary", 4),
            "tree/bad/dangling.txt": ("unreadable", 3),
            "tree/bad/deep/nested/huge.txt": ("too-large", 4),
            "tree/bad/empty.txt": ("empty", 5),
            "tree/bad/latin1.txt": ("invalid-utf8", 4),
            "tree/bad/one.txt": ("one-sentence", 5),
        }
        self.expected_skips = {"tree/bad/fifo", "tree/bad/loop"}

    def batch(self, *args):
        return bt.run(["batch", "-j", "3", "--max-bytes", "20000", *args], cwd=self.tmp)

    def test_every_input_accounted_for(self):
        p = self.batch("tree")
        self.assertEqual(p.returncode, 7, p.stderr)  # some documents failed
        recs = bt.records(p.stdout)
        want = bt.walk_order(self.tmp, "tree")
        self.assertEqual([r["id"] for r in recs], want, "one record per input, in walk order")
        errors = {r["id"]: (r["error"]["reason"], r["error"]["code"])
                  for r in recs if r["status"] == "error"}
        self.assertEqual(errors, self.expected_errors)
        for r in recs:
            if r["status"] == "error":
                self.assertTrue(r["error"]["message"], r)
        self.assertIn("too large", next(r for r in recs if r["id"].endswith("huge.txt"))
                      ["error"]["message"])
        skips = {r["id"] for r in recs if r["status"] == "skipped"}
        self.assertEqual(skips, self.expected_skips)
        ok = [r for r in recs if r["status"] == "ok"]
        self.assertEqual(len(ok), N_GOOD)
        for r in ok:
            self.assertEqual(r["schema"], "precis/1")
            self.assertEqual(r["source"], r["id"])
            self.assertEqual(len(r["summary"]), 3)
            self.assertGreaterEqual(r["elapsed_ms"], 0)
        self.assertEqual(bt.summary_counts(p.stderr), (N_GOOD, 6, 2))

    def test_records_match_single_file_mode(self):
        p = self.batch("-n", "2", "-k", "4", "tree")
        recs = {r["id"]: r for r in bt.records(p.stdout)}
        for rel in ["tree/part-0/day-0/doc-00000.txt", "tree/part-3/day-1/doc-00010.txt",
                    "tree/part-6/day-2/doc-00020.txt"]:
            single = bt.run(["--format", "json", "-n", "2", "-k", "4", rel], cwd=self.tmp)
            self.assertEqual(single.returncode, 0, single.stderr)
            rec = dict(recs[rel])
            for k in ("id", "status", "elapsed_ms"):
                del rec[k]
            self.assertEqual(rec, json.loads(single.stdout), rel)

    def test_include_exclude(self):
        p = self.batch("--include", "*.txt", "--exclude", "day-1", "--exclude", "bad", "tree")
        self.assertEqual(p.returncode, 0, p.stderr)
        got = [r["id"] for r in bt.records(p.stdout)]
        want = [x for x in bt.walk_order(self.tmp, "tree")
                if x.endswith(".txt") and "/day-1/" not in x and "/bad/" not in x]
        self.assertEqual(got, want)
        self.assertTrue(0 < len(got) < N_GOOD)
        # A pattern with a slash matches the path below the root.
        p = self.batch("--include", "part-1/*", "tree")
        got = {r["id"] for r in bt.records(p.stdout)}
        self.assertTrue(got and all(i.startswith("tree/part-1/") for i in got), got)

    def test_output_dir_mirror(self):
        ref = bt.strip_timing(self.batch("tree").stdout).split(b"\n")[:-1]
        p = self.batch("--output-dir", "out", "tree")
        self.assertEqual(p.returncode, 7, p.stderr)
        self.assertEqual(p.stdout, b"")
        files = sorted(os.path.relpath(os.path.join(d, f), self.path("out"))
                       for d, _, fs in os.walk(self.path("out")) for f in fs)
        # Named by the input's path: DIR/<id>.json.
        want = sorted(json.loads(line)["id"] + ".json" for line in ref)
        self.assertEqual(files, want, "one file per input, no temporary left")
        for line in ref:
            rel = json.loads(line)["id"]
            with open(self.path("out", rel + ".json"), "rb") as f:
                self.assertEqual(bt.strip_timing(f.read()), line + b"\n", rel)

    def test_output_dir_paths_never_collide_silently(self):
        """Issue 10, defect 4: /abs/x/a.txt and the relative abs/x/a.txt
        (different files) mapped to one file under --output-dir, and the
        run said both were ok."""
        absolute = self.path("t", "a.txt")
        relative = absolute.lstrip("/")
        for path, words in ((absolute, "First story here. It is absolute."),
                            (self.path(relative), "Second story here. It is relative.")):
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w") as f:
                f.write(words + " With a third sentence.\n")
        p = self.batch("--output-dir", "out", absolute, relative)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertTrue(os.path.exists(self.path("out", "%2F" + absolute + ".json")))
        self.assertTrue(os.path.exists(self.path("out", relative + ".json")))
        # One file named twice is one file: the second is an error.
        p = self.batch("--output-dir", "out2", relative, "./" + relative)
        self.assertEqual(p.returncode, 7, p.stderr)
        self.assertIn(b"already holds the record of another input", p.stderr)

    def test_output_dir_never_follows_planted_links(self):
        """The temporary files of --output-dir had names anyone could guess
        (the process id and a counter): a link planted at each one made its
        record fail. They are now random and created with O_EXCL and
        O_NOFOLLOW, so a planted link is never followed nor blocks a record;
        and one at a final name is replaced by the record, never written
        through, nor taken for a record by --resume."""
        victim = self.path("victim.txt")
        with open(victim, "wb") as f:
            f.write(b"not precis output\n")
        names = ["a.txt", "b.txt", "c.txt"]
        os.makedirs(self.path("s"))
        for n in names:
            with open(self.path("s", n), "w") as f:
                f.write(f"The story of {n} begins. It goes on for a while. Then it ends.\n")
        out = self.path("out", "s")
        os.makedirs(out)
        os.mkfifo(self.path("list"))
        proc = subprocess.Popen([bt.PRECIS, "batch", "-j", "2", "--output-dir", "out",
                                 "--files-from", "list"], cwd=self.tmp,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        # While it waits for its list: a link at every temporary name the
        # old scheme would take, and at one final name.
        planted = [os.path.join(out, f"{n}.json.{proc.pid}.{k}.tmp")
                   for n in names for k in range(len(names))]
        for link in planted + [os.path.join(out, "a.txt.json")]:
            os.symlink(victim, link)
        with open(self.path("list"), "w") as f:
            f.write("".join(f"s/{n}\n" for n in names))
        _, err = proc.communicate(timeout=120)
        self.assertEqual(proc.returncode, 0, err)
        with open(victim, "rb") as f:
            self.assertEqual(f.read(), b"not precis output\n")
        for n in names:
            path = os.path.join(out, n + ".json")
            self.assertFalse(os.path.islink(path), path)
            with open(path, "rb") as f:
                self.assertEqual(bt.records(f.read())[0]["id"], "s/" + n)
        for link in planted:
            self.assertEqual(os.readlink(link), victim, "planted links are left alone")
        left = [f for f in os.listdir(out) if f.endswith(".tmp")]
        self.assertEqual(sorted(left), sorted(os.path.basename(p) for p in planted))
        # --resume took a link at a record's name (to any file) for the
        # record, and skipped its input: it is summarised again instead.
        b = os.path.join(out, "b.txt.json")
        os.unlink(b)
        os.symlink(victim, b)
        p = self.batch("--resume", "--output-dir", "out", "s")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(bt.summary_counts(p.stderr), (1, 0, 2))
        self.assertFalse(os.path.islink(b))
        with open(victim, "rb") as f:
            self.assertEqual(f.read(), b"not precis output\n")

    def test_list(self):
        p = bt.run(["batch", "--list", "tree"], cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        want = [x for x in bt.walk_order(self.tmp, "tree") if not x.endswith(("/fifo", "/loop"))]
        self.assertEqual(p.stdout.split(b"\n")[:-1], [os.fsencode(w) for w in want])
        self.assertIn(b"tree/bad/fifo: skipped", p.stderr)

    def test_own_output_inside_the_tree_is_not_read(self):
        for _ in range(2):
            p = self.batch("-o", "tree/out.jsonl", "tree")
            self.assertEqual(p.returncode, 7, p.stderr)
            with open(self.path("tree", "out.jsonl"), "rb") as f:
                ids = [r["id"] for r in bt.records(f.read())]
            self.assertNotIn("tree/out.jsonl", ids)
            self.assertEqual(len(ids), N_GOOD + 8)

    def test_named_files_and_a_missing_one(self):
        p = self.batch("tree/part-0/day-0/doc-00000.txt", "missing.txt", "tree/bad/one.txt")
        self.assertEqual(p.returncode, 7, p.stderr)
        recs = bt.records(p.stdout)
        self.assertEqual([r["id"] for r in recs],
                         ["tree/part-0/day-0/doc-00000.txt", "missing.txt", "tree/bad/one.txt"])
        self.assertEqual([r["status"] for r in recs], ["ok", "error", "error"])
        self.assertEqual(recs[1]["error"]["reason"], "unreadable")
        self.assertIn("No such file", recs[1]["error"]["message"])

    def test_all_ok_exits_zero(self):
        p = self.batch("--exclude", "bad", "tree")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(bt.summary_counts(p.stderr), (N_GOOD, 0, 0))
        q = self.batch("--quiet", "--exclude", "bad", "tree")
        self.assertEqual((q.returncode, q.stderr), (0, b""))


if __name__ == "__main__":
    bt.main()
