# -*- coding: utf-8 -*-
"""Northern Ireland Safeguarding Partnership Board, Case Management Review 'Child Z' (2019). LibreOffice.

Layouts: a Northern Ireland CMR (HSC Trust, PSNI, Gateway, UNOCINI, Family Support Hub, Co-operating
to Safeguard Children); every paragraph numbered 4.1, 4.2 ...; findings as numbered paragraphs
that begin "Finding 1 –" in bold (one with a footnote marker in the middle); recommendations
numbered 1.1, 1.2, 2.1 ... under agency headings; an agency response table that paraphrases the
recommendations (not gold); footnotes; glossary; contents.
"""
from layout_model import Doc
from layout_docs._util import Num, long_date

SLUG = "child-z-cmr-2019"
BOARD = "nispb"
PUBLISHED = "2019-10-15"

STYLE = dict(
    font="Carlito", size="11pt", line_height="120%", align="justify", accent="#00507a",
    headings={1: dict(size="14pt", colour="#00507a", before="0.7cm", after="0.3cm"),
              2: dict(size="12pt", colour="#00507a"),
              3: dict(size="11pt", colour="#000000", italic=False, underline=True)},
    header="Case Management Review – Child Z{tab}{tab}OFFICIAL SENSITIVE",
    footer="NISPB{tab}{page}{tab}CMR 04/17",
    header_rule=True, footer_rule=True,
    table=dict(bg="#d4e4ee", size="9.5pt"),
    num_indent="1.1cm",
    cover_styles=dict(
        mark=dict(size="10pt", bold=True, align="end", after="3cm"),
        board=dict(size="14pt", bold=True, colour="#00507a", align="start", after="0.2cm"),
        panel=dict(size="11pt", colour="#00507a", align="start", after="3cm"),
        type=dict(size="28pt", bold=True, align="start", after="0.3cm"),
        subj=dict(size="20pt", align="start", after="0.2cm"),
        ref=dict(size="11pt", align="start", after="3.5cm"),
        line=dict(size="11pt", align="start", after="0.15cm"),
    ),
)

FN1 = "Co-operating to Safeguard Children and Young People in Northern Ireland, Department of Health, 2017, chapter 6."
FN2 = "Understanding the Needs of Children in Northern Ireland: the regional assessment framework."


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="Case Management Review: Child Z", type="cmr", board="Northern Ireland Safeguarding Partnership Board",
        published=PUBLISHED, subject="Child Z", age_band="1_4", outcome="death"), STYLE,
        themes=["neglect", "think_family", "information_sharing", "risk_assessment", "engagement", "voice_of_child"],
        risks=["parental_substance_misuse", "housing_instability"],
        optional=["parental_mental_health", "multi_agency_working", "early_help", "thresholds"],
        sidecar=True, author="Dr Niamh Corrigan")
    d.cover([
        ("mark", "OFFICIAL SENSITIVE"),
        ("board", "Northern Ireland Safeguarding Partnership Board"),
        ("panel", "Case Management Review Panel"),
        ("type", "Case Management Review"),
        ("subj", "Child Z"),
        ("ref", "CMR 04/17"),
        ("line", "Chair of the Review Panel: Dr Niamh Corrigan"),
        ("line", "Date of Child Z's death: 2 September 2017"),
        ("line", "Date of publication: %s" % long_date(PUBLISHED, 0)),
    ])
    d.pagebreak()
    d.contents("Contents", 1)
    n = Num()

    d.h(1, n.sec("Introduction"), pagebreak=True)
    d.np(n.para(), "This Case Management Review (CMR) was commissioned by the Case Management Review Panel of the Northern Ireland Safeguarding Partnership Board (NISPB) following the death of Child Z, a three-year-old boy, in September 2017. A post-mortem examination found that Child Z died from methadone toxicity. The methadone had been prescribed to his father.")
    d.np(n.para(), "A CMR is undertaken where a child has died or been significantly harmed and there are concerns about the way in which agencies worked together to safeguard the child.[[fn:%s]] Its purpose is to identify learning and to improve practice, not to apportion blame." % FN1)
    d.np(n.para(), "The review was chaired by an independent reviewer with a panel comprising senior representatives of Ardcarran Health and Social Care Trust (the Trust), the Police Service of Northern Ireland (PSNI), the Education Authority and primary care. Child Z's maternal grandmother met the Chair. His parents were invited to contribute; his mother did so by letter.")

    d.h(1, n.sec("Terms of reference"))
    d.np(n.para(), "The review examined agency involvement with Child Z and his family from his mother's booking for antenatal care in October 2013 to his death. The terms of reference asked the panel to consider:")
    d.bullets([
        "how the risks associated with parental substance misuse were assessed, including the safe storage of prescribed medication;",
        "how information was shared between adult addiction services, children's services, primary care and the police;",
        "whether the decision to close the case in the Family Support Hub in 2016 was appropriate; and",
        "how the views and experience of Child Z were understood.",
    ])

    d.h(1, n.sec("Family background"))
    d.np(n.para(), "Child Z lived with his mother and father in a flat in Ardcarran. Both parents had a long history of opiate use. His father had been prescribed methadone by the Trust's community addiction team since 2012, and had been allowed to take his doses home since 2015. His mother had periods of depression and had been treated by her GP.")
    d.np(n.para(), "The family moved address four times in three years, twice after threats from people to whom the father owed money. Child Z's grandmother described him as a lively little boy who loved tractors and his grandmother's dog, and who 'was always smiling even when there wasn't much to smile about'.")

    d.h(1, n.sec("Summary of agency involvement"))
    d.np(n.para(), "The principal contacts are set out below.")
    d.table(["Date", "Agency", "Contact"], [
        ["Oct 2013", "Trust (midwifery)", "Booking. Both parents' opiate use recorded; referral to the Gateway Service. UNOCINI completed; no further action beyond health visiting."],
        ["2014 – 2015", "Health visiting", "Regular contact. Concerns about home conditions twice; advice given. Safe storage of methadone discussed once."],
        ["Mar 2016", "PSNI", "Police attend the flat after a report of a disturbance. Father is under the influence; Child Z is asleep. Referral to Gateway."],
        ["Apr 2016", "Gateway / Family Support Hub", "Case referred to the Family Support Hub; family accepts support from a voluntary agency for three months. Closed in August 2016."],
        ["Jan 2017", "Community addiction team", "Father's take-home doses increased. Lockable box offered; father says he already has one. No home visit."],
        ["Sept 2017", "Ambulance / PSNI", "Child Z found unresponsive. Pronounced dead at the Ardcarran Hospital."],
    ], [2.2, 3.6, 10.2])

    d.h(1, n.sec("Analysis"))
    d.h(2, "Prescribing and the household", toc=False)
    d.np(n.para(), "The community addiction team's records show careful attention to the father's treatment: his dose, his drug screens, his mood and his progress towards stability. The decision in 2015 to allow take-home doses was in line with clinical guidance for a patient who had been stable for a long period. What was missing was any consideration of the fact that a toddler lived in the same small flat. The risk assessment template used by the team did not ask about children, and the lockable box was offered but never seen.")
    d.np(n.para(), "Practitioners told the panel that home visits by the addiction team had become rare because of caseload pressures, and that they relied on patients' own accounts of how medication was kept. The panel recognises these pressures but notes that the safe storage of opioid medication in a home with young children is a matter of life and death.")
    d.h(2, "Referrals and thresholds", toc=False)
    d.np(n.para(), "The Gateway Service received three referrals in four years. Each was screened promptly and each was judged to be below the threshold for a child protection investigation. The panel found that the screening considered the most recent incident in detail but did not analyse the pattern: two parents using opiates, repeated moves, debts, threats and a police attendance at which the father was intoxicated while caring for a two-year-old.")
    d.np(n.para(), "When the family stopped engaging with the Family Support Hub in August 2016, the voluntary agency closed the case in line with its procedures. Because the Hub's involvement was voluntary, nobody considered whether the withdrawal was itself a cause for concern, and neither the health visitor nor the Gateway Service was told.")
    d.h(2, "Child Z's experience", toc=False)
    d.np(n.para(), "Health visitors saw Child Z regularly and recorded that he was meeting his milestones. The records say much less about what his days were like: who got him up, what he ate, whether he went out to play, and what he saw of his parents' drug use. His grandmother told the panel that he sometimes stayed with her for several days at a time when 'things were bad at home', but no practitioner ever spoke to her.")

    d.h(1, n.sec("Findings"))
    d.np(n.para(), "The panel's findings are set out in the paragraphs below. They are addressed to the system of safeguarding in Ardcarran and regionally.")
    F = [
        "The community addiction team assessed the father's treatment needs carefully but did not consider Child Z as a member of the household when deciding to allow take-home doses, and did not visit the home to see how the medication was stored.",
        "The assessment completed at the start of the pregnancy[[fn:%s]] was thorough, but it was not repeated as circumstances changed, and later decisions relied on it as though it were current." % FN2,
        "Each referral to the Gateway Service was considered on its own. The history of repeated moves, debt and police involvement was not brought together, and the threshold for a child protection response was judged against the most recent incident.",
        "The Family Support Hub provided helpful practical support, but the case was closed when the family stopped engaging, without any agency being told that the support had ended.",
        "There was no agreed way for adult addiction services, health visitors and GPs to share information about a parent's prescribing and the safety of children in the home.",
        "Child Z was seen regularly, but records describe his development and the home conditions rather than what daily life was like for him.",
    ]
    for k, text in enumerate(F, 1):
        it = d.finding(str(k))
        d.np(n.para(), "**Finding %d –** %s" % (k, it.t(text)))

    d.h(1, n.sec("Recommendations"))
    d.np(n.para(), "The recommendations are grouped by the organisation to which they are addressed and are numbered within each group.")
    G = [
        ("1. Ardcarran Health and Social Care Trust: Children's Services", [
            ("1.1", ["childrens_social_care"], "should", "The Trust should ensure that a new UNOCINI assessment is completed whenever a further referral is received about a child living with parental substance misuse, and that it analyses the whole history of referrals."),
            ("1.2", ["childrens_social_care"], "should", "The Trust should ensure that the Gateway Service considers all previous contacts, including police attendances and changes of address, when deciding whether the threshold for a child protection investigation is met."),
        ]),
        ("2. Ardcarran Health and Social Care Trust: Addiction Services", [
            ("2.1", ["substance_misuse_services"], "must", "Community addiction teams must complete a home visit and a documented assessment of safe storage before take-home doses of opioid substitute medication are agreed for a parent living with children, and must review it at least every six months."),
            ("2.2", ["substance_misuse_services"], "should", "Addiction services should inform the child's health visitor or social worker when take-home doses are started or increased for a parent."),
        ]),
        ("3. Police Service of Northern Ireland", [
            ("3.1", ["police"], "should", "PSNI should ensure that referrals to the Gateway Service following incidents involving parental intoxication describe the condition of the children and the home, and record any medication seen."),
        ]),
        ("4. Primary care and the Family Support Hubs", [
            ("4.1", ["gp", "health"], "should", "GP practices should record on the child's record when a parent in the household is prescribed opioid substitute medication, and should consider safe storage at every contact with the family."),
            ("4.2", [], "should", "Family Support Hubs should notify the referrer and the health visitor when a family withdraws from support, so that the level of concern can be reconsidered."),
        ]),
        ("5. Northern Ireland Safeguarding Partnership Board", [
            ("5.1", ["board"], "should", "The NISPB should develop regional guidance on the safe storage of prescribed opioid substitute medication in households with children, and a leaflet for parents."),
            ("5.2", ["board"], "seek_assurance", "The NISPB should seek assurance from each Trust, within twelve months, that the recommendations of this review have been implemented."),
        ]),
    ]
    for head, recs in G:
        d.h(3, head, toc=False)
        for num, ags, strength, text in recs:
            it = d.rec(num, ags, strength, group=head.split(". ", 1)[1])
            d.np(num, it.t(text))

    d.h(1, n.sec("Agency responses"))
    d.np(n.para(), "The organisations concerned have accepted the recommendations. Their responses, in summary, are shown below.")
    d.table(["Rec.", "Response", "Timescale"], [
        ["1.1–1.2", "Gateway procedures revised; history check added to the screening template", "March 2020"],
        ["2.1–2.2", "Home visit and storage assessment now required before take-home doses; notification to health visitor added to policy", "Complete"],
        ["3.1", "Public Protection Branch guidance updated", "December 2019"],
        ["4.1–4.2", "Practice alert issued to GPs; Hub closure notification introduced", "January 2020"],
        ["5.1–5.2", "Regional guidance in development; assurance report scheduled", "October 2020"],
    ], [2.2, 10.8, 3])
    d.h(1, n.sec("Glossary"))
    d.table(["Term", "Meaning"], [
        ["Family Support Hub", "A multi-agency network that arranges early intervention support for families who agree to it"],
        ["Gateway Service", "The Trust team that receives and screens referrals to children's social services"],
        ["PSNI", "Police Service of Northern Ireland"],
        ["UNOCINI", "Understanding the Needs of Children in Northern Ireland, the regional assessment framework"],
    ], [4, 12], header_noise=False)
    return d
