# -*- coding: utf-8 -*-
"""Strathellen Child Protection Committee, Significant Case Review 'Baby G' (2017). LibreOffice.

Layouts: a Scottish Significant Case Review (type scr): Named Person, IRD, Child's Plan,
Children's Hearing, Child Protection Register, pre-birth case conference; an executive summary in
two columns (with summary bullets that restate the findings); findings labelled with lower-case
roman numerals "(i)" to "(ix)" as hanging paragraphs; recommendations "Recommendation 1:" as bold
run-ins; "What worked well"; chronology table; glossary; upper-case numbered headings.
"""
from layout_model import Doc
from layout_docs._util import Num, long_date

SLUG = "baby-g-scr-2017"
BOARD = "strathellen_cpc"
PUBLISHED = "2017-11-28"

STYLE = dict(
    font="Liberation Sans", size="10.5pt", line_height="125%", align="justify", accent="#003865",
    headings={1: dict(size="12.5pt", colour="#003865", upper=True, before="0.7cm", after="0.3cm"),
              2: dict(size="11pt", colour="#003865"),
              3: dict(size="10.5pt", colour="#003865", italic=True)},
    header="Strathellen Child Protection Committee{tab}{tab}Significant Case Review – Baby G",
    footer="{tab}{page}",
    header_rule=True,
    table=dict(bg="#cfdcea", size="9pt"),
    hang1="1.3cm",
    col_gap="0.9cm",
    cover_styles=dict(
        board=dict(size="16pt", bold=True, colour="#003865", align="center", after="4cm"),
        type=dict(size="26pt", bold=True, align="center", after="0.4cm", upper=True, colour="#003865"),
        subj=dict(size="20pt", align="center", after="4cm"),
        line=dict(size="11pt", align="center", after="0.15cm"),
    ),
)


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="Significant Case Review: Baby G", type="scr", board="Strathellen Child Protection Committee",
        published=PUBLISHED, subject="Baby G", age_band="under_1", outcome="death"), STYLE,
        themes=["nahi", "physical_abuse", "pre_birth_assessment", "information_sharing", "risk_assessment", "rule_of_optimism"],
        risks=["babies_under_one", "young_parents", "unseen_men", "domestic_abuse"],
        optional=["parental_substance_misuse", "looked_after", "multi_agency_working"],
        author="Iain MacRobert")
    d.cover([
        ("board", "Strathellen Child Protection Committee"),
        ("type", "Significant Case Review"),
        ("subj", "Baby G"),
        ("line", "Lead reviewer: Iain MacRobert"),
        ("line", "Report presented to the Chief Officers Group: August 2017"),
        ("line", "Published: %s" % long_date(PUBLISHED, 0)),
    ])
    d.pagebreak()
    d.contents("Contents", 1)
    n = Num()

    d.h(1, n.sec("Executive summary"), pagebreak=True)
    d.twocol(True)
    d.p("Baby G died in hospital in May 2016, aged eleven weeks, from a head injury. Her father was later convicted of culpable homicide. Her mother was seventeen when Baby G was born and had herself been looked after by Strathellen Council from the age of twelve.")
    d.p("Strathellen Child Protection Committee commissioned this Significant Case Review because Baby G's name had been placed on the Child Protection Register before her birth, and because there were questions about how the risks to her had been assessed and shared.")
    d.p("The review found that practitioners had worked hard to support Baby G's mother, and that the pre-birth planning was timely. However, the review identified learning in the following areas:")
    d.bullets([
        "how much was known about Baby G's father, and how it was used;",
        "the decision to remove Baby G's name from the register when she was six weeks old;",
        "the reliance on the mother's account when she was herself a young person needing support;",
        "the way information from the Named Person service and the police reached the Child's Plan; and",
        "the absence of a contingency plan.",
    ])
    d.p("The review makes nine findings and six recommendations. The Committee has accepted all of them and has published an improvement plan alongside this report.")
    d.twocol(False)

    d.h(1, n.sec("Introduction and process"))
    d.np(n.para(), "A Significant Case Review is a multi-agency process for establishing the facts of, and learning lessons from, a situation where a child has died or been significantly harmed. It is held in line with the national guidance for Child Protection Committees. Its purpose is learning, not the allocation of blame.")
    d.np(n.para(), "The review was led by an independent reviewer, supported by a review team of senior staff from Strathellen Council social work services, NHS Strathellen, Police Scotland, Education and the Scottish Children's Reporter Administration. Records were examined, and twenty-two practitioners and managers were interviewed individually or in groups. Baby G's maternal grandmother contributed to the review. Baby G's mother met the reviewer twice.")
    d.np(n.para(), "The review covered the period from April 2015, when Baby G's mother told her throughcare worker that she was pregnant, to Baby G's death in May 2016.")

    d.h(1, n.sec("Background"))
    d.np(n.para(), "Baby G's mother, referred to as Ms G, had been looked after away from home since she was twelve, latterly in a residential unit and then in a supported flat. She had a history of self-harm and had used cannabis. She was supported by a throughcare worker and attended college part time. Professionals who knew her described her as bright, funny and fiercely determined to be a good mother.")
    d.np(n.para(), "Baby G's father, referred to as Mr H, was twenty-four. He had previous convictions for assault, including an assault on a former partner in 2013, and had been the subject of a police concern report about his behaviour towards Ms G in 2015. He did not live with Ms G, but stayed at the flat most nights after Baby G was born.")

    d.h(1, n.sec("Chronology of key events"))
    d.table(["Date", "Agency", "Event"], [
        ["Apr 2015", "Social Work (throughcare)", "Ms G discloses pregnancy. Midwife and Named Person (health visitor) informed."],
        ["June 2015", "Police Scotland", "Concern report after neighbours hear Mr H shouting at Ms G in the street. Shared with social work."],
        ["Aug 2015", "IRD", "Inter-agency referral discussion. Agreed to hold a pre-birth child protection case conference."],
        ["Oct 2015", "Case conference", "Unborn baby's name placed on the Child Protection Register (risk of neglect; domestic abuse). Child's Plan agreed."],
        ["Feb 2016", "NHS Strathellen", "Baby G born at 38 weeks. Discharged home with Ms G; Mr H present at discharge."],
        ["Mar 2016", "Review case conference", "Baby G's name removed from the Register; Child's Plan continues under the Named Person."],
        ["Apr 2016", "Health visitor", "Small bruise on Baby G's forehead; Ms G says Baby G hit her head on the cot bars. Not referred."],
        ["May 2016", "Scottish Ambulance Service / Hospital", "Baby G admitted unconscious. Dies two days later."],
    ], [2.2, 4.0, 9.8])

    d.h(1, n.sec("Analysis"))
    d.np(n.para(), "The pre-birth planning was timely and thorough in many respects. An IRD was held promptly, the case conference took place at 26 weeks of pregnancy and the Child's Plan had clear actions. The difficulty lay not in the process but in what was understood about the risks, and in how quickly the assessment of those risks changed after Baby G was born.")
    d.np(n.para(), "Mr H did not attend the case conference and was never interviewed as part of the assessment. His previous convictions were known to the police representative but were summarised in the conference minutes as 'a history of minor offending'. When Mr H began to stay at the flat, this was recorded as 'father supportive'. The review team considered that the presence of a man with a history of violence towards a partner, caring for a new baby with a very young mother, should have been a central part of the assessment.")
    d.np(n.para(), "The review case conference held when Baby G was six weeks old heard that Ms G was coping well, that the flat was clean, and that Baby G was gaining weight. All of this was true. The decision to remove Baby G's name from the register was unanimous. The review found that the conference focused on Ms G's progress as a young person rather than on the risks to the baby, and that it did not consider what would happen if the relationship with Mr H deteriorated.")

    d.h(1, n.sec("Findings"), pagebreak=True)
    d.np(n.para(), "The review team's findings are set out below. They are numbered (i) to (ix) and are listed in the order in which they arise in the chronology, not in order of importance.")
    R = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    F = [
        "The pre-birth assessment was completed on time and led to appropriate registration, but it was based almost entirely on information about Ms G. Mr H's history and role were not assessed.",
        "The police concern report of June 2015 was shared with social work, but its significance as an indicator of domestic abuse was not recognised in the assessment, which described the incident as 'an argument'.",
        "Practitioners' understandable wish to support Ms G as a young person leaving care meant that the needs and risks of Baby G were at times seen through her mother's eyes.",
        "Mr H was not invited to the case conference, and no practitioner spoke with him about his care of Baby G or about his past.",
        "The decision to remove Baby G's name from the register after six weeks was based on the mother's progress and did not test whether the risks identified before the birth had changed.",
        "The Child's Plan that continued after de-registration did not contain a contingency plan or say what would indicate that the risk to Baby G had increased.",
        "The Named Person service did not receive all of the information held by the police and social work, and so could not judge the significance of later events.",
        "A bruise on a non-mobile baby was accepted as accidental and was not referred for medical assessment, contrary to the Committee's guidance on bruising in babies.",
        "Ms G's own vulnerability, including her history of self-harm and her dependence on Mr H for accommodation and money, was not considered as a factor that might limit her ability to protect Baby G.",
    ]
    for num, text in zip(R, F):
        it = d.finding(num)
        d.hang("(%s)" % num, it.t(text), indent=1)

    d.h(1, n.sec("What worked well"))
    d.np(n.para(), "The review team wishes to recognise the following practice:")
    d.bullets([
        "the throughcare worker's relationship with Ms G, which Ms G described as 'the one person who never gave up on me';",
        "the prompt IRD and pre-birth case conference;",
        "the hospital's immediate child protection referral when Baby G was admitted, and the support given to the family at the time of her death.",
    ])

    d.h(1, n.sec("Recommendations"))
    d.np(n.para(), "The review makes the following recommendations to Strathellen Child Protection Committee.")
    recs = [
        ("1", ["board"], "should", "Strathellen Child Protection Committee should revise its pre-birth assessment guidance so that every adult who will have a caring role for the baby, including a father who does not live with the mother, is assessed, and so that a decision not to assess is recorded with reasons."),
        ("2", ["board"], "should", "The Committee should ensure that, in cases of concern about domestic abuse, the full relevant criminal history of each adult is presented to the case conference in writing by Police Scotland and is not summarised verbally."),
        ("3", ["board"], "seek_assurance", "The Committee should seek assurance from the Chief Social Work Officer that decisions to remove an infant's name from the Child Protection Register within three months of birth are reviewed by a senior manager before they take effect."),
        ("4", ["board"], "should", "Every Child's Plan for a baby whose name is removed from the register should include a contingency plan and a list of the circumstances in which a further IRD will be held."),
        ("5", ["health"], "must", "NHS Strathellen must remind all health visitors and general practitioners that any bruise on a non-mobile baby requires same-day referral for paediatric assessment, and must audit compliance with the bruising guidance annually."),
        ("6", ["board"], "should", "The Committee should develop, with the throughcare and aftercare service, practice guidance on supporting care-experienced young parents which recognises both their own needs and their baby's need for protection."),
    ]
    for num, ags, strength, text in recs:
        it = d.rec(num, ags, strength)
        d.p("**Recommendation %s:** %s" % (num, it.t(text)))

    d.h(1, n.sec("Glossary"))
    d.table(["Term", "Meaning"], [
        ["Child's Plan", "The single plan for a child who needs targeted support, co-ordinated by a Lead Professional"],
        ["Child Protection Register", "The list, held by the local authority, of children who are the subject of an inter-agency child protection plan"],
        ["Children's Hearing", "A legal tribunal of three trained volunteers which makes decisions about children who may need compulsory measures of supervision"],
        ["IRD", "Inter-agency referral discussion between police, social work and health, which decides on the response to a child protection concern"],
        ["Named Person", "The practitioner (the health visitor for a pre-school child) who is the first point of contact for a child and family"],
        ["Throughcare", "Support for young people leaving care"],
    ], [4.2, 11.8], header_noise=False)
    return d


def listing():
    return dict(section="Significant Case Reviews", lines=[
        "<h3>Baby G: Significant Case Review</h3>",
        "<p>Report of the Significant Case Review into the death of an infant in 2016, with the Child Protection Committee's improvement plan.</p>",
        '<p class="date">Published: November 2017</p>',
        '<p><a href="{url}baby-g-scr-2017.pdf">Significant Case Review – Baby G (PDF)</a> | <a href="{url}baby-g-scr-2017-improvement-plan.pdf">CPC improvement plan</a></p>',
    ])
