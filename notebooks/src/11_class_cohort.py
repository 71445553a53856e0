# %% [markdown]
# # 11 · A class's journals as one cohort
#
# **Learning objectives** — by the end you can:
# 1. pool many people's journals into one table, with every record still checked and every
#    problem still reported;
# 2. ask a question across people ("how many show an evening pattern?") and give the answer
#    with an honest interval;
# 3. say why a share from 200 people is not a prevalence in all people with a spinal cord
#    injury.
#
# **Prerequisites:** notebooks 06 (the journal format) and 07 (patterns in one journal).
# **Time to learn:** about 20 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now.
#
# A lecturer who pools a class's de-identified journals, or a student with a simulated class,
# asks questions *across people*. Here the class is **200 made-up people**, each following one
# of the example personas for 60 days, with their own usual pain level. The data are
# simulated with a fixed seed, so everyone who runs this notebook sees the same class.

# %% tags=["nbval-check-output"]
import sci_pain as sp

sp.use_style()
records = sp.simulate_cohort(200, 60, seed=2026)
cohort = sp.cohort_from_frame(records, person="person_id")
sp.show_text(cohort.summary())

# %% [markdown]
# ## 1. One table, every record accounted for
#
# Each person's records are checked exactly as a single journal is (notebook 06): a record
# that cannot be read is reported, not silently dropped. The result is one long table of
# entries with a `person` column, one table of problems and one row per person. For real
# files, `sp.read_journals(folder)` does the same for every CSV in a folder, and a journal that
# cannot be read at all is listed as *unreadable* while the others are still read.

# %% tags=["nbval-check-output"]
sp.table(
    cohort.people.head()[["person", "status", "n_records", "n_entries", "n_dropped", "n_problems"]],
    labels={
        "person": "Person",
        "status": "Status",
        "n_records": "Records in the file",
        "n_entries": "Entries kept",
        "n_dropped": "Records not kept",
        "n_problems": "Problems reported",
    },
)

# %% [markdown]
# The tables can be saved as **Parquet** files (an open, columnar format) and questioned
# with SQL through **DuckDB**, a database engine that runs inside Python — no server, nothing
# leaves the computer. How many entries did each person make, and how many were in the
# evening (18–24 h)?

# %% tags=["nbval-check-output"]
sp.cohort_query(
    """
    SELECT person,
           count(*) AS entries,
           count(*) FILTER (WHERE hour(timestamp) >= 18) AS "evening entries",
           round(avg(pain), 1) AS "mean pain (0-10)"
    FROM entries
    GROUP BY person
    ORDER BY entries DESC, person
    LIMIT 5
    """,
    cohort,
)

# %% [markdown]
# ## 2. How many people show an evening pattern?
#
# For each person, every rating is compared with that person's mean of the **same day**, so
# that good and bad days cancel out (as the *within-day* profile did in notebook 07). A person
# shows an *evening pattern* when their evening ratings are at least 1 point above their morning
# ratings. People with too few morning or evening entries are **not counted as "no"**: they
# are left out, and the sentence says how many.
#
# The share comes with a **Wilson interval**: the range of shares in all people *like these*
# that fit the data. It stays between 0% and 100% and is trustworthy even when few people have
# the pattern (the textbook "p ± 1.96 SE" is not).

# %% tags=["nbval-check-output"]
evening = sp.evening_pattern(cohort, difference=1.0, min_entries=10)
sp.show_text(
    sp.prevalence_sentence(
        sp.prevalence(evening, column="evening_pattern"), what="show an evening pattern"
    )
)

# %%
ax = sp.plot_evening_pattern(evening, difference=1.0)
sp.show_figure(ax, alt=sp.alt_text_evening_pattern(evening, difference=1.0))

# %% [markdown]
# ## 3. Explore it yourself
#
# Move the threshold: how fast does the share fall as you ask for a bigger evening rise?
# Ask for more entries per person: who drops out, and how does the interval change? Switch
# the interval from 95% to 80%: it gets narrower, but is it more *true*?

# %%
sp.make_cohort_explorer(cohort)

# %% [markdown]
# ## 4. Spasms and pain, red flags — across people
#
# The same "per person, then count" idea answers other questions. In how many people do
# days with more spasms have more pain (Spearman's rho of at least 0.3 over at least 28
# days)? This is a screen: for any one person, look at their journal with the bootstrap
# interval and cautions of notebook 07 before saying more.

# %% tags=["nbval-check-output"]
links = sp.spasm_pain_links(cohort, min_rho=0.3, min_days=28)
sp.show_text(
    sp.prevalence_sentence(sp.prevalence(links, column="link"), what="show a spasm-pain link")
)

# %% [markdown]
# Red-flag patterns (notebook 04) are scanned per person. The scan must be told the injury
# level, because at T6 or above a surge of spasms can set off autonomic dysreflexia. We do not
# know the level of these made-up people, so we say **unknown**, and the table says that
# this risk was not assessed.

# %% tags=["nbval-check-output"]
flags = sp.cohort_red_flags(cohort, injury_level="unknown")
sp.show_text(
    sp.prevalence_sentence(
        sp.prevalence(flags, column="any_flag"),
        what="had at least one red-flag pattern in their journal",
    ),
    flags["notes"].iloc[0],
)

# %% [markdown]
# **Careful with the word "prevalence".** These 200 people are a simulated class, not a sample
# of people with spinal cord injury: the share depends on which personas were put in. For
# real journals, the interval describes people *like the ones who kept journals* — and
# people whose pain varies in the evening may be the ones who keep a diary.

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("11_class_cohort"))

# %% [markdown]
# ## Summary
# - Pool journals into one long table with a `person` column; every record is still
#   checked, every problem reported, and a faulty journal does not sink the cohort.
# - Answer questions across people per person first, then count — and leave out, rather
#   than count as "no", people with too few entries.
# - Give a share with a Wilson interval, and remember whom the people represent.
# - The Parquet files are the contract: pandas, DuckDB, Polars, Spark or Dask read them as
#   they are.
#
# ## What next
# Back to notebook 09 to explore one journal, your own, with the dashboard.
#
# ## References
# - Wilson EB. Probable inference, the law of succession, and statistical inference.
#   *J Am Stat Assoc*. 1927;22:209-212. doi:10.1080/01621459.1927.10502953
# - Brown LD, Cai TT, DasGupta A. Interval estimation for a binomial proportion. *Stat Sci*.
#   2001;16:101-133. doi:10.1214/ss/1009213286
