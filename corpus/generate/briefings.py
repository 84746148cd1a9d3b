# -*- coding: utf-8 -*-
"""Thematic briefings (NCCPL 'learning from case reviews' style) and the national analysis.

They cite the fictional reviews of this corpus (by slug -> title, board, year).
"""
import random

from boards import BOARDS, board_names

DOCS = [
    dict(slug="infants-learning-from-case-reviews-2024", type="briefing", board="nccpl", published="2024-10-15",
         author="National Centre for Child Protection Learning", sidecar=True,
         title="Infants: learning from case reviews",
         themes=["nahi", "physical_abuse", "sudi", "professional_curiosity", "information_sharing", "pre_birth_assessment", "start_again_syndrome"],
         risks=["babies_under_one", "unseen_men", "domestic_abuse", "parental_mental_health", "parental_substance_misuse", "toxic_trio", "young_parents", "housing_instability"],
         cites=["child-d-scr-2014", "child-n-lcspr-2019", "child-p-lcspr-2020", "child-h-lcspr-2024"],
         summary=[
             "This briefing pulls together learning from case reviews published in England where a baby under the age of one died or was seriously harmed. It focuses on three recurring issues: bruising and other injuries in non-mobile babies, abusive head trauma (sometimes called shaken baby syndrome) and sudden unexpected death in infancy (SUDI) associated with unsafe sleep.",
             "Babies are entirely dependent on the adults who care for them, cannot tell anyone what is happening and are seen by a relatively small number of professionals. They are consistently over-represented among children who die or are seriously harmed through abuse or neglect.",
         ],
         why=["The reviews in this briefing were commissioned after a baby died or was seriously injured and abuse or neglect was known or suspected. Cases included non-accidental injuries such as rib fractures and head injuries, and deaths where a baby had been sleeping on a sofa or in an adult bed with a parent who had used alcohol or drugs."],
         issues=[
             ("Sentinel injuries were seen but not acted upon", "In several reviews a minor injury, such as a small bruise on the face or a mark on the ear, was noticed by a health professional weeks before a serious injury. The explanation offered by the parent was accepted, and the local protocol for bruising in non-mobile babies was not followed. In Child D (Thrandale, 2014) a bruise was seen at an eight-week clinic; in Child H (Ormsleigh and Fenmarch, 2024) a mark on the ear was attributed to a car seat."),
             ("Fathers and male partners were invisible", "Men who were providing daily care for babies were not identified, assessed or included in conversations about coping with crying. Their histories, including previous violence, were often unknown to practitioners."),
             ("Safer sleep advice was generic", "Parents were given accurate leaflets, but conversations did not explore what happened on nights that were out of routine, such as after drinking alcohol or when staying with relatives. Reviewers noted that 'knowing the messages' is not the same as being able to follow them."),
             ("Parental mental health and substance use were assessed in isolation", "Perinatal mental health needs, cannabis and alcohol use and domestic abuse were each known to one agency, but their combined effect on the baby was rarely considered."),
             ("History was lost when families moved", "When families moved between areas, records were summarised and new workers started again."),
         ],
         risk_factors=["domestic abuse, including during pregnancy", "parental mental ill health, including postnatal depression", "parental drug and alcohol misuse", "young parents and parents who were themselves in care", "male carers whose histories were unknown", "housing instability and frequent moves", "smoking and co-sleeping on a sofa or bed"],
         key_do=[
             ("Key issues", ["Minor injuries in non-mobile babies were explained away.", "Men caring for babies were not seen.", "Safer sleep advice did not address the family's real arrangements.", "Risks known to different agencies were not joined up.", "Pre-birth assessment started too late."]),
             ("What to do", ["Follow the bruising protocol every time: refer, and arrange a paediatric assessment the same day.", "Ask who lives in and visits the home; invite fathers to every contact.", "Talk about coping with crying with every carer, and record who received the information.", "Ask where the baby sleeps on out-of-routine nights.", "Refer for pre-birth assessment early when there are concerns."]),
         ],
         period="The reviews cited in this briefing were published between 2014 and 2024."),
    dict(slug="neglect-learning-from-case-reviews-2019", type="briefing", board="nccpl", published="2019-05-20",
         author="National Centre for Child Protection Learning", sidecar=False,
         title="Neglect: learning from case reviews",
         themes=["neglect", "disguised_compliance", "engagement", "rule_of_optimism", "voice_of_child", "supervision", "early_help", "think_family"],
         risks=["parental_substance_misuse", "parental_mental_health", "domestic_abuse", "toxic_trio", "young_carers", "poverty", "housing_instability"],
         cites=["child-t-scr-2012", "child-b-scr-2013", "family-a-scr-2016"],
         summary=[
             "Neglect is the persistent failure to meet a child's basic physical and/or psychological needs, likely to result in the serious impairment of the child's health or development. It is the most common category for children subject to child protection plans, and it features in a large proportion of serious case reviews, often alongside other forms of abuse.",
             "This briefing draws together the learning from serious case reviews in which neglect was a key factor. It is intended for practitioners and managers in all agencies who work with children and families.",
         ],
         why=["The reviews were commissioned after children died or suffered serious harm, and neglect was either the main concern or a significant feature of the children's lives. In some cases neglect had been known to agencies for many years before the incident that led to the review."],
         issues=[
             ("Cumulative harm was not recognised", "Professionals responded to each incident on its own merits. Chronologies were not used, and the long-term impact of neglect was not assessed. In Family A (Thrandale, 2016) concerns were raised more than twenty times over six years."),
             ("Disguised compliance and the rule of optimism", "Parents who attended meetings and agreed to plans were seen as engaging, even when nothing changed for the children. Short-term improvements led to cases being closed."),
             ("Children were not brought to appointments", "Repeated missed health and dental appointments were treated as administrative matters. Children were discharged from services rather than followed up."),
             ("Young carers were not recognised", "In Child T (Tolmarsh, 2012) a nine-year-old was caring for his mother and brother, and this was seen as maturity rather than as a burden."),
             ("Hidden harm", "Parental drug and alcohol misuse, mental ill health and domestic abuse were common. Adult services did not routinely consider the children."),
         ],
         risk_factors=["parental substance misuse", "parental mental health problems", "domestic abuse", "poverty and poor housing", "parents' own experience of neglect in childhood", "large families with young children", "frequent changes of social worker"],
         key_do=[
             ("Key issues", ["Concerns were handled as separate incidents.", "Parental co-operation was mistaken for change.", "Missed appointments led to discharge.", "Children's lived experience was not described.", "Supervision did not challenge drift."]),
             ("What to do", ["Keep a chronology and use a neglect tool at regular intervals.", "Write plans that describe what will be different for the child.", "Use 'was not brought' policies; never discharge without considering safeguarding.", "See children alone and record what daily life is like for them.", "Use supervision to test your hypothesis and to spot drift."]),
         ],
         period="The reviews cited in this briefing were published between 2012 and 2016."),
    dict(slug="exploitation-learning-from-case-reviews-2024", type="briefing", board="nccpl", published="2024-02-27",
         author="National Centre for Child Protection Learning", sidecar=True,
         title="Child sexual and criminal exploitation: learning from case reviews",
         themes=["cse", "cce", "extra_familial_harm", "online_harm", "modern_slavery", "transitions", "information_sharing", "voice_of_child"],
         risks=["adolescents", "missing_children", "not_in_school", "looked_after", "private_fostering"],
         cites=["child-l-scr-2018", "child-m-learning-review-2022", "child-k-lcspr-2022", "mr-v-sar-2022", "child-r-lcspr-2023"],
         summary=[
             "This briefing summarises learning from case reviews where children and young adults were sexually or criminally exploited. It covers child sexual exploitation (CSE), child criminal exploitation (CCE) including county lines and cuckooing, online grooming, and trafficking and modern slavery.",
             "Exploitation is a form of abuse in which the victim is coerced, manipulated or deceived into sexual or criminal activity. It often takes place outside the family, and young people may not recognise themselves as victims.",
         ],
         why=["Reviews were commissioned after young people were seriously harmed or killed, or after criminal investigations uncovered organised abuse. One learning review concerned online grooming on a gaming platform and was commissioned because of the learning it offered, although it did not meet the statutory criteria."],
         issues=[
             ("Victims were blamed", "Records described young people as 'making choices', 'putting themselves at risk' or being 'streetwise'. In Child L (Thrandale, 2018) the child herself told the reviewer that nobody talked about the men."),
             ("Offending was seen before exploitation", "Young people found with drugs and cash were treated as offenders. National Referral Mechanism referrals were considered but not made (Child R, Thrandale, 2023)."),
             ("Exclusion from school increased risk", "Permanent exclusion and part-time timetables left young people unoccupied and visible to exploiters."),
             ("Missing episodes were not used as intelligence", "Return home interviews were not offered consistently, and what young people said was not passed to the police."),
             ("Support ended at eighteen", "Care leavers lost support abruptly, and adult services did not see cuckooing as exploitation (Mr V, Tolmarsh SAB, 2022)."),
             ("Hidden arrangements", "A child living with unrelated adults was not recognised as privately fostered, and signs of domestic servitude were missed (Child K, Tolmarsh, 2022)."),
         ],
         risk_factors=["going missing from home or care", "exclusion from school or reduced timetables", "being in care or leaving care", "substance use", "older 'boyfriends' or new friends with money", "unexplained gifts, phones or cash", "isolation from family and peers online and offline"],
         key_do=[
             ("Key issues", ["Language located responsibility with the child.", "Arrests were dealt with; exploitation was not.", "Return home interviews were missed.", "Transition at eighteen was unplanned.", "Online contact was not explored."]),
             ("What to do", ["Use language that names the abuser, not the child's 'choices'.", "Consider an NRM referral whenever criminal exploitation is suspected.", "Offer a return home interview after every missing episode and share what is learned.", "Plan transitions from fourteen; include young people who may not meet adult criteria.", "Ask young people about their online lives and the people they meet there."]),
         ],
         period="The reviews cited in this briefing were published between 2018 and 2023."),
    dict(slug="national-analysis-lcsprs-2019-2022", type="national_analysis", board="dcl", published="2023-11-30",
         author="Department for Children and Learning, Safeguarding Analysis Unit", sidecar=True,
         title="Local safeguarding practice reviews 2019 to 2022: national analysis",
         themes=["neglect", "physical_abuse", "nahi", "sudi", "cce", "cse", "suicide_self_harm", "covid19", "information_sharing", "professional_curiosity", "voice_of_child", "escalation", "supervision"],
         risks=["domestic_abuse", "parental_mental_health", "parental_substance_misuse", "toxic_trio", "babies_under_one", "adolescents", "unseen_men", "not_in_school", "disabled_children"],
         cites=["child-n-lcspr-2019", "child-p-lcspr-2020", "children-c-and-e-lcspr-2021", "child-k-lcspr-2022", "child-r-lcspr-2023"]),
]


def _cite(slug):
    from cases import CASES
    for c in CASES:
        if c["slug"] == slug:
            y = int(c["published"][:4])
            n = board_names(c["board"], y)[0]
            t = {"scr": "Serious case review", "lcspr": "Local child safeguarding practice review", "sar": "Safeguarding adults review",
                 "learning_review": "Learning review", "dhr": "Domestic homicide review"}[c["type"]]
            return (c["subject"], t, n, c["published"][:4], c["slug"])
    raise KeyError(slug)


def compose(doc, DocBuilder, ROT, seed_of, fill, long_date):
    if doc["type"] == "national_analysis":
        return compose_national(doc, DocBuilder, long_date)
    rng = random.Random(seed_of(doc["slug"]))
    board = BOARDS[doc["board"]]
    style = dict(board["style"])
    style["header"] = style["header"].replace("{tab}", "{tab}")
    d = DocBuilder(style)
    d.add("title", [("TitleSpace", ""), ("TitleBoard", "National Centre for Child Protection Learning"),
                    ("TitleSmall", "Learning from case reviews"), ("TitleMain", doc["title"].split(":")[0]),
                    ("TitleSub", "Briefing for practitioners and managers"), ("TitleSpace", ""),
                    ("TitleSmall", "Published %s" % long_date(doc["published"], 2))])
    d.add("pagebreak")
    toc_index = len(d.blocks)
    d.add("toc", "In this briefing", [])
    d.h1("Summary", pagebreak=True)
    for p in doc["summary"]:
        d.p(p)
    d.add("boxed", "**About this briefing.** Case reviews are undertaken when a child dies or is seriously harmed and abuse or neglect is known or suspected. This briefing is one of a series that highlights the learning from published reviews. All the reviews cited are listed at the end.[[fn:Published reviews are available from the websites of the commissioning partnerships for at least twelve months after publication, and on request thereafter.]]")
    d.h1("Why these reviews were commissioned")
    for p in doc["why"]:
        d.p(p)
    d.h1("Key issues")
    for h, p in doc["issues"]:
        d.h2(h)
        d.p(p)
    d.h1("Risk factors")
    d.p("The following factors were present in the families in many of the reviews. Risk factors do not cause abuse or neglect, but their presence, especially in combination, should prompt practitioners to think carefully about the child's safety.")
    d.add("bullets", [r[0].upper() + r[1:] for r in doc["risk_factors"]])
    d.h1("Learning for improved practice", pagebreak=True)
    d.p("The table on this page summarises the main issues identified by reviewers, alongside what practitioners can do differently.")
    d.add("twocol_start")
    (h1, l1), (h2, l2) = doc["key_do"]
    d.h2(h1)
    d.add("bullets", l1)
    d.add("colbreak")
    d.h2(h2)
    d.add("bullets", l2)
    d.add("twocol_end")
    d.h2("For managers and safeguarding partners")
    d.p("Managers should make sure that supervision gives practitioners space to reflect on the issues in this briefing, and safeguarding partners should seek assurance, through audit, that the learning is embedded in practice rather than only in training.")
    d.h1("Period of reviews covered")
    d.p(doc["period"] + " The briefing does not attempt to summarise every review; it highlights recurring learning. Full details of each review can be found in the published report.")
    rows = [[a, b, c, e] for a, b, c, e, _ in (_cite(s) for s in doc["cites"])]
    d.add("table", ["Review", "Type", "Published by", "Year"], rows, [2.5, 5, 6.5, 1.5])
    d.h1("Further information")
    d.p("More briefings in this series, and our national repository of case reviews, are available from the National Centre for Child Protection Learning. This briefing may be freely reproduced for training purposes provided the source is acknowledged.")
    return dict(d=d, toc_index=toc_index, style=style, title=doc["title"], findings=[], recs=[], rtype="Briefing")


FACTORS = [
    ("Neglect", 74, "neglect"), ("Domestic abuse", 68, "domestic_abuse"), ("Parental mental health problems", 61, "parental_mental_health"),
    ("Parental substance misuse", 48, "parental_substance_misuse"), ("All three of domestic abuse, mental health and substance misuse", 27, "toxic_trio"),
    ("Physical abuse", 41, "physical_abuse"), ("Unsafe sleep arrangements (SUDI)", 14, "sudi"), ("Head injury in infants (NAHI)", 11, "nahi"),
    ("Child criminal exploitation", 12, "cce"), ("Child sexual exploitation", 6, "cse"), ("Suicide or self-harm of the child", 9, "suicide_self_harm"),
    ("Child not in school / missing education", 15, "not_in_school"), ("Disabled child", 10, "disabled_children"),
]


def compose_national(doc, DocBuilder, long_date):
    board = BOARDS[doc["board"]]
    style = dict(board["style"])
    d = DocBuilder(style)
    d.add("title", [("TitleSpace", ""), ("TitleBoard", "Department for Children and Learning"), ("TitleMain", "Local safeguarding practice reviews 2019 to 2022"),
                    ("TitleSub", "A national analysis of serious child safeguarding cases"), ("TitleSpace", ""),
                    ("TitleSmall", "Research report"), ("TitleSmall", long_date(doc["published"], 0)),
                    ("TitleSmall", "Safeguarding Analysis Unit")])
    d.add("pagebreak")
    toc_index = len(d.blocks)
    d.add("toc", "Contents", [])
    d.h1("Executive summary", pagebreak=True)
    d.p("This report analyses 538 local child safeguarding practice reviews and rapid reviews relating to incidents notified between 1 January 2019 and 31 December 2022. It follows the earlier triennial analyses of serious case reviews and is the first to cover a full period under the arrangements introduced by Working Together to Safeguard Children 2018.[[fn:The analysis includes reviews notified during the period and published, or made available to the Department, by 31 March 2023. Some later reviews are therefore not included.]]")
    d.p("As in previous analyses, neglect was the most common form of maltreatment, present in around three quarters of the cases analysed. Domestic abuse was recorded in over two thirds of cases, and parental mental health problems in six in ten. The combination of domestic abuse, parental mental ill health and substance misuse (sometimes called the 'toxic trio') was present in over a quarter.")
    d.p("Babies under one accounted for over a third of all cases. Adolescents aged 14 to 17 were the second largest group, with extra-familial harm, including criminal exploitation and serious youth violence, prominent among older children. The COVID-19 pandemic affected the visibility of children in a significant minority of cases between 2020 and 2021.")
    d.add("boxed", "**Key messages.** (1) Neglect remains the most pervasive and least visible form of harm. (2) Babies are at greatest risk, and the men in their lives are still too often unseen. (3) Adolescents at risk outside the home need a protective, not punitive, response. (4) Information sharing and professional curiosity remain the most frequent practice themes.")
    d.h1("Introduction and method")
    d.p("The analysis used a coded dataset drawn from each review's findings and recommendations, with a purposive sample of 80 reviews read in full to develop case examples. Coding followed the framework used in the previous triennial analyses so that comparisons could be made over time, with additional codes for the pandemic and for extra-familial harm.")
    d.p("Percentages in this report relate to the 538 reviews unless stated otherwise. Factors were coded as present where the review recorded them as part of the child's circumstances; the absence of a factor from a review does not necessarily mean that it was not present.")
    d.h1("Characteristics of the children")
    d.p("Table 1 shows the age of the children at the time of the incident. Babies under one year were the largest single group, as in every previous analysis.")
    d.p("**Table 1: Age of children at the time of the incident**")
    d.add("table", ["Age group", "Number of reviews", "Percentage"], [["Under 1 year", "197", "37%"], ["1 to 5 years", "92", "17%"], ["6 to 10 years", "54", "10%"], ["11 to 15 years", "103", "19%"], ["16 to 17 years", "92", "17%"], ["Total", "538", "100%"]], [6, 5, 5])
    d.p("Table 2 shows the outcome for the child. Deaths accounted for just over half of cases.")
    d.p("**Table 2: Outcome for the child**")
    d.add("table", ["Outcome", "Number", "Percentage"], [["Death", "283", "53%"], ["Serious harm", "255", "47%"]], [6, 5, 5])
    d.p("Source: Department for Children and Learning coding of 538 reviews. Figures may not sum to 100 per cent because of rounding.")
    d.h1("How often each factor occurred", pagebreak=True)
    d.p("Table 3 shows how often the main family, child and harm factors were recorded in the reviews analysed. Most reviews recorded several factors; the figures therefore sum to more than 100 per cent.")
    d.p("**Table 3: How often each factor occurred**")
    d.add("table", ["Factor", "Reviews where present (%)", "Number (of 538)"], [[f, "%d%%" % p, str(round(538 * p / 100))] for f, p, _ in FACTORS], [8, 4, 4])
    d.p("Neglect was present in about three quarters of reviews, a proportion very similar to the 2014 to 2017 triennial analysis. It co-occurred with domestic abuse in 56 per cent of all reviews. Among babies under one, physical abuse and unsafe sleep were the most common immediate circumstances, while neglect and domestic abuse formed the backdrop in most cases.")
    d.h2("Co-occurrence of parental risk factors")
    d.p("**Table 3a: Co-occurrence of parental risk factors**")
    d.add("table", ["Combination", "Percentage of reviews"], [["Domestic abuse and neglect", "56%"], ["Domestic abuse and parental mental health", "44%"], ["Parental mental health and substance misuse", "33%"], ["All three (domestic abuse, mental health, substance misuse)", "27%"], ["None of the three", "14%"]], [11, 5])
    d.h1("Practice themes")
    d.p("Table 4 shows the practice themes most often identified in reviews' findings. Information sharing and professional curiosity remain the most frequently cited, as they were in earlier analyses.")
    d.p("**Table 4: Practice themes identified in findings**")
    d.add("table", ["Practice theme", "Percentage of reviews"], [["Information sharing", "71%"], ["Professional curiosity", "58%"], ["Voice and lived experience of the child", "52%"], ["Risk assessment and decision making", "49%"], ["Supervision and management oversight", "34%"], ["Escalation and professional challenge", "29%"], ["Fathers and male carers (unseen men)", "27%"], ["Impact of COVID-19", "18%"]], [11, 5])
    d.h1("Case examples")
    d.p("The following examples, drawn from published local reviews, illustrate the themes in this report.")
    ex = {
        "child-n-lcspr-2019": "A two-year-old died from head injuries inflicted by her mother's new partner, shortly after the family moved areas. The review found that history was lost at transfer and that the new partner was never assessed.",
        "child-p-lcspr-2020": "A baby died while co-sleeping on a sofa after a family gathering. Safer sleep advice had been given repeatedly but did not address out-of-routine nights or parental alcohol and cannabis use.",
        "children-c-and-e-lcspr-2021": "Two sisters were seriously harmed during the first national lockdown. They were seen only virtually for several months, and domestic abuse in the household was not visible to professionals.",
        "child-k-lcspr-2022": "A thirteen-year-old girl was held in domestic servitude in an unregistered private fostering arrangement. Interpreters were not used and she was always seen with her carer.",
        "child-r-lcspr-2023": "A sixteen-year-old boy was fatally stabbed after several years of criminal exploitation. He had been permanently excluded from school, and no NRM referral was made.",
    }
    for s in doc["cites"]:
        subj, t, n, y, _ = _cite(s)
        d.h2("%s (%s, %s)" % (subj, n, y))
        d.p(ex[s])
    d.h1("Conclusions and implications")
    d.p("The findings of this analysis are strikingly consistent with earlier analyses. The challenge for local safeguarding partners is not to identify new learning but to make established learning stick. The Department will work with the Child Safeguarding Practice Review Panel and with local partners to strengthen the use of review findings in practice, including through better access to the learning in published reports.")
    d.h1("Annex: list of tables")
    d.add("bullets", ["Table 1: Age of children at the time of the incident", "Table 2: Outcome for the child", "Table 3: How often each factor occurred", "Table 4: Practice themes identified in findings"])
    return dict(d=d, toc_index=toc_index, style=style, title=doc["title"], findings=[], recs=[], rtype="National analysis")
