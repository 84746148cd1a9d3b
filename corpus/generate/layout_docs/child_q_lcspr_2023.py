# -*- coding: utf-8 -*-
"""Marlhythe SCP, LCSPR Child Q (2023). LibreOffice.

Layouts: findings "Finding One:" ... "Finding Five:" (numbers spelled out) as bold run-in
headings with numbered explanation paragraphs; a recommendations table No. | Recommendation |
Lead agency | Timescale that breaks across a page (header row repeated, wrapped cells);
executive-summary bullets that restate the findings; "Questions for practitioners" box;
chronology table; glossary; contents page; OFFICIAL header.
"""
from layout_model import Doc
from layout_docs._util import Num, long_date, expect_table_repeats

SLUG = "child-q-lcspr-2023"
BOARD = "marlhythe_scp"
PUBLISHED = "2023-09-14"
TUNES = [0, 1, 2, 3]

STYLE = dict(
    font="Carlito", size="11pt", line_height="118%", align="start", accent="#00707a",
    headings={1: dict(size="14pt", colour="#00707a", upper=True, rule="#00707a", before="0.7cm"),
              2: dict(size="12pt", colour="#00707a"),
              3: dict(size="11pt", colour="#000000", italic=False)},
    header="OFFICIAL{tab}{tab}Child Q – Local Child Safeguarding Practice Review",
    footer="Marlhythe Safeguarding Children Partnership{tab}{tab}Page {page} of {pages}",
    footer_rule=True,
    table=dict(bg="#00707a", colour="#ffffff", size="10pt"),
    box=dict(bg="#e6f2f3", border="0.75pt solid #00707a"),
    cover_styles=dict(
        mark=dict(size="10pt", bold=True, align="end", after="2.5cm"),
        board=dict(size="16pt", bold=True, colour="#00707a", align="start", after="1.6cm"),
        type=dict(size="26pt", bold=True, align="start", after="0.3cm"),
        subj=dict(size="22pt", colour="#00707a", align="start", after="2.2cm"),
        line=dict(size="12pt", align="start", after="0.2cm"),
    ),
    extra_para_styles=dict(FindHead=dict(bold=True, colour="#00707a", parent="Body", before="0.3cm")),
)


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="Local Child Safeguarding Practice Review: Child Q", type="lcspr",
        board="Marlhythe Safeguarding Children Partnership", published=PUBLISHED, subject="Child Q",
        age_band="5_10", outcome="serious_harm"), STYLE,
        themes=["neglect", "physical_abuse", "voice_of_child", "professional_curiosity", "information_sharing"],
        risks=["not_in_school", "domestic_abuse", "unseen_men"],
        optional=["multi_agency_working", "parental_mental_health", "thresholds"],
        author="Dr Helen Achterberg")
    d.cover([
        ("mark", "OFFICIAL"),
        ("board", "Marlhythe Safeguarding Children Partnership"),
        ("type", "Local Child Safeguarding Practice Review"),
        ("subj", "Child Q"),
        ("line", "Independent reviewer: Dr Helen Achterberg"),
        ("line", "Date of serious incident: March 2022"),
        ("line", "Review completed: April 2023"),
        ("line", "Published: %s" % long_date(PUBLISHED)),
    ])
    d.pagebreak()
    d.contents("Contents", 1)
    n = Num()

    # ------------------------------------------------------------------ 1 summary
    d.h(1, n.sec("Executive summary"), pagebreak=True)
    d.np(n.para(), "In March 2022 Child Q, then aged eight, was admitted to Marlhythe General Hospital weighing less than he had weighed at the age of five. He had healed fractures to two ribs and a forearm, bruising of different ages and untreated dental decay. His mother's partner has since been convicted of causing him grievous bodily harm, and his mother of child cruelty.")
    d.np(n.para(), "For the eighteen months before his admission Child Q had not been seen by any professional outside his home. He had been withdrawn from school for elective home education in the autumn of 2020, a few weeks after his mother's new partner moved into the household.")
    d.np(n.para(), "In summary, the review found that:")
    d.bullets([
        "nobody outside the family saw Child Q once he left school, and home education was treated as a matter of parental choice rather than as a change in his safety;",
        "police call-outs to the home were handled one at a time and were not linked to the fact that a child had disappeared from view;",
        "very little was known about the man who had moved in, and nobody asked;",
        "the one referral to children's social care was closed without anyone speaking to Child Q; and",
        "each agency held a piece of the picture, but the pieces were never put together.",
    ])
    d.np(n.para(), "The review makes eight recommendations, which are set out in section 8 with the agency that will lead each one and the timescale agreed by the safeguarding partners.")

    # ------------------------------------------------------------------ 2 introduction
    d.h(1, n.sec("Introduction"))
    d.np(n.para(), "The Marlhythe safeguarding partners (Marlhythe Council, the Marlhythe and Ebbsmoor Integrated Care Board and Hythevale Constabulary) received a serious incident notification on 18 March 2022. A rapid review was held on 31 March 2022 and concluded that the criteria for a Local Child Safeguarding Practice Review were met: abuse or neglect of a child was known or suspected, the child had been seriously harmed, and the case raised questions about how agencies had worked together to safeguard him.")
    d.np(n.para(), "The purpose of a review of this kind is not to apportion blame. It is to understand what happened and why, and to identify improvements that will make children in Marlhythe safer. The practitioners who took part did so openly, and the reviewer is grateful to them.")
    d.np(n.para(), "Child Q is now living with his maternal aunt under a special guardianship order. The review uses the pseudonym agreed with his family. His younger half-sister, who was a baby at the time, is referred to as Sibling 1.")

    # ------------------------------------------------------------------ 3 scope and method
    d.h(1, n.sec("Scope and methodology"))
    d.np(n.para(), "The review considered the period from September 2020, when Child Q's mother first told his school that she intended to educate him at home, to his admission to hospital in March 2022. Earlier history has been included where it helps to explain events.")
    d.np(n.para(), "Each agency provided a chronology and a short analysis of its involvement. The reviewer read the records, met practitioners and managers at a learning event in January 2023 and held individual conversations with the school's designated safeguarding lead, the elective home education adviser and the social worker who completed the screening in 2021. Child Q's aunt contributed to the review; his mother and her former partner declined.")
    d.np(n.para(), "The key lines of enquiry were:")
    d.bullets([
        "How did agencies understand and respond to Child Q's withdrawal from school?",
        "How were reports of domestic abuse at the address assessed, and was the presence of children considered?",
        "What was known about the adults in the household, and how was that information used?",
        "How was the referral to children's social care in 2021 screened and decided?",
        "Was information shared between agencies when it needed to be?",
    ])

    # ------------------------------------------------------------------ 4 background and chronology
    d.h(1, n.sec("Background"))
    d.np(n.para(), "Child Q lived with his mother in a two-bedroom flat rented from Marlhythe Homes. His mother had a history of depression, for which she had been treated by her GP since her late teens. Child Q's father had not been part of his life since he was a baby. Until the summer of 2020 Child Q attended Orchard Rise Primary School, where staff described him as a cheerful, sociable boy who loved drawing and football and who was always hungry at breakfast club.")
    d.np(n.para(), "In August 2020 his mother's partner, referred to in this report as Mr T, moved into the flat. Sibling 1 was born in June 2021. Mr T had convictions for violence against a previous partner in another police force area; this was not known to any agency in Marlhythe until after Child Q's admission to hospital.")
    d.h(1, n.sec("Summary of key events"))
    d.np(n.para(), "The table below sets out the events that the review considered most significant. It is not a complete record of every contact.")
    d.table(["Date", "Agency", "Event"], [
        ["Sept 2020", "School", "Mother tells the class teacher that Child Q will be home educated from half term. The school notes that he has been 'quieter since the summer'."],
        ["Oct 2020", "Local authority (EHE team)", "Notification of elective home education received. A letter is sent inviting mother to discuss her plans; she replies by email with a short description of a curriculum."],
        ["Dec 2020", "Police", "Neighbour reports shouting and a child crying. Officers attend; mother says it was an argument over money. Child Q is said to be asleep and is not seen. Risk assessed as standard."],
        ["Feb 2021", "GP", "Child Q does not attend an asthma review. A second appointment is also missed. He is removed from the asthma recall list."],
        ["May 2021", "Police / Children's social care", "Second call-out after Mr T is reported to have pushed mother, who is pregnant. A notification is sent to the front door. Screened as 'information only'."],
        ["June 2021", "Midwifery / Health visiting", "Sibling 1 born. The health visitor's new birth visit records 'mother, partner and older child (not present, at grandmother's)'."],
        ["Aug 2021", "Children's social care", "Anonymous referral that a boy at the address 'never goes out' and looks thin. Mother is contacted by telephone; says Child Q is home educated and well. Closed with no further action."],
        ["Nov 2021", "Local authority (EHE team)", "Annual contact. Mother declines a home visit and sends photographs of worksheets. Provision is recorded as 'appears suitable'."],
        ["Mar 2022", "Ambulance / Hospital", "Child Q is brought to hospital by his aunt after she visits unannounced. Injuries and malnutrition are identified."],
    ], [2.2, 3.4, 10.4])

    # ------------------------------------------------------------------ 5 analysis
    d.h(1, n.sec("Analysis"))
    d.h(2, "Leaving school")
    d.np(n.para(), "Parents in England have the right to educate their children at home, and most who do so provide a good education in a loving home. The law gives the local authority no routine power to see a home-educated child. Practitioners were right to say that withdrawal from school is not in itself a safeguarding concern. The difficulty in this case was that nobody asked what else had changed in Child Q's life at the same time.")
    d.np(n.para(), "The school's records show that staff had noticed a change in Child Q over the summer term. He had lost weight, he had stopped bringing a packed lunch, and on one occasion he said that he was 'not allowed' to play out. None of these observations was recorded as a concern on the school's safeguarding system, and none was passed to the elective home education team when he left. The school regarded its responsibility as ending when his name came off the roll.")
    d.h(2, "Domestic abuse at the address")
    d.np(n.para(), "Hythevale Constabulary attended the address twice. On both occasions the officers completed a risk assessment with mother, who minimised what had happened. On the first occasion the officers recorded that a child lived at the address but did not see him. The second notification reached the children's social care front door, where it was screened as 'information only' because the assessment was standard risk and the family was not open to services.")
    d.np(n.para(), "The review heard that notifications are screened against the risk level recorded by the police, and that the screening form does not ask whether the child is in school or otherwise seen by professionals. A standard-risk incident in a household where a child is seen every day by a teacher is not the same as a standard-risk incident in a household where nobody sees the child at all.")
    d.h(2, "The man in the household")
    d.np(n.para(), "Mr T was recorded by name in the police notifications and by the health visitor. No agency checked his history, and no professional spoke to him directly about his role in the care of the children. When the health visitor asked about the household at the new birth visit, she was told that Child Q was staying with his grandmother. This was not true; Child Q's grandmother had died in 2019.")
    d.h(2, "The referral in August 2021")
    d.np(n.para(), "The anonymous referral in August 2021 was the clearest opportunity to see Child Q. The social worker who screened it was working from home during a period of high demand and relied on a telephone call with mother. The decision was reviewed by a manager who agreed it on the basis that the child was 'known to the EHE team'. In fact the elective home education team had never seen him.")

    # ------------------------------------------------------------------ 6 findings
    d.h(1, n.sec("Findings"), pagebreak=True)
    d.np(n.para(), "The review makes five findings. Each is stated in bold and followed by an explanation of the evidence on which it rests.")
    F = [
        ("One", "Elective home education was treated as a question of educational provision only, so that Child Q became invisible to professionals at the point when his circumstances changed.",
         ["The notification from the school contained no information about wellbeing. The elective home education team's procedures are designed to judge whether education is suitable, and the adviser had no reason to think that anything else was being asked of her. Child Q was not seen by any professional for eighteen months.",
          "The review heard that in Marlhythe about one in six children newly home educated in 2020 and 2021 had been known to children's social care at some point. There is no process for checking whether a child has been the subject of concern before the team makes its first contact."]),
        ("Two", "Police reports of domestic abuse were screened as single incidents against a risk level, without asking who else saw the child.",
         ["Both incidents were correctly recorded and notified. But the screening process treats the police risk level as the main measure of concern, and the form does not record whether a child attends school or nursery. The absence of other professionals around a child is itself a reason for closer attention."]),
        ("Three", "Professionals knew that a new adult man had joined the household but did not find out who he was or think about what his arrival meant for Child Q.",
         ["Mr T's name appears in three agencies' records. The review found no record of anyone asking about his background, his relationship with Child Q, or his part in caring for the children. This pattern, in which men who live with children are not seen or assessed, has been found in many reviews nationally."]),
        ("Four", "The referral in August 2021 was closed on the word of a parent, without Child Q being seen or spoken to, and without checks with other agencies.",
         ["The practice standards of the children's social care front door require that the child's voice is sought before a decision is made, unless there is a recorded reason not to. In this case the decision relied on an assumption that another service was seeing Child Q. A single check with the elective home education team would have shown that it was not.",
          "Managers told the review that the front door was dealing with an exceptional volume of contacts at the time. The review accepts this but notes that the decision was not recorded as a departure from the standard."]),
        ("Five", "Agencies each held information which, put together, would have shown that Child Q's world had closed in around him, but there was no route for it to come together.",
         ["The school knew of the change in him before he left; the GP knew he had missed two appointments; the police knew of the violence at home; the health visitor was given a false account of where he was. None of this was shared, because each piece on its own seemed below the level that needed to be passed on."]),
    ]
    for word, head, paras in F:
        it = d.finding(word)
        d.p("**Finding %s: %s**" % (word, it.t(head)), cls="FindHead")
        for para in paras:
            d.np(n.para(), it.t(para))

    # ------------------------------------------------------------------ 7 questions (distractor)
    d.h(1, n.sec("Questions for practitioners"))
    d.np(n.para(), "The partnership will use these questions in its learning events. They are not recommendations.")
    d.box([
        ("h", "Questions to reflect on"),
        ("bullets", [
            "When a child leaves your school or service, what do you pass on, and to whom?",
            "Do you know who lives in the homes of the children you work with? How do you know?",
            "When a parent tells you a child is 'fine', what would you need to see to be sure?",
            "Who else sees this child every week? If the answer is nobody, what does that change?",
        ]),
    ])

    # ------------------------------------------------------------------ 8 recommendations (table)
    if variant:
        d.spacer(1.2 * variant)
    d.h(1, n.sec("Recommendations"))
    d.np(n.para(), "The safeguarding partners have accepted the following recommendations. Progress will be reported to the partnership's Learning and Improvement Group every six months.")
    recs = [
        ("1", "The local authority should revise its elective home education procedures so that, when a child is withdrawn from school, the school's designated safeguarding lead provides a written summary of any welfare concerns, and the child is seen, with the parent's agreement, within twenty school days of the notification.",
         "Marlhythe Council (Education)", "Within 6 months", ["education"], "should"),
        ("2", "Before the first contact with a family that has chosen to home educate, the elective home education team must check whether the child has been known to children's social care or is the subject of a current police notification, and must record the outcome of that check.",
         "Marlhythe Council (Education) with Children's Social Care", "Within 3 months", ["education"], "must"),
        ("3", "Hythevale Constabulary should amend the domestic abuse notification so that it records whether each child in the household was seen by the attending officers, and if not, why not.",
         "Hythevale Constabulary", "Within 6 months", ["police"], "should"),
        ("4", "The children's social care front door should add to its screening of domestic abuse notifications the question whether the child is seen regularly by a school, nursery or other professional, and should treat a child who is not seen as a reason to gather further information before deciding.",
         "Marlhythe Children's Social Care", "Within 3 months", ["childrens_social_care"], "should"),
        ("5", "The safeguarding partners should seek assurance that the practice standard requiring the child's voice to be sought before a referral is closed is being met, through a multi-agency audit of a sample of referrals closed with no further action, and that any departure from the standard is recorded with the reason.",
         "Marlhythe Safeguarding Children Partnership", "Audit report within 9 months", ["board"], "seek_assurance"),
        ("6", "Health partners should ensure that health visitors and GPs ask, record and, where appropriate, verify who lives in the household and who cares for the children, and that new adults in a household are recorded in every child's record.",
         "Marlhythe and Ebbsmoor ICB", "Within 6 months", ["health"], "should"),
        ("7", "The partnership should consider developing, with schools, a short protocol for sharing welfare information when a child leaves a school for any reason other than a planned transfer, including for elective home education, so that concerns below the threshold for referral are not lost.",
         "Marlhythe Safeguarding Children Partnership (Education Sub-group)", "Within 12 months", ["board"], "consider"),
        ("8", "The safeguarding partners should write to the Department for Education setting out the learning from this review about the lack of any duty to see home-educated children, and asking that it be considered in the development of national guidance and a register of children not in school.",
         "Independent Scrutineer on behalf of the safeguarding partners", "Within 1 month of publication", ["board"], "should"),
    ]
    rows = []
    for num, text, lead, when, ags, strength in recs:
        it = d.rec(num, ags, strength)
        rows.append([num, it.t(text), lead, when])
        it.siblings = [num, lead, when]
    d.table(["No.", "Recommendation", "Lead agency", "Timescale"], rows, [1.1, 9.2, 3.6, 2.6])
    d.expect.append(("the recommendations table breaks across a page with its header repeated",
                     expect_table_repeats("No. Recommendation Lead agency Timescale", 2)))

    # ------------------------------------------------------------------ 9 glossary
    d.h(1, n.sec("Glossary"))
    d.table(["Term", "Meaning"], [
        ["DSL", "Designated safeguarding lead: the member of school staff responsible for child protection"],
        ["EHE", "Elective home education: education provided at home by parents instead of at school"],
        ["Front door", "The point at which contacts and referrals to children's social care are received and screened"],
        ["ICB", "Integrated Care Board, which plans and pays for NHS services in the area"],
        ["LCSPR", "Local Child Safeguarding Practice Review"],
        ["Rapid review", "A first review of a serious incident, held within fifteen working days, which decides whether a local review is needed"],
    ], [3, 13], header_noise=False)
    return d
