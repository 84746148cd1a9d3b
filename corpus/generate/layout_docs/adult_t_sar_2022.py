# -*- coding: utf-8 -*-
"""Brackenford Safeguarding Adults Board, SAR 'Adult T' (2022). Headless Chromium (HTML).

Layouts: findings labelled "F1." ... "F5." (bold run-in, explanation paragraphs after); a
"Recommendations" section that only points to the action plan; a landscape action plan table
(Recommendation | Action | Lead | By when | Status) as the ONLY place where the recommendations
are stated, with one recommendation spanning two action rows (merged cell); "What worked well"
list; chronology table; glossary; contents; running header and footer as CSS margin boxes.
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "adult-t-sar-2022"
BOARD = "brackenford_sab"
PUBLISHED = "2022-02-23"

HL = "Brackenford Safeguarding Adults Board"
HR = "Safeguarding Adults Review: Adult T"
CSS = """
@page { size: A4; margin: 24mm 20mm 20mm 20mm;
  @top-left { content: "%(hl)s"; font: 8.5pt 'Open Sans'; color: #5a2d82; vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.6pt solid #5a2d82; }
  @top-right { content: "%(hr)s"; font: 8.5pt 'Open Sans'; color: #5a2d82; vertical-align: bottom; padding-bottom: 3mm; border-bottom: 0.6pt solid #5a2d82; }
  @bottom-center { content: counter(page); font: 9pt 'Open Sans'; } }
@page :first { @top-left { content: none; border: none; } @top-right { content: none; border: none; } @bottom-center { content: none; } }
@page landscape { size: A4 landscape; margin: 20mm 16mm 16mm 16mm;
  @top-left { content: "%(hl)s"; font: 8.5pt 'Open Sans'; color: #5a2d82; }
  @top-right { content: "%(hr)s"; font: 8.5pt 'Open Sans'; color: #5a2d82; }
  @bottom-center { content: counter(page); font: 9pt 'Open Sans'; } }
body { font-family: 'Open Sans'; font-size: 10pt; line-height: 1.45; color: #222; }
.cover { position: relative; }
.cover .band { background: #5a2d82; color: white; padding: 12mm 10mm; margin: 20mm 0 14mm 0; }
.cover .band p { color: white; }
.c-board { font-size: 15pt; font-weight: 600; color: #5a2d82; margin-top: 10mm; }
.c-type { font-size: 28pt; font-weight: 700; margin: 0; }
.c-subj { font-size: 22pt; margin: 2mm 0 0 0; }
.c-line { font-size: 11pt; margin: 0 0 1.5mm 0; }
h1 { font-size: 16pt; color: #5a2d82; font-weight: 700; margin: 8mm 0 3mm 0; }
h1.newpage { break-before: page; margin-top: 0; }
h2 { font-size: 12pt; color: #333; font-weight: 700; margin: 5mm 0 2mm 0; }
h2.toc-title { font-size: 16pt; color: #5a2d82; }
.np .num { color: #5a2d82; }
p.fhead { margin-top: 4mm; font-weight: 700; color: #5a2d82; }
table { font-size: 9pt; }
th { background: #5a2d82; color: white; border: 0.6pt solid #5a2d82; }
td { border: 0.6pt solid #b9a6cc; }
table.plan { font-size: 8.8pt; }
table.plan td.rec { background: #f3eef8; }
.box { border-left: 3mm solid #5a2d82; background: #f3eef8; padding: 3mm 5mm; margin: 3mm 0 5mm 0; }
.box-head { font-weight: 700; color: #5a2d82; }
""" % dict(hl=HL, hr=HR)

STYLE = dict(css=CSS, header=HL + "{tab}" + HR, footer="{page}")


def build(variant=0):
    d = Doc(SLUG, BOARD, "chromium", dict(
        title="Safeguarding Adults Review: Adult T", type="sar", board="Brackenford Safeguarding Adults Board",
        published=PUBLISHED, subject="Adult T", age_band="adult_18_64", outcome="death"), STYLE,
        themes=["self_neglect", "mental_capacity", "making_safeguarding_personal", "multi_agency_working", "professional_curiosity"],
        risks=["adult_substance_dependence", "care_and_support_needs", "physical_disability_illness", "social_isolation"],
        optional=["information_sharing", "risk_assessment"],
        sidecar=True, author="Dr Ruth Kamara-Lyle")
    d.cover([
        ("board", "Brackenford Safeguarding Adults Board"),
        ("raw", '<div class="band"><p class="c-type">Safeguarding Adults Review</p><p class="c-subj">Adult T</p></div>'),
        ("line", "Independent reviewer: Dr Ruth Kamara-Lyle"),
        ("line", "Adult T died in January 2021"),
        ("line", "Published %s" % long_date(PUBLISHED, 2)),
    ])
    d.contents("Contents", 1)
    d.h(1, "1. Introduction", pagebreak=True)
    d.np("1.1", "This Safeguarding Adults Review (SAR) concerns Adult T, a 61-year-old man who died in a fire at his home in Brackenford in January 2021. The fire started in the living room, where he slept in a chair surrounded by papers, bags and boxes. The coroner recorded a verdict of accidental death.")
    d.np("1.2", "Brackenford Safeguarding Adults Board decided that the case met the criteria for a review under section 44 of the Care Act 2014: Adult T had needs for care and support, he died as a result of self-neglect, and there was reasonable cause for concern about how agencies had worked together.")
    d.np("1.3", "The review was carried out by an independent reviewer with a panel of senior managers from the agencies involved. It used a proportionate, systems-based approach: agency chronologies and reports, a practitioner workshop and conversations with Adult T's brother, who gave permission for his brother to be known in this report as Adult T.")
    d.h(1, "2. About Adult T")
    d.np("2.1", "Adult T grew up in Brackenford and worked for most of his life as a lorry driver. His brother described him as a clever, private man who loved history, kept every newspaper he had ever bought and could talk for hours about the canals. After his mother died in 2014 he began to drink heavily, and he stopped working in 2016 after a diagnosis of chronic obstructive pulmonary disease (COPD).")
    d.np("2.2", "He lived alone in a two-bedroom house rented from Heathlands Housing. Over the last four years of his life the house filled with belongings. He stopped using the upstairs rooms, slept downstairs in a chair and used a portable heater. He smoked. He had little contact with anyone apart from his brother, who lived forty miles away, and a neighbour who did some of his shopping.")
    d.h(1, "3. Key episodes")
    d.np("3.1", "The chronology below summarises the contacts the review considered most significant.")
    d.table(["Date", "Agency", "What happened"], [
        ["Mar 2018", "GP", "Annual COPD review. Adult T says he is drinking 'a bit less'. Alcohol service details given."],
        ["Nov 2018", "Heathlands Housing", "Gas safety check cannot be completed; engineer cannot reach the boiler. Tenancy officer visits and records 'excessive clutter'."],
        ["Feb 2019", "Adult Social Care", "Safeguarding concern from Heathlands Housing (self-neglect). Adult T declines an assessment. Closed: 'has capacity to decline'."],
        ["Aug 2019", "Hospital", "Admitted with a chest infection and a fall. Discharged after five days; discharge summary notes 'lives alone, independent'."],
        ["Jan 2020", "Fire and Rescue", "Home fire safety visit after referral from housing. Smoke alarms fitted. High risk recorded; referral to adult social care."],
        ["Mar 2020", "Adult Social Care", "Referral screened. Telephone contact; Adult T says he is managing. Closed."],
        ["Oct 2020", "Police", "Welfare check requested by brother. Officers speak to Adult T on the doorstep."],
        ["Jan 2021", "Fire and Rescue / Police", "Fire at the house. Adult T is found dead in the living room."],
    ], [2.2, 3.2, 10.6])
    d.h(1, "4. Analysis")
    d.h(2, "Self-neglect and choice", toc=False)
    d.np("4.1", "Each agency that met Adult T recorded that he had capacity and was making a choice. The review found that these were judgements about his ability to understand information in a conversation, not about his ability to act on it. Adult T could explain the fire risk clearly; he could not do anything about it. This is sometimes called executive capacity, and it is a recognised difficulty in self-neglect.")
    d.h(2, "Repeated referrals, repeated closures", toc=False)
    d.np("4.2", "There were two safeguarding concerns and four other referrals in two years. Each was considered on its own merits and closed. No agency called a multi-agency meeting, and the Board's self-neglect and hoarding protocol, which provides for such meetings, was not used. Practitioners told the review that they thought of the protocol as something for 'extreme' cases.")
    d.h(2, "Alcohol", toc=False)
    d.np("4.3", "Adult T's drinking was known to every agency. It was mentioned in records as background, but there was no consideration of how it affected his self-care, his ability to manage the fire risk, or his decision-making. He was never referred to the alcohol service; he was only given its details.")

    d.h(1, "5. Findings")
    d.np("5.1", "The review has made five findings. Each is numbered F1 to F5 and is followed by the evidence for it.")
    F = [
        ("F1", "Assessments of Adult T's mental capacity considered whether he understood the risks, but not whether he could act on that understanding.",
         ["The Mental Capacity Act 2005 requires a person to be able to use and weigh information as part of making a decision. The records show that Adult T repeatedly agreed to clear a path to the boiler, to stop using the heater near his papers and to accept help, and did not do so. This pattern was not recognised as relevant to his capacity."]),
        ("F2", "Concerns about self-neglect were treated as a series of separate referrals, so that the overall level of risk was never seen.",
         ["Six referrals in two years were screened by different staff. The screening system showed only the most recent contact. Because each referral was closed, the next one looked like a first contact.",
          "The Board's self-neglect protocol was not used, and no multi-agency risk management meeting was held."]),
        ("F3", "The fire risk identified by the fire and rescue service was not shared in a way that made other agencies act on it.",
         ["The home fire safety visit in January 2020 rated the risk as high. The referral to adult social care was made through the general safeguarding route and was read as a request for an assessment of care needs, which Adult T then declined."]),
        ("F4", "Adult T's alcohol use was recorded as background rather than considered as a factor in his self-neglect and in his risk of harm.",
         ["No agency asked him how much he was drinking, offered an assertive referral to the alcohol service, or considered the effect of alcohol on his safety with a heater and cigarettes."]),
        ("F5", "The approach of agencies respected Adult T's wishes, but did not find out what mattered to him or build a relationship through which help could be offered.",
         ["His brother told the review that Adult T would have accepted help with his papers if someone had taken an interest in them. Making safeguarding personal means starting from what matters to the person, and persisting, not only accepting a first refusal."]),
    ]
    for num, head, paras in F:
        it = d.finding(num)
        d.p("%s. %s" % (num, it.t(head)), cls="fhead")
        for para in paras:
            d.p(it.t(para))

    d.h(1, "6. What worked well")
    d.box([("h", "What worked well"), ("bullets", [
        "Heathlands Housing raised a safeguarding concern promptly and persisted in trying to complete gas safety checks.",
        "The fire and rescue service fitted alarms, rated the risk accurately and made a referral.",
        "The police responded quickly to the welfare check requested by Adult T's brother and passed on their observations.",
    ])])
    d.h(1, "7. Recommendations")
    d.np("7.1", "The reviewer made six recommendations to the Board. They have been accepted and are set out, with the actions agreed by the partner agencies, in the action plan at Appendix A. To avoid repetition they are not reproduced in this section.")

    # ------------------------------------------------------------------ landscape action plan: the only statement of the recommendations
    d.landscape(True)
    d.h(1, "Appendix A: Action plan", pagebreak=False, cls="newpage")
    d.p("The Board agreed this action plan in January 2022. Status is as at the date of publication.")
    R = [
        ("1", ["board"], "should", "The Board should relaunch its self-neglect and hoarding protocol, making clear that a multi-agency meeting should be called whenever there have been two or more concerns about the same person within twelve months, whether or not the person agrees to an assessment.",
         [("Revise protocol and add a 'two concerns' trigger", "Board Manager", "April 2022", "Complete"),
          ("Briefings for frontline staff in all partner agencies; audit use after 6 months", "Self-Neglect Task Group", "October 2022", "In progress")]),
        ("2", ["adult_social_care"], "should", "Adult Social Care should ensure that screening staff can see the full history of previous concerns and referrals about an adult, and that a third referral within a year is automatically passed to a senior practitioner.",
         [("Case record system change; senior practitioner review of repeat referrals", "Head of Adult Safeguarding", "June 2022", "In progress")]),
        ("3", ["all_agencies"], "should", "All partner agencies should ensure that mental capacity assessments in cases of self-neglect consider whether the person can put a decision into effect, and record the evidence of repeated failure to do so.",
         [("Practice guidance on executive capacity; MCA training updated", "MCA Lead, Brackenford Council", "September 2022", "In progress")]),
        ("4", ["adult_social_care"], "should", "Brackenford Fire and Rescue Service and Adult Social Care should agree a direct referral route for people assessed as being at high risk of fire, which results in a joint visit within ten working days.",
         [("Joint referral pathway agreed and published", "Fire and Rescue Prevention Manager / ASC", "May 2022", "Complete")]),
        ("5", ["health"], "should", "Health partners should ensure that GPs and hospital staff ask about alcohol use using a recognised screening tool and make an active referral, with consent, to the alcohol service when a patient with a long-term condition drinks at harmful levels.",
         [("Screening tool added to COPD review and discharge templates", "ICB Safeguarding Lead", "July 2022", "Not started")]),
        ("6", ["board"], "should", "The Board should commission training on making safeguarding personal in work with people who self-neglect, using Adult T's story with his brother's agreement.",
         [("Training commissioned; first sessions delivered", "Board Training Lead", "March 2022", "Complete")]),
    ]
    rows = []
    for num, ags, strength, text, acts in R:
        # recommendation 4: the fire and rescue service has no taxonomy id, so only adult social care is listed
        it = d.rec(num, ags, strength)
        sib = []
        for k, (act, lead, when, status) in enumerate(acts):
            sib += [act, lead, when, status]
            if k == 0:
                cell = dict(text="%s. %s" % (num, it.t(text)), rowspan=len(acts), cls="rec")
                rows.append([cell, act, lead, when, status])
            else:
                rows.append([act, lead, when, status])
        it.siblings = sib
    d.table(["Recommendation", "Action", "Lead", "By when", "Status"], rows, [9, 5.5, 3.5, 2.2, 2.0], cls="plan")
    d.landscape(False)
    d.h(1, "Appendix B: Glossary", pagebreak=True)
    d.table(["Term", "Meaning"], [
        ["ASC", "Adult Social Care"],
        ["COPD", "Chronic obstructive pulmonary disease"],
        ["Executive capacity", "The ability to carry out a decision, as distinct from understanding and discussing it"],
        ["MCA", "Mental Capacity Act 2005"],
        ["SAR", "Safeguarding Adults Review (Care Act 2014, section 44)"],
    ], [3.5, 12.5], header_noise=False)

    def rowspan_on_one_page(pdf):
        return pdf.page_of("Briefings for frontline staff in all partner agencies") == pdf.page_of("The Board should relaunch its self-neglect")
    d.expect.append(("the merged recommendation cell and its second action row are on the same page", rowspan_on_one_page))
    return d
