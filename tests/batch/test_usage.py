#!/usr/bin/python3
"""precis batch: usage errors (exit 2) with a message naming the problem,
--help, options shared with single-file mode, unreadable lists (exit 3)."""
import json

import batchtest as bt


class UsageTest(bt.TempDirTest):
    def setUp(self):
        super().setUp()
        self.make_tree("tree", 5)

    def usage(self, args, words):
        p = bt.run(["batch", *args], cwd=self.tmp)
        self.assertEqual(p.returncode, 2, (args, p.stderr))
        self.assertEqual(p.stdout, b"")
        self.assertIn(words.encode(), p.stderr, args)
        self.assertTrue(p.stderr.startswith(b"precis: "), p.stderr)

    def test_usage_errors(self):
        self.usage([], "no input")
        self.usage(["--jsonl", "x.jsonl", "tree"], "cannot be combined")
        self.usage(["--resume", "tree"], "--resume needs -o FILE")
        self.usage(["-o", "a", "--output-dir", "b", "tree"], "choose one")
        self.usage(["-j", "0", "tree"], "--jobs")
        self.usage(["-j", "many", "tree"], "--jobs")
        self.usage(["--lang", "klingon", "tree"], "--lang")
        self.usage(["--ratio", "2", "tree"], "--ratio")
        self.usage(["--max-bytes", "0", "tree"], "--max-bytes")
        self.usage(["--bogus", "tree"], "unknown option '--bogus'")
        self.usage(["tree", "-o"], "needs a value")
        self.usage(["--jsonl", "x", "--include", "*.txt"], "--include")
        self.usage(["--jsonl", "x", "--id-field", "t", "--text-field", "t"], "both 't'")
        self.usage(["--list", "-o", "x", "tree"], "--list")
        self.usage(["--model", "m", "--no-model", "tree"], "exclude each other")
        self.usage(["--method", "nonsense", "tree"], "--method")

    def test_output_is_not_an_input(self):
        bt.make_corpus.main_args(["jsonl", self.path("in.jsonl"), "3"])
        with open(self.path("in.jsonl"), "rb") as f:
            before = f.read()
        for args in (["--jsonl", "in.jsonl", "-o", "in.jsonl"],
                     ["--jsonl", "in.jsonl", "--resume", "-o", "./in.jsonl"],
                     ["in.jsonl", "-o", "in.jsonl"]):
            self.usage(args, "writing would destroy it")
            with open(self.path("in.jsonl"), "rb") as f:
                self.assertEqual(f.read(), before, args)

    def test_help(self):
        p = bt.run(["batch", "--help"])
        self.assertEqual(p.returncode, 0, p.stderr)
        for word in (b"--jsonl", b"--resume", b"--output-dir", b"-j, --jobs", b"  7 "):
            self.assertIn(word, p.stdout)

    def test_summary_options_apply(self):
        p = bt.run(["batch", "-n", "1", "-k", "2", "tree"], cwd=self.tmp)
        self.assertEqual(p.returncode, 0, p.stderr)
        for r in bt.records(p.stdout):
            self.assertEqual((len(r["summary"]), len(r["keywords"])), (1, 2))
        p = bt.run(["batch", "--ratio", "0.5", "-k", "0", "--lang", "fr", "tree"], cwd=self.tmp)
        for r in bt.records(p.stdout):
            self.assertEqual((r["language"], r["keywords"]), ("french", []))

    def test_model_options(self):
        """--no-model and --model mean what they mean for one file; the
        records say whether a model gave the weights."""
        name = "tree/part-0/day-0/doc-00000.txt"
        for extra in (["--no-model"], []):
            p = bt.run(["batch", *extra, "tree"], cwd=self.tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            rec = next(r for r in bt.records(p.stdout) if r["id"] == name)
            single = bt.run(["--format", "json", *extra, name], cwd=self.tmp)
            self.assertEqual(single.returncode, 0, single.stderr)
            want = json.loads(single.stdout)
            self.assertEqual(rec["stats"].get("model_used"), want["stats"].get("model_used"))
            self.assertEqual(rec["summary"], want["summary"])
        p = bt.run(["batch", "--model", "missing.model", "tree"], cwd=self.tmp)
        self.assertEqual((p.returncode, p.stdout), (3, b""), p.stderr)

    def test_unreadable_lists(self):
        p = bt.run(["batch", "--files-from", "missing.list"], cwd=self.tmp)
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(b"--files-from: cannot open missing.list", p.stderr)
        p = bt.run(["batch", "--jsonl", "tree"], cwd=self.tmp)  # a folder
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn(b"Is a directory", p.stderr)

    def test_files_from_stdin(self):
        paths = bt.walk_order(self.tmp, "tree")
        listing = ("\r\n".join(paths[:3]) + "\n\n" + "nope.txt\n").encode()
        p = bt.run(["batch", "--files-from", "-"], cwd=self.tmp, input=listing)
        self.assertEqual(p.returncode, 7, p.stderr)
        recs = bt.records(p.stdout)
        self.assertEqual([r["id"] for r in recs], paths[:3] + ["nope.txt"])
        self.assertEqual(recs[3]["error"]["reason"], "unreadable")


if __name__ == "__main__":
    bt.main()
