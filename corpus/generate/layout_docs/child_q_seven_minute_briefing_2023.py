# -*- coding: utf-8 -*-
"""Marlhythe Safeguarding Children Partnership, 7-minute briefing on the Child Q review (2023).
Headless Chromium.

Layouts: landscape pages of seven numbered boxes in a grid. The briefing retells the findings
and recommendations of child-q-lcspr-2023 in its own words ("What the review found", "What is
changing") and asks questions for practitioners, but it has NO findings or recommendations of
its own: its gold file has none.
"""
from layout_model import Doc
from layout_docs._util import long_date

SLUG = "child-q-seven-minute-briefing-2023"
BOARD = "marlhythe_scp"
PUBLISHED = "2023-10-05"

FOOT = "Marlhythe Safeguarding Children Partnership – 7-minute briefing – Child Q"
CSS = """
@page { size: A4 landscape; margin: 14mm 14mm 16mm 14mm;
  @bottom-left { content: "%(f)s"; font: 8pt 'Open Sans'; color: #00707a; }
  @bottom-right { content: counter(page); font: 8pt 'Open Sans'; color: #00707a; } }
body { font-family: 'Open Sans'; font-size: 10pt; line-height: 1.35; color: #1b1b1b; }
.title { background: #00707a; color: white; padding: 10mm 12mm; height: 95mm; }
.title p { color: white; }
.t-kicker { font-size: 14pt; font-weight: 600; letter-spacing: 1pt; text-transform: uppercase; margin: 0; }
.t-main { font-size: 34pt; font-weight: 800; margin: 6mm 0 2mm 0; line-height: 1.1; }
.t-sub { font-size: 16pt; margin: 0 0 14mm 0; }
.t-line { font-size: 11pt; margin: 0 0 1.5mm 0; }
.why { margin-top: 8mm; border: 1pt solid #00707a; padding: 4mm 6mm; width: 150mm; }
.grid { display: grid; grid-template-columns: 1fr 1fr; gap: 6mm; break-after: page; }
.grid.three { grid-template-columns: 1fr 1fr 1fr; break-after: page; }
.grid.three .b7 { min-height: 150mm; }
.mgr { border-left: 2.5mm solid #00707a; background: #e6f2f3; padding: 3mm 5mm; margin-bottom: 6mm; }
.mgr p, .mgr li { font-size: 10.5pt; }
.b7 { border: 1.2pt solid #00707a; border-radius: 3mm; padding: 4mm 5mm 3mm 5mm; position: relative; min-height: 74mm; }
.b7 .n { position: absolute; top: -1mm; right: 3mm; font-size: 34pt; font-weight: 800; color: #cfe6e8; }
.b7 h3 { font-size: 14pt; color: #00707a; margin: 0 0 2mm 0; padding-right: 14mm; }
.b7 p, .b7 li { font-size: 11pt; line-height: 1.4; }
.b7 ul { padding-left: 4.5mm; margin: 0; }
table { font-size: 9.5pt; }
th { background: #00707a; color: white; border: 0.6pt solid #00707a; }
td { border: 0.6pt solid #7fb8bd; height: 9mm; }
h2.log { font-size: 15pt; color: #00707a; margin: 0 0 3mm 0; }
""" % dict(f=FOOT)

STYLE = dict(css=CSS, footer=FOOT + "{tab}{page}")


def box(n, title, inner):
    return '<div class="b7"><div class="n">%d</div><h3>%s</h3>%s</div>' % (n, title, inner)


def ul(items):
    return "<ul>%s</ul>" % "".join("<li>%s</li>" % x for x in items)


def build(variant=0):
    d = Doc(SLUG, BOARD, "chromium", dict(
        title="7-minute briefing: Child Q", type="briefing", board="Marlhythe Safeguarding Children Partnership",
        published=PUBLISHED), STYLE,
        themes=["neglect", "physical_abuse", "voice_of_child", "professional_curiosity", "information_sharing"],
        risks=["not_in_school", "unseen_men", "domestic_abuse"],
        optional=["multi_agency_working"],
        author="Marlhythe Safeguarding Children Partnership")
    d.raw('<div class="title"><p class="t-kicker">7-minute briefing</p>'
          '<p class="t-main">Child Q: a child who disappeared from view</p>'
          '<p class="t-sub">Learning from the Local Child Safeguarding Practice Review</p>'
          '<p class="t-line">Marlhythe Safeguarding Children Partnership</p>'
          '<p class="t-line">Published: %s</p>'
          '<p class="t-line">The full review was published on 14 September 2023</p></div>' % long_date(PUBLISHED, 2))
    d.raw('<div class="why"><p><strong>Why 7 minutes?</strong> Research suggests that seven minutes is an ideal length of time to hold people\'s attention and that learning delivered in this way is more likely to be remembered. Use this briefing in a team meeting or supervision: read it together, discuss the questions in box 6 and record what you will do differently.</p></div>'
          '<div class="pb"></div>')  # page 2: boxes 1-4
    d.raw('<div class="grid">' +
          box(1, "Background", "<p>Child Q was eight when he was admitted to hospital, malnourished and with healed fractures. He had been withdrawn from school for elective home education eighteen months earlier, shortly after his mother's new partner moved in. His mother's partner has been convicted of causing him grievous bodily harm.</p>") +
          box(2, "Why it matters", "<p>Children who are not in school can lose their most important protective relationships. Most home-educated children are safe and well, but when a child leaves school at the same time as other changes at home, the change may hide harm. Child Q was not seen by any professional for a year and a half.</p>") +
          box(3, "What the review found", ul([
              "Home education was seen only as a question about education.",
              "Police call-outs were screened one at a time, without asking who else saw Child Q.",
              "Nobody found out who the new man in the household was.",
              "A referral was closed after one phone call with his mother.",
              "Each agency held a piece of the picture; nobody put it together."])) +
          box(4, "What is changing", ul([
              "Schools will pass on welfare concerns when a child leaves for home education.",
              "The home education team will check records before first contact and will ask to see the child.",
              "Police notifications will record whether each child was seen.",
              "The front door will ask whether a child is seen by anyone outside the home.",
              "Health visitors and GPs will record everyone who lives in the household."])) +
          "</div>")
    d.raw('<div class="grid three">' +
          box(5, "Elective home education: the facts", "<p>Parents have the right to educate their children at home. There is no duty on parents to register, and the local authority has no general power to see the child. Schools must tell the local authority when a child is removed from the roll. A welfare concern about a home-educated child is handled like any other concern: make a referral.</p>") +
          box(6, "Questions to consider", ul([
              "When a child leaves your setting, what do you pass on, and to whom?",
              "Do you know who lives with the children you work with?",
              "If nobody outside the family sees a child, how does that change your view of risk?",
              "What would you need to see to be sure a child is well?"])) +
          box(7, "Find out more", ul([
              "The full report of the Child Q review (Marlhythe Safeguarding Children Partnership, September 2023)",
              "Marlhythe multi-agency procedures: children missing education and elective home education",
              "Partnership briefing: men who care for children",
              "Contact the partnership business unit to book a learning session"])) +
          "</div>")
    d.raw('<h2 class="log">For managers and designated safeguarding leads</h2><div class="mgr">' + ul([
        "Check that your service's procedures say what information is passed on when a child leaves, and to whom.",
        "Dip-sample five records: is every adult in the household named? Is it clear how the worker knows?",
        "Use supervision to ask, for each child on a worker's caseload, who outside the family sees the child each week.",
        "Make sure staff know how to escalate a concern if they disagree with a decision to close a referral.",
    ]) + '</div>')
    d.raw('<h2 class="log">Team discussion record</h2><p>Use this table to record your team\'s discussion of this briefing and return it to the partnership business unit.</p>')
    d.table(["Team / service", "Date discussed", "Number present", "What we will do differently"], [["", "", "", ""], ["", "", "", ""], ["", "", "", ""]], [4, 2.5, 2.5, 8], header_noise=False)
    return d
