#!/usr/bin/env python3
# -*- coding: utf-8 -*-
"""Hand-laid-out documents of the Casebook sample corpus (all fictional).

Usage:  python3 corpus/generate/layouts.py [SLUG ...]        (or build.py --layouts / --only SLUG)

Unlike the 29 documents of build.py, which share one generator and a handful of layouts, each
document here is written by hand in `layout_docs/<module>.py`, in a layout that real boards
publish: recommendation tables that break across pages, landscape action plans with merged
cells, agency sub-headings that restart numbering, findings labelled "Finding One", "F1.",
"(iv)", "Finding A" boxes, Welsh, Scottish and Northern Irish templates, a rapid review
summary, a 7-minute briefing, a national panel review, two-column pages and footnotes.

Producers: LibreOffice (Flat ODT, `lo_writer.py`) or headless Chromium (HTML, `html_writer.py`).
Each build:
  1. renders every variant of a document (a document may offer a few variants, e.g. more or
     less space before a section, so that a page break falls where the layout needs it) and
     converts them;
  2. keeps the first variant whose layout expectations hold on the PDF (e.g. "the footnote is on
     the page where recommendation 3 starts, and recommendation 3 ends on the next page");
  3. fills the contents page from the headings' pages and converts again;
  4. locates every gold item's text in the pdftotext output of the final PDF (running headers
     and footers, repeated table header rows, footnotes, page numbers and line-end hyphenation
     aside) and fails loudly if one is missing or out of order;
  5. sets the PDF's CreationDate to the publication date, writes the PDF and its source next to
     each other under boards/<board_id>/, the gold file, the sidecar (three documents only) and
     the listing pages of the two boards that have one.
"""
import sys
sys.dont_write_bytecode = True
import html
import importlib
import os
import re
import shutil
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
CORPUS = os.path.dirname(HERE)
BOARDS_DIR = os.path.join(CORPUS, "boards")
GOLD_DIR = os.path.join(CORPUS, "gold")

import lo_writer  # noqa: E402
import html_writer  # noqa: E402
from layout_model import PageWords, locate, noise_phrases, words, footnotes_of  # noqa: E402

# module name in layout_docs/ -> built in this order
MODULES = [
    "child_y_cpr_2021",
    "adult_l_apr_2023",
    "dhr_marion_2023",
    "child_q_lcspr_2023",
    "child_q_seven_minute_briefing_2023",
    "adult_t_sar_2022",
    "family_n_learning_review_2020",
    "baby_s_rapid_review_2022",
    "child_e_lcspr_2024",
    "baby_g_scr_2017",
    "jamie_learning_review_2023",
    "child_z_cmr_2019",
    "family_w_national_review_2024",
]


def load_modules():
    mods = []
    for name in MODULES:
        mods.append(importlib.import_module("layout_docs." + name))
    return mods


def slugs():
    return [m.SLUG for m in load_modules()]


def readme_order():
    """Slugs in the order of the corpus README's table: the generated cases, the briefings, then
    the hand-laid-out documents of this module."""
    from cases import CASES
    import briefings as BR
    return [c["slug"] for c in CASES] + [b["slug"] for b in BR.DOCS] + slugs()


# ------------------------------------------------------------------ conversion
def soffice_convert(paths, outdir):
    prof = "file://" + os.path.join(tempfile.gettempdir(), "casebook_layouts_lo_profile")
    cmd = ["soffice", "-env:UserInstallation=" + prof, "--headless", "--convert-to", "pdf", "--outdir", outdir] + paths
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for p in paths:
        pdf = os.path.splitext(p)[0] + ".pdf"
        if not os.path.exists(os.path.join(outdir, os.path.basename(pdf))):
            raise SystemExit("LibreOffice did not produce %s" % pdf)


def chromium_print(html_path, pdf_path):
    prof = tempfile.mkdtemp(prefix="casebook_chromium_")
    try:
        cmd = ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--user-data-dir=" + prof, "--print-to-pdf=" + pdf_path,
               "--no-pdf-header-footer", "file://" + html_path]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    if not os.path.exists(pdf_path):
        raise SystemExit("Chromium did not produce %s" % pdf_path)


def pdf_pages(pdf, layout=False):
    cmd = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [pdf, "-"]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def stamp_pdf(pdf, iso, slug):
    """Set CreationDate/ModDate to the publication date, and make LibreOffice's /ID and
    /DocChecksum (which depend on the time of conversion) a function of the slug, so that a
    rebuild gives the same bytes. Rewritten in place with the same lengths, so that the xref
    offsets stay valid."""
    import hashlib
    data = open(pdf, "rb").read()
    stamp = (iso.replace("-", "") + "090000").encode()
    new, n = re.subn(rb"(/(?:CreationDate|ModDate)\s*\(D:)(\d{14})", lambda m: m.group(1) + stamp, data)
    if n == 0:
        print("WARN no CreationDate in", pdf)
    h = hashlib.md5(slug.encode()).hexdigest().upper().encode()
    new = re.sub(rb"(/ID\s*\[\s*<)[0-9A-Fa-f]{32}(>\s*<)[0-9A-Fa-f]{32}>", lambda m: m.group(1) + h + m.group(2) + h + b">", new)
    new = re.sub(rb"(/DocChecksum\s*/)[0-9A-Fa-f]{32}", lambda m: m.group(1) + h, new)
    assert len(new) == len(data)
    open(pdf, "wb").write(new)


# ------------------------------------------------------------------ checks
class Pdf:
    """pdftotext of one PDF, with helpers for layout expectations."""

    def __init__(self, path, doc):
        self.path = path
        self.pages = pdf_pages(path)
        self.pw = PageWords(self.pages)
        # -layout keeps the lines of side-by-side table cells on one physical line; used as a
        # second reading when pdftotext's default reading order splits a table cell into blocks
        self.pw_layout = PageWords(pdf_pages(path, layout=True))
        self.doc = doc
        self.fn_numbers = set(range(1, 1 + sum(len(footnotes_of(s)) for s in doc.all_text())))
        self.noise = noise_phrases(doc)

    def find(self, text, start=0, siblings=()):
        return locate(self.pw, text, start, self.noise, self.fn_numbers, siblings)

    def page_of(self, text, start=0):
        r = self.find(text, start)
        return self.pw.pg[r[0]] if r else None

    def span_pages(self, text, start=0):
        r = self.find(text, start)
        if not r:
            return None
        return self.pw.pg[r[0]], self.pw.pg[r[1] - 1]

    def pages_with(self, text):
        ws = words(text)
        out = []
        for i, p in enumerate(self.pages, 1):
            if " ".join(ws) in " ".join(words(p)):
                out.append(i)
        return out

    def line_starts(self):
        """Word positions that begin a line of pdftotext output."""
        starts = set()
        pos = 0
        for p in self.pages:
            for line in p.split("\n"):
                ws = words(line)
                if ws:
                    starts.add(pos)
                pos += len(ws)
        return starts


def has_toc(doc):
    return any(b[0] == "toc" for b in doc.blocks)


def heading_pages(pdf, doc):
    """Page of each contents entry: the heading's words at the start of a line, in order,
    after the contents page."""
    starts = pdf.line_starts()
    toc_page = getattr(doc, "toc_page", 2)
    pos = next((i for i, p in enumerate(pdf.pw.pg) if p > toc_page), 0)
    out = {}
    for lvl, label in doc.toc:
        ws = words(label)
        hit = None
        i = pos
        while True:
            r = locate(pdf.pw, label, i, pdf.noise, pdf.fn_numbers)
            if not r:
                break
            if r[0] in starts:
                hit = r
                break
            i = r[0] + 1
        if not hit:
            raise SystemExit("%s: heading not found in PDF: %r" % (doc.slug, label))
        out[label] = pdf.pw.pg[hit[0]]
        pos = hit[1]
        del ws
    return out


def check_items(pdf, doc):
    """Every gold item's text, in document order, in the PDF: sets item.page. The text is looked
    for in pdftotext's default reading order, then (for table cells that it splits into blocks)
    in its -layout output; the two searches advance together, page by page."""
    toc_page = getattr(doc, "toc_page", 2) if has_toc(doc) else 1

    def first_on(pw, page):
        return next((i for i, p in enumerate(pw.pg) if p >= page), len(pw.pg))
    pos = first_on(pdf.pw, toc_page + 1)
    lpos = first_on(pdf.pw_layout, toc_page + 1)
    problems = []
    for it in doc.items:
        r = pdf.find(it.text, pos, it.siblings)
        if r:
            it.page = pdf.pw.pg[r[0]]
            pos = r[0] + 1
            lpos = max(lpos, first_on(pdf.pw_layout, it.page))
            continue
        r = locate(pdf.pw_layout, it.text, lpos, pdf.noise, pdf.fn_numbers, it.siblings)
        if r:
            it.page = pdf.pw_layout.pg[r[0]]
            it.found_in = "layout"
            lpos = r[0] + 1
            pos = max(pos, first_on(pdf.pw, it.page))
            continue
        # say where it breaks down: the longest prefix that matches
        ws = it.text.split()
        lo, hi = 1, len(ws)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if pdf.find(" ".join(ws[:mid]), pos, it.siblings):
                lo = mid
            else:
                hi = mid - 1
        problems.append("%s %s %s: text not found after word %d: ...%s [%s]..." % (
            doc.slug, it.kind, it.number, lo, " ".join(ws[max(0, lo - 6):lo]), " ".join(ws[lo:lo + 8])))
    if problems:
        raise SystemExit("gold text check failed:\n  " + "\n  ".join(problems))


def check_expect(pdf, doc):
    bad = []
    for desc, pred in doc.expect:
        try:
            ok = pred(pdf)
        except Exception as e:  # noqa: BLE001
            ok = False
            desc += " (%s)" % e
        if not ok:
            bad.append(desc)
    return bad


TAXONOMY = os.path.join(os.path.dirname(CORPUS), "src", "taxonomy", "taxonomy.toml")
STRENGTHS = {"must", "should", "consider", "seek_assurance"}


def validate(doc):
    """Ids in the gold file must be taxonomy ids of the right kind."""
    import tomllib
    if not os.path.exists(TAXONOMY):
        print("WARN taxonomy not found; ids not checked")
        return
    with open(TAXONOMY, "rb") as fh:
        kinds = {}
        for e in tomllib.load(fh)["entry"]:
            kinds.setdefault(e["kind"], set()).add(e["id"])
    bad = []
    bad += ["theme " + t for t in doc.themes if t not in kinds["theme"]]
    bad += ["risk " + t for t in doc.risks if t not in kinds["risk"]]
    bad += ["optional " + t for t in doc.optional if t not in kinds["theme"] | kinds["risk"]]
    bad += ["optional %s is also main" % t for t in set(doc.optional) & set(doc.themes + doc.risks)]
    if doc.meta["type"] not in kinds["review_type"]:
        bad.append("type " + doc.meta["type"])
    for it in doc.items:
        bad += ["%s %s agency %s" % (it.kind, it.number, a) for a in it.agencies if a not in kinds["agency"]]
        if it.kind == "recommendation" and it.strength not in STRENGTHS | {None}:
            bad.append("%s strength %s" % (it.number, it.strength))
    numbers = [(it.kind, it.group, it.number) for it in doc.items]
    bad += ["duplicate item %s %s %s" % x for x in set(numbers) if numbers.count(x) > 1]
    if bad:
        raise SystemExit("%s: bad gold values: %s" % (doc.slug, ", ".join(bad)))


# ------------------------------------------------------------------ gold, sidecar
def tq(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def tl(xs):
    return "[" + ", ".join(tq(x) for x in xs) + "]"


def write_gold(doc, npages):
    m = doc.meta
    g = ["# Gold truth for %s (%d pages). Written by generate/layouts.py from the strings it printed;" % (doc.slug, npages),
         "# pages and texts checked against pdftotext of the final PDF.",
         "pages = %d" % npages, "themes = %s" % tl(doc.themes), "risks = %s" % tl(doc.risks)]
    if doc.optional:
        g.append("optional = %s" % tl(doc.optional))
    g += ["", "[meta]"]
    for k in ("title", "type", "board", "board_id", "published", "subject", "age_band", "outcome"):
        v = doc.board_id if k == "board_id" else m.get(k)
        if v:
            g.append("%s = %s" % (k, tq(v)))
    for kind, table in (("finding", "findings"), ("recommendation", "recommendations")):
        for it in [i for i in doc.items if i.kind == kind]:
            g += ["", "[[%s]]" % table, "number = %s" % tq(it.number), "page = %d" % it.page, "starts = %s" % tq(it.starts()),
                  "text = %s" % tq(it.text)]
            if it.group:
                g.append("group = %s" % tq(it.group))
            g.append("agencies = %s" % tl(it.agencies))
            if it.strength:
                g.append("strength = %s" % tq(it.strength))
    with open(os.path.join(GOLD_DIR, doc.slug + ".toml"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(g) + "\n")


def write_sidecar(doc):
    path = os.path.join(BOARDS_DIR, doc.board_id, doc.slug + ".toml")
    if not doc.sidecar:
        if os.path.exists(path):
            os.remove(path)
        return
    m = doc.meta
    lines = [("title", m["title"]), ("type", m["type"]), ("board", m["board"]), ("board_id", doc.board_id), ("published", m["published"])]
    for k in ("subject", "age_band", "outcome"):
        if m.get(k):
            lines.append((k, m[k]))
    lines.append(("author", doc.author))
    with open(path, "w", encoding="utf-8") as fh:
        for k, v in lines:
            fh.write("%s = %s\n" % (k, tq(v)))


# ------------------------------------------------------------------ build
def render_source(doc, tmp, name, toc_pages=None):
    if doc.producer == "lo":
        path = os.path.join(tmp, name + ".fodt")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(lo_writer.render(doc, toc_pages))
    else:
        path = os.path.join(tmp, name + ".html")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(html_writer.render(doc, toc_pages))
    return path


def convert(paths, tmp):
    lo = [p for p in paths if p.endswith(".fodt")]
    if lo:
        # LibreOffice converts a batch in one start-up; keep batches small enough to be safe
        for i in range(0, len(lo), 12):
            soffice_convert(lo[i:i + 12], tmp)
    for p in paths:
        if p.endswith(".html"):
            chromium_print(p, os.path.splitext(p)[0] + ".pdf")


def build(only=None, verbose=True):
    mods = load_modules()
    if only:
        mods = [m for m in mods if m.SLUG in only]
    tmp = tempfile.mkdtemp(prefix="casebook_layouts_")
    # pass 1: every variant
    variants = {}
    paths = []
    for m in mods:
        tunes = list(getattr(m, "TUNES", [0]))
        for k in tunes:
            d = m.build(k)
            validate(d)
            name = "%s__v%d" % (m.SLUG, k)
            paths.append(render_source(d, tmp, name))
            variants.setdefault(m.SLUG, []).append((k, d, name))
    convert(paths, tmp)
    chosen = {}
    for m in mods:
        why = []
        for k, d, name in variants[m.SLUG]:
            pdf = Pdf(os.path.join(tmp, name + ".pdf"), d)
            bad = check_expect(pdf, d)
            if not bad:
                chosen[m.SLUG] = (k, d, pdf)
                break
            why.append("variant %d: %s" % (k, "; ".join(bad)))
        if m.SLUG not in chosen:
            raise SystemExit("%s: no variant meets the layout expectations:\n  %s" % (m.SLUG, "\n  ".join(why)))
    # pass 2: contents pages
    paths = []
    tocs = {}
    for slug, (k, d, pdf) in chosen.items():
        tocs[slug] = heading_pages(pdf, d) if has_toc(d) else {}
        paths.append(render_source(d, tmp, slug, tocs[slug]))
    convert(paths, tmp)
    report = []
    final = []
    for m in mods:  # check everything before writing anything
        k, d, _ = chosen[m.SLUG]
        path = os.path.join(tmp, m.SLUG + ".pdf")
        pdf = Pdf(path, d)
        bad = check_expect(pdf, d)
        if bad:
            raise SystemExit("%s: layout expectations fail after the contents page was filled: %s" % (m.SLUG, "; ".join(bad)))
        if has_toc(d):
            again = heading_pages(pdf, d)
            if again != tocs[m.SLUG]:
                raise SystemExit("%s: contents page numbers moved in pass 2: %s" % (m.SLUG, {k2: (v, again.get(k2)) for k2, v in tocs[m.SLUG].items() if again.get(k2) != v}))
        check_items(pdf, d)
        lo_pages, hi_pages = getattr(d, "page_range", (4, 12))
        if not lo_pages <= len(pdf.pages) <= hi_pages:
            raise SystemExit("%s: %d pages, outside %d-%d" % (m.SLUG, len(pdf.pages), lo_pages, hi_pages))
        final.append((m, k, d, path, len(pdf.pages)))
    for m, k, d, path, npages in final:
        stamp_pdf(path, d.meta["published"], m.SLUG)
        bdir = os.path.join(BOARDS_DIR, d.board_id)
        os.makedirs(bdir, exist_ok=True)
        shutil.copyfile(path, os.path.join(bdir, m.SLUG + ".pdf"))
        src = os.path.join(tmp, m.SLUG + (".fodt" if d.producer == "lo" else ".html"))
        # an HTML source is kept as .html.src: every .html under corpus/ is read as a listing page
        shutil.copyfile(src, os.path.join(bdir, m.SLUG + (".fodt" if d.producer == "lo" else ".html.src")))
        write_gold(d, npages)
        write_sidecar(d)
        nf = sum(1 for i in d.items if i.kind == "finding")
        nr = sum(1 for i in d.items if i.kind == "recommendation")
        nl = sum(1 for i in d.items if getattr(i, "found_in", "") == "layout")
        report.append((m.SLUG, d.meta["type"], d.producer, npages, nf, nr, k, nl))
    shutil.rmtree(tmp, ignore_errors=True)
    write_listings()
    if verbose:
        for r in report:
            print("%-40s %-16s %-8s %2d pages  %2d findings %2d recs  (variant %d; %d found in -layout text)" % r)
    return report


# ------------------------------------------------------------------ listing pages of two new boards
LISTINGS = {
    "bro_elwyn_rsb": dict(
        name="Bro Elwyn Regional Safeguarding Board", site="https://www.broelwynsafeguarding.example", media="/uploads/practice-reviews/",
        title="Child and Adult Practice Reviews",
        intro="Bro Elwyn Regional Safeguarding Board (Bwrdd Diogelu Rhanbarthol Bro Elwyn) commissions Child Practice Reviews and Adult Practice Reviews under the Social Services and Well-being (Wales) Act 2014 when a child or adult at risk has died or been seriously harmed and abuse or neglect is known or suspected. Reports are published on this page in English and Welsh.",
        footer="Bro Elwyn Regional Safeguarding Board – Business Unit, Glynteg Civic Offices",
        nav=["Home", "Cymraeg", "About the Board", "Professionals", "Practice Reviews", "Contact us"],
    ),
    "strathellen_cpc": dict(
        name="Strathellen Child Protection Committee", site="https://www.strathellen-cpc.example", media="/downloads/file/",
        title="Learning Reviews and Significant Case Reviews",
        intro="Strathellen Child Protection Committee publishes the reports of Learning Reviews (and, before 2021, Significant Case Reviews) that it has commissioned, in line with the national guidance for child protection committees undertaking learning reviews. A summary is published where a full report would identify the child or family.",
        footer="Strathellen Child Protection Committee – Independent Chair: Moira Dalgleish",
        nav=["Home", "Worried about a child?", "Professionals", "Learning and development", "Publications", "Contact"],
    ),
}


def write_listings():
    mods = load_modules()
    by_board = {}
    for m in mods:
        if m.BOARD in LISTINGS:
            by_board.setdefault(m.BOARD, []).append(m.listing())
    for bid, entries in by_board.items():
        L = LISTINGS[bid]
        site = L["site"]
        out = ["<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">",
               "<title>%s | %s</title>" % (html.escape(L["title"]), html.escape(L["name"])),
               "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n<body>",
               "<div class=\"cookie-banner\" role=\"region\" aria-label=\"Cookie banner\"><p>We use cookies to make this site work and to collect information about how you use it. "
               "<a href=\"%s/cookies\">Find out more about cookies</a>.</p><button>Accept all cookies</button> <button>Reject non-essential cookies</button></div>" % site,
               "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>",
               "<header><a href=\"%s/\" class=\"logo\">%s</a>" % (site, html.escape(L["name"])),
               "<p class=\"accessibility\"><a href=\"#\">Toggle Contrast</a> | <a href=\"#\">Text size</a> | <a href=\"%s/search\">Search</a></p>" % site,
               "<nav><ul>" + "".join("<li><a href=\"%s/%s\">%s</a></li>" % (site, n.lower().replace(" ", "-").replace("?", ""), html.escape(n)) for n in L["nav"]) + "</ul></nav></header>",
               "<main id=\"main\">",
               "<p class=\"breadcrumb\"><a href=\"%s/\">Home</a> &gt; <a href=\"%s/professionals\">Professionals</a> &gt; %s</p>" % (site, site, html.escape(L["title"])),
               "<h1>%s</h1>" % html.escape(L["title"]), "<p>%s</p>" % html.escape(L["intro"])]
        for e in entries:
            out.append("<h2>%s</h2>" % html.escape(e["section"]))
            out.append("<div class=\"review\">")
            for line in e["lines"]:
                out.append(line.replace("{url}", site + L["media"]))
            out.append("</div>")
        out.append("<h2>Archive policy</h2><p>Reports are published for a minimum of 12 months. Older reports are available on request from the business unit.</p>")
        out.append("</main>")
        out.append("<footer><p>%s</p><p><a href=\"%s/accessibility\">Accessibility statement</a> | <a href=\"%s/privacy\">Privacy notice</a> | <a href=\"%s/cookies\">Cookies</a></p></footer>" % (
            html.escape(L["footer"]), site, site, site))
        out.append("</body>\n</html>\n")
        with open(os.path.join(BOARDS_DIR, bid, "index.html"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(out))


def main():
    args = sys.argv[1:]
    only = set(args) if args else None
    if only:
        unknown = only - set(slugs())
        if unknown:
            raise SystemExit("no layout document %s" % " ".join(sorted(unknown)))
    build(only)
    import sitegen
    sitegen.write_readme(CORPUS, readme_order())


if __name__ == "__main__":
    main()
