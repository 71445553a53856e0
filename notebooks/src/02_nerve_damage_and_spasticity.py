# %% [markdown]
# # 02 · Nerve damage and spasticity
#
# Damage to the spinal cord causes two very different problems in the legs. **Neuropathic
# pain** is a pain problem: the injured nervous system itself generates pain. **[Spasticity](glossary.md#spasticity)**
# is a movement problem: reflexes below the injury are no longer damped, so muscles stiffen
# and jerk. This notebook teaches you to tell them apart, to grade them with the scales
# clinicians use, and to read both in a pain journal.
#
# **Learning objectives** — by the end you can:
# 1. tell at-level from [below-level](glossary.md#below-level-neuropathic-pain) neuropathic pain by its descriptors and where it is felt
#    (ISCIP classification), and explain why several pains are classified and rated one by one;
# 2. screen for a neuropathic component with the [DN4](glossary.md#dn4) questionnaire, and say what it cannot do;
# 3. explain why spasticity is a motor problem that can be useful, and why a **new increase**
#    in [spasms](glossary.md#spasm) is a warning sign;
# 4. grade spasticity with the [Modified Ashworth](glossary.md#modified-ashworth-scale) Scale (ordered grades: 1+ is not 1.5) and the
#    [Penn](glossary.md#penn-spasm-frequency-scale) Spasm Frequency Scale;
# 5. read a pain journal in which pain follows the number of spasms.
#
# **Prerequisites:** notebook 01 (the causes and the ISCIP map). **Time to learn:** about 30
# minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now. A sudden rise in spasms can be the
# > only sign of a problem below the level, such as a bladder infection, a pressure injury or a
# > fracture: tell a clinician.

# %%
import pandas as pd

import sci_pain as sp

sp.use_style()

# %% [markdown]
# ## 1. Neuropathic pain: what it feels like
#
# Neuropathic pain comes from damage to the nervous system, not from damaged tissue in the
# leg. People describe it with a recognisable set of words (Bryce 2012; Siddall 2003):
#
# - **burning**, **tingling**, **pins and needles**;
# - **electric shocks** or **shooting** pain;
# - **painful cold**;
# - pain from a light touch that should not hurt (**[allodynia](glossary.md#allodynia)**) or more pain than expected
#   from a painful touch (**[hyperalgesia](glossary.md#hyperalgesia)**);
# - pain in an area that is **numb**: "it is numb, and it hurts".
#
# Because evoked pain (allodynia, hyperalgesia) is common, clinicians examine sensation as well
# as asking questions. The ISCIP classification sorts neuropathic pain after spinal cord injury
# (SCI) by **where** it is felt relative to the neurological level of injury. Here are the two
# records from the knowledge base side by side:

# %%
causes = sp.load_causes()
neuropathic = causes.loc[
    ["neuropathic_at_level", "neuropathic_below_level"],
    ["summary", "descriptors", "site_note", "timing"],
]
sp.table(neuropathic)

# %% [markdown]
# ## 2. At the level or below the level?
#
# | | **At-level SCI pain** | **Below-level SCI pain** |
# |---|---|---|
# | Where | a band in the skin supplied by the injured segments and nerve roots, often at the border between normal and reduced sensation | diffusely in body parts **below** the level, often both legs, feet and buttocks |
# | Source (ISCIP examples) | spinal cord compression, nerve root or cauda equina compression | spinal cord ischaemia or compression: the injured cord itself |
# | In the legs? | after a **lumbar or sacral** injury (e.g. cauda equina), and in the groin and upper thigh after a **T10-T12** injury (the at-level zone runs from the level to about three dermatomes below); after a neck or higher chest injury it is felt around the neck, arms or trunk | yes, after an injury at any level above the legs |
# | When it starts | often in the **first days** after injury (neuropathic pain began a mean of 8 days after injury in an acute-care cohort, most within 2 weeks) | often later, and it tended to increase over the first year |
# | 5 years after injury (Siddall 2003) | 41% | 34% |
# | Pooled prevalence (Burke 2017) | 19% | 27% |
#
# Two consequences for leg pain:
#
# - After a thoracic or cervical injury, burning or tingling pain **in the legs** is
#   **usually** below-level pain. Below a complete injury, signals from the legs no longer reach
#   the brain, so the leg that hurts usually has nothing wrong in it. That is exactly why
#   painless problems in the leg (a clot, a fracture, a pressure injury) must be looked for with
#   the eyes and hands, not by asking about pain (notebook 04). Two exceptions: after a
#   **T10-T12** injury the at-level zone can reach the groin and thigh, and ISCIP also has
#   **other neuropathic pain**, from a nerve problem that is not the cord injury (for example a
#   diabetic polyneuropathy or a radiculopathy from a lumbar disc), which can be felt in the
#   legs too.
# - **Neuropathic pain is not only below the level.** At-level pain is about as common (see the
#   table), and one person often has several pains at once: at-level pain around the trunk,
#   below-level pain in the feet and musculoskeletal pain in the shoulders. Each pain is
#   classified and rated on its own (intensity 0-10, and how much it interferes with activity,
#   mood and sleep), because they respond to different treatments.
#
# The map from notebook 01 shows where the two neuropathic types sit among the other causes:

# %%
ax = sp.plot_cause_map()
figure = sp.show_figure(ax, alt=sp.alt_text_cause_map())

# %% [markdown]
# ## 3. Screening with DN4
#
# The **DN4** (Douleur Neuropathique en 4 questions; Bouhassira 2005) has ten yes/no items:
# seven asked in an interview (burning, painful cold, electric shocks, tingling, pins and
# needles, numbness, itching) and three found on examination of the painful area (reduced touch
# sensation, reduced pinprick sensation, pain on brushing). **4 or more out of 10** is a
# positive screen for a neuropathic component.
#
# Keep its limits in mind:
#
# - It is a **screening** questionnaire, not a diagnosis: a positive screen calls for a
#   clinical assessment.
# - Below the neurological level, touch and pinprick sensation are reduced **because of the
#   injury**, so for below-level pain the two sensory items may reflect the injury as much as the
#   pain.
# - The examination items need a trained examiner.
#
# A worked example: burning, tingling and pins and needles in both feet, and reduced pinprick
# sensation there.

# %% tags=["nbval-check-output"]
example = sp.dn4(
    burning=True,
    painful_cold=False,
    electric_shocks=False,
    tingling=True,
    pins_and_needles=True,
    numbness=False,
    itching=False,
    hypoesthesia_touch=False,
    hypoesthesia_pinprick=True,
    brushing=False,
)
sp.show_text(
    example.summary,
    f"interview items: {example.interview_total}, examination items: {example.examination_total}",
)

# %% [markdown]
# Now try it yourself. Tick the items answered "yes" and watch the total. What happens if you
# tick only the three interview items of the worked example? And if you add the examination
# item?

# %%
sp.make_dn4_widget()

# %% [markdown]
# ## 4. Spasticity: a motor problem, not a pain type
#
# After SCI the brain no longer damps the reflexes of the cord below the injury. Muscles
# stiffen (raised tone) and jerk in **spasms** when they are stretched, or when something
# irritates the body below the level. It is very common: 65-93% of people after SCI (MSKTC); a
# month after injury most people with motor-incomplete injuries have it, and after a year or
# more most people do, whatever the severity of the injury (Sangari 2022).
#
# Three things to get right:
#
# 1. **Spasticity is not pain.** It is a movement problem. Strong spasms can hurt, and ISCIP
#    then classes that pain as musculoskeletal (muscle spasm pain), but many spasms do not hurt
#    at all, especially below a complete injury.
# 2. **It can be useful.** Tone in the legs can help with standing and transfers, so treatment
#    aims at function and comfort, not at abolishing every spasm (MSKTC; Hsieh 2007).
# 3. **A new increase is a warning sign.** Spasms get worse when something irritates the body
#    below the level: a bladder infection or stone, constipation, skin breakdown (a pressure
#    injury), an ingrown toenail, tight clothing or straps, or an injured leg such as a fracture
#    (MSKTC). When spasms rise without a change in routine, look for the trigger and tell a
#    clinician; a person with little sensation may notice nothing else.
#
# Spasticity is graded with two scales: one for the **tone** a clinician feels (Modified
# Ashworth) and one for the **spasms** a person reports (Penn).

# %% [markdown]
# ## 5. The Modified Ashworth Scale: ordered grades
#
# The clinician moves the limb passively and grades the resistance (Bohannon & Smith 1987):

# %% tags=["nbval-check-output"]
grades = [
    f"{grade}: {sp.modified_ashworth(grade).definition}" for grade in sp.MAS_GRADES.categories
]
sp.show_text(*grades, bullets=True)

# %% [markdown]
# The grades are **ordinal**: they have an order, but the steps between them are not equal.
# "1+" was added between 1 and 2 to split the lower grades; it is a category of its own, **not
# 1.5**. Coding it as 1.5 would claim it sits exactly halfway, and invite averages ("mean MAS
# 1.5") that describe no patient. The library compares grades by their order and refuses 1.5:

# %% tags=["nbval-check-output"]
higher = sp.modified_ashworth("1+") > sp.modified_ashworth("1")
sp.show_text(f"Is 1+ a higher grade than 1? {'Yes' if higher else 'No'}.")
try:
    sp.modified_ashworth(1.5)
except sp.ScoreError as error:
    sp.show_text(error)

# %% [markdown]
# To summarise several gradings (for example the knee extensors of one person over six
# visits), store them as an ordered category and use counts or the median, never a mean:

# %% tags=["nbval-check-output"]
visits = pd.Series(["1", "1+", "1+", "2", "1+", "3"], dtype=sp.MAS_GRADES, name="MAS grade")
sp.show_text(f"highest grade: {visits.max()}")
visits.value_counts(sort=False).to_frame("visits")

# %% [markdown]
# Pick a grade and read its definition. Note that MAS measures resistance to passive movement:
# not pain, and not strength.

# %%
sp.make_ashworth_widget()

# %% [markdown]
# ## 6. The Penn Spasm Frequency Scale
#
# The Penn scale is a **self-report** in two parts (Penn 1989; NINDS common data elements):
# how **often** spasms come (0 none; 1 only when stimulated; 2 less than once an hour; 3 more
# than once an hour; 4 more than 10 times an hour) and, if there are any, how **strong** they
# are (1 mild, 2 moderate, 3 severe). The two answers are reported side by side, never added
# together, and the time frame ("over the last week") is stated.

# %% tags=["nbval-check-output"]
sp.show_text(sp.penn_spasm_frequency(3, severity=2).summary, sp.penn_spasm_frequency(0).summary)

# %% [markdown]
# Choose a frequency. What does the widget ask for next, and why is severity not asked when
# there are no spasms?

# %%
sp.make_penn_widget()

# %% [markdown]
# ## 7. Spasms in a pain journal
#
# The example journal `spasticity` belongs to a (synthetic) person with cramping pain in the
# right calf. Each entry records the pain (0-10) and the number of spasms since the previous
# entry. What the simulator built in:

# %% tags=["nbval-check-output"]
journals = sp.list_example_journals().set_index("name")
sp.show_text(journals.loc["spasticity", "description"])

# %% [markdown]
# Plot the daily mean pain beside the spasms of each day. The dashed line marks the day the
# journal first records botulinum toxin injections. Botulinum toxin is a treatment for
# **focal** spasticity, in a few muscles such as this calf; it is not a general fix for
# spasticity or for pain (MSKTC spasticity factsheet).

# %%
journal = sp.load_example_journal("spasticity")
ax = sp.plot_pain_and(journal, measure="spasms", marks="botulinum_toxin")
figure = sp.show_figure(
    ax, alt=sp.alt_text_pain_and(journal, measure="spasms", marks="botulinum_toxin", lag=0)
)

# %% [markdown]
# The pain line rises and falls with the bars: on days with many spasms, the calf hurts more.
# After the injections the spasms thin out over about ten days, and the pain follows them
# down. A scatter plot of the same days makes the link explicit (Spearman's rho measures how
# consistently pain is higher on days with more spasms):

# %%
ax = sp.plot_association(journal, variable="spasms")
figure = sp.show_figure(ax, alt=sp.journal_alt_text("association", journal, variable="spasms"))

# %% [markdown]
# Reading this honestly: the link here is strong because the simulator built it in (pain
# rises by 0.3 points for each spasm recorded in an entry). In a real journal, pain and spasms can share a cause (a
# bladder infection raises both), so a link is a prompt to ask why, not proof that the spasms
# cause the pain. And a **sudden** jump in spasms, without a change in routine, is the warning
# sign from section 4: look for a trigger below the level.

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("02_nerve_damage_and_spasticity"))

# %% [markdown]
# ## Summary
# - Neuropathic pain is described as burning, tingling, pins and needles, electric shocks or
#   painful cold, often in an area that is also numb. ISCIP sorts it into **at-level** pain (a
#   band at the level of injury; in the legs only after lumbar or sacral injuries) and
#   **below-level** pain (diffuse, below the level). Both are common, and one person often has
#   several pains: classify and rate each one.
# - The **DN4** screens for a neuropathic component (4 or more of 10 items); it does not
#   diagnose, and below the level its sensory items partly reflect the injury.
# - **Spasticity** is a motor problem, not a pain type. It can help standing and transfers; a
#   **new increase** in spasms is a warning sign of irritation below the level.
# - The **Modified Ashworth Scale** grades tone on ordered grades 0, 1, 1+, 2, 3, 4 (1+ is not
#   1.5; summarise with counts or the median). The **Penn scale** records how often spasms come
#   and how strong they are, side by side.
# - In a journal, pain that follows spasm counts points to spasm-related pain; a sudden jump in
#   spasms points to a trigger below the level.
#
# ## What next
# Notebook **03 · Overuse, atrophy and weight**: the most common chronic pain after SCI, and
# why weight and muscle change after injury.
#
# ## References
# - Bryce TN, et al. International Spinal Cord Injury Pain Classification: part I. Background
#   and description. *Spinal Cord*. 2012;50:413-417.
# - SCIRE Project. Classification of SCI pain (ISCIP table: tier 1 type, tier 2 subtype, tier 3
#   source).
#   https://scireproject.com/evidence/rehabilitation-evidence/pain-management/classification-of-sci-pain/
# - Siddall PJ, Taylor DA, McClelland JM, Rutkowski SB, Cousins MJ. Pain report and the
#   relationship of pain to physical factors in the first 6 months following spinal cord injury.
#   *Pain*. 1999;81:187-197. doi:10.1016/s0304-3959(99)00023-8
# - Siddall PJ, McClelland JM, Rutkowski SB, Cousins MJ. A longitudinal study of the prevalence
#   and characteristics of pain in the first 5 years following spinal cord injury. *Pain*.
#   2003;103:249-257. doi:10.1016/S0304-3959(02)00452-9
# - Burke D, Fullen BM, Stokes D, Lennon O. Neuropathic pain prevalence following spinal cord
#   injury: a systematic review and meta-analysis. *Eur J Pain*. 2017. doi:10.1002/ejp.905
# - Bouhassira D, et al. Comparison of pain syndromes associated with nervous or somatic lesions
#   and development of a new neuropathic pain diagnostic questionnaire (DN4). *Pain*.
#   2005;114:29-36. doi:10.1016/j.pain.2004.12.010
# - Model Systems Knowledge Translation Center (MSKTC). Spasticity and spinal cord injury
#   (factsheet). https://msktc.org/sci/factsheets/spasticity-and-spinal-cord-injury
# - Sangari S, Perez MA. Prevalence of spasticity in humans with spinal cord injury with
#   different injury severity. *J Neurophysiol*. 2022. doi:10.1152/jn.00126.2022
# - Hsieh JTC, et al. Spasticity after spinal cord injury: an evidence-based review of current
#   interventions. *Top Spinal Cord Inj Rehabil*. 2007;13:81-97.
# - Bohannon RW, Smith MB. Interrater reliability of a modified Ashworth scale of muscle
#   spasticity. *Phys Ther*. 1987;67(2):206-207. doi:10.1093/ptj/67.2.206
# - Penn RD, et al. Intrathecal baclofen for severe spinal spasticity. *N Engl J Med*.
#   1989;320:1517-1521. doi:10.1056/NEJM198906083202303
# - National Institute of Neurological Disorders and Stroke (NINDS). NINDS Common Data Elements:
#   Penn Spasm Frequency Scale (spinal cord injury).
