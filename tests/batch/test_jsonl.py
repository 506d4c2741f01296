#!/usr/bin/python3
"""precis batch --jsonl: ids and order preserved from input to output,
malformed lines reported with their line number, field names configurable,
standard input, --output-dir names, and lines too long to hold."""
import json
import os
import re

import batchtest as bt

ARTICLE = ("The council approved the annual budget on Monday. Residents welcomed "
           "the new housing plans after a long debate. Engineers reviewed the river "
           "project in the north. The museum opened a new wing for the festival.")


def safe_name(doc_id):
    """The --output-dir name of an id, as docs/batch.md defines it."""
    if isinstance(doc_id, int):
        return str(doc_id)
    integer_like = re.fullmatch(r"-?[0-9]+", doc_id) is not None
    out = []
    for i, b in enumerate(doc_id.encode()):
        c = chr(b)
        if i == 0 and integer_like:
            out.append("%%%02X" % b)
        elif (c.isascii() and c.isalnum()) or c in "-_" or (c == "." and i > 0):
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


class JsonlTest(bt.TempDirTest):
    def setUp(self):
        super().setUp()
        good = self.path("good.jsonl")
        bt.make_corpus.main_args(["jsonl", good, "120"])
        with open(good, encoding="utf-8") as f:
            lines = f.read().splitlines()
        # Bad lines at known places (1-based line numbers once inserted).
        specials = {
            3: "not json",
            10: "",  # blank: no document, no record
            20: json.dumps({"text": "No id here. Two sentences."}),
            30: json.dumps({"id": "no-text"}),
            40: "[1, 2]",
            50: json.dumps({"id": 12345, "text": ARTICLE}),
            60: '{"id": "nul", "text": "Cats chase\\u0000 mice. Dogs bark."}',
            70: '{"id": "dup", "id": "dup2", "text": "x"}',
            80: json.dumps({"id": 1.5, "text": ARTICLE}),
            90: json.dumps({"id": "", "text": ARTICLE}),
            100: json.dumps({"id": "text-not-string", "text": ["a", "b"]}),
        }
        for at in sorted(specials):
            lines.insert(at - 1, specials[at])
        self.lines = lines
        self.input = self.path("in.jsonl")
        with open(self.input, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))  # and no newline after the last line
        self.expected_errors = {3: "bad-json", 20: "bad-field", 30: "bad-field",
                                40: "bad-json", 60: "binary", 70: "bad-json",
                                80: "bad-field", 90: "bad-field", 100: "bad-field"}

    def batch(self, *args, **kw):
        return bt.run(["batch", "-j", "3", *args], cwd=self.tmp, **kw)

    def test_ids_order_and_bad_lines(self):
        p = self.batch("--jsonl", "in.jsonl")
        self.assertEqual(p.returncode, 7, p.stderr)
        recs = bt.records(p.stdout)
        numbered = [(i, line) for i, line in enumerate(self.lines, 1) if line.strip()]
        self.assertEqual(len(recs), len(numbered), "one record per non-blank line")
        for (line_no, line), rec in zip(numbered, recs):
            if line_no in self.expected_errors:
                self.assertEqual(rec["status"], "error", rec)
                self.assertEqual(rec["error"]["reason"], self.expected_errors[line_no], rec)
                self.assertEqual(rec["error"]["code"], 4, rec)
                if rec["id"] is None:
                    self.assertEqual(rec["line"], line_no)
                    self.assertIn(f"line {line_no}", rec["error"]["message"])
                continue
            src = json.loads(line)
            self.assertEqual(rec["status"], "ok", rec)
            self.assertEqual(rec["id"], src["id"], "ids preserved, type and all")
            self.assertEqual(rec["source"], str(src["id"]))
        by_line = dict(zip([n for n, _ in numbered], recs))
        self.assertEqual(by_line[30]["id"], "no-text")  # the id is known
        self.assertEqual(by_line[50]["id"], 12345)      # integer ids stay integers
        self.assertIn("NUL", by_line[60]["error"]["message"])
        self.assertEqual(bt.summary_counts(p.stderr), (len(recs) - 9, 9, 0))

    def test_stdin_and_field_names(self):
        ref = bt.strip_timing(self.batch("--jsonl", "in.jsonl").stdout)
        with open(self.input, "rb") as f:
            p = self.batch("--jsonl", "-", stdin=f)
        self.assertEqual(bt.strip_timing(p.stdout), ref)
        # The same documents under other member names, with extra members.
        # The same lines with the members renamed (as text, so that even the
        # malformed lines stay as they are).
        renamed = self.path("renamed.jsonl")
        with open(renamed, "w", encoding="utf-8") as f:
            for line in self.lines:
                f.write(line.replace('"id"', '"doc"').replace('"text"', '"body"') + "\n")
        p = self.batch("--jsonl", "renamed.jsonl", "--id-field", "doc", "--text-field", "body")
        got = re.sub(rb'member \\"(doc|body)\\"',
                     lambda m: b'member \\"' + (b"id" if m.group(1) == b"doc" else b"text")
                     + b'\\"', bt.strip_timing(p.stdout))
        got = got.replace(b"duplicate object key near '\\\"doc\\\"'",
                          b"duplicate object key near '\\\"id\\\"'")
        # jansson's column numbers move with the longer member names.
        col = re.compile(rb"\(column \d+\)")
        self.assertEqual(col.sub(b"", got).split(b"\n"), col.sub(b"", ref).split(b"\n"))

    def test_round_trip(self):
        """Records out, documents in again: a summary of the summaries keeps
        every id, in order."""
        first = [r for r in bt.records(self.batch("--jsonl", "in.jsonl").stdout)
                 if r["status"] == "ok"]
        again = self.path("again.jsonl")
        with open(again, "w", encoding="utf-8") as f:
            for r in first:
                text = " ".join(s["text"] for s in r["summary"])
                f.write(json.dumps({"id": r["id"], "text": text}, ensure_ascii=False) + "\n")
        p = self.batch("-n", "1", "--jsonl", "again.jsonl")
        self.assertEqual(p.returncode, 0, p.stderr)
        second = bt.records(p.stdout)
        self.assertEqual([r["id"] for r in second], [r["id"] for r in first])
        for a, b in zip(first, second):
            self.assertIn(b["summary"][0]["text"], [s["text"] for s in a["summary"]])

    def test_only_one_part(self):
        """--only keywords: the key terms of every document, a text of one
        sentence (an abstract, a headline) too, with an empty summary;
        --only summary: no key terms; any other part is a usage error."""
        docs = self.path("parts.jsonl")
        with open(docs, "w", encoding="utf-8") as f:
            f.write(json.dumps({"id": "article", "text": ARTICLE}) + "\n")
            f.write(json.dumps({"id": "one", "text": "Quantum market games\nWe propose a "
                                "quantum-like description of markets and economics."}) + "\n")
            f.write(json.dumps({"id": "empty", "text": ""}) + "\n")
        whole = {r["id"]: r for r in bt.records(self.batch("--jsonl", "parts.jsonl").stdout)}
        self.assertEqual(whole["one"]["error"]["reason"], "one-sentence")
        p = self.batch("--jsonl", "parts.jsonl", "--only", "keywords")
        self.assertEqual(p.returncode, 7, p.stderr)  # the empty text still fails
        keys = {r["id"]: r for r in bt.records(p.stdout)}
        self.assertEqual(keys["empty"]["error"]["reason"], "empty")
        for doc in ("article", "one"):
            self.assertEqual(keys[doc]["status"], "ok")
            self.assertEqual(keys[doc]["summary"], [])
        self.assertEqual(keys["article"]["keywords"], whole["article"]["keywords"])
        self.assertIn("quantum-like description", [k["term"] for k in keys["one"]["keywords"]])
        summ = {r["id"]: r for r in bt.records(
            self.batch("--jsonl", "parts.jsonl", "--only", "summary").stdout)}
        self.assertEqual(summ["article"]["summary"], whole["article"]["summary"])
        self.assertEqual(summ["article"]["keywords"], [])
        p = self.batch("--jsonl", "parts.jsonl", "--only", "titles")
        self.assertEqual(p.returncode, 2)
        self.assertIn("--only", p.stderr.decode())

    def test_output_dir_names(self):
        p = self.batch("--jsonl", "in.jsonl", "--output-dir", "out")
        self.assertEqual(p.returncode, 7, p.stderr)
        ref = {}
        for r in bt.records(self.batch("--jsonl", "in.jsonl").stdout):
            name = safe_name(r["id"]) if r["id"] is not None else f"@line-{r['line']}"
            ref[name + ".json"] = r
        self.assertEqual(sorted(os.listdir(self.path("out"))), sorted(ref))
        self.assertIn("doc-00000%20with%20space.json", ref.keys())
        self.assertIn("doc-00050%20with%20%22quote%22.json", ref.keys())
        self.assertIn("doc-00100%20with%2Fslash.json", ref.keys())
        for name, r in ref.items():
            with open(self.path("out", name), "rb") as f:
                (got,) = bt.records(f.read())
            del got["elapsed_ms"], r["elapsed_ms"]
            self.assertEqual(got, r)

    def test_output_dir_names_never_collide_silently(self):
        """Issue 10, defect 4: id 1 and id "1" shared 1.json, a repeated id
        overwrote its first record, and the run still said every record
        was ok."""
        with open(self.path("ids.jsonl"), "w") as f:
            for doc_id in (1, "1", "-2", -2, "a", "a", "b"):
                f.write(json.dumps({"id": doc_id, "text": ARTICLE}) + "\n")
        p = self.batch("--jsonl", "ids.jsonl", "--output-dir", "out")
        self.assertEqual(p.returncode, 7, p.stderr)
        self.assertEqual(sorted(os.listdir(self.path("out"))),
                         ["%2D2.json", "%31.json", "-2.json", "1.json", "a.json", "b.json"])
        self.assertEqual(p.stderr.count(b"already holds the record of another input"), 1)
        self.assertEqual(bt.summary_counts(p.stderr)[:2], (6, 1))
        # Resuming finds the six done and reports the repeated id again.
        p = self.batch("--jsonl", "ids.jsonl", "--output-dir", "out", "--resume")
        self.assertEqual(p.returncode, 7, p.stderr)
        self.assertEqual(p.stderr.count(b"already holds the record of another input"), 1)
        self.assertEqual(len(os.listdir(self.path("out"))), 6)

    def test_line_longer_than_any_document(self):
        """--max-bytes 1000: a line of 1.2 MB cannot hold a document of
        1000 bytes, however escaped; it is skipped over, not held."""
        path = self.path("long.jsonl")
        with open(path, "w") as f:
            f.write(json.dumps({"id": "a", "text": ARTICLE}) + "\n")
            f.write(json.dumps({"id": "long", "text": "word " * 240000}) + "\n")
            f.write(json.dumps({"id": "b", "text": ARTICLE}) + "\n")
            f.write(json.dumps({"id": "big", "text": ARTICLE * 8}) + "\n")
        p = self.batch("--max-bytes", "1000", "--jsonl", "long.jsonl")
        self.assertEqual(p.returncode, 7, p.stderr)
        recs = bt.records(p.stdout)
        self.assertEqual([(r["id"], r["status"]) for r in recs],
                         [("a", "ok"), (None, "error"), ("b", "ok"), ("big", "error")])
        self.assertEqual((recs[1]["line"], recs[1]["error"]["reason"]), (2, "too-large"))
        self.assertEqual(recs[3]["error"]["reason"], "too-large")


if __name__ == "__main__":
    bt.main()
