# -*- coding: utf-8 -*-
"""Pellbrook Safeguarding Children Partnership, rapid review summary 'Baby S' (2022). Headless Chromium.

Layouts: a short English rapid review summary (no contents page); a cover with three dates
(notification, rapid review meeting, publication); learning points as bold run-in labels
"Learning point 1:"; the recommendations themselves set in two columns ("Recommendation 1" as a
small heading over each); "Good practice" list; agency involvement table.
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "baby-s-rapid-review-2022"
BOARD = "pellbrook_scp"
PUBLISHED = "2022-06-30"

HL = "Pellbrook Safeguarding Children Partnership – Rapid Review Summary: Baby S"
CSS = """
@page { size: A4; margin: 20mm 18mm 20mm 18mm;
  @top-center { content: "OFFICIAL"; font: bold 8.5pt 'Liberation Sans'; color: #444; }
  @bottom-left { content: "%(hl)s"; font: 8pt 'Liberation Sans'; color: #444; }
  @bottom-right { content: counter(page) " of " counter(pages); font: 8pt 'Liberation Sans'; color: #444; } }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }
body { font-family: 'Liberation Sans'; font-size: 10.5pt; line-height: 1.4; }
.cover { padding-top: 10mm; }
.c-board { font-size: 13pt; font-weight: bold; color: #2a6f4e; margin-bottom: 35mm; }
.c-type { font-size: 30pt; font-weight: bold; color: #2a6f4e; margin: 0; }
.c-subj { font-size: 26pt; margin: 0 0 30mm 0; }
.c-line { font-size: 11pt; margin: 0 0 2mm 0; }
.c-note { font-size: 9.5pt; color: #444; margin-top: 40mm; border-top: 0.6pt solid #2a6f4e; padding-top: 3mm; }
h1 { font-size: 14pt; color: #2a6f4e; margin: 6mm 0 2.5mm 0; }
h1.newpage { break-before: page; margin-top: 0; }
p.lp strong { color: #2a6f4e; }
.twocol { column-rule: 0.6pt solid #9bc4ae; column-gap: 9mm; }
.twocol p.rh { font-weight: bold; color: #2a6f4e; margin: 0 0 1mm 0; break-after: avoid; }
.twocol p { margin-bottom: 3mm; }
table { font-size: 9.2pt; }
th { background: #d6ebe0; border: 0.6pt solid #7fae95; }
td { border: 0.6pt solid #7fae95; }
""" % dict(hl=HL)

STYLE = dict(css=CSS, header="OFFICIAL", footer=HL + "{tab}{page} of {pages}")


def build(variant=0):
    d = Doc(SLUG, BOARD, "chromium", dict(
        title="Rapid Review Summary: Baby S", type="rapid_review", board="Pellbrook Safeguarding Children Partnership",
        published=PUBLISHED, subject="Baby S", age_band="under_1", outcome="serious_harm"), STYLE,
        themes=["nahi", "physical_abuse", "professional_curiosity", "information_sharing"],
        risks=["babies_under_one", "young_parents", "unseen_men"],
        optional=["domestic_abuse", "parental_criminality", "pre_birth_assessment"],
        author="Pellbrook Safeguarding Children Partnership")
    d.cover([
        ("board", "Pellbrook Safeguarding Children Partnership"),
        ("type", "Rapid Review Summary"),
        ("subj", "Baby S"),
        ("line", "Serious incident notified: 4 February 2022"),
        ("line", "Rapid review meeting held: 21 February 2022"),
        ("line", "This summary published: %s" % long_date(PUBLISHED, 0)),
        ("note", "This summary is published by the Pellbrook safeguarding partners so that the learning identified at the rapid review can be shared quickly. It does not contain the full details considered at the meeting."),
    ])
    d.h(1, "1. Purpose of this summary")
    d.p("When a child dies or is seriously harmed and abuse or neglect is known or suspected, the safeguarding partners must notify the national Child Safeguarding Practice Review Panel and carry out a rapid review within fifteen working days. The rapid review gathers the facts, identifies any immediate action needed to keep children safe and decides whether a Local Child Safeguarding Practice Review should be held.")
    d.p("This summary sets out what the rapid review found in the case of Baby S, the learning it identified and the actions the partners have agreed.")
    d.h(1, "2. What happened")
    d.p("Baby S was ten weeks old when he was taken to Pellbrook Royal Hospital by ambulance in February 2022 after his mother found him floppy and unresponsive in his cot. Scans showed a fractured skull, bleeding on the brain and fractures of three ribs that were at least two weeks old. Baby S's father, aged 19, was arrested; the police investigation is continuing. Baby S is recovering in the care of his maternal grandparents. It is not yet known whether he will have any lasting disability.")
    d.p("Baby S's mother was 18 when he was born. His parents were not living together, but his father stayed at the home most nights and cared for him while his mother worked evening shifts at a supermarket.")
    d.h(1, "3. Agency involvement")
    d.table(["When", "Agency", "Contact"], [
        ["Pregnancy", "Midwifery", "Routine antenatal care. Father not present at appointments; his details were not recorded."],
        ["Two weeks old", "Health visiting", "New birth visit. Safer sleep and coping with crying discussed with mother. Father 'at work'."],
        ["Seven weeks old", "Health visiting", "Small bruise on the left side of Baby S's chin noted; mother said it was caused by the strap of the car seat. Not referred."],
        ["Eight weeks old", "GP", "Six-to-eight-week check. No marks recorded."],
        ["Ten weeks old", "Ambulance / Hospital / Police", "Admission with head injury. Police and children's social care notified."],
    ], [3, 3.6, 9.4])
    d.p("Police checks completed after the admission showed that Baby S's father had been the subject of two reports of domestic abuse by a former partner in another police area in 2020. This information was not known to any agency in Pellbrook before the incident.")

    d.h(1, "4. Learning identified", pagebreak=True)
    d.p("The rapid review identified four areas of learning.")
    L = [
        ("1", "A bruise on a non-mobile baby was explained away and the bruising protocol was not followed.",
         " The partnership's protocol requires any bruise on a baby who is not yet moving independently to be referred for a paediatric assessment the same day. The health visitor accepted the mother's explanation, which seemed plausible, and did not consult the protocol. Such 'sentinel' injuries often come before more serious ones."),
        ("2", "Baby S's father was a main carer, but he was not seen, assessed or given advice by any professional.",
         " All contacts were with the mother. Nobody recorded who else cared for Baby S, and the father did not receive the coping with crying advice given to the mother."),
        ("3", "Information about the father's history was held by a police force in another area and was never sought.",
         " Because the father's details were not recorded during the pregnancy, no checks could be made. A simple question about who was in the baby's life would have led to his name."),
        ("4", "The pressures on very young parents were not explored.",
         " The mother was working evenings and the father was caring for a baby alone at night. Practitioners did not ask how they were coping with sleep, crying and money."),
    ]
    for num, head, rest in L:
        it = d.finding(num)
        d.p("**Learning point %s: %s**%s" % (num, it.t(head), it.t(rest)), cls="lp")
    d.h(1, "5. Good practice")
    d.bullets([
        "The ambulance crew recognised that the injury was unexplained and told the hospital safeguarding team straight away.",
        "The hospital completed a skeletal survey and made a referral to children's social care within two hours of admission.",
        "A strategy discussion was held the same evening, and Baby S's siblings on his father's side were identified and checked.",
    ])
    d.h(1, "6. Decision about a local review")
    d.p("The safeguarding partners decided that the case met the criteria for a Local Child Safeguarding Practice Review, but that the learning was clear and was already the subject of national learning about non-mobile babies and about men who care for babies. The national Panel agreed with the partners' view that a full review was unlikely to identify further learning. The partners agreed instead to act on the recommendations below and to report progress to the Panel in six months.")
    d.h(1, "7. Recommendations")
    d.p("The rapid review made the following recommendations. They are set out here as agreed by the safeguarding partners.")
    d.twocol(True)
    R = [
        ("1", ["health_visiting", "gp", "health"], "must", "The health visiting service and GP practices must ensure that every bruise or mark on a non-mobile baby is managed in line with the partnership's bruising protocol, and must audit compliance every six months for two years."),
        ("2", ["midwifery", "health_visiting", "health"], "should", "Maternity and health visiting services should record the name, date of birth and address of every father or male carer, and should invite him to at least one antenatal and one postnatal contact."),
        ("3", ["board"], "should", "The partnership should ensure that coping with crying advice is given to every adult who regularly cares for a baby, and that practitioners record who received it."),
        ("4", ["police"], "should", "Pellbrook Police should check, when a baby is seriously injured, the records of other police forces for every adult living in or regularly staying at the home, and should share relevant history at the strategy discussion."),
        ("5", ["board"], "seek_assurance", "The partnership should seek assurance that the learning from this rapid review has been shared with all practitioners working with babies and their families, through a seven-minute briefing and the partnership's annual training programme."),
    ]
    for num, ags, strength, text in R:
        it = d.rec(num, ags, strength)
        d.p("Recommendation %s" % num, cls="rh")
        d.p(it.t(text))
    d.twocol(False)
    d.h(1, "8. Next steps")
    d.p("Progress on these recommendations will be reported to the partnership's Quality Assurance Group and to the national Panel. Baby S's family has been told of the outcome of the rapid review.")
    return d
