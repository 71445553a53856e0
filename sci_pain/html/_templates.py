"""The HTML layer's templates: Jinja2 with autoescape, loaded from the package.

Templates live in ``sci_pain/html/templates/`` (``*.html.j2``, plus style sheets) and ship in
the wheel; they are read with :mod:`importlib.resources`, so an installed package finds them
wherever it is. Every value a template prints is escaped unless it is
:class:`markupsafe.Markup` (HTML the package built itself): text from a journal, a file name or
a knowledge file always appears as text.

Escaping is the standard library's :func:`html.escape` (``'`` becomes ``&#x27;``, ``"``
becomes ``&quot;``), the same as the package's Python-built HTML, so the pages do not depend on
which of the two built a piece.

Examples
--------
>>> render("_red_flags.html.j2", items=[], notes=["Checked <nothing>"], title="", empty="")
'<div class="sci-pain-red-flags none" role="status"><p class="note"><strong>Checked &lt;nothing&gt;.</strong></p></div>'
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Any

from markupsafe import Markup

__all__ = ["Markup", "environment", "render", "stylesheet"]


def _escape(value: Any) -> Any:
    """Escape what a template prints like :func:`html.escape`; leave ``Markup`` alone.

    Jinja2 calls this (its ``finalize``) before its own autoescape, which then leaves the
    ``Markup`` returned here as it is: so the page escapes ``'`` and ``"`` the same way as the
    package's other HTML. ``None`` prints as nothing.
    """
    if value is None:
        return ""
    if isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value), quote=True))


def _source(name: str) -> str:
    return resources.files(__package__).joinpath("templates", name).read_text(encoding="utf-8")


@cache
def environment():
    """Return the layer's one Jinja2 environment (autoescape, stdlib escaping, strict names).

    Examples
    --------
    >>> environment().autoescape
    True
    """
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FunctionLoader(_source),
        autoescape=True,
        finalize=_escape,
        undefined=jinja2.StrictUndefined,
    )


def render(name: str, **context: Any) -> str:
    """Render the template ``name`` (in ``sci_pain/html/templates``) with ``context``.

    Parameters
    ----------
    name : str
        The template's file name, e.g. ``"_red_flags.html.j2"``.
    **context
        The template's variables. Strings are escaped; pass :class:`markupsafe.Markup` for
        HTML built by the package.

    Returns
    -------
    str
        The HTML (a plain ``str``).

    Examples
    --------
    >>> section = {"id": "notes", "title": "Notes <mine>", "body": Markup("<p>x</p>"), "open": 1}
    >>> render("_section.html.j2", section=section, expand=False)
    '<section id="notes" aria-labelledby="notes-h"><h2 id="notes-h">Notes &lt;mine&gt;</h2><p>x</p></section>'
    """
    return str(environment().get_template(name).render(**context))


@cache
def stylesheet(name: str) -> str:
    """Return the text of a style sheet shipped with the templates (e.g. ``"report.css"``).

    Examples
    --------
    >>> stylesheet("report.css").lstrip().startswith(":root")
    True
    """
    return _source(name)
