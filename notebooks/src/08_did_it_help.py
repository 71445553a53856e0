# %% [markdown]
# # 08 · Did it help? Single-person (N-of-1) reasoning
#
# **Learning objectives** — by the end you can:
# 1. set up a before-and-after (A-B) comparison from a journal, with the direction of
#    improvement made explicit;
# 2. compute [NAP](glossary.md#nap) by hand from the pair matrix (ties count half) and read Tau and Tau-BC;
# 3. explain how autocorrelation and [regression to the mean](glossary.md#regression-to-the-mean) make a change look surer or
#    bigger than it is;
# 4. judge a change against clinical thresholds, and say why one person's result is not
#    evidence for everyone.
#
# **Prerequisites:** notebook 07 (patterns and associations in a journal).
# **Time to learn:** about 35 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now.
#
# "I started TENS and my feet burn less" is a claim about one person. Single-case (N-of-1)
# methods ask it carefully: compare a **[baseline](glossary.md#baseline-phase) phase A** (before) with a **treatment phase
# B** (after), with honest measures of overlap, and look for what else could explain the
# change.

# %% [markdown]
# ## 1. Phases: the TENS trial in the neuropathic journal
#
# In the neuropathic example journal a TENS trial starts on 2 March 2026 (its first entry in
# the `interventions` column). `compare_phases` finds that start, averages each day's
# ratings (a day is one observation, however many entries it has) and compares the days
# before with the days from the start on. For pain, **lower is better**: every effect size
# below is signed so that positive means *better*.

# %% tags=["nbval-check-output"]
import sci_pain as sp

sp.use_style()
journal = sp.load_example_journal("neuropathic")
tens = sp.compare_phases(journal, intervention="tens")
sp.show_text(tens.summary())

# %%
ax = sp.plot_phases(tens)
sp.show_figure(ax, alt=sp.journal_alt_text("phases", tens))

# %% [markdown]
# ## 2. NAP: the pair matrix, shown openly
#
# **NAP** (non-overlap of all pairs; Parker & Vannest 2009) pairs *every* baseline value with
# *every* treatment value and asks: in what share of the pairs is the treatment value
# better? A small example first: four baseline days and five treatment days of pain.

# %% tags=["nbval-check-output"]
a = [6, 7, 5, 6]
b = [5, 4, 6, 4, 3]
pairs = sp.pair_matrix(a, b)  # lower is better: 1 = B better, 0.5 = tie, 0 = B worse
pairs.round(1)

# %% [markdown]
# Read one row: the baseline day rated 5 beats the treatment day rated 6 (a 0), ties the
# treatment day rated 5 (0.5), and loses to the days rated 4, 4 and 3 (three 1s).
#
# Over all 4 × 5 = 20 pairs: 16 in which B is better, 3 ties and 1 in which B is worse.
# **Ties count half**, because a tie is neither better nor worse: counting it half keeps
# NAP at 0.5 when nothing changed. So NAP = (16 + 3/2) / 20 = 0.875, the mean of the matrix:

# %% tags=["nbval-check-output"]
wins, ties = int((pairs == 1).sum().sum()), int((pairs == 0.5).sum().sum())
sp.show_text(
    f"wins {wins}, ties {ties}, pairs {pairs.size}: NAP = {(wins + ties / 2) / pairs.size}",
    f"sp.nap(a, b) = {sp.nap(a, b)}; Tau = 2 NAP - 1 = {2 * sp.nap(a, b) - 1}",
)

# %% [markdown]
# NAP runs from 0 to 1 (0.5: no difference); **Tau** = 2 NAP - 1 says the same on a -1 to 1
# scale. The TENS trial has 48 baseline days and 61 treatment days, so 2,928 pairs:

# %% tags=["nbval-check-output"]
matrix = tens.pair_matrix()
counts = {"B better": int((matrix == 1).sum().sum()), "tie": int((matrix == 0.5).sum().sum())}
counts["B worse"] = matrix.size - counts["B better"] - counts["tie"]
sp.show_text(
    f"{matrix.shape[0]} x {matrix.shape[1]} = {matrix.size:,} pairs: {sp.readable(counts)}",
    f"mean of the matrix {matrix.to_numpy().mean():.3f} = NAP {tens.nap:.3f}",
)

# %% [markdown]
# Every measure, with its 95% interval where it has one:

# %% tags=["nbval-check-output"]
sp.table(tens.to_frame())

# %% [markdown]
# **Tau-BC** (Tarlow 2017) first checks whether the baseline was already trending (here it
# was not: Kendall's p = 0.33), and if so removes that trend from both phases, so that a
# change already under way is not credited to the treatment.

# %% [markdown]
# ## 3. Autocorrelation: why the intervals are too narrow
#
# NAP, Tau and their intervals treat every day as an independent observation. Diary days are
# not: a bad day is often followed by another. The **lag-1 autocorrelation** measures how
# much each day resembles the one before (0: not at all, 1: identical).

# %% tags=["nbval-check-output"]
daily_pain = sp.daily_summary(journal)["mean"]
sp.show_text(
    f"lag-1 autocorrelation of daily pain: {sp.autocorrelation(daily_pain):.2f}",
    f"within the phases (each phase's mean removed): {tens.lag1_autocorrelation:.2f}",
)

# %% [markdown]
# Here it is small, partly because the phase change itself (a step down) is removed before
# the within-phase value is computed. With r = 0.5, 100 days would hold about as much
# independent information as 33 separate days (n (1 - r) / (1 + r)); `compare_phases` warns
# when r is above 0.2. Real diaries often have more autocorrelation than this simulated one.

# %% [markdown]
# ## 4. Regression to the mean: an illusion you can simulate
#
# People start something new when pain is at its **worst**. But a bad week is partly bad
# luck, and luck does not last: the weeks after are usually closer to the person's average,
# *whatever they start*. This is **regression to the mean** (Barnett et al. 2005).
#
# `sp.regression_to_the_mean` simulates people like the neuropathic persona in whom the
# treatment does **nothing** (its effect set to zero), starts it the day after each person's
# worst week, and compares the next 14 days with the worst week only, as someone who started
# because of that week would, and with the whole baseline.

# %% tags=["nbval-check-output"]
illusion = sp.regression_to_the_mean("neuropathic", n_people=30, seed=3)
columns = ["change_worst_week_baseline", "nap_worst_week_baseline", "change_whole_baseline"]
worded = {
    "change_worst_week_baseline": "Change against the worst week (points)",
    "nap_worst_week_baseline": "NAP against the worst week",
    "change_whole_baseline": "Change against the whole baseline (points)",
}
sp.table(illusion[columns].describe().loc[["mean", "min", "max"]], labels=worded)

# %% tags=["nbval-check-output"]
improved = (illusion["change_worst_week_baseline"] < 0).mean()
sp.show_text(
    f"'improved' against their worst week: {improved:.0%} of people, with no effect at all",
    f"whole-baseline comparisons warning of regression to the mean: {illusion['rtm_warning'].mean():.0%}",
)

# %% [markdown]
# Against the worst week, nearly every simulated person (93%) "improved", by 0.8 points on
# average and up to 1.4, with NAP around 0.75: a convincing result for a treatment that does
# nothing. Against the whole baseline the illusion vanishes (a mean change of -0.06 points),
# and for most people `compare_phases` warns that the last week before the start was the
# worst of the baseline.
# The defences: a **long, stable baseline**, and stopping and restarting the treatment
# (A-B-A-B) to see whether pain follows.

# %% [markdown]
# ## 5. Is the change big enough to matter? Clinical thresholds
#
# A change can be real and still too small to matter. For a 0-10 pain rating, a fall of about
# **2 points or 30%** is what people call "much improved" (Farrar et al. 2001); IMMPACT
# (Dworkin et al. 2008) calls 10-20% minimally, 30% or more moderately and 50% or more
# substantially important. These thresholds come from groups in trials; for one person's
# diary they are a rule of thumb.

# %% tags=["nbval-check-output"]
thresholds = sp.CLINICAL_THRESHOLDS
sp.show_text(
    f"minimally important: at least {thresholds['minimal_pct']:g}% better",
    f"moderately important: at least {thresholds['moderate_pct']:g}%, or {thresholds['moderate_points']:g} points",
    f"substantially important: at least {thresholds['substantial_pct']:g}% better",
)

# %% tags=["nbval-check-output"]
examples = [(6.0, 5.6), (6.0, 5.1), (6.0, 4.0), (6.0, 2.5), (5.0, 6.5)]
sp.show_text(
    *(f"{before} → {after}: {sp.judge_change(before, after)[0]}" for before, after in examples)
)

# %% [markdown]
# The TENS trial: 5.1 before, 4.4 after, a fall of 0.8 points (15%): a **minimal**
# improvement, with NAP 0.70. The simulated effect was -0.5 points; the rest is noise.

# %% [markdown]
# ## 6. One person is not everyone
#
# Even a clear, well-measured improvement in one diary says something about **this person,
# these weeks, this way of using the device**. It does not show that the treatment works for
# others: a Cochrane review of non-drug treatments for chronic pain after spinal cord injury
# (16 trials) found **no evidence that TENS was better than control interventions**
# (Boldt et al. 2014). Group trials and one person's diary answer different questions;
# an [N-of-1](glossary.md#n-of-1-comparison) result can guide *this* person's decision with their clinician, with the
# cautions above.

# %% [markdown]
# ## 7. Explore it yourself: "did it help?"
#
# Choose a journal and an intervention; the start of phase B is its first recorded use. Try:
# - moving **Phase B starts** a few weeks earlier or later: how much does the answer depend on
#   the start?
# - the **spasticity** journal and *botulinum toxin*, with a **wash-in** of 10 days (the
#   injection takes days to act);
# - the **overuse** journal and *rest*: rest was first recorded 13 days into the journal, so
#   the baseline is **under two weeks**. What do the warnings say, and why does so short a
#   baseline make any change hard to judge?

# %%
sp.make_did_it_help()

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("08_did_it_help"))

# %% [markdown]
# ## Summary
# - An A-B comparison sets a baseline phase against a treatment phase, one day = one
#   observation, with the **direction** explicit (for pain, lower is better).
# - **NAP** is the share of all baseline-treatment pairs in which treatment is better, **ties
#   counting half**; Tau = 2 NAP - 1; Tau-BC removes a baseline trend first.
# - **Autocorrelation** makes the intervals too narrow; **regression to the mean** makes a
#   treatment started in the worst week look good even when it does nothing. A long, stable
#   baseline and A-B-A-B designs help.
# - Judge the size against **clinical thresholds** (about 2 points or 30%), and remember that
#   one person's result is not evidence for everyone.
#
# ## What next
# Notebook 09, **Your own journal**: upload, check and explore a journal of your own, write a
# report for a clinic visit, and de-identify a journal before sharing it.
#
# ## References
# - Parker RI, Vannest KJ. An improved effect size for single-case research: nonoverlap of
#   all pairs. *Behav Ther*. 2009;40:357-367.
# - Parker RI, Vannest KJ, Davis JL, Sauber SB. Combining nonoverlap and trend for
#   single-case research: Tau-U. *Behav Ther*. 2011;42:284-299.
# - Tarlow KR. An improved rank correlation effect size statistic for single-case designs:
#   baseline corrected Tau. *Behav Modif*. 2017;41:427-467.
# - Barnett AG, van der Pols JC, Dobson AJ. Regression to the mean: what it is and how to
#   deal with it. *Int J Epidemiol*. 2005;34:215-220.
# - Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes
#   in chronic pain intensity measured on an 11-point numerical pain rating scale. *Pain*.
#   2001;94:149-158.
# - Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment
#   outcomes in chronic pain clinical trials: IMMPACT recommendations. *J Pain*.
#   2008;9:105-121.
# - Boldt I, Eriks-Hoogland I, Brinkhof MWG, de Bie R, Joggi D, von Elm E.
#   Non-pharmacological interventions for chronic pain in people with spinal cord injury.
#   *Cochrane Database Syst Rev*. 2014;CD009177. doi:10.1002/14651858.CD009177.pub2
# - Kratochwill TR, Hitchcock J, Horner RH, et al. *Single-case designs technical
#   documentation*. What Works Clearinghouse; 2010.
