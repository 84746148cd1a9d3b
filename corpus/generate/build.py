#!/usr/bin/env python3
"""Build the Casebook sample corpus (all fictional).

Usage:  python3 corpus/generate/build.py [--only SLUG ...] [--layouts]

--only builds the named documents (of either generator); --layouts builds only the hand-laid-out
documents of layouts.py (see that module), leaving the 29 generated documents untouched.

Composes each document from the hand-written building blocks (themes.py, blocks.py, cases.py,
briefings.py), writes Flat ODT sources (.fodt), converts them to PDF with LibreOffice (two passes:
the second fills the contents page numbers), then writes sidecar metadata, gold files, the board
listing pages and README tables. Deterministic: every choice uses a seed derived from the slug.
"""
import sys
sys.dont_write_bytecode = True
import hashlib
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
CORPUS = os.path.dirname(HERE)
BOARDS_DIR = os.path.join(CORPUS, "boards")
GOLD_DIR = os.path.join(CORPUS, "gold")

import fodt  # noqa: E402
import blocks as B  # noqa: E402
import themes as TH  # noqa: E402
import themes_extra  # noqa: E402,F401  (adds alternative phrasings to TH.T)
from boards import BOARDS, board_names  # noqa: E402
from cases import CASES  # noqa: E402
import briefings as BR  # noqa: E402
import sitegen  # noqa: E402

RISK_IDS = set("""domestic_abuse parental_mental_health parental_substance_misuse toxic_trio parental_learning_disability
unseen_men young_parents parental_criminality poverty housing_instability culture_faith_ethnicity babies_under_one
adolescents disabled_children child_mental_health looked_after missing_children not_in_school young_carers
private_fostering adult_learning_disability adult_mental_illness adult_substance_dependence older_age_frailty
physical_disability_illness social_isolation care_and_support_needs""".split())

# Risks and themes which are true of a case but not carried by an analysis/finding block.
EXTRA = {
    "child-d-scr-2014": dict(risks=["babies_under_one", "parental_criminality"], themes=["physical_abuse", "professional_curiosity"]),
    "family-a-scr-2016": dict(risks=["parental_mental_health", "parental_substance_misuse", "poverty"], themes=["recording", "early_help"]),
    "child-l-scr-2018": dict(risks=["adolescents", "missing_children", "looked_after", "not_in_school"], themes=["sexual_abuse"]),
    "child-p-lcspr-2020": dict(risks=["babies_under_one", "housing_instability", "parental_mental_health"], themes=[]),
    "child-r-lcspr-2023": dict(risks=["adolescents", "missing_children", "not_in_school"], themes=["extra_familial_harm", "physical_abuse"]),
    "child-m-learning-review-2022": dict(risks=["adolescents"], themes=["sexual_abuse"]),
    "baby-j-lcspr-2021": dict(risks=["babies_under_one"], themes=[]),
    "child-w-scr-2017": dict(risks=["unseen_men"], themes=["physical_abuse", "voice_of_child"]),
    "child-b-scr-2013": dict(risks=["parental_substance_misuse", "parental_criminality"], themes=["physical_abuse", "information_sharing"]),
    "zara-scr-2017": dict(risks=["adolescents", "child_mental_health"], themes=["engagement"]),
    "children-c-and-e-lcspr-2021": dict(risks=[], themes=["physical_abuse"]),
    "child-h-lcspr-2024": dict(risks=["babies_under_one"], themes=["physical_abuse"]),
    "child-s-learning-review-2019": dict(risks=["adolescents"], themes=["sexual_abuse"]),
    "child-f-lcspr-2025": dict(risks=["disabled_children", "not_in_school"], themes=[]),
    "child-t-scr-2012": dict(risks=["young_carers"], themes=["thresholds"]),
    "family-g-scr-2015": dict(risks=[], themes=[]),
    "child-n-lcspr-2019": dict(risks=["housing_instability"], themes=["physical_abuse", "nahi", "risk_assessment"]),
    "child-k-lcspr-2022": dict(risks=["private_fostering", "adolescents"], themes=["neglect", "physical_abuse"]),
    "adult-b-sar-2016": dict(risks=["older_age_frailty", "physical_disability_illness", "social_isolation", "care_and_support_needs"], themes=[]),
    "adult-c-sar-2020": dict(risks=["older_age_frailty", "care_and_support_needs"], themes=["neglect"]),
    "adult-j-sar-2024": dict(risks=["adult_substance_dependence", "physical_disability_illness", "care_and_support_needs"], themes=[]),
    "adult-e-sar-2018": dict(risks=["adult_learning_disability", "care_and_support_needs"], themes=["physical_abuse"]),
    "mr-v-sar-2022": dict(risks=["adult_mental_illness", "adult_substance_dependence", "looked_after", "care_and_support_needs"], themes=[]),
    "mrs-m-adult-scr-2013": dict(risks=["older_age_frailty", "care_and_support_needs", "physical_disability_illness"], themes=["organisational_abuse", "transitions", "information_sharing"]),
    "dhr-anna-2021": dict(risks=[], themes=["physical_abuse", "psychological_abuse", "financial_abuse"]),
}

TYPE_NAMES = {
    "scr": ("Serious Case Review", "SCR"),
    "lcspr": ("Local Child Safeguarding Practice Review", "LCSPR"),
    "sar": ("Safeguarding Adults Review", "SAR"),
    "dhr": ("Domestic Homicide Review", "DHR"),
    "learning_review": ("Multi-agency Learning Review", "Learning Review"),
}

KLOE = {
    "nahi": "How well did agencies recognise and respond to injuries to a non-mobile baby, and was the bruising protocol applied?",
    "unseen_men": "To what extent were the adult men in {s}'s life known to, assessed and engaged by professionals?",
    "domestic_abuse": "How effectively did agencies identify and respond to domestic abuse, and consider its impact on {s}?",
    "young_parents": "How were the needs of a young parent assessed and supported?",
    "information_sharing": "How effectively was information shared between agencies, and were there barriers to sharing?",
    "neglect": "How well did agencies recognise and assess the cumulative impact of neglect?",
    "disguised_compliance": "How did practitioners judge the family's engagement and progress against plans?",
    "engagement": "How did agencies respond to missed appointments and to the family's engagement with services?",
    "rule_of_optimism": "Did practitioners maintain an appropriately critical view of progress?",
    "supervision": "What was the quality of supervision and management oversight?",
    "voice_of_child": "To what extent were {s}'s voice and lived experience understood and used to inform decisions?",
    "cse": "How well did agencies recognise and respond to the risk of child sexual exploitation?",
    "escalation": "Were professional disagreements identified and escalated?",
    "sudi": "How was safer sleep advice given, and was it tailored to the family's circumstances?",
    "parental_substance_misuse": "How was the impact of parental drug and alcohol use on the children assessed?",
    "early_help": "What early help was offered and how was the family's response to it managed?",
    "cce": "How effectively did agencies recognise and respond to the criminal exploitation of {s}?",
    "covid19": "What was the impact of COVID-19 restrictions on the visibility of {s} and on practice?",
    "not_in_school": "What were the safeguarding implications of {s} not being in full-time education?",
    "multi_agency_working": "How effective were multi-agency arrangements, including strategy discussions and meetings?",
    "online_harm": "How well did professionals understand and respond to {s}'s online life?",
    "toxic_trio": "How well did agencies understand the combined impact of domestic abuse, mental ill health and substance misuse?",
    "parental_mental_health": "How was the impact of parental mental ill health on the children considered?",
    "think_family": "Did adult-facing services consider the children in the household?",
    "suicide_self_harm": "How did agencies assess and respond to {s}'s self-harm and risk of suicide?",
    "pre_birth_assessment": "Were risks identified during pregnancy and was a pre-birth assessment considered?",
    "hsb": "How were incidents of harmful sexual behaviour recognised and managed?",
    "transitions": "How well were transitions between services planned and managed?",
    "disabled_children": "How well were {s}'s needs as a disabled child understood, and were signs of neglect recognised?",
    "parental_learning_disability": "Were plans and communication adapted to a parent's learning disability?",
    "start_again_syndrome": "How was the family's history used when the family moved into the area?",
    "modern_slavery": "Were indicators of trafficking and modern slavery recognised?",
    "culture_faith_ethnicity": "How were culture, language and identity considered, and were interpreters used?",
    "sexual_abuse": "Were signs of sexual abuse recognised and acted upon?",
    "self_neglect": "How did agencies understand and respond to {s}'s self-neglect and hoarding?",
    "mental_capacity": "How was the Mental Capacity Act applied, and was {s}'s capacity assessed?",
    "making_safeguarding_personal": "How were {s}'s wishes and desired outcomes understood and respected?",
    "financial_abuse": "Were indicators of financial abuse recognised and acted on?",
    "homelessness": "How did services respond to {s}'s multiple and complex needs as a person experiencing homelessness?",
    "organisational_abuse": "How were concerns about the quality of care in the home identified and acted on?",
    "professional_curiosity": "Did practitioners show professional curiosity about what they were told and saw?",
    "risk_assessment": "How was risk assessed and reviewed over time?",
    "domestic_abuse_dhr": "How did agencies respond to Anna's disclosures, and was the coercive and controlling nature of the relationship understood?",
    "cuckooing": "Was the exploitation of {s} in his home recognised and responded to as a safeguarding matter?",
    "neglect_adult": "Did the care provided meet {s}'s needs, and was deterioration in {his} condition recognised and acted upon?",
}

ADDR = {
    "board": "{bshort}", "childrens_social_care": "children's social care", "police": "the police",
    "health": "health partners", "gp": "GP practices", "health_visiting": "the health visiting service",
    "midwifery": "maternity services", "hospital": "the hospital trust", "icb": "the ICB", "education": "schools and the local authority",
    "probation": "the probation service", "youth_justice": "the youth justice service", "housing": "housing",
    "adult_social_care": "adult social care", "mental_health_services": "mental health services",
    "substance_misuse_services": "substance misuse services", "voluntary_sector": "the IDVA service",
    "national_panel": "the national Panel", "government": "government", "all_agencies": "all partner agencies",
}
HEALTH_CHILD = {"gp", "health_visiting", "midwifery", "hospital", "icb", "school_nursing", "ambulance"}

ACTIONS = {
    "board": ["Revise procedure; launch through practitioner briefings; audit at six months", "Commission multi-agency audit; report findings to the executive group", "Update training programme and evaluate impact"],
    "childrens_social_care": ["Revise practice standards; dip-sample 20 cases per quarter", "Practice guidance issued; workshops for all teams", "Update assessment template and supervision policy"],
    "police": ["Issue force-wide guidance; include in public protection training", "Review flagging process; report compliance to the partnership"],
    "health": ["Update safeguarding policies across providers; training compliance reported to the ICB", "Audit of records in each provider; report to health safeguarding forum"],
    "all_agencies": ["Each agency to report its response to the partnership's learning and improvement group", "Single-agency action plans; assurance report at twelve months"],
    "education": ["Guidance to designated safeguarding leads; DSL network briefing", "Revise transfer and exclusion procedures"],
    "adult_social_care": ["Revise procedure; practice guidance; audit of closed cases", "Training for all social work staff"],
    "mental_health_services": ["Amend assessment templates; audit compliance", "Transition protocol agreed and published"],
    "voluntary_sector": ["Case closure policy revised for high-risk cases; reviewed by service manager"],
    "government": ["Letter sent by the Chair; response awaited", "Raised with the department through the national network"],
    "national_panel": ["Letter sent by the safeguarding partners; response awaited"],
    "icb": ["Named GP to brief practices; audit of practice systems", "Commissioning specification updated; compliance reported to the ICB board"],
    "hospital": ["Emergency department checklist revised; monthly audit", "Trust safeguarding policy updated; training for ED and ward staff"],
    "education": ["Guidance to designated safeguarding leads; DSL network briefing", "Revise transfer and exclusion procedures"],
    "substance_misuse_services": ["Assessment form amended to record children; home visit checklist introduced"],
    "housing": ["Tenancy and homelessness procedures revised; staff briefed"],
    "probation": ["Home visit and checks procedure reissued; compliance audited"],
    "youth_justice": ["Assessment guidance updated; information-sharing agreement with police exploitation team"],
    "midwifery": ["Booking pathway revised; audit of referrals at six months"],
    "health_visiting": ["Practice standard issued; recorded in the child's record"],
    "gp": ["Practice safeguarding leads briefed; audit of records"],
}


def wt_edition(iso):
    return "2010" if iso < "2013-04-15" else ("2013" if iso < "2015-03-26" else ("2015" if iso < "2018-07-04" else "2018"))


def seed_of(s):
    return int(hashlib.sha256(s.encode()).hexdigest()[:12], 16)


class Filler(dict):
    def __missing__(self, k):
        raise KeyError("missing placeholder %s" % k)


def fill(text, ctx):
    out = text.format_map(ctx)
    # capitalise the first letter of each sentence where a placeholder started it
    out = re.sub(r"(^|[.!?]\s+|\n)(his|her|their|the) ", lambda m: m.group(1) + m.group(2)[0].upper() + m.group(2)[1:] + " ", out)
    return out


def ordinal(d):
    n = int(d)
    suf = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return "%d%s" % (n, suf)


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]


def long_date(iso, style=0):
    y, m, d = iso.split("-")
    if style == 0:
        return "%d %s %s" % (int(d), MONTHS[int(m) - 1], y)
    if style == 1:
        return "%s %s %s" % (ordinal(d), MONTHS[int(m) - 1], y)
    return "%s %s" % (MONTHS[int(m) - 1], y)


class Rot:
    """Deterministic rotation through variants so that documents do not repeat each other."""
    def __init__(self):
        self.c = {}

    def pick(self, key, options, rng):
        n = self.c.get(key, rng.randrange(len(options)))
        self.c[key] = n + 1
        return options[n % len(options)]


ROT = Rot()

REQ = re.compile(r"^\[\[req:([a-z0-9_,]+)\]\]")


def usable(options, tags):
    out = []
    for o in options:
        m = REQ.match(o)
        if m:
            if not set(m.group(1).split(",")) <= tags:
                continue
            o = o[m.end():]
        out.append(o)
    return out


def case_tags(case):
    t = set(case.get("facts", []))
    t.add(case["type"])
    t.add(case["age_band"])
    if case["type"] in ("sar", "dhr"):
        t.add("adult")
    else:
        t.add("child")
    if case["age_band"] in ("under_1", "1_4"):
        t.add("baby" if case["age_band"] == "under_1" else "toddler")
    if case["age_band"] in ("unborn", "under_1", "1_4", "5_10"):
        t.add("young")
    if case["age_band"] in ("unborn", "under_1", "1_4"):
        t.add("under5")
    if case["age_band"] in ("5_10", "11_15", "16_17"):
        t.add("school_age")
    if case["age_band"] in ("11_15", "16_17"):
        t.add("teen")
    if case["outcome"] == "death":
        t.add("death")
    return t


class DocBuilder:
    def __init__(self, style):
        self.style = style
        self.blocks = []
        self.sec = 0
        self.sub = 0
        self.para = 0
        self.seq = 0
        self.toc = []  # (label)
        self.marks = []  # (kind, key, search text)

    def h1(self, title, pagebreak=False):
        self.sec += 1
        self.sub = 0
        self.para = 0
        hn = self.style.get("head_num", "dot")
        if hn == "dot":
            label = "%d. %s" % (self.sec, title)
        elif hn == "space":
            label = "%d  %s" % (self.sec, title)
        elif hn == "part":
            label = "Part %d: %s" % (self.sec, title)
        else:
            label = title
        self.blocks.append(("h1", label, pagebreak))
        self.toc.append(label)
        return label

    def appendix(self, title):
        self.blocks.append(("h1", title, True))
        self.toc.append(title)
        self.sec += 1
        self.para = 0
        self.sub = 0

    def h2(self, title, numbered=True):
        pn = self.style.get("para_num")
        if pn == "three" and numbered:
            self.sub = (self.para + 1) if self.sub == 0 else self.sub + 1
            self.para = 0
            label = "%d.%d %s" % (self.sec, self.sub, title)
        else:
            label = title
        self.blocks.append(("h2", label))
        return label

    def p(self, text, numbered=True):
        pn = self.style.get("para_num")
        if not numbered or pn == "none":
            self.blocks.append(("p", text))
            return
        if pn == "seq":
            self.seq += 1
            num = "%d." % self.seq
        elif pn == "three" and self.sub:
            self.para += 1
            num = "%d.%d.%d" % (self.sec, self.sub, self.para)
        else:
            self.para += 1
            num = "%d.%d" % (self.sec, self.para)
        self.blocks.append(("np", num, text))

    def add(self, *blk):
        self.blocks.append(tuple(blk))


def make_ctx(case, board, names, agencies):
    g = case["gender"]
    pr = dict(m=("he", "his", "him", "himself"), f=("she", "her", "her", "herself"))[g]
    s = case.get("s_override", case["subject"])
    ctx = Filler(agencies)
    ctx.update(dict(s=s, he=pr[0], his=pr[1], him=pr[2], himself=pr[3], He=pr[0].capitalize(), His=pr[1].capitalize(),
                    board=names[0], bshort=names[1], bshortname=names[2]))
    ctx.update(case["vars"])
    ctx["carer"] = case["vars"]["carer"]
    return ctx


def cap(s):
    return s[:1].upper() + s[1:]


def section_title(rng, key, case):
    opts = {
        "intro": ["Introduction", "Introduction and reasons for the review", "Reasons for the review", "Introduction and context"],
        "tor": ["Terms of reference", "Scope and terms of reference", "Key lines of enquiry", "The scope of the review"],
        "method": ["Methodology", "The review process", "Methodology and process", "How the review was conducted"],
        "family": ["Family involvement", "Involvement of the family", "The family's contribution", "Contribution of the family"],
        "background": ["Background", "Family background", "Background and family context", "About {s} and the family"],
        "chron": ["Chronology of key events", "Summary of agency involvement", "Key practice episodes", "The period under review"],
        "analysis": ["Analysis", "Analysis of practice", "Thematic analysis", "Analysis and emerging themes"],
        "findings": ["Findings", "Findings and learning", "Key findings", "Learning from the review"],
        "good": ["Good practice", "Examples of good practice", "What worked well", "Good practice identified"],
        "concl": ["Conclusions", "Conclusion", "Concluding comments", "Overall conclusions"],
        "recs": ["Recommendations", "Recommendations for the partnership", "Recommendations", "Recommendations and next steps"],
        "plan": ["Action plan", "Multi-agency action plan", "Response and action plan", "Action plan and progress"],
        "glossary": ["Glossary", "Glossary of terms", "Abbreviations and glossary", "Glossary"],
    }[key]
    return ROT.pick("sec:" + key, opts, rng).replace("{s}", case.get("s_override", case["subject"]))


def shorten_summary(text):
    """Summary bullets paraphrase findings (so that they do not repeat the finding heading verbatim)."""
    keep = ("Child", "Adult", "Mr ", "Ms ", "Mrs ", "Zara", "Anna", "Paul", "Family", "Mother", "Father", "CAMHS", "MARAC", "IDVA")
    t = text if text.startswith(keep) else text[0].lower() + text[1:]
    return cap(ROT.pick("sumlead", ["the review found that ", "a key issue was that ", "it was evident that ", "the review concluded that "], random.Random(len(text)))) + t


def theme_blocks(tid):
    return TH.T[tid]


def rec_text(case, rt, ctx, year):
    txt = fill(rt, ctx)
    if year < 2022:
        txt = txt.replace("Integrated Care Board", "Clinical Commissioning Group").replace("the ICB", "the CCG")
    if year < 2019:
        txt = txt.replace("Working Together to Safeguard Children", "Working Together to Safeguard Children 2015")
    return txt


def starts_of(text, n=8):
    words = re.sub(r"\*\*|__|\[\[fn:.*?\]\]", "", text).split()
    return " ".join(words[:n])


def compose_review(case):
    rng = random.Random(seed_of(case["slug"]))
    board = BOARDS[case["board"]]
    year = int(case["published"][:4])
    names = board_names(case["board"], year)
    style = dict(board["style"])
    ctx = make_ctx(case, board, names, board["agencies"])
    rtype, rshort = TYPE_NAMES[case["type"]]
    if case["type"] == "sar" and case["published"] < "2015-04-01":
        rtype, rshort = "Serious Case Review (Adults)", "Adult SCR"
    if case["type"] == "scr" and case["board"] == "tolmarsh_scp":
        rshort = "SCR"
    s = ctx["s"]
    subject = case["subject"]
    doc_title = "%s – %s" % (rtype, subject) if case["type"] != "learning_review" else "Learning Review – %s" % subject
    hfmt = dict(bshortname=names[2], doc_title=doc_title, rshort=rshort, subject=subject, board=names[0], tab="{tab}", page="{page}", pages="{pages}")
    style["header"] = style["header"].format(**hfmt)
    style["footer"] = style["footer"].format(**hfmt)
    d = DocBuilder(style)
    length = case["length"]
    tags = case_tags(case)
    F = lambda t: fill(t, ctx)  # noqa: E731
    if "wnb" in ctx:
        ctx["wnb"] = ctx["wnb"].format_map(ctx)

    def choose(key, v):
        return ROT.pick(key, v, rng) if isinstance(v, list) else v

    chosen = []
    for f in case["findings"]:
        if f[0] == "custom":
            chosen.append((F(f[1]), [F(x) for x in f[2]]))
            continue
        head, paras = TH.T[f[0]]["findings"][f[1]]
        head = choose("fh:%s:%d" % f, head)
        out = []
        for j, para in enumerate(paras):
            opts = usable(para if isinstance(para, list) else [para], tags)
            if opts:
                out.append(F(ROT.pick("fp:%s:%d:%d:%d" % (f[0], f[1], j, len(opts)), opts, rng)))
        chosen.append((F(head), out))
    chosen_recs = []
    for r in case["recs"]:
        if r[0] == "custom":
            chosen_recs.append((r[1], r[2], r[3]))
        else:
            ag, strength, txt = TH.T[r[0]]["recs"][r[1]]
            chosen_recs.append((ag, strength, choose("rt:%s:%d" % r, txt)))

    # ---------------------------------------------------------------- title page
    pub = case["published"]
    ds = rng.randrange(3)
    title_lines = [("TitleSpace", ""), ("TitleBoard", names[0]), ("TitleMain", rtype)]
    if case["type"] == "dhr":
        title_lines += [("TitleSub", "Overview Report into the death of ‘%s’" % subject), ("TitleSub", "aged %s, in %s" % (case["vars"]["age"], case["period"][1]))]
    elif case["type"] == "sar":
        title_lines += [("TitleSub", "‘%s’" % subject), ("TitleSmall", "Overview report")]
    else:
        title_lines += [("TitleSub", "‘%s’" % subject), ("TitleSmall", ROT.pick("ovr", ["Overview Report", "Final Report", "Published report", "Overview report"], rng))]
    title_lines += [("TitleSpace", ""), ("TitleSmall", "Independent author: %s" % case["author"] if "Group" not in case["author"] and "Partnership" not in case["author"] else "Prepared by: %s" % case["author"]),
                    ("TitleSmall", ["Date of publication: %s" % long_date(pub, 1), "Published: %s" % long_date(pub, 0), "Publication date: %s" % long_date(pub, 2)][ds])]
    if case["type"] in ("scr",) and year <= 2015:
        title_lines.append(("TitleSmall", "This report is published in accordance with Working Together to Safeguard Children (%s)." % wt_edition(pub)))
    if case.get("hostile"):
        title_lines.append(("TitleSmall", "Proportionate learning review"))
    for extra in style.get("title_extra", []):
        title_lines.append(("TitleSmall", extra))
    d.add("title", title_lines)
    d.add("pagebreak")
    toc_index = len(d.blocks)
    d.add("toc", "Contents", [])

    # ---------------------------------------------------------------- executive summary
    first_break = True
    if length in ("medium", "long"):
        d.h1(ROT.pick("sumtitle", ["Executive summary", "Summary", "Executive summary", "Summary of the review"], rng), pagebreak=True)
        first_break = False
        d.p(F(ROT.pick("sum1", [
            "This %s concerns %s. It examines the involvement of agencies in %s between %s and %s." % (rtype, case["event"], ctx["area"], case["period"][0], case["period"][1]),
            "The review was commissioned by {board} following %s. It covers the period from %s to %s." % (case["event"], case["period"][0], case["period"][1])], rng)))
        d.p(F(ROT.pick("sum2", ["The review identified the following key areas of learning:", "In summary, the main learning from the review is that:", "The principal themes of the review are:"], rng)), numbered=False)
        sums = [h for h, _ in chosen]
        d.add("bullets", [shorten_summary(x) for x in sums])
        d.p(F("The review makes %s recommendations, which are set out in full in the %s section of this report together with the agreed action plan." % (
            ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"][len(case["recs"])], "recommendations" if style["rec_mode"] != "table_only" else "action plan")))

    # ---------------------------------------------------------------- introduction
    d.h1(section_title(rng, "intro", case), pagebreak=first_break)
    ctx["event"] = case["event"]
    ctx["year_inc"] = case["period"][1][-4:]
    ctx["notified"] = "Ofsted and the Department for Education were notified of the decision." if pub < "2014-01-01" else "The national panel of independent experts on serious case reviews was informed of that decision."
    ctx["protect"] = {"sar": "adults with care and support needs", "dhr": "people experiencing domestic abuse"}.get(case["type"], "children and families")
    ctx["rtype"] = rtype
    intro = B.INTRO if length != "tiny" else B.INTRO[:2]
    for slot in intro:
        d.p(F(ROT.pick("intro%d" % intro.index(slot), slot, rng)))
    crit = B.CRITERIA["adult_scr" if rshort == "Adult SCR" else case["type"]]
    for c in crit:
        d.p(F(c.replace("{guidance}", "Working Together to Safeguard Children (%s)" % wt_edition(pub))))
    if case["type"] == "dhr":
        d.h2("Confidentiality and timescales")
        d.p(F("The review began in %s and was completed in %s. The Home Office Quality Assurance Panel considered the report before publication. The findings are confidential until publication; only agreed pseudonyms are used." % (MONTHS[(int(pub[5:7]) + 3) % 12] + " " + str(year - 2), MONTHS[(int(pub[5:7]) + 6) % 12] + " " + str(year - 1))))
        d.h2("Equality and diversity")
        d.p(F("The review panel considered the protected characteristics under the Equality Act 2010. Anna was a White British woman. Sex is the characteristic of most relevance: the great majority of victims of domestic homicide are women killed by men."))

    # ---------------------------------------------------------------- terms of reference
    d.h1(section_title(rng, "tor", case))
    d.p(F("The review considered the period from %s to %s, although relevant information from before that period has been taken into account where it helps to understand the case." % case["period"]))
    d.p(F(ROT.pick("tor_intro", ["The key lines of enquiry agreed by the review panel were:", "The panel agreed that the review should address the following questions:", "The terms of reference asked the review to consider:"], rng)), numbered=False)
    qs = []
    for t in case["analysis"]:
        if t in KLOE:
            qs.append(F(KLOE[t]))
    qs.append(F(ROT.pick("tor_last", ["What learning is there for {bshort} and partner agencies, and what needs to change?",
                                      "What does the case tell us about the effectiveness of local safeguarding arrangements, and what should change?",
                                      "Are there lessons for practice, policy or training, locally or nationally?"], rng)))
    d.add("bullets", qs)

    # ---------------------------------------------------------------- methodology
    if length != "tiny":
        d.h1(section_title(rng, "method", case))
        ctx["panel_n"] = ["four", "five", "six", "seven"][rng.randrange(4)]
        ctx["conv_n"] = ["six", "eight", "eleven", "fourteen"][rng.randrange(4)]
        for i, slot in enumerate(B.METHOD):
            d.p(F(ROT.pick("method%d" % i, slot, rng)))
        agencies = agency_list(case, ctx)
        d.p(F("Information was provided by the following agencies and services:"), numbered=False)
        d.add("bullets", agencies)
        d.p(F(ROT.pick("limits", B.LIMITS, rng)))

        d.h1(section_title(rng, "family", case))
        d.p(F(ROT.pick("family", B.FAMILY[0], rng).replace("{family_view}", case["family_view"])))
        d.p(F(ROT.pick("family2", B.FAMILY[1], rng)))
    else:
        d.p(F("This review used a short, proportionate method: a single learning conversation with the practitioners involved, a review of records, and a conversation with the family. {family}".replace("{family}", case["family_view"])))

    # ---------------------------------------------------------------- background
    d.h1(section_title(rng, "background", case))
    if case["family"] and len(case["family"]) > 1:
        d.p(F("The members of the family referred to in this report are:"), numbered=False)
        d.add("table", ["Relationship", "Referred to as", "Age at the time"], [list(r) for r in case["family"]], [4, 4, 6])
    for para in case["background"]:
        d.p(F(para))

    # ---------------------------------------------------------------- chronology / episodes
    d.h1(section_title(rng, "chron", case))
    d.p(F(ROT.pick("chron_intro", [
        "The table below summarises the key events during the period under review. It is not a full record of agency contact; it highlights the episodes most relevant to the learning.",
        "A merged chronology was compiled from agency submissions. The most significant events are summarised below.",
        "This section summarises the involvement of agencies in chronological order. Events are described in months rather than precise dates to protect the family's privacy.",
        "The key events are set out below. The chronology has been kept deliberately brief; the analysis which follows draws on the fuller agency records.",
        "The following table is drawn from the combined chronology. It includes the contacts which the panel considered most significant to the learning."], rng)))
    d.add("table", ["Date", "Agency", "Key event"], [[r[0], r[1], F(r[2])] for r in case["chronology"]], [2.6, 3.2, 10])
    for title, paras in case.get("episodes", []):
        d.h2(F(title))
        for para in paras:
            d.p(F(para))
    if case.get("hostile"):
        insert_hostile(d, ctx)  # quoted hostile chat message, for escaping tests

    # ---------------------------------------------------------------- analysis
    slots_n = {"tiny": 1, "short": 1, "medium": 2, "long": 3}[length]
    if length != "tiny":
        d.h1(section_title(rng, "analysis", case), pagebreak=(length == "long"))
        d.p(F(ROT.pick("an_intro", [
            "This section analyses the practice of agencies against the key lines of enquiry. It seeks to understand why events unfolded as they did, not only what happened.",
            "The analysis is organised by theme. Each theme draws on the chronology, agency reports and the discussion at the practitioner event.",
            "The following analysis considers the main practice themes which emerged from the review.",
            "In this section the reviewer considers why practice developed as it did. The themes overlap, and some events are relevant to more than one of them.",
            "The analysis below is structured around the key lines of enquiry. It draws on what practitioners told the review as well as on the records."], rng)))
        for t in case["analysis"]:
            tb = theme_blocks(t)
            d.h2(F(ROT.pick("lab:" + t, tb["labels"], rng)))
            for i, slot in enumerate(tb["analysis"][:slots_n + (1 if case["type"] in ("sar", "dhr") and length != "short" else 0)]):
                opts = usable(slot, tags)
                if opts:
                    d.p(F(ROT.pick("an:%s:%d:%d" % (t, i, len(opts)), opts, rng)))

    # ---------------------------------------------------------------- findings
    d.h1(section_title(rng, "findings", case), pagebreak=(length == "long"))
    d.p(F(ROT.pick("find_intro", [
        "The review has identified the following findings. Each is stated as a summary, followed by an explanation of the evidence and why it matters for future practice.",
        "The findings below describe the learning from this case. They are intended to prompt reflection across the partnership rather than to criticise individuals.",
        "The following findings emerge from the analysis. Together they describe how the safeguarding system around {s} operated.",
        "The review's findings are set out below. They are about the system as a whole; they are not judgements on individual practitioners.",
        "Drawing the analysis together, the review makes the following findings."], rng)))
    findings_gold = []
    fmt = style["finding_fmt"]
    for i, (head, paras) in enumerate(chosen, 1):
        label = fmt.format(n=i, h=head)
        if style["finding_as"] == "boxed_h3":
            d.add("boxed", "**%s**" % label)
        else:
            d.h2(label, numbered=False)
        for para in paras:
            d.p(para)
        findings_gold.append(dict(number=str(i), starts=starts_of(head), search=label))

    # ---------------------------------------------------------------- wider context (long reports)
    if length == "long":
        d.h1(ROT.pick("ctxtitle", ["Wider context", "The national context", "Learning in context"], rng))
        grp = "dhr" if case["type"] == "dhr" else ("adult" if case["type"] == "sar" else "child")
        for i, slot in enumerate(B.CONTEXT[grp]):
            d.p(F(ROT.pick("ctx:%s:%d" % (grp, i), slot, rng)))

    # ---------------------------------------------------------------- good practice
    d.h1(section_title(rng, "good", case))
    d.p(F(ROT.pick("good", B.GOOD_PRACTICE, rng)))
    d.add("bullets", [F(g) for g in case["good"]])

    # ---------------------------------------------------------------- conclusions
    d.h1(section_title(rng, "concl", case))
    for i, slot in enumerate(B.CONCLUSION[: (1 if length == "tiny" else 2)]):
        d.p(F(ROT.pick("concl%d" % i, slot, rng)))

    # ---------------------------------------------------------------- recommendations
    recs = []
    for ag, strength, txt in chosen_recs:
        ags = ag if isinstance(ag, list) else [ag]
        recs.append((ags, strength, rec_text(case, txt, ctx, year)))
    recs_gold = []
    rec_label = d.h1(section_title(rng, "recs", case))
    mode = style["rec_mode"]
    if mode == "table_only":
        d.p(F("The review makes %s recommendations. They are set out, with the agreed actions and their status at the time of publication, in the action plan in the next section." % ["no", "one", "two", "three", "four", "five", "six", "seven", "eight"][len(recs)]))
    elif mode == "numlist":
        d.p(F("The review makes the following recommendations to {board} and its partner agencies:"), numbered=False)
        d.add("numlist", [r[2] for r in recs])
    else:
        d.p(F(ROT.pick("rec_intro", ["The following recommendations are made to {bshort} and its partners. Agencies have prepared action plans in response, which will be monitored by {bshort}.",
                                     "The recommendations are addressed to the partnership and to individual agencies. Progress will be monitored through the learning and improvement sub-group.",
                                     "In making these recommendations the reviewer has sought to focus on changes to the system rather than on individual practice.",
                                     "The reviewer has kept the number of recommendations small, so that they can be implemented and their impact measured.",
                                     "Each recommendation below is linked to one or more findings. The partnership has accepted all of them."], rng)))
    for i, (ags, strength, txt) in enumerate(recs, 1):
        num = style["rec_num"].format(n=i)
        addr = ADDR.get(ags[0], ags[0]).replace("{bshort}", names[1])
        if year < 2022:
            addr = addr.replace("ICB", "CCG")
        if mode == "paras":
            prefix = style["rec_fmt"].format(n=i, addr=addr)
            d.p("**%s**%s" % (prefix.strip() + " ", txt) if prefix else txt, numbered=False)
        gags = []
        for a in ags:
            gags.append(a)
            if a in HEALTH_CHILD and "health" not in gags:
                gags.append("health")
        recs_gold.append(dict(number=num, starts=starts_of(txt), agencies=gags, strength=strength, text=txt))

    # ---------------------------------------------------------------- action plan
    plan_label = d.h1(section_title(rng, "plan", case), pagebreak=True)
    if mode == "table_only":
        rec_label = plan_label
    d.p(F("The action plan below was agreed by {board}. The status shown is as reported at the time of publication."))
    rows = []
    base_year = year
    for i, (ags, strength, txt) in enumerate(recs, 1):
        ag = ags[0]
        act = ROT.pick("act:" + (ag if ag in ACTIONS else "all_agencies"), ACTIONS.get(ag, ACTIONS["all_agencies"]), rng)
        if year < 2022:
            act = act.replace("ICB", "CCG")
        lead = {"board": names[0], "childrens_social_care": ctx["cs"], "police": ctx["police"], "hospital": ctx["hospital"],
                "mental_health_services": ctx["mh"], "adult_social_care": ctx["asc"], "housing": ctx["housing"],
                "substance_misuse_services": ctx["sms"], "icb": "Integrated Care Board" if year >= 2022 else "Clinical Commissioning Group",
                "health": "Health partners (ICB lead)" if year >= 2022 else "Health partners (CCG lead)", "education": "Education (local authority and schools)",
                "all_agencies": "All partner agencies", "probation": "Probation service", "youth_justice": "Youth justice service",
                "gp": "GP practices", "health_visiting": "Health visiting service", "midwifery": "Maternity services",
                "voluntary_sector": "IDVA service", "national_panel": "National Panel / DfE", "government": "Home Office"}.get(ag, ag)
        status = ["Green – complete", "Amber – in progress", "Green – complete", "Amber – in progress", "Red – not yet started"][(i + rng.randrange(3)) % 5]
        when = "%s %d" % (MONTHS[(int(pub[5:7]) + 2 + i) % 12], base_year + (1 if i > 3 else 0))
        num = style["rec_num"].format(n=i)
        if mode == "table_only":
            rows.append([num, txt, lead, act, when, status])
        else:
            rows.append([num, lead, act, when, status])
    if mode == "table_only":
        d.add("table", ["No.", "Recommendation", "Lead agency", "Action", "Target date", "RAG status"], rows, [0.9, 5.8, 2.6, 3.3, 2.2, 1.9])
    else:
        d.add("table", ["Rec.", "Lead agency", "Action", "Target date", "Status"], rows, [1.2, 3.6, 6, 2.2, 2.4])

    # ---------------------------------------------------------------- glossary
    d.h1(section_title(rng, "glossary", case))
    text_so_far = " ".join(str(b) for b in d.blocks)
    gl = [[k, v] for k, v in sorted(B.GLOSSARY.items()) if re.search(r"\b%s\b" % re.escape(k), text_so_far)]
    for k in ("GP", "MASH", "ICB" if year >= 2022 else "CCG"):
        if not any(g[0] == k for g in gl):
            gl.append([k, B.GLOSSARY[k]])
    gl.sort()
    d.add("table", ["Term", "Meaning"], gl, [3, 13])

    if length == "long":
        d.appendix("Appendix A: " + ("Tribute from Anna's family" if case["type"] == "dhr" else "Full terms of reference"))
        if case["type"] == "dhr":
            d.add("quote", "Anna was the light of our family. She lit up every room she walked into, and she would do anything for anyone. She loved her daughter more than anything in the world. She was clever and kind and she deserved to grow old. We want people to know that she was not weak; she was brave every single day. If this review helps one woman to be heard, then Anna's voice will not have been lost.")
        else:
            d.p(F("The review was asked to consider the involvement of all agencies with {s} and {his} family during the period under review, and in particular:"), numbered=False)
            d.add("numlist", qs + [F("Whether there were any barriers to agencies sharing information, and how they might be overcome."),
                                   F("Whether the involvement of the family was sought and how the family's views have been reflected."),
                                   F("Whether the findings have implications beyond {area}, including for the national Panel or government.")])

    if length == "long" and case["type"] != "dhr":
        d.appendix("Appendix B: Single-agency learning already implemented")
        d.p(F("During the review, agencies identified learning from their own practice and began to act on it before the review was completed. The reviewer has been told of the following changes, which are noted here so that the partnership can seek assurance that they have been embedded."), numbered=False)
        rows = []
        for ag in agency_list(case, ctx)[:7]:
            rows.append([ag, ROT.pick("impl", [
                "Refresher safeguarding training delivered to all relevant staff; attendance monitored.",
                "Record-keeping standards revised; monthly audit of a sample of records.",
                "Safeguarding supervision policy revised to include reflective case discussion.",
                "Internal procedure updated and reissued; briefing sessions held for staff.",
                "Named safeguarding lead now reviews all cases where concerns are raised about this group.",
                "Escalation guidance added to team induction pack.",
                "Electronic record amended so that safeguarding alerts are visible to all staff."], rng)])
        d.add("table", ["Agency", "Learning already implemented"], rows, [5, 11])


    apply_abbrev(d, style.get("abbrev", []))
    return dict(d=d, toc_index=toc_index, style=style, title="%s: %s" % (rtype, subject), findings=findings_gold, rec_label=rec_label,
                recs=recs_gold, names=names, rtype=rtype)


AGENCY_NAMES = {
    "midwifery": "Maternity services ({hospital})", "health visiting": "{hv_cap}", "gp": "GP practice (primary care)",
    "hospital": "{hospital}", "hospital (ed)": "{hospital} (emergency department)", "police": "{police}",
    "children's social care": "{cs}", "csc": "{cs}", "school": "The school attended by {s}", "special school": "The special school",
    "early help": "Early help service", "dental": "Dental practice", "mental health": "{mh}",
    "drug and alcohol service": "{sms}", "drug service": "{sms}", "substance misuse service": "{sms}", "probation": "Probation service",
    "nursery": "Nursery", "camhs": "{camhs_cap}", "youth justice": "Youth justice service", "exploitation panel": None,
    "residential home": "Residential children's home", "sexual health clinic": "Sexual health service",
    "platform": None, "ambulance": "Ambulance service", "community paediatrics": "Community paediatric service",
    "dietetics": "Dietetics service", "wheelchair service": "Wheelchair service", "adult social care": "{asc}",
    "fire and rescue": "Fire and rescue service", "district nursing": "District nursing service", "housing": "{housing}",
    "outreach": "Street outreach team", "hostel": "Hostel provider", "regulator": None, "provider": "The care home provider",
    "family": None, "commissioners": "Commissioning team", "leaving care": "Leaving care service",
    "csc (leaving care)": "Leaving care service", "csc (disabled children's team)": "Disabled children's team",
    "bank": None, "domiciliary care": "Domiciliary care agency", "marac": None, "idva service": "IDVA service",
    "school (employer)": None, "school nurse": "School nursing service", "previous area": None, "education": "Education admissions",
    "mental health": "{mh}", "—": None,
}


def agency_list(case, ctx):
    out = []
    ctx2 = dict(ctx)
    ctx2["hv_cap"] = cap(ctx["hv"])
    ctx2["camhs_cap"] = cap(ctx["camhs"])
    for r in case["chronology"]:
        for part in re.split(r"\s*/\s*", r[1]):
            key = part.strip().lower()
            name = AGENCY_NAMES.get(key, part.strip())
            if name is None:
                continue
            name = cap(name.format_map(Filler(ctx2)))
            if name not in out:
                out.append(name)
    return sorted(out)


def apply_abbrev(d, abbrevs):
    """House style of some boards: spell a term out once with its abbreviation, then abbreviate."""
    for item in abbrevs:
        phrase, ab = item[0], item[1]
        long_form = item[2] if len(item) > 2 else phrase
        seen = False
        for k, b in enumerate(d.blocks):
            if b[0] not in ("np", "p", "bullets"):
                continue

            def sub(text):
                nonlocal seen
                def r(m):
                    nonlocal seen
                    if not seen:
                        seen = True
                        return "%s (%s)" % (long_form if m.group(0)[0].islower() else cap(long_form), ab)
                    return ab
                return re.sub(r"\b[%s%s]%s\b" % (phrase[0], phrase[0].upper(), re.escape(phrase[1:])), r, text)
            if b[0] == "np":
                d.blocks[k] = ("np", b[1], sub(b[2]))
            elif b[0] == "p":
                d.blocks[k] = ("p", sub(b[1]))
            else:
                d.blocks[k] = ("bullets", [sub(x) for x in b[1]])


def insert_hostile(d, ctx):
    d.h2("What the messages showed")
    extra = [
        ("p", "The messages recovered by the police show a familiar pattern: flattery, gifts of in-game currency, a gradual shift to private channels and then requests for images. When Child M tried to end the contact, the tone changed. The account sent a series of messages designed to frighten her into believing he could take over her accounts. One read, in full:"),
        ("quote", "“u think ur safe lol. i can get into anything. watch ur profile <script>alert(1)</script> thats me in ur account now. tell ur dad and everyone sees the pics”"),
        ("p", "Shortly afterwards the account changed its display name to the string \"><img src=x onerror=alert(2)>, which the police digital forensics examiner explained is a common attempt to inject code into web pages that display user names. It did nothing to Child M's accounts, but she did not know that, and it had the intended effect: she believed him and stopped telling anyone."),
        ("p", "The review quotes these messages, with the family's agreement, because they show how technical-looking threats are used to isolate children. Adults who see such messages should treat them as a sign of coercion, not as a technical problem to be fixed."),
    ]
    for b in extra:
        if b[0] == "p":
            d.p(b[1])
        else:
            d.add(*b)


# ------------------------------------------------------------------ rendering and conversion
def soffice_convert(fodts, outdir):
    prof = "file://" + os.path.join(tempfile.gettempdir(), "casebook_corpus_lo_profile")
    cmd = ["soffice", "-env:UserInstallation=" + prof, "--headless", "--convert-to", "pdf", "--outdir", outdir] + fodts
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pdf_pages_text(pdf):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True, text=True).stdout
    pages = out.split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return pages


def norm(s):
    s = re.sub(r"\*\*|__|\[\[fn:.*?\]\]", "", s)
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def find_page(pages, needle, start=2, nwords=(12, 8, 6, 4)):
    words = norm(needle).split()
    normed = [norm(p) for p in pages]
    for n in nwords:
        key = " ".join(words[:n])
        for i in range(start, len(normed)):
            if key in normed[i]:
                return i + 1
    return None


def find_loose(pages, needle, start, n=7, gap=5):
    """Words of the needle in order, allowing interleaved words from neighbouring table cells."""
    want = [w.strip("-") for w in norm(needle).replace("-", "- ").split()][:n]
    for i in range(start, len(pages)):
        toks = [w.strip("-") for w in norm(pages[i]).replace("-", "- ").split()]
        for k, tok in enumerate(toks):
            if tok != want[0]:
                continue
            pos, ok = k, True
            for w in want[1:]:
                nxt = next((q for q in range(pos + 1, min(len(toks), pos + 1 + gap)) if toks[q] == w), None)
                if nxt is None:
                    ok = False
                    break
                pos = nxt
            if ok:
                return i + 1
    return None


def find_heading_page(pages, label, start=2):
    """Page (1-based) where a heading starts on its own line (headings may wrap over lines)."""
    lab = norm(label)
    for i in range(start, len(pages)):
        lines = [norm(x) for x in pages[i].split("\n")]
        lines = [x for x in lines if x]
        for j, ln in enumerate(lines):
            if not lab.startswith(ln):
                continue
            joined = " ".join(lines[j:j + 4])
            if joined.startswith(lab) or (len(ln) > 25 and lab.startswith(ln)):
                return i + 1
    return None


def toml_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(xs):
    return "[" + ", ".join(toml_str(x) for x in xs) + "]"


def build_all(only=None, pdf=True):
    docs = []
    for c in CASES:
        docs.append(("review", c))
    for b in BR.DOCS:
        docs.append(("brief", b))
    if only:
        docs = [x for x in docs if x[1]["slug"] in only]
        if not docs:
            raise SystemExit("no document matches --only %s" % " ".join(sorted(only)))
    tmp = tempfile.mkdtemp(prefix="casebook_build_")
    built = []
    for kind, c in docs:
        if kind == "review":
            r = compose_review(c)
        else:
            r = BR.compose(c, DocBuilder, ROT, seed_of, fill, long_date)
        r["case"] = c
        r["kind"] = kind
        built.append(r)

    def render_all(pass_no, page_maps):
        files = []
        for r in built:
            c = r["case"]
            d = r["d"]
            labels = d.toc
            pm = page_maps.get(c["slug"], {})
            d.blocks[r["toc_index"]] = ("toc", "Contents", [(lab, pm.get(lab, "")) for lab in labels])
            meta = dict(title=r["title"], author=c["author"], subject=c.get("subject", ""), date=c["published"], blocks=d.blocks)
            xml = fodt.render(meta, r["style"])
            if "[[" in xml or "]]" in xml or "**" in xml:
                raise SystemExit("markup left in %s: %s" % (c["slug"], re.findall(r".{40}(?:\[\[|\]\]|\*\*).{20}", xml)[:3]))
            if "{" in re.sub(r"<[^>]+>", "", xml).replace("{page}", ""):
                leftover = re.findall(r"\{[a-zA-Z_]+\}", re.sub(r"<[^>]+>", "", xml))
                if leftover:
                    raise SystemExit("placeholder left in %s: %s" % (c["slug"], leftover[:5]))
            path = os.path.join(tmp, c["slug"] + ".fodt")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(xml)
            files.append(path)
        if pdf:
            soffice_convert(files, tmp)
        return files

    if not pdf:
        render_all(1, {})
        return built, tmp
    render_all(1, {})
    page_maps = {}
    for r in built:
        pages = pdf_pages_text(os.path.join(tmp, r["case"]["slug"] + ".pdf"))
        pm = {}
        for lab in r["d"].toc:
            pg = find_heading_page(pages, lab)
            pm[lab] = pg if pg else ""
            if not pg:
                print("WARN heading not found", r["case"]["slug"], lab)
        page_maps[r["case"]["slug"]] = pm
    render_all(2, page_maps)

    # move outputs into place, compute gold pages
    for r in built:
        c = r["case"]
        bdir = os.path.join(BOARDS_DIR, c["board"])
        os.makedirs(bdir, exist_ok=True)
        for ext in ("fodt", "pdf"):
            shutil.copyfile(os.path.join(tmp, c["slug"] + "." + ext), os.path.join(bdir, c["slug"] + "." + ext))
        pdfp = os.path.join(bdir, c["slug"] + ".pdf")
        pages = pdf_pages_text(pdfp)
        r["npages"] = len(pages)
        # check contents page numbers are still right after pass 2
        for lab in r["d"].toc:
            pg = find_heading_page(pages, lab)
            if pg != page_maps[c["slug"]].get(lab):
                print("WARN toc page moved", c["slug"], lab, pg, page_maps[c["slug"]].get(lab))
        for f in r.get("findings", []):
            f["page"] = find_heading_page(pages, f["search"]) or find_page(pages, f["search"])
            if f["page"] is None:
                print("WARN finding not found", c["slug"], f["number"])
        for rec in r.get("recs", []):
            # search recommendation text after the findings section
            startp = find_heading_page(pages, r["rec_label"]) - 1
            rec["page"] = find_page(pages, rec["text"], start=startp, nwords=(12, 9, 7)) or find_loose(pages, rec["text"], startp)
            if rec["page"] is None:
                print("WARN rec not found", c["slug"], rec["number"])
    shutil.rmtree(tmp, ignore_errors=True)
    return built


def write_meta(built):
    os.makedirs(GOLD_DIR, exist_ok=True)
    for r in built:
        c = r["case"]
        bdir = os.path.join(BOARDS_DIR, c["board"])
        year = int(c["published"][:4])
        names = board_names(c["board"], year)
        meta = [("title", r["title"] if r["kind"] == "brief" else "%s: %s" % (r["rtype"], c["subject"])), ("type", c["type"]), ("board", names[0]),
                ("board_id", c["board"]), ("published", c["published"])]
        if c.get("subject") and c["type"] not in ("briefing", "national_analysis"):
            meta += [("subject", c["subject"]), ("age_band", c["age_band"]), ("outcome", c["outcome"])]
        meta.append(("author", c["author"]))
        side = os.path.join(bdir, c["slug"] + ".toml")
        if c.get("sidecar", True):
            with open(side, "w", encoding="utf-8") as fh:
                for k, v in meta:
                    fh.write("%s = %s\n" % (k, toml_str(v)))
        elif os.path.exists(side):
            os.remove(side)
        # gold
        themes, risks = gold_tags(c)
        g = []
        g.append("# Gold truth for %s (%s). Generated from the case definition, pages checked against pdftotext." % (c["slug"], r["npages"]))
        g.append("pages = %d" % r["npages"])
        g.append("themes = %s" % toml_list(themes))
        if c.get("cites"):
            g.append("cites = %s" % toml_list(c["cites"]))
        g.append("risks = %s" % toml_list(risks))
        g.append("")
        g.append("[meta]")
        for k, v in meta:
            if k in ("type", "board_id", "published", "subject", "age_band", "outcome", "title", "board"):
                g.append("%s = %s" % (k, toml_str(v)))
        for f in r.get("findings", []):
            g.append("")
            g.append("[[findings]]")
            g.append("number = %s" % toml_str(f["number"]))
            g.append("page = %d" % (f["page"] or 0))
            g.append("starts = %s" % toml_str(f["starts"]))
        for rec in r.get("recs", []):
            g.append("")
            g.append("[[recommendations]]")
            g.append("number = %s" % toml_str(rec["number"]))
            g.append("page = %d" % (rec["page"] or 0))
            g.append("starts = %s" % toml_str(rec["starts"]))
            g.append("agencies = %s" % toml_list(rec["agencies"]))
            g.append("strength = %s" % toml_str(rec["strength"]))
        with open(os.path.join(GOLD_DIR, c["slug"] + ".toml"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(g) + "\n")


def gold_tags(c):
    if c["type"] in ("briefing", "national_analysis"):
        return sorted(c.get("themes", [])), sorted(c.get("risks", []))
    alias = {"domestic_abuse_dhr": "domestic_abuse", "cuckooing": "modern_slavery", "neglect_adult": "neglect"}
    ids = [alias.get(i, i) for i in list(c["analysis"]) + [f[0] for f in c["findings"] if f[0] != "custom"]]
    ex = EXTRA.get(c["slug"], {})
    ids += ex.get("themes", []) + ex.get("risks", [])
    themes = sorted(set(i for i in ids if i not in RISK_IDS))
    risks = set(i for i in ids if i in RISK_IDS)
    if {"domestic_abuse", "parental_mental_health", "parental_substance_misuse"} <= risks:
        risks.add("toxic_trio")
    if "toxic_trio" in risks:
        risks |= {"domestic_abuse", "parental_mental_health", "parental_substance_misuse"}
    return themes, sorted(risks)


def main():
    args = sys.argv[1:]
    import layouts
    new_slugs = set(layouts.slugs())
    if "--layouts" in args:
        # only the hand-laid-out documents of layouts.py (the 29 generated PDFs are not touched)
        layouts.build(None)
        sitegen.write_readme(CORPUS, layouts.readme_order())
        return
    only = None
    if "--only" in args:
        only = set(args[args.index("--only") + 1:])
        unknown = only - new_slugs - {c["slug"] for c in CASES} - {b["slug"] for b in BR.DOCS}
        if unknown:
            raise SystemExit("no document matches --only %s" % " ".join(sorted(unknown)))
    old_only = None if only is None else only - new_slugs
    if only is None or old_only:
        built = build_all(only=old_only)
        write_meta(built)
        if not only:
            sitegen.write_sites(built, BOARDS, board_names, long_date)
        for r in built:
            print("%-34s %-17s %-24s %s %3d pages" % (r["case"]["slug"], r["case"]["type"], r["case"]["board"], r["case"]["published"][:4], r["npages"]))
    if only is None or only & new_slugs:
        layouts.build(None if only is None else only & new_slugs)
    sitegen.write_readme(CORPUS, layouts.readme_order())


if __name__ == "__main__":
    main()
