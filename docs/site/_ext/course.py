"""Sphinx extension for the course site: widget notes instead of placeholders.

The stored notebooks replace live widgets by the text "[Interactive widget: ...]". On the site
that text becomes a clearly marked note saying the control is interactive in JupyterLab, and
where to open it.
"""

from __future__ import annotations

from docutils import nodes

WIDGET_MARK = "[Interactive widget"
NOTE = (
    "This control needs a running notebook. Open the notebook in JupyterLab (on your campus "
    "JupyterHub, on Binder or after a local install; see the instructor guide) and run it "
    "to use it."
)


def _widget_notes(app, doctree, docname):
    for block in list(doctree.findall(nodes.literal_block)):
        if not block.astext().lstrip().startswith(WIDGET_MARK):
            continue
        note = nodes.admonition(classes=["note", "widget-note"])
        note += nodes.title(text="Interactive in JupyterLab")
        note += nodes.paragraph(text=NOTE)
        block.replace_self(note)


def setup(app):
    app.connect("doctree-resolved", _widget_notes)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
