# -*- coding: utf-8 -*-
"""Small helpers shared by the document modules."""
import re

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def long_date(iso, style=0):
    y, m, d = iso.split("-")
    n = int(d)
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    if style == 0:
        return "%d %s %s" % (n, MONTHS[int(m) - 1], y)
    if style == 1:
        return "%d%s %s %s" % (n, suf, MONTHS[int(m) - 1], y)
    return "%s %s" % (MONTHS[int(m) - 1], y)


class Num:
    """Section and paragraph numbers: 4, 4.1, 4.2 ..."""

    def __init__(self):
        self.s = 0
        self.n = 0

    def sec(self, title=None):
        self.s += 1
        self.n = 0
        return ("%d. %s" % (self.s, title)) if title is not None else str(self.s)

    def para(self):
        self.n += 1
        return "%d.%d" % (self.s, self.n)


def expect_table_repeats(header_words, min_pages=2):
    def pred(pdf):
        return len(pdf.pages_with(header_words)) >= min_pages
    return pred


def expect_spans(text_start, text_end):
    """An item whose start and end are on different (consecutive) pages."""
    def pred(pdf):
        a = pdf.page_of(text_start)
        b = pdf.page_of(text_end)
        return a is not None and b is not None and b == a + 1
    return pred


def first_words(s, n):
    s = re.sub(r"\[\[fn:.*?\]\]|\*\*|__", "", s)
    return " ".join(s.split()[:n])


def last_words(s, n):
    s = re.sub(r"\[\[fn:.*?\]\]|\*\*|__", "", s)
    return " ".join(s.split()[-n:])
