# -*- coding: utf-8 -*-
"""Generic section building blocks with alternative phrasings.

Placeholders as in themes.py plus {rtype} (review type name), {rshort} (SCR/LCSPR/SAR...),
{author}, {incident_date}, {period_start}, {period_end}, {commission_date}, {guidance},
{criteria}, {method}, {family_view}.
"""

INTRO = [
    ["This report has been commissioned by {board} following {event}. It sets out the findings of a {rtype} undertaken in respect of {s}. The purpose of the review is not to apportion blame but to understand what happened, why it happened, and what should change so that {protect} in {area} are better protected in future.",
     "{board} commissioned this {rtype} after {event}. The review has sought to understand how agencies in {area} worked, individually and together, with {s} and {his} family, and what can be learned to improve practice. It is not the purpose of the review to hold individuals to account; other processes exist for that."],
    ["The name {s} is a pseudonym, chosen to protect the privacy of {his} family. Other family members are referred to by their relationship to {s}, and practitioners are referred to by their role. Dates have been given in months and years where a precise date is not needed to understand the learning.",
     "To protect the family's privacy, {s} is referred to throughout by a pseudonym, and family members are described by their relationship to {him}. Professionals are identified by role and agency only."],
    ["The reviewer would like to thank the family members who contributed, and the practitioners and managers who gave their time openly and honestly. Many of those who worked with the family were deeply affected by what happened, and their willingness to reflect on their practice has been central to the learning in this report.",
     "The author is grateful to the practitioners who took part in the review. They approached it with candour and a clear wish to learn, often while still affected by the events described."],
]

CRITERIA = {
    "scr": ["Regulation 5 of the Local Safeguarding Children Boards Regulations 2006 requires an LSCB to undertake a review of a serious case where abuse or neglect of a child is known or suspected and either the child has died or the child has been seriously harmed and there is cause for concern as to the way in which the authority, their Board partners or other relevant persons have worked together to safeguard the child.",
            "The case was considered by the Board's Serious Case Review sub-group, which concluded that the criteria set out in {guidance} were met, and the Independent Chair agreed that a Serious Case Review should be undertaken. {notified}"],
    "lcspr": ["Under Working Together to Safeguard Children, the safeguarding partners must make arrangements to identify and review serious child safeguarding cases which, in their view, raise issues of importance in relation to their area. A serious child safeguarding case is one in which abuse or neglect of a child is known or suspected and the child has died or been seriously harmed.",
              "A serious incident notification was made to the Child Safeguarding Practice Review Panel and a rapid review was completed within fifteen working days. The rapid review concluded that the case met the criteria for a local child safeguarding practice review, and the national Panel agreed with that conclusion."],
    "sar": ["Section 44 of the Care Act 2014 requires a Safeguarding Adults Board to arrange a review of a case involving an adult in its area with needs for care and support (whether or not the local authority has been meeting any of those needs) if there is reasonable cause for concern about how the Board, its members or others worked together to safeguard the adult, and the adult has died or experienced serious abuse or neglect.",
            "A referral was received by the Board's SAR sub-group, which considered that the statutory criteria were met. The Independent Chair of the Board agreed the recommendation that a Safeguarding Adults Review should be commissioned."],
    "adult_scr": ["The Board's multi-agency procedures provide for a serious case review where an adult at risk has died or been seriously harmed, abuse or neglect is known or suspected to be a factor, and there is concern about how agencies worked together. Such reviews were not, at the time, a statutory requirement.",
                  "The case was referred to the Board's Serious Case Review sub-group by the hospital trust's safeguarding team. The sub-group considered that the criteria in the Board's procedure were met, and the Chair agreed that a review should be commissioned."],
    "dhr": ["Domestic Homicide Reviews were established on a statutory basis under section 9 of the Domestic Violence, Crime and Victims Act 2004. A DHR is a review of the circumstances in which the death of a person aged sixteen or over has, or appears to have, resulted from violence, abuse or neglect by a person to whom they were related, or with whom they were or had been in an intimate personal relationship, or by a member of the same household.",
            "The Community Safety Partnership was notified of the death by the police and, having considered the circumstances against the statutory guidance, decided that a Domestic Homicide Review should be undertaken. The Home Office was informed of the decision."],
    "learning_review": ["The case did not meet the criteria for a statutory review. However, the partnership's case review group considered that it raised issues of practice from which partners could learn, and a proportionate, multi-agency learning review was commissioned.",
                        "This learning review was undertaken using a proportionate methodology. It was not a statutory review, and it does not attempt a full chronology of agency involvement; instead it focuses on a small number of practice episodes which illustrate wider learning."],
}

METHOD = [
    ["The review has followed a systems methodology, which seeks to understand why practitioners acted as they did and what organisational factors supported or hindered good practice. Each agency that had contact with {s} and {his} family provided a chronology of involvement and a short report analysing its own practice.",
     "The review used a hybrid methodology, combining agency chronologies and reports with a practitioner learning event and conversations with key staff. This approach is intended to understand the 'local rationality' of decisions: why they made sense to the people making them at the time."],
    ["A review panel of senior representatives from the partner agencies, none of whom had direct involvement in the case, met on {panel_n} occasions to oversee the review, consider the evidence and test the emerging findings. The panel was chaired by the independent reviewer.",
     "The review was overseen by a panel of senior managers drawn from the agencies involved, with an independent chair. Panel members were independent of the line management of the case."],
    ["A learning event was held with practitioners and first-line managers. It was well attended and provided rich information about the context in which practitioners worked. The reviewer also held individual conversations with {conv_n} practitioners.",
     "Practitioners and their managers were invited to a reflective workshop, at which the emerging findings were discussed and tested. Several practitioners who were unable to attend were spoken to individually."],
]

FAMILY = [
    ["The family were informed of the review at its outset and were invited to contribute. {family_view}",
     "The reviewer wrote to the family at the start of the review to explain its purpose and to invite them to take part. {family_view}"],
    ["The contribution of family members has been invaluable. Families see things that professionals do not, and their perspective has helped the review to understand what the services looked like from the outside.",
     "Statutory guidance is clear that families should be invited to contribute to reviews, and that their involvement should be meaningful rather than a formality. The reviewer has tried to reflect the family's views faithfully, including where they differ from the accounts of professionals.",
     "The family were offered the opportunity to read the report before publication, and their comments have been taken into account."],
]

LIMITS = [
    "The review has been conducted while criminal proceedings were ongoing, and publication was delayed until those proceedings had concluded. Some individuals could not be spoken to for that reason.",
    "It should be acknowledged that this review has the benefit of hindsight. Practitioners at the time did not know how events would unfold, and they were working with the information available to them.",
    "Hindsight bias is an inevitable risk in any review of this kind. The reviewer has tried to understand what was knowable at the time, and not to judge decisions by their outcome.",
]

GOOD_PRACTICE = [
    "The review identified examples of good practice, and it is important that these are recognised.",
    "Although this report focuses on what could have been done differently, there was also practice which deserves recognition.",
    "Not everything in this case went wrong, and the review wishes to highlight some examples of good practice.",
]

CONCLUSION = [
    ["It is not possible to say whether different practice would have prevented what happened to {s}. What the review can say is that there were opportunities to understand {his} circumstances more fully, and that those opportunities were missed for reasons which are understandable but which need to change.",
     "The review does not conclude that the harm to {s} was predictable or preventable. It does conclude that the system around {him} did not draw together what was known, and that a more joined-up and curious response would have given agencies a better chance of protecting {him}."],
    ["The findings in this report are not unique to {area}; they echo the learning from many reviews nationally. That should not be a reason for complacency. The challenge for {bshort} is to move beyond recognising these themes to changing the conditions that allow them to recur.",
     "Many of the themes in this report will be familiar to readers of other reviews. Their familiarity is itself a finding: the partnership should ask why learning that is well known does not consistently translate into practice."],
]

GLOSSARY = {
    "A&E": "Accident and emergency department",
    "ASC": "Adult social care",
    "CAMHS": "Child and adolescent mental health services",
    "CCE": "Child criminal exploitation",
    "CIN": "Child in need (section 17 Children Act 1989)",
    "CP": "Child protection (section 47 Children Act 1989)",
    "CSE": "Child sexual exploitation",
    "CSC": "Children's social care",
    "DA": "Domestic abuse",
    "DVA": "Domestic violence and abuse",
    "PMH": "Parental mental health",
    "IPV": "Intimate partner violence",
    "SILP": "Significant Incident Learning Process",
    "ICON": "Infant crying programme: Infant crying is normal, Comforting methods can help, It's OK to walk away, Never ever shake a baby",
    "DASH": "Domestic Abuse, Stalking and Harassment and Honour Based Violence risk identification checklist",
    "DSL": "Designated safeguarding lead (in a school)",
    "ED": "Emergency department",
    "GP": "General practitioner",
    "HV": "Health visitor",
    "ICB": "Integrated Care Board (formerly Clinical Commissioning Group, CCG)",
    "CCG": "Clinical Commissioning Group",
    "LSCB": "Local Safeguarding Children Board",
    "MARAC": "Multi-agency risk assessment conference (for high-risk domestic abuse)",
    "MASH": "Multi-agency safeguarding hub",
    "MCA": "Mental Capacity Act 2005",
    "NAI": "Non-accidental injury",
    "NRM": "National Referral Mechanism (for victims of trafficking and modern slavery)",
    "RHI": "Return home interview (after a missing episode)",
    "SAB": "Safeguarding Adults Board",
    "SUDI": "Sudden unexpected death in infancy",
    "YJS": "Youth justice service",
    "IDVA": "Independent domestic violence adviser",
    "MAPPA": "Multi-agency public protection arrangements",
    "CIRS": "Clutter image rating scale",
    "FNP": "Family Nurse Partnership",
    "EHA": "Early help assessment",
    "PLO": "Public Law Outline",
}

# ---------------------------------------------------------------- further alternatives
INTRO[0] += [
    "{board} was notified of {event}. Having considered the circumstances, it decided that a {rtype} should be undertaken. This report sets out what the review found. Its purpose is to identify learning and improvement, not to hold individuals or agencies to account.",
    "This {rtype} was commissioned by {board} to examine how local services responded to {s} and {his} family before {event}. The review asks what happened, why it happened and what needs to change.",
]
INTRO[1] += [
    "{s} is not the real name of the person at the centre of this review. The pseudonym was agreed with the family. Professionals are described by their role, and some details have been changed or omitted to protect the family's privacy.",
    "This report uses the pseudonym {s}. Where family members need to be distinguished, they are described by their relationship to {him}. Agencies are named; individual practitioners are not.",
]
INTRO[2] += [
    "Thanks are due to the members of the review panel, to the business unit staff who supported the review, and above all to the practitioners who spoke openly about their work with the family.",
    "The review could not have been completed without the co-operation of the agencies involved and the willingness of practitioners to talk honestly about difficult decisions. Their contribution is gratefully acknowledged.",
    "The independent reviewer is grateful to everyone who contributed, and particularly to the family, who spoke about painful events in the hope that others might benefit.",
]
METHOD[0] += [
    "The review was conducted using the Significant Incident Learning Process (SILP), a collaborative methodology in which the authors of agency reports come together with the reviewer to analyse the case and agree the learning.",
    "A proportionate methodology was agreed. Agencies provided chronologies and answered specific questions set by the reviewer; the reviewer read the key records and spoke to the practitioners most closely involved.",
    "The review drew on the 'Learning Together' systems model. Rather than asking what individuals did wrong, it asks what made it difficult to do the right thing at the time, and how the system could support better practice.",
]
METHOD[1] += [
    "The review was supported by a panel comprising senior managers from children's social care, health, police and education, together with the partnership business manager. The panel met {panel_n} times.",
    "Oversight was provided by a review panel chaired by the independent reviewer. The panel agreed the terms of reference, scrutinised agency submissions and tested the findings before the report was finalised.",
]
METHOD[2] += [
    "Two practitioner events were held: the first to explore what happened and why, and the second to test the draft findings. The reviewer also spoke individually with {conv_n} practitioners and managers.",
    "The reviewer met practitioners from each agency, some in groups and some individually. These conversations were the richest source of information for the review, and they shaped its findings significantly.",
]
LIMITS += [
    "The review has not had access to the perpetrator's account, and some practitioners had left their posts by the time it began. The findings have been reached on the basis of the records and the accounts of those who could be contacted.",
    "Some delay in completing the review arose from the need to await the outcome of other processes, including the inquest. The panel kept the family informed throughout.",
]
GOOD_PRACTICE += [
    "The review found practice which was thoughtful and child-centred, and it is right that this is acknowledged.",
    "It is important to balance the findings of this review with recognition of what went well.",
]
CONCLUSION[0] += [
    "With hindsight it is possible to see a pattern that was not visible at the time. The review does not suggest that any single practitioner could have prevented what happened to {s}; it does suggest that the system, working as intended, would have given {him} a better chance.",
    "The events described in this report were not the result of one failure. They reflect a series of missed opportunities, each understandable in isolation, which together left {s} without the protection {he} needed.",
]
CONCLUSION[1] += [
    "The recommendations that follow are intended to strengthen the system rather than to add procedures. {bshort} will need to satisfy itself that they make a difference to practice, not only to policy.",
    "The test of this review will be whether practice changes. {bshort} should revisit these findings in twelve months' time and ask practitioners whether they can see the difference.",
]
FAMILY[1] += [
    "The review is grateful for the family's contribution. Their account has been reflected throughout the report, and in places it has led the reviewer to reconsider the professional view of events.",
    "Family members were offered support to take part, including an advocate. Their views are reflected in the analysis and in the conclusions of this report.",
]


# National context (long reports only), with footnotes
CONTEXT = {
    "child": [
        ["National analyses of serious case reviews have consistently found that the same themes recur: poor information sharing, insufficient attention to the child's lived experience, a focus on mothers to the exclusion of fathers and male carers, and the difficulty of recognising cumulative harm.[[fn:See, for example, the periodic national analyses of serious case reviews published by the Department for Education, and the annual reports of the Child Safeguarding Practice Review Panel.]] The findings of this review sit squarely within that body of learning.",
         "The learning from this review is consistent with the findings of national analyses, which have repeatedly identified information sharing, professional curiosity and the visibility of the child as recurring themes.[[fn:National analyses of reviews are published periodically; the most recent at the time of writing is referred to in the partnership's annual report.]]"],
        ["Since the events described in this report, national arrangements have changed. Local Safeguarding Children Boards have been replaced by safeguarding partnerships led by the local authority, the police and health, and serious case reviews have been replaced by local child safeguarding practice reviews overseen by the national Panel.[[fn:Children and Social Work Act 2017; Working Together to Safeguard Children 2018.]] The learning remains relevant under the new arrangements.",
         "The reviewer has considered whether the findings have implications beyond {area}. Several of them, particularly those about the visibility of the men in a child's life and about the sharing of information between adult and children's services, are national issues which the partnership may wish to draw to the attention of the national Panel."],
    ],
    "adult": [
        ["National analysis of Safeguarding Adults Reviews has found that self-neglect, the application of the Mental Capacity Act and the coordination of multi-agency responses are among the most frequently recurring themes.[[fn:The national analyses of Safeguarding Adults Reviews commissioned by the Local Government Association and the Association of Directors of Adult Social Services.]] This review adds to that evidence.",
         "The findings of this review reflect those of many Safeguarding Adults Reviews nationally, particularly in relation to mental capacity, multi-agency coordination and the care and support needs of people whose lives do not fit service criteria.[[fn:See the national analyses of Safeguarding Adults Reviews published in 2020 and 2024.]]"],
        ["The Care Act 2014 places a duty on local authorities to make enquiries where an adult with care and support needs is experiencing, or at risk of, abuse or neglect, and is unable to protect themselves.[[fn:Care Act 2014, section 42.]] The review found that this duty was not consistently understood as applying to people who self-neglect or whose needs are attributed to substance use.",
         "The six principles of adult safeguarding (empowerment, prevention, proportionality, protection, partnership and accountability) provide a useful framework for considering the practice described in this report.[[fn:Department of Health and Social Care, Care and support statutory guidance, chapter 14.]]"],
    ],
    "dhr": [
        ["Domestic homicide reviews nationally have identified a number of recurring themes: the importance of understanding coercive control, the role of health services and employers as points of disclosure, and the heightened risk around separation and the withdrawal of victims from criminal proceedings.[[fn:Home Office analyses of domestic homicide reviews, published periodically.]]",
         "Coercive or controlling behaviour in an intimate or family relationship became a criminal offence in December 2015.[[fn:Serious Crime Act 2015, section 76.]] The review found that the offence was not considered by any agency in Anna's case, although much of the behaviour she described would have fallen within it."],
    ],
}
