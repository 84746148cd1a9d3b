#!/usr/bin/env python3
"""Writes bench/NATIONAL.md from the raw figures of bench/national/run.sh (argument: its
output folder and the number of PDFs). When the folder holds `previous.md` (the NATIONAL.md the
run replaces), the main figures are set beside that run's."""

import datetime
import os
import re
import statistics
import subprocess
import sys

out, n_pdfs = sys.argv[1], int(sys.argv[2])


def read(name):
    with open(os.path.join(out, name), encoding="utf-8") as f:
        return f.read()


def timed(name):
    seconds, kib = read(f"{name}.time").split()
    return float(seconds), int(kib) / 1024


def summary(name):
    line = [l for l in read(f"{name}.err").splitlines() if l.startswith("indexed ")][-1]
    m = re.search(r"indexed (\d+) new or changed of (\d+) files \((\d+) pages", line)
    return int(m.group(1)), int(m.group(2)), int(m.group(3)), line


def wrk(name):
    text = read(name)
    ms = {}
    for pct, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M):
        ms[pct] = float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    requests = int(re.search(r"(\d+) requests in", text).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    socket = re.search(r"Socket errors: (.*)", text)
    errors = int(non2xx.group(1)) if non2xx else 0
    return ms, rps, requests, errors, socket.group(1) if socket else "none"


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


full_s, full_mib = timed("casebook-full")
_, found, pages, full_line = summary("casebook-full")
unch_s, unch_mib = timed("casebook-unchanged")
incr_s, incr_mib = timed("casebook-incremental")
n_changed, _, incr_pages, incr_line = summary("casebook-incremental")
recoll_s, recoll_mib = timed("recollindex")
floor_s, floor_mib = timed("pdftotext")
casebook_kib = int(read("casebook-index.kib"))
recoll_kib = int(read("recoll-index.kib"))
w1 = wrk("wrk-1.out")
w64 = wrk("wrk-64.out")
w1n = wrk("wrk-1-nocache.out")
w64n = wrk("wrk-64-nocache.out")
rq = [float(x) for x in read("recollq.ms").split()]
serve_mib = int(read("serve-rss.kib").strip() or 0) / 1024
cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"],
                     capture_output=True, text=True).stdout.strip()

pps = pages / full_s
print("# National-scale benchmark: Casebook, Recoll and pdftotext")
print()
print("Written by `bench/national/run.sh` (issue #8); do not edit by hand.")
print()
print(f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; {os.cpu_count()} cores ({cpu})")
print(f"- Corpus: {n_pdfs} generated PDFs, {pages} pages (`bench/national/generate.py`, from the sample corpus)")
print("- Every figure comes from the same run on the same files; ratios are against Recoll,")
print("  or against pdftotext for extraction alone.")
print()
print("## Indexing")
print()
print("| what | time | pages/s | peak memory | index size | ratio |")
print("|---|---|---|---|---|---|")
print(f"| pdftotext over every file, 2 at a time (extraction only, the floor) | {floor_s:.1f} s | {pages / floor_s:.0f} | {floor_mib:.0f} MiB per process | – | casebook is {pps / (pages / floor_s):.2f}× the floor's speed |")
print(f"| `casebook index` (full) | {full_s:.1f} s | {pps:.0f} | {full_mib:.0f} MiB | {casebook_kib / 1024:.0f} MiB | {recoll_s / full_s:.2f}× faster than Recoll |")
print(f"| `recollindex` (full) | {recoll_s:.1f} s | {pages / recoll_s:.0f} | {recoll_mib:.0f} MiB | {recoll_kib / 1024:.0f} MiB | 1 |")
print(f"| `casebook index`, nothing changed | {unch_s:.2f} s | – | {unch_mib:.0f} MiB | – | – |")
print(f"| `casebook index` after rewriting {n_changed} files ({100 * n_changed / n_pdfs:.0f}%) | {incr_s:.2f} s | {incr_pages / incr_s:.0f} | {incr_mib:.0f} MiB | – | {full_s / incr_s:.0f}× faster than a full run |")
print()
print(f"Summary lines: `{full_line}`; `{incr_line}`.")
print()
print("## Query latency (the 50 queries of `bench/national/queries.txt`, 10 with facet filters)")
print()
print("| what | p50 | p99 | throughput | errors |")
print("|---|---|---|---|---|")
for label, (ms, rps, requests, errors, socket) in [
        ("`casebook serve`, wrk, 1 connection", w1), ("`casebook serve`, wrk, 64 connections", w64),
        ("`casebook serve --result-cache 0`, 1 connection", w1n),
        ("`casebook serve --result-cache 0`, 64 connections", w64n)]:
    print(f"| {label} | {ms.get('50', 0):.2f} ms | {ms.get('99', 0):.2f} ms | {rps:.0f} req/s ({requests} requests) | {errors} non-2xx; socket errors: {socket} |")
print(f"| `recollq`, one process per query (40 text queries; no facets) | {statistics.median(rq[:40]):.1f} ms | {pct(rq[:40], 99):.1f} ms | – | – |")
print()
ratio = statistics.median(rq[:40]) / max(w1n[0].get("50", 1e-9), 1e-9)
relation = f"{ratio:.2f}× lower than" if ratio >= 1 else f"{1 / ratio:.2f}× higher than"
print(f"- Uncached, Casebook's p50 at 1 connection is {relation} recollq's (recollq includes starting a")
print("  process, which is how it is used; it returns ten file names, Casebook a page of grouped")
print("  results with snippets and every facet count).")
print("- The first two rows are the server as it runs: the answers to the 256 most recent distinct")
print("  searches are kept until the index changes, and the benchmark's 50 queries repeat. The rows")
print("  with `--result-cache 0` search every request afresh: that is the cost of a new query.")
print(f"- Resident memory of `casebook serve` after the load: {serve_mib:.0f} MiB.")
print()
print("## Themes dashboard (issue #7) over the whole index, 1 connection")
print()
print("| page | p50 | p99 | throughput |")
print("|---|---|---|---|")
THEMES_Q = "`/themes?q=assessment&split=board`"
themes = {}
for label, name in [("`/themes`", "wrk-themes.out"), (THEMES_Q, "wrk-themes-q.out")]:
    ms, rps, requests, errors, _ = wrk(name)
    themes[label] = (ms.get("50", 0), ms.get("99", 0))
    print(f"| {label} | {ms.get('50', 0):.1f} ms | {ms.get('99', 0):.1f} ms | {rps:.1f} req/s ({errors} errors) |")
print()
print("## Targets (2 cores)")
print()
checks = [
    ("full index ≥ 400 pages/s", pps >= 400, f"{pps:.0f} pages/s"),
    ("incremental after ~30 files ≤ 5 s", incr_s <= 5, f"{incr_s:.2f} s"),
    ("search p50 ≤ 5 ms at 64 connections", w64[0].get("50", 1e9) <= 5, f"{w64[0].get('50', 0):.2f} ms"),
    ("search p99 ≤ 25 ms at 64 connections", w64[0].get("99", 1e9) <= 25, f"{w64[0].get('99', 0):.2f} ms"),
    ("no errors under load", w64[3] == 0 and w1[3] == 0 and not re.search(r"[1-9]", w64[4].replace("none", "")), f"{w64[3]} non-2xx; socket errors: {w64[4]}"),
    ("indexing faster than Recoll", full_s < recoll_s, f"{recoll_s / full_s:.2f}×"),
    ("query latency lower than Recoll (uncached p50)", w1n[0].get("50", 1e9) < statistics.median(rq[:40]), f"{w1n[0].get('50', 0):.1f} ms vs {statistics.median(rq[:40]):.1f} ms"),
    ("indexer peak memory < 1 GiB", full_mib < 1024, f"{full_mib:.0f} MiB"),
    ("uncached search p50 ≤ 12 ms at 1 connection", w1n[0].get("50", 1e9) <= 12, f"{w1n[0].get('50', 0):.1f} ms"),
    ("`/themes` p50 ≤ 20 ms and p99 ≤ 60 ms", themes["`/themes`"][0] <= 20 and themes["`/themes`"][1] <= 60, "{:.1f} ms, {:.1f} ms".format(*themes["`/themes`"])),
    ("`/themes` with words p50 ≤ 20 ms and p99 ≤ 60 ms", themes[THEMES_Q][0] <= 20 and themes[THEMES_Q][1] <= 60, "{:.1f} ms, {:.1f} ms".format(*themes[THEMES_Q])),
]
print("| target | met | figure |")
print("|---|---|---|")
for name, ok, figure in checks:
    print(f"| {name} | {'yes' if ok else '**no**'} | {figure} |")
print()
print("Where an uncached search spends its time (perf, by hand): "
      "[`bench/national/PROFILE.md`](national/PROFILE.md).")


def table_rows(text):
    """The cells of every table row of a NATIONAL.md, by the row's first cell."""
    rows = {}
    for line in text.splitlines():
        if line.startswith("| ") and not line.startswith("|---"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            rows.setdefault(cells[0], cells[1:])
    return rows


def number(cell):
    m = re.match(r"([\d.]+) (ms|s)", cell or "")
    return float(m.group(1)) if m else None


previous_path = os.path.join(out, "previous.md")
if os.path.exists(previous_path):
    previous_text = open(previous_path, encoding="utf-8").read()
    before = table_rows(previous_text)
    when = re.search(r"- Date: ([^;]+);", previous_text)
    now_rows = [
        ("pdftotext over every file (the machine's speed)", "pdftotext over every file, 2 at a time (extraction only, the floor)", 0, floor_s, "s"),
        ("`recollindex` (full)", "`recollindex` (full)", 0, recoll_s, "s"),
        ("`recollq` p50", "`recollq`, one process per query (40 text queries; no facets)", 0, statistics.median(rq[:40]), "ms"),
        ("`casebook index` (full), time", "`casebook index` (full)", 0, full_s, "s"),
        ("`casebook index`, nothing changed", "`casebook index`, nothing changed", 0, unch_s, "s"),
        ("uncached search p50, 1 connection", "`casebook serve --result-cache 0`, 1 connection", 0, w1n[0].get("50", 0), "ms"),
        ("uncached search p99, 1 connection", "`casebook serve --result-cache 0`, 1 connection", 1, w1n[0].get("99", 0), "ms"),
        ("uncached search p50, 64 connections", "`casebook serve --result-cache 0`, 64 connections", 0, w64n[0].get("50", 0), "ms"),
        ("search p50, 64 connections", "`casebook serve`, wrk, 64 connections", 0, w64[0].get("50", 0), "ms"),
        ("`/themes` p50", "`/themes`", 0, themes["`/themes`"][0], "ms"),
        ("`/themes` p99", "`/themes`", 1, themes["`/themes`"][1], "ms"),
        (f"{THEMES_Q} p50", THEMES_Q, 0, themes[THEMES_Q][0], "ms"),
        (f"{THEMES_Q} p99", THEMES_Q, 1, themes[THEMES_Q][1], "ms"),
    ]
    print()
    print(f"## Against the previous run ({when.group(1) if when else 'undated'}, the NATIONAL.md this run replaced)")
    print()
    print("The first three rows are the references: a machine that runs them faster runs everything")
    print("faster, so Casebook's figures compare best through their ratios to them in each run.")
    print()
    print("| figure | before | now | now / before |")
    print("|---|---|---|---|")
    for label, row, col, value, unit in now_rows:
        old = number((before.get(row) or [None] * (col + 1))[col])
        ratio = f"{value / old:.2f}" if old else "–"
        old_text = f"{old:g} {unit}" if old is not None else "–"
        print(f"| {label} | {old_text} | {value:.2f} {unit} | {ratio} |")
