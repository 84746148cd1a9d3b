# -*- coding: utf-8 -*-
"""Hand-written building blocks per theme / risk factor.

Each entry:
  labels    : alternative sub-heading labels for the analysis section
  analysis  : list of paragraph slots; each slot is a list of alternative phrasings
  findings  : alternative findings: (headline, [explanation paragraphs])
  recs      : alternative recommendations: (agency_id, strength, text)
Placeholders are filled from the case: {s} subject, {he}/{his}/{him}/{He}/{His}, {carer}, {man},
{board}, {bshort}, {area}, {cs}, {police}, {hospital}, {hv}, {gp}, {school}, {mh}, {camhs},
{sms}, {asc}, {housing}, {age}, {year}.
"""

T = {}

T["professional_curiosity"] = dict(
    labels=["Professional curiosity", "Curiosity and respectful challenge", "Asking the next question"],
    analysis=[
        ["Professional curiosity is the capacity to look beyond what is presented, to ask the next question and to hold more than one explanation in mind. In this case practitioners were often kind, committed and responsive to what {carer} told them, but they rarely tested those accounts against what they could see or against what other agencies knew.",
         "[[req:child]]Many of the contacts with the family were competent when viewed on their own. What was missing was the disposition to wonder why: why the same explanation recurred, why appointments were repeatedly rearranged, and why nobody had met the adults who were said to be only occasional visitors."],
        ["When practitioners were asked at the learning event why they had not probed further, several described a worry that questioning {carer} would damage a relationship that had been hard to build. That is an understandable instinct, but curiosity and a good relationship are not opposites; a respectful question, asked openly, is usually experienced by parents as evidence that the worker takes their situation seriously.",
         "The reviewer heard that curiosity felt risky to frontline staff: risky to the relationship, and risky because a question might open up work that there was no capacity to follow through. Managers need to recognise this and make it safe, and expected, for practitioners to say 'I am not sure this adds up'."],
        ["[[req:child]]Curiosity also depends on time. Health visitors and social workers described caseloads that left little room for reflection, and contacts that were planned around tasks rather than around understanding the household. A visit that confirms a child has been weighed, or that a form has been signed, will seldom surface the information that matters most.",
         "It is notable that the most significant pieces of information in this case were available to someone at the time; they were not hidden. They became visible only when they were put side by side for this review, which is itself a lesson about what curiosity across agencies, not only within them, could have achieved."],
    ],
    findings=[
        ("Practitioners accepted the explanations given by {carer} without testing them against other information",
         ["Across the period under review, explanations offered by {carer} were recorded and acted upon as fact. When they were inconsistent with what had been seen, or with information held elsewhere, the inconsistency was not explored. The review found no example of a practitioner returning to an explanation at a later contact to check whether it still held.",
          "This matters because the explanations shaped every subsequent decision. Once an account had been accepted it framed the next assessment, and the threshold for revisiting it rose with each contact. Practitioners need support, through supervision and reflective discussion, to keep explanations provisional until they have been tested."]),
        ("Professional curiosity was not sustained, and questions that were asked early in the work were not followed through",
         ["There were moments when practitioners did ask the right question: a midwife noted that she was unsure who else lived at the address, and a school nurse wondered aloud in her records whether {s} was eating properly at home. In each case the question was recorded but not pursued, and no-one returned to it.",
          "Curiosity that is recorded but not acted upon gives false assurance, because the record suggests the matter has been considered. The review heard that recording systems do not prompt practitioners to revisit open questions, and that unresolved concerns are not routinely carried forward into supervision."]),
    ],
    recs=[
        ("board", "seek_assurance", "{board} should seek assurance from partner agencies that professional curiosity, including how to test the accounts given by parents and carers, is embedded in single-agency and multi-agency safeguarding training, and that the impact of that training is evaluated."),
        ("all_agencies", "should", "All partner agencies should ensure that supervision records include a prompt to revisit unresolved questions and inconsistent explanations, so that curiosity recorded at one contact is followed through at the next."),
        ("board", "should", "{board} should develop a short practice guide, with case examples drawn from this review, on respectful challenge and professional curiosity, and should promote it through its learning and development programme."),
    ],
)

T["disguised_compliance"] = dict(
    labels=["Disguised compliance", "Apparent co-operation", "Engagement that was not what it seemed"],
    analysis=[
        ["The term disguised compliance describes a parent or carer appearing to co-operate with professionals in order to allay concerns and close down intervention. It is rarely a deliberate strategy from the outset; more often it reflects fear of losing the children, shame, or an understandable wish for services to go away. In this case {carer} attended most meetings, agreed with every plan and was described as 'pleasant and engaged'.",
         "[[req:child]]Several professionals described {carer} as someone who 'said all the right things'. Attendance at core group meetings was good and written agreements were signed promptly. Yet very little changed in the day-to-day experience of the children, and the gap between what was agreed and what happened was not named."],
        ["What was measured was engagement with professionals, not change for the child. Plans were written as lists of parental tasks (attend appointments, keep the house tidy, engage with the family support worker) rather than as descriptions of what life should look like for {s}. It was therefore possible for the plan to be judged as progressing while {his} circumstances stayed the same or deteriorated.",
         "Short-lived improvements, often timed around planned visits or review meetings, were taken as evidence of progress. A clean kitchen on the day of an announced visit, or a single attended dental appointment, carried more weight in the records than the pattern of the preceding months."],
    ],
    findings=[
        ("Apparent co-operation by {carer} was mistaken for meaningful change, and plans measured attendance rather than outcomes for {s}",
         ["Child protection and child in need plans during the review period were largely composed of actions for professionals and tasks for parents. None set out in concrete terms what {s} would be experiencing if the plan were working. In the absence of such measures, attendance and agreement became proxies for progress.",
          "The review found that professionals who had doubts about the sustainability of improvements did not always voice them in meetings, partly because the prevailing view was positive and partly because there was no agreed evidence against which to challenge it. Plans should be outcome-focused, with specific, observable indicators and a clear view of what will happen if change is not achieved."]),
        ("Professionals did not recognise a pattern of disguised compliance over time",
         ["Individually, each missed visit had a plausible explanation and each improvement was genuine on the day it was observed. Seen together, the records show a cycle: concern, a flurry of co-operation, a reduction in professional involvement, and a return to the earlier position. That cycle repeated at least three times.",
          "The learning is that disguised compliance is visible only through a longitudinal view. Chronologies, and supervision which uses them, are the main tools that make such a pattern visible. Neither was used effectively in this case."]),
    ],
    recs=[
        ("childrens_social_care", "must", "{cs} must ensure that child in need and child protection plans include specific, measurable outcomes describing the child's experience, and that review meetings consider evidence of sustained change rather than parental attendance alone."),
        ("board", "should", "{board} should refresh its multi-agency guidance on working with families who appear to comply but where change is not sustained, and should include practical tools for reviewing progress against a child's lived experience."),
    ],
)

T["rule_of_optimism"] = dict(
    labels=["Over-optimism", "The rule of optimism", "Hope and evidence"],
    analysis=[
        ["Optimism is a necessary part of work with families; without it few practitioners would stay in the profession. The difficulty arises when hope for a family's progress begins to filter the evidence, so that positive information is given more weight than negative information. Research describes this as the 'rule of optimism', and it was evident in this case.",
         "Reading the records, the reviewer was struck by how consistently concerns were followed by reassurance. A note of a worrying presentation was often accompanied, in the same entry, by a reason why it was probably not significant. This is a very human way of coping with uncertainty, but it meant that the overall picture was persistently more positive than the facts supported."],
        ["The optimism was partly rooted in genuine strengths. {carer} clearly loved {s}, and there were periods when the home was warm and organised. These strengths were real, but they were allowed to stand in for an assessment of whether the risks had reduced.",
         "Over-optimism was reinforced by the way cases were stepped down. Each step down was recorded as a success, and there was no mechanism for testing whether the improvement that justified it had lasted."],
    ],
    findings=[
        ("An optimistic view of {carer}'s capacity to change was not tested against evidence, and it persisted despite repeated indicators of risk",
         ["From the first assessment onwards the working hypothesis was that the family's difficulties were temporary and that support would be enough. That hypothesis was never formally revisited. Later information, including a further police call-out and a deterioration noted by the school, was interpreted within it rather than used to challenge it.",
          "Practitioners need structured opportunities, most obviously in supervision, to ask 'what would make us change our view?' and to actively look for disconfirming evidence."]),
    ],
    recs=[
        ("childrens_social_care", "should", "{cs} should ensure that case supervision includes explicit testing of the working hypothesis about a family, including consideration of evidence that does not fit it."),
    ],
)

T["voice_of_child"] = dict(
    labels=["The voice and lived experience of the child", "Seeing the child", "What was life like for {s}?"],
    analysis=[
        ["[[req:child]]Throughout the review the question the panel kept returning to was: what was it like to be {s} in this household? The records describe appointments, meetings and adult difficulties in considerable detail; they say much less about {s}'s daily life, what {he} said, how {he} presented or who {he} turned to.",
         "[[req:child]]In the records reviewed, {s} is often described rather than heard. There are few direct quotations, few accounts of {him} being seen alone, and limited reflection on what {his} behaviour might be communicating."],
        ["[[req:under5]]For a young child or a baby, the voice of the child is found in observation: how the child responds to the parent, whether the child is clean and appropriately dressed, how the child feeds and sleeps, and whether the child seeks comfort. Those observations were available to health visitors and nursery staff, but they were not drawn together in any assessment.",
         "[[req:school_age]]Older children often communicate through behaviour rather than words. Lateness, hunger, withdrawal, aggression and going missing all carry meaning. In this case such behaviour was frequently treated as the problem to be managed rather than as information about the child's experience at home."],
        ["[[req:child]]Where {s} was seen, {he} was often seen with {carer} present, and sometimes in circumstances where {he} could not speak freely. Seeing a child is not the same as hearing them; practitioners need the time, the setting and the confidence to create the conditions in which a child can speak.",
         "[[req:child]]It was also apparent that when {s} did speak, what {he} said was not always given weight. Children's accounts can be partial or inconsistent, especially when they are frightened of the consequences; this is a reason to explore what they say, not to discount it."],
    ],
    findings=[
        ("The lived experience of {s} was not at the centre of assessments and plans, and {he} was rarely seen alone",
         ["Assessments during the review period focused on the needs and behaviour of the adults. The review found few records of {s} being seen alone, and no assessment which set out, from {his} point of view, what a typical day looked like. As a result, decisions about {him} were made without the most important evidence.",
          "The panel recognises that seeing a child alone can be difficult when parents resist it or when the child is very young. However, the absence of the child's perspective should itself be treated as a gap in the assessment, recorded as such and addressed in the plan."]),
        ("What {s} said and how {he} behaved were not understood as communication about life at home",
         ["On several occasions {s} said or did things which, in hindsight, were attempts to tell adults what was happening. These were recorded, but they were attributed to other causes, such as tiredness, friendship difficulties or a wish for attention.",
          "Every agency that saw {s} had part of the picture. The learning is that children's communications need to be shared and interpreted together, not held in separate records."]),
    ],
    recs=[
        ("all_agencies", "must", "All partner agencies must ensure that assessments and plans record the child's own views and observed experience, and that where a child has not been seen alone the reason is recorded and reviewed by a manager."),
        ("board", "seek_assurance", "{board} should seek assurance, through its multi-agency audit programme, that the voice and lived experience of children are influencing decisions, and should report the findings to partners within twelve months."),
        ("childrens_social_care", "should", "{cs} should ensure that children subject to a plan are seen alone at every statutory visit unless there is a recorded reason why this is not possible, and that managers review any pattern of children not being seen alone."),
    ],
)

T["information_sharing"] = dict(
    labels=["Information sharing", "Sharing what was known", "Joining up the picture"],
    analysis=[
        ["Information sharing has featured in almost every review of this kind for more than two decades, and it features here. The problem was not usually a refusal to share; rather, information was passed in ways that did not reach the person who needed it, or was shared without a clear explanation of why it mattered.",
         "In most instances information was held by one agency and not shared with another, but the barrier was seldom a conscious decision. It was more often the result of assumptions: that another agency already knew, that the information was below the threshold for sharing, or that consent was required when it was not."],
        ["There remains a degree of uncertainty among practitioners about when information can be shared without consent. Data protection legislation does not prevent the sharing of information where it is necessary to safeguard a child or an adult at risk, and national guidance is clear that fears about sharing should not stand in the way of protecting people. That message has not fully reached the front line.",
         "The review heard that practitioners in several agencies were uncertain whether they could share information about an adult's health or history without consent. Some believed they could not; others believed they could but were unsure how to record the decision. This uncertainty slowed the flow of information at critical points."],
        ["Electronic systems did not help. The GP practice, community health services and the hospital trust all used different records systems, and notifications sent between them arrived as unstructured letters or tasks which could be filed without being read. A notification is not the same as a conversation.",
         "Information was also lost at the boundaries between teams within the same agency. A referral passed from the front door to an assessment team, and then to a long-term team, with each transfer reducing the detail that travelled with it."],
    ],
    findings=[
        ("Significant information held by individual agencies was not shared, or was shared without its significance being explained",
         ["The review identified at least four occasions when one agency held information that would have altered another agency's view of risk. On each occasion the information was either not shared or was shared in a form, such as a copied letter, that did not draw attention to its significance.",
          "Sharing information is not the end of the task. The person sharing needs to say what they are worried about and what they expect to happen; the person receiving needs to acknowledge it and say what they will do. Neither side of that exchange worked consistently in this case."]),
        ("Uncertainty about consent and data protection delayed or prevented the sharing of information about adults in the household",
         ["Practitioners in health and adult services described being unsure whether they could share information about an adult's mental health or substance use with children's services without that adult's agreement. As a result, information about {man} was not shared until after the incident.",
          "Where there are concerns about a child's safety, information should be shared. The legal framework permits it, and practitioners should be supported by clear local guidance and by named safeguarding leads who can advise quickly."]),
    ],
    recs=[
        ("board", "seek_assurance", "{board} should seek assurance that all partner agencies have communicated the national information sharing advice to frontline staff, and should test through audit that practitioners understand when information can be shared without consent."),
        ("health", "must", "Health partners must ensure that safeguarding information about parents and carers, including mental health and substance use, is shared with the GP and health visiting service and is visible in the child's record."),
        ("all_agencies", "should", "All agencies should review their arrangements for sending and receiving safeguarding notifications, so that significant information is accompanied by a direct conversation and the recipient confirms what action will be taken."),
        ("icb", "should", "The Integrated Care Board should work with GP practices and provider trusts to ensure that electronic records systems flag safeguarding concerns about parents and carers on the records of the children in the household."),
    ],
)

T["escalation"] = dict(
    labels=["Escalation and professional challenge", "Challenge between agencies", "Using the escalation policy"],
    analysis=[
        ["Every safeguarding partnership has an escalation or resolving professional differences policy. This case shows that a policy is necessary but not sufficient. Several practitioners disagreed with decisions made by other agencies, and said so informally, but none used the formal process.",
         "The reviewer asked practitioners why concerns were not escalated. The answers were consistent: people did not know the policy well, they felt it was for 'serious' disagreements, and they did not want to appear critical of colleagues whom they respected."],
        ["Professional challenge is most needed precisely when it is hardest: when a decision has been made by a more senior practitioner, by an agency with statutory responsibility, or at a meeting where the consensus is against you. A culture which values challenge needs to make it routine, so that escalation is not seen as a complaint.",
         "Escalation should not be a last resort. Used early, it is a way of asking for a second look at a decision, and most escalations are resolved quickly at the first stage. The absence of any escalation in this case, despite clear professional unease, is a significant finding."],
    ],
    findings=[
        ("Professional disagreement was expressed informally but not escalated, and decisions that practitioners were uneasy about were not challenged",
         ["At least three practitioners told the review that they had disagreed with decisions to close or step down the case. Their unease was recorded in their own agency's notes but was not raised with the decision-maker in a way that required a response.",
          "The partnership's escalation policy was last revised some time before the period under review. Few of the practitioners interviewed had read it, and none had used it. The learning is not only about individual confidence; it is about whether the system makes challenge expected and easy."]),
        ("Referrals that were not accepted by children's social care were not followed up or challenged by the referring agency",
         ["On two occasions referrals from universal services did not lead to an assessment. The referring practitioners were informed of the outcome but did not feel able to question it, and no-one re-referred when further concerns arose.",
          "When a referral is not accepted, the referrer retains responsibility for the child's welfare and should consider whether the decision is right. Referrers should be told the reasons for a decision and reminded of how to challenge it."]),
    ],
    recs=[
        ("board", "must", "{board} must refresh and relaunch its escalation policy, with a simple guide for practitioners, and must monitor its use by reporting the number and outcome of escalations to the partnership each quarter."),
        ("childrens_social_care", "should", "{cs} should ensure that outcome letters to referrers explain the reasons for decisions and include information about how to request a review of the decision."),
    ],
)

T["supervision"] = dict(
    labels=["Supervision and management oversight", "Management oversight", "Reflective supervision"],
    analysis=[
        ["Supervision should provide a space in which practitioners can step back from the day-to-day demands of a case, think about the whole picture and test their judgements. In this case supervision was regular but largely task-focused: records show lists of actions, dates and case statuses, with little evidence of reflection or challenge.",
         "Managers in several agencies signed off decisions without recorded rationale. The reviewer does not doubt that conversations took place, but the absence of recorded reasoning made it impossible for later workers to understand why decisions had been made."],
        ["Managers themselves were under considerable pressure. One team manager in {cs} was responsible for more than thirty cases at the relevant time, and supervision sessions were often shortened or cancelled. Health visiting safeguarding supervision occurred at the required frequency but covered a large number of families in each session.",
         "Supervision also has a role in noticing the impact of the work on practitioners. Those who worked with this family described feeling intimidated at times, and worn down by the repetition of concerns. These feelings are information, and supervision is where they should be discussed."],
    ],
    findings=[
        ("Supervision and management oversight did not provide sufficient challenge or reflection, and key decisions were made without recorded reasoning",
         ["Supervision records for the period show a focus on compliance with timescales rather than on analysis of risk. Decisions to step the case down, and later to close it, were authorised without a recorded explanation of what had changed.",
          "Reflective supervision is one of the main safeguards against drift, over-optimism and the normalisation of concerns. The review recommends that agencies audit the quality, not only the frequency, of safeguarding supervision."]),
    ],
    recs=[
        ("all_agencies", "should", "All partner agencies should audit the quality of safeguarding supervision, including whether it provides reflective space and challenge, and report the findings to {board}."),
        ("childrens_social_care", "must", "{cs} must ensure that management decisions to step down or close a case record the evidence of change on which the decision is based."),
    ],
)

T["engagement"] = dict(
    labels=["Missed appointments and engagement", "Was not brought", "Non-engagement"],
    analysis=[
        ["{s} was not brought to a substantial number of health appointments during the review period. The records routinely describe these as 'did not attend' (DNA). The language matters: a child does not fail to attend an appointment, a child is not brought. The phrase 'was not brought' keeps the focus on the child and on the responsibility of the adults around {him}.",
         "Missed appointments were one of the clearest signals in the case, but they were held in several different systems: the dental practice, the hospital outpatients department, the community paediatric service and the GP. No single practitioner saw the full pattern until this review drew it together."],
        ["Most agencies had policies about missed appointments, but these were written for adults who choose not to attend, and they led to discharge after two or three missed appointments. For a child, discharge in these circumstances removes a protective contact at the moment it is most needed.",
         "Non-engagement with services was at times interpreted as the family's choice rather than as a possible indicator of neglect or of something being hidden. It is important that practitioners ask why a family is not engaging and what that means for the child."],
    ],
    findings=[
        ("Repeated missed health appointments were treated as administrative events rather than as an indicator of neglect, and {s} was discharged from services as a result",
         ["{wnb} At least one service discharged {him} back to the GP after two missed appointments; the GP practice wrote to {carer} but took no further action.",
          "A consistent 'was not brought' approach across health agencies would have required each missed appointment to be considered in the context of the child's wider circumstances, and would have triggered contact with the health visitor or school nurse before any discharge."]),
    ],
    recs=[
        ("health", "must", "Health partners must ensure that all provider organisations have a 'was not brought' policy for children, and that no child is discharged for non-attendance without consideration of safeguarding concerns and notification to the GP and health visitor or school nurse."),
        ("icb", "seek_assurance", "The Integrated Care Board should seek assurance that GP practices have a system for identifying and reviewing children who are repeatedly not brought to appointments."),
    ],
)

T["neglect"] = dict(
    labels=["Neglect", "Recognising cumulative neglect", "Chronic neglect"],
    analysis=[
        ["Neglect is the persistent failure to meet a child's basic physical and psychological needs, likely to result in serious impairment of the child's health or development. It is the most common reason for a child to be subject to a child protection plan, and it is present in the majority of serious case reviews. It is also the form of harm that professionals find hardest to recognise, because it is cumulative and because no single incident appears to require action.",
         "[[req:squalor]]In this case neglect was visible in many small ways: head lice which were never treated, dental decay, clothing that was too small, a home which smelled of damp and animal waste, and children who arrived at school hungry. Each was recorded; the whole was not assessed."],
        ["[[req:squalor]]Practitioners described becoming accustomed to the condition of the home. What shocked a new worker at a first visit became, within a few months, the family's normal. This desensitisation is well documented in research and is one of the reasons why neglect tools, used at intervals, are valuable: they provide a fixed reference point against which drift can be measured.",
         "[[req:gcp]]The partnership had adopted a graded care profile tool for assessing neglect. It was used once in this case, at the start of the period, and was not repeated. A second use, even a year later, would have shown that the family's circumstances had not improved and in some areas had deteriorated."],
        ["[[req:poverty]]Poverty was a real feature of the family's life and practitioners were right to recognise it. However, poverty does not explain a failure to seek medical treatment, or a failure to provide warmth and supervision. There is a difference between a family that cannot meet a child's needs because of lack of money and one in which other factors prevent the child's needs being prioritised; both need help, but the help is different.",
         "[[req:longterm]]The difficulties in the family were long-standing and cumulative. The review's chronology shows concerns about the care of the children being raised, from different sources, at regular intervals over six years. The response to each concern was proportionate to that concern alone."],
    ],
    findings=[
        ("The cumulative impact of neglect on {s} and {his} siblings was not recognised, because concerns were responded to as separate episodes",
         ["Concerns were raised about the children's care on more than twenty occasions during the period under review. Each was responded to, often appropriately, but the response was in every case to the presenting incident. No agency assessed the cumulative effect of years of inconsistent care on the children's development and wellbeing.",
          "The partnership's neglect strategy emphasises the importance of chronologies and of the use of a neglect assessment tool at regular intervals. Neither was consistently applied. The learning is that neglect is recognised through patterns, not incidents."]),
        ("Early help did not make a sustained difference, and the step up to statutory intervention came too late",
         ["The family received early help support on three separate occasions. Each period of support produced some improvement, and each ended when that improvement was observed. There was no plan for sustaining the change, and on each occasion the family's circumstances declined within months.",
          "Early help is most effective when it is targeted and time-limited, but for families with long-standing needs it must include a clear assessment of whether change can be sustained and a clear route to statutory services if it cannot."]),
    ],
    recs=[
        ("board", "should", "{board} should relaunch its neglect strategy and tool, and should set an expectation that the tool is used at the start of work with a family and reviewed at least every six months while concerns persist."),
        ("childrens_social_care", "must", "{cs} must ensure that assessments of families with a history of repeated referrals include a full chronology and an analysis of the cumulative impact on each child."),
        ("education", "should", "Schools should ensure that designated safeguarding leads maintain a chronology of concerns about children who show signs of neglect and share it when making a referral."),
    ],
)

T["domestic_abuse"] = dict(
    labels=["Domestic abuse", "The impact of domestic violence on children", "Coercive control"],
    analysis=[
        ["[[req:child]]Domestic abuse is not a series of incidents; it is a pattern of behaviour, and coercive control lies at its centre. In this case the police were called to the address on several occasions, and each call was assessed using the DASH risk checklist. The assessments were graded standard or medium risk because {carer} answered few of the questions positively, but the pattern of call-outs was itself a risk indicator.",
         "[[req:child]]The domestic abuse in this household was well known to the police and, in part, to other agencies. What was less understood was what it meant for {s}. Children who live with domestic abuse are victims of it in their own right; they are harmed by what they see and hear, by the fear in the household and by its effect on the parenting they receive."],
        ["[[req:pregnancy]]Victims of domestic abuse frequently minimise or deny it, particularly when they fear that disclosure will lead to their children being removed. Practitioners need to understand this, and to ask about domestic abuse routinely, safely and more than once. Routine enquiry was undertaken by the midwife at booking, but at a time when {man} was present, and it was not repeated.",
         "[[req:da_current]]Professionals in this case frequently asked {carer} to keep {man} away from the home, and recorded her agreement. This approach places the responsibility for managing the perpetrator's behaviour on the victim. Safety planning must be realistic, and must involve work with the perpetrator as well as support for the victim."],
        ["[[req:nomarac]]The case was not referred to a MARAC, the multi-agency risk assessment conference, on any occasion, although the number of police call-outs in a twelve-month period met the local criteria for a referral on the grounds of repeat incidents. Had a referral been made, agencies would have shared information about {man}'s history of violence towards previous partners.",
         "[[req:child]]Domestic violence notifications from the police were screened by the multi-agency safeguarding hub and, in the main, sent to the school and health visitor for information. No-one collated them, and the repeated nature of the notifications was not identified as significant."],
    ],
    findings=[
        ("The impact of domestic abuse on {s} was not assessed, and responses focused on individual incidents rather than on the pattern of coercive control",
         ["Police attended the family home on several occasions during the period under review. Each incident was risk assessed separately, and none was graded as high risk. There was no assessment of the pattern of abuse, of the coercive and controlling behaviour that {carer} later described, or of its impact on {s}.",
          "The partnership's domestic abuse procedures make clear that repeat incidents should trigger a review of risk, a MARAC referral where criteria are met, and an assessment of the needs of the children. These procedures were not followed."]),
        ("Safety planning relied on {carer} separating from {man}, without support to make that possible or any work with him",
         ["Written agreements asked {carer} to ensure that {man} did not stay at the address. When it became apparent that he was doing so, this was treated as her failure to protect rather than as evidence of the control he exercised over her.",
          "Approaches that place the responsibility for safety on the non-abusive parent are unlikely to succeed and can increase risk. Practitioners should be supported to use models which hold the perpetrator to account while working in partnership with the adult victim."]),
    ],
    recs=[
        ("police", "must", "{police} must ensure that the risk assessment of domestic abuse incidents takes account of the history of previous incidents, and that repeat incidents involving the same couple are flagged for review by a specialist officer."),
        ("board", "should", "{board} should work with the Community Safety Partnership to ensure that multi-agency training on domestic abuse includes coercive control, the impact on children and approaches that hold perpetrators to account."),
        ("health", "must", "Health partners must ensure that routine enquiry about domestic abuse is made when the woman is seen alone, and is repeated at intervals during pregnancy and the postnatal period."),
    ],
)

T["unseen_men"] = dict(
    labels=["Fathers and male carers", "The unseen man", "Hidden men"],
    analysis=[
        ["Reviews have for many years highlighted the tendency of services to focus on mothers and to overlook fathers, stepfathers and new partners. This case is another example. {man} was present in the household for most of the period under review, yet no agency assessed his history, his role in caring for {s} or the risk he might pose.",
         "The adult men around {s} remained largely invisible to practitioners. Their names appear in records, sometimes with a note that they were 'in the background' or 'left the room', but there is no evidence that anyone sought to understand who they were."],
        ["Services are not set up to engage fathers. Appointments are offered during the working day, letters are addressed to the mother, and assessments take the mother's account of the household as complete. When a man is seen, he is often seen as a resource or a visitor rather than as a parent whose capacity and history need to be assessed.",
         "[[req:man_violent]]Checks on {man} would have revealed a history of violence, including a conviction for assault against a previous partner. These checks were never undertaken, because no-one recorded him as a member of the household."],
    ],
    findings=[
        ("{man} was not identified, assessed or engaged, and his history was unknown to the professionals working with {s}",
         ["Although {man}'s presence was noted on several occasions, no agency recorded him as a household member or carried out checks on his history. His role in {s}'s care, which was significant, was therefore never assessed.",
          "Every assessment of a child should identify all the adults who are part of the child's life, including partners who are said not to live at the address, and should include checks with the police and other agencies. Men should be invited to appointments and meetings as a matter of course."]),
    ],
    recs=[
        ("all_agencies", "must", "All agencies must ensure that assessment templates require the identification of all adults in a child's household and network, including partners who are said to be visitors, and prompt checks on their history."),
        ("health", "should", "Midwifery and health visiting services should ensure that fathers and male partners are routinely invited to antenatal and new birth contacts and that their details and any known history are recorded in the child's record."),
    ],
)

T["parental_mental_health"] = dict(
    labels=["Parental mental health", "Maternal mental health", "The impact of a parent's mental illness"],
    analysis=[
        ["Most parents with mental health difficulties care for their children safely, and it would be wrong to draw a simple link between a diagnosis and risk. Where parental mental health is a concern, what matters is the impact of the parent's illness on their capacity to meet their child's needs, and whether that impact is understood by those working with the family. In this case {carer}'s mental health was known to the GP and to adult mental health services, but its significance for {s} was not considered.",
         "[[req:pmh_long]]{carer} had a long history of depression and anxiety, with periods of self-harm. She was seen by the GP regularly and her medication was reviewed, but the consultations did not record whether she had children in her care or how her symptoms were affecting them."],
        ["[[req:mh_trust]]Adult mental health services work with the adult as their client. This is right, but it can mean that children in the household are not considered. The 'think family' approach requires adult-facing practitioners to ask about children, to consider the impact of the adult's condition on them and to share concerns. The mental health trust's records contained only one reference to {s}.",
         "[[req:baby]]Perinatal mental health was a particular concern. {carer}'s history of anxiety was recorded at booking but did not lead to a referral to the specialist perinatal mental health team, and when postnatal depression was diagnosed the consultation did not consider the impact on her care of {s}."],
    ],
    findings=[
        ("The impact of {carer}'s mental health on her care of {s} was not assessed, and adult mental health services did not think family",
         ["{carer}'s mental health deteriorated during the review period. Those treating her reviewed her medication and the risk to herself, but did not ask about {s} or contact any child-focused agency.",
          "Adult services need to see the person as a parent as well as a patient. Assessments of adults with mental illness should routinely record whether they have caring responsibilities for children and consider whether the children's needs are being met."]),
    ],
    recs=[
        ("mental_health_services", "must", "{mh} must ensure that assessments of adults include whether they are parents or carers of children, the impact of their mental health on those children, and whether information should be shared with children's services or universal services."),
        ("health", "should", "Maternity services should ensure that any history of mental illness, including previous postnatal depression, is identified at booking and leads to referral to the perinatal mental health service where criteria are met."),
    ],
)

T["parental_substance_misuse"] = dict(
    labels=["Parental substance misuse", "Drug and alcohol misuse", "Hidden harm"],
    analysis=[
        ["Parental drug and alcohol misuse affects children in many ways: through neglect of their physical needs, through exposure to chaotic and sometimes violent adult behaviour, through the presence of drugs in the home, and through the emotional impact of living with a parent whose moods and availability are unpredictable. The phrase 'hidden harm' captures how easily this impact goes unseen.",
         "[[req:methadone]]{carer} was known to {sms} and was prescribed methadone for much of the period under review. She was regarded by her keyworker as stable, and her urine screens were largely clear of illicit substances. Alcohol use was not monitored in the same way and, on the evidence available to the review, it increased significantly during the final year."],
        ["[[req:sms_known]]Substance misuse services did not routinely ask about children, or about the arrangements for storing medication safely in a home with young children. Safe storage was discussed once and a lockable box was provided, but there was no follow-up to check that it was being used.",
         "Practitioners relied on self-report to judge whether {carer} was using drugs or alcohol. Self-report is important, but it is insufficient on its own where there are indicators, such as missed appointments, changes in presentation or reports from others, that it may not be accurate."],
    ],
    findings=[
        ("The impact of parental drug and alcohol misuse on {s} was not understood, and assessments relied on self-report",
         ["Professionals accepted assurances that drug and alcohol use in the household was under control, despite indications to the contrary. Substance misuse services and the agencies working with the children did not share their assessments, and no-one asked what happened to the care of {s} when the adults were intoxicated.",
          "Where a parent misuses substances, assessments should consider what the child is experiencing, how the parent's use varies over time, and what happens to the care of the child when the parent is intoxicated or withdrawing."]),
    ],
    recs=[
        ("substance_misuse_services", "must", "{sms} must ensure that all service users are asked about children in their care or in regular contact, that safe storage of medication is checked at home visits, and that concerns are shared with children's services."),
        ("board", "should", "{board} should commission joint training for children's and adult substance misuse practitioners on the impact of parental drug and alcohol misuse on children."),
    ],
)

T["toxic_trio"] = dict(
    labels=["The combination of risks", "Domestic abuse, mental ill health and substance misuse", "The toxic trio"],
    analysis=[
        ["Domestic abuse, parental mental ill health and parental substance misuse have been found together in a high proportion of serious case reviews, and the combination is sometimes referred to as the 'toxic trio'. The phrase is imperfect, since it can suggest that the presence of the three factors is itself a diagnosis, but it usefully reminds practitioners that the risks interact and compound each other.",
         "All three factors were present in this household, but no single agency held the whole picture. The police knew of the domestic abuse, the GP and mental health services knew of {carer}'s depression, and {sms} knew of the drug use. Each agency assessed the factor it knew about in isolation."],
    ],
    findings=[
        ("The combined effect of domestic abuse, mental ill health and substance misuse was not recognised because each risk was known to a different agency",
         ["The review found that each of the three risk factors was assessed by the agency that knew about it, and that each assessment was reasonable on its own terms. Because the information was not brought together, the compounding effect of the three factors on {s} was never considered.",
          "Where any one of these factors is identified, practitioners should actively ask about the other two and consider the combined impact on the children."]),
    ],
    recs=[
        ("board", "should", "{board} should ensure that multi-agency training addresses the interaction of domestic abuse, parental mental ill health and substance misuse, and prompts practitioners to ask about all three where one is known."),
    ],
)

T["young_parents"] = dict(
    labels=["Young parents", "Support for young parents", "Care leavers as parents"],
    analysis=[
        ["{carer} was a young parent, and was herself known to children's services as a child. Young parents are not inherently a risk to their children, but they are more likely to face poverty, unstable housing and limited support, and those who have experienced care may have had little opportunity to learn about parenting from their own experience.",
         "The specialist young parents' midwifery service offered good support during pregnancy, but that support ended soon after the birth, and the transition to the universal health visiting service was abrupt."],
    ],
    findings=[],
    recs=[
        ("health", "should", "Midwifery and health visiting services should agree a joint pathway for young parents, including a planned handover and enhanced contacts in the first year."),
    ],
)

T["nahi"] = dict(
    labels=["Bruising and injuries in non-mobile babies", "Abusive head trauma", "Recognising non-accidental injury"],
    analysis=[
        ["Bruising in a baby who is not yet independently mobile is rare, and any bruise in such a baby should be regarded as a possible indicator of physical abuse until a full assessment has been completed. This principle, sometimes summarised as 'those who don't cruise rarely bruise', is reflected in the partnership's protocol for the management of bruising and injuries in non-mobile babies.",
         "Research shows that minor injuries, such as small bruises, marks on the ear or torn frenulum, frequently precede more serious abusive injury in babies. These 'sentinel injuries' are an opportunity to intervene, and they are often seen by professionals but not recognised."],
        ["Abusive head trauma (previously known as shaken baby syndrome) is the leading cause of death from physical abuse in infants. The peak period of risk coincides with the peak of infant crying at around six to eight weeks of age. Programmes which prepare parents, including fathers and male carers, for coping with crying are an established part of prevention.",
         "A programme about coping with infant crying was in place in the area, but the records show that the information was given to {carer} only, at a point when she was tired and preoccupied. There is no evidence that {man}, who was often alone with {s}, received it."],
        ["[[req:face_bruise]]When {s} was seen with a mark on {his} face, the explanation offered was that {he} had caught {himself} with {his} own fingernail. This explanation was accepted by the practitioner, who had not seen the protocol for some time and who did not consider that a baby of this age could not cause such a mark to {himself}.",
         "[[req:protocol_missed]]The protocol requires a referral to children's social care and a paediatric assessment for any bruise in a non-mobile baby. Its purpose is to remove the need for the individual practitioner to judge whether an explanation is plausible. It was not followed."],
    ],
    findings=[
        ("The partnership protocol for bruising in non-mobile babies was not followed when a mark was seen on {s}'s face",
         ["When {s} was around {age} old, a practitioner noticed a small bruise on {his} cheek. {carer} explained that {he} had done it with {his} own hand. The practitioner accepted the explanation and made no referral. The bruise was not recorded in a body map, and the GP was not informed.",
          "The protocol exists because the judgement of plausibility is unreliable. Every agency whose staff see babies must ensure that those staff know the protocol, can apply it without discretion, and are supported when they do so."]),
        ("Information about coping with crying was not given to the men in {s}'s life",
         ["The review found that the prevention programme was delivered only to {carer}. {man}, who provided care for {s} on a daily basis and who was known to have a short temper, was never spoken to about crying or the dangers of shaking.",
          "Prevention messages need to reach all of the adults who care for a baby. Maternity and health visiting services should routinely include fathers and male carers in these conversations."]),
    ],
    recs=[
        ("board", "must", "{board} must relaunch its protocol for bruising and injuries in non-mobile babies and must seek assurance, through audit, that every referral under the protocol results in a paediatric assessment and a strategy discussion."),
        ("health", "must", "Health partners must ensure that all staff who see babies, including GP practice staff, emergency department staff and health visitors, receive training on the protocol at induction and at least every three years."),
        ("health_visiting", "should", "The health visiting service should ensure that information about infant crying and the dangers of shaking is given to fathers and male carers as well as to mothers, and that this is recorded."),
    ],
)

T["sudi"] = dict(
    labels=["Safer sleep", "Sudden unexpected death in infancy", "Co-sleeping and unsafe sleep"],
    analysis=[
        ["Sudden unexpected death in infancy (SUDI) is the death of a baby which was not anticipated as a significant possibility twenty-four hours before the death. Most SUDI occur in the first six months of life, and a significant proportion occur when a baby is sleeping with an adult on a sofa or in a bed, particularly where the adult has consumed alcohol or drugs or is a smoker.",
         "National analysis of infant deaths has shown that families in which babies die suddenly and unexpectedly are often already known to children's social care, and that the risk is greatest when safer sleep advice is given but unsafe practices occur at times of disruption, such as staying away from home, a party or a parent's use of alcohol."],
        ["Safer sleep advice was given to {carer} on several occasions, by the midwife on the postnatal ward and by the health visitor. The advice was standard and accurate. What it did not do was explore the family's actual sleeping arrangements, or consider what would happen on nights that were not typical.",
         "Practitioners recorded that there was a Moses basket in the living room, and this was taken as evidence that safer sleep advice was being followed. Nobody asked where {s} slept on nights when {carer} had been drinking, or when the family stayed with relatives."],
    ],
    findings=[
        ("Safer sleep advice was given, but it was generic and did not address the particular risks in {s}'s household",
         [["[[req:sudi_substance]]{carer} and {man} were given safer sleep leaflets and verbal advice on at least four occasions. The advice did not take account of their use of alcohol and cannabis, of their smoking, or of the unsettled accommodation arrangements which meant the family often slept at relatives' homes.",
           "[[req:sudi_generic]]{carer} was given safer sleep advice on the postnatal ward and at the new birth contact. The advice was accurate but generic: it did not explore night feeds, the use of a sofa, or the effect of medication and exhaustion on a parent's ability to stay awake."],
          "Safer sleep conversations need to be tailored to families, to explore real sleeping arrangements, including on 'out of routine' nights, and to address the increased risks associated with parental substance use and smoking."]),
    ],
    recs=[
        ("health", "must", "Health partners must ensure that safer sleep assessment is embedded in antenatal and postnatal contacts, addresses sleeping arrangements on out-of-routine nights, and is repeated when circumstances change."),
        ("childrens_social_care", "should", "{cs} should ensure that assessments of families with babies under one include a safer sleep assessment and that social workers are trained to undertake it."),
    ],
)

T["pre_birth_assessment"] = dict(
    labels=["Pre-birth assessment", "Planning before birth", "The unborn child"],
    analysis=[
        ["The pre-birth period is an important opportunity for agencies to assess risk and plan support for a baby before birth. The partnership's procedures require a referral to children's social care where there are significant concerns, and a pre-birth assessment to be completed by the twenty-eighth week of pregnancy.",
         "[[req:late_booking]]The pregnancy with {s} was booked late, at around twenty-four weeks, and this compressed the time available for assessment. The late booking was itself a risk factor, but it was not recognised as such."],
    ],
    findings=[
        ("The opportunity for a pre-birth assessment was missed, and {s} was born without a plan for {his} safety",
         ["The midwifery service identified concerns during pregnancy but did not refer to children's social care until after the birth. No pre-birth assessment was completed and no discharge planning meeting was held.",
          "Pre-birth assessment should begin as early as possible, and late booking should itself prompt consideration of whether a referral is needed."]),
    ],
    recs=[
        ("midwifery", "must", "Midwifery services must ensure that where concerns are identified during pregnancy, a referral is made to children's social care in time for a pre-birth assessment to be completed before thirty-two weeks."),
    ],
)

T["cse"] = dict(
    labels=["Child sexual exploitation", "Recognising exploitation", "CSE"],
    analysis=[
        ["Child sexual exploitation is a form of child sexual abuse. It occurs where an individual or group takes advantage of an imbalance of power to coerce, manipulate or deceive a child into sexual activity in exchange for something the victim needs or wants, or for the financial advantage or increased status of the perpetrator. The victim may have been exploited even if the activity appears consensual.",
         "The language used in records at the time is revealing. {s} was described as 'putting herself at risk', 'choosing to go missing' and being in a 'relationship' with a man more than ten years older. Language of this kind locates responsibility with the child and obscures the abuse."],
        ["There was evidence of a grooming pattern: gifts of a mobile phone and clothes, lifts in cars driven by older men, alcohol and cannabis supplied at parties, and an increasing isolation from family and school. These indicators were known to different agencies but were not put together.",
         "The CSE risk assessment tool was completed twice. On each occasion {s} was assessed as 'medium risk', in part because she did not disclose abuse. A risk tool cannot substitute for professional judgement, and a child's non-disclosure is not evidence that she is not being exploited."],
    ],
    findings=[
        ("{s}'s exploitation was seen as a consequence of her own choices, and language in records reflected this",
         ["Records from several agencies described {s} as making choices, being 'streetwise' and 'difficult to engage'. This framed her as responsible for the risks she faced and weakened the protective response.",
          "All agencies must recognise that children cannot consent to their own exploitation, and should use language that keeps the focus on the abusers."]),
        ("Episodes of going missing were not used to understand where {s} was going and with whom",
         ["{s} was reported missing on at least eleven occasions. Return home interviews were offered on four occasions and completed on two. The information gathered was not shared with the police intelligence team or used to identify the adults involved.",
          "Missing episodes are one of the most important sources of information about exploitation. Every return home interview should be offered promptly by someone the child trusts, and its findings should inform a multi-agency plan."]),
    ],
    recs=[
        ("board", "must", "{board} must ensure that multi-agency training on exploitation addresses victim-blaming language, and must seek assurance through audit that language in records has changed."),
        ("police", "should", "{police} should ensure that information from return home interviews is routinely reviewed by the exploitation team and used to disrupt the activity of adults who pose a risk."),
        ("childrens_social_care", "must", "{cs} must ensure that return home interviews are offered within seventy-two hours of every missing episode and that their findings are shared with the police and the child's lead professional."),
    ],
)

T["cce"] = dict(
    labels=["Child criminal exploitation", "County lines", "Exploitation and serious youth violence"],
    analysis=[
        ["Child criminal exploitation (CCE) occurs where an individual or group takes advantage of an imbalance of power to coerce, control, manipulate or deceive a child into criminal activity. County lines is a particular form of CCE in which children are used to transport and sell drugs, typically from urban areas into smaller towns and coastal areas, and are controlled through violence, threats and debt bondage.",
         "[[req:teen]]By the age of fifteen {s} was being regularly found in possession of cash and more than one mobile phone, had been arrested in another county and was returning home with injuries that {he} would not explain. These are now widely recognised indicators of county lines exploitation."],
        ["[[req:teen]]There was a tension, evident in the records, between seeing {s} as a victim of exploitation and as an offender. The youth justice service and the police responded to {his} offending, appropriately in many respects, but the response to {his} exploitation was less developed. The National Referral Mechanism was considered on one occasion but no referral was made.",
         "Contextual safeguarding approaches recognise that the risks to adolescents often come from outside the family, in peer groups, schools and neighbourhoods. Interventions focused on parenting capacity were of limited relevance to the danger {s} faced."],
        ["[[req:excluded]]{s} was permanently excluded from school at fourteen and thereafter attended an alternative provision for two hours a day. Exclusion is a well-known point of increased vulnerability to exploitation, because it removes a protective adult network and leaves children unsupervised during the day.",
         "[[req:teen]]Professionals described {s} as likeable, funny and frightened. {He} told a youth worker that {he} owed money and could not stop. That disclosure was recorded but did not change the plan."],
    ],
    findings=[
        ("{s} was seen primarily as an offender rather than as a child being exploited, and the response to {his} exploitation was fragmented",
         ["Agencies responded to {his} arrests, missing episodes and exclusion as separate issues. There was no single plan which addressed the exploitation itself, and no referral to the National Referral Mechanism.",
          "A child who is being criminally exploited needs a protective response led by children's social care, with the police, youth justice and education working to a shared plan. The child's offending should be understood in the context of that exploitation."]),
        ("Permanent exclusion from school increased {s}'s vulnerability and was not accompanied by a risk assessment",
         ["The decision to exclude {s} was made without consultation with children's social care or the youth justice service, and the reduced timetable at alternative provision left {him} unoccupied for most of the school day.",
          "Schools and the local authority should consider the safeguarding implications of exclusion for children known to be at risk of exploitation, and ensure that a full-time, safe educational offer is in place."]),
    ],
    recs=[
        ("childrens_social_care", "must", "{cs} must ensure that children at risk of criminal exploitation have a single multi-agency plan, reviewed through the exploitation panel, and that National Referral Mechanism referrals are considered in every case."),
        ("education", "should", "The local authority and schools should ensure that, before a child known to be at risk of exploitation is permanently excluded, a multi-agency risk assessment is completed and a full-time alternative provision is secured."),
        ("police", "should", "{police} should ensure that children found in possession of drugs or cash in circumstances indicating exploitation are treated as potential victims, and that a referral is made to children's social care in every case."),
        ("youth_justice", "should", "The youth justice service should ensure that its assessments consider exploitation and that it shares information about the adults involved with the police exploitation team."),
    ],
)

T["suicide_self_harm"] = dict(
    labels=["Self-harm and suicide risk", "Emotional wellbeing and self-harm", "Responding to self-harm"],
    analysis=[
        ["Self-harm among adolescents is common and most young people who self-harm do not go on to take their own lives. Nevertheless, self-harm is the strongest single predictor of suicide in young people, and every episode requires a careful, compassionate assessment.",
         "{s} first disclosed self-harm to a teacher when {he} was thirteen. Over the following two years {he} attended the emergency department on four occasions after overdoses or cutting. Each attendance led to a psychosocial assessment and a referral to {camhs}."],
        ["{camhs} accepted the referrals but the waiting time for a first appointment was long, and when {s} was seen {he} was offered a short course of work that ended when {he} missed two sessions. The rationale for discharge was that {he} had 'chosen not to engage'.",
         "Risk assessments of self-harm tended to focus on intent at the time of the assessment. They did not consider the escalating pattern of {s}'s self-harm, the circumstances that triggered it or the changes in {his} life that made it more dangerous."],
    ],
    findings=[
        ("Each episode of self-harm was assessed in isolation, and the escalating pattern was not recognised",
         ["Between {his} first presentation and {his} death, {s}'s self-harm became more frequent and more dangerous. Each attendance was assessed separately and none of the assessments referred to the earlier episodes in any detail.",
          "Assessment of self-harm should always take account of the history and pattern of previous episodes, and should be shared with the young person's GP, school and any other services involved."]),
        ("{s} was discharged from child and adolescent mental health services for non-attendance at a time of increasing risk",
         ["{s} was discharged after missing appointments. The discharge letter went to the GP and to {his} parent, but {his} school was not informed and there was no discussion with the referrer.",
          "Missed appointments by a young person who self-harms should prompt active follow-up, not discharge. Services need to offer flexible ways of engaging young people, including seeing them in school."]),
    ],
    recs=[
        ("mental_health_services", "must", "{camhs} must ensure that no young person with a recent history of self-harm is discharged for non-attendance without a discussion with the referrer and a review of risk."),
        ("hospital", "should", "{hospital} should ensure that psychosocial assessments of children attending after self-harm include a review of all previous attendances and are shared with the child's school nurse and GP."),
        ("education", "should", "Schools should ensure that pupils who self-harm have a safety plan agreed with the young person, their parents and health professionals, and reviewed regularly."),
    ],
)

T["online_harm"] = dict(
    labels=["Online harm", "The online world", "Online abuse and grooming"],
    analysis=[
        ["[[req:teen]]The boundary between online and offline life was, for {s}, largely meaningless. Much of {his} social life took place on messaging apps and social media. Professionals rarely asked about {his} online world, and when they did, it was to give general advice about online safety rather than to understand what was happening to {him}.",
         "[[req:death]]The online environment brought {s} into contact with people {he} did not know, and with content about self-harm which, according to {his} family, {he} viewed repeatedly in the weeks before {his} death."],
    ],
    findings=[
        ("Professionals did not explore {s}'s online life, and the risks {he} faced online were not part of any assessment",
         ["None of the assessments completed in the review period asked about {s}'s use of social media or the people {he} communicated with online. The information that later emerged from {his} devices was not known to any agency.",
          "Asking children about their online lives should be as routine as asking about school and friendships. Practitioners need confidence and knowledge to ask about specific platforms and experiences."]),
    ],
    recs=[
        ("board", "should", "{board} should ensure that multi-agency training equips practitioners to ask children about their online lives, including exposure to harmful content and contact with unknown adults."),
    ],
)

T["covid19"] = dict(
    labels=["The impact of COVID-19", "Practice during the pandemic", "Lockdown and visibility"],
    analysis=[
        ["[[req:child]]The period under review included the national lockdowns associated with the COVID-19 pandemic. Schools closed to most pupils, health visiting contacts moved to telephone and video, and social work visits were at times conducted on the doorstep or virtually. These were reasonable adaptations to extraordinary circumstances, but they reduced the visibility of children.",
         "[[req:covid_family]]The effects of the pandemic on this family were significant. {carer} lost her job, the household was confined to a small flat, and support from extended family stopped. The usual safety net of school, nursery and face-to-face health contact was largely absent."],
        ["[[req:covid_school]]Although {s} was offered a school place as a vulnerable child, {he} did not attend, and the school's follow-up was limited to telephone calls, most of which were not answered. Agencies were working under national guidance that emphasised risk assessment of which children should be seen face to face; {s} was not assessed as needing such contact.",
         "[[req:covid_virtual]]Virtual contacts were, by their nature, controlled by the adults. A video call allowed practitioners to see what the family chose to show them. The review heard that at least one contact with {s} took place with {man} present off-camera."],
    ],
    findings=[
        ("During the pandemic {s} was not seen face to face for an extended period, and the risks of reduced visibility were not assessed",
         ["For almost five months {s} was not seen in person by any professional. Contacts were by telephone or video and were arranged with {carer}. No agency recorded a judgement about whether this was safe.",
          "While the pandemic has passed, the learning applies whenever services are disrupted. Agencies should have business continuity arrangements that identify which children need to be seen in person and ensure that they are."]),
    ],
    recs=[
        ("all_agencies", "should", "All partner agencies should review their business continuity plans to ensure that, in any future disruption to services, children who are at risk are identified and continue to be seen face to face."),
        ("board", "consider", "{board} should consider whether the learning about virtual contacts with families during the pandemic has been incorporated into current guidance on home visits."),
    ],
)

T["transitions"] = dict(
    labels=["Transitions", "Moving between services", "From children's to adult services"],
    analysis=[
        ["Transitions between services are points of known vulnerability. When a case moves between teams, areas or from children's to adult services, information is lost, relationships end and thresholds change. This case involved several such transitions.",
         "[[req:care_leaver]]At eighteen {s} moved from the care of children's services to adult services. Although {he} had an allocated personal adviser, the threshold for adult social care was not met and the mental health service {he} had received as a child did not transfer to the adult service, because {his} diagnosis did not fit its criteria."],
    ],
    findings=[
        ("The transition to adult services was not planned early enough, and support fell away at the point when {s} was most vulnerable",
         ["Transition planning began only a few weeks before {s}'s eighteenth birthday. There was no joint meeting between the children's and adult teams, and no-one took responsibility for ensuring that {he} had a safe place to live and a trusted adult to turn to.",
          "Transition planning for young people with complex needs should begin at fourteen, and should involve the adult services that will take responsibility for the young person's care and support."]),
    ],
    recs=[
        ("adult_social_care", "should", "Adult social care and children's services should agree a joint transitions protocol which starts planning for young people with complex needs at the age of fourteen and includes young people who may not meet adult eligibility criteria."),
        ("mental_health_services", "must", "{mh} must ensure that young people approaching eighteen who are receiving mental health services have a transition plan, and that those who do not meet adult criteria are referred to an appropriate alternative."),
    ],
)

T["think_family"] = dict(
    labels=["Think family", "Whole-family working", "Adult and children's services together"],
    analysis=[
        ["A 'think family' approach asks practitioners working with adults to consider the children in their lives, and practitioners working with children to understand the adults. In this case services worked in parallel rather than together.",
         "The GP saw {carer} for her own health on many occasions and saw {s} separately. The two sets of records were not linked, and the consultations for the parent did not consider the child."],
    ],
    findings=[],
    recs=[
        ("all_agencies", "should", "All agencies should ensure that practitioners working with adults record whether the adult has children or caring responsibilities, and consider the impact of the adult's needs on those children."),
    ],
)

T["multi_agency_working"] = dict(
    labels=["Multi-agency working", "Working together", "Strategy meetings and core groups"],
    analysis=[
        ["[[req:child]]Working Together to Safeguard Children sets out the expectation that agencies will share information and plan together through strategy discussions, child protection conferences and core groups. In this case the formal structures existed but did not always function as intended: key agencies were not invited to strategy discussions, and core group meetings were poorly attended.",
         "[[req:under5]]A strategy discussion held after the first incident involved only the police and children's social care. The health visitor, who had seen {s} more than anyone, and the GP were not invited and were not told of the outcome."],
    ],
    findings=[
        ("Strategy discussions did not involve all the agencies that knew the family, and decisions were made without their information",
         ["The strategy discussions in this case were held between the police and children's social care only. Health practitioners who held relevant information were not asked for it and were not informed of decisions.",
          "Health agencies should be involved in every strategy discussion concerning a child under five, and should be invited to contribute where they hold relevant information about older children."]),
    ],
    recs=[
        ("childrens_social_care", "must", "{cs} must ensure that health partners are invited to all strategy discussions concerning children under five and that the outcome is shared with every agency involved."),
    ],
)

T["risk_assessment"] = dict(
    labels=["Risk assessment", "Assessing and reviewing risk", "Risk assessment and decision making"],
    analysis=[
        ["Good risk assessment draws together history, current circumstances and the views of the people involved, and it is revisited when things change. In this case risk assessments were completed but were largely snapshots; they did not incorporate the history, and they were not reviewed when new information emerged.",
         "Several agencies used structured risk tools. Tools are valuable in ensuring key questions are asked, but they can also create a false sense of precision. A 'medium risk' grading, once recorded, tended to be repeated in later records without reconsideration."],
    ],
    findings=[
        ("Risk assessments were not updated as circumstances changed, and earlier gradings were carried forward without review",
         ["The initial risk assessment was completed soon after the first referral and was not formally reviewed again, despite significant changes in the household and several further incidents.",
          "Risk assessment should be dynamic. Significant events, such as a new partner, a change of address or an injury, should automatically trigger a review."]),
    ],
    recs=[
        ("all_agencies", "should", "All agencies should ensure that their risk assessment procedures specify the events which must trigger a review of risk, and that reviews take account of the full history."),
    ],
)

T["start_again_syndrome"] = dict(
    labels=["Starting again", "Start again syndrome", "History and new beginnings"],
    analysis=[
        ["Each new worker, and each new assessment, began afresh. The family's history was summarised in a few lines, and the summary became shorter as time passed. This tendency, sometimes called 'start again syndrome', meant that each new episode was judged against the most recent position rather than against the whole history.",
         "When {carer} moved into the area she was treated as a new family. The transfer-in conference minutes record the previous concerns but the subsequent assessment did not refer to them."],
    ],
    findings=[
        ("The family's history was not used to inform new assessments, and each episode of involvement started again",
         ["Assessments completed in the area relied on what {carer} said about her history. Records from the previous authority were requested but not read in full.",
          "History is the best predictor of future risk. Assessments should begin with a full chronology, including information from any previous area."]),
    ],
    recs=[
        ("childrens_social_care", "must", "{cs} must ensure that when a family moves into the area, records from the previous local authority are obtained and analysed before any decision to close or step down the case."),
    ],
)

T["drift_delay"] = dict(
    labels=["Drift and delay", "Timeliness", "Drift"],
    analysis=[
        ["Drift describes the situation where a case continues without purposeful progress. The family remained on a child in need plan for nearly two years, with repeated reviews agreeing the same actions.",
         "Some delay arose from changes of social worker: {s} had five social workers in three years. Each change brought a period of relationship building and a loss of momentum."],
    ],
    findings=[
        ("The plan drifted for long periods without progress, and changes of worker contributed to delay",
         ["Reviews of the plan repeatedly agreed the same actions. No review asked why the actions had not been completed or whether the plan should change.",
          "Managers should track the progress of plans against timescales and intervene when progress is not made."]),
    ],
    recs=[
        ("childrens_social_care", "should", "{cs} should introduce a system for identifying plans which have not progressed over two consecutive reviews and ensure these are considered by a senior manager."),
    ],
)

T["thresholds"] = dict(
    labels=["Thresholds", "Thresholds and the front door", "Decisions at the front door"],
    analysis=[
        ["The threshold document describes levels of need and the services appropriate to each. Partners applied thresholds inconsistently: referrals which described similar concerns produced different outcomes depending on who made them and when.",
         "The multi-agency safeguarding hub received five contacts about {s} in eighteen months. Each was assessed against the threshold and each was judged to require a response at the early help level. None of the decisions considered the number of previous contacts."],
    ],
    findings=[
        ("Repeated contacts to the front door were each assessed as below the threshold, without consideration of the history",
         ["Five contacts about {s} were screened at the front door; all were directed to early help or universal services. The decision records do not mention previous contacts.",
          "The number and pattern of contacts about a child should itself be a factor in the threshold decision."]),
    ],
    recs=[
        ("childrens_social_care", "must", "{cs} must ensure that front door decision-making takes account of all previous contacts about a child and that a third contact within twelve months triggers a manager review."),
    ],
)

T["early_help"] = dict(
    labels=["Early help", "Support below the statutory threshold", "Early help and step-down"],
    analysis=[
        ["Early help offers support to families before problems escalate. In this case early help was offered appropriately but was dependent on the family's consent; when {carer} declined it, the case was closed without any further consideration of the risks.",
         "[[req:eh_worker]]The early help assessment was completed by a family support worker with limited experience, and no lead professional was identified when the family's engagement tailed off."],
    ],
    findings=[],
    recs=[
        ("board", "should", "{board} should ensure that early help procedures require a managerial review of risk when a family declines or withdraws from early help."),
    ],
)

T["recording"] = dict(
    labels=["Recording and chronologies", "Records", "Chronologies"],
    analysis=[
        ["Good records are the foundation of good practice. Records in this case were often lengthy but lacked analysis; it was frequently difficult to identify from them what the practitioner thought was happening and why.",
         "No agency maintained a chronology of significant events. The absence of a chronology made it difficult for any practitioner, and especially for new workers, to see the pattern of concerns."],
    ],
    findings=[],
    recs=[
        ("all_agencies", "should", "All agencies should ensure that a chronology of significant events is maintained for children subject to a plan and is shared at each review."),
    ],
)

T["decision_making"] = dict(
    labels=["Decision making", "Key decisions", "How decisions were made"],
    analysis=[
        ["Many decisions in this case were reasonable given the information available to the person making them. The difficulty was that the information available was incomplete, and decisions were rarely revisited when new information emerged.",
         "A number of important decisions were made outside formal meetings, by telephone or in corridors, and were not recorded. This made it impossible for the review to establish who made them and on what basis."],
    ],
    findings=[],
    recs=[
        ("all_agencies", "should", "All agencies should ensure that significant safeguarding decisions are recorded with the rationale, the information considered and the name of the decision-maker."),
    ],
)

# ---------------------------------------------------------------- adult themes
T["self_neglect"] = dict(
    labels=["Self-neglect and hoarding", "Understanding self-neglect", "Hoarding"],
    analysis=[
        ["Self-neglect covers a wide range of behaviour: neglecting to care for one's personal hygiene, health or surroundings, and includes behaviour such as hoarding. It was added to the categories of abuse and neglect in the Care Act 2014 statutory guidance. It is one of the most challenging areas of practice, because it requires practitioners to balance respect for a person's autonomy with their duty of care.",
         "{s} had lived alone since the death of {his} wife. Over the following years {his} home became increasingly cluttered, until several rooms could not be used and the only route through the house was a narrow path between piles of newspapers, bags and boxes. {He} slept in a chair in the kitchen."],
        ["The clutter image rating scale was used by the fire service on one visit and recorded a rating of eight in the living room and seven in the kitchen. This placed the property in the highest risk category. The rating was shared with adult social care but did not lead to a multi-agency meeting.",
         "{s} was described as a proud and private man who did not want help. Research on self-neglect emphasises the importance of understanding the person's history, and of persistent, patient relationship-building over time. The reviewer found little evidence of curiosity about why {s} lived as {he} did, or what the accumulated possessions meant to {him}."],
    ],
    findings=[
        ("Respect for {s}'s autonomy was not balanced by a sufficiently curious, persistent and coordinated response to his self-neglect",
         ["Practitioners rightly respected {s}'s right to make his own choices. However, respect for autonomy was at times used to justify withdrawal, and cases were closed when {s} declined services. There was no multi-agency plan and no lead agency.",
          "Self-neglect requires a sustained, relationship-based approach in which practitioners return, build trust and revisit the person's wishes over time. The partnership's self-neglect and hoarding procedure provides for multi-agency risk management meetings; none was convened."]),
        ("The fire risk in {s}'s home was known but was not managed through a multi-agency plan",
         ["The fire and rescue service completed a home fire safety visit and identified a very high risk. Smoke alarms were fitted and advice was given. The risk was shared with adult social care, but there was no follow-up visit and no discussion of the risk with {s}'s GP or the housing provider.",
          "High fire risk in a hoarded property is a predictable cause of death. The partnership should ensure that such risks lead to a multi-agency response, with the fire service as a full partner."]),
    ],
    recs=[
        ("board", "must", "{board} must relaunch its self-neglect and hoarding procedure and seek assurance that multi-agency risk management meetings are being convened where risk is high."),
        ("adult_social_care", "should", "{asc} should ensure that when a person who self-neglects declines services, the case is not closed without a multi-agency discussion and a plan for continued contact."),
        ("all_agencies", "should", "All agencies should ensure that staff working with people who self-neglect are trained in the use of the clutter image rating scale and in making referrals for a home fire safety visit."),
    ],
)

T["mental_capacity"] = dict(
    labels=["Mental capacity", "The Mental Capacity Act", "Capacity and executive function"],
    analysis=[
        ["The Mental Capacity Act 2005 requires that a person is assumed to have capacity unless it is established that they lack it. That presumption was applied in this case, but in a way that allowed practitioners to avoid a formal assessment. {s} was said to 'have capacity' on numerous occasions, but no capacity assessment was ever recorded.",
         "A person may be able to describe the risks of a decision in conversation but be unable to act on that understanding when it matters, a problem of executive functioning which is particularly relevant in self-neglect, dementia and brain injury. Practitioners need to consider whether a person can use and weigh information in practice, not only in the abstract."],
    ],
    findings=[
        ("{s}'s capacity to make decisions about {his} care and safety was assumed rather than assessed",
         ["References to capacity in the records were general assertions. No assessment was completed in relation to any specific decision, despite evidence of cognitive decline and of decisions that placed {him} at serious risk.",
          "Capacity is decision-specific and time-specific. Where a person repeatedly makes decisions that place them at serious risk, a formal assessment should be considered, including of executive function."]),
    ],
    recs=[
        ("board", "should", "{board} should commission training on the Mental Capacity Act which addresses executive functioning and the assessment of capacity in people who self-neglect or who are at risk of exploitation."),
        ("adult_social_care", "must", "{asc} must ensure that where a person's capacity is in doubt, a decision-specific capacity assessment is recorded, and that the outcome informs the care plan."),
    ],
)

T["making_safeguarding_personal"] = dict(
    labels=["Making safeguarding personal", "The person's wishes", "Person-centred safeguarding"],
    analysis=[
        ["Making safeguarding personal means that safeguarding should be person-led and outcome-focused, engaging the person in a conversation about how best to respond to their situation. In this case {s}'s views were recorded, but the conversations did not explore what {he} wanted {his} life to look like, or what might help.",
         "[[req:msp_family]]{s}'s family told the review that {he} had been a lively and sociable person, and that the withdrawal seen by professionals in later years was out of character. That history was not known to practitioners."],
    ],
    findings=[],
    recs=[
        ("adult_social_care", "should", "{asc} should ensure that safeguarding enquiries record the person's desired outcomes and how they have been addressed."),
    ],
)

T["financial_abuse"] = dict(
    labels=["Financial abuse", "Financial and material abuse", "Money and control"],
    analysis=[
        ["Financial or material abuse includes theft, fraud, coercion in relation to a person's financial affairs and the misuse or misappropriation of property, possessions or benefits. It is one of the most commonly reported forms of abuse of older people and one of the least often investigated.",
         "{s}'s son had moved back into {his} home and took control of {his} bank card. Over eighteen months more than thirty thousand pounds was withdrawn from {his} account. The bank flagged unusual activity twice but did not contact adult social care."],
        ["Carers employed by a domiciliary care agency noticed that there was often no food in the house and that the heating was off in winter. They reported this to their manager, who contacted adult social care; the concern was logged as a care need rather than as a safeguarding concern.",
         "The son was also, in effect, {s}'s main carer. The dynamic of dependence made it very difficult for {him} to complain, and professionals were reluctant to intervene in what they saw as a family matter."],
    ],
    findings=[
        ("Indicators of financial abuse were treated as care needs, and a safeguarding enquiry was not made until {s} was seriously harmed",
         ["The absence of food and heating, and {s}'s anxiety about money, were reported by care workers on several occasions. These were responded to by increasing care, not by asking why a person with an adequate income had no money.",
          "Financial abuse should be considered whenever a person with care and support needs appears to be without money, food or heating that their income should provide."]),
    ],
    recs=[
        ("adult_social_care", "must", "{asc} must ensure that concerns about a lack of money, food or heating for a person with care and support needs are screened for possible financial abuse."),
        ("board", "should", "{board} should work with local banks and the trading standards service to agree a protocol for sharing concerns about suspected financial abuse of adults with care and support needs."),
    ],
)

T["homelessness"] = dict(
    labels=["Multiple exclusion homelessness", "Homelessness and health", "Rough sleeping"],
    analysis=[
        ["Multiple exclusion homelessness describes the experience of people who have been homeless and who have also experienced institutional care, substance misuse or street activities such as begging. These people have some of the poorest health outcomes in the population and die on average thirty years earlier than the general population.",
         "{s} had slept rough intermittently for more than a decade. {He} had a long history of alcohol and drug use, chronic physical health conditions and periods in prison. {He} was well known to outreach workers, the hospital emergency department and the police."],
        ["The traditional model of services, with appointments, eligibility criteria and discharge for non-attendance, does not work for people in {s}'s situation. Services that were most effective for {him} were those that were persistent, flexible and based on a trusted relationship.",
         "It was apparent that {s} was not regarded as a person with care and support needs. {His} needs were attributed to lifestyle choices and a Care Act assessment was never undertaken, although {he} would very probably have met the eligibility criteria."],
    ],
    findings=[
        ("{s}'s care and support needs were not assessed under the Care Act, because his difficulties were seen as lifestyle choices",
         ["Requests for a Care Act assessment were made on two occasions by outreach workers and were declined on the grounds that {s} had no eligible needs and that his difficulties arose from substance misuse.",
          "Substance dependence does not exclude a person from eligibility for care and support. The impact of physical ill health, cognitive impairment and trauma should be assessed."]),
        ("No agency took the lead in coordinating the response to {s}'s complex needs",
         ["At least nine agencies were involved with {s} during the review period. Each addressed part of his needs. There was no multi-agency meeting, no shared plan and no lead professional.",
          "People with multiple and complex needs require a coordinated approach. A multi-agency complex case panel would provide a route for this."]),
    ],
    recs=[
        ("adult_social_care", "must", "{asc} must ensure that people experiencing homelessness who have physical or mental health needs, or substance dependence, are offered a Care Act assessment and that eligibility decisions consider the full impact of their needs."),
        ("board", "should", "{board} should establish a multi-agency complex needs panel to which any agency can refer adults with multiple and complex needs where no single agency can meet them."),
        ("housing", "should", "The housing service should ensure that its homelessness assessments identify people with care and support needs and refer them for an assessment."),
    ],
)

T["organisational_abuse"] = dict(
    labels=["Organisational abuse", "Quality of care in the home", "Commissioning and oversight"],
    analysis=[
        ["Organisational abuse includes neglect and poor care practice within an institution or a specific care setting, such as a hospital or care home. It can range from a single incident to long-standing ill-treatment, and it may be the result of the structures, policies, processes and practices within an organisation.",
         "The care home where {s} lived had been rated 'requires improvement' by the regulator, and staffing levels had fallen significantly in the months before the incident. Agency staff, who did not know the residents, made up a high proportion of night shifts."],
        ["Concerns about the home had been raised by families, by visiting professionals and by an anonymous whistleblower. Each was investigated separately by the provider, which reported that it had been resolved. Commissioners did not identify the pattern.",
         "{s} communicated largely through behaviour. Changes in {his} behaviour, including distress at bathing time and refusing to go into {his} room, were recorded by staff as 'challenging behaviour' rather than being explored as possible communication of harm."],
    ],
    findings=[
        ("Concerns about the quality of care in the home were considered separately, and the pattern indicating organisational abuse was not identified",
         ["At least seven concerns about the home were raised in the twelve months before the incident. They were investigated individually, largely by the provider itself. Commissioners and the local authority did not bring them together.",
          "A system for aggregating concerns about providers, including soft intelligence, is needed so that patterns are identified and acted upon early."]),
    ],
    recs=[
        ("adult_social_care", "must", "{asc} and commissioners must ensure that all concerns about a care provider are recorded in a single place and reviewed monthly, so that patterns indicating organisational abuse are identified."),
        ("icb", "should", "The Integrated Care Board should ensure that the health needs of people with learning disabilities in residential care are reviewed annually, including a review of any behavioural changes."),
    ],
)

T["modern_slavery"] = dict(
    labels=["Trafficking and modern slavery", "Exploitation and trafficking", "The National Referral Mechanism"],
    analysis=[
        ["Modern slavery encompasses slavery, human trafficking and forced labour. Children who are trafficked are often moved across borders or within the country, and their movement is sometimes disguised as private family arrangements.",
         "{s} arrived in the area with an adult who described herself as an aunt. No-one checked the relationship. The arrangement met the definition of private fostering, but no notification was made to the local authority."],
    ],
    findings=[
        ("Indicators that {s} might have been trafficked were not recognised, and no referral was made to the National Referral Mechanism",
         ["{s} was not registered with a GP or school for several months after arrival, did not speak English and was said by neighbours to be doing household work for long hours. These indicators were noted by different people but not put together.",
          "Professionals should consider trafficking whenever a child is living with adults who are not their parents and there are indications of exploitation, and should make a referral to the National Referral Mechanism."]),
    ],
    recs=[
        ("board", "should", "{board} should raise awareness of private fostering and of the indicators of child trafficking among schools, GP practices and community and faith groups."),
        ("childrens_social_care", "must", "{cs} must ensure that every child notified as privately fostered is visited and assessed within the statutory timescales, and that trafficking indicators are considered."),
    ],
)

T["sexual_abuse"] = dict(
    labels=["Intra-familial sexual abuse", "Child sexual abuse", "Recognising sexual abuse"],
    analysis=[
        ["Most child sexual abuse is perpetrated by someone known to the child, often within the family, and most is never reported at the time. Children rarely make a direct disclosure; more often they communicate through behaviour, physical symptoms or partial statements which adults find difficult to interpret.",
         "{s} presented with several signs that, in retrospect, were consistent with sexual abuse: recurrent urinary infections, sexualised behaviour at school, soiling and a reluctance to go home. Each was considered separately by the agency that saw it."],
    ],
    findings=[
        ("Signs consistent with sexual abuse were seen by several agencies but not recognised as such",
         ["The school, the GP and the school nurse each saw indicators that could have suggested sexual abuse. None considered it, and none shared their observations.",
          "Practitioners need confidence to consider sexual abuse as a possible explanation, to talk to children, and to share concerns even when they are uncertain."]),
    ],
    recs=[
        ("board", "must", "{board} must ensure that multi-agency training on child sexual abuse addresses the signs and indicators in younger children and the barriers to disclosure."),
        ("education", "should", "Schools should ensure that sexualised behaviour in young children is recorded, discussed with the designated safeguarding lead and considered as a possible indicator of abuse."),
    ],
)

T["hsb"] = dict(
    labels=["Harmful sexual behaviour", "Child-on-child abuse", "Peer-on-peer abuse"],
    analysis=[
        ["Harmful sexual behaviour describes sexual behaviour by children and young people that is developmentally inappropriate, may be harmful towards themselves or others, or be abusive towards another child, young person or adult. Children who display such behaviour are often themselves victims of abuse, and need a response that addresses both risk and need.",
         "Incidents between pupils were initially dealt with through the school's behaviour policy. The designated safeguarding lead was not informed until the third incident, and no referral to children's social care was made until a parent complained."],
    ],
    findings=[
        ("Incidents of harmful sexual behaviour between pupils were managed as behaviour incidents rather than safeguarding concerns",
         ["The first two incidents were dealt with by class teachers, recorded on the behaviour system, and not referred to the designated safeguarding lead.",
          "All incidents of sexual behaviour between children should be considered by the designated safeguarding lead, using a recognised tool to assess whether the behaviour is harmful."]),
    ],
    recs=[
        ("education", "must", "Schools must ensure that all incidents of sexual behaviour between pupils are reported to the designated safeguarding lead and assessed using a recognised tool."),
        ("board", "should", "{board} should ensure that a harmful sexual behaviour pathway is available to schools, with access to specialist assessment."),
    ],
)

T["fii"] = dict(labels=["Fabricated or induced illness"], analysis=[["Fabricated or induced illness (FII) is rare. It arises when a carer presents a child as ill, or causes illness, in a way that leads to harm."]], findings=[], recs=[])

T["physical_abuse"] = dict(
    labels=["Physical abuse", "Injuries and explanations", "Non-accidental injury"],
    analysis=[
        ["Non-accidental injury (NAI) is most often seen in children under two. Injuries that are inconsistent with the child's developmental stage, or with the explanation given, must always be considered as possible abuse.",
         "The explanations given for {s}'s injuries changed over time and were inconsistent with each other. Professionals recorded the explanations but did not compare them."],
    ],
    findings=[],
    recs=[
        ("hospital", "must", "{hospital} must ensure that all children under two attending the emergency department with an injury are assessed against the safeguarding checklist, and that the assessment is reviewed by a senior clinician."),
    ],
)

T["disabled_children"] = dict(
    labels=["Disabled children", "Safeguarding disabled children", "Disability and visibility"],
    analysis=[
        ["Disabled children are at greater risk of abuse and neglect than their peers, and are less likely to be protected. Communication barriers, dependence on carers for intimate care, and a tendency among professionals to attribute indicators of neglect to the child's impairment all contribute.",
         "{s} had complex health needs and communicated mainly through sounds, facial expressions and a small number of signs. Professionals who knew {him} well could interpret {his} communication; those who saw {him} occasionally could not, and relied on {carer}'s account."],
        ["Weight loss, pressure sores and poor dental health were attributed by several practitioners to {s}'s condition rather than to the care {he} was receiving. The review's medical adviser noted that, while these problems are more common in children with {his} condition, they are also avoidable with good care.",
         "The family's carer's assessment had not been reviewed for three years, despite significant changes in {carer}'s own health."],
    ],
    findings=[
        ("Signs of neglect were attributed to {s}'s disability rather than to the care {he} was receiving",
         ["Practitioners saw weight loss, missed equipment reviews and deteriorating skin integrity, but interpreted each as part of {s}'s condition. No practitioner asked whether {his} needs were being met at home.",
          "Disabled children have the same right to protection as other children. The threshold for concern should not be raised because a child is disabled."]),
    ],
    recs=[
        ("childrens_social_care", "must", "{cs} must ensure that children with disabilities who are not brought to health appointments, or whose health deteriorates, are considered for a safeguarding assessment and not only a review of their care package."),
        ("health", "should", "Health partners should ensure that community paediatric and therapy services notify the GP and the child's social worker when a disabled child is not brought to two consecutive appointments."),
    ],
)

T["parental_learning_disability"] = dict(
    labels=["Parents with learning disabilities", "Parenting with support"],
    analysis=[
        ["{carer} had a mild learning disability. Parents with learning disabilities can and do care well for their children when they are given the right support, adapted to the way they learn. Written information, complex plans and meetings with many professionals are often inaccessible.",
         "The plans given to {carer} were written in professional language and she was not offered an advocate. She told the review that she often did not understand what she was being asked to do."],
    ],
    findings=[],
    recs=[
        ("childrens_social_care", "should", "{cs} should ensure that parents with learning disabilities are offered an advocate and that plans and assessments are provided in accessible formats."),
    ],
)

T["not_in_school"] = dict(
    labels=["Children missing education", "Not in school", "Education as a protective factor"],
    analysis=[
        ["School is one of the most important protective factors for children: it is where they are seen every day by adults who know them. Children who are not in school, whether through exclusion, elective home education or simply being missing from education, lose that protection.",
         "[[req:ehe]]{s} was removed from the school roll for elective home education. The local authority's elective home education officer visited once, and was shown a room with books and worksheets. {s} was not seen."],
    ],
    findings=[],
    recs=[
        ("education", "must", "The local authority must ensure that, where a child known to children's social care is removed from a school roll for elective home education, a multi-agency meeting is held and the child is seen."),
    ],
)

T["culture_faith_ethnicity"] = dict(
    labels=["Culture, faith and ethnicity", "Understanding culture and identity"],
    analysis=[
        ["Understanding a family's culture, faith and ethnicity is important to good assessment, but cultural considerations must never excuse a failure to protect. Practitioners in this case were at times hesitant to ask about the family's arrangements for fear of causing offence.",
         "Interpreters were not used consistently. On several occasions a relative, and once a child, was asked to interpret, which prevented {s} from speaking freely."],
    ],
    findings=[],
    recs=[
        ("all_agencies", "must", "All agencies must ensure that independent interpreters are used for safeguarding conversations and that children and family members are never used as interpreters."),
    ],
)

T["housing_instability"] = dict(
    labels=["Housing and moves", "Frequent moves", "Temporary accommodation"],
    analysis=[
        ["The family moved at least six times in the three years before the incident, including two periods in temporary accommodation in a neighbouring borough. Each move meant a change of GP, health visitor and sometimes school, and information did not always follow the family.",
         "Housing instability is both a risk factor in itself and a cause of lost information between services. The housing service knew of each move but was not part of the professional network."],
    ],
    findings=[],
    recs=[
        ("housing", "should", "The housing service should ensure that, when a family with children known to children's social care is placed in temporary accommodation, the lead professional and health visitor or school nurse are informed."),
    ],
)

# ---------------------------------------------------------------- additions for adult and DHR contexts
T["covid19"]["analysis"][0].append(
    "[[req:adult]]The period under review included the COVID-19 pandemic. For people sleeping rough, the national 'Everyone In' initiative brought an unprecedented, if temporary, offer of accommodation, and with it regular contact with health and support workers. Several practitioners told the review that it was the first time they had been able to see {s} consistently in one place.")
T["covid19"]["analysis"].append([
    "[[req:adult]]The end of the emergency arrangements was, for many people, as disruptive as their beginning. Hotels closed over a short period, and move-on options were limited to hostels and shared accommodation which had previously failed people with the most complex needs."])
T["multi_agency_working"]["analysis"][0].append(
    "[[req:adult]]The Care Act 2014 and the Board's multi-agency procedures expect agencies to work together where a person has complex needs and is at risk. In this case many agencies were involved, but there was no forum in which they met, no shared risk assessment and no agreed lead. Each agency held a part of the picture and each assumed that another was coordinating.")
T["multi_agency_working"]["analysis"][0].append(
    "[[req:dhr]]Several agencies had contact with Anna and with Paul, but their contacts rarely connected. The MARAC brought agencies together once, for a discussion lasting less than fifteen minutes, and its actions were largely completed by the time the meeting notes were circulated. After that there was no forum in which the risk to Anna was reviewed.")

T["domestic_abuse_dhr"] = dict(
    labels=["Coercive control", "Domestic abuse and coercive control", "Understanding the abuse Anna experienced"],
    analysis=[
        ["Coercive control is an act or a pattern of acts of assault, threats, humiliation and intimidation or other abuse that is used to harm, punish, or frighten a victim. Since 2015 controlling or coercive behaviour in an intimate or family relationship has been a criminal offence. Anna's family and friends describe a relationship in which Paul increasingly controlled her money, her phone, her friendships and her time.",
         "With hindsight, the abuse Anna experienced followed a pattern that is recognised in research on domestic homicide and intimate partner violence (IPV): jealousy and monitoring early in the relationship, isolation from friends and family, control of money, escalating threats, and separation or the threat of separation as a trigger for the most serious violence."],
        ["Anna disclosed parts of her experience to several people: her GP, a colleague, and the police on two occasions. Each disclosure was partial, and each was responded to as an incident. No professional asked her about the whole of her relationship, and no-one asked specifically about coercive and controlling behaviour.",
         "When Anna told her GP that Paul checked her phone, she was given a leaflet. The GP practice had no routine enquiry policy and the consultation was ten minutes long. The reviewer heard that GPs felt ill-equipped to follow up such disclosures and unsure where to refer."],
        ["The DASH risk assessment completed in January 2019 scored fifteen, which is above the threshold for high risk. This led correctly to a MARAC referral. However, when Anna withdrew her statement and stopped answering calls, the risk was treated as having reduced, when the research evidence suggests that it was likely to have increased.",
         "Anna's withdrawal from the criminal justice process was understood by several agencies as her choice. Victims withdraw for many reasons, including fear, financial dependence and the pressure of the perpetrator. Withdrawal should prompt more support, not less."],
    ],
    findings=[
        ("Agencies responded to incidents rather than to a pattern of coercive control, and no-one asked Anna about the whole of her relationship",
         ["Anna's disclosures were responded to separately by the GP, the police and her employer. None of these contacts explored coercive control, and no agency drew the disclosures together.",
          "Coercive control is the context in which physical violence occurs. Practitioners need the confidence and time to ask about it directly, and pathways to specialist support when it is disclosed."]),
        ("The risk to Anna was treated as reduced when she withdrew from the criminal process",
         ["After Anna withdrew her statement in February 2019, the police closed the investigation and the IDVA service closed its case after three unanswered calls. No agency reassessed the risk.",
          "The withdrawal of a high-risk victim from the criminal process is itself a risk indicator, and should trigger a review of the safety plan."]),
    ],
    recs=[
        ("police", "must", "{police} must ensure that, where a victim assessed as high risk withdraws support for a prosecution, the risk assessment and safety plan are reviewed and the case is returned to MARAC if the risk remains high."),
        ("board", "should", "{board} should commission multi-agency training on coercive and controlling behaviour for practitioners in primary care, employers' occupational health services and the voluntary sector."),
        ("icb", "should", "The Clinical Commissioning Group should support GP practices in Kelderbrook to introduce routine enquiry about domestic abuse and a direct referral pathway to the IDVA service."),
    ],
)

T["cuckooing"] = dict(
    labels=["Cuckooing and exploitation of adults", "Exploitation in the home", "Cuckooing"],
    analysis=[
        ["Cuckooing is a form of exploitation in which people who are involved in drug dealing take over the home of a vulnerable person and use it as a base. It is closely associated with county lines, and victims are often people with learning disabilities, mental ill health or substance dependence, or young people who have recently left care.",
         "Within months of moving into his flat, Mr V's home was being used by a group of adults to store and sell drugs. Neighbours complained of noise and visitors at all hours, and the housing officer issued a warning letter to Mr V about his tenancy."],
        ["The response of agencies was largely an enforcement response to anti-social behaviour. The housing service and the police dealt with Mr V as the tenant responsible for the nuisance rather than as the victim of exploitation, and the safeguarding referral that was eventually made was closed on the basis that he had no care and support needs.",
         "Young adults leaving care are exposed to exploitation because they often live alone, have limited money and few trusted adults, and are targeted by people who know this. The protection offered to them as children falls away at eighteen, often abruptly."],
    ],
    findings=[],
    recs=[],
)
