"""The dermatome figure of the ISCIP exercise."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from matplotlib.patches import Rectangle

import sci_pain as sp
from sci_pain.style import PALETTE


def _bands(ax):
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_width() == 1]


def test_zones_are_shaded_by_colour_and_pattern():
    ax = sp.plot_dermatome_zones("T8")
    bands = _bands(ax)
    assert len(bands) == len(sp.DERMATOMES)
    by_name = dict(zip(sp.DERMATOMES, bands, strict=True))
    orange = plt.matplotlib.colors.to_rgba(PALETTE["orange"])
    at = [d for d, b in by_name.items() if b.get_facecolor() == orange]
    assert at == ["T8", "T9", "T10", "T11"]
    assert {by_name[d].get_hatch() for d in at} == {"//"}
    assert by_name["T12"].get_hatch() == ".." and by_name["T7"].get_hatch() in ("", None)
    assert ax.get_title() == "Neurological level T8: at-level zone T8-T11"
    assert ax.get_xlabel()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "at-level zone (level and 3 below)" in legend


def test_pains_are_marked_and_labelled_on_their_dermatome():
    ax = sp.plot_dermatome_zones("L1", pains={"groin and thighs": "L3", "feet": "S1"})
    labels = [t.get_text() for t in ax.texts]
    assert "★ groin and thighs (L3)" in labels and "★ feet (S1)" in labels
    stars = [line for line in ax.lines if line.get_marker() == "*"]
    n = len(sp.DERMATOMES)
    assert sorted(s.get_ydata()[0] for s in stars) == sorted(
        [n - 1 - sp.DERMATOMES.index("L3") + 0.5, n - 1 - sp.DERMATOMES.index("S1") + 0.5]
    )


def test_uses_the_given_axes_and_rejects_bad_names():
    fig, ax = plt.subplots()
    assert sp.plot_dermatome_zones("C6", ax=ax) is ax
    with pytest.raises(sp.CaseError, match="Did you mean"):
        sp.plot_dermatome_zones("C6", pains={"x": "C66"})


def test_alt_text_names_level_zone_and_pain():
    text = sp.alt_text_dermatome_zones("T4", pains={"burning legs": "S1"})
    assert "level T4" in text and "T4 to T7" in text and "burning legs in S1 (below-level)" in text
