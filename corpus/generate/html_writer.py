# -*- coding: utf-8 -*-
"""HTML writer for the documents of `layouts.py` that are printed to PDF by headless Chromium.

Running headers and footers are CSS @page margin boxes (page counters included); landscape
pages are a named page; tables repeat their <thead> on every page; two-column passages use CSS
columns. Each document brings its own CSS in `style["css"]`.
"""
import html
import re

from layout_model import INLINE


def esc(s):
    return html.escape(s, quote=False)


def inline(s):
    out = []
    for part in INLINE.split(s):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            out.append("<strong>%s</strong>" % inline(part[2:-2]))
        elif part.startswith("__") and part.endswith("__"):
            out.append("<em>%s</em>" % inline(part[2:-2]))
        elif part.startswith("[[fn:"):
            raise ValueError("footnotes are not supported in HTML documents")
        else:
            out.append(esc(part))
    return "".join(out)


BASE_CSS = """
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
p { margin: 0 0 0.55em 0; }
.cover { break-after: page; }
.pb { break-after: page; height: 0; }
.np { display: flex; }
.np .num { flex: 0 0 3.2em; }
.np .tx { flex: 1 1 auto; }
.hang { display: flex; margin-left: 2.2em; margin-bottom: 0.3em; }
.hang .mk { flex: 0 0 2.2em; }
.hang .tx { flex: 1 1 auto; }
.hang2 { margin-left: 4.4em; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 0.9em 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { vertical-align: top; text-align: left; padding: 4px 6px; }
td p, th p { margin: 0 0 0.25em 0; }
td ul { margin: 0; padding-left: 1.1em; }
.toc-entry { display: flex; margin: 0 0 0.35em 0; }
.toc-entry .lab { flex: 0 1 auto; }
.toc-entry .dots { flex: 1 1 auto; border-bottom: 1px dotted #777; margin: 0 0.3em 0.3em 0.3em; }
.toc-entry .pg { flex: 0 0 auto; }
.toc-entry.lvl2 { margin-left: 1.5em; }
.twocol { column-count: 2; column-gap: 8mm; }
.landscape { page: landscape; }
h1, h2, h3, h4 { break-after: avoid; }
"""


def cell_html(text):
    lines = str(text).split("\n")
    out = []
    bl = []
    for ln in lines:
        if ln.startswith("• "):
            bl.append("<li>%s</li>" % inline(ln[2:]))
            continue
        if bl:
            out.append("<ul>%s</ul>" % "".join(bl))
            bl = []
        out.append("<p>%s</p>" % inline(ln))
    if bl:
        out.append("<ul>%s</ul>" % "".join(bl))
    return "".join(out)


def render(doc, toc_pages=None):
    st = doc.style
    toc_pages = toc_pages or {}
    body = []
    for b in doc.blocks:
        kind = b[0]
        if kind == "cover":
            body.append('<section class="cover">')
            for key, text in b[1]:
                if key == "raw":
                    body.append(text)
                else:
                    body.append('<p class="c-%s">%s</p>' % (key, inline(text)))
            body.append("</section>")
        elif kind == "toc":
            body.append('<nav class="toc"><h2 class="toc-title">%s</h2>' % esc(b[1]))
            for lvl, label in doc.toc:
                if lvl > b[2]:
                    continue
                body.append('<p class="toc-entry lvl%d"><span class="lab">%s</span><span class="dots"></span><span class="pg">%s</span></p>'
                            % (lvl, esc(label), esc(str(toc_pages.get(label, "00")))))
            body.append("</nav>")
        elif kind == "h":
            lvl, text, o = b[1], b[2], b[3]
            cls = [o["cls"]] if o.get("cls") else []
            if o.get("pagebreak"):
                cls.append("newpage")
            body.append('<h%d%s>%s</h%d>' % (lvl, (' class="%s"' % " ".join(cls)) if cls else "", inline(text), lvl))
        elif kind == "p":
            o = b[2]
            body.append('<p%s>%s</p>' % ((' class="%s"' % o["cls"]) if o.get("cls") else "", inline(b[1])))
        elif kind == "np":
            o = b[3]
            body.append('<p class="np%s"><span class="num">%s</span><span class="tx">%s</span></p>' % ((" " + o["cls"]) if o.get("cls") else "", esc(b[1]), inline(b[2])))
        elif kind == "hang":
            o = b[3]
            body.append('<p class="hang%s"><span class="mk">%s</span><span class="tx">%s</span></p>' % (" hang2" if o.get("indent") == 2 else "", esc(b[1]), inline(b[2])))
        elif kind == "bullets":
            o = b[2]
            body.append('<ul%s>%s</ul>' % ((' class="%s"' % o["cls"]) if o.get("cls") else "", "".join("<li>%s</li>" % inline(x) for x in b[1])))
        elif kind == "box":
            inner, o = b[1], b[2]
            body.append('<div class="box%s">' % ((" " + o["cls"]) if o.get("cls") else ""))
            for ib in inner:
                if ib[0] == "p":
                    body.append("<p>%s</p>" % inline(ib[1]))
                elif ib[0] == "h":
                    body.append('<p class="box-head">%s</p>' % inline(ib[1]))
                elif ib[0] == "bullets":
                    body.append("<ul>%s</ul>" % "".join("<li>%s</li>" % inline(x) for x in ib[1]))
                elif ib[0] == "hang":
                    body.append('<p class="hang"><span class="mk">%s</span><span class="tx">%s</span></p>' % (esc(ib[1]), inline(ib[2])))
                elif ib[0] == "raw":
                    body.append(ib[1])
            body.append("</div>")
        elif kind == "table":
            t = b[1]
            total = float(sum(t["widths"]))
            out = ['<table%s>' % ((' class="%s"' % t["cls"]) if t.get("cls") else "")]
            out.append("<colgroup>%s</colgroup>" % "".join('<col style="width:%.1f%%">' % (100 * w / total) for w in t["widths"]))
            if t["headers"]:
                out.append("<thead><tr>%s</tr></thead>" % "".join("<th>%s</th>" % cell_html(h) for h in t["headers"]))
            out.append("<tbody>")
            for row in t["rows"]:
                cells = []
                for c in row:
                    if isinstance(c, dict):
                        attrs = ""
                        if c.get("rowspan", 1) > 1:
                            attrs += ' rowspan="%d"' % c["rowspan"]
                        if c.get("cls"):
                            attrs += ' class="%s"' % c["cls"]
                        cells.append("<td%s>%s</td>" % (attrs, cell_html(c["text"])))
                    else:
                        cells.append("<td>%s</td>" % cell_html(c))
                out.append("<tr>%s</tr>" % "".join(cells))
            out.append("</tbody></table>")
            body.append("".join(out))
        elif kind == "pagebreak":
            body.append('<div class="pb"></div>')
        elif kind == "spacer":
            body.append('<div style="height:%.2fcm"></div>' % b[1])
        elif kind == "twocol_start":
            body.append('<div class="twocol">')
        elif kind == "twocol_end":
            body.append("</div>")
        elif kind == "landscape_start":
            body.append('<div class="landscape">')
        elif kind == "landscape_end":
            body.append("</div>")
        elif kind == "raw":
            body.append(b[1])
        elif kind == "colbreak":
            body.append('<div style="break-before: column"></div>')
        else:
            raise ValueError(kind)
    title = doc.meta["title"]
    out = ('<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>%s</title>\n'
           '<meta name="author" content="%s">\n<style>%s\n%s</style>\n</head>\n<body>\n%s\n</body>\n</html>\n'
           % (esc(title), html.escape(doc.author), BASE_CSS, st["css"], "\n".join(body)))
    if "[[" in out or "**" in out:
        raise SystemExit("markup left in %s: %s" % (doc.slug, re.findall(r".{40}(?:\[\[|\*\*).{20}", out)[:3]))
    return out
