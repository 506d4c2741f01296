#!/usr/bin/python3
"""Worker count does not change the output: -j1 and -j4 write the same
bytes (timings aside), for a folder tree and for JSON Lines; --unordered
writes the same records in some order, each with its input's position;
memory does not grow with the corpus."""
import json
import os
import random
import re
import string
import subprocess

import batchtest as bt


def peak_rss_kb(args, cwd):
    """Peak resident memory of one precis run, in KiB (its own rusage: run
    it through a fresh Python so other children do not count)."""
    code = ("import resource, subprocess, sys\n"
            "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n")
    out = subprocess.run(["/usr/bin/python3", "-c", code, bt.PRECIS, *args], cwd=cwd,
                         stdout=subprocess.PIPE, check=True, timeout=300)
    return int(out.stdout)


class JobsTest(bt.TempDirTest):
    def setUp(self):
        super().setUp()
        self.make_tree("tree", 400)
        with open(self.path("tree", "part-2", "broken.txt"), "wb") as f:
            f.write(b"Fine start. Then \xff\xfe bytes. End.\n")
        open(self.path("tree", "part-5", "empty.txt"), "wb").close()
        self.make_jsonl("in.jsonl", 400)

    def outputs(self, *args):
        res = {}
        for j in ("1", "4"):
            p = bt.run(["batch", "-j", j, *args], cwd=self.tmp)
            self.assertEqual(p.returncode, 7 if "tree" in args else 0, p.stderr)
            res[j] = p.stdout
        return res

    def test_tree_j1_equals_j4(self):
        out = self.outputs("tree")
        self.assertEqual(len(bt.records(out["1"])), 402)
        self.assertEqual(bt.strip_timing(out["1"]), bt.strip_timing(out["4"]))

    def test_jsonl_j1_equals_j4(self):
        out = self.outputs("-n", "2", "--jsonl", "in.jsonl")
        self.assertEqual(len(bt.records(out["1"])), 400)
        self.assertEqual(bt.strip_timing(out["1"]), bt.strip_timing(out["4"]))

    def test_unordered_same_records(self):
        ordered = bt.run(["batch", "-j", "4", "tree"], cwd=self.tmp)
        unordered = bt.run(["batch", "-j", "4", "--unordered", "tree"], cwd=self.tmp)
        self.assertEqual(unordered.returncode, 7, unordered.stderr)
        a = bt.strip_timing(ordered.stdout).split(b"\n")[:-1]
        b = bt.strip_timing(unordered.stdout).split(b"\n")[:-1]
        by_input = {}
        for line in b:
            m = re.match(rb'(\{"id":.*?,"status":"[a-z]+"),"input":([0-9]+),', line)
            self.assertIsNotNone(m, line[:200])
            by_input[int(m.group(2))] = m.group(1) + line[m.end() - 1:]
        self.assertEqual([by_input[i] for i in range(1, len(b) + 1)], a,
                         'the same records, and "input" restores the order')

    def test_memory_does_not_grow_with_the_corpus(self):
        if bt.sanitizer():
            self.skipTest("sanitizer build: RSS is not ours to measure")
        self.make_jsonl("big.jsonl", 8000)
        small = peak_rss_kb(["batch", "-j", "2", "--jsonl", "in.jsonl"], self.tmp)
        big = peak_rss_kb(["batch", "-j", "2", "--jsonl", "big.jsonl"], self.tmp)
        # 20 times the documents (9 MB against 0.5 MB of input): the
        # window holds 8 documents either way. 4 MB of slack covers
        # allocator noise.
        self.assertLess(big, small + 4096, f"peak RSS {small} KiB for 400 docs, {big} KiB "
                        "for 8000")
        self.assertGreater(os.path.getsize(self.path("big.jsonl")), 8 << 20)

    def test_memory_does_not_grow_with_the_vocabulary(self):
        """Real corpora keep bringing new words, which the summarizers'
        stem caches keep (capped by the library). Every document here is
        made of new words: three times the documents, no more memory."""
        if bt.sanitizer():
            self.skipTest("sanitizer build: RSS is not ours to measure")
        rng = random.Random(7)

        def fresh_words(path, n):
            with open(path, "w") as f:
                for i in range(n):
                    words = ["".join(rng.choice(string.ascii_lowercase)
                                     for _ in range(rng.randint(5, 10))) for _ in range(96)]
                    text = " ".join(" ".join(words[k:k + 12]).capitalize() + "."
                                    for k in range(0, 96, 12))
                    f.write(json.dumps({"id": i, "text": text}) + "\n")

        # One worker, so one cache sees every word: 380,000 is already past
        # the library's cap (262,144), where the cache starts afresh; both
        # runs must peak there. (With N workers each sees about 1/N.)
        fresh_words(self.path("v1.jsonl"), 4000)    # 380,000 distinct words
        fresh_words(self.path("v3.jsonl"), 12000)   # 1,150,000
        one = peak_rss_kb(["batch", "-j", "1", "--jsonl", "v1.jsonl"], self.tmp)
        three = peak_rss_kb(["batch", "-j", "1", "--jsonl", "v3.jsonl"], self.tmp)
        self.assertLess(three, one + 4096, f"peak RSS {one} KiB for 380,000 distinct words, "
                        f"{three} KiB for 1,150,000")


if __name__ == "__main__":
    bt.main()
