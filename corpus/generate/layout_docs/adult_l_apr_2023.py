# -*- coding: utf-8 -*-
"""Bro Elwyn Regional Safeguarding Board, Adult Practice Review 'Adult L' (2023). Headless Chromium.

Layouts: a Welsh Concise Adult Practice Review: bilingual cover ("Adolygiad Ymarfer Oedolion"
first) with a month-only publication date; learning labelled "LP1 –" ... "LP5 –" as bold
run-ins; "Improving Systems and Practice" as a table No. | Recommendation | Lead agency |
Timescale printed by Chromium, which breaks across a page with its header row (thead) repeated;
a carer's assessment and mental capacity; reviewer's statement; timeline appendix.
"""
from layout_model import Doc
from layout_docs._util import long_date, expect_table_repeats

SLUG = "adult-l-apr-2023"
BOARD = "bro_elwyn_rsb"
PUBLISHED = "2023-07-12"
TUNES = [0, 1, 2, 3, 4, 5]

HL = "BERSB APR 01/2021"
HR = "Adult Practice Review Report – Adult L"
CSS = """
@page { size: A4; margin: 22mm 19mm 22mm 19mm;
  @top-left { content: "%(hl)s"; font: 8.5pt 'Liberation Sans'; color: #1d5a2c; }
  @top-right { content: "%(hr)s"; font: 8.5pt 'Liberation Sans'; color: #1d5a2c; }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8.5pt 'Liberation Sans'; } }
@page :first { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
body { font-family: 'Liberation Sans'; font-size: 10.5pt; line-height: 1.45; }
.cover { padding-top: 12mm; }
.c-cy { font-size: 12pt; color: #1d5a2c; margin: 0; }
.c-en { font-size: 12pt; font-weight: bold; color: #1d5a2c; margin: 0 0 35mm 0; }
.c-tcy { font-size: 22pt; color: #666; margin: 0; }
.c-ten { font-size: 26pt; font-weight: bold; margin: 0 0 8mm 0; }
.c-ref { font-size: 15pt; font-weight: bold; margin: 0 0 40mm 0; }
.c-line { font-size: 11pt; margin: 0 0 1.6mm 0; }
h1 { font-size: 13pt; background: #dfeedd; padding: 1.5mm 3mm; margin: 7mm 0 3mm 0; }
h1.newpage { break-before: page; margin-top: 0; }
h2 { font-size: 11.5pt; color: #1d5a2c; margin: 4mm 0 1.5mm 0; }
h2.toc-title { font-size: 14pt; color: #000; }
p.lp { margin-bottom: 3mm; }
table { font-size: 9.5pt; }
th { background: #1d5a2c; color: white; border: 0.6pt solid #1d5a2c; }
td { border: 0.6pt solid #8fb58f; }
table.recs tr { break-inside: auto; }
""" % dict(hl=HL, hr=HR)

STYLE = dict(css=CSS, header=HL + "{tab}" + HR, footer="Page {page} of {pages}")


def build(variant=0):
    d = Doc(SLUG, BOARD, "chromium", dict(
        title="Adult Practice Review: Adult L", type="cpr_apr", board="Bro Elwyn Regional Safeguarding Board",
        published=PUBLISHED, subject="Adult L", age_band="adult_65_plus", outcome="death"), STYLE,
        themes=["neglect", "financial_abuse", "mental_capacity", "making_safeguarding_personal", "think_family", "information_sharing"],
        risks=["older_age_frailty", "care_and_support_needs", "social_isolation"],
        optional=["adult_substance_dependence", "professional_curiosity", "covid19"],
        author="Eleri Vaughan-Hughes")
    d.cover([
        ("cy", "Bwrdd Diogelu Rhanbarthol Bro Elwyn"),
        ("en", "Bro Elwyn Regional Safeguarding Board"),
        ("tcy", "Adolygiad Ymarfer Oedolion"),
        ("ten", "Adult Practice Review"),
        ("ref", "BERSB APR 01/2021 – Adult L"),
        ("line", "Concise Adult Practice Review Report"),
        ("line", "Reviewer: Eleri Vaughan-Hughes"),
        ("line", "Adult L died on 3 February 2021"),
        ("line", "Publication date: %s" % long_date(PUBLISHED, 2)),
    ])
    d.contents("Contents", 1)
    d.h(1, "1. Legal context from guidance in relation to the review", pagebreak=True)
    d.p("Bro Elwyn Regional Safeguarding Board commissioned a Concise Adult Practice Review in accordance with the guidance for multi-agency adult practice reviews issued under Part 7 of the Social Services and Well-being (Wales) Act 2014. A concise review is held where an adult at risk has died or been seriously harmed, abuse or neglect is known or suspected, and the adult was not in receipt of care and support services from the local authority to protect them from abuse or neglect at the time.")
    d.p("Adult L was known to the local authority and to health services, but she was not receiving care and support from Aberwenddu County Council at the time of her death. The case therefore met the criteria for a concise review.")
    d.h(1, "2. Circumstances resulting in the review")
    d.p("Adult L was 81 when she died in hospital in February 2021. She had dementia and lived with her son, who had given up work to care for her. She was admitted to hospital by ambulance with severe pressure ulcers, dehydration and malnutrition. Her son was later convicted of wilful neglect of a person lacking capacity, and of fraud, after it was found that he had spent most of her savings.")
    d.p("The review considered the period from March 2019, when Adult L was diagnosed with dementia, to her death. It was carried out by an independent reviewer with a panel of senior managers. A learning event was held with practitioners in September 2022. Adult L's daughter, who lives in England, contributed to the review.")
    d.p("Adult L was described by her daughter as a proud, funny woman who had run the village post office for thirty years and knew everyone. 'She would have hated people to see her like that,' her daughter said, 'and that is probably why she let him keep them out.'")
    d.h(1, "3. Practice and organisational learning")
    d.p("The reviewer has identified five learning points. Each is labelled LP1 to LP5 and is followed by an outline of the circumstances in this case from which it arises.")
    L = [
        ("LP1", "The son's role as carer was accepted without an assessment of his own needs or of his ability to provide the care his mother needed.",
         " He was offered a carer's assessment twice and declined. Nobody explored why, or considered that a carer who is struggling, isolated and financially dependent on the person he cares for may present a risk as well as need support."),
        ("LP2", "Adult L's capacity to make decisions about her care and her money was assumed rather than assessed.",
         " Practitioners recorded that Adult L 'did not want' services and that her son managed her affairs 'with her agreement'. No mental capacity assessment was completed, and the lasting power of attorney that her son said he held was never checked."),
        ("LP3", "Services were withdrawn after the son cancelled visits, without anyone seeing Adult L.",
         " The district nursing service was discharged in October 2020 after three cancelled visits. The re-ablement service closed the case after the son said that he could manage. In each case the decision was made by telephone with the son."),
        ("LP4", "Signs of financial abuse were noticed by the bank and by a neighbour but did not reach the agencies that could act on them.",
         " The bank stopped two large transfers and wrote to Adult L. A neighbour told the GP receptionist that the son had been 'selling things from the house'. Neither concern was passed to adult safeguarding."),
        ("LP5", "Restrictions during the pandemic meant that professionals relied on telephone contact with the carer for many months.",
         " The GP practice, the community mental health team for older adults and the district nurses all moved to telephone contact in 2020. For most of the last year of her life no professional spoke directly to Adult L."),
    ]
    for num, head, rest in L:
        it = d.finding(num)
        d.p("**%s – %s**%s" % (num, it.t(head), it.t(rest)), cls="lp")
    d.h(2, "Effective practice", toc=False)
    d.p("The ambulance crew and the emergency department recognised neglect immediately and made an adult at risk report the same day. The bank's fraud team acted promptly to protect Adult L's remaining savings once the concern was raised.")

    d.h(1, "4. Improving Systems and Practice")
    d.p("In order to promote the learning from this case, the review identified the following actions for the Regional Safeguarding Board and its member agencies. The lead agency and timescale have been agreed by the Board.")
    if variant:
        d.spacer(0.9 * variant)
    R = [
        ("1", ["board"], "should", "The Regional Safeguarding Board should issue practice guidance on working with family carers who decline a carer's assessment, including the circumstances in which a carer's refusal should prompt a review of risk to the person cared for.", "Regional Safeguarding Board", "6 months"),
        ("2", ["adult_social_care", "health"], "must", "Aberwenddu County Council and Bro Elwyn University Health Board must ensure that practitioners complete and record a mental capacity assessment whenever a person with dementia is said to refuse care, or to have agreed to another person managing their money.", "Aberwenddu County Council (Adult Services) / University Health Board", "6 months"),
        ("3", ["health"], "should", "Bro Elwyn University Health Board should ensure that community nursing and re-ablement services do not discharge a person with dementia after cancelled visits without seeing the person, and that the GP and adult services are told of the discharge.", "University Health Board (Community Services)", "3 months"),
        ("4", ["adult_social_care"], "should", "Aberwenddu County Council should check the existence and registration of any lasting power of attorney relied on by a carer when care and support needs are assessed, and should record the check.", "Aberwenddu County Council (Adult Services)", "3 months"),
        ("5", ["board"], "should", "The Regional Safeguarding Board should work with banks and building societies in the region to agree how concerns about the financial abuse of adults at risk are reported to the local authority, and should publicise the route to frontline bank staff.", "Regional Safeguarding Board (Financial Abuse Task Group)", "12 months"),
        ("6", ["gp", "health"], "should", "GP practices in the region should ensure that reception staff know how to pass on concerns raised by neighbours and other members of the public about a patient's safety, and that such concerns are recorded in the patient's record.", "University Health Board (Primary Care)", "6 months"),
        ("7", ["all_agencies"], "should", "All member agencies should review their arrangements for face-to-face contact with adults at risk during any future restrictions on visiting, so that a person who cannot use the telephone is seen by a professional at least once a month.", "All member agencies", "12 months"),
    ]
    rows = []
    for num, ags, strength, text, lead, when in R:
        it = d.rec(num, ags, strength)
        rows.append([num, it.t(text), lead, when])
        it.siblings = [num, lead, when]
    d.table(["No.", "Recommendation", "Lead agency", "Timescale"], rows, [1, 9, 4, 2], cls="recs")
    d.expect.append(("the recommendations table breaks across a page with its header repeated",
                     expect_table_repeats("No. Recommendation Lead agency Timescale", 2)))

    d.h(1, "5. Statement by reviewer")
    d.table(["", "Reviewer"], [
        ["Name", "Eleri Vaughan-Hughes"],
        ["Statement of independence from the case", "I have had no involvement in the case or in the line management of any practitioner involved."],
        ["Quality assurance statement", "The review followed the guidance for concise adult practice reviews and has been quality assured by the Board's Case Review Sub-Group."],
        ["Date", "May 2023"],
    ], [5, 11], header_noise=False)
    d.h(1, "Appendix: Summary timeline", pagebreak=True)
    d.table(["Date", "Agency", "Event"], [
        ["Mar 2019", "GP / Memory assessment service", "Diagnosis of Alzheimer's disease. Son present; says he will care for his mother."],
        ["Nov 2019", "Adult Services", "Care and support assessment. Son declines a carer's assessment. Re-ablement offered for six weeks."],
        ["Jan 2020", "Re-ablement", "Case closed: 'son managing'."],
        ["Apr – Sept 2020", "GP / CMHT older adults", "Telephone reviews with son. Adult L 'settled'."],
        ["Aug 2020", "Bank", "Two transfers stopped; letter sent to Adult L."],
        ["Oct 2020", "District nursing", "Pressure area care referral. Three visits cancelled by son; discharged."],
        ["3 Feb 2021", "Ambulance / Hospital", "Admitted with pressure ulcers, dehydration and malnutrition. Dies the same night."],
    ], [2.6, 4, 9.4], header_noise=False)
    return d


def listing():
    return dict(section="Adult Practice Reviews", lines=[
        "<h3>Adult L: Adult Practice Review</h3>",
        "<p>A concise Adult Practice Review following the death of an older woman with dementia who was cared for by her son.</p>",
        '<p class="date">Published: July 2023</p>',
        '<p><a href="{url}adult-l-apr-2023.pdf">BERSB APR 01/2021 Adult Practice Review Report – Adult L</a></p>',
    ])
