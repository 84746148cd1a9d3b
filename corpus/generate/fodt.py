"""Minimal Flat ODT (.fodt) writer for the Casebook sample corpus (stdlib only).

A document is built from a list of blocks; `render()` turns it into one XML file that
LibreOffice Writer converts to PDF with running headers/footers and page-number fields.
"""
import re
from xml.sax.saxutils import escape as _esc

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


_INLINE = re.compile(r"(\*\*.+?\*\*|__.+?__|\[\[fn:.+?\]\]|\t)")


class Footnotes:
    def __init__(self):
        self.n = 0


def inline(s, fn):
    """Escape text; support **bold**, __italic__, [[fn:footnote text]] and tabs."""
    out = []
    for part in _INLINE.split(s):
        if not part:
            continue
        if part == "\t":
            out.append("<text:tab/>")
        elif part.startswith("**") and part.endswith("**"):
            out.append('<text:span text:style-name="Bold">%s</text:span>' % esc(part[2:-2]))
        elif part.startswith("__") and part.endswith("__"):
            out.append('<text:span text:style-name="Ital">%s</text:span>' % esc(part[2:-2]))
        elif part.startswith("[[fn:"):
            fn.n += 1
            out.append(
                '<text:note text:id="ftn%d" text:note-class="footnote">'
                "<text:note-citation>%d</text:note-citation><text:note-body>"
                '<text:p text:style-name="Footnote">%s</text:p></text:note-body></text:note>'
                % (fn.n, fn.n, esc(part[5:-2]))
            )
        else:
            out.append(esc(part))
    return "".join(out)


def _field_text(s):
    """Header/footer text with {page} and {pages} fields."""
    s = esc(s)
    s = s.replace("{page}", '<text:page-number text:select-page="current">1</text:page-number>')
    s = s.replace("{pages}", "<text:page-count>1</text:page-count>")
    s = s.replace("{tab}", "<text:tab/>")
    return s


def render(doc, style):
    """doc: dict with title, author, header, footer, blocks.  style: layout dict."""
    fn = Footnotes()
    font = style.get("font", "Liberation Serif")
    hfont = style.get("heading_font", font)
    size = style.get("size", "11pt")
    hcol = style.get("heading_colour", "#000000")
    accent = style.get("accent", "#1f3864")
    line = style.get("line_height", "115%")
    tw = 16.0  # text width cm
    body = []
    tcount = [0]

    def para(text, st="Text_20_body"):
        body.append('<text:p text:style-name="%s">%s</text:p>' % (st, inline(text, fn)))

    for b in doc["blocks"]:
        kind = b[0]
        if kind == "title":
            # title page lines: list of (style, text)
            first = True
            for st, text in b[1]:
                stname = st
                if first:
                    stname = st + "_first"
                    first = False
                body.append('<text:p text:style-name="%s">%s</text:p>' % (stname, inline(text, fn)))
        elif kind == "pagebreak":
            body.append('<text:p text:style-name="PageBreak"/>')
        elif kind == "h1":
            st = "Heading_20_1_break" if (len(b) > 2 and b[2]) else "Heading_20_1"
            body.append('<text:h text:style-name="%s" text:outline-level="1">%s</text:h>' % (st, inline(b[1], fn)))
        elif kind == "h2":
            body.append('<text:h text:style-name="Heading_20_2" text:outline-level="2">%s</text:h>' % inline(b[1], fn))
        elif kind == "h3":
            body.append('<text:h text:style-name="Heading_20_3" text:outline-level="3">%s</text:h>' % inline(b[1], fn))
        elif kind == "p":
            para(b[1])
        elif kind == "np":  # numbered paragraph: (num, text)
            body.append('<text:p text:style-name="NumPara">%s<text:tab/>%s</text:p>' % (esc(b[1]), inline(b[2], fn)))
        elif kind == "quote":
            para(b[1], "Quote")
        elif kind == "boxed":
            para(b[1], "Boxed")
        elif kind == "toc":
            body.append('<text:p text:style-name="ContentsHeading">%s</text:p>' % esc(b[1]))
            for label, page in b[2]:
                body.append('<text:p text:style-name="Contents1">%s<text:tab/>%s</text:p>' % (inline(label, fn), esc(str(page))))
        elif kind == "bullets":
            body.append('<text:list text:style-name="LBullet">')
            for it in b[1]:
                body.append('<text:list-item><text:p text:style-name="ListPara">%s</text:p></text:list-item>' % inline(it, fn))
            body.append("</text:list>")
        elif kind == "numlist":
            body.append('<text:list text:style-name="LNumber">')
            for it in b[1]:
                body.append('<text:list-item><text:p text:style-name="ListPara">%s</text:p></text:list-item>' % inline(it, fn))
            body.append("</text:list>")
        elif kind == "table":
            _, headers, rows, widths = b[:4]
            tcount[0] += 1
            tn = "Table%d" % tcount[0]
            total = sum(widths)
            body.append('<table:table table:name="%s" table:style-name="Tbl">' % tn)
            for i, w in enumerate(widths):
                body.append('<table:table-column table:style-name="%s.C%d"/>' % (tn, i))
            body.append("<table:table-header-rows><table:table-row>")
            for h in headers:
                body.append('<table:table-cell table:style-name="TH" office:value-type="string"><text:p text:style-name="TableHead">%s</text:p></table:table-cell>' % inline(h, fn))
            body.append("</table:table-row></table:table-header-rows>")
            for r in rows:
                body.append("<table:table-row>")
                for c in r:
                    body.append('<table:table-cell table:style-name="TD" office:value-type="string">')
                    for line_ in str(c).split("\n"):
                        body.append('<text:p text:style-name="TableText">%s</text:p>' % inline(line_, fn))
                    body.append("</table:table-cell>")
                body.append("</table:table-row>")
            body.append("</table:table>")
            body.append('<text:p text:style-name="AfterTable"/>')
            doc.setdefault("_tables", []).append((tn, [w * tw / total for w in widths]))
        elif kind == "twocol_start":
            body.append('<text:section text:style-name="Sect2" text:name="TwoCol%d">' % len(body))
        elif kind == "twocol_end":
            body.append("</text:section>")
        elif kind == "colbreak":
            body.append('<text:p text:style-name="ColBreak"/>')
        else:
            raise ValueError(kind)

    # table column styles
    tstyles = []
    for tn, ws in doc.get("_tables", []):
        for i, w in enumerate(ws):
            tstyles.append('<style:style style:name="%s.C%d" style:family="table-column"><style:table-column-properties style:column-width="%.2fcm"/></style:style>' % (tn, i, w))

    hdr = style["header"]
    ftr = style["footer"]
    halign = style.get("header_align", "left")
    falign = style.get("footer_align", "center")
    header_border = style.get("header_border", True)
    align = style.get("align", "start")
    hb = ('fo:border-bottom="0.5pt solid %s" fo:padding-bottom="0.1cm"' % accent) if header_border else ""

    xml = f'''<?xml version="1.0" encoding="UTF-8"?>
<office:document {NS}>
<office:meta><dc:title>{esc(doc["title"])}</dc:title><meta:initial-creator>{esc(doc.get("author", ""))}</meta:initial-creator><dc:creator>{esc(doc.get("author", ""))}</dc:creator><dc:subject>{esc(doc.get("subject", ""))}</dc:subject><meta:creation-date>{doc.get("date", "2020-01-01")}T09:00:00</meta:creation-date><dc:language>en-GB</dc:language></office:meta>
<office:font-face-decls>
<style:font-face style:name="{font}" svg:font-family="&apos;{font}&apos;" style:font-pitch="variable"/>
<style:font-face style:name="{hfont}" svg:font-family="&apos;{hfont}&apos;" style:font-pitch="variable"/>
</office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties style:tab-stop-distance="1.25cm"/><style:text-properties style:font-name="{font}" fo:font-size="{size}" fo:language="en" fo:country="GB" fo:hyphenate="false"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0cm" fo:margin-bottom="0.25cm" fo:line-height="{line}" fo:text-align="{align}"/></style:style>
<style:style style:name="NumPara" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="1.3cm" fo:text-indent="-1.3cm"><style:tab-stops><style:tab-stop style:position="0cm"/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="ListPara" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-bottom="0.12cm"/></style:style>
<style:style style:name="Quote" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:margin-left="1.3cm" fo:margin-right="1cm"/><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Boxed" style:family="paragraph" style:parent-style-name="Text_20_body"><style:paragraph-properties fo:background-color="{style.get('box', '#e8eef7')}" fo:padding="0.25cm" fo:border="0.5pt solid {accent}" fo:margin-top="0.2cm" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.45cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/><style:text-properties style:font-name="{hfont}" fo:color="{hcol}" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="1"><style:paragraph-properties fo:margin-top="0.6cm"/><style:text-properties fo:font-size="{style.get('h1size', '15pt')}"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="2"><style:text-properties fo:font-size="{style.get('h2size', '12.5pt')}"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:parent-style-name="Heading" style:default-outline-level="3"><style:text-properties fo:font-size="11pt" fo:font-style="italic"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{halign}" {hb}><style:tab-stops><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="8.5pt" fo:color="#444444"/></style:style>
<style:style style:name="Footer" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{falign}"><style:tab-stops><style:tab-stop style:position="8cm" style:type="center"/><style:tab-stop style:position="16cm" style:type="right"/></style:tab-stops></style:paragraph-properties><style:text-properties fo:font-size="9pt" fo:color="#333333"/></style:style>
<style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="8.5pt"/></style:style>
<style:style style:name="TableText" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.05cm"/><style:text-properties fo:font-size="{style.get('tsize', '9.5pt')}"/></style:style>
<style:style style:name="TableHead" style:family="paragraph" style:parent-style-name="TableText"><style:text-properties fo:font-weight="bold" fo:color="{style.get('th_text', '#000000')}"/></style:style>
<style:style style:name="AfterTable" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="6pt"/></style:style>
<style:style style:name="ContentsHeading" style:family="paragraph" style:parent-style-name="Heading"><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="Contents1" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.18cm"><style:tab-stops><style:tab-stop style:position="16cm" style:type="right" style:leader-style="dotted" style:leader-text="."/></style:tab-stops></style:paragraph-properties></style:style>
<style:style style:name="TitleBoard" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{style.get('title_align', 'center')}" fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="{hfont}" fo:font-size="14pt" fo:color="{accent}" fo:font-weight="bold"/></style:style>
<style:style style:name="TitleMain" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{style.get('title_align', 'center')}" fo:margin-top="0.3cm" fo:margin-bottom="0.4cm"/><style:text-properties style:font-name="{hfont}" fo:font-size="24pt" fo:font-weight="bold"/></style:style>
<style:style style:name="TitleSub" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{style.get('title_align', 'center')}" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="15pt"/></style:style>
<style:style style:name="TitleSmall" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="{style.get('title_align', 'center')}" fo:margin-bottom="0.2cm"/><style:text-properties fo:font-size="11pt"/></style:style>
<style:style style:name="TitleSpace" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="{style.get('title_space', '3cm')}"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.2cm" fo:margin-bottom="1.2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
<style:page-layout style:name="pm2"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="2.5cm" fo:margin-bottom="2cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/></style:page-layout>
<style:style style:name="Bold" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Ital" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="PageBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="ColBreak" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:break-before="column"/></style:style>
<style:style style:name="Heading_20_1_break" style:family="paragraph" style:parent-style-name="Heading_20_1"><style:paragraph-properties fo:break-before="page"/></style:style>
<style:style style:name="TitleBoard_first" style:family="paragraph" style:parent-style-name="TitleBoard" style:master-page-name="TitlePage"/>
<style:style style:name="TitleSpace_first" style:family="paragraph" style:parent-style-name="TitleSpace" style:master-page-name="TitlePage"/>
<style:style style:name="TitleMain_first" style:family="paragraph" style:parent-style-name="TitleMain" style:master-page-name="TitlePage"/>
<style:style style:name="Tbl" style:family="table"><style:table-properties style:width="16cm" table:align="margins" fo:margin-top="0.1cm" fo:margin-bottom="0.1cm"/></style:style>
<style:style style:name="TH" style:family="table-cell"><style:table-cell-properties fo:background-color="{style.get('th_bg', '#d9e2f3')}" fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>
<style:style style:name="TD" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #808080"/></style:style>
<style:style style:name="Sect2" style:family="section"><style:section-properties text:dont-balance-text-columns="false"><style:columns fo:column-count="2" fo:column-gap="0.8cm"><style:column-sep style:width="0.5pt" style:color="#999999" style:height="100%" style:style="solid"/></style:columns></style:section-properties></style:style>
<text:list-style style:name="LBullet"><text:list-level-style-bullet text:level="1" text:bullet-char="•"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.2cm" fo:text-indent="-0.6cm" fo:margin-left="1.2cm"/></style:list-level-properties></text:list-level-style-bullet></text:list-style>
<text:list-style style:name="LNumber"><text:list-level-style-number text:level="1" style:num-suffix="{style.get('numlist_suffix', '.')}" style:num-format="{style.get('numlist_format', '1')}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="listtab" text:list-tab-stop-position="1.2cm" fo:text-indent="-0.7cm" fo:margin-left="1.2cm"/></style:list-level-properties></text:list-level-style-number></text:list-style>
{"".join(tstyles)}
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="pm1">
<style:header><text:p text:style-name="Header">{_field_text(hdr)}</text:p></style:header>
<style:footer><text:p text:style-name="Footer">{_field_text(ftr)}</text:p></style:footer>
</style:master-page>
<style:master-page style:name="TitlePage" style:page-layout-name="pm2" style:next-style-name="Standard"/>
</office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
'''
    return xml
