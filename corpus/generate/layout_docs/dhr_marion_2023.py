# -*- coding: utf-8 -*-
"""Safer Hallowmere Partnership, Domestic Homicide Review 'Marion' (2023). LibreOffice.

Layouts: "Lessons to be learned" as numbered paragraphs (6.3 ...) whose first sentence is bold and
which run over several paragraphs; overview recommendations, one with a lead-in ending in a colon
and lettered sub-points, with a footnote at the foot of the page in the middle of it while the
recommendation continues on the next page; single-agency recommendations under agency
sub-headings, each list restarting at 1; a landscape action plan that restates the overview
recommendations word for word (not gold); chronology table; glossary; contents.
"""
from layout_model import Doc
from layout_docs._util import Num, long_date, first_words, last_words

SLUG = "dhr-marion-2023"
BOARD = "hallowmere_csp"
PUBLISHED = "2023-04-12"
TUNES = list(range(0, 16))

STYLE = dict(
    font="Caladea", size="11pt", line_height="117%", align="justify", accent="#7b1e3a",
    fonts=["Liberation Sans"],
    headings={1: dict(font="Liberation Sans", size="14pt", colour="#7b1e3a", before="0.7cm"),
              2: dict(font="Liberation Sans", size="11.5pt", colour="#333333"),
              3: dict(font="Liberation Sans", size="11pt", colour="#7b1e3a", italic=False)},
    header="OFFICIAL – SENSITIVE{tab}{tab}DHR Marion – Overview Report",
    footer="Safer Hallowmere Partnership{tab}{page}{tab}April 2023",
    header_landscape="OFFICIAL – SENSITIVE{tab}{tab}DHR Marion – Action Plan",
    table=dict(bg="#ead5dc", size="9.5pt"),
    num_indent="1.15cm",
    cover_styles=dict(
        mark=dict(size="10pt", bold=True, colour="#7b1e3a", align="center", after="3cm"),
        board=dict(font="Liberation Sans", size="15pt", bold=True, align="center", after="1.2cm"),
        type=dict(font="Liberation Sans", size="24pt", bold=True, colour="#7b1e3a", align="center", after="0.3cm"),
        sub=dict(font="Liberation Sans", size="14pt", align="center", after="0.2cm"),
        line=dict(size="11.5pt", align="center", after="0.15cm"),
        gap=dict(size="6pt", after="2.4cm"),
    ),
)

FOOTNOTE = "Domestic Abuse Act 2021, Part 1; and the statutory guidance issued under section 84 of that Act, which describes controlling or coercive behaviour and economic abuse."


def build(variant=0):
    d = Doc(SLUG, BOARD, "lo", dict(
        title="Domestic Homicide Review: Marion", type="dhr", board="Safer Hallowmere Partnership",
        published=PUBLISHED, subject="Marion", age_band="adult_18_64", outcome="death"), STYLE,
        themes=["psychological_abuse", "financial_abuse", "physical_abuse", "risk_assessment", "professional_curiosity", "covid19"],
        risks=["domestic_abuse"],
        optional=["adult_mental_illness", "adult_substance_dependence", "social_isolation", "multi_agency_working", "information_sharing"],
        author="Frances Oyelaran-Bright")
    d.cover([
        ("mark", "OFFICIAL – SENSITIVE"),
        ("board", "Safer Hallowmere Partnership"),
        ("type", "Domestic Homicide Review"),
        ("sub", "Overview Report into the death of Marion"),
        ("sub", "who died in October 2020"),
        ("gap", " "),
        ("line", "Independent Chair and Author: Frances Oyelaran-Bright"),
        ("line", "Report completed: May 2022"),
        ("line", "Date of publication: %s" % long_date(PUBLISHED, 1)),
    ])
    d.pagebreak()
    d.contents("Contents", 1)
    n = Num()

    d.h(1, n.sec("Introduction"), pagebreak=True)
    d.np(n.para(), "This report of a Domestic Homicide Review (DHR) examines how agencies in Hallowmere responded to Marion, a 54-year-old woman who was killed by her husband at their home in October 2020. Her husband, referred to as Keith, pleaded guilty to her murder and is serving a life sentence.")
    d.np(n.para(), "The review panel and the author offer their sincere condolences to Marion's children, her sister and her friends. Her daughter described her as 'the one who held everyone together, and who never once put herself first'. Marion worked for many years as a teaching assistant and was much loved by the children she supported.")
    d.np(n.para(), "Safer Hallowmere Partnership, the Community Safety Partnership, decided in November 2020 that the criteria for a DHR were met. The Home Office was informed. The review was delayed by the criminal proceedings and by the pandemic, and was completed in May 2022.")
    d.h(2, "Pseudonyms and confidentiality")
    d.np(n.para(), "The family chose the name Marion. The following pseudonyms are used in this report:")
    d.table(["Name", "Relationship to Marion", "Age at the time"], [
        ["Marion", "Victim", "54"], ["Keith", "Husband; the perpetrator", "58"],
        ["Daniel", "Son", "29"], ["Louise", "Daughter", "26"], ["Anne", "Sister", "57"],
    ], [4, 8, 4])

    d.h(1, n.sec("Terms of reference and methodology"))
    d.np(n.para(), "The review considered agency contact with Marion and Keith from January 2016 to the date of Marion's death. The panel asked each agency to provide an Individual Management Review (IMR) or a summary of its involvement. IMRs were received from Hallowmere Police, the GP practice (Rookwood Medical Practice), Hallowmere Hospitals NHS Trust, Hallowmere Talking Therapies, the Hallowmere Domestic Abuse Service and Hallowmere Council Adult Social Care.")
    d.np(n.para(), "The panel met six times. It included senior representatives of each agency, an independent domestic abuse specialist and a representative of a charity supporting families bereaved by homicide. None of the panel members had any direct involvement with Marion or Keith.")
    d.np(n.para(), "Marion's son, daughter and sister met the author on three occasions and read the draft report. Keith was written to in prison and agreed to be interviewed; his account has been considered but is treated with caution. Marion's friends from work also contributed.")

    d.h(1, n.sec("Background"))
    d.np(n.para(), "Marion and Keith had been married for thirty-one years. To people outside the family they seemed a settled, private couple. Marion's children told the review that their father had always controlled the household money, had decided which friends their mother could see, and checked her phone. They described a home in which everyone 'managed Dad's moods'. Marion's sister said that Marion had once told her she was 'not allowed' to have her own bank card.")
    d.np(n.para(), "Keith had periods of depression and drank heavily at weekends. In 2019 he was made redundant. Family members said that from then on he was at home all day and Marion's world became smaller still. In March 2020 the national lockdown began. Marion, who could no longer go to work, told her sister that she was thinking of leaving once the restrictions were lifted.")

    d.h(1, n.sec("Summary of agency contact"))
    d.np(n.para(), "The key contacts are summarised below. The panel considered the full combined chronology.")
    d.table(["Date", "Agency", "Contact"], [
        ["June 2017", "Hospital (ED)", "Marion attends with a wrist fracture; says she slipped on the stairs. Keith is present throughout. No routine enquiry about domestic abuse is made."],
        ["2018–2019", "GP", "Five consultations for low mood, poor sleep and headaches. Keith attends three with her. 'Stress at home' is recorded twice."],
        ["Aug 2019", "Police", "Daniel calls police after an argument in which Keith threw a mug at Marion. DASH risk assessment: standard. Referral to the domestic abuse service with Marion's consent."],
        ["Sept 2019", "Domestic abuse service", "Two telephone calls. On the second Marion says Keith is 'in the room' and ends the call. Case closed after three further attempts."],
        ["Jan 2020", "Talking Therapies", "Keith self-refers for low mood. Tells the therapist that 'if my wife left I'd have nothing to live for'. Discharged after four sessions."],
        ["May 2020", "GP (telephone)", "Marion asks for help with sleep. Consultation by telephone; she says she 'can't really talk'. Prescribed medication; no follow-up arranged."],
        ["Oct 2020", "Police / Ambulance", "Emergency call from a neighbour. Marion is found dead at the home."],
    ], [2.4, 3.4, 10.2])

    # ------------------------------------------------------------------ lessons
    d.h(1, n.sec("Lessons to be learned"), pagebreak=True)
    d.np(n.para(), "The panel identified the lessons below from its analysis of the agencies' IMRs, the chronology and the accounts of Marion's family. The first sentence of each lesson, in bold, states the lesson; the rest explains it.")
    d.np(n.para(), "Several of these lessons have been found in earlier DHRs in Hallowmere and elsewhere. The panel has tried to say why they were not learned in this case rather than simply restate them.")
    L = [
        ("Coercive and controlling behaviour was the context of Marion's life, but agencies saw only separate incidents.",
         " Each agency recorded what was in front of it: an injury, low mood, an argument, a missed call. None of them described the pattern of control over money, friends, movement and communication that her family described to the review.",
         ["Practitioners who took part in the learning event said they understood coercive control in theory but found it hard to recognise in an older, long-married couple who did not fit their picture of an abusive relationship."]),
        ("Marion was never given a safe opportunity to speak alone.",
         " In the emergency department, at three GP consultations and on the telephone in 2020, Keith was present or nearby. Routine enquiry about domestic abuse depends on the patient being seen without their partner, and the systems in place did not make that happen.",
         ["The move to telephone consultations during the pandemic made this worse. Marion's comment in May 2020 that she 'can't really talk' was recorded but was not recognised as a possible sign that she was not safe to speak."]),
        ("The risk assessment completed in 2019 was treated as a fixed judgement rather than a picture at one moment.",
         " The DASH assessment was completed with Marion in front of her son and with Keith in the next room. She answered 'no' to most questions. The standard-risk grading then shaped every later decision, and no agency revisited it when circumstances changed.",
         ["The panel considers that the most important change, Marion's intention to separate once lockdown ended, was known to her sister and friends but to no agency. Separation is well known to be a time of heightened risk of homicide."]),
        ("Keith's threats of suicide if Marion left were heard as a matter of his mental health and not as a warning about her safety.",
         " The Talking Therapies practitioner recorded the comment accurately and assessed Keith's risk to himself. There was no consideration of what the comment meant for his wife, and no question about how he behaved at home when he was low or had been drinking.",
         []),
        ("The pandemic removed almost every route by which Marion could have sought help.",
         " Her job had been her main contact with the world outside the home. When the schools closed, she lost it. Services moved to telephone and video contact, which assumes that a person can speak privately in their own home.",
         ["Some local services introduced safe words and text-based contact during 2020, but these were not widely known, and Marion did not hear of them."]),
        ("Marion's family and friends saw more than any agency, but did not know what they could do.",
         " Her sister and her daughter both told the review that they had been worried for years. Neither knew that they could contact the domestic abuse service themselves for advice, or that the police could tell Marion about Keith's history under the domestic violence disclosure scheme.",
         []),
    ]
    for first, rest, more in L:
        num = n.para()
        it = d.finding(num)
        d.np(num, "**%s**%s" % (it.t(first), it.t(rest)))
        for m in more:
            d.p(it.t(m), cls="Cont")

    d.h(1, n.sec("Conclusions"))
    d.np(n.para(), "Marion's death was not predictable from the information held by any single agency. The panel concludes, however, that it may have been preventable had the pattern of Keith's control been recognised and had Marion been offered a safe way to talk about it. The lessons above describe how that could happen for others.")
    d.np(n.para(), "The panel recognises the good practice of the police officers who attended in 2019, who made a referral with Marion's consent and took a careful account from Daniel, and of the domestic abuse service, which persisted with calls after the first was cut short.")

    # ------------------------------------------------------------------ recommendations
    if variant:
        d.spacer(0.45 * variant)
    d.h(1, n.sec("Recommendations"))
    d.np(n.para(), "The overview report recommendations are for Safer Hallowmere Partnership and its partner agencies. The single-agency recommendations were made by the authors of the IMRs and accepted by their agencies; they are listed by agency.")
    d.h(2, "Overview report recommendations")
    g = "Overview report recommendations"
    it = d.rec("1", ["board"], "should", group=g)
    d.hang("1.", it.t("Safer Hallowmere Partnership should commission multi-agency training on coercive and controlling behaviour in long-standing relationships and among older couples, drawing on the learning from this review, and should evaluate its effect on practice within twelve months."), indent=0)
    it = d.rec("2", ["icb"], "should", group=g)
    d.hang("2.", it.t("The Integrated Care Board should ensure that GP practices and the hospital trust have a reliable way of seeing patients alone when domestic abuse is suspected, including when consultations take place by telephone or video, and that routine enquiry is recorded."), indent=0)
    it = d.rec("3", ["board", "police", "voluntary_sector"], "should", group=g)
    d.hang("3.", it.t("Safer Hallowmere Partnership, with Hallowmere Police and the Hallowmere Domestic Abuse Service, should review the local response to standard and medium risk cases so that:"), indent=0)
    subs = [
        ("(a)", "a risk assessment is repeated whenever new information is received, and in any case when a victim says that she intends to separate;"),
        ("(b)", "practitioners ask specifically about control of money, phones and contact with family and friends, in line with the statutory definition of economic abuse[[fn:%s]], and record the answers even where no offence is disclosed;" % FOOTNOTE),
        ("(c)", "referrals to the domestic abuse service include the safest times and means of contact, agreed with the victim, and the service does not close a case after unanswered calls without considering other ways of reaching her;"),
        ("(d)", "a victim whose case is closed is told how to come back to the service herself, and is given the details in a form that is safe for her to keep; and"),
        ("(e)", "the partnership receives an annual report on how many standard and medium risk cases were re-assessed, and with what result."),
    ]
    for mk, tx in subs:
        d.hang(mk, it.t(mk + " " + tx)[len(mk) + 1:], indent=1)
    rec3 = it
    it = d.rec("4", ["mental_health_services", "gp", "health"], "should", group=g)
    d.hang("4.", it.t("Mental health and primary care services should treat a threat of suicide made in the context of separation, or of a partner's wish to leave, as a possible indicator of risk to the partner, and should ask about the safety of the partner and any children before concluding the assessment."), indent=0)
    it = d.rec("5", ["board"], "should", group=g)
    d.hang("5.", it.t("Safer Hallowmere Partnership should run a campaign aimed at the family members, friends and colleagues of people experiencing domestic abuse, telling them what signs to look for and how to get advice for themselves."), indent=0)
    it = d.rec("6", ["government"], "consider", group=g)
    d.hang("6.", it.t("The Home Office should consider including, in the next revision of the statutory guidance for Domestic Homicide Reviews, a requirement that reviews report on the role of economic abuse in the relationship."), indent=0)

    d.h(2, "Single-agency recommendations")
    single = [
        ("Hallowmere Police", [
            (["police"], "should", "Officers attending domestic abuse incidents should complete the DASH risk assessment with the victim alone, and should record where this was not possible and why."),
            (["police"], "must", "The force must ensure that all response officers complete the coercive control training module by March 2024."),
        ]),
        ("Rookwood Medical Practice", [
            (["gp"], "should", "The practice should add an alert to the record of any patient who discloses domestic abuse, or about whom a concern has been shared, so that the patient is offered a face-to-face appointment alone."),
            (["gp"], "should", "Clinicians should follow up a patient who says during a telephone consultation that they cannot talk freely, by arranging a safe face-to-face contact."),
        ]),
        ("Hallowmere Talking Therapies", [
            (["mental_health_services"], "should", "Assessments should include questions about the client's relationships, conflict at home and access to children, and any threat of harm to others should be discussed with the safeguarding lead."),
        ]),
        ("Hallowmere Domestic Abuse Service", [
            (["voluntary_sector"], "should", "The service should agree safe contact arrangements at the first contact and should review every case closed after failed contact attempts within one month."),
        ]),
    ]
    for head, recs in single:
        d.h(3, head, toc=False)
        for k, (ags, strength, text) in enumerate(recs, 1):
            it = d.rec(str(k), ags, strength, group=head)
            d.hang("%d." % k, it.t(text), indent=0)

    def pred(pdf):
        start = pdf.find(first_words(rec3.text, 12))
        if not start:
            return False
        p1 = pdf.pw.pg[start[0]]
        before = pdf.find("in line with the statutory definition of economic abuse", start[0])
        after = pdf.find(last_words(rec3.text, 10), start[0])
        if not before or not after:
            return False
        fn_pages = pdf.pages_with(FOOTNOTE[:60])
        return pdf.pw.pg[before[0]] == p1 and pdf.pw.pg[after[1] - 1] == p1 + 1 and fn_pages == [p1]
    d.expect.append(("recommendation 3 starts on a page whose footnote falls inside it, and ends on the next page", pred))

    # ------------------------------------------------------------------ action plan (landscape; restates recommendations)
    d.landscape(True)
    d.h(1, n.sec("Action plan"))
    d.p("The action plan below was agreed by Safer Hallowmere Partnership in September 2022. It restates each overview report recommendation with the actions taken in response. Progress is reported to the Partnership Board quarterly.")
    rows = []
    acts = [
        ("Training designed with the Hallowmere Domestic Abuse Service; four sessions delivered", "DA Strategic Lead", "March 2023", "Complete"),
        ("'Seeing patients alone' guidance issued to all practices; audit of ten practices", "ICB Designated Nurse", "June 2023", "In progress"),
        ("Task and finish group established; revised standard and medium risk pathway drafted", "DA Strategic Lead / Police / HDAS", "September 2023", "In progress"),
        ("Question added to Talking Therapies and GP mental health templates", "ICB Mental Health Commissioner", "June 2023", "In progress"),
        ("'Worried about someone?' campaign planned for the 16 days of action", "Community Safety Manager", "December 2023", "Not started"),
        ("Letter sent to the Home Office by the Chair", "Chair, Safer Hallowmere Partnership", "May 2023", "Complete"),
    ]
    overview = [i for i in d.items if i.kind == "recommendation" and i.group == g]
    for i, (it, (act, lead, when, status)) in enumerate(zip(overview, acts), 1):
        rows.append([str(i), it.text if i != 3 else first_words(rec3.text, 40) + " … (see section 7)", act, lead, when, status])
    d.table(["No.", "Recommendation", "Action", "Lead", "Target date", "Status"], rows, [0.8, 8.2, 6.2, 3.6, 2.2, 2.0], small=True)
    d.landscape(False)

    d.h(1, n.sec("Glossary"))
    d.table(["Term", "Meaning"], [
        ["DASH", "Domestic Abuse, Stalking and Harassment risk identification checklist"],
        ["DHR", "Domestic Homicide Review"],
        ["ED", "Emergency department"],
        ["HDAS", "Hallowmere Domestic Abuse Service, the local specialist domestic abuse charity"],
        ["IMR", "Individual Management Review: an agency's own analysis of its involvement"],
        ["Routine enquiry", "Asking all patients or clients, in private, whether they are experiencing abuse"],
    ], [3.5, 12.5], header_noise=False)
    return d
