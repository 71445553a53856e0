# %% [markdown]
# # 09 · Your own journal
#
# **Everything so far used synthetic journals. This notebook is about a real one, yours or one
# a person shares with you: getting it into the format, checking it, exploring it, turning it
# into a report to take to a clinic visit, and de-identifying it before it is shown to a
# class.**
#
# **Learning objectives** — by the end you can:
# 1. export a journal from a spreadsheet, or import one from a diary app, into the journal
#    format;
# 2. read (upload) and validate a file, and fix what its problems table reports;
# 3. explore a journal with the dashboard;
# 4. write a self-contained clinic report and say what it can and cannot tell;
# 5. de-identify a journal before sharing it, and say what de-identification does not do.
#
# **Prerequisites:** notebook 06 (reading a journal); 07 (patterns) and 08 (did it help?)
# explain the numbers in the report. **Time to learn:** about 25 minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now, whatever a journal or a report
# > says.
#
# > 🔒 **Nothing leaves your computer.** The package reads files from your disk and writes
# > files to your disk. It makes no network connection (a test checks this), sends nothing to
# > anyone, and the report it writes is a single file that fetches nothing. Who sees your
# > journal is up to you.
#
# > 🗂 **Where to keep your own files: the `my_journals` folder.** Make a folder called
# > `my_journals` at the top of the project (next to the `notebooks` folder) and put your diary
# > files there. The project's `.gitignore` lists `my_journals/`, so git never records, commits
# > or shares what is in it. The upload below lists the files it finds there.

# %%
import io
import re
import tempfile
from pathlib import Path

import pandas as pd
from IPython.display import HTML

import sci_pain as sp

sp.use_style()
pd.set_option("display.max_colwidth", None)  # show the messages in full

# %% [markdown]
# ## 1. Getting your journal into the format
#
# **From a spreadsheet** (Excel, LibreOffice, Google Sheets, Numbers). Use one row per entry
# and a header row. Only two columns are required:
#
# | Column | What to write | Example |
# |---|---|---|
# | `timestamp` | date and time, year first | `2026-03-02 08:00` (or just `2026-03-02`) |
# | `pain` | a whole number from 0 (no pain) to 10 (worst imaginable) | `4` |
#
# Add any of the optional columns from notebook 06 (`site`, `side`, `quality`, `spasms`,
# `sleep_hours`, `interventions`, `notes`, ...) and leave cells empty when there is nothing to
# say. To make dates come out year first, give the date column the custom cell format
# `yyyy-mm-dd hh:mm`. Then save as CSV: in Excel *Save As → CSV UTF-8*, in LibreOffice *Save
# As → Text CSV* with character set UTF-8, in Google Sheets *File → Download → CSV*.
#
# The easiest start is a copy of a file that already works: `journal.to_csv()` writes any
# journal as such a file. These are the first entries of an example journal, as the package
# reads them:

# %% tags=["nbval-check-output"]
example = sp.load_example_journal("neuropathic")
first = example.entries.head(3)
sp.table(first[["timestamp", "pain", "side", "site", "quality", "spasms", "sleep_hours"]])

# %% [markdown]
# **From a diary app.** Three importers read other formats into the same `Journal`, with the
# same problems table:
#
# - `sp.read_bearable(path)`: a Bearable CSV export;
# - `sp.read_flaredown(path)`: a Flaredown export;
# - `sp.read_fhir(bundle)`: a FHIR R4 Bundle of pain Observations (LOINC 72514-3), the form
#   health records exchange (`sp.to_fhir(journal)` goes the other way).
#
# Apps rate symptoms on their own scales, and **no scale is converted**: Bearable's 0–4
# symptom severity (none ... unbearable) is not a 0–10 rating with coarser steps, and no
# published mapping between them exists. Only real 0–10 ratings become entries; every other
# record is reported with its original value. A tiny Bearable export shows this:

# %% tags=["nbval-check-output"]
bearable = """date,weekday,time of day,category,rating/amount,detail,notes
"2nd Mar 2026","Monday","08:10","Health measurements","4","Pain","stiff this morning"
"2nd Mar 2026","Monday","pm","Symptom","2","Leg pain (Moderate)",""
"3rd Mar 2026","Tuesday","21:00","Health measurements","6","Pain",""
"""
imported = sp.read_bearable(io.StringIO(bearable))
sp.table(imported.entries[["row", "timestamp", "pain", "notes"]])

# %% tags=["nbval-check-output"]
imported.problems[["row", "value", "problem", "kept"]]

# %% [markdown]
# Two 0–10 pain measurements became entries; the 0–4 symptom rating (row 3) was not turned
# into a number it never was, and the problems table says so.

# %% [markdown]
# ## 2. Upload and validate, without code
#
# Click **Upload a diary file** (or choose a file from your `my_journals` folder). The file
# goes from your disk to the Python kernel on your own computer, nowhere else. Then:
#
# 1. **What kind of file it is** is recognised from its content, not its name: a journal CSV
#    or `.xlsx` workbook from a spreadsheet, a Bearable, Flaredown or Privacy Friendly Pain
#    Diary export, or a FHIR Bundle from a health record.
# 2. **Columns.** When a column's name is not one of the journal's (say `Level of pain`
#    instead of `pain`), a drop-down named after that column asks what it holds. Only the date
#    and time and the pain rating are required; leave the others "not used" if you like.
# 3. **Dates.** When a day above 12 shows the order (`30/03/2026` can only be day first), the
#    file is read in that order. When every day is 12 or less, the upload asks which way
#    round the dates are written and offers **Day first (31/12/2024)**, **Month first
#    (12/31/2024)** or **Year first / ISO**, with how the first dates read in the order you
#    pick. The choice is yours: `03/04/2026` is 3 April to a person in Europe and 4 March to
#    one in the USA, and only the person who wrote it knows which. The same question comes for
#    a spreadsheet workbook and a Pain Diary export, and in the dashboard's upload.
# 4. **Validate**: read the summary line, then every problem below it. `kept` no means the
#    entry is left out of every analysis and of the report.
# 5. **Make the clinic report** or **a de-identified CSV** (section 5): each appears as a
#    download link. Nothing is saved anywhere until you click the link and save the file.
#
# **An app export without 0-10 pain ratings.** Bearable and Flaredown rate symptoms 0-4. That
# is a different scale, with different words at its anchors, and no published conversion to
# 0-10 exists, so the package never makes one. For such a file the upload says plainly what
# cannot be shown (the figures, trends and report need 0-10 ratings) and lists what the file
# does hold, such as symptoms, sleep, mood and medication, on the app's own scales, as
# context.

# %%
sp.make_journal_upload()

# %% [markdown]
# **The same in code**, for those who want it. Here the bundled messy file from notebook 06
# stands in for yours. An upload hands the notebook the file's bytes and its name, so we read
# it the same way:

# %%
upload = io.BytesIO(sp.data_path("journals", "messy_example.csv").read_bytes())
upload.name = "my-journal.csv"
journal = sp.read_journal(upload)

# %% tags=["nbval-check-output"]
sp.show_text(journal.summary())
sp.table(journal.problems[["row", "column", "value", "problem", "kept"]])

# %% [markdown]
# `kept` False means the entry is left out of every analysis and of the report; `kept` True
# means a value was cleared or a header noted, and the entry stays. Notebook 06 goes through
# this file row by row. The fix is always to tell the reader what you know, never to guess.
# Here the person confirms that their spreadsheet writes the day first, so `03/04/2026` is
# 3 April (in the upload above, that is the **Day first (31/12/2024)** choice of "Dates in
# the file are written"):

# %% tags=["nbval-check-output"]
upload.seek(0)
journal = sp.read_journal(upload, date_format="%d/%m/%Y %H:%M")
sp.show_text(journal.summary())

# %% [markdown]
# Row 8 is kept now. The pain of 55 and the duplicate stay out: only the person who wrote them
# knows what they meant (notebook 06 shows how to correct a copy of the text once they tell
# you).
#
# The same check runs outside a notebook, in a terminal. It prints the summary and the
# problems table, and its exit status is 0 for a clean file, 1 when some records have
# problems and 2 when the file cannot be read:
#
# ```
# sci-pain validate my-journal.csv --date-format "%d/%m/%Y %H:%M"
# ```

# %% [markdown]
# ## 3. Explore it with the dashboard
#
# The dashboard shows one figure of a journal at a time. Pick the **figure**, the **journal**
# (the examples, or a file you upload: it is recognised and read as in section 2, and its
# problems table shown), then narrow
# the **dates**, the **site** and the **side**; the **smoothing** slider sets the rolling mean
# of the timeline. Red flags among the entries shown are listed above the figure, and its
# description is below it. It opens on the `neuropathic` example. Try: the calendar, then a
# smoothing of 14 days on the timeline; then the `dvt` journal in the **Journal** menu, whose
# red flags appear above the figure; then your own diary with **Upload a diary**. (To open it
# on a journal you have read already, pass it: `sp.make_journal_dashboard(journal)`.)

# %%
sp.make_journal_dashboard(render="output")

# %% [markdown]
# ## 4. A report for the clinic
#
# A clinic visit is short. The report's **first page says what matters**: the red flags
# first, then *At a glance*: the period, the trend with a timeline, the two or three clearest
# patterns, and what changed after each intervention. Everything else follows **folded under
# its heading** (click to open): the calendar, the patterns in full, each before-and-after
# comparison with NAP and Tau-BC from notebook 08 and its warnings, the links with activity,
# sleep and spasms, the notes, and the problems found when reading the file. A year's journal
# prints on at most four A4 pages; open the sections first to print them too. It reads on a
# phone as well, and it says clearly that it is **not a diagnosis**.
#
# Two rules keep it honest. A change after an intervention is called important only when it is
# **at least 2 points and at least 30%** of the "before" mean (IMMPACT): from a low 1.1, a
# rise of 0.4 points is 36% but is not a moderate worsening. And a link with sleep or activity
# is called **clear** only when its interval excludes zero after allowing for how many links
# were looked at, with enough independent days.
#
# `sp.write_report(journal, path)` writes it as **one HTML file**: the figures are inside the
# file, with alt text, and the page runs no scripts and fetches nothing, so it can be opened
# on any computer or phone, printed, or sent, and it shows the same everywhere. The work takes
# a few seconds, so it reports its progress.
#
# Here the report is written for the `dvt` example into a temporary folder (for your own, pass
# a path such as `"my-report.html"`):

# %% tags=["nbval-check-output"]
scratch = tempfile.TemporaryDirectory()  # removed again at the end of this section
report = sp.write_report(
    sp.load_example_journal("dvt"),
    Path(scratch.name) / "clinic-report.html",
    progress=lambda done, total, step: sp.show_text(f"{100 * done / total:.0f}%: {step}"),
)

# %% [markdown]
# What is in it: its sections, and whether every figure carries a description.

# %%
page = report.read_text(encoding="utf-8")
sp.show_text(f"{report.name}: {len(page) / 1024:.0f} KB in one file")

# %% tags=["nbval-check-output"]
images = re.findall(r"<img [^>]*>", page)
sp.show_text(
    f"{len(images)} figures, {sum('alt=' in img for img in images)} with alt text",
    "Sections: " + "; ".join(re.findall(r'<h2 id="[\w-]+">([^<]+)</h2>', page)),
)

# %% [markdown]
# And its first section, the red flags, as the page shows it. The flagged entries are grouped
# into **episodes** (consecutive days of one red flag), worded in the referral ladder's terms
# ("Emergency: seek care now"), with what to do and who to go to. It never says what the
# person has. The injury level was not given, so the report says that the risk of autonomic
# dysreflexia was not assessed:

# %%
start = page.index('<section id="red-flags"')
excerpt = page[start : page.index("</section>", start)] + "</section>"
scratch.cleanup()
HTML(excerpt)

# %% [markdown]
# For your own journal, the **Make the clinic report** button of the upload in section 2 does
# all this and gives you a download link. Open the file in a browser to see the whole page;
# *File → Print* makes a tidy printout. In a terminal the same report is one command
# (progress is printed as it goes):
#
# ```
# sci-pain report my-journal.csv -o my-report.html --date-format "%d/%m/%Y %H:%M"
# ```
#
# Add `--level T4` (the person's neurological level, or `--t6` when only "at or above T6" is
# known): with an injury at T6 or above a surge of spasms is then flagged as an emergency,
# because **the trigger behind it** (a full bladder, a urine infection, a pressure sore, a
# fracture) can set off autonomic dysreflexia. Without a level the report states "Autonomic
# dysreflexia (AD) risk not assessed: injury level unknown".
#
# **What a report cannot do.** It only sees what was written down, so "no red flag" does not
# rule anything out. An association is not a cause. A before-and-after change does not prove
# that the intervention caused it. Bring the report to the clinician and read it together.

# %% [markdown]
# ## 5. De-identify before sharing with a class
#
# A journal is health data. Before it is shown to a class, ask the person, share it with the
# fewest people needed, and **de-identify** it. `journal.deidentify()` returns a copy that:
#
# - **drops free text**: the notes and any extra columns (they can name people and places);
# - **replaces the names of pains** (`problem`, the person's own words) by `pain 1`,
#   `pain 2`, ...;
# - **moves every date** by the same random whole number of weeks, so weekdays, times of day
#   and the gaps between entries stay exactly as they were and every pattern can still be
#   studied, but the real dates are gone.
#
# The ratings stay. Here are four entries with notes, before and after:

# %% tags=["nbval-check-output"]
journal = sp.load_example_journal("dvt")
shared = journal.deidentify(seed=2026)  # a seed only for this lesson: see below
rows = journal.entries.loc[journal.entries["notes"].notna(), "row"].head(4)
columns = ["timestamp", "pain", "problem", "notes"]
side_by_side = pd.concat(
    {
        "before": journal.entries.set_index("row").loc[rows, columns],
        "after": shared.entries.set_index("row").loc[rows, columns],
    },
    axis=1,
)
side_by_side.columns = [f"{name.capitalize()} ({when})" for when, name in side_by_side.columns]
sp.table(side_by_side)

# %% tags=["nbval-check-output"]
old, new = journal.entries["timestamp"], shared.entries["timestamp"]
same_weekday = old.dt.day_name().eq(new.dt.day_name()).all()
same_time = old.dt.time.eq(new.dt.time).all()
sp.show_text(
    f"same weekday for every entry: {'yes' if same_weekday else 'no'}",
    f"same time of day for every entry: {'yes' if same_time else 'no'}",
    f"shifted by {(new - old).iloc[0].days / 7:+.0f} weeks",
    f"notes left: {shared.entries['notes'].notna().sum()}, source: {shared.source}",
)

# %% [markdown]
# For your own journal, the **Make a de-identified CSV** button of the upload in section 2 does
# this and gives you a download link (in code: `shared.to_csv("journal_for_class.csv")`).
#
# The seed above makes this lesson repeat exactly, but anyone who knows it can undo the
# shift. **For a journal you really share, leave the seed out.**
#
# **What de-identification does not do.** It lowers the risk; it does not remove it. A rare
# event at a known time (a hospital stay, a new treatment) can still point to a person in a
# small group, and so can a distinctive pattern of pain. Studies of health data show that a few
# such details are often enough to re-identify someone (Sweeney 2002; El Emam 2011). And
# make the clinic report from the **original** journal: the person's own clinician should see
# the real dates and notes.

# %% [markdown]
# ## 6. Privacy, in short
#
# - **Nothing leaves your computer**: reading, analysing, the dashboard and the report all run
#   in the Python kernel on your machine, with no network connection.
# - **Files stay where you put them**: the journal you read, the report you write, the
#   de-identified copy. Keep your own in `my_journals/`, which git ignores. Delete what you
#   no longer need.
# - **A notebook keeps its outputs.** After running this notebook on your own journal, the
#   tables and figures of your data are saved inside the `.ipynb` file. Before you send the
#   notebook to anyone, use *Edit → Clear Outputs of All Cells* and save.
# - **Share the least**: the de-identified copy for a class, the report for your clinician,
#   the original for no one who does not need it.

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("09_your_own_journal"))

# %% [markdown]
# ## Summary
# - A journal is a CSV file with a date and time and a 0–10 pain rating, plus optional
#   columns; the upload recognises journal CSVs, Bearable, Flaredown and FHIR files by their
#   content, and never converts a 0–4 symptom rating into a 0–10 pain score.
# - Validate by reading the summary and every problem; fix by saying what you know (which
#   column holds what, how dates are written, chosen in the drop-downs), never by guessing.
#   `sci-pain validate` does the same in a terminal.
# - The dashboard explores one figure at a time, with filters, red flags and a description.
# - The clinic report (the upload's button, `sp.write_report` or `sci-pain report`) is one
#   self-contained HTML page: red flags, then what matters at a glance on the first page, the
#   details folded below. A change counts as important only at 2 points and 30% together. It
#   is not a diagnosis.
# - `journal.deidentify()` drops free text, renames pains and shifts dates by whole weeks,
#   keeping weekday and time-of-day patterns; it lowers the risk of re-identification but does
#   not remove it.
#
# ## What next
# Notebook 10, **Cases: from story to plan**, puts the whole path together: six people, each
# taken from their story and journal to a classification, a screen, the red flags, a plan and a
# referral. Come back to **07 · Patterns in a journal** and **08 · Did it help?** with a journal
# of your own (or a de-identified one from a friend).
#
# ## References
# - Farrar JT, Young JP Jr, LaMoreaux L, Werth JL, Poole RM. Clinical importance of changes in
#   chronic pain intensity measured on an 11-point numerical pain rating scale. *Pain*.
#   2001;94(2):149-158. doi:10.1016/S0304-3959(01)00349-9.
# - Dworkin RH, Turk DC, Wyrwich KW, et al. Interpreting the clinical importance of treatment
#   outcomes in chronic pain clinical trials: IMMPACT recommendations. *J Pain*.
#   2008;9(2):105-121. doi:10.1016/j.jpain.2007.09.005.
# - Parker RI, Vannest KJ. An improved effect size for single-case research: nonoverlap of all
#   pairs. *Behav Ther*. 2009;40(4):357-367. doi:10.1016/j.beth.2008.10.006.
# - Tarlow KR. An improved rank correlation effect size statistic for single-case designs:
#   baseline corrected Tau. *Behav Modif*. 2017;41(4):427-467. doi:10.1177/0145445516676750.
# - Sweeney L. k-anonymity: a model for protecting privacy. *Int J Uncertain Fuzziness
#   Knowl-Based Syst*. 2002;10(5):557-570. doi:10.1142/S0218488502001648.
# - El Emam K, Jonker E, Arbuckle L, Malin B. A systematic review of re-identification attacks
#   on health data. *PLoS One*. 2011;6(12):e28071. doi:10.1371/journal.pone.0028071.
# - HL7 International. FHIR R4, Observation resource; LOINC 72514-3, Pain severity - 0-10
#   verbal numeric rating [Score] - Reported.
