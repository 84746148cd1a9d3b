# -*- coding: utf-8 -*-
"""Pellbrook Safeguarding Children Partnership, learning review 'Family N' (2020). Headless Chromium.

Layouts: body text set in two columns (CSS columns); findings in shaded boxes labelled
"Finding A" ... "Finding D", each followed at once by its recommendations "A1", "A2" (one with a
lead-in ending in a colon and bulleted sub-points); a summary of learning on the first page that
restates the findings in other words; "Questions for practitioners"; a chronology table spanning
both columns; upper-case coloured headings; running header and footer.
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "family-n-learning-review-2020"
BOARD = "pellbrook_scp"
PUBLISHED = "2020-11-18"

HL = "Pellbrook Safeguarding Children Partnership"
HR = "Learning Review: Family N"
CSS = """
@page { size: A4; margin: 22mm 17mm 20mm 17mm;
  @top-left { content: "%(hl)s"; font: 8pt 'Lato'; color: #c0501f; }
  @top-right { content: "%(hr)s"; font: 8pt 'Lato'; color: #555; }
  @bottom-right { content: "Page " counter(page); font: 8.5pt 'Lato'; color: #555; }
  @bottom-left { content: "Published November 2020"; font: 8pt 'Lato'; color: #555; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-right { content: none; } @bottom-left { content: none; } }
body { font-family: 'Lato'; font-size: 10pt; line-height: 1.42; color: #1e1e1e; }
.cover { padding-top: 25mm; }
.c-board { font-size: 14pt; font-weight: 700; color: #c0501f; text-transform: uppercase; letter-spacing: 0.5pt; }
.c-type { font-size: 30pt; font-weight: 900; margin-top: 28mm; margin-bottom: 2mm; }
.c-subj { font-size: 24pt; color: #c0501f; margin-bottom: 30mm; }
.c-line { font-size: 11pt; margin-bottom: 1.5mm; }
h1 { font-size: 13pt; text-transform: uppercase; color: #c0501f; letter-spacing: 0.4pt; margin: 6mm 0 2.5mm 0; border-bottom: 1.2pt solid #c0501f; padding-bottom: 1mm; }
h1.newpage { break-before: page; margin-top: 0; }
h2 { font-size: 11pt; color: #333; margin: 4mm 0 1.5mm 0; }
h2.toc-title { font-size: 16pt; color: #c0501f; text-transform: uppercase; }
.twocol p { text-align: justify; }
.twocol h1 { column-span: none; }
.box { background: #fbeee6; border: 1pt solid #c0501f; padding: 3mm 4mm; margin: 4mm 0 2mm 0; break-inside: avoid; }
.box-head { font-weight: 900; color: #c0501f; font-size: 11pt; margin-bottom: 1.5mm; }
.box.q { background: #eef3f7; border-color: #3d6a8a; }
.box.q .box-head { color: #3d6a8a; }
p.rec { margin-left: 4mm; }
.hang { margin-left: 10mm; }
table { font-size: 9pt; }
th { background: #c0501f; color: white; border: 0.5pt solid #c0501f; }
td { border: 0.5pt solid #d9a88f; }
.summary { background: #f4f4f4; padding: 3mm 5mm; margin-bottom: 4mm; }
""" % dict(hl=HL, hr=HR)

STYLE = dict(css=CSS, header=HL + "{tab}" + HR, footer="Published November 2020{tab}Page {page}")


def build(variant=0):
    d = Doc(SLUG, BOARD, "chromium", dict(
        title="Learning Review: Family N", type="learning_review", board="Pellbrook Safeguarding Children Partnership",
        published=PUBLISHED, subject="Family N", age_band="5_10", outcome="other"), STYLE,
        themes=["neglect", "early_help", "drift_delay", "engagement", "think_family", "voice_of_child", "supervision"],
        risks=["parental_learning_disability", "parental_mental_health", "poverty"],
        optional=["escalation", "young_carers", "multi_agency_working"],
        author="Marcus Ellingham-Ward")
    d.cover([
        ("board", "Pellbrook Safeguarding Children Partnership"),
        ("type", "Learning Review"),
        ("subj", "Family N"),
        ("line", "A multi-agency learning review of long-term neglect"),
        ("line", "Lead reviewer: Marcus Ellingham-Ward"),
        ("line", "Period under review: April 2016 to September 2019"),
        ("line", "Published: %s" % long_date(PUBLISHED, 2)),
    ])
    d.contents("Contents", 1)
    d.h(1, "Summary", pagebreak=True)
    d.add("raw", '<div class="summary">')
    d.p("**The learning in brief.** The four children of Family N lived with neglect for at least three years while help was offered, accepted, stopped and offered again. This review found that:")
    d.bullets([
        "help for the family repeatedly started again from the beginning, so that the length of time the children had been neglected was lost from view;",
        "support was not adapted to the way the children's mother learns and understands;",
        "the children themselves were rarely asked what life at home was like; and",
        "supervision did not notice that the plan had not changed anything for the children.",
    ])
    d.add("raw", "</div>")
    d.twocol(True)
    d.h(1, "Why this review was held")
    d.p("In October 2019 the four children of Family N were removed from their parents' care under an emergency protection order after the youngest, then aged two, was found by a neighbour wandering in the street in winter without a coat or shoes. The home was found to be in very poor condition, with little food, no working heating in the children's bedrooms and a strong smell of damp.")
    d.p("The case did not meet the criteria for a Local Child Safeguarding Practice Review, because the children had not been seriously harmed in the sense meant by the statutory guidance. The Pellbrook safeguarding partners decided, however, that a learning review should be held, because the family had been known to many agencies for a long time and there was much to learn about the response to long-term neglect.")
    d.h(1, "How the review was done")
    d.p("The review used a learning model in which the practitioners who worked with the family are involved throughout. Agencies provided chronologies, and fourteen practitioners and managers came to two learning events. The reviewer met the children's mother and father, who were open about the difficulties they had faced, and spoke to the two older children with the help of their foster carers.")
    d.p("The names of the children are not used. They are referred to as Child N1 (aged ten at the end of the review period), Child N2 (eight), Child N3 (five) and Child N4 (two).")
    d.h(1, "The family")
    d.p("The children's mother has a mild learning disability. She went to a special school and has difficulty with reading and with managing money. The children's father has had periods of depression since he lost his job in 2015, and on his own account he spent most days in bed during the worst of them. The family lived in a privately rented terraced house which the landlord did not maintain.")
    d.p("Both parents love their children, and the children love them. The older children told the reviewer that they missed their parents and their dog. Child N1 said that the worst thing about home had been 'being cold and being hungry at the weekends', and that the best thing was 'when Dad was well and we went to the park'.")
    d.h(1, "What happened")
    d.p("Between April 2016 and September 2019 the family received early help three times, was the subject of a child in need plan twice and of a child protection plan once. Each episode began with an assessment, produced a plan, saw some improvement and was closed. Within a few months a new referral was received, usually from the school.")
    d.twocol(False)
    d.table(["Period", "Service", "Outcome"], [
        ["Apr 2016 – Jan 2017", "Early help (family support worker)", "Home conditions improved; closed when parents said they no longer wanted support."],
        ["June 2017 – Dec 2017", "Child in need plan", "Attendance at school improved to 88%. Closed with step-down to early help."],
        ["Jan 2018 – June 2018", "Early help", "Father referred to talking therapies; did not attend. Closed: 'family not engaging'."],
        ["Oct 2018 – May 2019", "Child protection plan (neglect)", "Seven core group meetings. Plan ended after two 'good' home visits."],
        ["June 2019 – Sept 2019", "Child in need plan, then early help", "Case transferred to a new worker twice in three months."],
    ], [3.5, 4.5, 8])
    d.twocol(True)
    d.h(1, "What the review found")
    d.p("Practitioners worked hard for this family, and many of them were fond of the parents. The family support workers in particular were persistent and kind. But the system around the family was not designed for neglect that goes on for years. It was designed for problems that can be assessed, addressed and closed.")
    d.p("Each new episode of help was treated as a fresh start. Assessments were thorough, but they described the family as they were at that moment. They did not ask what had happened the last time help was offered, or how long the children had been living like this. Only one assessment, in 2018, included a chronology, and it covered twelve months.")
    d.p("The children's mother told the reviewer that she had been given 'lots of leaflets and lots of lists'. She had not been able to read most of them and had been embarrassed to say so. She had not been assessed by the adult learning disability service, and no practitioner had asked her how she preferred to receive information.")
    d.p("The father's depression was treated as his own business. He was referred to talking therapies twice and did not attend, and on both occasions the referral was closed and the children's social worker was not told. Nobody asked how his days in bed affected the children, who were getting themselves up and to school on those days. The older two were, in effect, young carers for their younger brothers.")
    d.p("Money was a constant worry. The family's benefits were reduced in 2017 after a missed appointment at the job centre, and for four months they lived on less than they needed for food and heating. Practitioners knew of the debt but saw it as a background factor rather than as part of the reason why the children were cold and hungry.")
    d.p("The school was the one constant in the children's lives, and it made most of the referrals. Staff told the review that they felt that each referral 'went into a black hole', and that they did not always hear what had been decided. The designated safeguarding lead had thought about escalating her concerns under the partnership's escalation policy, but did not, because a plan was always in place.")
    d.h(2, "What worked well")
    d.p("The family support worker in 2016 built a warm relationship with both parents and is remembered by them with affection. The health visitor made sure that Child N4's immunisations were up to date despite several missed appointments. When the children were removed, the foster carers and the school worked together so that all four children could stay at the same school.")
    d.twocol(False)

    # ------------------------------------------------------------------ findings with their recommendations
    d.h(1, "Findings and recommendations", pagebreak=True)
    d.p("Each finding is set out in a box and followed by the recommendations that arise from it.")
    FA = [
        ("A", "Help for the family started again from the beginning each time, and the cumulative impact of neglect on the children was never assessed.",
         "Six episodes of help in three and a half years each began with a new assessment and ended when things looked better. No assessment considered the whole history, and no plan asked what would happen if the improvement did not last.",
         [("A1", ["childrens_social_care"], "should", "Children's Social Care should ensure that every assessment of a family previously known for neglect includes a chronology of the whole period of involvement and an analysis of what happened after earlier episodes of help ended."),
          ("A2", ["board"], "should", "The partnership should adopt a single, multi-agency neglect assessment tool, to be used at the start and end of every episode of early help and statutory involvement where neglect is a concern.")]),
        ("B", "Support was not adapted to the mother's learning disability, so that she could not use much of the help she was offered.",
         "Written plans and leaflets were the main way in which expectations were communicated. The mother's learning disability was known but was not assessed, and she was not referred for an advocate.",
         [("B1", ["childrens_social_care", "adult_social_care"], "should", "Children's Social Care and Adult Social Care should agree a joint protocol for assessing and supporting parents with a learning disability, which includes:"),
          ]),
        ("C", "The children's own experience of neglect was rarely recorded and did not shape the plans made for them.",
         "Records describe the state of the house and the parents' engagement in detail. There is very little about what the children said, how they presented at school, or what a day was like for them. Child N1's comment about being hungry at weekends had been made to a teaching assistant in 2018 and recorded in a school log, but was never passed on.",
         [("C1", ["all_agencies"], "should", "All agencies should ensure that assessments and plans for neglected children record each child's own account of daily life, in the child's words where possible, and that plans say what will be different for each child."),
          ("C2", ["education"], "should", "Schools in Pellbrook should ensure that disclosures about hunger, cold or being left alone are recorded as safeguarding concerns and shared with the child's allocated worker.")]),
        ("D", "Supervision focused on completing tasks and did not test whether the children's lives were improving.",
         "The case was supervised regularly, but supervision records list actions such as 'chase housing' and 'book core group'. Changes of worker in 2019 meant that the new workers relied on the most recent assessment and did not see the pattern.",
         [("D1", ["board"], "seek_assurance", "The partnership should seek assurance from Children's Social Care that supervision of cases of long-term neglect includes a regular review of the whole history and of the impact of the plan on each child.")]),
    ]
    for letter, head, expl, recs in FA:
        it = d.finding(letter)
        d.box([("h", "Finding %s" % letter), ("p", "**%s**" % it.t(head)), ("p", it.t(expl))])
        for num, ags, strength, text in recs:
            r = d.rec(num, ags, strength)
            d.p("**%s** %s" % (num, r.t(text)), cls="rec")
            if num == "B1":
                for b in ["an assessment of the parent's learning needs early in any child protection or child in need work;",
                          "the offer of an independent advocate;",
                          "plans written in easy-read form and explained in person; and",
                          "a named worker in the adult learning disability service."]:
                    d.hang("•", r.t("• " + b)[2:])
    # distractors
    d.box([("h", "Questions for practitioners"), ("bullets", [
        "What happened the last time this family was offered help, and why did it stop?",
        "How does this parent best take in information? Have you asked?",
        "What would this child say a normal Saturday is like?",
        "If this case were closed today, what would make you worried in three months?",
    ])], cls="q")
    d.h(1, "Acknowledgements")
    d.p("The reviewer is grateful to Mr and Mrs N and to the children for their honesty, and to the practitioners who took part in the learning events. The partnership's response to the recommendations will be published separately.")
    return d
