"""Sphinx configuration of the course site (`make site`; see tools/build_site.py).

The site is built from the STORED notebooks (myst-nb with execution off), so it shows exactly
what the committed notebooks show and needs no kernel. Nothing is loaded from the network.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "sci_pain: leg pain after spinal cord injury"
author = "sci_pain contributors"
copyright = "2026, sci_pain contributors (MIT licence)"
language = "en"

extensions = ["myst_nb", "course"]
exclude_patterns = ["_build", "**.ipynb_checkpoints"]
nb_execution_mode = "off"  # never re-execute: show the stored outputs
nb_merge_streams = True
myst_heading_anchors = 3  # glossary.md#allodynia resolves to the term's heading
myst_enable_extensions = ["colon_fence"]
suppress_warnings = ["mystnb.unknown_mime_type"]

html_theme = "sphinx_book_theme"
html_title = "Leg pain after spinal cord injury"
html_static_path = ["_static"]
html_css_files = ["course.css"]
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None  # no wall-clock dates in the pages
html_theme_options = {
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "use_download_button": False,
    "use_fullscreen_button": False,
    "use_repository_button": False,
    # One search: the sidebar's field. The PyData theme (>= 0.16) adds a second one to the header
    # unless navbar_persistent is set, and the book theme's own empty default no longer stops it.
    "navbar_persistent": [],
    # The clinical disclaimer on every page (the theme's announcement bar).
    "announcement": (
        "<strong>Educational only.</strong> This course never diagnoses a person and never "
        "gives a dose. One leg swollen, warm or red; a pounding headache with an injury at T6 "
        "or above; an infected pressure injury: seek medical care now."
    ),
    "extra_footer": (
        "<p>Educational material for clinical students; not medical advice. "
        "All example journals are synthetic.</p>"
    ),
}
# Search works from file:// (a lecturer opening build/site/index.html): no summaries fetched.
html_show_search_summary = False
html_context = {"default_mode": "light"}
