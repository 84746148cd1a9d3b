# -*- coding: utf-8 -*-
"""Bro Elwyn Regional Safeguarding Board, Child Practice Review 'Child Y' (2021). LibreOffice.

Layouts: the Welsh Child Practice Review template: a bilingual cover (Welsh line first);
"Practice and organisational learning" with "Learning for the region" and "Learning for
individual agencies" (numbered learning points, each list restarting at 1) and "Effective
practice" (not findings); "Improving Systems and Practice" with actions "For the Regional
Safeguarding Board" (one with a lead-in ending in a colon and bulleted sub-points), "For
individual agencies" and "For Welsh Government", each restarting at 1; the reviewer's
statement table; a timeline appendix.
"""
from layout_model import Doc
from layout_docs._util import Num, long_date

SLUG = "child-y-cpr-2021"
BOARD = "bro_elwyn_rsb"
PUBLISHED = "2021-06-09"

STYLE = dict(
    font="Liberation Sans", size="11pt", line_height="120%", align="start", accent="#1d5a2c",
    headings={1: dict(size="13pt", colour="#000000", upper=False, before="0.6cm", bg="#dfeedd"),
              2: dict(size="12pt", colour="#1d5a2c"),
              3: dict(size="11pt", colour="#1d5a2c", italic=True)},
    header="BERSB 03/2019{tab}{tab}Child Practice Review Report",
    footer="{tab}Page {page} of {pages}",
    header_rule=False,
    table=dict(bg="#dfeedd", size="9.5pt"),
    cover_styles=dict(
        cy=dict(size="13pt", colour="#1d5a2c", align="start", after="0.05cm"),
        en=dict(size="13pt", bold=True, colour="#1d5a2c", align="start", after="1.8cm"),
        tcy=dict(size="22pt", align="start", after="0.05cm", colour="#555555"),
        ten=dict(size="24pt", bold=True, align="start", after="0.9cm"),
        ref=dict(size="16pt", bold=True, align="start", after="2.2cm"),
        line=dict(size="11pt", align="start", after="0.15cm"),
    ),
    cover_margin_top=3.0,
)


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="Child Practice Review: Child Y", type="cpr_apr", board="Bro Elwyn Regional Safeguarding Board",
        published=PUBLISHED, subject="Child Y", age_band="1_4", outcome="serious_harm"), STYLE,
        themes=["neglect", "transitions", "information_sharing", "voice_of_child", "disguised_compliance", "multi_agency_working"],
        risks=["parental_substance_misuse"],
        optional=["engagement", "risk_assessment", "babies_under_one"],
        author="Gwenllian Pryce-Morgan and Alun Rees")
    d.cover([
        ("cy", "Bwrdd Diogelu Rhanbarthol Bro Elwyn"),
        ("en", "Bro Elwyn Regional Safeguarding Board"),
        ("tcy", "Adolygiad Ymarfer Plant"),
        ("ten", "Child Practice Review"),
        ("ref", "BERSB 03/2019 – Child Y"),
        ("line", "Extended Child Practice Review Report"),
        ("line", "Reviewers: Gwenllian Pryce-Morgan and Alun Rees"),
        ("line", "Date of incident: 14 May 2019"),
        ("line", "Date of publication: %s" % long_date(PUBLISHED, 0)),
    ])
    d.pagebreak()
    d.contents("Contents", 1)
    n = Num()

    d.h(1, n.sec("Legal context from guidance in relation to the review"), pagebreak=True)
    d.np(n.para(), "Bro Elwyn Regional Safeguarding Board commissioned an Extended Child Practice Review on the recommendation of its Case Review Sub-Group, in accordance with the Welsh Government guidance on multi-agency child practice reviews issued under the Social Services and Well-being (Wales) Act 2014.")
    d.np(n.para(), "The criteria for an extended review are met where abuse or neglect of a child is known or suspected, the child has died or sustained potentially life-threatening injury or serious and permanent impairment of health and development, and the child was on the child protection register, or was a looked after child, at any time during the six months before the event. Child Y had been on the child protection register of Glynteg County Borough Council under the category of neglect until four months before the incident.")
    d.np(n.para(), "A Child Practice Review is a learning review. It does not seek to establish how the child came to be harmed, which is a matter for the criminal courts, nor to attribute blame to individual practitioners.")

    d.h(1, n.sec("Circumstances resulting in the review"))
    d.np(n.para(), "On 14 May 2019 Child Y, then aged three years and eight months, was taken to hospital by ambulance with severe scalds to her legs and lower body, caused by a bath of very hot water. Both of her parents were at home and, according to the police, both were heavily intoxicated. She needed several operations and will have lasting scarring. Both parents were later convicted of child neglect.")
    d.np(n.para(), "The review considered the period from January 2017, when the family moved from Aberwenddu to Glynteg, to the date of the incident. Child Y lived with her mother (aged 23), her father (aged 25) and her younger brother, who was born in 2018.")
    d.np(n.para(), "The reviewers met the practitioners and managers involved at a learning event in November 2019 and spoke separately to the family's social workers, the Flying Start health visitor and the nursery manager. Child Y's maternal grandmother, who now cares for both children, took part in the review. The parents were invited to contribute but did not respond.")

    # ------------------------------------------------------------------ learning
    d.h(1, n.sec("Practice and organisational learning"))
    d.np(n.para(), "The reviewers have identified the following learning. Each learning point is followed by a brief outline of the circumstances in this case from which it arises.")
    d.h(2, "Learning for the region")
    g = "Learning for the region"
    region = [
        ("When a family moved between the two local authorities in the region, the history of neglect did not move with them.",
         "Aberwenddu County Council had completed two assessments of neglect in 2016 and was considering a referral to a child protection conference when the family moved. The case transfer summary described the family as 'engaging well' and did not include the chronology. Glynteg started its own assessment from the beginning, and it was eleven months before the family's history was fully understood."),
        ("Parental alcohol and cannabis use was treated as an adult matter unless a parent was seen to be intoxicated.",
         "Practitioners told the review that they found it hard to challenge parents about their drinking when they did not smell of alcohol at planned visits. Unannounced visits were rare, and no visit took place in the evening or at a weekend, when the parents' own accounts suggested that most of their drinking happened."),
        ("Core group meetings measured attendance at appointments rather than change in the children's daily lives.",
         "The child protection plan listed tasks such as attending the substance misuse service and taking the children to nursery. Progress was judged by whether the tasks were done. There was no measure of what bath time, bedtime or mealtimes were like for the children, and nobody asked."),
        ("The decision to remove Child Y from the child protection register was made when the case was at its most stable, but without a plan for what would happen if things went wrong again.",
         "The parents had been doing well for six weeks. Their engagement was accepted as evidence of lasting change, a pattern sometimes described as disguised compliance. The step-down plan under a care and support plan had no contingency and no agreed signs of relapse."),
    ]
    for k, (head, body) in enumerate(region, 1):
        it = d.finding(str(k), group=g)
        d.hang("%d." % k, "**%s** %s" % (it.t(head), it.t(body)), indent=0)
    d.h(2, "Learning for individual agencies")
    g = "Learning for individual agencies"
    agencies = [
        ("The nursery noticed Child Y's poor attendance and her hunger on Monday mornings, but did not see these as safeguarding information.",
         "Staff recorded that Child Y often arrived on Mondays tired and asking for food. These observations were kept in her learning journal, not in a safeguarding record, and were not shared with the social worker."),
        ("Health visiting contact was focused on the new baby, and Child Y's own health needs fell out of view.",
         "Child Y's two-year development review was completed late and her dental registration was never checked. The health visitor's records describe the baby's progress in detail but contain little about Child Y."),
        ("The substance misuse service did not know that the parents' children were subject to a child protection plan.",
         "The referral form did not ask about children, and the service was not invited to core group meetings. Its workers therefore did not share their concern that the father's cannabis use had increased."),
    ]
    for k, (head, body) in enumerate(agencies, 1):
        it = d.finding(str(k), group=g)
        d.hang("%d." % k, "**%s** %s" % (it.t(head), it.t(body)), indent=0)
    d.h(2, "Effective practice")
    d.np(n.para(), "The reviewers also found examples of effective practice, which should be recognised:")
    d.bullets([
        "the Glynteg social worker who eventually obtained the Aberwenddu records made persistent requests and then visited in person to read them;",
        "the ambulance crew and the emergency department made an immediate referral and preserved important evidence; and",
        "the maternal grandmother was quickly assessed and supported to care for both children.",
    ])

    # ------------------------------------------------------------------ improving systems
    d.h(1, n.sec("Improving Systems and Practice"), pagebreak=True)
    d.np(n.para(), "In order to promote the learning from this case the review identified the following actions for the Regional Safeguarding Board and its member agencies, and for Welsh Government.")
    d.h(2, "For the Regional Safeguarding Board")
    g = "For the Regional Safeguarding Board"
    it = d.rec("1", ["board"], "should", group=g)
    d.hang("1.", it.t("The Regional Safeguarding Board should:"), indent=0)
    for b in ["agree a regional protocol for the transfer of child protection and care and support cases between Glynteg and Aberwenddu, including the transfer of a full chronology;",
              "ensure that the receiving authority holds a joint meeting with the transferring authority before closing the case in the transferring area; and",
              "audit the protocol's use twelve months after it is introduced."]:
        d.hang("•", it.t("• " + b)[2:], indent=1)
    it = d.rec("2", ["board"], "should", group=g)
    d.hang("2.", it.t("The Regional Safeguarding Board should develop practice guidance on the assessment of parental substance misuse, which expects practitioners to make unannounced visits and visits at different times of day, and to record what they observe of the children's daily care."), indent=0)
    it = d.rec("3", ["board"], "seek_assurance", group=g)
    d.hang("3.", it.t("The Regional Safeguarding Board should seek assurance from both local authorities that decisions to remove a child's name from the child protection register include a written contingency plan and the signs of relapse that will trigger a review."), indent=0)

    d.h(2, "For individual agencies")
    g = "For individual agencies"
    it = d.rec("1", ["education"], "should", group=g)
    d.hang("1.", it.t("Glynteg and Aberwenddu education services should ensure that nursery and childcare settings funded by the councils record hunger, tiredness and patterns of absence as safeguarding information and share them with the child's social worker."), indent=0)
    it = d.rec("2", ["health"], "should", group=g)
    d.hang("2.", it.t("Bro Elwyn University Health Board should ensure that health visitors complete and record a separate assessment of each child in a family with more than one child under five, including an older child's dental and developmental checks."), indent=0)
    it = d.rec("3", ["substance_misuse_services"], "must", group=g)
    d.hang("3.", it.t("The Bro Elwyn Substance Misuse Service must ask every adult client whether they care for or live with children, and must share information with children's services when a client's children are subject to a child protection plan."), indent=0)

    d.h(2, "For Welsh Government")
    g = "For Welsh Government"
    it = d.rec("1", ["government"], "consider", group=g)
    d.hang("1.", it.t("Welsh Government should consider whether the Wales Safeguarding Procedures should set out the minimum information to be transferred when a child subject to a child protection plan or care and support plan moves between local authorities in Wales."), indent=0)
    d.p("**Anticipated improvement outcomes.** The reviewers expect that these actions will lead to fewer cases in which a family's history is lost on moving, to plans that describe the child's daily life, and to step-down decisions that anticipate relapse.")

    d.h(1, n.sec("Statement by reviewers"))
    d.table(["", "Reviewer 1", "Reviewer 2"], [
        ["Name", "Gwenllian Pryce-Morgan", "Alun Rees"],
        ["Role", "Independent reviewer", "Head of Safeguarding, Bro Elwyn University Health Board"],
        ["Statement of independence from the case", "I have had no involvement with the case or line management of any practitioner involved.", "I have had no involvement with the case or line management of any practitioner involved."],
        ["Quality assurance statement", "The review was conducted in line with the guidance; the report reflects the learning event and has been quality assured by the Case Review Sub-Group.", "As Reviewer 1."],
        ["Date", "March 2021", "March 2021"],
    ], [4.4, 5.8, 5.8], header_noise=False)

    d.h(1, "Appendix 1: Summary timeline", pagebreak=True)
    d.table(["Date", "Agency", "Event"], [
        ["2016", "Aberwenddu CSS", "Two assessments of neglect; strategy discussion held in November 2016."],
        ["Jan 2017", "Glynteg CSS", "Family moves to Glynteg. Transfer summary received; new assessment begins."],
        ["Mar 2018", "Midwifery / Flying Start", "Brother born. Flying Start health visitor allocated."],
        ["July 2018", "Glynteg CSS", "Initial child protection conference: both children registered under the category of neglect."],
        ["Aug 2018 – Dec 2018", "Core group", "Five core group meetings. Parents attend the substance misuse service; nursery attendance 68%."],
        ["Jan 2019", "Glynteg CSS", "Review conference: children's names removed from the register; care and support plan."],
        ["14 May 2019", "Ambulance / Police / Hospital", "Child Y admitted with severe scalds. Parents arrested."],
    ], [3.0, 3.6, 9.4])
    d.h(1, "Appendix 2: Glossary")
    d.table(["Term", "Meaning"], [
        ["CSS", "Children's social services"],
        ["Core group", "The group of practitioners and family members who carry out a child protection plan"],
        ["Flying Start", "A Welsh Government programme of enhanced health visiting and childcare for families with young children in some areas"],
        ["IAA", "Information, advice and assistance service"],
    ], [3.5, 12.5], header_noise=False)
    return d


def listing():
    return dict(section="Child Practice Reviews", lines=[
        "<p><strong>Date of publication: 9th June 2021</strong></p>",
        '<p><a href="{url}child-y-cpr-2021.pdf">BERSB 03/2019 Child Practice Review Report – Child Y</a></p>',
        '<p><a href="{url}child-y-cpr-2021-cymraeg.pdf">Adroddiad Adolygiad Ymarfer Plant BERSB 03/2019 (Cymraeg)</a></p>',
    ])
