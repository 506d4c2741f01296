#!/usr/bin/python3
"""The Python package (python/precis) against the command and the C API.

Run by ctest with Debian's /usr/bin/python3, PYTHONPATH=python and
PRECIS_LIBRARY pointing at the build's libprecis.so; PRECIS_BINARY is the
command whose JSON output the package must agree with.
"""
import dataclasses
import json
import os
import subprocess
import tempfile
import threading
import unittest

import precis

SOURCE = os.environ["PRECIS_SOURCE_DIR"]
BINARY = os.environ["PRECIS_BINARY"]
SAMPLE = os.path.join(SOURCE, "corpora", "abe-putin-vladivostok-2016.txt")
MODEL = os.path.join(SOURCE, "models", "en", "news.model")


def cli_json(*args):
    out = subprocess.run([BINARY, "--format", "json", *args], check=True,
                         capture_output=True).stdout
    return json.loads(out)


class SummaryTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        with open(SAMPLE, encoding="utf-8") as f:
            cls.text = f.read()

    def test_same_summary_as_the_command(self):
        for args, kwargs in [((), {}), (("-n", "2", "-k", "5"), {"sentences": 2, "keywords": 5}),
                             (("-m", "lexrank", "-w", "60"), {"method": "lexrank", "words": 60}),
                             (("-r", "0.2",), {"ratio": 0.2})]:
            with self.subTest(args=args):
                want = cli_json("--no-model", *args, SAMPLE)
                got = precis.summarize(self.text, **kwargs)
                self.assertEqual([s.text for s in got.sentences],
                                 [s["text"] for s in want["summary"]])
                self.assertEqual([(s.index, s.start, s.end) for s in got.sentences],
                                 [(s["index"], s["start"], s["end"]) for s in want["summary"]])
                self.assertEqual([k.term for k in got.keywords],
                                 [k["term"] for k in want["keywords"]])
                for k, w in zip(got.keywords, want["keywords"]):
                    self.assertAlmostEqual(k.score, w["score"], places=5)
                self.assertEqual(got.stats.sentences, want["stats"]["sentences"])
                self.assertEqual(got.stats.method, want["method"])

    def test_model(self):
        model = precis.Model(MODEL)
        self.assertEqual(model.language, "english")
        self.assertGreater(model.documents, 0)
        got = precis.summarize(self.text, model=model)
        self.assertTrue(got.stats.model_used)
        want = cli_json("--model", MODEL, SAMPLE)
        self.assertEqual([s.text for s in got.sentences], [s["text"] for s in want["summary"]])
        self.assertEqual([k.term for k in got.keywords], [k["term"] for k in want["keywords"]])

    def test_byte_offsets_and_bytes_input(self):
        data = self.text.encode("utf-8")
        got = precis.summarize(data)
        for s in got.sentences:
            self.assertTrue(data[s.start:s.end].decode("utf-8").startswith(s.text[:10]))
        self.assertEqual(got, precis.summarize(self.text))

    def test_types_are_frozen_dataclasses(self):
        got = precis.summarize(self.text)
        for obj in (got, got.sentences[0], got.keywords[0], got.stats):
            self.assertTrue(dataclasses.is_dataclass(obj))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            got.sentences[0].score = 1.0
        self.assertIsInstance(got.sentences, tuple)
        self.assertEqual(str(got), "\n".join(s.text for s in got.sentences))

    def test_html_and_json(self):
        got = precis.summarize(self.text, source="sample.txt")
        page = got.html()
        self.assertTrue(page.startswith("<!DOCTYPE html>"))
        self.assertIn("<title>precis: sample.txt</title>", page)
        self.assertEqual(page.count('<span class="s summary"'), len(got.sentences) + 1)  # + legend
        self.assertEqual(json.loads(got.json())["summary"][0]["text"], got.sentences[0].text)

    def test_keywords_of_one_sentence(self):
        keys = precis.keywords("Deep neural networks learn representations of natural images.",
                               k=3)
        self.assertEqual(len(keys), 3)
        self.assertIsInstance(keys[0], precis.Keyword)
        self.assertEqual(keys[0].term, "Deep neural networks")

    def test_threads(self):
        want = precis.summarize(self.text)
        results = []

        def work():
            results.append(precis.summarize(self.text))
        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual([r.sentences for r in results], [want.sentences] * 4)

    def test_lists(self):
        self.assertIn("english", precis.languages())
        self.assertEqual(precis.methods()[3], "news")
        self.assertEqual(precis.library_version(), precis.__version__)


class ErrorTest(unittest.TestCase):
    def check(self, cls, status, call, offset=None):
        with self.assertRaises(cls) as cm:
            call()
        self.assertIsInstance(cm.exception, precis.PrecisError)
        self.assertEqual(cm.exception.status, status)
        self.assertTrue(str(cm.exception))
        if offset is not None:
            self.assertEqual(cm.exception.offset, offset)
        return cm.exception

    def test_statuses(self):
        self.check(precis.EmptyTextError, 3, lambda: precis.summarize("  \n "))
        self.check(precis.BinaryTextError, 4, lambda: precis.summarize(b"abc\0def. Ghi jkl."), 3)
        self.check(precis.InvalidUTF8Error, 5, lambda: precis.summarize(b"Fine. Bad \xff here."), 10)
        self.check(precis.OneSentenceError, 7, lambda: precis.summarize("Only one sentence here."))
        self.check(precis.UnknownLanguageError, 9,
                   lambda: precis.summarize("One. Two.", language="klingon"))
        self.check(precis.ArgumentError, 2, lambda: precis.summarize("One. Two.", ratio=1.5))
        self.check(precis.ArgumentError, 2, lambda: precis.summarize("One. Two.", method="magic"))
        self.check(precis.PrecisIOError, 12, lambda: precis.Model("/nonexistent/x.model"))
        with tempfile.NamedTemporaryFile(suffix=".model") as f:
            f.write(b"not a model at all")
            f.flush()
            self.check(precis.ModelError, 11, lambda: precis.Model(f.name))

    def test_builtin_bases(self):
        with self.assertRaises(ValueError):
            precis.summarize("")
        with self.assertRaises(OSError):
            precis.Model("/nonexistent/x.model")
        with self.assertRaises(TypeError):
            precis.summarize(42)

    def test_repair(self):
        got = precis.summarize(b"Fine text here. Bad \xff byte. Another line of text.",
                               repair_utf8=True)
        self.assertTrue(got.stats.repaired)


class RougeTest(unittest.TestCase):
    def test_same_as_the_command(self):
        with tempfile.TemporaryDirectory() as d:
            cand = "the cat sat on the mat\nit was happy"
            refs = ["the cat was on the mat\nit purred", "a cat sat on a mat"]
            paths = []
            for i, t in enumerate([cand] + refs):
                p = os.path.join(d, f"{i}.txt")
                with open(p, "w") as f:
                    f.write(t + "\n")
                paths.append(p)
            out = subprocess.run([BINARY, "eval", "rouge", *paths], check=True,
                                 capture_output=True, text=True).stdout
        got = precis.rouge(cand, refs)
        self.assertIsInstance(got.rouge1, precis.RougeScore)
        # The command prints one line per measure: NAME P R F (in some order
        # of columns); every F it prints must be ours.
        for name, score in (("ROUGE-1", got.rouge1), ("ROUGE-2", got.rouge2),
                            ("ROUGE-L", got.rougeL)):
            line = next(l for l in out.splitlines() if name in l)
            self.assertIn(f"{score.f:.5f}", line)
        self.assertEqual(precis.rouge(cand.split("\n"), [r.split("\n") for r in refs]), got)

    def test_errors(self):
        with self.assertRaises(precis.ArgumentError):
            precis.rouge("a b", [])
        with self.assertRaises(TypeError):
            precis.rouge("a b", "c d")
        with self.assertRaises(precis.PrecisIOError):
            precis.rouge("a b", ["c d"], wordnet_dir="/nonexistent")


if __name__ == "__main__":
    unittest.main(verbosity=2)
