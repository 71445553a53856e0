# %% [markdown]
# # 03 · Overuse, atrophy and weight
#
# Not all pain after spinal cord injury (SCI) comes from the injured nervous system. Muscles,
# tendons and joints that still have sensation hurt when they carry more than they can handle,
# and the body changes after injury: paralysed muscles waste, energy needs fall, and weight
# creeps up. This notebook is about these **activity-related** causes.
#
# **Learning objectives** — by the end you can:
# 1. explain why [musculoskeletal](glossary.md#musculoskeletal-pain) (overuse) pain is the most common chronic pain after SCI, and
#    why it is neither minor nor temporary;
# 2. recognise [overuse](glossary.md#overuse-pain) pain in a pain journal: pain that rises about a day after a jump in
#    activity;
# 3. describe how fast paralysed muscles waste (disuse [atrophy](glossary.md#disuse-atrophy)), and why energy needs fall;
# 4. apply the SCI-specific [BMI](glossary.md#bmi-threshold-after-sci) threshold (above 22 kg/m²) beside the general WHO bands, and
#    explain why a "normal" BMI can hide obesity after SCI.
#
# **Prerequisites:** notebooks 01 and 02. **Time to learn:** about 25 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now. Swelling of a leg after exercise
# > is not "just overuse" until a clot or a fracture has been ruled out (notebook 04).

# %%
import sci_pain as sp

sp.use_style()

# %% [markdown]
# ## 1. The most common chronic pain after SCI
#
# It is tempting to think of overuse pain as the minor, temporary kind: bearable, and gone
# after a rest. The numbers say otherwise. In a cohort followed for five years after injury
# (Siddall 1999; Siddall 2003), **musculoskeletal pain was the most common type of pain**:
#
# | Pain type (ISCIP) | 6 months after injury | 5 years after injury |
# |---|---|---|
# | Musculoskeletal | 40% | **59%** |
# | At-level neuropathic | 36% | 41% |
# | Below-level neuropathic | 19% | 34% |
#
# It does not go away with time: it is **more** common at five years than at six months,
# because the loads that cause it continue for life. Where it hurts depends on how a person
# moves:
#
# - **Wheelchair users** carry their body on their arms (pushing, transfers, pressure
#   relief). In a meta-analysis of wheelchair users, half had musculoskeletal pain and the
#   commonest site was the **shoulder (44%)**; shoulder pain was 5.8 times as likely as in
#   people who did not use a wheelchair (Liampas 2021).
# - **People who walk or stand** with an incomplete injury load weak legs in unusual ways: the
#   knees, hips and ankles take the strain. This is where overuse pain reaches the legs, since
#   pain from a joint needs sensation to be felt.
#
# Musculoskeletal pain after SCI is assessed and treated as in the general population
# (physiotherapy, exercise, pain relief, psychological approaches), with attention to the
# equipment and the technique that create the load: the fit of a wheelchair, transfer
# technique, orthoses (Action Nuggets 2016). Here is where the knowledge base places it:

# %%
ax = sp.plot_leg_sites("overuse_musculoskeletal")
figure = sp.show_figure(ax, alt=sp.alt_text_leg_sites("overuse_musculoskeletal"))

# %% [markdown]
# ## 2. Overuse in a pain journal: a day later
#
# The example journal `overuse` belongs to a (synthetic) person who walks with crutches:

# %% tags=["nbval-check-output"]
journals = sp.list_example_journals().set_index("name")
sp.show_text(journals.loc["overuse", "description"])

# %% [markdown]
# Four weeks of it, with the minutes of gait training per day as bars. Look at the long
# sessions (6, 12 and 25 February) and at the pain line on the **next** day:

# %%
journal = sp.load_example_journal("overuse")
weeks = {"measure": "activity_min", "start": "2026-02-02", "end": "2026-03-01"}
ax = sp.plot_pain_and(journal, **weeks)
figure = sp.show_figure(ax, alt=sp.alt_text_pain_and(journal, lag=1, **weeks))

# %% [markdown]
# Pain does not rise on the day of the long session; it rises the next day, and settles over
# the following days. Across all 120 days, Spearman's rho
# measures how consistently pain is higher after more activity, for the same day (lag 0), the
# day before (lag 1) and two days before (lag 2). The interval is a 95% bootstrap interval:

# %% tags=["nbval-check-output"]
links = sp.associations(journal, variables={"activity_min": (0, 1, 2)}, n_boot=500, seed=0)
sp.table(links[["variable", "lag_days", "rho", "ci_low", "ci_high", "n"]])

# %% [markdown]
# Only the **day before** shows a clear link: its interval lies above zero, while the
# intervals for the same day and for two days before include zero. Move the slider to see each
# lag as a scatter plot, one point per day:

# %%
sp.make_lag_widget(journal)

# %% [markdown]
# Two cautions when reading a real journal: a link is not proof that the activity causes the
# pain (a person may also train more on good days), and a person who avoids activity after
# pain can hide the link. Notebook 07 returns to these questions.

# %% [markdown]
# ## 3. Disuse atrophy: muscles shrink within weeks
#
# Paralysed muscles that are no longer used shrink quickly and fill with fat:
#
# | Study | Injury | What was measured | Result |
# |---|---|---|---|
# | Castro 1999 | complete SCI | muscle cross-section from about 6 to 24 weeks after injury | calf (gastrocnemius) **−24%**, soleus −12%, thigh (quadriceps) −16%; at 24 weeks the muscles were 45-80% of the size of those of people without SCI |
# | Gorgey 2007 | incomplete SCI | thigh muscles 6 weeks after injury | about **a third smaller**, with 3 times the fat inside the muscle |
#
# Atrophy itself rarely hurts, and its link to pain is indirect and less well studied. It
# matters for two reasons:
#
# - in people who walk or stand, weaker muscles leave the joints and the remaining muscles
#   overloaded (section 1);
# - paralysed, wasted muscle burns little energy, so less muscle means **lower energy needs**
#   (section 4).

# %% [markdown]
# ## 4. Weight gain: not just overeating
#
# Weight gain after SCI is often put down to overeating. The physiology is less forgiving:
#
# - **Energy needs fall.** Paralysed, wasted muscle burns little energy; in motor-complete
#   tetraplegia, resting energy expenditure was **22% below** the value predicted by the
#   standard equations (Shea 2018). Eating as before injury leads to weight gain.
# - **Fat replaces muscle.** Body fat rises while lean mass falls, so the same weight for
#   height hides more fat. The body mass index (BMI, weight in kg divided by the square of the
#   height in m) was designed for the general population.
# - **A "normal" BMI can hide obesity.** In chronic SCI, the general obesity cut-off of 30
#   kg/m² **missed 73.9%** of people who were obese by their measured body fat; the cut-offs
#   that worked for SCI lay between 22.1 and 26.5 kg/m². So after SCI a **BMI above 22 kg/m²**
#   already counts as a high risk of obesity and its diseases (Laughton 2009), while the WHO
#   calls anything from 18.5 to 24.9 "normal" (WHO 2000).
#
# Three adults, the same height, each scored on both scales:

# %% tags=["nbval-check-output"]
sp.show_text(*(sp.bmi(weight_kg=kg, height_cm=175.0).summary for kg in (65.0, 70.0, 85.0)))

# %% [markdown]
# The second person is "normal" by the WHO bands but above the SCI threshold. Try your own
# numbers (adults only; BMI is a screening number, not a measure of body fat). What weight
# brings a person of your height to 22 kg/m²?

# %%
sp.make_bmi_widget()

# %% [markdown]
# ## 5. A slow trend in a pain journal
#
# The example journal `atrophy_weight` shows what these slow changes look like in a diary:

# %% tags=["nbval-check-output"]
sp.show_text(journals.loc["atrophy_weight", "description"])

# %% [markdown]
# Day-to-day pain jumps around, so the figure adds a 14-day rolling mean (the mean of the
# last 14 days, recomputed each day); the weights the person noted are the orange points.

# %%
journal = sp.load_example_journal("atrophy_weight")
trend = {"measure": "weight_kg", "window": 14}
ax = sp.plot_pain_and(journal, **trend)
figure = sp.show_figure(ax, alt=sp.alt_text_pain_and(journal, **trend))

# %% [markdown]
# The trend in numbers: the Theil-Sen slope is the median of the slopes between all pairs of
# days, so a few extreme days hardly move it (points per week, with a 95% interval):

# %% tags=["nbval-check-output"]
sp.table(sp.trend_slope(journal))

# %% [markdown]
# About 0.11 points a week is invisible from one day to the next, yet adds up to about two
# points over four months: the kind of change a person notices only in a journal. A slow
# rise like this has many possible causes; it is a reason to look at weight, activity and
# equipment with a clinician, not a diagnosis.

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("03_activity_related_pain"))

# %% [markdown]
# ## Summary
# - **Musculoskeletal pain is the most common chronic pain after SCI** (59% at five years). It
#   is not minor or temporary: it lasts as long as the load. In wheelchair users it is mainly
#   **shoulder** pain (44%); in the legs it mainly affects people who walk or stand.
# - In a journal, overuse pain rises **about a day after** a jump in activity and settles over
#   the next days.
# - **Disuse atrophy** is fast: calf muscles lost about a quarter of their size between 6 and
#   24 weeks after a complete injury. It rarely hurts itself but lowers energy needs and
#   overloads joints.
# - **Weight gain is not just overeating**: energy needs fall and fat replaces muscle, so a
#   "normal" BMI can hide obesity. After SCI, a **BMI above 22 kg/m²** already signals a high
#   risk, beside the WHO bands.
#
# ## What next
# Notebook **04 · Red flags**: the problems below the level that may not hurt at all, and
# need care now.
#
# ## References
# - Siddall PJ, Taylor DA, McClelland JM, Rutkowski SB, Cousins MJ. Pain report and the
#   relationship of pain to physical factors in the first 6 months following spinal cord injury.
#   *Pain*. 1999;81:187-197. doi:10.1016/s0304-3959(99)00023-8
# - Siddall PJ, McClelland JM, Rutkowski SB, Cousins MJ. A longitudinal study of the prevalence
#   and characteristics of pain in the first 5 years following spinal cord injury. *Pain*.
#   2003;103:249-257. doi:10.1016/S0304-3959(02)00452-9
# - Liampas A, Neophytou P, Sokratous M, Varrassi G, Ioannou C, Hadjigeorgiou GM, Zis P.
#   Musculoskeletal pain due to wheelchair use: a systematic review and meta-analysis. *Pain
#   Ther*. 2021;10:973-984. doi:10.1007/s40122-021-00294-5 (PMC8586284)
# - Action Nuggets (SCI clinical practice summaries). Management of musculoskeletal pain (3rd
#   edition, 2016). https://actionnuggets.ca/management-of-musculoskeletal-pain-3rd-ed-2016/
# - Castro MJ, et al. Influence of complete spinal cord injury on skeletal muscle
#   cross-sectional area within the first 6 months of injury. *Eur J Appl Physiol*.
#   1999;80:373-378.
# - Gorgey AS, Dudley GA. Skeletal muscle atrophy and increased intramuscular fat after
#   incomplete spinal cord injury. *Spinal Cord*. 2007;45:304-309.
# - Shea JR, Shay BL, Leiter J, Cowley KC. Energy expenditure as a function of activity level
#   after spinal cord injury: the need for tetraplegia-specific energy balance guidelines.
#   *Front Physiol*. 2018. doi:10.3389/fphys.2018.01286
# - Laughton GE, et al. Lowering body mass index cutoffs better identifies obese persons with
#   spinal cord injury. *Spinal Cord*. 2009;47:757-762.
# - World Health Organization. Obesity: preventing and managing the global epidemic. Report of
#   a WHO consultation. WHO Technical Report Series 894; 2000.
