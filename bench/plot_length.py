#!/usr/bin/env python3
"""ROUGE against summary length, as an SVG drawn by hand (standard library
only): one column per fixture set, one row per ROUGE measure, one line per
method with its 95% bootstrap interval as error bars.

    plot_length.py LENGTHS.json OUT.svg

LENGTHS.json is what bench/quality writes: {"commit", "date", "sets":
{set: {"1": <precis eval --format json>, "2": ..., ...}}}.
"""
import json
import math
import sys
from xml.sax.saxutils import escape

# The default method first and boldest; the baselines and the bound after.
STYLE = {
    "news": ("#d84315", 3.0, "", "precis (news, the default)"),
    "textrank": ("#6a1b9a", 1.6, "", "textrank"),
    "lead": ("#1565c0", 1.6, "6 3", "LEAD (first sentences)"),
    "random": ("#757575", 1.4, "2 3", "random"),
    "oracle": ("#2e7d32", 1.4, "8 3 2 3", "ORACLE (upper bound)"),
}
MEASURES = ["ROUGE-1 F", "ROUGE-2 F"]
PANEL_W, PANEL_H = 250, 190
LEFT, TOP, GAP_X, GAP_Y = 64, 100, 56, 70


def nice_step(span):
    raw = span / 5
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def main():
    data = json.load(open(sys.argv[1], encoding="utf-8"))
    sets = data["sets"]
    names = sorted(sets)
    width = LEFT + len(names) * (PANEL_W + GAP_X)
    height = TOP + len(MEASURES) * (PANEL_H + GAP_Y) + 10
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, Arial, sans-serif" '
           f'font-size="12">',
           f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
           f'<text x="{LEFT}" y="24" font-size="16" font-weight="bold">ROUGE against summary '
           f'length (sentences), precis and the baselines</text>',
           f'<text x="{LEFT}" y="42" fill="#555">Mean F (x100) over each fixture set, '
           f'95% bootstrap intervals; commit {escape(str(data.get("commit", "?")))}, '
           f'{escape(str(data.get("date", "")))} (bench/quality)</text>']
    # Legend.
    x = LEFT
    for method, (color, w, dash, label) in STYLE.items():
        out.append(f'<line x1="{x}" y1="62" x2="{x + 26}" y2="62" stroke="{color}" '
                   f'stroke-width="{w}" stroke-dasharray="{dash}"/>')
        out.append(f'<text x="{x + 32}" y="66">{escape(label)}</text>')
        x += 48 + 7 * len(label)

    for col, name in enumerate(names):
        runs = sets[name]
        lengths = sorted(int(n) for n in runs)
        for row, measure in enumerate(MEASURES):
            px = LEFT + col * (PANEL_W + GAP_X)
            py = TOP + row * (PANEL_H + GAP_Y)
            series = {}
            for n in lengths:
                for m in runs[str(n)]["methods"]:
                    if m["name"] in STYLE and measure in m:
                        series.setdefault(m["name"], []).append(
                            (n, 100 * m[measure]["mean"], 100 * m[measure]["lo"],
                             100 * m[measure]["hi"]))
            values = [v for s in series.values() for p in s for v in p[1:]]
            if not values:
                continue
            lo_v, hi_v = 0.0, max(values)
            step = nice_step(hi_v - lo_v)
            hi_v = step * math.ceil(hi_v / step)

            def sx(n):
                if len(lengths) == 1:
                    return px + PANEL_W / 2
                return px + (n - lengths[0]) / (lengths[-1] - lengths[0]) * PANEL_W

            def sy(v):
                return py + PANEL_H - (v - lo_v) / (hi_v - lo_v) * PANEL_H

            out.append(f'<g class="panel" data-set="{escape(name)}" '
                       f'data-measure="{escape(measure)}">')
            out.append(f'<rect x="{px}" y="{py}" width="{PANEL_W}" height="{PANEL_H}" '
                       f'fill="#fafafa" stroke="#bbb"/>')
            t = 0.0
            while t <= hi_v + 1e-9:
                y = sy(t)
                out.append(f'<line x1="{px}" y1="{y:.1f}" x2="{px + PANEL_W}" y2="{y:.1f}" '
                           f'stroke="#e4e4e4"/>')
                out.append(f'<text x="{px - 6}" y="{y + 4:.1f}" text-anchor="end" '
                           f'fill="#555">{t:g}</text>')
                t += step
            for n in lengths:
                out.append(f'<text x="{sx(n):.1f}" y="{py + PANEL_H + 16}" '
                           f'text-anchor="middle" fill="#555">{n}</text>')
            out.append(f'<text x="{px + PANEL_W / 2}" y="{py - 8}" text-anchor="middle" '
                       f'font-weight="bold">{escape(name)}: {escape(measure)}</text>')
            out.append(f'<text x="{px + PANEL_W / 2}" y="{py + PANEL_H + 32}" '
                       f'text-anchor="middle" fill="#555">summary length (sentences)</text>')
            for method in reversed(list(STYLE)):
                if method not in series:
                    continue
                color, w, dash, _ = STYLE[method]
                pts = series[method]
                for n, mean, lo, hi in pts:
                    out.append(f'<line x1="{sx(n):.1f}" y1="{sy(lo):.1f}" x2="{sx(n):.1f}" '
                               f'y2="{sy(hi):.1f}" stroke="{color}" stroke-width="1"/>')
                coords = " ".join(f"{sx(n):.1f},{sy(mean):.1f}" for n, mean, _, _ in pts)
                values_attr = " ".join(f"{mean:.3f}" for _, mean, _, _ in pts)
                out.append(f'<polyline class="method" data-method="{method}" '
                           f'data-values="{values_attr}" points="{coords}" fill="none" '
                           f'stroke="{color}" stroke-width="{w}" stroke-dasharray="{dash}"/>')
                for n, mean, _, _ in pts:
                    out.append(f'<circle cx="{sx(n):.1f}" cy="{sy(mean):.1f}" r="2.5" '
                               f'fill="{color}"/>')
            out.append('</g>')
    out.append('</svg>')
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
