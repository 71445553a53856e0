# %% [markdown]
# # NN · Title of the notebook
#
# **Learning objectives** — by the end you can:
# 1. ...
# 2. ...
#
# **Prerequisites:** notebook NN-1 (or none). **Time to learn:** about NN minutes.
#
# > **Educational only.** This notebook teaches; it never diagnoses a person or gives a dose.
# > Red flags (a swollen, warm, red leg; a pounding headache with an injury at T6 or above; an
# > infected pressure injury) mean seeking medical care now.

# %%
import sci_pain as sp

sp.use_style()

# %% [markdown]
# ## 1. First section
#
# Short text. Then a figure, always with a one-sentence alt text:

# %%
# ax = sp.plot_something(data)
# sp.show_figure(ax, alt="One sentence that says what the figure shows.")  # displays; returns None
# sp.show_text(f"Mean pain {mean:.1f} over {days} days.")  # sentences: never print (breaks words)

# %% [markdown]
# ## 2. Explore it yourself
#
# Say what the widget does and what to try. Widgets are built by the library and displayed here.

# %%
# sp.make_something_widget()

# %% [markdown]
# ## Self-check

# %%
quiz = sp.show_quiz(sp.load_quiz("NN_name"))

# %% [markdown]
# ## Summary
# - ...
#
# ## What next
# Notebook NN+1: ...
#
# ## References
# - Author A, et al. Title. *Journal*. Year;Vol:pages. doi:...
