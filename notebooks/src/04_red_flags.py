# %% [markdown]
# # 04 · Red flags
#
# Some problems below the level of a spinal cord injury (SCI) need medical care **now**, and
# many of them **do not hurt**: where sensation is lost, a clot, a fracture or a deep pressure
# injury may show up only as swelling, warmth, a fever, more spasms or, after injuries at T6
# or above, a pounding headache. Leg pain does not mean a leg problem, and a painless leg does
# not mean a healthy one. This notebook teaches the red flags and the scores clinicians use
# around them, with their limits.
#
# **Learning objectives** — by the end you can:
# 1. recognise the red flags of deep vein thrombosis (DVT), [autonomic dysreflexia](glossary.md#autonomic-dysreflexia) (AD),
#    deep or infected pressure injuries, fractures and [heterotopic ossification](glossary.md#heterotopic-ossification) (HO), and
#    say what to do now;
# 2. stage a pressure injury (NPIAP 2016), name its main sites and the repositioning routine;
# 3. score pressure-injury risk with the [Braden](glossary.md#braden-scale) Scale and explain why its cut-offs differ
#    between sources;
# 4. score the [Wells](glossary.md#wells-score) DVT rule, explain why the paralysis item always scores after SCI, and
#    why a suspected clot is an emergency whatever the score;
# 5. spot a pressure injury and a clot in a pain journal.
#
# **Prerequisites:** notebooks 01-03. **Time to learn:** about 35 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now. If you recognise one in yourself
# > or someone else while reading, stop and seek care: call emergency services for sudden
# > breathlessness, chest pain, or a pounding headache with a blood pressure surge.

# %%
import sci_pain as sp

sp.use_style()

# %% [markdown]
# ## 1. The red flags at a glance
#
# The knowledge base holds five red flags, emergencies first. Read the signs and what to do;
# the sections below explain each one.

# %%
flags = sp.load_red_flags()
at_a_glance = flags[["label", "urgency", "who", "signs", "what_to_do"]]
sp.table(at_a_glance.assign(signs=flags["signs"].map("; ".join)))

# %% [markdown]
# Each of these can appear at a different time after injury. DVT risk is highest in the first
# weeks, heterotopic ossification in the first months, autonomic dysreflexia from the first
# months on, and [fragility fractures](glossary.md#fragility-fracture) years later; pressure injuries can happen at any time:

# %%
red_flag_causes = sp.load_causes().loc[
    [
        "dvt",
        "heterotopic_ossification",
        "autonomic_dysreflexia",
        "pressure_injury",
        "fragility_fracture",
    ]
]
ax = sp.plot_cause_timeline(red_flag_causes)
figure = sp.show_figure(ax, alt=sp.alt_text_cause_timeline(red_flag_causes))

# %% [markdown]
# ## 2. Pressure injuries
#
# Sitting or lying without moving squeezes skin and muscle between a bony point and the seat or
# mattress until the tissue runs short of blood. Without sensation, the urge to shift position
# is missing. Two points that leaflets often get wrong:
#
# - **Where.** The main sites are the **sacrum and coccyx**, the **ischia** (sitting bones),
#   the **trochanters** (the bony points on the side of the hips) and the **heels** — not the
#   ankles and knees (Consortium for Spinal Cord Medicine 2014).
# - **How deep.** Damage can start **deep**, where muscle lies on bone, under skin that still
#   looks intact. By the time the skin breaks, the injury beneath may be large.
#
# In the first year after leaving rehabilitation, 36% of people had a pressure sore (Haisma
# 2007). The sites on the schematic:

# %%
ax = sp.plot_leg_sites("pressure_injury")
figure = sp.show_figure(ax, alt=sp.alt_text_leg_sites("pressure_injury"))

# %% [markdown]
# ### Staging (NPIAP 2016)
#
# | Stage | What you see (Edsberg 2016) |
# |---|---|
# | Stage 1 | Intact skin with **non-blanchable redness**: the redness does not fade when pressed |
# | Stage 2 | Partial-thickness skin loss with exposed dermis, or a serum-filled blister |
# | Stage 3 | Full-thickness skin loss; fat is visible, but no fascia, muscle, tendon or bone |
# | Stage 4 | Full-thickness loss with exposed or palpable fascia, muscle, tendon or bone |
# | Unstageable | The base is hidden by slough or eschar, so the depth cannot be seen |
# | [Deep tissue](glossary.md#deep-tissue-pressure-injury) pressure injury | Persistent **maroon or purple** discoloration, or a blood-filled blister, over intact or broken skin: damage at the bone-muscle interface |
#
# The stages describe what is seen; a wound does **not** necessarily pass through them in
# order. A deep tissue injury can evolve quickly and reveal a deeper wound.
#
# ### Prevention: a routine, not a response to pain
#
# The SCI guideline (Consortium for Spinal Cord Medicine 2014) recommends:
#
# - **in a wheelchair**, off-loading the seat for **at least 1-2 minutes every 30 minutes**
#   (leaning forward or sideways, or tilting). The old advice of a 15-30 second push-up every
#   15-30 minutes is too short: tissue needed almost 2 minutes to recover its oxygen;
# - **in bed**, repositioning **at least every 2 hours**, with the head of the bed at 30° or
#   lower, and no ring ("donut") cushions;
# - checking the skin over the sacrum, ischia, trochanters and heels every day (a mirror helps),
#   and keeping it clean and dry.
#
# "Shift every few hours" is not enough in a chair, and waiting for discomfort does not work
# where there is no sensation.

# %% [markdown]
# ### Braden Scale: a risk score with configurable cut-offs
#
# The Braden Scale (Bergstrom 1987) adds six subscales: sensory perception, moisture, activity,
# mobility and nutrition (1-4 each) and friction and shear (1-3). Totals run from 6 to 23, and
# **lower totals mean higher risk**. The Braden form's own bands are severe risk (9 or less),
# high (10-12), moderate (13-14) and mild (15-18). There is **no "no risk" band** on the form,
# and after SCI never say so: 19-23 is only "above the form's risk bands". Other sources use a
# single cut-off such as "at risk at 16 or less" or "below 18". The same person can be "at
# risk" by one rule and "not at risk" by another:

# %% tags=["nbval-check-output"]
person = {
    "sensory_perception": 2,
    "moisture": 4,
    "activity": 2,
    "mobility": 3,
    "nutrition": 3,
    "friction_shear": 3,
}
sp.show_text(
    sp.braden(**person).summary,
    sp.braden(**person, cutoffs=16).summary,
    sp.braden(**person, cutoffs=17).summary,
)

# %% [markdown]
# The Braden Scale was not built for SCI: after SCI, sensory perception, activity and mobility
# score low for most people (a wheelchair user scores 2, "chairfast", for activity; a person
# who walks occasionally scores 3), and an SCI-specific scale (SCIPUS) exists. **A risk score never replaces looking at the
# skin.** Below are two copies of the same calculator: the first uses the five bands, the
# second the single cut-off "at risk at 16 or less". Set the same answers in both and compare.

# %%
sp.make_braden_widget()

# %%
sp.make_braden_widget(cutoffs=16)

# %% [markdown]
# ### A pressure injury in a pain journal
#
# The example journal `pressure_injury`:

# %% tags=["nbval-check-output"]
journals = sp.list_example_journals().set_index("name")
sp.show_text(journals.loc["pressure_injury", "description"])

# %% [markdown]
# The bars show the longest time without a change of position each day; the shading shows the
# worst skin finding at the pressure point.

# %%
journal = sp.load_example_journal("pressure_injury")
skin = {"measure": "immobile_hours", "shade": "skin", "marks": "pressure_relief"}
ax = sp.plot_pain_and(journal, **skin)
figure = sp.show_figure(ax, alt=sp.alt_text_pain_and(journal, **skin))

# %% [markdown]
# Read it from left to right: days in bed with long spells without turning (tall bars), then
# redness that does not fade (stage 1) four days later, then a blister (stage 2). Pain rose only
# modestly, and only because this person has some sensation over the hip; below a complete
# injury it might not have risen at all. After regular pressure relief the skin heals. The
# spasms tell the same story as in notebook 02: they rise while the skin is damaged.

# %%
spasms = {"measure": "spasms", "shade": "skin"}
ax = sp.plot_pain_and(journal, **spasms)
figure = sp.show_figure(ax, alt=sp.alt_text_pain_and(journal, **spasms))

# %% [markdown]
# A deep or infected pressure injury (spreading redness, warmth, pus, a bad smell, fever, a
# wound through the full thickness of the skin) needs medical care the same day; keep all
# pressure off the area.

# %% [markdown]
# ## 3. Deep vein thrombosis (DVT)
#
# Paralysed legs pump little blood back to the heart. Pooling blood (stasis), the injury itself
# and the body's clotting response complete Virchow's triad, and a clot can form in a deep leg
# vein; a piece can break off and block the lungs (pulmonary embolism). What to know:
#
# - **Often silent.** Below the level of injury a clot may cause no pain. Swelling of one leg,
#   warmth, redness or an **unexplained low-grade fever** may be the only signs, and many clots
#   cause none (SCIRE). Check the legs by looking and feeling, not by asking about pain.
# - **Early.** Risk is highest in the first 3 months, with most clots in the first 2 weeks:
#   from about 72 hours after injury, peaking at days 7-10 (SCIRE). Incidence ranged from 1.6%
#   to 45%, depending on prevention.
# - **Risk factors** in a meta-analysis (odds ratios): diabetes 4.2, complete paralysis 3.7, a
#   leg or pelvic fracture 3.5, smoking 2.7, no compression 2.4.
# - **Prevention is routine, and it is the clinical team's job**: an anticoagulant
#   (low-molecular-weight heparin) together with intermittent pneumatic compression of the legs
#   (Can-SCIP, adapted from the Consortium for Spinal Cord Medicine). These notebooks name no
#   doses.
# - **A suspected DVT is an emergency.** Seek medical care now; call emergency services at once
#   for sudden breathlessness or chest pain.
#
# ### The Wells score, and why it starts at 1 after SCI
#
# The Wells rule (Wells 2003) adds a point for each of nine findings and subtracts two if
# another diagnosis is at least as likely; 2 or more means DVT "likely", 1 or less "unlikely".
# One item is "paralysis, paresis or recent plaster immobilisation of the legs": after SCI
# **it scores for everyone**, so every total starts one point nearer "likely". The rule was
# developed in people presenting with a suspected DVT; its validity after SCI is not
# established.

# %% tags=["nbval-check-output"]
sp.show_text(
    sp.wells_dvt(paralysis_paresis_or_cast=True).summary,
    sp.wells_dvt(paralysis_paresis_or_cast=True, calf_swelling_3cm=True).summary,
    sp.wells_dvt(calf_swelling_3cm=True).summary,
)

# %% [markdown]
# The second and third lines describe the same swollen calf, with and without the paralysis
# item. But look at the first line too: "unlikely" is a pre-test category, not a verdict. A
# person with SCI whose leg is newly swollen, warm or red needs medical care now, whatever the
# total. Tick the findings below and watch the total and the warnings (the paralysis item
# starts ticked):

# %%
sp.make_wells_widget()

# %% [markdown]
# ### A clot in a pain journal
#
# The example journal `dvt`:

# %% tags=["nbval-check-output"]
sp.show_text(journals.loc["dvt", "description"])

# %%
journal = sp.load_example_journal("dvt")
clot = {"measure": None, "shade": "swelling", "marks": "medication"}
ax = sp.plot_pain_and(journal, **clot)
figure = sp.show_figure(ax, alt=sp.alt_text_pain_and(journal, **clot))

# %% [markdown]
# The shaded days are the days the left leg was recorded as swollen. This person still has
# some sensation in the calf, so pain rose by about 3 points. Without sensation the pain line
# would stay flat, and **the swelling alone** would be the warning. The notes show the person
# calling the clinic on the second day ("Left leg still swollen and warm, slight temperature.
# Called the clinic."); with a suspected clot, the first day is the day to seek care.

# %% [markdown]
# ## 4. Autonomic dysreflexia (AD)
#
# **Who:** people with an injury at **T6 or above**. During bladder testing (urodynamics) it
# was seen in 91% of people with complete tetraplegia and 27% with incomplete tetraplegia
# (Curt 1997); first episodes mostly came 1-6 months after injury (Helkowski 2003), and it can
# also occur in the first weeks.
#
# **What:** an irritating or painful stimulus **below** the level (a full bladder or blocked
# catheter, most often; bowel; a pressure injury; an ingrown toenail; tight clothing or straps;
# a fracture) sets off a reflex narrowing of blood vessels that the brain cannot damp. Systolic
# blood pressure rises suddenly by **more than 20-30 mmHg** over the person's usual value.
# Resting blood pressure after such injuries is often low, so a reading that looks normal can
# already be dangerous (SCIRE).
#
# **Signs**, above the level: a **pounding headache**, flushing and sweating, a stuffy nose,
# blurred vision, a slow pulse. It can also be silent. Untreated, the surge can cause a brain
# haemorrhage, seizures or death. So for these injuries **a leg problem can show up as a
# headache and a blood pressure surge**, not as leg pain. ISCIP classes the headache as "other
# nociceptive pain" (Bryce 2012, part 2).
#
# **What to do now** (educational wording from the knowledge base, following the Consortium
# for Spinal Cord Medicine guideline):

# %% tags=["nbval-check-output"]
sp.show_text(*flags.loc["autonomic_dysreflexia", "what_to_do"], bullets=True)

# %% [markdown]
# If a blood pressure monitor is at hand, the guideline has blood pressure checked every 2-5
# minutes while the cause is looked for. Medicines are the clinical team's decision; these
# notebooks name no doses.

# %% [markdown]
# ## 5. Fractures and heterotopic ossification
#
# ### Fragility fractures below the level
#
# Without loading and muscle pull, bone below the injury thins quickly in the first years
# (sublesional osteoporosis). Then a transfer, a minor fall, a range-of-motion exercise or a
# strong spasm can break it; most such fractures follow trivial injury or none (Ragnarsson & Sell 1981). In a community cohort a mean 18.5 years
# after injury, 7.4% reported a fracture in the past year. The **knee region** (lower femur,
# upper tibia) is most at risk; fractures just above the knee and of the femoral shaft are the
# most common (Ragnarsson & Sell 1981).
#
# The presentation is **atypical**. It can show as **swelling** of the thigh or knee after a
# transfer or a fall, **more spasms**, or autonomic dysreflexia. Where sensation is lost it may
# hurt little; where sensation remains it can hurt and still be missed: in one woman with
# incomplete tetraplegia, knee swelling and pain after a fall were taken for a sprain, and the
# distal femur fracture was found on X-ray three months later (Dockry). A fracture is itself a
# risk for a **clot**, so swelling after a transfer or fall raises the DVT red flag as well.
# What to do: keep the leg still and supported, and seek care the same day for an examination
# and X-ray. Afterwards, the team prevents clots, pressure injuries and AD (J Pers Med 2023).
#
# ### Heterotopic ossification (HO)
#
# Bone forms in the soft tissue around a joint below the level, most often the **hip** (70-97%),
# usually **1-4 months** after injury (Speed). Sources differ on the knee: Speed names the
# medial knee next after the hip, while the SCIRE chapter says HO rarely affects the peripheral
# joints. Reported incidence varies
# widely with how hard it is looked for (10-53% in one review; van Kuijk 2002). Its early
# inflammatory phase (swelling, warmth, redness, low-grade fever, a joint getting harder to
# move) looks like a DVT or cellulitis, so **a clot has to be ruled out first** (Shehab 2002).
# A bone scan shows HO weeks before an X-ray does, and found early its progression can be
# slowed (SCIRE).

# %% [markdown]
# ## 6. Three more red flags
#
# - **Urinary tract infection or urosepsis.** The bladder is the commonest trigger of autonomic
#   dysreflexia and of a rise in spasms. Classic bladder symptoms are often missing after SCI:
#   look for cloudy, dark or bad-smelling urine, fever, chills, more spasms or AD. An infection
#   can spread to the blood (urosepsis). Same day; now with high fever, confusion or AD that
#   does not settle (SCIRE Community).
# - **New or rising loss of strength or sensation, or a new late pain.** A fluid-filled cyst in
#   the cord (post-traumatic syringomyelia) or scar tissue tethering it can cause delayed,
#   progressive loss of function, from about two months to decades after injury. It must not
#   be put down to "old pain": the SCI team the same day, and an MRI (SCIRE).
# - **Intrathecal baclofen withdrawal.** In a person with a baclofen pump, itching without a
#   rash, fever and spasms rebounding after an alarm or a missed refill can progress within a
#   day or two to high fever, confusion and rigidity. It is an emergency (Coffey 2002).
#
# ## 7. The referral ladder: how soon, and who
#
# Every red flag and every cause in the package points to one step of a **referral ladder**.
# The words of a step are the same everywhere: in the reasoning aid, on the cause cards, in
# the journal scan, on the dashboard and in the clinic report.

# %% tags=["nbval-check-output"]
ladder = sp.load_referral_ladder()
sp.table(ladder[["label", "when", "who_labels"]], labels={"who_labels": "Who to see"})

# %% [markdown]
# A red flag is **emergency** (now) or **same day**. A cause suspected without a red flag sits
# lower: for example a new neuropathic pain goes to the SCI team or the pain service within
# days, long-standing overuse pain to physiotherapy and the seating clinic at the next review.
#
# The reasoning aid uses the ladder's words. "More spasms than usual" alone raises the
# same-day urine-infection check; with an injury at T6 or above it also raises the check for
# autonomic dysreflexia, an emergency:

# %% tags=["nbval-check-output"]
result = sp.explain_causes(["with_more_spasms", "injury_at_or_above_T6"])
sp.show_text(
    *(
        f"{ladder.loc[row['urgency'], 'label']}: {row['label']}"
        for _, row in result.red_flags.iterrows()
    )
)

# %% [markdown]
# The journal scan needs the injury level (or an explicit `"unknown"`, which it states), and
# it groups flagged entries into **episodes**: consecutive days of one red flag are one
# episode, however many entries they hold.

# %% tags=["nbval-check-output"]
flags = sp.scan_red_flags(sp.load_example_journal("dvt"), injury_level="unknown")
episodes = sp.red_flag_episodes(flags)
sp.show_text(
    f"{len(flags)} flagged entries in {len(episodes)} episodes", "; ".join(flags.attrs["notes"])
)
episode_table = episodes.rename(columns={"severity": "urgency"})
sp.table(
    episode_table[["title", "urgency", "start", "end", "days", "entries"]],
    labels={"title": "What the journal shows"},
)

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("04_red_flags"))

# %% [markdown]
# ## Summary
# - Below the level of injury, serious problems may not hurt. Look for **swelling, warmth,
#   redness, fever, more spasms** and, with injuries at T6 or above, **a pounding headache**.
# - **Pressure injuries** form mainly over the sacrum, ischia, trochanters and heels, and can
#   start deep under intact skin. Stage them with NPIAP 2016 (stages 1-4, unstageable, deep
#   tissue injury). Off-load at least 1-2 minutes every 30 minutes in a chair and reposition at
#   least every 2 hours in bed. The Braden Scale's cut-offs differ between sources, and no score
#   replaces looking at the skin.
# - **DVT** is often silent, risk peaks in the first weeks, prevention is routine, and a
#   suspected clot is an emergency. In the Wells rule the paralysis item always scores after
#   SCI; "unlikely" never rules a clot out.
# - **Autonomic dysreflexia** (T6 or above): a stimulus below the level causes a blood pressure
#   surge with a pounding headache. Sit up, loosen clothing, look for the trigger (bladder
#   first) and seek urgent care.
# - **Fractures** below the level present atypically (swelling, more spasms) and are a clot
#   risk themselves; **HO** mimics a DVT, which must be ruled out first.
# - **Urine infection**, **new neurological loss or late pain**, and **baclofen pump
#   withdrawal** are red flags too.
# - The **referral ladder** (emergency now, same day, soon, routine) says how soon and who;
#   the journal scan needs the injury level or says it was not assessed.
#
# ## What next
# Notebook **05 · Management**: matching treatments to causes, and why heat and TENS need care
# where sensation is impaired.
#
# ## References
# - Edsberg LE, et al. Revised National Pressure Ulcer Advisory Panel pressure injury staging
#   system. *J Wound Ostomy Continence Nurs*. 2016;43:585-597.
# - Consortium for Spinal Cord Medicine. Pressure ulcer prevention and treatment following
#   spinal cord injury: a clinical practice guideline for health-care professionals (2nd
#   edition). Paralyzed Veterans of America; 2014.
#   https://nxtbook.com/nxtbooks/pva/pressureulcer/index.php?startid=xiv
# - Haisma JA, et al. Complications following spinal cord injury: occurrence and risk factors in
#   a longitudinal study during and after inpatient rehabilitation. *J Rehabil Med*. 2007.
# - Bergstrom N, Braden BJ, Laguzza A, Holman V. The Braden Scale for predicting pressure sore
#   risk. *Nurs Res*. 1987;36(4):205-210. doi:10.1097/00006199-198707000-00002
# - Braden B, Bergstrom N. Braden Scale for Predicting Pressure Sore Risk (scoring form). 1988.
#   http://pda.rnao.ca/content/braden-scale-predicting-pressure-sore-risk-0
# - SCIRE Project. Venous thromboembolism (rehabilitation phase): incidence.
#   https://scireproject.com/evidence/venous-thromboembolism-rehab-phase/incidence/
# - SCIRE Project. Venous thromboembolism: clinical presentation.
# - Risk factors for venous thromboembolism in patients with spinal cord injury: a systematic
#   review and meta-analysis. PMC9987783
# - KITE, Toronto Rehabilitation Institute (Can-SCIP guideline, adapted from the Consortium for
#   Spinal Cord Medicine 2016). Anticoagulant methods of thromboprophylaxis during the
#   rehabilitation phase.
#   https://kite-uhn.com/can-scip/en/recommendations/anticoagulant-methods-of-thromboprophylaxis-during-the-rehabilitation-phase
# - Wells PS, et al. Evaluation of D-dimer in the diagnosis of suspected deep-vein thrombosis.
#   *N Engl J Med*. 2003;349:1227-1235. doi:10.1056/NEJMoa023153
# - SCIRE Project. Autonomic dysreflexia: introduction.
#   http://scireproject.com/evidence/rehabilitation-evidence/autonomic-dysreflexia-re/introduction-ad/
# - Consortium for Spinal Cord Medicine. Evaluation and management of autonomic dysreflexia and
#   other autonomic dysfunctions: preventing the highs and lows. *Top Spinal Cord Inj Rehabil*.
#   2021. PMC8152175
# - Curt A, Nitsche B, Rodic B, Schurch B, Dietz V. Assessment of autonomic dysreflexia in
#   patients with spinal cord injury. *J Neurol Neurosurg Psychiatry*. 1997;62:473-477.
#   doi:10.1136/jnnp.62.5.473
# - SCIRE Community Team. Urinary tract infections. 2018.
#   https://community.scireproject.com/topic/urinary-tract-infections
# - Alibrahim F, Cao P, McIntyre A, Sequeira K, Teasell R. Syringomyelia following spinal cord
#   injury: clinical presentation and natural history. SCIRE Project; 2022.
#   https://scireproject.com/evidence/syringomyelia/introduction/clinical-presentation-and-natural-history/
# - Coffey RJ, et al. Abrupt withdrawal from intrathecal baclofen: recognition and management
#   of a potentially life-threatening syndrome. *Arch Phys Med Rehabil*. 2002;83:735-741.
#   doi:10.1053/apmr.2002.32820
# - Helkowski WM, et al. Autonomic dysreflexia: incidence in persons with neurologically
#   complete and incomplete tetraplegia. *J Spinal Cord Med*. 2003;26:244-247.
#   doi:10.1080/10790268.2003.11753691
# - Bryce TN, et al. International Spinal Cord Injury Pain (ISCIP) Classification: part 2.
#   Initial validation using vignettes. *Spinal Cord*. 2012;50:404-412. doi:10.1038/sc.2012.2
# - Self-report of one-year fracture incidence and osteoporosis prevalence in a community cohort
#   of Canadians with spinal cord injury. *Top Spinal Cord Inj Rehabil*. 2014;20:302.
#   doi:10.1310/sci2003-302
# - The pathophysiology, identification and management of fracture risk, sublesional
#   osteoporosis and fracture among adults with spinal cord injury. *J Pers Med*. 2023;13:966.
#   PMC10300795
# - Ragnarsson KT, Sell GH. Lower extremity fractures after spinal cord injury: a retrospective
#   study. *Arch Phys Med Rehabil*. 1981;62:418-423.
# - Dockry AE. Knee swelling in a patient with incomplete tetraplegia: the importance of
#   heightened awareness: a case report. PM&R abstracts (AAPM&R annual assembly).
#   https://pmrjabstracts.org/abstract/knee-swelling-in-a-patient-with-incomplete-tetraplegia-the-importance-of-heightened-awareness-a-case-report
# - Alibrahim F, et al. Heterotopic ossification following spinal cord injury (evidence
#   chapter). SCIRE Project; 2016. https://scireproject.com/evidence/heterotopic-ossification/introduction/
# - van Kuijk AA, Geurts AC, van Kuppevelt HJ. Neurogenic heterotopic ossification in spinal
#   cord injury. *Spinal Cord*. 2002;40:313-326.
# - Speed J. Heterotopic ossification. Medscape Reference (article 327648).
# - Shehab D, Elgazzar AH, Collier BD. Heterotopic ossification. *J Nucl Med*. 2002;43:346-353.
