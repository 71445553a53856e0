# %% [markdown]
# # 07 · Patterns in a journal
#
# **Learning objectives** — by the end you can:
# 1. summarise a pain journal by day, and follow its trend with a rolling mean;
# 2. find time-of-day, weekday, site, side and descriptor patterns;
# 3. judge an association honestly: its lag, its confidence interval, and what else
#    (confounding, autocorrelation, many comparisons) could explain it;
# 4. explore a journal with the dashboard.
#
# **Prerequisites:** notebook 06 (the journal format and its problems table).
# **Time to learn:** about 30 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now.
#
# We read the **neuropathic** example journal: a made-up person with burning, tingling feet
# below a complete thoracic injury, who rated their pain two or three times a day for four
# months. Because the journal was simulated, we know what was built into it (last line
# below), so we can check whether each analysis finds it.

# %% tags=["nbval-check-output"]
import sci_pain as sp

sp.use_style()
journal = sp.load_example_journal("neuropathic")
sp.show_text(
    journal.summary(),
    "Built in: " + sp.list_example_journals().set_index("name").loc["neuropathic", "effects"],
)

# %% [markdown]
# ## 1. One row per day
#
# People write more on some days than on others, and some days not at all. Most questions
# are about *days*, so the entries are first summarised per calendar day; days without an
# entry stay in the table as **missed**, so that "the day before" really is the day before.

# %% tags=["nbval-check-output"]
summary = sp.summarize_journal(journal)
sp.table(summary[["days", "days_with_entries", "missed_days", "entries", "mean", "sd"]])

# %% tags=["nbval-check-output"]
daily = sp.daily_summary(journal)
sp.table(daily.head(7))

# %% [markdown]
# ## 2. The trend: a rolling mean
#
# Single ratings jump around. A **rolling mean** over 7 days averages each day with the six
# before it, which also smooths out weekday habits. The points are every rating; the line is
# the rolling mean.

# %%
ax = sp.plot_timeline(journal, window=7)
sp.show_figure(ax, alt=sp.journal_alt_text("timeline", journal, window=7))

# %% [markdown]
# Is pain drifting up or down? The Theil-Sen slope (the median of the slopes between all
# pairs of days) answers in points per week, with an interval. (The interval treats days as
# independent; they are not, see section 5.)

# %% tags=["nbval-check-output"]
sp.table(sp.trend_slope(journal), decimals=3)

# %% [markdown]
# About -0.05 points a week, -0.9 over the four months, with an interval that just reaches
# zero: at most a slight fall. Part of it is a *step*, not a slope: a TENS trial started on
# 2 March (day 56), built in at -0.5 points. A trend line cannot tell a step from a drift;
# notebook 08 compares before and after the start directly.

# %% [markdown]
# ## 3. When does it hurt? Time of day and weekday
#
# Neuropathic pain below the level of injury is often worse in the evening. The profile by
# part of the day shows the mean of every entry made in the morning, afternoon or evening.

# %% tags=["nbval-check-output"]
sp.table(sp.time_of_day_profile(journal))

# %% [markdown]
# A good or bad *day* moves all of that day's entries. With `relative=True` each entry is
# first compared with the mean of its own day, so the profile shows the pattern *within* days:
# evenings about 0.8 points above the day's average, mornings 0.7 below. That matches the
# +1.5 built into evening entries against mornings.

# %% tags=["nbval-check-output"]
sp.table(sp.time_of_day_profile(journal, relative=True))

# %% tags=["nbval-check-output"]
sp.table(sp.weekday_profile(journal))

# %% [markdown]
# The weekday means differ by about 0.3 points, well inside their spread (a standard deviation of about 1.3):
# nothing was built in, and nothing shows. Both patterns at once, as a heatmap:

# %%
ax = sp.plot_time_of_day_weekday(journal)
sp.show_figure(ax, alt=sp.journal_alt_text("time_of_day_weekday", journal))

# %% [markdown]
# ## 4. Where and how does it hurt? Site, side and quality
#
# Site and side point to causes (one calf: think of a clot; both feet: a pattern typical of
# below-level neuropathic pain). The descriptors tell neuropathic pain (burning, tingling,
# electric) from nociceptive pain (aching, cramping) — a teaching aid, not a diagnosis.

# %% tags=["nbval-check-output"]
sp.table(sp.pain_by_site(journal).dropna())

# %% tags=["nbval-check-output"]
sp.table(sp.pain_by_quality_group(journal))

# %%
ax = sp.plot_body_map(journal)
sp.show_figure(ax, alt=sp.journal_alt_text("body_map", journal))

# %%
ax = sp.plot_descriptors(journal)
sp.show_figure(ax, alt=sp.journal_alt_text("descriptors", journal))

# %% [markdown]
# ## 5. Associations, and why to distrust them
#
# Does pain go with sleep, spasms or activity? For each measure (and for activity also one
# and two days earlier: overuse pain often comes the day after), the day's mean pain is
# ranked against the measure: **Spearman's rho** (ρ) from -1 to 1, with a 95% confidence
# interval (the columns *95% CI from* and *to*) and the number of days (*n*). The interval
# comes from a *block bootstrap*, which resamples runs of consecutive days because
# neighbouring days are alike.
#
# Six links are tested at once, so the **verdict** does not use the 95% interval: it uses a
# wider one, the *adjusted CI* (the columns *Adjusted CI from* and *to*), that allows for
# the number of tests. This is the **Bonferroni correction**, and the same rule decides what the clinic
# report calls clear:

# %% tags=["nbval-check-output"]
adjusted = sp.associations(journal, n_boot=1000)
columns = ["variable", "lag_days", "rho", "ci_low", "ci_high", "adj_ci_low", "adj_ci_high"]
sp.table(adjusted[[*columns, "n", "verdict"]])

# %% tags=["nbval-check-output"]
sp.show_text(adjusted.attrs["correction"])

# %% [markdown]
# Only sleep stands out: the shorter the night, the worse the day's pain (rho about -0.56,
# the interval far from zero). That is the one effect built into this journal.
#
# ### Confounding by time of day: a real example
#
# The table above was **adjusted for time of day** (the default): the part-of-day pattern was
# taken out of each rating before the days were compared. Here is the same analysis without
# that adjustment:

# %% tags=["nbval-check-output"]
raw = sp.associations(journal, n_boot=1000, adjust_time_of_day=False)
sp.table(raw[[*columns, "n", "verdict"]])

# %% [markdown]
# Now spasms (rho about 0.31) and same-day activity (about 0.20) seem linked to pain, with
# 95% intervals that exclude zero — although **neither was built in**. The correction for
# six tests removes same-day activity (its p-value, 0.04, is not below 0.05 / 6 = 0.008),
# but spasms are still called clear. A correction for many comparisons guards against
# *luck*; it cannot guard against a *bias* that is there every day. Why? On days with an
# evening entry the day's mean pain is higher (evenings are worse), *and* the day's total
# of spasms and activity minutes is larger (one more entry adds its spasms and minutes).
# The number and timing of entries move both, so they look related. That is
# **confounding**: a third thing (here, when the person wrote) drives both. Adjusting for
# time of day removes most of it.
#
# Every association table comes with its own caution, with its numbers:

# %% tags=["nbval-check-output"]
sp.show_text(adjusted.attrs["caution"])

# %% [markdown]
# Three reasons for care, in short:
# - **Confounding**: something else moves both (an infection, a bad week, a new medicine,
#   when the entries were written); and pain changes behaviour too (people sleep less
#   *because* it hurts).
# - **Autocorrelation**: today is much like yesterday, so 109 days carry less independent
#   information than 109 separate days would.
# - **Many comparisons**: with six associations, the chance that at least one 95% interval
#   misses zero by luck alone is about 26%. That is why the verdict shares the 5% among the
#   six tests (Bonferroni: a 99.17% interval and p below 0.008 for each), which keeps the
#   chance of any false "clear" at 5% or less. On 40 simulated journals where pain was
#   shuffled, so that no link is real, this verdict called a link clear in 1 or 2 of them
#   (checked in the package's tests); judging each link alone at 95% did so in 9 or 10.
#
# The scatter behind the sleep association, one point per day:

# %%
ax = sp.plot_association(journal, variable="sleep_hours", n_boot=1000)
alt = sp.journal_alt_text("association", journal, variable="sleep_hours", n_boot=1000)
sp.show_figure(ax, alt=alt)

# %% [markdown]
# ## 6. Explore it yourself: the dashboard
#
# The dashboard puts these figures behind a few controls. Try:
# - **Figure** → *Time of day × weekday*, then narrow **Dates** to March: do evenings stay
#   worse?
# - **Figure** → *Association*, then the **Measure** *Spasms (count)* and the **Lag**: is
#   anything there once time of day is adjusted for?
# - **Journal** → *dvt*: the red flags (a swollen left leg with rising pain) are listed
#   above the figure and marked on the timeline. In real life that is a reason to seek care
#   the same day.
# - **Smoothing (days)**: 1 shows the raw daily means, 28 a monthly average.
#
# You can also **upload** your own journal (a CSV file in the format of notebook 06): it is
# read on this computer, and its problems table appears above the figure.

# %%
sp.make_journal_dashboard()

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("07_patterns_in_a_journal"))

# %% [markdown]
# ## Summary
# - Summarise by **day** first, keeping missed days; a 7-day **rolling mean** shows the trend.
# - **Profiles** by time of day (also relative to each day's mean), weekday, site, side and
#   descriptor show *when* and *where* it hurts; compare differences with their spread.
# - An **association** needs its lag, its interval and its `n`, and a caution:
#   **confounding** (time of day made spasms and activity look linked to pain here),
#   **autocorrelation** and **many comparisons** (the verdict applies the Bonferroni
#   correction; it cannot remove confounding). A striking association is a question to
#   test, not an answer.
#
# ## What next
# Notebook 08, **Did it help?**, tests one such question properly: before and after an
# intervention, in one person.
#
# ## References
# - Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes
#   in chronic pain intensity measured on an 11-point numerical pain rating scale. *Pain*.
#   2001;94:149-158.
# - Dworkin RH, Turk DC, Farrar JT, et al. Core outcome measures for chronic pain clinical
#   trials: IMMPACT recommendations. *Pain*. 2005;113:9-19.
# - Widerström-Noga E, Biering-Sørensen F, Bryce TN, et al. The International Spinal Cord
#   Injury Pain Basic Data Set (version 2.0). *Spinal Cord*. 2014;52:282-286.
# - Bryce TN, Biering-Sørensen F, Finnerup NB, et al. International Spinal Cord Injury Pain
#   Classification: part I. *Spinal Cord*. 2012;50:413-417.
# - Künsch HR. The jackknife and the bootstrap for general stationary observations.
#   *Ann Stat*. 1989;17:1217-1241.
# - Sen PK. Estimates of the regression coefficient based on Kendall's tau. *J Am Stat
#   Assoc*. 1968;63:1379-1389.
