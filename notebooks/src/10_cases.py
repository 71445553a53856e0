# %% [markdown]
# # 10 · Cases: from story to plan
#
# **Learning objectives** — by the end you can:
# 1. take a person with SCI from their story, examination and pain journal to a plan, step by
#    step, the way a clinical team does;
# 2. classify each of a person's pains with the ISCIP classification, using the dermatome rule
#    for at-level and below-level pain;
# 3. choose and read a screen (DN4, SCIPI, Wells, Braden, BMI) and say what it cannot tell you;
# 4. find the red flags first, and write a plan with the cautions that apply to **this**
#    person, a referral of the right urgency, and the biopsychosocial side.
#
# **Prerequisites:** notebooks 01 to 09 (causes, nerve pain, red flags, management, journals).
# **Time to learn:** about 45 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > The people here are made up. Red flags (a swollen, warm, red leg; a pounding headache with
# > an injury at T6 or above; an infected pressure injury) mean seeking medical care now.

# %%
import sci_pain as sp

sp.use_style()

# %% [markdown]
# ## 1. Six people, one way of working
#
# Each case is a made-up person with a spinal cord injury (SCI): an age, a neurological level
# and ASIA Impairment Scale (AIS) grade, the time since injury, a story in their own words, an
# examination, two or three pains (most people with SCI have more than one), and a pain
# journal. The journals are simulated, with known built-in effects, so you can check what you
# read in them.
#
# Work through one case in this order:
#
# 1. **Story and journal** - what the person says, what the examination finds, what the
#    journal shows;
# 2. **Classify each pain** (ISCIP type, then subtype);
# 3. **Screen** with the tool that fits;
# 4. **Red flags** - first in practice, whatever the order on paper;
# 5. **Plan**, with the cautions for this person;
# 6. **Referral** - to whom, and how soon;
# 7. **The biopsychosocial side** - mood, sleep, coping and self-management.
#
# Every step has a self-check and a model answer with its sources. Readers without a kernel see
# the model answers for the first case (Daniel) under "Model answer".

# %% tags=["nbval-check-output"]
sp.table(
    sp.list_cases()[["name", "age", "level", "ais_grade", "time_since_injury", "pains"]],
    labels={
        "name": "Name",
        "age": "Age (years)",
        "level": "Neurological level",
        "ais_grade": "AIS grade",
        "time_since_injury": "Time since injury",
        "pains": "Number of pains",
    },
)

# %% [markdown]
# ## 2. Choose a case: the story and the journal
#
# Pick a person. Read their words first, then the examination, then look at the journal: its
# timeline shows every rating, a 7-day rolling mean and any red-flag entries along the top. Open
# "What is built into this simulated journal" afterwards, and check what you saw.

# %%
explorer = sp.show_case_explorer()

# %% [markdown]
# The package's journal plots work on a case's journal like on any other. Aisha's journal,
# for example, has an evening effect and a sleep effect built in. The weekday by time-of-day
# heatmap shows the evening one:

# %%
aisha = sp.case_journal("aisha_l1_at_level")
ax = sp.plot_time_of_day_weekday(aisha.entries)
sp.show_figure(ax, alt=sp.journal_alt_text("time_of_day_weekday", aisha.entries))

# %% [markdown]
# and the built-in effects, which a test recovers from the journal with the same analysis
# functions you used in notebook 07:

# %% tags=["nbval-check-output"]
sp.table(
    sp.case_effects("aisha_l1_at_level")[["effect", "meaning", "value"]],
    labels={"effect": "Effect", "meaning": "What is built into the journal", "value": "Value"},
)

# %% [markdown]
# ## 3. Classify each pain (ISCIP)
#
# The International Spinal Cord Injury Pain (ISCIP) classification sorts **each pain** in
# tiers: the **type** (nociceptive, neuropathic, other, unknown), then the **subtype**:
#
# | Type | Subtypes |
# |---|---|
# | Nociceptive | musculoskeletal; visceral; other (e.g. autonomic dysreflexia headache, a surgical incision) |
# | Neuropathic | at-level SCI pain; below-level SCI pain; other (e.g. carpal tunnel syndrome, diabetic polyneuropathy) |
# | Other | e.g. fibromyalgia, complex regional pain syndrome type I |
# | Unknown | not yet classifiable |
#
# For neuropathic pain **caused by the spinal cord injury**, where it is felt decides the
# subtype: **at-level** pain lies in the dermatome of the neurological level or the three
# dermatomes below it; **below-level** pain lies more than three dermatomes below. The rule
# sorts neuropathic SCI pain only: a broken femur far below the level is still musculoskeletal,
# and a diabetic neuropathy in the feet is still "other neuropathic".
#
# Tom's level is T8, so his at-level zone is T8 to T11. His burning rib band (T9) falls inside
# it; his burning feet (S1) far below it:

# %%
tom_pains = {"rib band": "T9", "burning feet": "S1", "wound": "T8"}
ax = sp.plot_dermatome_zones("T8", pains=tom_pains)
sp.show_figure(ax, alt=sp.alt_text_dermatome_zones("T8", pains=tom_pains))

# %% [markdown]
# Now classify the pains of the case you chose above. Pick the **type** first, then the
# **subtype**; the feedback explains the rule for this pain, and the figure marks where it is
# felt. Switch between the person's pains with the buttons.

# %%
iscip = sp.show_iscip_exercise(explorer)

# %% [markdown]
# ## 4. Screen
#
# A screen says "this looks neuropathic" or "this person is at risk"; it does not classify the
# pain or make a diagnosis. Besides DN4 (notebook 02), the **SCIPI** (Spinal Cord Injury Pain
# Instrument) was developed for SCI: four yes/no questions that a non-clinician can ask, with
# **2 or more of 4** a positive screen (sensitivity 78%, specificity 73% in a preliminary
# validation). Try it for one of the pains of your case:

# %%
sp.make_scipi_widget()

# %% [markdown]
# The **NPSI** (Neuropathic Pain Symptom Inventory) does something else: it describes a
# neuropathic pain's profile in five dimensions, each rated 0-10, so that change can be followed
# (for example during a medicine trial). Its wording is not reproduced here; what each dimension
# captures:

# %% tags=["nbval-check-output"]
import pandas as pd

npsi = sp.score_definition("npsi_dimensions")
pd.DataFrame(npsi["dimensions"])[["label", "meaning"]]

# %% [markdown]
# For your case, predict each screen's result before you see it:

# %%
screen = sp.show_case_step(explorer, "screen")

# %% [markdown]
# ## 5. Red flags first
#
# In practice this step comes first: a headache with a blood-pressure surge, a swollen leg or a
# knee that swells after a fall cannot wait for the rest of the assessment. Notebook 04 has the
# signs. Tick every red flag present **now** (there may be none):

# %%
flags = sp.show_case_step(explorer, "red_flags")

# %% [markdown]
# ## 6. A plan with this person's cautions
#
# The plan follows the causes and the person. For neuropathic pain after SCI, CanPainSCI's
# first line is pregabalin or gabapentin (amitriptyline an alternative), and its approach is
# **trial, re-evaluate, then change**: try one option, review benefit and side effects with the
# person against their goals, then continue, change or add. SCI brings its own cautions:
# medicines that **constipate or retain urine** can trigger autonomic dysreflexia through a full
# bowel or bladder in people with injuries at T6 or above, and **sedation** adds to the risk of
# falls during transfers and walking. Pick the options for your case:

# %%
plan = sp.show_case_step(explorer, "plan")

# %% [markdown]
# ## 7. Referral
#
# Emergency (now), urgent (the same day) or routine (planned)? And to whom?

# %%
referral = sp.show_case_step(explorer, "referral")

# %% [markdown]
# ## 8. The biopsychosocial side
#
# Pain after SCI lives in a person: poor sleep, low mood, worry and catastrophising make pain
# worse and interfere more, and pain in turn disturbs sleep and mood. Several case journals show
# a sleep-pain link. CanPainSCI recommends CBT and self-management alongside any medicine.
# Think about what you would ask and offer, then open the model answer:
#
# Aisha's journal rates interference with daily activities, mood and sleep **separately**
# (0-10 each), as the International SCI Pain Basic Data Set does. Each morning she rates how
# much pain interfered with her sleep; after a short night the rating is higher:

# %%
sleep_link = sp.association_data(
    aisha, variable="sleep_hours", column="interference_sleep", n_boot=500
)
ax = sp.plot_association(data=sleep_link)
sp.show_figure(ax, alt=sp.association_alt_text(sleep_link))

# %% [markdown]
# Now for the case you chose:

# %%
bps = sp.show_case_step(explorer, "biopsychosocial")

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("10_cases"))

# %% [markdown]
# ## Summary
# - Take every case through the same steps: story and journal, classify each pain, screen, red
#   flags (first in practice), plan with this person's cautions, referral, biopsychosocial side.
# - ISCIP: type, then subtype. Neuropathic SCI pain is at-level from the level to three
#   dermatomes below, below-level beyond; the rule does not apply to other pains.
# - A screen (DN4, SCIPI, Wells, Braden, BMI) supports a judgement; it never replaces
#   examination or the action a red flag demands.
# - Plans are trials: try, re-evaluate, then change, with cautions for bladder, bowel,
#   dysreflexia, skin without sensation and falls.
#
# ## What next
# Go back to any case with a different person, or to **04 · Red flags** to revise the signs that
# no score replaces. Lecturers: the cases are data in `data/cases/`; `sp.find_case_problems()`
# checks a new one.
#
# ## References
# - Bryce TN, et al. International Spinal Cord Injury Pain Classification: part I. Background
#   and description. *Spinal Cord*. 2012;50:413-417. PMID 22182852.
# - Bryce TN, et al. International Spinal Cord Injury Pain (ISCIP) Classification: part 2.
#   Initial validation using vignettes. *Spinal Cord*. 2012;50:404-412. doi:10.1038/sc.2012.2.
# - Bryce TN, Richards JS, Bombardier CH, et al. Screening for neuropathic pain after spinal
#   cord injury with the Spinal Cord Injury Pain Instrument (SCIPI): a preliminary validation
#   study. *Spinal Cord*. 2014;52:407-412. doi:10.1038/sc.2014.21.
# - Bouhassira D, Attal N, Fermanian J, et al. Development and validation of the Neuropathic
#   Pain Symptom Inventory. *Pain*. 2004;108:248-257. doi:10.1016/j.pain.2003.12.024.
# - Widerström-Noga E, Biering-Sørensen F, Bryce TN, et al. The International Spinal Cord
#   Injury Pain Basic Data Set (version 2.0). *Spinal Cord*. 2014;52:282-286.
#   doi:10.1038/sc.2014.4.
# - Loh E, et al. The CanPain SCI clinical practice guidelines for rehabilitation management of
#   neuropathic pain after spinal cord injury: 2021 update. *Spinal Cord*. 2022;60:548-566.
#   doi:10.1038/s41393-021-00744-z.
# - Kirshblum SC, Burns SP, Biering-Sorensen F, et al. International standards for neurological
#   classification of spinal cord injury (revised 2011). *J Spinal Cord Med*. 2011;34:535-546.
#   doi:10.1179/204577211X13207446293695.
# - Every model answer lists its own sources (`sp.load_references()` has them all).
