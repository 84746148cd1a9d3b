# -*- coding: utf-8 -*-
"""Pellbrook Safeguarding Children Partnership, LCSPR 'Child E' (2024). Headless Chromium.

Layouts: findings as small headings "Finding 1 – ..." followed by unnumbered paragraphs; a
Recommendations section with agency sub-headings "Police", "Health", "Children's Social Care"
and "Education", each an HTML ordered list restarting at 1; a summary that restates the
findings; "Good practice" list; chronology; glossary; serif body, navy headings, running header
and footer with "OFFICIAL".
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "child-e-lcspr-2024"
BOARD = "pellbrook_scp"
PUBLISHED = "2024-03-20"

HL = "OFFICIAL"
HR = "Child E – Local Child Safeguarding Practice Review"
CSS = """
@page { size: A4; margin: 22mm 21mm 21mm 21mm;
  @top-left { content: "%(hl)s"; font: bold 8.5pt 'Liberation Sans'; color: #1b3a5c; }
  @top-right { content: "%(hr)s"; font: 8.5pt 'Liberation Sans'; color: #1b3a5c; }
  @bottom-left { content: "Pellbrook Safeguarding Children Partnership"; font: 8pt 'Liberation Sans'; color: #555; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans'; color: #555; } }
@page :first { @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }
body { font-family: 'Noto Serif'; font-size: 10pt; line-height: 1.5; color: #111; }
.cover { padding-top: 30mm; text-align: center; }
.c-board { font-family: 'Liberation Sans'; font-size: 14pt; color: #1b3a5c; font-weight: bold; margin-bottom: 40mm; }
.c-type { font-family: 'Liberation Sans'; font-size: 24pt; font-weight: bold; color: #1b3a5c; margin: 0 0 4mm 0; }
.c-subj { font-size: 22pt; font-style: italic; margin: 0 0 45mm 0; }
.c-line { font-size: 11pt; margin-bottom: 2mm; }
h1 { font-family: 'Liberation Sans'; font-size: 15pt; color: #1b3a5c; margin: 7mm 0 3mm 0; }
h1.newpage { break-before: page; margin-top: 0; }
h2 { font-family: 'Liberation Sans'; font-size: 12pt; color: #1b3a5c; margin: 5mm 0 2mm 0; }
h2.toc-title { font-size: 15pt; }
h3 { font-family: 'Liberation Sans'; font-size: 10.5pt; color: #1b3a5c; margin: 5mm 0 1.5mm 0; }
h3.agency { font-size: 11pt; color: #fff; background: #1b3a5c; padding: 1mm 3mm; margin-top: 6mm; }
ol.recs { margin: 2mm 0 3mm 0; padding-left: 8mm; }
ol.recs li { margin-bottom: 2mm; padding-left: 1mm; }
table { font-size: 9pt; font-family: 'Liberation Sans'; }
th { background: #dbe4ee; border: 0.6pt solid #8ca0b8; }
td { border: 0.6pt solid #8ca0b8; }
.summary { border: 0.8pt solid #1b3a5c; padding: 3mm 5mm; }
""" % dict(hl=HL, hr=HR)

STYLE = dict(css=CSS, header=HL + "{tab}" + HR, footer="Pellbrook Safeguarding Children Partnership{tab}Page {page} of {pages}")


def build(variant=0):
    d = Doc(SLUG, BOARD, "chromium", dict(
        title="Local Child Safeguarding Practice Review: Child E", type="lcspr", board="Pellbrook Safeguarding Children Partnership",
        published=PUBLISHED, subject="Child E", age_band="5_10", outcome="serious_harm"), STYLE,
        themes=["fii", "information_sharing", "escalation", "multi_agency_working", "voice_of_child"],
        risks=["not_in_school"],
        optional=["decision_making", "professional_curiosity", "disabled_children"],
        author="Professor Imogen Tallis")
    d.cover([
        ("board", "Pellbrook Safeguarding Children Partnership"),
        ("type", "Local Child Safeguarding Practice Review"),
        ("subj", "Child E"),
        ("line", "Independent reviewer: Professor Imogen Tallis"),
        ("line", "Final report approved by the safeguarding partners: January 2024"),
        ("line", "Published on %s" % long_date(PUBLISHED, 0)),
    ])
    d.contents("Contents", 1)
    d.h(1, "1 Summary", pagebreak=True)
    d.add("raw", '<div class="summary">')
    d.p("Child E is a seven-year-old girl who, over four years, underwent more than forty hospital appointments, six admissions, two operations and long periods of tube feeding for illnesses that she did not have. Her mother has since accepted that she exaggerated and invented symptoms. Child E now lives with her father and is well, eating normally and at school full time.")
    d.p("In short, the review found that no single clinician saw the whole picture; that doubts were voiced but not acted on; that Child E's absence from school was accepted because of her reported illness; that her father's concerns were not heard; and that Child E's own view of her health was never sought.")
    d.add("raw", "</div>")
    d.h(1, "2 Introduction")
    d.p("Fabricated or induced illness (FII) is a rare but serious form of abuse in which a carer exaggerates, invents or causes symptoms of illness in a child, leading to unnecessary medical treatment and to harm to the child's health, education and development. National guidance encourages professionals to think in terms of 'perplexing presentations' when a child's reported symptoms do not fit with what is observed, and to act early, before harm accumulates.")
    d.p("The Pellbrook safeguarding partners commissioned this review in March 2023, after a strategy discussion concluded that Child E had suffered significant harm through FII. The review covers the period from Child E's first referral to a paediatrician, in 2018, to the strategy discussion in February 2023.")
    d.h(1, "3 How the review was carried out")
    d.p("The reviewer read the records of the two hospital trusts, the GP practice, the school, children's social care and the police, and met the practitioners involved at two learning events. She spoke to Child E's father and, with his agreement, to Child E, who drew a picture of 'my hospital' and a picture of 'my school' and said that she liked school much better. Child E's mother declined to take part.")
    d.h(1, "4 Key events")
    d.table(["Period", "Key events"], [
        ["2018 – 2019", "Referral to community paediatrics for poor weight gain. Mother reports vomiting after every meal. Tests normal. Referred on to a specialist gastroenterology clinic at Lindenford Children's Hospital (out of area)."],
        ["2020", "Feeding tube placed after mother reports continuing weight loss. Weight on the ward is stable. School attendance 61%."],
        ["2021", "Parents separate. Father tells the GP that Child E eats normally when with him. Mother requests a wheelchair because of reported fatigue; one is provided."],
        ["2022", "Second operation. A dietitian raises doubts with the consultant. School makes a referral to children's social care about absence; closed as 'medical needs'."],
        ["Feb 2023", "New consultant at Lindenford reviews all records and convenes a professionals meeting. Strategy discussion concludes FII."],
    ], [3, 13])

    d.h(1, "5 Analysis")
    d.h(2, "Two hospitals, many specialists", toc=False)
    d.p("Child E was under the care of the community paediatric service in Pellbrook and of two specialist teams at Lindenford Children's Hospital, some sixty miles away. Each team wrote to the others and to the GP, and the letters were courteous and detailed. But each letter described a single clinic visit, and each began from the mother's account of the weeks since the last one. There was no document anywhere that set out, in one place, what Child E had been tested for, what the results were and what treatment she had received.")
    d.p("Clinicians at the learning events were frank that the system relies on parents as the link between services. For most children this works well, because parents are the people who know their children best. In cases of FII it means that the person fabricating the illness controls the flow of information.")
    d.h(2, "Doubt without a destination", toc=False)
    d.p("Several practitioners had doubts. The dietitian noted in 2022 that Child E gained weight steadily on the ward and lost it at home. A ward nurse saw Child E eat a full meal from a friend's lunchbox. The school nurse saw a child who ran in the playground on days when she arrived in her wheelchair. Each of these observations was recorded somewhere, but none was treated as a safeguarding matter, because the professionals concerned did not feel able to question a consultant's diagnosis.")
    d.h(2, "School, absence and the voice of the child", toc=False)
    d.p("The school's attendance officer and designated safeguarding lead kept detailed records and noticed the pattern of absence. Their referral was well written. The decision to close it was made on the same day by a practitioner who accepted that a child with a feeding tube and a wheelchair must have significant medical needs. The school did not know that it could challenge the decision.")
    d.p("Throughout the period, Child E was talked about rather than talked to. Her drawings for this review show a child who understood a great deal about what was happening to her, and who would have been able to tell a trusted adult that she felt well.")

    d.h(1, "6 Findings", pagebreak=True)
    F = [
        ("1", "Child E's care was divided between two hospitals and several specialists, and nobody held an overview of her health and of the tests and treatments she had received.",
         ["Each clinician responded to the symptoms reported to them. Results that did not fit with the reported symptoms were recorded but not brought together, and the GP, who received copies of every letter, did not see it as their role to question the specialists."]),
        ("2", "Doubts about the reported symptoms were raised by several professionals, but there was no clear route for a professional who was worried to escalate that concern.",
         ["The dietitian, a ward nurse and a school nurse each told the review that they had felt that 'something was not right'. They spoke to colleagues, but none of them used the partnership's escalation procedure, because they did not think that a doubt about a diagnosis was a safeguarding concern."]),
        ("3", "The school's concern about Child E's absence was closed by children's social care because her absence was explained by medical needs, without checking those needs with the clinicians.",
         ["The referral in 2022 set out a clear pattern: absence on days when the mother said Child E was unwell, and a happy, energetic child on the days she attended. The decision to close relied on the mother's account of Child E's diagnoses."]),
        ("4", "Child E's father told professionals that she was well when in his care, but his account was treated as part of the parents' separation rather than as information about Child E.",
         ["Practitioners assumed that the father's view reflected hostility towards the mother. Nobody compared what he said with the observations made on the ward."]),
        ("5", "Nobody asked Child E what she thought about her health or how she felt about her treatment.",
         ["Child E was four when the tube was placed and six when she was given a wheelchair. The records describe her as 'quiet' and 'compliant'. She told the reviewer that she did not like the wheelchair 'because I can walk'."]),
    ]
    for num, head, paras in F:
        it = d.finding(num)
        d.h(3, "Finding %s – %s" % (num, it.t(head)), toc=False)
        for para in paras:
            d.p(it.t(para))
    d.h(1, "7 Good practice")
    d.bullets([
        "The consultant who joined Lindenford Children's Hospital in 2023 read the whole record, recognised the pattern and convened a professionals meeting within a fortnight.",
        "The school kept careful attendance records and made a clear, well-evidenced referral.",
        "Once FII was identified, the strategy discussion, the police investigation and the plan for Child E's care were well co-ordinated.",
    ])
    d.h(1, "8 Recommendations")
    d.p("The recommendations are grouped by the agency that will lead on each. Recommendations for the partnership as a whole are included under the lead agency for the work.")
    G = [
        ("Police", [
            (["police"], "should", "Pellbrook Police should ensure that officers in the child abuse investigation team receive training on fabricated or induced illness and on the national guidance on perplexing presentations."),
        ]),
        ("Health", [
            (["health"], "must", "Health partners must ensure that every child with a perplexing presentation who is seen by more than one trust has a named lead paediatrician who holds an overview of all investigations and treatment."),
            (["health"], "should", "Health partners should ensure that professionals who have doubts about a child's reported symptoms know how to raise them with the responsible consultant and with their safeguarding team, and that such doubts are recorded."),
            (["gp", "health"], "should", "GP practices should review the records of children with multiple specialist referrals and frequent attendance, and should share any concern about inconsistencies with the lead paediatrician."),
        ]),
        ("Children's Social Care", [
            (["childrens_social_care"], "should", "Children's Social Care should not close a referral about a child's absence from school on the basis of medical needs without confirming those needs with the child's paediatrician."),
            (["childrens_social_care"], "should", "Where parents are separated, assessments should record and weigh the observations of both parents about the child, whatever the relationship between the parents."),
        ]),
        ("Education", [
            (["education"], "should", "Schools should use the partnership's escalation procedure when they disagree with a decision to close a referral, and the local authority should remind designated safeguarding leads of it each year."),
        ]),
    ]
    for agency, recs in G:
        d.h(3, agency, toc=False, cls="agency")
        items = []
        for k, (ags, strength, text) in enumerate(recs, 1):
            it = d.rec(str(k), ags, strength, group=agency)
            items.append("<li>%s</li>" % it.t(text))
        d.raw('<ol class="recs">%s</ol>' % "".join(items))
    d.h(1, "9 Glossary")
    d.table(["Term", "Meaning"], [
        ["FII", "Fabricated or induced illness: a form of abuse in which a carer exaggerates, invents or causes illness in a child"],
        ["Perplexing presentation", "Symptoms or signs that do not fit a recognised illness and whose cause is not yet clear"],
        ["Strategy discussion", "A meeting of police, children's social care and health to decide whether to start child protection enquiries"],
    ], [4, 12], header_noise=False)
    return d
