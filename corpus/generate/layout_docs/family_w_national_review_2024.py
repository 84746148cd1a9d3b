# -*- coding: utf-8 -*-
"""National Child Safeguarding Review Panel (fictional), national review 'Family W' (2024). LibreOffice.

Layouts: a national child safeguarding practice review in the style of a national panel
report: foreword; executive summary with bullets that restate the findings and the
recommendations in brief (not gold); findings as a small heading "Finding 1" followed by a bold
headline and explanation; recommendations "to government" and "to local safeguarding
partners", each list restarting at 1, two of them with a lead-in ending in a colon and lettered
sub-points; annex; glossary.
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "family-w-national-review-2024"
BOARD = "ncsrp"
PUBLISHED = "2024-02-27"

STYLE = dict(
    font="DejaVu Sans", size="10pt", line_height="128%", align="start", accent="#1d70b8",
    headings={1: dict(size="17pt", colour="#0b0c0c", before="0.8cm", after="0.35cm"),
              2: dict(size="12pt", colour="#1d70b8"),
              3: dict(size="10.5pt", colour="#0b0c0c", italic=False)},
    header="",
    footer="Moving on, left behind: national review of Family W{tab}{tab}{page}",
    footer_rule=True,
    table=dict(bg="#e8f0f8", size="9pt"),
    cover_styles=dict(
        board=dict(size="12pt", bold=True, colour="#1d70b8", align="start", after="5cm"),
        type=dict(size="13pt", bold=True, align="start", after="0.3cm", upper=True, colour="#505a5f"),
        title=dict(size="30pt", bold=True, align="start", after="0.4cm"),
        sub=dict(size="14pt", align="start", after="5cm"),
        line=dict(size="10pt", align="start", after="0.15cm"),
    ),
    extra_para_styles=dict(Headline=dict(bold=True, parent="Body", size="11pt")),
)


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="National Child Safeguarding Practice Review: Family W", type="national_review",
        board="National Child Safeguarding Review Panel", published=PUBLISHED, subject="Family W",
        age_band="1_4", outcome="death"), STYLE,
        themes=["transitions", "start_again_syndrome", "information_sharing", "physical_abuse", "recording"],
        risks=["housing_instability", "domestic_abuse", "unseen_men"],
        optional=["neglect", "poverty", "not_in_school", "multi_agency_working"],
        sidecar=True, author="National Child Safeguarding Review Panel")
    d.cover([
        ("board", "National Child Safeguarding Review Panel"),
        ("type", "National child safeguarding practice review"),
        ("title", "Moving on, left behind"),
        ("sub", "The national review of the death of Child W1 and the serious harm to Child W2 (Family W)"),
        ("line", "Published: %s" % long_date(PUBLISHED, 0)),
        ("line", "Presented to the Secretary of State for Children and Learning"),
    ])
    d.pagebreak()
    d.contents("Contents", 1)

    d.h(1, "Foreword", pagebreak=True)
    d.p("Child W1 was four years old when she died. Her brother, Child W2, was seven and survived injuries that will affect him for the rest of his life. In the three years before Child W1's death the family lived in four local authority areas, and were known to more than thirty services. Every one of those services did something. None of them knew the whole story.")
    d.p("The Panel chose to review this case nationally because the problem it shows is not local. Families who move, often because of a shortage of affordable housing, carry their histories with them, but the records do not follow. I am grateful to the practitioners in all four areas who spoke so openly to us, and to the children's grandmother, who told us about the children she loved.")
    d.p("Chair, National Child Safeguarding Review Panel")

    d.h(1, "Executive summary")
    d.p("This review looks at what happened to Child W1 and Child W2 between 2019 and 2022, while their family moved between four areas of England. Their mother and her partner have since been convicted of offences relating to Child W1's death and to the harm caused to Child W2.")
    d.h(2, "What we found", toc=False)
    d.bullets([
        "Each move led to a new assessment that began from the beginning, so that the family's history was lost.",
        "Temporary accommodation out of the area was arranged without the receiving area's children's services knowing.",
        "The mother's partner was unknown to every agency until after Child W1's death.",
        "Case transfer between areas relied on summaries rather than records.",
        "Schools and health services lost track of the children for months at a time.",
    ])
    d.h(2, "What we recommend, in brief", toc=False)
    d.bullets([
        "A national standard for transferring child protection and child in need cases between areas.",
        "Notification of children's services whenever a family with children is placed in temporary accommodation in another area.",
        "Local arrangements that check who lives in the household at every move.",
    ])

    d.h(1, "1. Introduction")
    d.p("The National Child Safeguarding Review Panel commissions national reviews of cases that it considers complex or of national importance. In this case, four local safeguarding partnerships had each begun a rapid review, and all four recommended to the Panel that the learning would be best identified nationally.")
    d.p("The review was carried out by two Panel members and a lead reviewer. We read the records of all four areas, held a combined learning event with thirty-four practitioners and managers, and met senior leaders in each area. We also spoke to the children's maternal grandmother and to Child W2, with the agreement of his foster carers.")
    d.h(1, "2. The story of Family W")
    d.p("In 2019 the family was living in Area A. The children's mother had left a violent relationship with the children's father and was living in a refuge. Over the next three years the family moved to Area B, back to Area A, to temporary accommodation in Area C arranged by Area A, and finally to a privately rented flat in Area D.")
    d.table(["Period", "Area", "Key events"], [
        ["2019", "Area A", "Family in a refuge. Child protection plan for both children (emotional abuse; domestic abuse). Good progress; plan ends."],
        ["2020", "Area B", "Family moves. Child in need assessment started; closed when family moves again. Child W2 not enrolled at school for four months."],
        ["2021", "Area A, then Area C", "Homelessness: Area A places the family in temporary accommodation 40 miles away in Area C. Area C children's services not told. Mother's new partner moves in."],
        ["2022", "Area D", "Private tenancy. Nursery raises concerns about bruising to Child W1; the explanation is accepted. Six weeks later Child W1 dies."],
    ], [2, 3.5, 10.5])
    d.p("In each area the children were seen by health visitors or school nurses, by GPs and, for most of the time, by schools or nurseries. But the children's records took weeks or months to arrive, and when they did, they were summaries. The most important fact, that both children had been on child protection plans because of domestic abuse, was not known in Area D.")

    d.h(1, "3. Findings", pagebreak=True)
    d.p("We set out five findings. Each describes a weakness in the system, not in any individual practitioner.")
    F = [
        ("1", "When families move, assessments start again from the beginning, and the significance of their history is lost.",
         ["Each area carried out competent assessments of the family in front of it. None of them analysed what had happened in the previous area, because none of them had the information to do so. This is the pattern sometimes called 'start again syndrome'.",
          "Practitioners in Area D told us that they had no reason to ask about previous child protection plans, because nothing in the referral suggested there had been any."]),
        ("2", "Placing families in temporary accommodation in another area can make children invisible to the services that should protect them.",
         ["Area A's housing service placed the family in Area C in line with its duties, but there is no requirement to tell children's services in the receiving area. The children lived in Area C for seven months, unknown to its children's services, schools or health visiting."]),
        ("3", "The arrangements for transferring cases between areas depend on summaries and goodwill rather than on records and standards.",
         ["The transfer from Area A to Area B was a two-page summary. There is no national standard setting out what must be transferred, how quickly, or how the receiving area should confirm that it has understood the risks."]),
        ("4", "No agency found out who the mother's new partner was, and he was never seen by a professional before Child W1's death.",
         ["The partner had convictions for violence against children from a previous relationship. His presence in the household was mentioned once, by Child W2, to a teaching assistant. This finding echoes the Panel's earlier concern about men who are unseen by services."]),
        ("5", "Records held by health services did not follow the children quickly enough to inform the people caring for them.",
         ["Child W2's health record took five months to reach the school nursing service in Area D. His GP record arrived sooner but contained no reference to the child protection plan."]),
    ]
    for num, head, paras in F:
        it = d.finding(num)
        d.h(2, "Finding %s" % num, toc=False)
        d.p(it.t(head), cls="Headline")
        for p in paras:
            d.p(it.t(p))

    d.h(1, "4. Recommendations")
    d.p("Our recommendations are addressed to government and to local safeguarding partners. They are numbered separately for each.")
    d.h(2, "Recommendations to government", toc=False)
    g = "Recommendations to government"
    it = d.rec("1", ["government"], "should", group=g)
    d.hang("1.", it.t("The Department for Children and Learning should introduce a national standard for the transfer of child protection and child in need cases between local authorities, which sets out:"), indent=0)
    for mk, tx in [("(a)", "the records that must be sent, including the full chronology and the most recent plan;"),
                   ("(b)", "the timescale for transfer and for a joint meeting between the two authorities; and"),
                   ("(c)", "how the receiving authority confirms in writing that it has understood the history and the risks.")]:
        d.hang(mk, it.t(mk + " " + tx)[len(mk) + 1:], indent=1)
    it = d.rec("2", ["government"], "should", group=g)
    d.hang("2.", it.t("The Department for Children and Learning, with the Department for Housing and Communities, should require housing authorities to notify the children's services of the receiving area whenever they place a family with children in temporary accommodation outside their own area."), indent=0)
    it = d.rec("3", ["government"], "consider", group=g)
    d.hang("3.", it.t("The Department of Health and Social Care should consider how the child health record can be transferred between areas within two weeks of a child's registration with a new GP or health visiting service."), indent=0)
    d.h(2, "Recommendations to local safeguarding partners", toc=False)
    g = "Recommendations to local safeguarding partners"
    it = d.rec("1", ["board"], "should", group=g)
    d.hang("1.", it.t("Local safeguarding partners should:"), indent=0)
    for mk, tx in [("(a)", "ensure that every assessment of a family that has moved into their area asks about previous involvement with children's services elsewhere and seeks the records;"),
                   ("(b)", "check who lives in and regularly visits the household at every move, and see every adult who cares for the children; and"),
                   ("(c)", "test, through multi-agency audit, how well these arrangements work for families who have moved in the previous year.")]:
        d.hang(mk, it.t(mk + " " + tx)[len(mk) + 1:], indent=1)
    it = d.rec("2", ["board", "housing"], "should", group=g)
    d.hang("2.", it.t("Local safeguarding partners and housing authorities should agree a local protocol so that children's services are told when a family with children is placed in temporary accommodation in, or from, their area."), indent=0)
    it = d.rec("3", ["board"], "seek_assurance", group=g)
    d.hang("3.", it.t("Local safeguarding partners should seek assurance that their schools and early years settings know how to find and report children who arrive without records, or who stop attending after a move."), indent=0)

    d.h(1, "5. What happens next")
    d.p("The Panel will ask the Department for Children and Learning to respond to the recommendations to government within three months. We will write to all local safeguarding partners asking them to consider the findings and to report, through their yearly reports, how they have acted on the recommendations addressed to them.")
    d.h(1, "Annex A: How we carried out the review", pagebreak=True)
    d.p("The review used a systems approach. We analysed the records of the four local authority areas, the health services and the police forces involved; we held individual conversations with twenty practitioners and a combined learning event; and we tested our emerging findings with a reference group of safeguarding partners and national organisations. The children's mother and her partner were invited to contribute but did not respond.")
    d.h(1, "Annex B: Glossary")
    d.table(["Term", "Meaning"], [
        ["Child in need", "A child who needs services to achieve a reasonable standard of health or development"],
        ["Child protection plan", "A multi-agency plan for a child at risk of significant harm"],
        ["Rapid review", "A first review by local safeguarding partners after a serious incident is notified"],
        ["Start again syndrome", "Ignoring a family's history when a new worker or service becomes involved"],
        ["Temporary accommodation", "Housing provided by a housing authority to a homeless household while a settled home is found"],
    ], [4.5, 11.5], header_noise=False)
    return d
