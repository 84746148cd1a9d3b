# -*- coding: utf-8 -*-
"""Flat ODT writer for the documents of `layouts.py` (LibreOffice producer; stdlib only).

Richer than `fodt.py` (which the first 29 documents use and which is left unchanged): per
document fonts and heading typography, a cover without running header, portrait and landscape
master pages with their own headers and footers, tables with repeated header rows and merged
(row-spanning) cells, shaded boxes, two-column sections, hanging sub-points and footnotes.
"""
import re
from xml.sax.saxutils import escape as _esc

from layout_model import INLINE

NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.text"'
)


def esc(s):
    return _esc(s, {'"': "&quot;"})


class _Fn:
    n = 0


def inline(s, fn):
    out = []
    for part in INLINE.split(s):
        if not part:
            continue
        if part.startswith("**") and part.endswith("**"):
            out.append('<text:span text:style-name="B">%s</text:span>' % inline(part[2:-2], fn))
        elif part.startswith("__") and part.endswith("__"):
            out.append('<text:span text:style-name="I">%s</text:span>' % inline(part[2:-2], fn))
        elif part.startswith("[[fn:"):
            fn.n += 1
            out.append('<text:note text:id="ftn%d" text:note-class="footnote"><text:note-citation>%d</text:note-citation>'
                       '<text:note-body><text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                       % (fn.n, fn.n, esc(part[5:-2])))
        else:
            out.append(esc(part).replace("\t", "<text:tab/>"))
    return "".join(out)


def _fields(s):
    s = esc(s)
    s = s.replace("{page}", '<text:page-number text:select-page="current">1</text:page-number>')
    s = s.replace("{pages}", "<text:page-count>1</text:page-count>")
    return s.replace("{tab}", "<text:tab/>")


def _hf(template, style_name):
    if not template:
        return ""
    return "".join('<text:p text:style-name="%s">%s</text:p>' % (style_name, _fields(line)) for line in template.split("\n"))


def _tp(d):
    """text-properties attributes from a dict."""
    a = []
    if d.get("font"):
        a.append('style:font-name="%s"' % d["font"])
    if d.get("size"):
        a.append('fo:font-size="%s"' % d["size"])
    if d.get("colour"):
        a.append('fo:color="%s"' % d["colour"])
    if d.get("bold", False):
        a.append('fo:font-weight="bold"')
    if d.get("italic"):
        a.append('fo:font-style="italic"')
    if d.get("upper"):
        a.append('fo:text-transform="uppercase"')
    if d.get("underline"):
        a.append('style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"')
    return " ".join(a)


def _pp(d, default_align="start"):
    a = ['fo:text-align="%s"' % d.get("align", default_align)]
    if "before" in d:
        a.append('fo:margin-top="%s"' % d["before"])
    if "after" in d:
        a.append('fo:margin-bottom="%s"' % d["after"])
    if d.get("bg"):
        a.append('fo:background-color="%s" fo:padding="0.12cm"' % d["bg"])
    if d.get("rule"):
        a.append('fo:border-bottom="0.75pt solid %s" fo:padding-bottom="0.08cm"' % d["rule"])
    if d.get("left"):
        a.append('fo:margin-left="%s"' % d["left"])
    return " ".join(a)


def render(doc, toc_pages=None):
    st = doc.style
    fn = _Fn()
    font = st.get("font", "Liberation Sans")
    fonts = {font}
    body = []
    auto = []
    tcount = [0]
    pw = st.get("page_w", 21.0)
    ph = st.get("page_h", 29.7)
    ml, mr = st.get("margin_lr", (2.3, 2.3))
    tw_portrait = pw - ml - mr
    tw_land = ph - ml - mr
    landscape = [False]
    cover_n = [0]
    toc_pages = toc_pages or {}

    hstyles = st.get("headings", {})
    for lvl in (1, 2, 3):
        hs = hstyles.get(lvl, {})
        if hs.get("font"):
            fonts.add(hs["font"])
    for cs in st.get("cover_styles", {}).values():
        if cs.get("font"):
            fonts.add(cs["font"])

    def P(text, sname):
        body.append('<text:p text:style-name="%s">%s</text:p>' % (sname, inline(text, fn)))

    def cell_paras(text, sname):
        out = []
        for line in str(text).split("\n"):
            if line.startswith("• "):
                out.append('<text:p text:style-name="%sBullet">%s</text:p>' % (sname, inline("•\t" + line[2:], fn)))
            else:
                out.append('<text:p text:style-name="%s">%s</text:p>' % (sname, inline(line, fn)))
        return "".join(out)

    for b in doc.blocks:
        kind = b[0]
        if kind == "cover":
            for key, text in b[1]:
                cover_n[0] += 1
                sname = "Cover_%s" % key
                if cover_n[0] == 1:
                    sname += "_first"
                P(text, sname)
        elif kind == "toc":
            body.append('<text:p text:style-name="TocTitle">%s</text:p>' % esc(b[1]))
            for lvl, label in doc.toc:
                if lvl > b[2]:
                    continue
                body.append('<text:p text:style-name="Toc%d">%s<text:tab/>%s</text:p>' % (lvl, esc(label), esc(str(toc_pages.get(label, "00")))))
        elif kind == "h":
            lvl, text, o = b[1], b[2], b[3]
            sname = "H%d" % lvl + ("_break" if o.get("pagebreak") else "")
            if o.get("cls"):
                sname = o["cls"]
            body.append('<text:h text:style-name="%s" text:outline-level="%d">%s</text:h>' % (sname, lvl, inline(text, fn)))
        elif kind == "p":
            o = b[2]
            P(b[1], o.get("cls") or "Body")
        elif kind == "np":
            o = b[3]
            body.append('<text:p text:style-name="%s">%s<text:tab/>%s</text:p>' % (o.get("cls") or "NumPara", esc(b[1]), inline(b[2], fn)))
        elif kind == "hang":
            o = b[3]
            body.append('<text:p text:style-name="Hang%d">%s<text:tab/>%s</text:p>' % (o.get("indent", 1), esc(b[1]), inline(b[2], fn)))
        elif kind == "bullets":
            o = b[2]
            lst = "LBullet"
            body.append('<text:list text:style-name="%s">' % lst)
            for it in b[1]:
                body.append('<text:list-item><text:p text:style-name="%s">%s</text:p></text:list-item>' % (o.get("cls") or "ListPara", inline(it, fn)))
            body.append("</text:list>")
        elif kind == "box":
            inner, o = b[1], b[2]
            tcount[0] += 1
            tn = "Box%d" % tcount[0]
            w = tw_land if landscape[0] else tw_portrait
            auto.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.3cm"/></style:style>' % (tn, w))
            auto.append('<style:style style:name="%s.C" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (tn, w))
            body.append('<table:table table:name="%s" table:style-name="%s"><table:table-column table:style-name="%s.C"/><table:table-row><table:table-cell table:style-name="%s" office:value-type="string">' % (tn, tn, tn, o.get("cls") or "BoxCell"))
            for ib in inner:
                if ib[0] == "p":
                    P(ib[1], "BoxText")
                elif ib[0] == "h":
                    P(ib[1], "BoxHead")
                elif ib[0] == "bullets":
                    body.append('<text:list text:style-name="LBullet">')
                    for it in ib[1]:
                        body.append('<text:list-item><text:p text:style-name="BoxText">%s</text:p></text:list-item>' % inline(it, fn))
                    body.append("</text:list>")
                elif ib[0] == "hang":
                    body.append('<text:p text:style-name="BoxHang">%s<text:tab/>%s</text:p>' % (esc(ib[1]), inline(ib[2], fn)))
            body.append("</table:table-cell></table:table-row></table:table>")
        elif kind == "table":
            t = b[1]
            tcount[0] += 1
            tn = "Tbl%d" % tcount[0]
            w = tw_land if landscape[0] else tw_portrait
            total = float(sum(t["widths"]))
            auto.append('<style:style style:name="%s" style:family="table"><style:table-properties style:width="%.2fcm" table:align="margins" fo:margin-top="0.15cm" fo:margin-bottom="0.3cm" style:may-break-between-rows="true"/></style:style>' % (tn, w))
            body.append('<table:table table:name="%s" table:style-name="%s">' % (tn, tn))
            for i, cw in enumerate(t["widths"]):
                auto.append('<style:style style:name="%s.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (tn, i, cw * w / total))
                body.append('<table:table-column table:style-name="%s.C%d"/>' % (tn, i))
            tsuf = "Small" if t.get("small") else ""
            if t["headers"]:
                if t.get("repeat", True):
                    body.append("<table:table-header-rows>")
                body.append("<table:table-row>")
                for h in t["headers"]:
                    body.append('<table:table-cell table:style-name="%s" office:value-type="string">%s</table:table-cell>' % (t.get("cls") or "TH", cell_paras(h, "TableHead" + tsuf)))
                body.append("</table:table-row>")
                if t.get("repeat", True):
                    body.append("</table:table-header-rows>")
            pending = {}  # column -> rows still covered
            for row in t["rows"]:
                body.append("<table:table-row>")
                ci = 0
                cells = list(row)
                col = 0
                out_cells = []
                while col < len(t["widths"]):
                    if pending.get(col, 0) > 0:
                        pending[col] -= 1
                        out_cells.append("<table:covered-table-cell/>")
                        col += 1
                        continue
                    c = cells[ci] if ci < len(cells) else ""
                    ci += 1
                    attrs = ""
                    sname = "TD"
                    if isinstance(c, dict):
                        if c.get("rowspan", 1) > 1:
                            attrs = ' table:number-rows-spanned="%d"' % c["rowspan"]
                            pending[col] = c["rowspan"] - 1
                        if c.get("shade"):
                            sname = "TDshade"
                        txt = c["text"]
                    else:
                        txt = c
                    out_cells.append('<table:table-cell table:style-name="%s" office:value-type="string"%s>%s</table:table-cell>' % (sname, attrs, cell_paras(txt, "TableText" + tsuf)))
                    col += 1
                body.append("".join(out_cells))
                body.append("</table:table-row>")
            body.append("</table:table>")
        elif kind == "pagebreak":
            body.append('<text:p text:style-name="PageBreak"/>')
        elif kind == "spacer":
            sn = "Sp%d" % len(auto)
            auto.append('<style:style style:name="%s" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="%.2fcm" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="2pt"/></style:style>' % (sn, b[1]))
            body.append('<text:p text:style-name="%s"/>' % sn)
        elif kind == "twocol_start":
            body.append('<text:section text:style-name="Sect2" text:name="TwoCol%d">' % len(body))
        elif kind == "twocol_end":
            body.append("</text:section>")
        elif kind == "colbreak":
            body.append('<text:p text:style-name="ColBreak"/>')
        elif kind == "landscape_start":
            landscape[0] = True
            body.append('<text:p text:style-name="ToLandscape"/>')
        elif kind == "landscape_end":
            landscape[0] = False
            body.append('<text:p text:style-name="ToPortrait"/>')
        elif kind == "raw":
            pass
        else:
            raise ValueError(kind)

    # ------------------------------------------------------------------ styles
    size = st.get("size", "11pt")
    line = st.get("line_height", "115%")
    align = st.get("align", "start")
    accent = st.get("accent", "#1f3864")
    tcol = st.get("text_colour", "#000000")
    th = st.get("table", {})
    box = st.get("box", {})
    hsty = []
    for lvl in (1, 2, 3):
        hs = dict({1: dict(size="15pt", bold=True, colour=accent, before="0.6cm", after="0.25cm"),
                   2: dict(size="12.5pt", bold=True, colour=accent, before="0.45cm", after="0.2cm"),
                   3: dict(size="11pt", bold=True, italic=True, before="0.35cm", after="0.15cm")}[lvl])
        hs.update(hstyles.get(lvl, {}))
        hsty.append('<style:style style:name="H%d" style:display-name="Heading %d" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="%d"><style:paragraph-properties fo:keep-with-next="always" %s/><style:text-properties %s/></style:style>'
                    % (lvl, lvl, lvl, _pp(hs), _tp(hs)))
        hsty.append('<style:style style:name="H%d_break" style:family="paragraph" style:parent-style-name="H%d"><style:paragraph-properties fo:break-before="page"/></style:style>' % (lvl, lvl))
    for name, hs in st.get("extra_para_styles", {}).items():
        hsty.append('<style:style style:name="%s" style:family="paragraph" style:parent-style-name="%s"><style:paragraph-properties %s/><style:text-properties %s/></style:style>'
                    % (name, hs.get("parent", "Body"), _pp(hs, align), _tp(hs)))
    cover = []
    for key, cs in st.get("cover_styles", {}).items():
        cover.append('<style:style style:name="Cover_%s" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties %s/><style:text-properties %s/></style:style>'
                     % (key, _pp(dict(dict(after="0.25cm"), **cs), "center"), _tp(cs)))
        cover.append('<style:style style:name="Cover_%s_first" style:family="paragraph" style:parent-style-name="Cover_%s" style:master-page-name="First"/>' % (key, key))
    for f in st.get("fonts", []):
        fonts.add(f)
    fdecl = "".join('<style:font-face style:name="%s" svg:font-family="&apos;%s&apos;" style:font-pitch="variable"/>' % (f, f) for f in sorted(fonts))

    hdr = st.get("header", "")
    ftr = st.get("footer", "")
    hdr_l = st.get("header_landscape", hdr)
    ftr_l = st.get("footer_landscape", ftr)
    mt, mb = st.get("margin_tb", (1.4, 1.3))
    hb = ('fo:border-bottom="0.5pt solid %s" fo:padding-bottom="0.1cm"' % accent) if st.get("header_rule", True) else ""
    fb = ('fo:border-top="0.5pt solid %s" fo:padding-top="0.1cm"' % accent) if st.get("footer_rule", False) else ""
    hsize = st.get("hf_size", "8.5pt")
    col_gap = st.get("col_gap", "0.8cm")
    numw = st.get("num_indent", "1.2cm")

    def hf_styles(suffix, w):
        return (
            '<style:style style:name="Header%s" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="%s" %s><style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="center"/><style:tab-stop style:position="%.2fcm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="%s" fo:color="%s"/></style:style>'
            % (suffix, st.get("header_align", "start"), hb, w / 2, w, hsize, st.get("hf_colour", "#444444"))
            + '<style:style style:name="Footer%s" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="%s" %s><style:tab-stops><style:tab-stop style:position="%.2fcm" style:type="center"/><style:tab-stop style:position="%.2fcm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="%s" fo:color="%s"/></style:style>'
            % (suffix, st.get("footer_align", "start"), fb, w / 2, w, hsize, st.get("hf_colour", "#444444")))

    xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS}>
<office:meta><dc:title>{esc(doc.meta["title"])}</dc:title><meta:initial-creator>{esc(doc.author)}</meta:initial-creator><dc:creator>{esc(doc.author)}</dc:creator><dc:subject>{esc(doc.meta.get("subject", ""))}</dc:subject><meta:creation-date>{doc.meta["published"]}T09:00:00</meta:creation-date><dc:language>en-GB</dc:language></office:meta>
<office:font-face-decls>{fdecl}</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:tab-stop-distance="1.25cm"/><style:text-properties style:font-name="{font}" fo:font-size="{size}" fo:color="{tcol}" fo:language="en" fo:country="GB" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="{st.get('para_after', '0.25cm')}" fo:line-height="{line}" fo:text-align="{align}" fo:orphans="2" fo:widows="2"/></style:style>
<style:style style:name="NumPara" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="{numw}" fo:text-indent="-{numw}"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Cont" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="{numw}"/></style:style>
<style:style style:name="Hang1" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="{st.get('hang1', '1.9cm')}" fo:text-indent="-0.8cm" fo:margin-bottom="0.12cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Hang2" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="2.7cm" fo:text-indent="-0.8cm" fo:margin-bottom="0.12cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Hang0" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="0.9cm" fo:text-indent="-0.9cm" fo:margin-bottom="0.12cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-bottom="0.12cm"/></style:style>
<style:style style:name="Quote" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-left="1.2cm" fo:margin-right="1cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Small" style:family="paragraph" style:parent-style-name="Body"><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Centre" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="Lead" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-top="0.15cm" fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:color="{accent}"/></style:style>
{"".join(hsty)}
{hf_styles("", tw_portrait)}
{hf_styles("L", tw_land)}
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"/><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="TableText" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.06cm"/><style:text-properties fo:font-size="{th.get('size', '9.5pt')}"/></style:style>
<style:style style:name="TableTextBullet" style:family="paragraph" style:parent-style-name="TableText"><style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="TableHead" style:family="paragraph" style:parent-style-name="TableText"><style:text-properties fo:font-weight="bold" fo:color="{th.get('colour', '#000000')}"/></style:style>
<style:style style:name="TableTextSmall" style:family="paragraph" style:parent-style-name="TableText"><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="TableTextSmallBullet" style:family="paragraph" style:parent-style-name="TableTextSmall"><style:paragraph-properties fo:margin-left="0.4cm" fo:text-indent="-0.4cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="TableHeadSmall" style:family="paragraph" style:parent-style-name="TableHead"><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="BoxText" style:family="paragraph" style:parent-style-name="Body"><style:paragraph-properties fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="BoxHead" style:family="paragraph" style:parent-style-name="BoxText"><style:paragraph-properties fo:keep-with-next="always"/><style:text-properties fo:font-weight="bold" fo:color="{box.get('head_colour', accent)}" fo:font-size="{box.get('head_size', size)}"/></style:style>
<style:style style:name="BoxHang" style:family="paragraph" style:parent-style-name="BoxText"><style:paragraph-properties fo:margin-left="0.9cm" fo:text-indent="-0.9cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="TocTitle" style:family="paragraph" style:parent-style-name="H1"/>
<style:style style:name="Toc1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.16cm"><style:tab-stops><style:tab-stop style:position="{tw_portrait:.2f}cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="Toc2" style:family="paragraph" style:parent-style-name="Toc1"><style:paragraph-properties fo:margin-left="0.6cm"/><style:text-properties fo:font-size="95%"/></style:style>
<style:style style:name="Toc3" style:family="paragraph" style:parent-style-name="Toc2"><style:paragraph-properties fo:margin-left="1.2cm"/></style:style>
{"".join(cover)}
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pmP"><style:page-layout-properties fo:page-width="{pw}cm" fo:page-height="{ph}cm" style:print-orientation="portrait" fo:margin-top="{mt}cm" fo:margin-bottom="{mb}cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm"><style:footnote-sep style:width="0.018cm" style:distance-before-sep="0.1cm" style:distance-after-sep="0.1cm" style:line-style="solid" style:adjustment="left" style:rel-width="25%" style:color="#000000"/></style:page-layout-properties><style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.5cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pmL"><style:page-layout-properties fo:page-width="{ph}cm" fo:page-height="{pw}cm" style:print-orientation="landscape" fo:margin-top="{mt}cm" fo:margin-bottom="{mb}cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm"/><style:header-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-bottom="0.5cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.5cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pmF"><style:page-layout-properties fo:page-width="{pw}cm" fo:page-height="{ph}cm" fo:margin-top="{st.get('cover_margin_top', 2.5)}cm" fo:margin-bottom="2cm" fo:margin-left="{ml}cm" fo:margin-right="{mr}cm" {('fo:background-color="%s"' % st["cover_bg"]) if st.get("cover_bg") else ""}/></style:page-layout>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="I" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page" fo:margin-bottom="0cm"/><style:text-properties fo:font-size="2pt"/></style:style>
<style:style style:name="ColBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="column"/><style:text-properties fo:font-size="2pt"/></style:style>
<style:style style:name="ToLandscape" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Landscape"><style:text-properties fo:font-size="2pt"/></style:style>
<style:style style:name="ToPortrait" style:family="paragraph" style:parent-style-name="Standard" style:master-page-name="Standard"><style:text-properties fo:font-size="2pt"/></style:style>
<style:style style:name="TH" style:family="table-cell"><style:table-cell-properties fo:background-color="{th.get('bg', '#d9e2f3')}" fo:padding="0.1cm" fo:border="0.5pt solid {th.get('border', '#808080')}"/></style:style>
<style:style style:name="TD" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid {th.get('border', '#808080')}"/></style:style>
<style:style style:name="TDshade" style:family="table-cell"><style:table-cell-properties fo:background-color="{th.get('shade', '#f2f2f2')}" fo:padding="0.1cm" fo:border="0.5pt solid {th.get('border', '#808080')}"/></style:style>
<style:style style:name="BoxCell" style:family="table-cell"><style:table-cell-properties fo:background-color="{box.get('bg', '#eef3f8')}" fo:padding="0.25cm" fo:border="{box.get('border', '0.75pt solid ' + accent)}"/></style:style>
<style:style style:name="BoxCell2" style:family="table-cell"><style:table-cell-properties fo:background-color="{box.get('bg2', '#fdf6e3')}" fo:padding="0.25cm" fo:border="{box.get('border2', '0.75pt solid #b58900')}"/></style:style>
<style:style style:name="Sect2" style:family="section"><style:section-properties text:dont-balance-text-columns="{str(st.get('dont_balance', False)).lower()}"><style:columns fo:column-count="2" fo:column-gap="{col_gap}">{'<style:column-sep style:width="0.5pt" style:color="#999999" style:height="100%" style:style="solid"/>' if st.get("col_rule", True) else ""}</style:columns></style:section-properties></style:style>
<text:list-style style:name="LBullet"><text:list-level-style-bullet text:level="1" text:bullet-char="{st.get('bullet', '•')}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="{st.get('bullet_indent', '1.0cm')}" fo:text-indent="-0.5cm" fo:margin-left="{st.get('bullet_indent', '1.0cm')}"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
{"".join(auto)}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pmP">
{("<style:header>%s</style:header>" % _hf(hdr, "Header")) if hdr else ""}
{("<style:footer>%s</style:footer>" % _hf(ftr, "Footer")) if ftr else ""}
</style:master-page>
<style:master-page style:name="Landscape" style:page-layout-name="pmL">
{("<style:header>%s</style:header>" % _hf(hdr_l, "HeaderL")) if hdr_l else ""}
{("<style:footer>%s</style:footer>" % _hf(ftr_l, "FooterL")) if ftr_l else ""}
</style:master-page>
<style:master-page style:name="First" style:page-layout-name="pmF" style:next-style-name="Standard"/>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
'''
    if "[[" in xml or "**" in xml:
        raise SystemExit("markup left in %s: %s" % (doc.slug, re.findall(r".{40}(?:\[\[|\*\*).{20}", xml)[:3]))
    return xml
