# %% [markdown]
# # 06 · Reading a pain journal
#
# **A pain journal turns "it has been bad lately" into ratings with dates and times. This
# notebook shows what goes into one, why, and how to read a file without losing a single
# entry, even when the file is messy.**
#
# **Learning objectives** — by the end you can:
# 1. describe the journal format and say why each field is recorded;
# 2. explain why ratings written at the time beat ratings remembered a week later;
# 3. load an example journal and recognise its column types;
# 4. read a problems table row by row and check that no record was lost;
# 5. fix a messy file (`date_format=`, `columns=`, a corrected copy of the text) and draw a
#    first plot.
#
# **Prerequisites:** notebook 00 (how to use the notebooks); notebook 01 helps with the causes
# the example journals stand for. **Time to learn:** about 25 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now. A journal that shows one of them
# > is a reason to call for help, not to analyse further.

# %%
import io

import pandas as pd
from IPython.display import Markdown

import sci_pain as sp
from sci_pain.journal import markdown_table

sp.use_style()
pd.set_option("display.max_colwidth", None)  # show the reader's messages in full

# %% [markdown]
# ## 1. Why write pain down at the time?
#
# Ask someone at a clinic visit "how bad was your pain this week?" and they answer from
# memory. Memory is not a recording:
#
# - **[Recalled](glossary.md#recall-bias) ratings run higher** than the average of ratings made at the moment.
#   **Recall of the last day is accurate, but accuracy fades beyond a few days** (Broderick
#   2008: 83 people rated pain on an electronic diary about 5 times a day for a month, and
#   their 1-, 3-, 7- and 28-day recall was compared with those momentary ratings).
# - **An end-of-day rating of the day's average tracks the momentary ratings closely**
#   (correlations of 0.85 to 0.90 for pain; Stone 2010).
#
# Both studies were in people with rheumatic diseases, not spinal cord injury, but they are
# about how memory works, which is the same. So a journal records **momentary ratings**
# ("pain now", with the time), or at least one rating at the end of each day. A **weekly
# rating** is then something you *compute* from the journal (the mean of the week's entries),
# not something you ask someone to remember. The journal also keeps what a weekly rating
# hides: the time of day, the bad days, what happened before them.
#
# **The scale.** Pain is rated on the 0–10 **[numeric rating scale](glossary.md#numeric-rating-scale) (NRS)**: 0 is no pain, 10
# the worst pain imaginable, whole numbers only. When a journal is exchanged between health
# records, this rating has a standard code, **LOINC 72514-3** ("Pain severity - 0-10 verbal
# numeric rating [Score] - Reported"). A change of about 2 points, or 30%, is what most people
# call meaningful (Farrar 2001).
#
# **Beyond intensity.** Pain trials measure more than a number. IMMPACT (Dworkin 2005) named
# core domains: pain intensity, physical functioning, emotional functioning, the person's own
# global rating of improvement, symptoms and adverse events, and (for trials) who drops out and
# why; sleep is a supplementary domain. The journal's `interference` column covers how much pain got in the way of activity
# and mood, and `sleep_hours` covers sleep. A global rating ("how are you overall since the
# treatment began?") is asked at a visit, not in each entry.
#
# **The ISCIP Basic Data Set.** The International SCI Pain Basic Data Set (version 2.0) rates
# interference with daily activities, mood and sleep **separately**, each 0-10, and records the
# location, ISCIP type and intensity of up to three worst pains. The journal format has optional
# columns for these (`interference_activities`, `interference_mood`, `interference_sleep`,
# `pain_number`, `iscip_subtype`): one row per pain rated, three rows with the same time for
# three pains. A journal with only the older single `interference` column reads as before.

# %% [markdown]
# ## 2. The format: one row per entry
#
# A journal is a CSV file (a spreadsheet saved as text) with a header row and one row per
# diary entry. Only `timestamp` and `pain` are required; every other column may be left out or
# left empty. The table below comes straight from the library's schema, the one place where the
# format is written down (`data/README.md` shows the same table). Names and values are written
# here with spaces, as you may type them: `sleep hours` and `sleep_hours`, `pins and needles`
# and `pins_and_needles`, are read the same.

# %% tags=["nbval-check-output"]
Markdown(markdown_table(words=True))

# %% [markdown]
# Three kinds of columns need a word:
#
# - `spasms`, `activity_min` and `immobile_hours` count **since the previous entry**, so they
#   can be added up per day; `sleep_hours` is about the night before and is written once a day.
# - `quality` and `interventions` hold **several values** from a fixed list, separated by `;`
#   (`burning;tingling`). A fixed list is what makes counting possible: "burning" and
#   "Burning feeling" would otherwise be two different things.
# - `problem` names *which* pain is rated ("burning feet"), because people with spinal cord
#   injury often have several pains, and the International SCI Pain Basic Data Set rates each
#   one separately (Widerström-Noga 2014).

# %% [markdown]
# ## 3. Loading an example journal
#
# The package ships six synthetic journals, one per main cause of leg pain after spinal cord
# injury. They were made by a simulator with known, built-in effects, so later notebooks can
# check whether an analysis finds them. No real person's data are in them.

# %% tags=["nbval-check-output"]
examples = sp.list_example_journals()
sp.table(examples[["cause", "description", "days"]])

# %% [markdown]
# Load one. `load_example_journal` reads the file with `read_journal`, the same reader you
# will use for your own files, and returns a `Journal` with two tables: `.entries` (what was
# kept) and `.problems` (what was wrong).

# %% tags=["nbval-check-output"]
journal = sp.load_example_journal("neuropathic")
sp.table(journal.entries.head())

# %% [markdown]
# Every entry keeps its **`row`**: the row number a spreadsheet shows for it (the header is
# row 1, so the first entry is row 2). Whatever you find later, you can go back to the row in
# the file. A dash (–) marks a cell left empty.
#
# What the reader makes of each kind of column:
#
# - the date and time is a real date and time, so entries can be grouped by day, hour or
#   weekday;
# - pain, interference and spasms are **whole numbers** that may be missing: a pain of 4 stays
#   4, not 4.0, and an empty cell stays empty, never 0;
# - site and skin take only the allowed values, **in their natural order**, so tables and plots
#   run from hip to foot and from "ok" to "open wound", not alphabetically:

# %% tags=["nbval-check-output"]
sites = journal.entries["site"].cat.categories
sp.show_text("Sites, from top to bottom: " + " → ".join(sp.readable(site) for site in sites))

# %% [markdown]
# And the journal in numbers: how many records the file had, how many were kept, and a
# summary of the ratings (`sp.summarize_journal`). The example files are clean, so nothing is
# dropped. (`journal.summary()` says the same in one line, starting with where the file is on
# your computer.)

# %% tags=["nbval-check-output"]
sp.show_text(f"{journal.n_records} records: {journal.n_entries} kept, {journal.n_dropped} not kept")
sp.table(sp.summarize_journal(journal))

# %% [markdown]
# ## 4. A messy file
#
# Real journals are kept in spreadsheets and phone apps, typed in a hurry, and exported in
# whatever form the computer's language settings choose. The package ships a small synthetic
# messy file, one week of ratings of burning feet, made to look like an export from a
# spreadsheet set to a European locale. Here is its text, with the line numbers a text editor
# would show:

# %% tags=["nbval-check-output"]
path = sp.data_path("journals", "messy_example.csv")
text = path.read_text(encoding="utf-8-sig")  # utf-8-sig removes the invisible byte-order mark
for number, line in enumerate(text.splitlines(), start=1):
    print(f"line {number:>2} | {line}")

# %% [markdown]
# Before reading on, look for what is odd. Then read it:

# %% tags=["nbval-check-output"]
messy = sp.read_journal(path)
sp.table(messy.problems)

# %% [markdown]
# ### The problems, row by row
#
# The `row` column is the **spreadsheet row**, not the text line. They differ after line 6:
# the note `"Slept well. / Heels checked: skin ok"` is in quotes and runs over two lines, but in
# a spreadsheet it is one cell, so lines 6 and 7 are row 6, and from there on row = line − 1.
#
# - **Row 1 (the header), two notes.** `Sleep hrs` and `Weather` are not journal columns. They
#   are kept as text, not thrown away, and reported once each. For `Sleep hrs` the reader even
#   suggests the fix: it looks like the sleep hours column. Kept is "yes": no entry is lost.
# - **Row 4: `Shin` is not a site.** The vocabulary has no shin, and the reader does not guess
#   (the shin is not the calf). It **clears the value and keeps the entry**, because the pain
#   rating and time are still good: kept is "yes".
# - **Row 5: pain `55`.** The scale stops at 10. An invalid *pain* (or *timestamp*) means the
#   entry cannot be used, so it is **not kept**: kept is "no".
# - **Row 7: `burning, stinging`.** `burning` is kept; `stinging` is not in the descriptor
#   list, so it is removed and reported. The suggestion "did you mean tingling?" is only a
#   spelling match, not a clinical judgement.
# - **Row 8: `03/04/2026 08:00`.** Is that 3 April or 4 March? Both are possible, and a wrong
#   guess would move a rating by a month without anyone noticing, so the reader **never
#   guesses**: not kept, and the message names the accepted forms and the fix: read the file
#   with its date order given.
# - **Row 10: an exact copy of row 9.** The first copy stays; the second is reported as a
#   duplicate and not kept, so it cannot count twice.
#
# And what did *not* cause a problem: the byte-order mark, the semicolons between cells, the
# decimal commas (`6,5`), the headers `TIMESTAMP` and `Pain ` (with a space) and the two-line
# note. Those are ordinary ways of writing a CSV file, and the reader copes with them.
#
# Here is what was kept. Note row 6's two-line note, the site empty (–) in row 4,
# and the quality reduced to burning in row 7:

# %% tags=["nbval-check-output"]
sp.table(
    messy.entries[["row", "timestamp", "pain", "site", "quality", "notes", "Sleep hrs", "Weather"]]
)

# %% [markdown]
# ### Nothing was lost
#
# The reader's promise: **every record is either in `.entries` or has a problem with `kept`
# False, never both and never neither.** Check it yourself:

# %% tags=["nbval-check-output"]
kept = messy.entries["row"].tolist()
not_kept = messy.problems.loc[~messy.problems["kept"], "row"].tolist()
every_row_once = sorted(kept + not_kept) == list(range(2, 12))
sp.show_text(
    f"rows in .entries: {sp.readable(kept)}",
    f"rows with kept == False: {sp.readable(not_kept)}",
    f"{messy.n_records} records = {messy.n_entries} kept + {messy.n_dropped} not kept",
    f"each row from 2 to 11 exactly once: {'yes' if every_row_once else 'no'}",
)

# %% [markdown]
# ## 5. Fixing it
#
# Fix a journal by telling the reader what you know, never by guessing, and keep the original
# file as it is.
#
# **Say how to read the dates and which column is which.** Semicolons and decimal commas
# suggest a European spreadsheet, where dates are written day first; ask the person who kept
# the journal to be sure. Here they confirm it, so `03/04/2026` is 3 April. And the reader's
# own suggestion tells us how to map `Sleep hrs`:

# %%
day_first = "%d/%m/%Y %H:%M"
sleep = {"Sleep hrs": "sleep_hours"}
fixed = sp.read_journal(path, date_format=day_first, columns=sleep)

# %% tags=["nbval-check-output"]
sp.table(fixed.problems[["row", "column", "value", "kept"]])

# %% [markdown]
# Row 8 is now kept and `Sleep hrs` is the `sleep_hours` column, its decimal commas read as
# numbers (`6,5` is 6.5). The entries are sorted by time, so row 8 (3 April) comes after row 9
# (2 April): another reason why each entry keeps its `row`.

# %% tags=["nbval-check-output"]
sp.table(fixed.entries[["row", "timestamp", "pain", "sleep_hours"]])

# %% [markdown]
# **Correct a value only when you know the right one.** No option can fix pain `55`: only the
# person who wrote it knows what they meant. Suppose they tell you they pressed 5 twice. Then
# correct a *copy* of the text and read that (`io.StringIO` lets `read_journal` read a string
# as if it were a file):

# %%
corrected = text.replace("2026-03-31 21:00;55;", "2026-03-31 21:00;5;")
final = sp.read_journal(io.StringIO(corrected), date_format=day_first, columns=sleep)

# %% tags=["nbval-check-output"]
sp.show_text(final.summary())
sp.table(final.problems[["row", "column", "value", "problem", "kept"]])

# %% [markdown]
# What is left is fine as it is: `Weather` stays as an extra text column, the shin and the
# stinging stay cleared because there is no right value to put in their place, and the
# duplicate stays out. (To save the corrected journal, `final.to_csv("my_journal.csv")`
# writes it in the standard format.)

# %% [markdown]
# ## 6. A first plot
#
# Back to the neuropathic example. A timeline shows every rating as a dot and the 7-day
# rolling mean as a line (the mean of each day's mean over the last 7 days, drawn once at
# least half of those days have ratings). The simulator started TENS on 2 March
# (`sp.built_in_effects("neuropathic")` lists every built-in effect), so that date is marked:

# %%
tens = {"TENS": "2026-03-02"}
ax = sp.plot_timeline(journal, phases=tens)
shown = sp.show_figure(ax, alt=sp.journal_alt_text("timeline", journal, phases=tens))

# %% [markdown]
# How to read it: the dots at one date spread over several points because morning, afternoon
# and evening ratings differ (this person's pain is worse in the evening); the line smooths the
# day-to-day noise; gaps are days without an entry. Whether the pain really changed after
# TENS started is a question for notebook 08, which compares the phases properly.

# %% [markdown]
# ## 7. Explore it yourself
#
# Pick a journal in the drop-down menu. You see the reader's one-line summary, the check that
# nothing was lost, the problems table and the timeline. The six examples are clean; choose
# `messy_example` to see the messy file as it is read before any fix.

# %%
sp.make_journal_reader_explorer()

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("06_reading_a_pain_journal"))

# %% [markdown]
# ## Summary
# - A journal records **momentary** ratings with their time: recalled ratings run higher, and
#   recall is accurate for a day but fades beyond a few days. Weekly figures are computed from
#   the journal, not remembered.
# - Pain is a whole number on the 0–10 NRS (LOINC 72514-3). `interference` and `sleep_hours`
#   follow IMMPACT domains; every column's reason is in the format table.
# - `read_journal` returns `.entries` (typed: date-times, nullable integers, ordered
#   categoricals, with each entry's spreadsheet `row`) and `.problems` (`row`, `column`,
#   `value`, `problem`, `kept`).
# - An invalid optional value is cleared and the entry kept; an invalid `timestamp` or `pain`
#   costs the entry; an exact duplicate is reported; day/month dates are never guessed.
#   Every record is in `.entries` or has a `kept == False` problem.
# - Fix a file by telling the reader what you know (`date_format=`, `columns=`) or by
#   correcting a copy once the person confirms the value, never by guessing.
#
# ## What next
# Open **07 · Patterns in a journal** to find time-of-day, weekday and site patterns in these
# journals, and to judge associations honestly.
#
# ## References
# - Broderick JE, Schwartz JE, Vikingstad G, Pribbernow M, Grossman S, Stone AA. The accuracy
#   of pain and fatigue items across different reporting periods. *Pain*. 2008;139(1):146-157.
#   doi:10.1016/j.pain.2008.03.024. PMCID: PMC2617790.
# - Stone AA, Broderick JE, Schwartz JE. Validity of average, minimum, and maximum end-of-day
#   recall assessments of pain and fatigue. *Contemp Clin Trials*. 2010;31(5):483-490.
#   doi:10.1016/j.cct.2010.06.004. PMCID: PMC5935118.
# - Dworkin RH, Turk DC, Farrar JT, et al. Core outcome measures for chronic pain clinical
#   trials: IMMPACT recommendations. *Pain*. 2005;113(1-2):9-19.
#   doi:10.1016/j.pain.2004.09.012.
# - Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in
#   chronic pain intensity measured on an 11-point numerical pain rating scale. *Pain*.
#   2001;94(2):149-158. doi:10.1016/S0304-3959(01)00349-9.
# - Widerström-Noga E, Biering-Sørensen F, Bryce TN, et al. The International Spinal Cord
#   Injury Pain Basic Data Set (version 2.0). *Spinal Cord*. 2014;52(4):282-286.
#   doi:10.1038/sc.2014.4.
# - Regenstrief Institute. LOINC 72514-3: Pain severity - 0-10 verbal numeric rating [Score] -
#   Reported. https://loinc.org/72514-3/
