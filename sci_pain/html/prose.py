"""Sentences for people in a notebook: HTML that wraps between words, and its plain text.

JupyterLab shows printed text (a stream output) in a monospace block styled with
``word-break: break-all``, so a sentence can break in the middle of a word. Text meant to be
read is shown as HTML instead, which wraps between words (a long unbroken string such as a
file path may still wrap inside itself rather than overflow); the same words, one line each,
are the plain-text form that nbval compares and a text-only reader sees. The widget layer's
:func:`sci_pain.show_text` displays it.

Examples
--------
>>> prose_html(["Pain 4 <of 10>", "Sleep 6 h"])
'<div class="sci-pain-text" style="white-space:normal;word-break:normal;overflow-wrap:break-word"><p>Pain 4 &lt;of 10&gt;</p><p>Sleep 6 h</p></div>'
>>> print(prose_text(["Raise the legs", "Loosen tight clothing"], bullets=True))
- Raise the legs
- Loosen tight clothing
"""

from __future__ import annotations

from collections.abc import Iterable

from sci_pain.html._templates import render

__all__ = ["prose_html", "prose_text"]


def _lines(lines: Iterable[object]) -> list[str]:
    """Return the text of each item, one line per line break (a summary's lines stay lines)."""
    return [part for line in lines for part in str(line).split("\n")]


def prose_html(lines: Iterable[object], *, bullets: bool = False) -> str:
    """Return lines of text as HTML paragraphs (or a bulleted list) that wrap between words.

    Parameters
    ----------
    lines : iterable
        The text, one paragraph (or bullet) per item; a line break inside an item starts a new
        one. Items are shown as text: ``<`` and ``&`` never become markup.
    bullets : bool, default False
        Show the lines as a bulleted list.

    Returns
    -------
    str
        A ``<div class="sci-pain-text">`` holding ``<p>`` or ``<ul>``.
    """
    # the style wraps between words, and inside a word only when it cannot fit a line by itself
    return render("_prose.html.j2", lines=_lines(lines), bullets=bullets)


def prose_text(lines: Iterable[object], *, bullets: bool = False) -> str:
    """Return the plain-text form of :func:`prose_html`: one line each, ``- `` before bullets."""
    return "\n".join(f"- {line}" if bullets else line for line in _lines(lines))
