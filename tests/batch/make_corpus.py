#!/usr/bin/python3
"""Generate a deterministic corpus of small English-like articles for the
batch tests, so that the core tests need nothing from ../shared.

  make_corpus.py tree DIR N     N .txt files in nested folders under DIR
  make_corpus.py jsonl FILE N   N JSON Lines {"id": ..., "text": ...}

The articles are random sentences over a fixed vocabulary (seeded, so every
run writes the same bytes): 8 to 24 sentences in 2 to 5 paragraphs, enough
for TextRank to have something to rank. Ids are unique and some contain
characters that need escaping or percent-encoding (space, quote, slash,
non-ASCII).
"""
import json
import os
import random
import sys

SUBJECTS = ["The council", "A local farmer", "The minister", "Researchers", "The company",
            "Residents", "The court", "Engineers", "The museum", "Investors",
            "The festival", "Teachers", "The hospital", "Fishermen", "The bank"]
VERBS = ["announced", "rejected", "welcomed", "questioned", "approved", "delayed",
         "reviewed", "praised", "criticised", "funded", "studied", "opened"]
OBJECTS = ["a new bridge", "the annual budget", "plans for a harbour", "the river project",
           "a wind farm", "the school reform", "rising rents", "the railway link",
           "a climate study", "the water supply", "new housing", "the trade agreement",
           "a vaccine trial", "the old factory", "the city library"]
TAILS = ["on Monday", "after a long debate", "despite strong protests", "in the north",
         "for the third time", "with little warning", "before the election",
         "according to officials", "at a press conference", "in a short statement"]


def sentence(rng):
    s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}"
    if rng.random() < 0.3:
        s += f", and {rng.choice(SUBJECTS).lower()} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return s + "."


def article(rng):
    paras = []
    for _ in range(rng.randint(2, 5)):
        paras.append(" ".join(sentence(rng) for _ in range(rng.randint(3, 6))))
    return rng.choice(OBJECTS).capitalize() + " in the news\n" + "\n".join(paras) + "\n"


def main_args(argv):
    mode, out, n = argv[0], argv[1], int(argv[2])
    rng = random.Random(20161215)
    if mode == "tree":
        for i in range(n):
            sub = os.path.join(out, f"part-{i % 7}", f"day-{i % 3}")
            os.makedirs(sub, exist_ok=True)
            with open(os.path.join(sub, f"doc-{i:05d}.txt"), "w", encoding="utf-8") as f:
                f.write(article(rng))
    elif mode == "jsonl":
        odd = ["with space", 'with "quote"', "with/slash", "caf\u00e9", "tab\there"]
        with open(out, "w", encoding="utf-8") as f:
            for i in range(n):
                doc_id = f"doc-{i:05d}" if i % 50 else f"doc-{i:05d} {odd[(i // 50) % len(odd)]}"
                rec = {"id": doc_id, "lang": "en", "text": article(rng)}
                f.write(json.dumps(rec, ensure_ascii=(i % 2 == 0)) + "\n")
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main_args(sys.argv[1:])
