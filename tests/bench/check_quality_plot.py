#!/usr/bin/python3
"""bench/quality end to end on the first documents of each fixture set
(PRECIS_QUALITY_LIMIT), then its ROUGE-against-length SVG: well-formed XML,
a panel per summary set and measure, a line per method, and every line's
values the means that precis eval measured.

    check_quality_plot.py SOURCE_DIR PRECIS WORK_DIR

Exit 77 (ctest: skipped) without the team's fixtures (../shared).
"""
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"


def main():
    src, precis, work = sys.argv[1:4]
    fixtures = os.path.join(os.environ.get("PRECIS_SHARED", ""), "fixtures")
    if not os.path.isdir(os.path.join(fixtures, "summ")):
        print(f"check_quality_plot: skipped: no fixture sets in {fixtures} (the team's ../shared)")
        return 77
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    env = dict(os.environ, PRECIS_QUALITY_LIMIT="5", PRECIS_RESULTS=work, PRECIS_BIN=precis)
    subprocess.run(["bash", os.path.join(src, "bench", "quality"), fixtures], check=True,
                   env=env, stderr=subprocess.DEVNULL)
    lengths = json.load(open(os.path.join(work, "rouge-vs-length.json")))
    root = ET.parse(os.path.join(work, "rouge-vs-length.svg")).getroot()
    panels = root.findall(f"{SVG}g[@class='panel']")
    sets = sorted(lengths["sets"])
    want_panels = {(s, m) for s in sets for m in ("ROUGE-1 F", "ROUGE-2 F")}
    got_panels = {(p.get("data-set"), p.get("data-measure")) for p in panels}
    if got_panels != want_panels:
        print(f"check_quality_plot: panels {sorted(got_panels)}, expected {sorted(want_panels)}")
        return 1
    for p in panels:
        runs = lengths["sets"][p.get("data-set")]
        lines = {l.get("data-method"): l for l in p.findall(f"{SVG}polyline")}
        if set(lines) != {"news", "textrank", "lead", "random", "oracle"}:
            print(f"check_quality_plot: {p.get('data-set')}: lines {sorted(lines)}")
            return 1
        for method, line in lines.items():
            got = [float(v) for v in line.get("data-values").split()]
            want = [round(100 * m[p.get("data-measure")]["mean"], 3)
                    for n in sorted(runs, key=int)
                    for m in runs[n]["methods"] if m["name"] == method]
            if got != want or len(line.get("points").split()) != len(runs):
                print(f"check_quality_plot: {method} in {p.get('data-set')}: {got} != {want}")
                return 1
    print(f"check_quality_plot: {len(panels)} panels, 5 lines each, values as measured")
    return 0


if __name__ == "__main__":
    sys.exit(main())
