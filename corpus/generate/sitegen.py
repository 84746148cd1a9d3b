# -*- coding: utf-8 -*-
"""Board listing pages (index.html, in the shape of real board web pages) and the corpus README."""
import html
import os
from collections import Counter

SECTION = {
    "scr": "Serious Case Reviews (SCRs)", "lcspr": "Local Child Safeguarding Practice Reviews",
    "learning_review": "Local learning reviews", "sar": "Safeguarding Adults Reviews (SARs)",
    "dhr": "Domestic Homicide Reviews", "briefing": "Learning from case reviews briefings",
    "national_analysis": "Research and analysis",
}

INTRO = {
    "thrandale_scp": ("Case reviews", "Sometimes a child suffers a serious injury or death as a result of abuse or neglect. Understanding not only what happened but why it happened helps us improve the way we work together. Before 2019 these reviews were Serious Case Reviews commissioned by the Thrandale Local Safeguarding Children Board (LSCB); since September 2019 the safeguarding partners commission Local Child Safeguarding Practice Reviews (LCSPRs). Reports are published on this site for at least twelve months and are then available on request."),
    "ormsleigh_fenmarch_scp": ("Local and National Child Safeguarding Practice Reviews and SCRs", "The purpose of reviews of serious child safeguarding cases, at both local and national level, is to identify improvements to be made to safeguard and promote the welfare of children. Learning is relevant locally, but it has a wider importance for all practitioners working with children and families."),
    "tolmarsh_scp": ("Serious case learning and reviews", "A Serious Case Review (SCR), and since 2019 a Local Child Safeguarding Practice Review, is carried out where abuse or neglect of a child is known or suspected and the child has died or been seriously harmed, and there are concerns about how organisations worked together. Where a case does not meet these criteria the Partnership may commission a learning review."),
    "kelderbrook_sab": ("Safeguarding Adults Reviews", "Kelderbrook Safeguarding Adults Board has a statutory duty under section 44 of the Care Act 2014 to arrange a Safeguarding Adults Review (SAR) when an adult with care and support needs has died or experienced serious abuse or neglect and there is concern about how agencies worked together. SARs are about learning, not blame."),
    "tolmarsh_sab": ("Safeguarding Adults Reviews", "Tolmarsh Safeguarding Adults Board (TSAB) publishes the reports of Safeguarding Adults Reviews it has commissioned, together with its response. Reports are available on this page for at least twelve months."),
    "kelderbrook_csp": ("Domestic Homicide Reviews", "Safer Kelderbrook Partnership, the Community Safety Partnership for Kelderbrook, has a statutory duty to conduct a Domestic Homicide Review (DHR) following a death which appears to have resulted from violence, abuse or neglect by a relative, partner or household member. Our thoughts remain with the families and friends of those who have died."),
    "nccpl": ("Learning from case reviews: briefings", "Our briefings pull together the learning from published case reviews on a single topic, highlighting key risk factors and practice recommendations to help practitioners understand and act upon the learning."),
    "dcl": ("Publications: safeguarding research", "Research reports and national analyses of safeguarding practice reviews published by the Department for Children and Learning."),
}

CHAIRS = {
    "thrandale_scp": " – Independent Scrutineer: Dr R. Hallam | Business Manager: S. Okafor",
    "ormsleigh_fenmarch_scp": " – Independent Chair: Professor L. Mbeki-Ward",
    "tolmarsh_scp": " – Business Unit, Tolmarsh Civic Centre",
    "kelderbrook_sab": " – Independent Chair: Graham Pendlebury | Board Manager: Aisha Rahman",
    "tolmarsh_sab": " – Independent Chair: Mary Quennell",
    "kelderbrook_csp": " – Chair: Superintendent D. Varga",
    "nccpl": " – Registered charity (fictional)",
    "dcl": "",
}

NAV = {
    "default": ["Home", "About us", "Professionals", "Training", "Learning and case reviews", "Contact us"],
    "kelderbrook_csp": ["Home", "Community safety", "Domestic abuse", "Reviews", "Get help"],
    "nccpl": ["Home", "Research and resources", "Case review repository", "Briefings", "Training", "Donate"],
    "dcl": ["Home", "Education", "Children's social care", "Publications", "Statistics"],
}


def _link_text(c, rng_i, names):
    t = c["type"]
    s = c.get("subject", "")
    y = c["published"][:4]
    if t == "scr":
        opts = ["%s Overview Report" % s, "SCR %s Final report" % s, "Download: SCR report: '%s' %s" % (s, y), "Overview Report %s" % s]
    elif t == "lcspr":
        opts = ["%s LCSPR Final Report" % s, "%s: Local Child Safeguarding Practice Review (PDF)" % s, "LCSPR %s – full report" % s]
    elif t == "sar" and c["published"] < "2015-04-01":
        opts = ["Serious Case Review (Adults): %s – overview report" % s]
    elif t == "sar":
        opts = ["SAR %s – Overview report" % s, "%s Safeguarding Adults Review (PDF)" % s, "Full report: %s" % s]
    elif t == "dhr":
        opts = ["DHR '%s' Overview Report (PDF)" % s]
    elif t == "learning_review":
        opts = ["Learning review: %s" % s, "%s – learning review report" % s]
    else:
        opts = [c.get("title", s)]
    return opts[rng_i % len(opts)]


def _url(board, c, i):
    y, m = c["published"][:4], c["published"][5:7]
    media = board["media"].replace("{n}", str(1200 + i * 37)).replace("{y}", y).replace("{m}", m)
    return board["site"] + media + c["slug"] + ".pdf"


def write_sites(built, BOARDS, board_names, long_date):
    by_board = {}
    for r in built:
        by_board.setdefault(r["case"]["board"], []).append(r)
    for bid, rs in by_board.items():
        board = BOARDS[bid]
        latest = board_names(bid, 2025)
        title, intro = INTRO[bid]
        nav = NAV.get(bid, NAV["default"])
        out = []
        out.append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">")
        out.append("<title>%s | %s</title>" % (html.escape(title), html.escape(latest[0])))
        out.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n</head>\n<body>")
        out.append("<div class=\"cookie-banner\" role=\"region\" aria-label=\"Cookie banner\"><p>We use cookies to make this site work and to collect information about how you use it. "
                   "<a href=\"%s/cookies\">Find out more about cookies</a>.</p><button>Accept all cookies</button> <button>Reject non-essential cookies</button></div>" % board["site"])
        out.append("<a class=\"skip-link\" href=\"#main\">Skip to main content</a>")
        out.append("<header><a href=\"%s/\" class=\"logo\">%s</a>" % (board["site"], html.escape(latest[0])))
        out.append("<p class=\"accessibility\"><a href=\"#\">Toggle Contrast</a> | <a href=\"#\">Text size</a> | <a href=\"%s/search\">Search</a></p>" % board["site"])
        out.append("<nav><ul>" + "".join("<li><a href=\"%s/%s\">%s</a></li>" % (board["site"], n.lower().replace(" ", "-"), html.escape(n)) for n in nav) + "</ul></nav></header>")
        out.append("<main id=\"main\">")
        out.append("<p class=\"breadcrumb\"><a href=\"%s/\">Home</a> &gt; <a href=\"%s/professionals\">Professionals</a> &gt; %s</p>" % (board["site"], board["site"], html.escape(title)))
        out.append("<h1>%s</h1>" % html.escape(title))
        out.append("<p>%s</p>" % html.escape(intro))
        order = ["national_analysis", "briefing", "lcspr", "scr", "learning_review", "sar", "dhr"]
        groups = {}
        for r in rs:
            groups.setdefault(r["case"]["type"], []).append(r)
        for i_t, t in enumerate(order):
            if t not in groups:
                continue
            out.append("<h2>%s</h2>" % html.escape(SECTION[t]))
            if t == "scr" and bid != "tolmarsh_scp":
                out.append("<p>Working Together to Safeguard Children 2015 (Chapter 4) sets out the purpose and process of Serious Case Reviews. All reviews of cases meeting the SCR criteria should result in a report which is published and readily accessible on the LSCB's website for a minimum of 12 months.</p>")
            items = sorted(groups[t], key=lambda r: r["case"]["published"], reverse=True)
            for i, r in enumerate(items):
                c = r["case"]
                y = int(c["published"][:4])
                names = board_names(bid, y)
                link = _url(board, c, i + i_t * 7)
                text = _link_text(c, i + len(bid), names) if t not in ("briefing", "national_analysis") else c["title"]
                variant = (i + len(bid)) % 3
                out.append("<div class=\"review\">")
                if t in ("briefing", "national_analysis"):
                    out.append("<h3>%s</h3>" % html.escape(c["title"]))
                    out.append("<p>Published: %s</p>" % long_date(c["published"], 0))
                    out.append("<p><a href=\"%s\">Download the %s (PDF)</a></p>" % (link, "briefing" if t == "briefing" else "report"))
                elif variant == 0:
                    out.append("<p><strong>Date of publication: %s</strong></p>" % long_date(c["published"], 1))
                    out.append("<p><a href=\"%s\">%s</a></p>" % (link, html.escape(text)))
                    out.append("<p><a href=\"%s\">%s media statement %s</a></p>" % (link.replace(c["slug"] + ".pdf", c["slug"] + "-media-statement.pdf"), names[2], html.escape(c["subject"])))
                elif variant == 1:
                    out.append("<h3>%s: %s</h3>" % (html.escape(c["subject"]), {"scr": "Serious case review", "lcspr": "Local child safeguarding practice review", "sar": "Safeguarding adults review", "dhr": "Domestic homicide review", "learning_review": "Learning review"}[t]))
                    out.append("<p>%s. %s</p>" % (html.escape(cap_first(c["event"])), "Find the full report and learning summary here."))
                    out.append("<p class=\"date\">Published: %s</p>" % long_date(c["published"], 2))
                    out.append("<p><a href=\"%s\">%s – %s %s</a> | <a href=\"%s\">7-minute learning summary</a></p>" % (link, html.escape(text), names[2], c["published"][:4], link.replace(".pdf", "-learning-summary.pdf")))
                else:
                    out.append("<p>%s</p>" % html.escape("%s %s" % (text, long_date(c["published"], 2))))
                    out.append("<p>Date of publication: %s. <a href=\"%s\">%s</a></p>" % (long_date(c["published"], 1), link, html.escape(text)))
                    out.append("<p><a href=\"%s\">%s response and improvement plan (PDF)</a></p>" % (link.replace(".pdf", "-response.pdf"), names[2]))
                out.append("</div>")
        if bid not in ("nccpl", "dcl"):
            out.append("<h2>Archive policy</h2><p>Reports are published for a minimum of 12 months. Older reports are available on request from the business unit.</p>")
        out.append("</main>")
        out.append("<footer><p>%s</p><p><a href=\"%s/accessibility\">Accessibility statement</a> | <a href=\"%s/privacy\">Privacy notice</a> | <a href=\"%s/cookies\">Cookies</a></p><p>Print Friendly, PDF &amp; Email</p></footer>" % (
            html.escape(latest[0] + CHAIRS.get(bid, "")), board["site"], board["site"], board["site"]))
        out.append("</body>\n</html>\n")
        with open(os.path.join(os.path.dirname(os.path.dirname(__file__)), "boards", bid, "index.html"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(out))


def cap_first(s):
    return s[:1].upper() + s[1:]


def write_readme(corpus, order):
    """README.md from README.template.md: the documents table and the theme counts are read from
    the gold files (and the sidecars' presence), so that building a subset of the documents
    (build.py --only, layouts.py) keeps the table whole. `order`: slugs in table order
    (`layouts.readme_order()`)."""
    import tomllib
    rows = []
    tc = Counter()
    for slug in order:
        path = os.path.join(corpus, "gold", slug + ".toml")
        if not os.path.exists(path):
            continue
        with open(path, "rb") as fh:
            g = tomllib.load(fh)
        m = g["meta"]
        themes, risks = g.get("themes", []), g.get("risks", [])
        for t in set(themes):
            tc["theme/" + t] += 1
        for t in set(risks):
            tc["risk/" + t] += 1
        side = os.path.exists(os.path.join(corpus, "boards", m["board_id"], slug + ".toml"))
        rows.append("| `%s` | %s | %s | %s | %d | %s | %s |" % (slug, m["type"], m["board_id"], m["published"][:4], g["pages"],
                                                            "yes" if side else "no", ", ".join(themes[:6])))
    tpl = open(os.path.join(os.path.dirname(__file__), "README.template.md"), encoding="utf-8").read()
    dist = "\n".join("| %s | %d |" % (k, v) for k, v in sorted(tc.items(), key=lambda kv: (-kv[1], kv[0])))
    txt = tpl.replace("{{TABLE}}", "\n".join(rows)).replace("{{DIST}}", dist).replace("{{N}}", str(len(rows)))
    with open(os.path.join(corpus, "README.md"), "w", encoding="utf-8") as fh:
        fh.write(txt)
