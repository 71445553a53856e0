# %% [markdown]
# # 00 · Start here
#
# **Leg pain after spinal cord injury (SCI): why it happens, how it is managed, and how to read
# a [pain journal](glossary.md#pain-journal).**
#
# These notebooks are for students in clinical courses (nursing, physiotherapy, occupational
# therapy, medicine) and for anyone learning on their own — including people who live with SCI
# and their families. Each notebook explains one topic with short text and figures, lets you
# explore it with controls, and ends with self-checks that give feedback.
#
# **Learning objectives** — by the end of this notebook you can:
# 1. say what this package is for, and what it is not for;
# 2. use sliders, drop-downs and self-check questions in a notebook;
# 3. find your way along the learning path and take a first look at a pain journal.
#
# **Prerequisites:** none. **Time to learn:** about 10 minutes.

# %% [markdown]
# ## Before you start: what this package is not
#
# > ⚠️ **Educational only.** This course teaches. It **never diagnoses a person** and **never gives a
# > dose** of any medicine. Its calculators and the reasoning aid show how clinicians think; they
# > do not replace an assessment by a qualified professional.
# >
# > **[Red flags](glossary.md#red-flag) mean seeking care now, not more analysis:**
# > - one leg **swollen, warm or red** — possible deep vein thrombosis (DVT), an emergency;
# > - with an injury at **T6 or above**: a **pounding headache**, flushing or sweating above the
# >   level, or a sudden rise in blood pressure — possible **autonomic dysreflexia**, an emergency
# >   often set off by a painful stimulus below the level (bladder, bowel, skin, a fracture);
# > - a pressure injury that is **hot, smelly, oozing pus, or with fever** — possible infection.
#
# The example journals are synthetic: no real person's data is in this package, and nothing you
# load in these notebooks leaves your computer.

# %% [markdown]
# ## The learning path
#
# Work through the notebooks in order; each one builds on the ones before it.

# %% tags=["nbval-check-output"]
import sci_pain as sp

sp.use_style()
path = sp.learning_path_table()
sp.table(path[["notebook", "title", "minutes"]])

# %% [markdown]
# What each notebook will teach you:

# %%
sp.table(path[["notebook", "objectives"]])

# %% tags=["nbval-check-output"]
sp.show_text(f"The whole path takes about {path['minutes'].sum() / 60:.1f} hours.")

# %% [markdown]
# ## How to use the notebooks
#
# - **Run a cell** with <kbd>Shift</kbd>+<kbd>Enter</kbd>; run the whole notebook from the
#   **Run → Run All Cells** menu. If something looks stuck, use **Kernel → Restart Kernel and Run
#   All Cells**.
# - **Controls** (sliders, drop-downs, tick boxes) change what a figure or a table shows. Drag a
#   slider with the mouse, or click its handle and use the arrow keys; every control has a label
#   saying what it does. Nothing you change can break anything: re-run the cell to start again.
# - **Figures** carry a short description (alt text) for screen readers and for reading without
#   images; the same description appears when you hover over the picture in most browsers.
# - **Self-checks** ask a question; choose or type an answer, then press **Check** to see feedback
#   and an explanation. On a page that cannot run code (GitHub, nbviewer) the answers are folded
#   under "Show the answer".

# %% [markdown]
# ## A first look at a pain journal
#
# Later notebooks teach you to read pain journals: one line per rating, with the time, the pain
# on the 0-10 scale and what else happened. The package ships six **synthetic** example journals,
# one for each main cause of leg pain, with effects built in on purpose so you can check that an
# analysis finds them.

# %% tags=["nbval-check-output"]
sp.table(sp.list_example_journals()[["name", "cause", "days"]])

# %% [markdown]
# Try the controls: pick another journal, or drag the smoothing slider (a wider window gives a
# smoother line). Each dot is one rating; the line is the rolling mean; marks along the top are
# red flags the scan found (in the `dvt` journal: one swollen leg with a rise in pain).

# %%
sp.make_first_look("neuropathic")

# %% [markdown]
# ## Self-check
#
# Try the two questions below.

# %%
quiz = sp.show_quiz(sp.load_quiz("00_start_here"))

# %% [markdown]
# ## Summary
# - This course explains why leg pain follows a spinal cord injury, how it is managed, and how to
#   read a pain journal — for learning, never to diagnose a person or choose a dose.
# - Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
#   infected pressure injury) mean seeking care now.
# - Controls change figures; self-checks give feedback; every figure is described in words.
#
# ## What next
# Open **01 · Why legs hurt after spinal cord injury** for the map of causes.
#
# ## References
# - Bryce TN, et al. International Spinal Cord Injury Pain (ISCIP) Classification: Part I.
#   *Spinal Cord*. 2012;50:413-417.
# - Farrar JT, et al. Clinical importance of changes in chronic pain intensity measured on an
#   11-point numerical pain rating scale. *Pain*. 2001;94:149-158.
