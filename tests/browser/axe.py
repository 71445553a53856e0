"""Run axe-core (bundled by axe-playwright-python) in a Playwright page.

Only WCAG 2.0/2.1 level A and AA rules run; `serious_violations` returns the violations of
impact "serious" or "critical", which must be zero on the project's own content.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = ("serious", "critical")


@cache
def _axe_script() -> str:
    return files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


def start_axe(page, *, include=None, exclude=None) -> None:
    """Start axe-core on ``page`` without waiting for it (collect with `axe_violations`).

    Started on pages of different browser contexts (each its own renderer process), the
    audits run side by side on a machine with more than one core.
    """
    page.evaluate(_axe_script())
    context = {}
    if include:
        context["include"] = [[s] for s in include]
    if exclude:
        context["exclude"] = [[s] for s in exclude]
    # preload off: axe would fetch the stylesheets by XHR, which file:// pages refuse
    options = {
        "runOnly": {"type": "tag", "values": WCAG_TAGS},
        "resultTypes": ["violations"],
        "preload": False,
    }
    page.evaluate(
        """([context, options]) => {
          window.__sciPainAxe = axe.run(Object.keys(context).length ? context : document, options);
        }""",
        [context, options],
    )


def axe_violations(page, **kwargs) -> list[dict]:
    """All WCAG 2.1 A/AA violations in the page (or in ``include`` minus ``exclude``).

    Without arguments on a page where `start_axe` ran, the result of that run.
    """
    if kwargs or not page.evaluate("() => window.__sciPainAxe !== undefined"):
        start_axe(page, **kwargs)
    results = page.evaluate("() => window.__sciPainAxe")
    page.evaluate("() => { delete window.__sciPainAxe; }")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "count": len(v["nodes"]),
        }
        for v in results["violations"]
    ]


def serious_violations(page, **kwargs) -> list[dict]:
    return [v for v in axe_violations(page, **kwargs) if v["impact"] in BLOCKING]
