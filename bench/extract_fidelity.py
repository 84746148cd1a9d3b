#!/usr/bin/env python3
"""Measures a PDF text extractor against plain `pdftotext FILE -` on a folder of PDFs.

Usage:
    extract_fidelity.py FOLDER --cmd "target/release/extract {file}" [--time-cmd "... {file} --time 3"]
                        [--timeout 20] [--workers 2] [--worst 15] [--json out.json]
                        [--markdown out.md --title NAME]

For every PDF both extractors run in the same process pool, one file at a time, so the
timings are comparable. Words are NFKC-normalised, lower-cased `\\w+` tokens; recall is the
multiset intersection over pdftotext's tokens, precision over ours. "split" counts adjacent
candidate tokens a, b where a+b is a reference word and a or b is not; "joined" counts
candidate tokens that are not reference words but split into two reference words. Where the
page counts agree (pages end in form feeds), pages are also compared one by one.

Timing: `ms/page` for both sides is wall-clock time of one process per file on one thread
(spawn included). With --time-cmd, ours is also timed in-process (the command must print
`ms_per_page=X`), which excludes process start and file reading. Pages/second with all
cores runs our command over every file in a pool of --workers processes.

With --markdown, a section titled --title is appended to the file: the totals, and the
--worst files (10 by default) with the words they miss or add, which is why they score low.
"""

import argparse
import concurrent.futures as cf
import json
import os
import re
import shlex
import subprocess
import sys
import time
import unicodedata
from collections import Counter

WORD = re.compile(r"\w+")


def tokens(text):
    return WORD.findall(unicodedata.normalize("NFKC", text).lower())


def run(cmd, timeout):
    """Runs a command, returning (stdout text or None, seconds, error message)."""
    t = time.perf_counter()
    try:
        p = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, time.perf_counter() - t, "timeout"
    dt = time.perf_counter() - t
    if p.returncode != 0:
        return None, dt, (p.stderr.decode("utf-8", "replace").strip().splitlines() or ["rc %d" % p.returncode])[-1]
    return p.stdout.decode("utf-8", "replace"), dt, None


def compare(ref_tokens, cand_tokens):
    ref, cand = Counter(ref_tokens), Counter(cand_tokens)
    inter = sum((ref & cand).values())
    vocab = set(ref)
    split = 0
    for a, b in zip(cand_tokens, cand_tokens[1:]):
        if (a + b) in vocab and (a not in vocab or b not in vocab):
            split += 1
    joined = 0
    for w in set(cand) - vocab:
        if any(w[:i] in vocab and w[i:] in vocab for i in range(1, len(w))):
            joined += cand[w]
    return inter, split, joined


def pages_of(text):
    parts = text.split("\f")
    if parts and parts[-1].strip() == "":
        parts = parts[:-1]
    return parts


def measure(path, cmd, timeout):
    ref_text, ref_dt, ref_err = run(["pdftotext", path, "-"], timeout)
    our_text, our_dt, our_err = run([c.replace("{file}", path) for c in cmd], timeout)
    r = {"file": os.path.basename(path), "ref_s": ref_dt, "our_s": our_dt, "ref_err": ref_err, "our_err": our_err}
    if ref_text is None or our_text is None:
        return r
    rt, ct = tokens(ref_text), tokens(our_text)
    inter, split, joined = compare(rt, ct)
    rp, cp = pages_of(ref_text), pages_of(our_text)
    r.update(ref_words=len(rt), our_words=len(ct), inter=inter, split=split, joined=joined,
             ref_pages=len(rp), our_pages=len(cp))
    rc, cc = Counter(rt), Counter(ct)
    r["missing"] = (rc - cc).most_common(6)
    r["extra"] = (cc - rc).most_common(6)
    if len(rp) == len(cp):
        agree = 0
        for a, b in zip(rp, cp):
            ta, tb = Counter(tokens(a)), Counter(tokens(b))
            n = max(sum(ta.values()), sum(tb.values()))
            agree += 1 if n == 0 else sum((ta & tb).values()) / n
        r["page_agreement"] = agree / max(1, len(rp))
    return r


def in_process_ms(path, time_cmd, timeout):
    out, _, err = run([c.replace("{file}", path) for c in time_cmd], timeout)
    if out is None:
        return None
    m = re.search(r"ms_per_page=([0-9.]+)", out)
    return float(m.group(1)) if m else None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--cmd", required=True, help="our extractor; {file} is replaced by the PDF path")
    ap.add_argument("--time-cmd", help="in-process timing command printing ms_per_page=X")
    ap.add_argument("--timeout", type=float, default=20.0)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--worst", type=int, default=0, help="list only this many files, worst first (default: all)")
    ap.add_argument("--json", help="write per-file results here")
    ap.add_argument("--markdown", help="append a section with the totals and the worst files here")
    ap.add_argument("--title", default="results", help="the --markdown section's title")
    args = ap.parse_args()

    files = sorted(os.path.join(args.folder, f) for f in os.listdir(args.folder) if f.lower().endswith(".pdf"))
    cmd = shlex.split(args.cmd)
    results = [measure(f, cmd, args.timeout) for f in files]

    tot = Counter()
    mismatched, failed = [], []
    for r in results:
        if "inter" not in r:
            failed.append(r)
            continue
        for k in ("ref_words", "our_words", "inter", "split", "joined"):
            tot[k] += r[k]
        if r["ref_pages"] != r["our_pages"]:
            mismatched.append(r)
        else:
            tot["pages"] += r["ref_pages"]
            tot["ref_s"] += r["ref_s"]
            tot["our_s"] += r["our_s"]
            tot["agree"] += r["page_agreement"] * r["ref_pages"]

    print("%-60s %7s %7s %6s %6s %5s %5s %7s" % ("file", "recall", "prec", "split", "joined", "pgR", "pgO", "pgAgree"))
    def score(r):
        if "inter" not in r:
            return -1
        return min(r["inter"] / max(1, r["ref_words"]), r["inter"] / max(1, r["our_words"]))
    for r in sorted(results, key=score)[: args.worst or None]:
        if "inter" not in r:
            print("%-60s failed: ours=%s ref=%s" % (r["file"][:60], r["our_err"], r["ref_err"]))
            continue
        print("%-60s %7.4f %7.4f %6d %6d %5d %5d %7s" % (
            r["file"][:60], r["inter"] / max(1, r["ref_words"]), r["inter"] / max(1, r["our_words"]),
            r["split"], r["joined"], r["ref_pages"], r["our_pages"],
            "%.4f" % r["page_agreement"] if "page_agreement" in r else "-"))

    print()
    print("files: %d compared, %d failed, %d page-count mismatches" % (len(results) - len(failed), len(failed), len(mismatched)))
    for r in mismatched:
        print("  page mismatch: %s ref=%d ours=%d" % (r["file"], r["ref_pages"], r["our_pages"]))
    for r in failed:
        print("  failed: %s ours=%s ref=%s" % (r["file"], r["our_err"], r["ref_err"]))
    print("words: reference %d, ours %d" % (tot["ref_words"], tot["our_words"]))
    print("recall %.5f  precision %.5f  split %d  joined %d" % (
        tot["inter"] / max(1, tot["ref_words"]), tot["inter"] / max(1, tot["our_words"]), tot["split"], tot["joined"]))
    if tot["pages"]:
        print("page agreement %.5f over %d pages" % (tot["agree"] / tot["pages"], tot["pages"]))
        print("ms/page, process per file, 1 thread: pdftotext %.2f, ours %.2f" % (
            1000 * tot["ref_s"] / tot["pages"], 1000 * tot["our_s"] / tot["pages"]))

    if args.time_cmd:
        tcmd = shlex.split(args.time_cmd)
        ok = [r for r in results if "inter" in r and r["ref_pages"] == r["our_pages"]]
        ms, pages = 0.0, 0
        for r in ok:
            v = in_process_ms(os.path.join(args.folder, r["file"]), tcmd, args.timeout * 5)
            if v is not None:
                ms += v * r["our_pages"]
                pages += r["our_pages"]
        if pages:
            print("ms/page, ours in-process (best of the --time runs), 1 thread: %.2f over %d pages" % (ms / pages, pages))
            tot["inproc_ms"], tot["inproc_pages"] = ms / pages, pages

    total_pages = sum(r.get("our_pages", 0) for r in results)
    t = time.perf_counter()
    with cf.ThreadPoolExecutor(args.workers) as pool:
        list(pool.map(lambda f: run([c.replace("{file}", f) for c in cmd], args.timeout), files))
    dt = time.perf_counter() - t
    print("ours with %d workers (process per file): %d pages in %.2f s = %.0f pages/s" % (
        args.workers, total_pages, dt, total_pages / max(dt, 1e-9)))

    if args.markdown:
        with open(args.markdown, "a") as f:
            f.write(markdown(args, results, tot, mismatched, failed, score, total_pages, dt))

    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)


def why(r):
    """Says why a file scores low, from what it misses, adds, splits and joins."""
    if "inter" not in r:
        return "failed: ours: %s; pdftotext: %s" % (r["our_err"] or "ok", r["ref_err"] or "ok")
    parts = []
    if r["ref_pages"] != r["our_pages"]:
        parts.append("pages %d vs pdftotext %d" % (r["our_pages"], r["ref_pages"]))
    missing = r["ref_words"] - r["inter"]
    extra = r["our_words"] - r["inter"]
    if missing:
        parts.append("misses %d words (%s)" % (missing, ", ".join("%s x%d" % (w, n) for w, n in r["missing"][:4])))
    if extra:
        parts.append("adds %d words (%s)" % (extra, ", ".join("%s x%d" % (w, n) for w, n in r["extra"][:4])))
    if r["split"]:
        parts.append("%d split" % r["split"])
    if r["joined"]:
        parts.append("%d joined" % r["joined"])
    return "; ".join(parts) or "identical words"


def markdown(args, results, tot, mismatched, failed, score, total_pages, dt):
    recall = tot["inter"] / max(1, tot["ref_words"])
    precision = tot["inter"] / max(1, tot["our_words"])
    lines = ["## %s" % args.title, ""]
    lines.append("%d PDFs, %d reference words, %d pages (ours); %d failed, %d page-count mismatches." % (
        len(results), tot["ref_words"], total_pages, len(failed), len(mismatched)))
    lines += ["", "| measure | value |", "|---|---|"]
    lines.append("| recall | %.5f |" % recall)
    lines.append("| precision | %.5f |" % precision)
    lines.append("| split words | %d |" % tot["split"])
    lines.append("| joined words | %d |" % tot["joined"])
    lines.append("| page-count mismatches | %d of %d files |" % (len(mismatched), len(results) - len(failed)))
    if tot["pages"]:
        lines.append("| page agreement (files with equal page counts) | %.5f over %d pages |" % (
            tot["agree"] / tot["pages"], tot["pages"]))
        lines.append("| ms/page, pdftotext, process per file | %.2f |" % (1000 * tot["ref_s"] / tot["pages"]))
        lines.append("| ms/page, ours, process per file | %.2f |" % (1000 * tot["our_s"] / tot["pages"]))
    if tot["inproc_pages"]:
        lines.append("| ms/page, ours in-process, 1 thread (best of 3) | %.2f over %d pages |" % (
            tot["inproc_ms"], tot["inproc_pages"]))
        if tot["pages"]:
            lines.append("| speed-up per page vs pdftotext | %.1fx |" % (
                1000 * tot["ref_s"] / tot["pages"] / max(tot["inproc_ms"], 1e-9)))
    lines.append("| pages/s, ours, %d workers (process per file) | %.0f (%d pages in %.2f s) |" % (
        args.workers, total_pages / max(dt, 1e-9), total_pages, dt))
    lines += ["", "Worst files (lowest of recall and precision):", ""]
    lines += ["| file | recall | precision | pages ours/ref | held back by |", "|---|---|---|---|---|"]
    for r in sorted(results, key=score)[: args.worst or 10]:
        if "inter" in r:
            cells = "%.4f | %.4f | %d/%d" % (r["inter"] / max(1, r["ref_words"]), r["inter"] / max(1, r["our_words"]),
                                             r["our_pages"], r["ref_pages"])
        else:
            cells = "- | - | -"
        lines.append("| %s | %s | %s |" % (r["file"], cells, why(r).replace("|", "\\|")))
    return "\n".join(lines) + "\n\n"


if __name__ == "__main__":
    sys.exit(main())
