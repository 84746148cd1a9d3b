#!/usr/bin/env python3
"""Builds a national-scale benchmark corpus from the sample corpus in corpus/.

Each generated review recombines what the sample reviews say: headings, paragraphs,
findings and recommendations are drawn from pools read out of the sample PDFs (with
pdftotext), the names of children, adults and boards are replaced, and every review gets its
own board (one of 150), year, type, pseudonym and length (20 to 50 pages). So the corpus is
varied like a real one without being the same text repeated. Each PDF is written directly
(Courier, WinAnsi, compressed content streams) with a sidecar `<name>.toml`.

    generate.py --out DIR [--files 3000] [--seed 1]
    generate.py --out DIR --revise 30      # rewrite 30 files with new text (1% of 3,000)
    generate.py --out DIR --publish-twice 0.05   # and 5% of reviews published a second time:
                                                 # half as a copy under another name, half as
                                                 # an executive summary (cover and 3 pages)

The output is a cache: it is written once and not committed.
"""

import argparse
import glob
import os
import random
import re
import subprocess
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(HERE, "..", "..", "corpus")

LINE_CHARS = 88
LINES_PER_PAGE = 58
FONT_SIZE = 9
LEADING = 12.5

SYLLABLES = ["ash", "bar", "brook", "caster", "dale", "den", "fen", "ford", "gate", "ham",
             "holt", "kel", "ley", "mar", "mere", "moor", "ness", "orm", "ridge", "sley",
             "stead", "thorn", "ton", "wick", "wold", "worth", "brid", "cot", "hurst", "lyn"]
KINDS = [
    ("scr", "Serious Case Review", "Safeguarding Children Board", "Child"),
    ("lcspr", "Local Child Safeguarding Practice Review", "Safeguarding Children Partnership", "Child"),
    ("sar", "Safeguarding Adults Review", "Safeguarding Adults Board", "Adult"),
    ("dhr", "Domestic Homicide Review", "Community Safety Partnership", "Adult"),
    ("learning_review", "Learning Review", "Safeguarding Children Partnership", "Child"),
]


def pdftotext(path):
    out = subprocess.run(["pdftotext", "-q", path, "-"], capture_output=True, check=False)
    return out.stdout.decode("utf-8", "replace")


def pools():
    """Headings, paragraphs, findings and recommendations of the sample corpus."""
    headings, paragraphs, findings, recommendations = set(), [], [], []
    for path in sorted(glob.glob(os.path.join(SAMPLE, "boards", "*", "*.pdf"))):
        text = re.sub(r"\n(?=(Recommendation|Finding) \d+)", "\n\n", pdftotext(path))
        for block in re.split(r"\n\s*\n", text):
            text = " ".join(block.split())
            if not text or "\x0c" in text:
                continue
            if re.match(r"^\d{1,2}\. [A-Z][A-Za-z ,'-]{3,60}$", text):
                headings.add(re.sub(r"^\d{1,2}\. ", "", text))
            elif re.match(r"^Finding \d+", text) and len(text) > 60:
                findings.append(re.sub(r"^Finding \d+[:.]?\s*", "", text))
            elif re.match(r"^Recommendation \d+", text) and len(text) > 60:
                recommendations.append(re.sub(r"^Recommendation \d+( \[[^]]*\])?[:.]?\s*", "", text))
            elif len(text) > 160 and not re.search(r"\.{5,}", text):
                paragraphs.append(text)
    if len(paragraphs) < 100 or len(recommendations) < 10:
        sys.exit("generate.py: too little text read from corpus/ (is pdftotext installed?)")
    print(f"pools: {len(headings)} headings, {len(paragraphs)} paragraphs, {len(findings)} findings, "
          f"{len(recommendations)} recommendations", file=sys.stderr)
    return sorted(headings), paragraphs, findings or paragraphs[:50], recommendations


NAME = re.compile(r"\b(Child|Adult|Baby|Children|Mrs|Mr|Ms) ([A-Z])\b")
BOARDISH = re.compile(r"\b[A-Z][a-z]+(?: and [A-Z][a-z]+)? (Local )?Safeguarding (Children|Adults) "
                      r"(Board|Partnership)\b")


def board_names(n, rng):
    names = set()
    while len(names) < n:
        a, b = rng.sample(SYLLABLES, 2)
        names.add((a + b).capitalize())
    return sorted(names)


def personalise(text, letter, board):
    text = NAME.sub(lambda m: f"{m.group(1)} {letter}", text)
    return BOARDISH.sub(board, text)


def wrap(text):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > LINE_CHARS:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def review(i, seed, revision, heads, paras, finds, recs, boards):
    rng = random.Random(f"{seed}-{i}-{revision}")
    kind, kind_label, board_kind, subject_kind = KINDS[i % len(KINDS)]
    place = boards[i % len(boards)]
    board = f"{place} {board_kind}"
    board_id = f"{place.lower()}_{kind}"
    year = 2010 + rng.randrange(17)
    letter = chr(ord("A") + rng.randrange(26)) + (chr(ord("a") + rng.randrange(26)) if i % 3 else "")
    subject = f"{subject_kind} {letter}"
    title = f"{kind_label}: {subject}"
    target_pages = rng.randint(20, 50)
    budget = target_pages * LINES_PER_PAGE

    pages = [[board, "", kind_label, f"'{subject}'", "", "Overview report",
              f"Published {year}", "", f"Independent reviewer: {rng.choice(['J', 'M', 'R', 'S'])}. "
              f"{rng.choice(['Ellery', 'Okafor', 'Patel', 'Hughes', 'Ward', 'Byrne'])}"]]
    body = []
    sections = rng.sample(heads, min(len(heads), 10))
    used = 0
    n = 0
    while used < budget - 2 * LINES_PER_PAGE:
        n += 1
        heading = sections[(n - 1) % len(sections)]
        body += ["", f"{n}. {heading}", ""]
        for p in range(rng.randint(3, 9)):
            para = personalise(rng.choice(paras), letter, board)
            lines = wrap(f"{n}.{p + 1} {para}")
            body += lines + [""]
            used += len(lines) + 1
        used += 3
    n += 1
    body += ["", f"{n}. Findings", ""]
    for k in range(rng.randint(3, 6)):
        body += wrap(f"Finding {k + 1}: {personalise(rng.choice(finds), letter, board)}") + [""]
    n += 1
    body += ["", f"{n}. Recommendations", ""]
    for k in range(rng.randint(4, 9)):
        body += wrap(f"Recommendation {k + 1}: {personalise(rng.choice(recs), letter, board)}") + [""]
    for start in range(0, len(body), LINES_PER_PAGE):
        pages.append(body[start:start + LINES_PER_PAGE])
    slug = re.sub(r"[^a-z0-9]+", "-", f"{subject}-{kind}-{year}-{i}".lower()).strip("-")
    meta = {"title": title, "type": kind, "board": board, "board_id": board_id,
            "published": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "subject": subject}
    return board_id, slug, title, pages, meta


def pdf_string(text):
    data = text.encode("cp1252", "replace")
    return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def write_pdf(path, title, pages):
    objects = []  # index 0 is object 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    tree = add(None)
    widths = b" ".join(b"600" for _ in range(32, 256))
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding "
               b"/FirstChar 32 /LastChar 255 /Widths [" + widths + b"] >>")
    kids = []
    for lines in pages:
        ops = [b"BT", b"/F1 %d Tf" % FONT_SIZE, b"%.1f TL" % LEADING, b"56 790 Td"]
        for line in lines:
            ops.append(pdf_string(line) + b" '")
        ops.append(b"ET")
        stream = zlib.compress(b"\n".join(ops))
        content = add(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream +
                      b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Resources "
                        b"<< /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (tree, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = (b"<< /Type /Pages /Count %d /Kids [" % len(kids) +
                         b" ".join(b"%d 0 R" % k for k in kids) + b"] >>")
    info = add(b"<< /Title " + pdf_string(title) + b" /Producer (casebook bench generator) >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += (b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, catalog, info, xref))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, path)


def toml_value(value):
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--files", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--revise", type=int, default=0,
                        help="rewrite this many existing files with new text, spread evenly")
    parser.add_argument("--revision", type=int, default=1,
                        help="which new text --revise writes (another number, other text)")
    parser.add_argument("--publish-twice", type=float, default=0.0,
                        help="share of reviews also written as a second file")
    args = parser.parse_args()
    heads, paras, finds, recs = pools()
    boards = board_names(150, random.Random(args.seed))
    if args.revise:
        step = max(1, args.files // args.revise)
        which = [(i, args.revision) for i in range(0, args.files, step)][: args.revise]
    else:
        which = [(i, 0) for i in range(args.files)]
    n_pages = 0
    for i, revision in which:
        board_id, slug, title, pages, meta = review(i, args.seed, revision, heads, paras, finds, recs,
                                                    boards)
        if revision:
            # Same file, same metadata; new text.
            _, slug, title, _, meta = review(i, args.seed, 0, heads, paras, finds, recs, boards)
        folder = os.path.join(args.out, board_id)
        os.makedirs(folder, exist_ok=True)
        write_pdf(os.path.join(folder, slug + ".pdf"), title, pages)
        with open(os.path.join(folder, slug + ".toml"), "w", encoding="utf-8") as f:
            for key, value in meta.items():
                f.write(f"{key} = {toml_value(value)}\n")
        n_pages += len(pages)
    n_twice = 0
    if args.publish_twice > 0 and not args.revise:
        step = max(1, round(1 / args.publish_twice))
        for k, i in enumerate(range(step // 2, args.files, step)):
            board_id, slug, title, pages, meta = review(i, args.seed, 0, heads, paras, finds, recs,
                                                        boards)
            if k % 2 == 0:
                # The same PDF under another name, as a national collection would keep it.
                name, title2, pages2 = f"{slug}-copy", title, pages
            else:
                name, title2 = f"{slug}-executive-summary", f"{title}: executive summary"
                pages2 = [pages[0]] + pages[1:4]
            folder = os.path.join(args.out, board_id)
            write_pdf(os.path.join(folder, name + ".pdf"), title2, pages2)
            with open(os.path.join(folder, name + ".toml"), "w", encoding="utf-8") as f:
                for key, value in dict(meta, title=title2).items():
                    f.write(f"{key} = {toml_value(value)}\n")
            n_twice += 1
            n_pages += len(pages2)
    print(f"{'revised' if args.revise else 'wrote'} {len(which) + n_twice} PDFs "
          f"({n_twice} a second version of a review), {n_pages} pages in {args.out}")


if __name__ == "__main__":
    main()
