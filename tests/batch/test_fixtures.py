#!/usr/bin/python3
"""precis batch over real articles from the team's fixtures (../shared):
every file accounted for, in walk order, and the records equal to what
single-file mode prints. Skipped (77) when the fixtures are absent."""
import json
import os
import sys

import batchtest as bt

SHARED = os.environ.get("PRECIS_SHARED", "")
SETS = [("summ/cnndm-val/docs", "english"), ("keys/wikinews-fr/docs", "french")]


class FixturesTest(bt.TempDirTest):
    def test_fixture_sets(self):
        for rel, lang in SETS:
            with self.subTest(rel):
                self.one_set(os.path.join(SHARED, "fixtures", rel), lang)

    def one_set(self, root, lang):
        p = bt.run(["batch", "-j", "2", "--lang", lang, root])
        self.assertIn(p.returncode, (0, 7), p.stderr)
        recs = bt.records(p.stdout)
        self.assertEqual([r["id"] for r in recs], bt.walk_order("", root))
        ok = [r for r in recs if r["status"] == "ok"]
        for r in recs:
            if r["status"] != "ok":  # real articles can be one sentence long
                self.assertIn(r["error"]["reason"], ("one-sentence", "no-structure"), r)
        self.assertGreaterEqual(len(ok), 0.95 * len(recs))
        self.assertEqual(bt.summary_counts(p.stderr)[:2], (len(ok), len(recs) - len(ok)))
        for r in ok[:: max(1, len(ok) // 5)]:
            single = bt.run(["--format", "json", "--lang", lang, r["id"]])
            self.assertEqual(single.returncode, 0, single.stderr)
            rec = {k: v for k, v in r.items() if k not in ("id", "status", "elapsed_ms")}
            self.assertEqual(rec, json.loads(single.stdout), r["id"])


if __name__ == "__main__":
    missing = [s for s, _ in SETS if not os.path.isdir(os.path.join(SHARED, "fixtures", s))]
    if not SHARED or missing:
        print(f"skipped: the fixtures are not at PRECIS_SHARED={SHARED!r} "
              f"(missing: {', '.join(missing)})")
        sys.exit(77)
    bt.main()
