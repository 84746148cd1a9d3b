# -*- coding: utf-8 -*-
"""Alternative phrasings for the building blocks that several documents share.

Findings whose headline or paragraphs are given as lists of alternatives, recommendations whose
wording is a list of alternatives, and extra analysis variants. Applied on top of themes.T.
"""
from themes import T


def alt_finding(theme, idx, heads, paras):
    T[theme]["findings"][idx] = (heads, paras)


def alt_rec(theme, idx, texts):
    ag, st, _ = T[theme]["recs"][idx]
    T[theme]["recs"][idx] = (ag, st, texts)


def more_analysis(theme, slot, *texts):
    T[theme]["analysis"][slot].extend(texts)


# ---------------------------------------------------------------- findings
alt_finding("unseen_men", 0, [
    "{man} was not identified, assessed or engaged, and his history was unknown to the professionals working with {s}",
    "The men in {s}'s life, and in particular {man}, were not identified, assessed or engaged by any agency",
    "Agencies focused on {carer} and did not find out who {man} was, what role he played in caring for {s} or what risk he might pose",
    "No professional assessed {man}, although he was a significant figure in {s}'s daily life",
], [
    ["Although {man}'s presence was noted on several occasions, no agency recorded him as a household member or carried out checks on his history. His role in {s}'s care, which was significant, was therefore never assessed.",
     "{man} appears in the records of four agencies, but always at the margins: 'partner present', 'male in background', 'father figure'. None of those agencies asked who he was, whether he lived at the address, or whether anything was known about him.",
     "The records show that professionals knew {man} was part of the household, but his details were not taken and his history was not checked. Conversations about the care of {s} took place with {carer} alone, even when he was in the room.",
     "It is striking how little the agencies knew about {man}. Even his date of birth was not recorded consistently, and no agency made a police or children's social care check on him."],
    ["Every assessment of a child should identify all the adults who are part of the child's life, including partners who are said not to live at the address, and should include checks with the police and other agencies. Men should be invited to appointments and meetings as a matter of course.",
     "Fathers and male carers are as important to a child's safety as mothers. Practice needs to move from noting their presence to actively engaging them: inviting them, assessing them and, where necessary, challenging them.",
     "The learning is not new: it has been a feature of national analyses of reviews for many years. The task for the partnership is to understand why, despite that, men continue to be invisible in practice, and to change the systems (appointment letters, assessment templates, recording) that allow this to happen."],
])

alt_finding("information_sharing", 0, [
    "Significant information held by individual agencies was not shared, or was shared without its significance being explained",
    "Important information was held in separate agencies and was never brought together",
    "Information was passed between agencies, but its meaning was not communicated and it did not change anyone's understanding of risk",
    "No single agency had the whole picture, because key information was not shared at the points when it mattered",
], [
    ["The review identified at least four occasions when one agency held information that would have altered another agency's view of risk. On each occasion the information was either not shared or was shared in a form, such as a copied letter, that did not draw attention to its significance.",
     "When the agency chronologies were merged for this review, the picture that emerged was considerably more worrying than any single agency's view at the time. Information that would have changed decisions sat in records which the decision-makers did not see.",
     "Several notifications were sent between agencies during the period under review. Most were filed on receipt. None prompted a conversation, and none was followed up by the sender to check what had happened as a result.",
     "The most significant information in this case was never hidden. It was recorded, in some cases carefully, but it stayed within the agency that recorded it, because no-one thought to share it or because practitioners assumed that others already knew."],
    ["Sharing information is not the end of the task. The person sharing needs to say what they are worried about and what they expect to happen; the person receiving needs to acknowledge it and say what they will do. Neither side of that exchange worked consistently in this case.",
     "Information becomes useful when someone puts it together and asks what it means. The multi-agency arrangements in place at the time did not provide a reliable point at which that could happen for {s}.",
     "The learning is that information sharing is a conversation, not a transaction. Practitioners should pick up the telephone when they have a concern, and agencies should make it easy for them to find the right person to talk to."],
])

alt_finding("mental_capacity", 0, [
    "{s}'s capacity to make decisions about {his} care and safety was assumed rather than assessed",
    "The Mental Capacity Act was cited but not applied: there was no decision-specific assessment of {s}'s capacity",
    "Practitioners relied on the presumption of capacity without testing whether {s} could act on the understanding {he} expressed",
], [
    ["References to capacity in the records were general assertions. No assessment was completed in relation to any specific decision, despite evidence of cognitive decline and of decisions that placed {him} at serious risk.",
     "The phrase 'has capacity' appears in the records of several agencies, usually to explain why no further action was taken. None of these entries relates to a particular decision, and none records how the conclusion was reached.",
     "{s} was able to say, in conversation, that {he} understood the risks. The review found no evidence that anyone considered whether {he} could use that understanding when it mattered, which is the question of executive function."],
    ["Capacity is decision-specific and time-specific. Where a person repeatedly makes decisions that place them at serious risk, a formal assessment should be considered, including of executive function.",
     "The presumption of capacity is a starting point, not a conclusion. Where there is reason to doubt it, the Act requires an assessment, and practitioners should be supported to carry one out and to record it.",
     "Respect for autonomy depends on a proper understanding of capacity. Without an assessment, practitioners could neither be confident that {s} was making a capacitous choice nor act in {his} best interests if {he} was not."],
])

alt_finding("engagement", 0, [
    "Repeated missed health appointments were treated as administrative events rather than as an indicator of neglect, and {s} was discharged from services as a result",
    "{s} was repeatedly not brought to health appointments, and services responded by discharging {him} rather than by asking why",
], [
    ["{wnb} At least one service discharged {him} back to the GP after two missed appointments; the GP practice wrote to {carer} but took no further action."],
    ["A consistent 'was not brought' approach across health agencies would have required each missed appointment to be considered in the context of the child's wider circumstances, and would have triggered contact with the health visitor or school nurse before any discharge.",
     "Missed appointments are among the most reliable early indicators of neglect. Health services need policies that treat a child who is not brought as a child whose needs are not being met, rather than as a gap in a clinic list."],
])

alt_finding("voice_of_child", 0, [
    "The lived experience of {s} was not at the centre of assessments and plans, and {he} was rarely seen alone",
    "{s} was seen but not heard: assessments described the adults in detail and said little about what life was like for {him}",
], [
    ["Assessments during the review period focused on the needs and behaviour of the adults. The review found few records of {s} being seen alone, and no assessment which set out, from {his} point of view, what a typical day looked like. As a result, decisions about {him} were made without the most important evidence.",
     "The reviewer read every assessment completed during the period. Each contains a full account of the adults' difficulties; none describes a day in {s}'s life, and only one records anything {he} said."],
    ["The panel recognises that seeing a child alone can be difficult when parents resist it or when the child is very young. However, the absence of the child's perspective should itself be treated as a gap in the assessment, recorded as such and addressed in the plan.",
     "Keeping the child in focus requires deliberate effort, especially when the adults' needs are pressing. Managers should ask, in every supervision, what the child would say about their life if asked."],
])

alt_finding("voice_of_child", 1, [
    "What {s} said and how {he} behaved were not understood as communication about life at home",
    "{s} tried to tell adults what was happening, but {his} words and behaviour were explained away",
], [
    ["On several occasions {s} said or did things which, in hindsight, were attempts to tell adults what was happening. These were recorded, but they were attributed to other causes, such as tiredness, friendship difficulties or a wish for attention.",
     "In hindsight there were moments when {s} was trying to communicate. {His} behaviour at school, {his} reluctance to go home and the things {he} said to trusted adults were each noted, and each was given an ordinary explanation."],
    ["Every agency that saw {s} had part of the picture. The learning is that children's communications need to be shared and interpreted together, not held in separate records.",
     "Children rarely disclose abuse directly. Practitioners need to be alert to indirect communication and to create repeated opportunities for children to talk, with someone they trust, away from the adults who may be harming them."],
])

alt_finding("parental_substance_misuse", 0, [
    "The impact of parental drug and alcohol misuse on {s} was not understood, and assessments relied on self-report",
    "Parental substance use was known, but what it meant for {s}'s daily care was never assessed",
], [
    ["Professionals accepted assurances that drug and alcohol use in the household was under control, despite indications to the contrary. Substance misuse services and the agencies working with the children did not share their assessments, and no-one asked what happened to the care of {s} when the adults were intoxicated.",
     "The adults' use of drugs and alcohol was recorded by several agencies, usually as a fact about the adult rather than as a factor in the care of {s}. Assessments relied on what the adults said about their use, which was consistently less than other evidence suggested."],
    ["Where a parent misuses substances, assessments should consider what the child is experiencing, how the parent's use varies over time, and what happens to the care of the child when the parent is intoxicated or withdrawing.",
     "'Hidden harm' remains hidden when the questions are not asked. Practitioners in adult and children's services need a shared understanding of how substance use affects parenting, and a routine expectation that they will talk to each other."],
])

alt_finding("domestic_abuse", 1, [
    "Safety planning relied on {carer} separating from {man}, without support to make that possible or any work with him",
    "Responsibility for keeping {s} safe from domestic abuse was placed on {carer}, while {man}'s behaviour went unchallenged",
], [
    ["Written agreements asked {carer} to ensure that {man} did not stay at the address. When it became apparent that he was doing so, this was treated as her failure to protect rather than as evidence of the control he exercised over her.",
     "The plans in place asked {carer} to keep {man} away and to call the police if he returned. No professional spoke to {man} about his behaviour, and no referral was made to a perpetrator programme."],
    ["Approaches that place the responsibility for safety on the non-abusive parent are unlikely to succeed and can increase risk. Practitioners should be supported to use models which hold the perpetrator to account while working in partnership with the adult victim.",
     "A safety plan that depends on the victim controlling the perpetrator is not a safety plan. The partnership should ensure that practitioners have the skills and the services to work directly with men who are abusive."],
])

alt_finding("online_harm", 0, [
    "Professionals did not explore {s}'s online life, and the risks {he} faced online were not part of any assessment",
    "{s}'s online world was largely invisible to the professionals working with {him}",
], [
    ["None of the assessments completed in the review period asked about {s}'s use of social media or the people {he} communicated with online. The information that later emerged from {his} devices was not known to any agency.",
     "Practitioners told the review that they did not feel confident asking about apps, games and platforms they did not use themselves. As a result, conversations about online safety stayed general and did not reach what was actually happening to {s}."],
    ["Asking children about their online lives should be as routine as asking about school and friendships. Practitioners need confidence and knowledge to ask about specific platforms and experiences.",
     "Online and offline harm are not separate categories for children. Assessments should include a child's online relationships and experiences as part of understanding their lived experience."],
])

alt_finding("parental_mental_health", 0, [
    "The impact of {carer}'s mental health on her care of {s} was not assessed, and adult mental health services did not think family",
    "Services treating {carer}'s mental ill health did not consider {s}, and services working with {s} did not understand {carer}'s mental health",
], [
    ["{carer}'s mental health deteriorated during the review period. Those treating her reviewed her medication and the risk to herself, but did not ask about {s} or contact any child-focused agency.",
     "The records of the professionals treating {carer} describe her symptoms, her medication and her risk to herself in detail. They say almost nothing about her children, and nothing about how her illness was affecting them."],
    ["Adult services need to see the person as a parent as well as a patient. Assessments of adults with mental illness should routinely record whether they have caring responsibilities for children and consider whether the children's needs are being met.",
     "Think family is a simple idea that is hard to deliver. It requires adult-facing practitioners to ask about children every time, and children's practitioners to seek information about the adults' health, with consent where possible and without it where necessary."],
])

alt_finding("professional_curiosity", 0, [
    "Practitioners accepted the explanations given by {carer} without testing them against other information",
    "Explanations offered by {carer} were accepted at face value and shaped every subsequent decision",
], [
    ["Across the period under review, explanations offered by {carer} were recorded and acted upon as fact. When they were inconsistent with what had been seen, or with information held elsewhere, the inconsistency was not explored. The review found no example of a practitioner returning to an explanation at a later contact to check whether it still held.",
     "A number of explanations were given to professionals over the period under review: for injuries, for absences and for changes in presentation. Each was plausible on its own. None was checked with another agency, and none was revisited when a different explanation was later given for something similar."],
    ["This matters because the explanations shaped every subsequent decision. Once an account had been accepted it framed the next assessment, and the threshold for revisiting it rose with each contact. Practitioners need support, through supervision and reflective discussion, to keep explanations provisional until they have been tested.",
     "Accepting an explanation is sometimes right. The learning is that practitioners should record what they were told, what they observed, and whether the two fitted, so that others can see where an account has not been tested."],
])

alt_finding("nahi", 1, [
    "Information about coping with crying was not given to the men in {s}'s life",
    "Prevention messages about infant crying and shaking reached {carer} but not the men caring for {s}",
], [
    ["The review found that the prevention programme was delivered only to {carer}. {man}, who provided care for {s} on a daily basis, was never spoken to about crying or the dangers of shaking.",
     "Records show that the information about coping with crying was discussed with {carer} at least once. There is no record of it being discussed with {man}, even on occasions when he was present."],
    ["Prevention messages need to reach all of the adults who care for a baby. Maternity and health visiting services should routinely include fathers and male carers in these conversations.",
     "Men are the perpetrators in the majority of cases of abusive head trauma. Prevention programmes that do not reach them are missing the people they most need to reach."],
])

# ---------------------------------------------------------------- recommendations
alt_rec("unseen_men", 0, [
    "All agencies must ensure that assessment templates require the identification of all adults in a child's household and network, including partners who are said to be visitors, and prompt checks on their history.",
    "All partner agencies must ensure that their assessment and recording systems identify every adult in a child's household, and that checks are made on new partners as a matter of routine.",
])
alt_rec("unseen_men", 1, [
    "Midwifery and health visiting services should ensure that fathers and male partners are routinely invited to antenatal and new birth contacts and that their details and any known history are recorded in the child's record.",
    "Health visiting and maternity services should ensure that fathers and male carers are invited to contacts, offered appointments outside working hours, and recorded in the child's record by name.",
])
alt_rec("information_sharing", 3, [
    "The Integrated Care Board should work with GP practices and provider trusts to ensure that electronic records systems flag safeguarding concerns about parents and carers on the records of the children in the household.",
    "The Integrated Care Board should seek assurance that safeguarding information about parents is linked to their children's GP records, and should report on progress to the partnership within six months.",
])
alt_rec("nahi", 0, [
    "{board} must relaunch its protocol for bruising and injuries in non-mobile babies and must seek assurance, through audit, that every referral under the protocol results in a paediatric assessment and a strategy discussion.",
    "{board} must review its protocol for the assessment of bruising and injuries in non-mobile babies, relaunch it across all partner agencies and audit compliance within twelve months.",
])
alt_rec("nahi", 2, [
    "The health visiting service should ensure that information about infant crying and the dangers of shaking is given to fathers and male carers as well as to mothers, and that this is recorded.",
    "The health visiting service should ensure that conversations about coping with crying take place with every adult who cares for a baby, and that the names of those spoken to are recorded.",
])
alt_rec("engagement", 0, [
    "Health partners must ensure that all provider organisations have a 'was not brought' policy for children, and that no child is discharged for non-attendance without consideration of safeguarding concerns and notification to the GP and health visitor or school nurse.",
    "Health partners must ensure that 'was not brought' policies are in place in every service that sees children, and that repeated non-attendance triggers a safeguarding review rather than discharge.",
])
alt_rec("parental_substance_misuse", 0, [
    "{sms} must ensure that all service users are asked about children in their care or in regular contact, that safe storage of medication is checked at home visits, and that concerns are shared with children's services.",
    "{sms} must ensure that its assessments record the children living with, or regularly visiting, each service user, and that the impact of substance use on those children is considered at every review.",
])
alt_rec("covid19", 0, [
    "All partner agencies should review their business continuity plans to ensure that, in any future disruption to services, children who are at risk are identified and continue to be seen face to face.",
    "All agencies should ensure that their business continuity arrangements identify which children and families must continue to be seen in person, and that decisions to move to virtual contact are recorded and reviewed.",
])
alt_rec("online_harm", 0, [
    "{board} should ensure that multi-agency training equips practitioners to ask children about their online lives, including exposure to harmful content and contact with unknown adults.",
    "{board} should develop guidance and training to help practitioners talk with children about their online lives, including gaming platforms, messaging apps and contact with people they have not met.",
])
alt_rec("domestic_abuse", 0, [
    "{police} must ensure that the risk assessment of domestic abuse incidents takes account of the history of previous incidents, and that repeat incidents involving the same couple are flagged for review by a specialist officer.",
    "{police} must ensure that officers attending domestic abuse incidents have access to the history of previous incidents at the address, and that repeat victims are identified and referred for specialist review.",
])
alt_rec("mental_capacity", 0, [
    "{board} should commission training on the Mental Capacity Act which addresses executive functioning and the assessment of capacity in people who self-neglect or who are at risk of exploitation.",
    "{board} should seek assurance that practitioners in all agencies understand how to assess capacity for specific decisions, including where executive function may be impaired.",
])

# ---------------------------------------------------------------- extra analysis variants
more_analysis("information_sharing", 0,
    "[[req:under5]]Agencies held different pieces of the jigsaw. The health visitor knew about the home; the police knew about the incidents; the school knew how {s} presented each morning. The jigsaw was never assembled, because there was no point in the system where it needed to be.")
more_analysis("information_sharing", 2,
    "The reviewer heard that the front door received information from several agencies about the family during the period, but that each contact was screened separately. Information arrived, was assessed against the threshold and was filed, without being connected to what had come before.")
more_analysis("voice_of_child", 0,
    "[[req:child]]A child's daily life is the most important evidence in any assessment, yet it is often the least recorded. In this case the reviewer could find only a handful of entries that described what {s} did, said or seemed to feel.")
more_analysis("unseen_men", 0,
    "[[req:child]]The term 'hidden men' describes the men who are present in a child's life but absent from the professional picture. They may be fathers who do not live in the household, new partners, or relatives who provide care. {man} was such a figure.")
more_analysis("domestic_abuse", 0,
    "[[req:child,da_current]]The family's history of domestic abuse was well documented, but it was recorded in the language of incidents: dates, call-outs, risk gradings. What was missing was an account of what living with that abuse was like for {s}, day after day.")
more_analysis("neglect", 0,
    "[[req:child]]Neglect rarely announces itself. It accumulates in missed appointments, in the condition of clothes and teeth, in a child's tiredness and hunger, and in the gradual lowering of what professionals expect for a child.")
more_analysis("parental_mental_health", 0,
    "[[req:child]]The review heard from practitioners who were sympathetic to {carer}'s mental health difficulties and anxious not to add to her distress. That sympathy was appropriate, but it sometimes meant that difficult conversations about the care of {s} were postponed.")
more_analysis("transitions", 0,
    "Every handover between services carries risk. Relationships end, information is summarised, thresholds differ and the person at the centre often has to tell their story again. In this case each transition reduced the support around {s} rather than continuing it.")
more_analysis("mental_capacity", 0,
    "The records repeatedly state that {s} 'had capacity'. The statement was used, in effect, as a reason for agencies to step back. The Act's presumption of capacity is not a presumption that a person is safe, nor that agencies have no further duty.")
more_analysis("covid19", 0,
    "[[req:child]]Practitioners described the early months of the pandemic as disorientating. Guidance changed frequently, staff were redeployed or shielding, and the usual ways of seeing families were suspended. It is important to recognise how hard practitioners worked in those conditions; it is also important to learn from what was lost.")
more_analysis("multi_agency_working", 0,
    "[[req:child]]The multi-agency arrangements in this case worked best when practitioners knew each other and spoke directly. They worked least well when they depended on forms and notifications passed between agencies that had never met.")


# ---------------------------------------------------------------- adult neglect (acts of omission), used by the 2013 adult SCR
T["neglect_adult"] = dict(
    labels=["Neglect and acts of omission", "The quality of care at home", "Neglect by a care provider"],
    analysis=[
        ["Neglect and acts of omission include ignoring medical, emotional or physical care needs, failure to provide access to appropriate health or care services, and the withholding of the necessities of life, such as medication, adequate nutrition and heating. In this case the neglect was not deliberate; it arose from a care package that was never adequate to {s}'s needs and was not reviewed when those needs changed.",
         "{s} was visited by carers four times a day. The visits were commissioned as thirty-minute calls, but the agency's own records show that most lasted less than fifteen minutes. Carers recorded that {s} had 'declined' food and drink on many occasions; nobody asked whether {he} was able to eat what was left within reach."],
        ["Pressure ulcers are largely preventable. The development of a grade 4 pressure ulcer in a person receiving daily care at home is itself an indicator that something has gone wrong in that care, and should trigger a safeguarding concern as well as a clinical response.",
         "The district nursing service was aware of a developing pressure area from early in the period. It increased the frequency of its visits, but did not raise the matter with the care agency, with the commissioner or with {s}'s family."],
    ],
    findings=[
        ("The care provided to {s} at home was not sufficient to meet {his} needs, and the deterioration in {his} condition was not recognised as neglect",
         ["The care package was based on an assessment completed before {s}'s hospital admission and was not reviewed afterwards. By the autumn {s} needed help to eat, drink and change position, and the visits commissioned could not provide it.",
          "When a person's condition deteriorates while receiving care, agencies should consider whether the care itself is at fault, and should raise a safeguarding concern where neglect is a possibility."]),
    ],
    recs=[
        ("adult_social_care", "must", "{asc} must ensure that care packages are reviewed within two weeks of a person's discharge from hospital, and whenever a provider or health professional reports a significant change in the person's needs."),
        ("health", "should", "Community health services should ensure that a safeguarding concern is considered whenever a person receiving commissioned care at home develops a grade 3 or 4 pressure ulcer."),
        ("board", "should", "{board} should seek assurance from commissioners that the length of care visits is monitored against what is commissioned, using electronic call monitoring data."),
    ],
)
