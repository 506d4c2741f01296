#!/usr/bin/python3
"""The HTML view as a browser sees it.

Renders the sample article with `precis --format html`, loads the page in
headless Chromium, and reads back the DOM Chromium built (--dump-dom):
the sentences outlined as the summary must be exactly the summary that
`precis --format json` gives, in order; the key-term table must list its
key terms and scores; every key term must be marked in the article; each
sentence's shading must follow its score; nothing may be fetched from
elsewhere. Also writes a screenshot, sample.png, beside the page.

    check_page.py PRECIS ARTICLE OUT_DIR

Exit 77 (ctest: skipped) when Chromium is not installed.
"""
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

SKIP = 77


def collapse(s):
    return " ".join(unicodedata.normalize("NFC", s).split())


class Page(html.parser.HTMLParser):
    """Collects the article's sentence spans, key-term marks and the table."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []          # open elements: (tag, attrs)
        self.sentences = []      # dicts: id, classes, score, style, text
        self.marks = []          # (term index, text)
        self.table = []          # rows of cell texts
        self.resources = []      # anything that would load a resource
        self.cur_sentence = None
        self.cur_mark = None
        self.cur_row = None
        self.cur_cell = None
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img", "iframe", "object", "embed") or "src" in a:
            self.resources.append(tag)
        if "href" in a and not a["href"].startswith("#"):
            self.resources.append(a["href"])
        classes = a.get("class", "").split()
        if tag == "div" and "article" in classes:
            self.in_article = len(self.stack) + 1
        if self.in_article and tag == "span" and "s" in classes:
            self.cur_sentence = {"id": a.get("id"), "classes": classes,
                                 "score": float(a.get("data-score", "nan")),
                                 "style": a.get("style", ""), "text": ""}
        if self.in_article and tag == "span" and "kw" in classes:
            self.cur_mark = [int(a["data-term"]), ""]
        if tag == "tr":
            self.cur_row = []
        if tag in ("td", "th") and self.cur_row is not None:
            self.cur_cell = ""
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack:
            t = self.stack.pop()
            if t == tag:
                break
        if self.in_article and len(self.stack) < self.in_article:
            self.in_article = 0
        if tag == "span" and self.cur_mark is not None:
            self.marks.append(tuple(self.cur_mark))
            self.cur_mark = None
        elif tag == "span" and self.cur_sentence is not None:
            self.sentences.append(self.cur_sentence)
            self.cur_sentence = None
        if tag in ("td", "th") and self.cur_cell is not None:
            self.cur_row.append(self.cur_cell.strip())
            self.cur_cell = None
        if tag == "tr" and self.cur_row is not None:
            self.table.append(self.cur_row)
            self.cur_row = None

    def handle_data(self, data):
        if self.cur_sentence is not None:
            self.cur_sentence["text"] += data
        if self.cur_mark is not None:
            self.cur_mark[1] += data
        if self.cur_cell is not None:
            self.cur_cell += data


def fail(msg):
    print(f"check_page: {msg}", file=sys.stderr)
    sys.exit(1)


def main():
    precis, article, out = sys.argv[1:4]
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        print("check_page: skipped: Chromium is not installed "
              "(Debian: apt-get install chromium; tools/quickstart test installs it)")
        return SKIP
    os.makedirs(out, exist_ok=True)
    page_path = os.path.join(out, "sample.html")
    with open(page_path, "wb") as f:
        subprocess.run([precis, "--format", "html", article], stdout=f, check=True)
    want = json.loads(subprocess.run([precis, "--format", "json", article], check=True,
                                     capture_output=True).stdout)

    with tempfile.TemporaryDirectory() as profile:
        base = [chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--hide-scrollbars", f"--user-data-dir={profile}"]
        env = dict(os.environ, HOME=profile)
        url = "file://" + os.path.abspath(page_path)
        dom = subprocess.run(base + ["--dump-dom", url], check=True, capture_output=True,
                             env=env, timeout=180).stdout.decode("utf-8")
        png = os.path.join(out, "sample.png")
        if os.path.exists(png):
            os.remove(png)
        subprocess.run(base + ["--window-size=1000,2200", f"--screenshot={png}", url],
                       check=True, capture_output=True, env=env, timeout=180)

    if "<div class=\"article\">" not in dom:
        fail("Chromium's DOM has no article: the page did not load")
    p = Page()
    p.feed(dom)
    p.close()
    if p.resources:
        fail(f"the page loads resources: {p.resources}")

    # The outlined sentences are the summary.
    outlined = [s for s in p.sentences if "summary" in s["classes"]]
    got = [collapse(s["text"]) for s in outlined]
    expected = [collapse(s["text"]) for s in want["summary"]]
    if got != expected:
        fail(f"outlined sentences differ from the summary:\n  page: {got}\n  json: {expected}")
    ids = [s["id"] for s in outlined]
    if ids != [f"s{s['index']}" for s in want["summary"]]:
        fail(f"outlined sentence ids {ids} are not the summary's indices")
    if len(p.sentences) != want["stats"]["sentences"]:
        fail(f"{len(p.sentences)} sentence spans, the article has {want['stats']['sentences']}")

    # Shading follows the score: opacity 0.6 x score / best score.
    best = max(s["score"] for s in p.sentences)
    for s in p.sentences:
        m = re.search(r"rgba\(255,\s*179,\s*0,\s*([0-9.]+)\)", s["style"])
        alpha = float(m.group(1)) if m else 0.0
        if abs(alpha - 0.6 * s["score"] / best) > 0.006:
            fail(f"sentence {s['id']} (score {s['score']}) is shaded {alpha}")

    # The key-term table, then the marks in the article.
    rows = [r for r in p.table if len(r) >= 4 and r[0].isdigit()]
    terms = [(r[1], round(float(r[2]), 4)) for r in rows]
    want_terms = [(k["term"], round(k["score"], 4)) for k in want["keywords"]]
    if terms != want_terms:
        fail(f"key-term table {terms} differs from {want_terms}")
    for i, k in enumerate(want["keywords"]):
        texts = [collapse(t).casefold() for j, t in p.marks if j == i]
        if not texts:
            fail(f"key term {k['term']!r} is not marked in the article")
        term = collapse(k["term"]).casefold()
        if not any(t == term or t.startswith(term + "'") or t.startswith(term + "\u2019")
                   for t in texts):
            fail(f"no mark of key term {k['term']!r} spells it: {texts}")

    with open(png, "rb") as f:
        if f.read(8) != b"\x89PNG\r\n\x1a\n":
            fail(f"{png} is not a PNG")
    print(f"check_page: {len(outlined)} summary sentences, {len(p.sentences)} sentences, "
          f"{len(p.marks)} key-term marks as Chromium built the page; screenshot {png}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
