# -*- coding: utf-8 -*-
"""Strathellen Child Protection Committee, Learning Review 'Jamie' (2023). LibreOffice.

Layouts: a Scottish Learning Review (national guidance of 2021): Named Person, Lead Professional,
IRD, Child's Plan, Children's Hearing and compulsory supervision order, Vulnerable Young Person
procedures; learning stated as coloured headings "Learning point 1: ..." followed by
explanation paragraphs; numbered recommendations, one with a lead-in ending in a colon and
lettered sub-points "(a)" to "(d)"; an improvement plan table that summarises the
recommendations in other words (not gold); key practice episodes; glossary.
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "jamie-learning-review-2023"
BOARD = "strathellen_cpc"
PUBLISHED = "2023-06-06"

STYLE = dict(
    font="Open Sans", size="10pt", line_height="130%", align="start", accent="#6a1b6a",
    headings={1: dict(size="15pt", colour="#6a1b6a", before="0.8cm", after="0.3cm", bold=False),
              2: dict(size="11.5pt", colour="#6a1b6a"),
              3: dict(size="10.5pt", colour="#333333", italic=False)},
    header="Learning Review: Jamie{tab}{tab}Strathellen Child Protection Committee",
    footer="Page {page}",
    footer_align="end",
    header_rule=False,
    table=dict(bg="#ead9ea", size="9pt"),
    cover_bg="#f4ecf4",
    cover_styles=dict(
        board=dict(size="13pt", bold=True, colour="#6a1b6a", align="start", after="5cm"),
        type=dict(size="30pt", bold=False, align="start", after="0.2cm", colour="#6a1b6a"),
        subj=dict(size="24pt", bold=True, align="start", after="5.5cm"),
        line=dict(size="10.5pt", align="start", after="0.12cm"),
    ),
)


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="Learning Review: Jamie", type="learning_review", board="Strathellen Child Protection Committee",
        published=PUBLISHED, subject="Jamie", age_band="11_15", outcome="serious_harm"), STYLE,
        themes=["cce", "extra_familial_harm", "multi_agency_working", "voice_of_child", "risk_assessment"],
        risks=["adolescents", "missing_children", "not_in_school"],
        optional=["poverty", "thresholds", "covid19"],
        author="Dr Catriona Baird")
    d.cover([
        ("board", "Strathellen Child Protection Committee"),
        ("type", "Learning Review"),
        ("subj", "Jamie"),
        ("line", "Independent lead reviewer: Dr Catriona Baird"),
        ("line", "Incident: July 2022"),
        ("line", "Published %s" % long_date(PUBLISHED, 0)),
    ])
    d.pagebreak()
    d.contents("Contents", 1)

    d.h(1, "Introduction", pagebreak=True)
    d.p("In July 2022 Jamie, who was then fifteen, was found with serious stab wounds in a stairwell in Strathellen. He survived after emergency surgery. The police investigation established that the assault was linked to a drug debt, and that Jamie had been used by adults to carry and sell drugs in Strathellen and in two neighbouring council areas for about a year.")
    d.p("Strathellen Child Protection Committee decided in August 2022 that a Learning Review should be held, because Jamie had been known to many services and there were questions about how the risks of exploitation outside his home had been recognised. The review followed the national guidance for Child Protection Committees undertaking learning reviews.")
    d.p("Jamie and his mother both contributed to the review. Jamie chose his own pseudonym. He said: 'I want people to know that I wasn't a bad kid. I just didn't have anywhere else to be.'")
    d.h(1, "About Jamie")
    d.p("Jamie lives with his mother and two younger sisters. His mother has brought the children up largely on her own and has had long periods of poor health. Jamie was a good footballer and played for a local club until he was thirteen. He moved from primary to secondary school in 2019 and, after a difficult first year made harder by the pandemic, began to miss school regularly in 2021.")
    d.p("In November 2021 a Children's Hearing made a compulsory supervision order, with Jamie living at home. A social worker became his Lead Professional, and his Child's Plan was reviewed at regular multi-agency meetings. His guidance teacher was his Named Person until the order was made.")
    d.h(1, "Key practice episodes")
    d.table(["Episode", "When", "What happened"], [
        ["1", "Sept 2021", "Jamie is excluded from school for five days after being found with £300 in cash and two mobile phones. The school records the incident as a behaviour matter."],
        ["2", "Oct 2021 – Jan 2022", "Jamie is reported missing by his mother eleven times. He is found in another council area on three occasions. Return discussions are held by phone."],
        ["3", "Nov 2021", "Children's Hearing: compulsory supervision order. The Child's Plan focuses on school attendance and family support."],
        ["4", "Mar 2022", "Police stop Jamie in a car with two adults, one known for drug supply. A concern form is sent to social work. No IRD is held."],
        ["5", "May 2022", "Vulnerable Young Person meeting convened but cancelled because of staff absence; not rescheduled."],
        ["6", "July 2022", "Jamie is assaulted and seriously injured."],
    ], [1.6, 3.2, 11.2])
    d.h(1, "Analysis")
    d.p("Practitioners across services were worried about Jamie, and many had good relationships with him. His football coach, his social worker and the school's family liaison officer all described a young person who was funny, loyal and protective of his sisters. The review's question was why, despite this concern, the risk to him from adults outside his family was not understood and responded to as a child protection matter.")
    d.p("The main reason was that each piece of information arrived in a different place and was understood through that service's usual frame. The school saw behaviour; the police saw a missing young person or a young person associating with known offenders; the social worker saw a family struggling with poverty and illness. The Child's Plan recorded all of these but did not bring them together as evidence of exploitation.")
    d.p("Procedures were not absent. Strathellen has Vulnerable Young Person procedures for young people at risk from their own behaviour or from others outside the home, and the national child protection guidance of 2021 makes clear that the risk of harm from exploitation should be considered through child protection processes. But practitioners were unsure which route applied, and the one meeting that was convened did not take place.")

    d.h(1, "What the review learned", pagebreak=True)
    d.p("The review identified five learning points. Each is stated in the heading and explained below.")
    L = [
        ("1", "Signs of criminal exploitation were read as behaviour to be managed.",
         ["The cash and phones found in September 2021 were seen as a breach of school rules. The exclusion that followed removed Jamie from the one place where he was seen every day, and he told the review that the first time he sold drugs was during that week."]),
        ("2", "Repeated missing episodes were treated as individual events rather than as a pattern.",
         ["Each of the eleven missing episodes was reported and closed. Return discussions were brief and by phone. Nobody asked Jamie, in a setting where he felt safe, where he had been and who he had been with.",
          "The three occasions on which he was found in another council area were not shared with the Lead Professional until January 2022."]),
        ("3", "No inter-agency referral discussion was held, even after the police found Jamie with adults known for drug supply.",
         ["The concern form of March 2022 was screened as 'for information' because Jamie already had a social worker. The review considers that an IRD should have been held, because the information pointed to a risk of significant harm from outside the family."]),
        ("4", "The Child's Plan was built around the family's needs and did not address the risk of harm outside the home.",
         ["The plan's actions were about school attendance, household income and his mother's health. These mattered, but none addressed the places where Jamie spent his time or the adults he spent it with."]),
        ("5", "Jamie's own account of his life was not sought until after he was hurt.",
         ["He told the review that he had wanted to tell someone but thought he would get into trouble with the police. He did not know that he could be seen as a victim."]),
    ]
    for num, head, paras in L:
        it = d.finding(num)
        d.h(2, "Learning point %s: %s" % (num, it.t(head)), toc=False)
        for p in paras:
            d.p(it.t(p))

    d.h(1, "Recommendations")
    d.p("The review makes four recommendations to Strathellen Child Protection Committee and its partners.")
    it = d.rec("1", ["board"], "should")
    d.hang("1.", it.t("Strathellen Child Protection Committee should revise its Vulnerable Young Person procedures so that it is clear when the risk of harm from exploitation outside the home must be considered through child protection processes, including an IRD."), indent=0)
    it = d.rec("2", ["police", "childrens_social_care"], "should")
    d.hang("2.", it.t("Police Scotland and Strathellen Council social work services should ensure that return discussions after a young person has been missing are held in person by a practitioner the young person knows, and that information from every return discussion is shared with the Lead Professional within two working days."), indent=0)
    it = d.rec("3", ["education"], "should")
    d.hang("3.", it.t("Strathellen Council education services should:"), indent=0)
    for mk, tx in [("(a)", "include the signs of criminal exploitation in the guidance on exclusions, so that possession of unexplained cash, phones or drugs prompts a child protection consideration;"),
                   ("(b)", "ensure that a young person thought to be at risk of exploitation is not excluded without a discussion with the Named Person or Lead Professional about how the young person will be kept safe;"),
                   ("(c)", "make sure that guidance teachers receive training on child criminal exploitation; and"),
                   ("(d)", "report to the Committee within a year on the number of exclusions in which exploitation was considered.")]:
        d.hang(mk, it.t(mk + " " + tx)[len(mk) + 1:], indent=1)
    it = d.rec("4", ["board"], "should")
    d.hang("4.", it.t("The Committee should work with young people who have experienced exploitation to develop information that tells young people, in their own words, that they will be treated as victims and where they can go for help."), indent=0)

    d.h(1, "Improvement plan")
    d.p("The Committee has agreed the following improvement actions in response to the review. They summarise, rather than repeat, the recommendations above.")
    d.table(["Rec.", "Improvement action", "Lead", "Target"], [
        ["1", "Revised procedures for young people at risk outside the home, with a clear route to IRD", "CPC Lead Officer", "December 2023"],
        ["2", "Face-to-face return discussions; information shared with the Lead Professional", "Police Scotland / Social Work", "September 2023"],
        ["3", "Exploitation added to the exclusions guidance; training for guidance staff; annual report", "Head of Education", "March 2024"],
        ["4", "Co-produced information for young people", "CPC Participation Worker", "March 2024"],
    ], [1.2, 8.6, 3.6, 2.6])
    d.h(1, "Glossary")
    d.table(["Term", "Meaning"], [
        ["Compulsory supervision order", "An order made by a Children's Hearing that a child must be supervised by the local authority"],
        ["IRD", "Inter-agency referral discussion"],
        ["Lead Professional", "The practitioner who co-ordinates a Child's Plan involving more than one agency"],
        ["Vulnerable Young Person procedures", "Local procedures for young people at risk from their own behaviour or from others outside the home"],
    ], [4.8, 11.2], header_noise=False)
    return d


def listing():
    return dict(section="Learning Reviews", lines=[
        "<h3>Learning Review: Jamie</h3>",
        "<p>A Learning Review following serious harm to a young person who was criminally exploited.</p>",
        '<p class="date">Published: 6 June 2023</p>',
        '<p><a href="{url}jamie-learning-review-2023.pdf">Learning Review – Jamie – full report (PDF)</a></p>',
    ])
