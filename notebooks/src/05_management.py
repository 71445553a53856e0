# %% [markdown]
# # 05 · Management
#
# **Learning objectives** — by the end you can:
# 1. match management options to a cause **and to the person**, with the cautions that apply to
#    them;
# 2. explain why **heat** and **[TENS](glossary.md#tens)** need care: skin without sensation burns, a pacemaker rules
#    out electrical stimulation, and the evidence for TENS in neuropathic pain is weak;
# 3. name the [first-line](glossary.md#first-line-treatment) drug classes for neuropathic pain after SCI (no doses), and say why
#    opioids are not first line and why capsaicin needs care after an injury at T6 or above;
# 4. say what [botulinum toxin](glossary.md#botulinum-toxin) is for, how often to relieve pressure, and who prevents DVT;
# 5. weigh a trial's finding against one person's before-and-after result in a pain journal.
#
# **Prerequisites:** notebooks 01 to 04 (the causes and the red flags).
# **Time to learn:** about 25 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Which option suits a person, and any medicine and its dose, is decided with their clinical
# > team. Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or
# > above; an infected pressure injury) mean seeking medical care now.

# %%
import sci_pain as sp

sp.use_style()

# %% [markdown]
# ## 1. Management follows the cause, and the person
#
# Notebook 01 showed that leg pain after SCI has many causes, and that one person often has
# several at once. Management starts from the cause: a stretch helps a spasm but not a clot.
# Then it must suit the person. The same heat pack that eases an aching shoulder can burn a
# leg that cannot feel it.
#
# The knowledge base holds twelve options. It covers the eight that patient leaflets name, and
# adds what the guidelines add (pressure relief, DVT prevention, CBT and self-management,
# topical capsaicin):

# %% tags=["nbval-check-output"]
options = sp.load_management()
sp.table(options[["label", "category", "delivered_by"]])

# %% [markdown]
# ## 2. The management matcher
#
# Pick a cause, then tick what applies to the person. Each option shows only the cautions that
# apply to **this** person. A [contraindicated](glossary.md#contraindication-and-precaution) option is marked **✖ Contraindicated for this
# person** and moves to the end. A line under each option names the situations that would bring
# further cautions.
#
# Try this:
# 1. **Spasticity and spasms**: tick **reduced or absent sensation**. Heat becomes
#    contraindicated.
# 2. Tick **a pacemaker** as well. Electrical stimulation (TENS) is now contraindicated too.
# 3. Switch to **At-level neuropathic pain**. The **CanPainSCI guideline** appears above the
#    options: its approach, its recommendations by level and the SCI-specific cautions. Tick
#    **injury at T6 or above**: the cautions about constipation, urinary retention and
#    dysreflexia now apply to this person, and a caution appears on topical capsaicin.
# 4. Tick **a swollen, warm or red leg now**. A "seek medical care first" banner goes above
#    everything.

# %%
sp.make_management_matcher("spasticity")

# %% [markdown]
# The matcher shows what `sp.management_for` returns. For a person with spasticity who has
# numb legs and a pacemaker:

# %% tags=["nbval-check-output"]
person = sp.management_for("spasticity", situation=["impaired_sensation", "pacemaker"])
sp.table(person[["label", "contraindicated"]])

# %% [markdown]
# ## 3. Heat, TENS and botulinum toxin are not general fixes
#
# **Heat.** Skin without sensation cannot warn of heat, so it burns without warning. Baths,
# showers, hot drinks on the lap, heating pads and electrical stimulation devices all cause
# burns. Heat is **contraindicated over areas with impaired sensation or circulation**, which
# after SCI often means the whole of both legs. 49 °C is a **cap for the water heater**, not a
# safe bath temperature: cap the heater **and** test bath and shower water with a thermometer
# or with skin that has normal feeling before getting in. People
# with injuries above T6 tend to overheat, so avoid heating the whole body. The sources used
# here give no SCI-specific evidence that heat relieves pain. A swollen, warm leg may be a
# clot: it needs medical care, not a heat pack.
#
# **TENS** (transcutaneous electrical nerve stimulation):
# - It is **contraindicated with a pacemaker**.
# - Skin without sensation is a precaution: check the skin under the electrodes before and
#   after each use.
# - Never place electrodes on the front of the neck, across the chest or on broken skin.
# - A Cochrane review of 16 trials of non-drug treatments for chronic SCI pain found **no
#   evidence that TENS relieves pain better than control treatments** (Boldt et al. 2014).
#   TENS can reduce spasticity for up to about 24 hours (SCIRE spasticity chapter).
#
# **Botulinum toxin** is injected into a few overactive muscles. It is for **focal**
# spasticity, for example a tight calf pulling the ankle down. It is not a pain treatment, and
# it is not for widespread spasticity. Severe, widespread spasticity that tablets do not
# control is treated with an intrathecal baclofen pump instead. Remember from notebook 02 that
# spasticity can also help, with standing and transfers. Not every spasm needs treating.

# %% [markdown]
# ## 4. Medicines for neuropathic pain: not a painkiller ladder
#
# The familiar ladder "over-the-counter painkillers, then opioids, then creams" does not fit
# neuropathic pain after SCI. The CanPain SCI guideline (Guy 2016, updated by Loh 2022) sets a
# different order:
#
# - **First line:** pregabalin or gabapentin (gabapentinoids), with amitriptyline (a tricyclic
#   antidepressant) as an alternative.
# - **Opioids are not first line.** Tramadol is a grade B option, formerly second line. It
#   carries a serotonin risk when taken with tricyclics such as amitriptyline.
# - **Topical capsaicin** (a chilli pepper extract): a randomised crossover trial of the 8%
#   patch in 11 people with SCI and refractory neuropathic pain found less pain than a
#   low-dose control patch (Olusanya 2023); before it there was one case series. It **may not
#   be appropriate for people susceptible to autonomic dysreflexia**, so after an injury at T6
#   or above, ask the clinical team first.
# - Musculoskeletal (overuse) pain is different. It is treated as in the general population:
#   pain relief, physiotherapy, exercise and adjusting the wheelchair.
#
# Names are given so you recognise them. **Which medicine, and how much, is always the
# prescriber's decision**; this package never gives doses.
#
# The guideline is data in the package (`data/knowledge/canpainsci.yaml`, every line cited), and
# the matcher shows it whenever it shows neuropathic pain after SCI. Its recommendations by
# level:

# %% tags=["nbval-check-output"]
guideline = sp.canpainsci_for("neuropathic_below_level", situation=["injury_at_or_above_T6"])
sp.show_text(*(f"{level}: {'; '.join(rows['options'])}" for level, rows in guideline.levels))

# %% [markdown]
# Its approach is **trial, re-evaluate, then change**: one option at a time, reviewed with the
# person against their own goals, then continued, changed or combined. After SCI, the cautions
# depend on the person. For someone with an injury at T6 or above, all five apply:

# %% tags=["nbval-check-output"]
cautions = guideline.cautions
sp.show_text(
    *(f"({row.who}) {row.text}" for row in cautions[cautions["applies"]].itertuples()), bullets=True
)

# %% tags=["nbval-check-output"]
neuropathic = sp.management_for("neuropathic_below_level")
sp.show_text(
    *(f"{row.label}: {row.note or row.summary}" for row in neuropathic.itertuples()), bullets=True
)

# %% [markdown]
# ## 5. Prevention: pressure relief and DVT
#
# **Pressure relief** is the main way to prevent pressure injuries (Consortium for Spinal Cord
# Medicine guideline):
# - **In a wheelchair: off-load the seat for at least 1 to 2 minutes every 30 minutes**
#   (push-ups, leaning forward or to the side, tilting). The old advice of a 15 to 30 second
#   shift is too short for tissue oxygen to recover.
# - **In bed: turn at least every 2 hours**, with the head of the bed at 30 degrees or lower.
# - No ring ("donut") cushions. Without sensation there is no urge to move, so use a schedule or
#   reminders.
#
# **DVT prevention is the clinician's job.** After a new injury, the clinical team chooses and
# starts prophylaxis: usually low-molecular-weight heparin with intermittent pneumatic
# compression. The person and carers have their own part: look at the legs, and report
# swelling, warmth or redness at once, because a suspected DVT is an emergency.
#
# ## 6. Cognitive behavioural therapy and self-management
#
# Pain after SCI affects activity, sleep and mood, and they in turn affect pain. The CanPain SCI
# guideline recommends **[cognitive behavioural therapy](glossary.md#cognitive-behavioural-therapy) (CBT)** and **self-management**
# programmes. They improve coping and reduce how much pain interferes with daily life. A pain
# journal (notebooks 06 to 09) is one self-management tool.

# %% [markdown]
# ## 7. A trial and a person: TENS in the neuropathic example journal
#
# The Cochrane review pooled **randomised trials with control groups**, and TENS did no better
# than control. Now look at **one person's** journal. The neuropathic example journal (made-up
# data) records burning feet below a complete injury, and a TENS trial starting on day 56.
# Compare the days before (A) with the days after (B):

# %%
journal = sp.load_example_journal("neuropathic")
tens = sp.compare_phases(journal, intervention="tens")
ax = sp.plot_phases(tens, title="Pain before and after starting TENS")
sp.show_figure(ax, alt=sp.journal_alt_text("phases", tens))

# %% tags=["nbval-check-output"]
sp.show_text(
    tens.clinical_text,
    f"NAP {tens.nap:.2f}: the share of before-after pairs in which 'after' was better.",
)

# %% [markdown]
# Pain fell by about 0.8 points (15%). By the usual thresholds that is a **minimal** change,
# not the 2 points or 30% that most people call meaningful. Because this journal is made up,
# we know the truth: the simulator built in a fall of **0.5 points** once TENS started.

# %% tags=["nbval-check-output"]
effects = sp.built_in_effects("neuropathic")
sp.table(effects[effects["effect"] == "intervention"][["parameter", "value", "meaning"]])

# %% [markdown]
# What can you conclude?
# - **One person's before-and-after diary cannot show that TENS works.** Something else may have
#   changed at the same time: expectations, the season, sleep, other treatment. Diary days are
#   also not independent of each other. Here the estimate (0.8) differs from the built-in truth
#   (0.5).
# - **The trials do not prove that TENS can never help anyone** either. They show no benefit
#   over control on average.
# - What fits both: if a person wants to try TENS and has no contraindication (no pacemaker),
#   agree a time-limited trial with the clinical team. Check the skin, set in advance how much
#   change would count (about 2 points or 30%), and stop if it is not reached. Notebook 08 goes
#   deeper into single-person (N-of-1) reasoning.

# %% [markdown]
# ## The biopsychosocial side: sleep, mood and coping
#
# Pain after SCI is not only a signal from the body. **Sleep**, **mood** and **how a person
# thinks about their pain** (for example catastrophising: "this will only get worse, I can't
# stand it") change how intense it feels and how much it interferes with life, and pain in turn
# disturbs sleep and lowers mood. That is why pain diaries and the International SCI Pain Basic
# Data Set ask about interference with daily activities, mood and sleep, not only intensity,
# and why sleep is a supplementary outcome domain in pain trials (IMMPACT).
#
# The same journal shows the sleep side. Its simulator builds in 0.5 points more pain for each
# hour slept below 7 hours; the bars are hours of sleep, the line is the day's mean pain:

# %%
window = {"start": "2026-02-02", "end": "2026-03-01"}
ax = sp.plot_pain_and(journal, measure="sleep_hours", **window)
sp.show_figure(ax, alt=sp.alt_text_pain_and(journal, measure="sleep_hours", **window))

# %% tags=["nbval-check-output"]
sleep = sp.associations(journal, variables=["sleep_hours"], n_boot=500)
sp.table(
    sleep[["variable", "lag_days", "rho", "ci_low", "ci_high", "slope"]].replace(
        {"variable": {"sleep_hours": "Sleep the night before (hours)"}}
    ),
    labels={
        "variable": "Compared with pain",
        "lag_days": "Lag (days)",
        "rho": "Spearman rho",
        "ci_low": "95% interval from",
        "ci_high": "95% interval to",
        "slope": "Pain points per hour of sleep",
    },
)

# %% [markdown]
# The association is clear, and its direction could run both ways (short nights make pain
# worse; pain shortens nights). Either way, sleep is worth working on.
#
# What helps, alongside any treatment aimed at the pain itself:
# - **Cognitive behavioural therapy (CBT)** and **self-management** programmes: CanPainSCI
#   recommends them because they improve coping and reduce the interference of pain; they work
#   on sleep routines, activity, goals and unhelpful thoughts about pain.
# - **Ask** about sleep, mood and worry at every review, and rate interference with activities,
#   mood and sleep separately (0-10), so that a change in one is not hidden by the others. A
#   pain journal can hold these ratings as `interference_activities`, `interference_mood` and
#   `interference_sleep` (see `data/README.md`); Aisha's journal in notebook 10 does.
# - Treat low mood as a problem of its own: it is common after SCI and deserves its own care.
#
# Notebook 10 asks you to take this step in every case.

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("05_management"))

# %% [markdown]
# ## Summary
# - Management follows the cause **and** the person. The same option can help one person and
#   harm another.
# - **Heat** is contraindicated over skin without sensation or with poor circulation, where it
#   burns without warning. **TENS** is contraindicated with a pacemaker, and its evidence for
#   chronic SCI pain is weak (Cochrane: no better than control). **Botulinum toxin** is for focal
#   spasticity.
# - For neuropathic pain, **pregabalin or gabapentin** come first, with amitriptyline as an
#   alternative. **Opioids are not first line**, and **capsaicin may not be appropriate for
#   people susceptible to autonomic dysreflexia**. Doses are the prescriber's decision.
# - **Pressure relief**: at least 1 to 2 minutes every 30 minutes in the chair, and turning at
#   least every 2 hours in bed. **DVT prevention** is the clinical team's job; reporting a
#   swollen leg at once is everyone's.
# - **CBT and self-management** reduce pain's interference with life.
# - A single before-and-after diary is weaker evidence than controlled trials. It is useful for
#   agreeing a time-limited trial with a threshold set in advance.
#
# ## What next
# **06 · Reading a pain journal**: the journal format, and how to load and check a journal.
#
# ## References
# - Widerström-Noga E, Biering-Sørensen F, Bryce TN, et al. The International Spinal Cord
#   Injury Pain Basic Data Set (version 2.0). *Spinal Cord*. 2014;52:282-286.
#   doi:10.1038/sc.2014.4.
# - Dworkin RH, Turk DC, Farrar JT, et al. Core outcome measures for chronic pain clinical
#   trials: IMMPACT recommendations. *Pain*. 2005;113:9-19. doi:10.1016/j.pain.2004.09.012.
# - Loh E, et al. The CanPain SCI clinical practice guidelines for rehabilitation management of
#   neuropathic pain after spinal cord injury: 2021 update. *Spinal Cord*. 2022;60:548-566.
#   doi:10.1038/s41393-021-00744-z
# - Guy SD, et al. The CanPain SCI clinical practice guidelines for rehabilitation management of
#   neuropathic pain after spinal cord: recommendations for treatment. *Spinal Cord*.
#   2016;54:S14-S23.
# - KITE, Toronto Rehabilitation Institute (CanPain SCI). CanPain SCI recommendations for
#   neuropathic pain treatment: second-line therapy.
#   https://kite-uhn.com/can-scip/en/recommendations/recommendations-for-neuropathic-pain-treatment-second-line-therapy
# - Boldt I, Eriks-Hoogland I, Brinkhof MWG, de Bie R, Joggi D, von Elm E. Non-pharmacological
#   interventions for chronic pain in people with spinal cord injury. *Cochrane Database Syst
#   Rev*. 2014;CD009177. doi:10.1002/14651858.CD009177.pub2
# - Sandford PR, Benes PS. Use of capsaicin in the treatment of radicular pain in spinal cord
#   injury. *J Spinal Cord Med*. 2000;23:238-243. doi:10.1080/10790268.2000.11753532
# - Kupfer M, Formal CS. Non-opioid pharmacologic treatment of chronic spinal cord
#   injury-related pain. *J Spinal Cord Med*. 2022;45:163. PMC8986182
# - Olusanya A, et al. Capsaicin 8% patch for spinal cord injury focal neuropathic pain, a
#   randomized controlled trial. *Pain Med*. 2023;24:71-78.
# - Hsieh JTC, et al. Spasticity after spinal cord injury: an evidence-based review of current
#   interventions. *Top Spinal Cord Inj Rehabil*. 2007;13:81-97.
# - SCIRE Project. Spasticity following spinal cord injury (evidence chapter): interventions
#   based on various forms of afferent stimulation.
#   https://scireproject.com/evidence/spasticity/non-pharmacological-interventions/interventions-based-on-various-forms-of-afferent-stimulation/
# - Consortium for Spinal Cord Medicine. Pressure ulcer prevention and treatment following
#   spinal cord injury: a clinical practice guideline for health-care professionals (2nd
#   edition). Paralyzed Veterans of America; 2014.
#   https://nxtbook.com/nxtbooks/pva/pressureulcer/index.php?startid=xiv
# - KITE, Toronto Rehabilitation Institute (Can-SCIP guideline, adapted from the Consortium for
#   Spinal Cord Medicine 2016). Anticoagulant methods of thromboprophylaxis during the
#   rehabilitation phase.
#   https://kite-uhn.com/can-scip/en/recommendations/anticoagulant-methods-of-thromboprophylaxis-during-the-rehabilitation-phase
# - Hollister. Burns and spinal cord injury (patient education page).
# - Elderly Health Service, Department of Health, Hong Kong. Heat therapy: precautions.
# - Queensland Spinal Cord Injuries Service. Thermo-regulation.
#   https://qscis.health.qld.gov.au/resources/cardiovascular/thermo-regulation
# - Chartered Society of Physiotherapy (UK). Guidance on electrophysical agents: TENS
#   contraindications and precautions.
# - Action Nuggets (SCI clinical practice summaries). Management of musculoskeletal pain (3rd
#   edition, 2016). https://actionnuggets.ca/management-of-musculoskeletal-pain-3rd-ed-2016/
