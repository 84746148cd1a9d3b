# -*- coding: utf-8 -*-
"""Document model for the hand-laid-out documents of `layouts.py` (all fictional).

A `Doc` is a list of blocks (rendered by `lo_writer.py` to Flat ODT for LibreOffice, or by
`html_writer.py` to HTML for headless Chromium) plus the gold items (findings and
recommendations). Gold text is recorded from the very strings that are put into the blocks:

    it = d.rec("3", agencies=["police"], strength="must", group="Police")
    d.p(it.t("Police should ensure that ..."))     # the string goes to the page AND to gold

Inline markup in block text: **bold**, __italic__, [[fn:footnote text]]; `strip()` removes it
(footnote text included) for the gold `text`.
"""
import re
import unicodedata

INLINE = re.compile(r"(\*\*.+?\*\*|__.+?__|\[\[fn:.+?\]\])", re.S)


def strip(s):
    """Text as it reads on the page, without markup and without footnote text."""
    s = re.sub(r"\[\[fn:.*?\]\]", "", s, flags=re.S)
    s = s.replace("**", "").replace("__", "")
    return re.sub(r"\s+", " ", s).strip()


def footnotes_of(s):
    return re.findall(r"\[\[fn:(.*?)\]\]", s, flags=re.S)


class Item:
    def __init__(self, kind, number, group=None, agencies=None, strength=None, note=None):
        self.kind = kind            # "finding" | "recommendation"
        self.number = number
        self.group = group
        self.agencies = list(agencies or [])
        self.strength = strength
        self.parts = []
        self.page = None
        self.note = note
        self.siblings = []          # other cells of the item's table row (pdftotext may interleave their lines)

    def t(self, s):
        """Record a piece of the item's printed text and return it unchanged."""
        self.parts.append(strip(s))
        return s

    @property
    def text(self):
        return " ".join(p for p in self.parts if p)

    def starts(self, n=8):
        return " ".join(self.text.split()[:n])


HEALTH_CHILD = {"gp", "health_visiting", "midwifery", "hospital", "icb", "school_nursing", "ambulance"}


class Doc:
    def __init__(self, slug, board_id, producer, meta, style, themes, risks, optional=(), sidecar=False, author=""):
        self.slug = slug
        self.board_id = board_id
        self.producer = producer      # "lo" or "chromium"
        self.meta = meta              # title, type, board, published, subject, age_band, outcome
        self.style = style
        self.themes = sorted(themes)
        self.risks = sorted(risks)
        self.optional = sorted(optional)
        self.sidecar = sidecar
        self.author = author
        self.blocks = []
        self.items = []
        self.toc = []                 # (level, label)
        self.noise = []               # extra strings the text check may skip (e.g. repeated table header rows)
        self.expect = []              # (description, predicate(pages) -> bool), asserted on the final PDF

    # ---------------------------------------------------------------- blocks
    def add(self, *blk):
        self.blocks.append(blk)

    def cover(self, lines):
        self.add("cover", lines)

    def contents(self, title="Contents", levels=1):
        self.add("toc", title, levels)

    def h(self, level, text, toc=True, pagebreak=False, cls=None):
        self.add("h", level, text, dict(pagebreak=pagebreak, cls=cls))
        if toc:
            self.toc.append((level, strip(text)))
        return text

    def p(self, text, cls=None, **kw):
        self.add("p", text, dict(cls=cls, **kw))

    def np(self, num, text, cls=None):
        """Numbered paragraph with a hanging number ("4.2", "12.")."""
        self.add("np", num, text, dict(cls=cls))

    def hang(self, marker, text, indent=1):
        """A sub-point with a literal marker, e.g. "(a)", hanging at one or two indents."""
        self.add("hang", marker, text, dict(indent=indent))

    def bullets(self, items, cls=None):
        self.add("bullets", list(items), dict(cls=cls))

    def box(self, blocks, cls=None):
        """A shaded box holding paragraphs: blocks are ("p", text) / ("bullets", [..]) / ("h", text)."""
        self.add("box", list(blocks), dict(cls=cls))

    def table(self, headers, rows, widths, cls=None, repeat=True, small=False, header_noise=True):
        """rows: lists of cells; a cell is a string (lines separated by \n) or a dict(text=..., rowspan=n)."""
        self.add("table", dict(headers=headers, rows=rows, widths=widths, cls=cls, repeat=repeat, small=small))
        if header_noise and headers:
            self.noise.append(" ".join(strip(h) for h in headers))

    def pagebreak(self):
        self.add("pagebreak")

    def spacer(self, cm):
        self.add("spacer", cm)

    def twocol(self, on=True):
        self.add("twocol_start" if on else "twocol_end")

    def colbreak(self):
        self.add("colbreak")

    def landscape(self, on=True):
        self.add("landscape_start" if on else "landscape_end")

    def raw(self, html):
        """Producer-specific raw markup (HTML documents only)."""
        self.add("raw", html)

    # ---------------------------------------------------------------- gold items
    def finding(self, number, group=None):
        it = Item("finding", number, group=group)
        self.items.append(it)
        return it

    def rec(self, number, agencies, strength=None, group=None):
        ags = []
        for a in agencies:
            ags.append(a)
            if a in HEALTH_CHILD and "health" not in agencies and "health" not in ags:
                ags.append("health")
        it = Item("recommendation", number, group=group, agencies=ags, strength=strength)
        self.items.append(it)
        return it

    def all_text(self):
        """Every string put into blocks (for footnote texts and checks)."""
        out = []

        def walk(x):
            if isinstance(x, str):
                out.append(x)
            elif isinstance(x, dict):
                for v in x.values():
                    walk(v)
            elif isinstance(x, (list, tuple)):
                for v in x:
                    walk(v)
        walk(self.blocks)
        return out


# -------------------------------------------------------------------- text matching against pdftotext
QUOTES = {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00ad": ""}


def words(s):
    s = unicodedata.normalize("NFKC", s)
    for a, b in QUOTES.items():
        s = s.replace(a, b)
    return re.findall(r"[0-9A-Za-zÀ-ÿŵŷŴŶ]+", s.lower())


class PageWords:
    """The words of a PDF's pdftotext output, each with its 1-based page."""

    def __init__(self, pages):
        self.w = []
        self.pg = []
        for i, p in enumerate(pages, 1):
            ws = words(p)
            self.w += ws
            self.pg += [i] * len(ws)


def match_at(pw, i, gold, noise, fn_numbers, siblings=()):
    """Match gold words at pw position i, skipping noise phrases, stray numbers (page numbers,
    footnote markers), line-end hyphenation and the words of sibling table cells (pdftotext
    interleaves the lines of cells that sit side by side). Returns the end position or None."""
    w = pw.w
    sib = {}
    for s in siblings:
        for x in words(s):
            sib[x] = sib.get(x, 0) + 1
    j = 0
    n = len(w)
    while j < len(gold):
        if i >= n:
            return None
        if w[i] == gold[j]:
            i += 1
            j += 1
            continue
        # footnote marker glued to the word: "assessment3"
        m = re.fullmatch(r"([a-zà-ÿ]+)(\d{1,2})", w[i])
        if m and m.group(1) == gold[j] and int(m.group(2)) in fn_numbers:
            i += 1
            j += 1
            continue
        # a word split by hyphenation at a line end: "assess-" "ment"
        if i + 1 < n and w[i] + w[i + 1] == gold[j]:
            i += 2
            j += 1
            continue
        # a hyphenated compound broken at a line end, which pdftotext joins: "long-term" -> "longterm"
        if j + 1 < len(gold) and w[i] == gold[j] + gold[j + 1]:
            i += 1
            j += 2
            continue
        skipped = False
        for ph in noise:
            k = len(ph)
            if k and w[i:i + k] == ph:
                i += k
                skipped = True
                break
        if skipped:
            continue
        if w[i].isdigit():
            i += 1
            continue
        if sib.get(w[i], 0) > 0:
            sib[w[i]] -= 1
            i += 1
            continue
        return None
    return i


def locate(pw, text, start, noise, fn_numbers, siblings=()):
    gold = words(text)
    if not gold:
        raise ValueError("empty item text")
    for i in range(start, len(pw.w)):
        if pw.w[i] != gold[0]:
            continue
        end = match_at(pw, i, gold, noise, fn_numbers, siblings)
        if end is not None:
            return i, end
    return None


def noise_phrases(doc, extra=()):
    """Header/footer fragments, footnote texts and repeated table headers as word lists."""
    out = []
    st = doc.style
    for key in ("header", "footer", "header_landscape", "footer_landscape", "header_first", "footer_first"):
        tpl = st.get(key)
        if not tpl:
            continue
        for frag in re.split(r"\{tab\}|\{page\}|\{pages\}|\n", tpl):
            ws = words(frag)
            if ws:
                out.append(ws)
    for s in doc.all_text():
        for f in footnotes_of(s):
            out.append(words(f))
    for s in list(doc.noise) + list(extra):
        ws = words(s)
        if ws:
            out.append(ws)
    # longest first, so that a long phrase wins over its prefix
    out.sort(key=len, reverse=True)
    return out
