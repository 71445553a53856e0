"""The association scatter: daily pain against another daily measure, with Spearman's rho.

:func:`association_data` computes the days' values and the association,
:func:`plot_association` (or :func:`update_association`, in place) draws them and
:func:`association_alt_text` describes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from sci_pain.analysis import AnalysisError, as_entries, associations, daily_values
from sci_pain.plotting import common
from sci_pain.plotting._docs import shared_docs
from sci_pain.style import PALETTE

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "AssociationData",
    "association_data",
    "plot_association",
    "update_association",
    "association_alt_text",
]


@dataclass(frozen=True, eq=False)
class AssociationData:
    """The numbers of an association scatter, from :func:`association_data`.

    The points drawn are :attr:`x` and :attr:`y`, one per day.

    Attributes
    ----------
    variable : str
        The measure on the x axis.
    lag : int
        Days between the measure and the pain.
    column : str
        The rating on the y axis.
    result : Series
        The row of :func:`sci_pain.associations` (``rho``, ``ci_low``, ``ci_high``, ``n``).
    daily : DataFrame
        :func:`sci_pain.daily_values` of `column` and `variable`, one row per day.
    n_boot, seed : int or None
        The bootstrap the interval came from (None when the row was given).
    """

    variable: str
    lag: int
    column: str
    result: pd.Series
    daily: pd.DataFrame
    n_boot: int | None = None
    seed: int | None = None

    @property
    def x(self) -> np.ndarray:
        """The measure of each day, `lag` days earlier."""
        return self.daily[self.variable].shift(self.lag).to_numpy(dtype=float)

    @property
    def y(self) -> np.ndarray:
        """The daily rating."""
        return self.daily[self.column].to_numpy(dtype=float)


def _check_lag(lag: int) -> None:
    if lag < 0:
        msg = f"lag must be 0 or more days, got {lag!r}"
        raise AnalysisError(msg)


@shared_docs(kind="association")
def association_data(
    entries,
    *,
    variable: str = "activity_min",
    lag: int = 0,
    column: str = "pain",
    n_boot: int = 1000,
    seed: int = 0,
    result: pd.Series | None = None,
) -> AssociationData:
    """Compute what :func:`plot_association` draws and :func:`association_alt_text` describes.

    Parameters
    ----------
    %(entries)s
    %(variable_and_lag)s
    %(column)s
    n_boot, seed
        For the block-bootstrap interval (see :func:`sci_pain.associations`).
    result : Series, optional
        The row of :func:`sci_pain.associations` for this variable and lag, when already
        computed (then `n_boot` and `seed` are not used).

    Returns
    -------
    AssociationData

    Raises
    ------
    AnalysisError
        For a negative lag or a variable the journal lacks.

    Examples
    --------
    >>> import sci_pain as sp
    >>> data = association_data(sp.load_example_journal("overuse"), lag=1, n_boot=0)
    >>> data.daily.columns.tolist(), int(data.result["n"]) > 100
    (['pain', 'activity_min'], True)
    """
    entries = as_entries(entries)
    _check_lag(lag)
    bootstrap = {"n_boot": n_boot, "seed": seed}
    if result is None:
        rows = associations(entries, variables={variable: (lag,)}, column=column, **bootstrap)
        result = rows.iloc[0]
    else:
        bootstrap = {"n_boot": None, "seed": None}  # the row's interval came from elsewhere
    daily = daily_values(entries, [column, variable])
    return AssociationData(
        variable=variable, lag=lag, column=column, result=result, daily=daily, **bootstrap
    )


def _title(data: AssociationData) -> str:
    row = data.result
    return (
        f"{common.column_name(data.column)} vs {common.column_name(data.variable).lower()} "
        f"({common.lag_words(data.lag)})\n"
        f"Spearman \u03c1 = {common.fmt(row['rho'], 2)} (95% CI {common.fmt(row['ci_low'], 2)} "
        f"to {common.fmt(row['ci_high'], 2)}), n = {int(row['n'])} days"
    )


def _xlabel(data: AssociationData) -> str:
    return common.axis_label(
        data.variable, prefix=f"{common.column_name(data.variable)}, {common.lag_words(data.lag)}"
    )


@shared_docs(kind="association")
def plot_association(
    entries=None,
    *,
    variable: str = "activity_min",
    lag: int = 0,
    ax: Axes | None = None,
    column: str = "pain",
    n_boot: int = 1000,
    seed: int = 0,
    title: str | None = None,
    data: AssociationData | None = None,
) -> Axes:
    """Daily pain against another daily measure ``lag`` days earlier, with Spearman's rho.

    Each point is one day: the measure on the x axis, that day's mean rating on the y axis.
    The title gives Spearman's rho with its 95% block-bootstrap interval and the number of
    days; an association in one journal does not show a cause.

    Parameters
    ----------
    %(entries_to_draw)s
    %(variable_and_lag)s
    %(ax)s
    %(column)s
        Its daily mean is the y axis.
    n_boot, seed
        For the block-bootstrap interval (see :func:`sci_pain.analysis.associations`).
    %(title)s
    %(data_to_draw)s

    Returns
    -------
    Axes
        With the days as one PathCollection; the title gives rho, its interval and n.

    Examples
    --------
    %(example)s
    >>> plot_association(entries, variable="sleep_hours", ax=ax, n_boot=200).get_xlabel()
    'Sleep, same day (h)'
    >>> plt.close(fig)
    """
    options = {"variable": variable, "lag": lag, "column": column, "n_boot": n_boot, "seed": seed}
    data = common.numbers(association_data, entries, data, **options)
    ax = common.current_axes(ax)
    ax.scatter(data.x, data.y, s=22, color=PALETTE["blue"], alpha=0.6, edgecolor="none")
    ax.set_xlabel(_xlabel(data))
    ax.set_ylabel(common.axis_label(data.column, prefix=f"Daily mean {_words(data.column)}"))
    if common.on_pain_scale(data.column):
        ax.set_ylim(-0.3, 10.3)
    ax.set_title(title or _title(data))
    return ax


def _words(column: str) -> str:
    """Return a column's name in words for a sentence: its label ('interference with sleep')."""
    label = common.COLUMNS[column].label if column in common.COLUMNS else ""
    return label.lower() if label else column.replace("_", " ")


@shared_docs(kind="association")
def association_alt_text(
    result, *, variable: str | None = None, lag: int = 0, column: str = "pain"
) -> str:
    """One sentence describing an association scatter, from its numbers.

    Parameters
    ----------
    result : AssociationData or Series
        From :func:`association_data`; or the row of ``associations(entries,
        variables={variable: (lag,)}, ...)`` with `variable`, `lag` and `column` as given to
        :func:`plot_association` (a dashboard computes the row once for the figure and its
        description).
    variable, lag, column
        With a row: as given to :func:`plot_association` (`variable` is then required).

    Returns
    -------
    %(alt_text)s

    Raises
    ------
    TypeError
        For a row of :func:`sci_pain.associations` without `variable`.

    Examples
    --------
    >>> import sci_pain as sp
    >>> entries = sp.load_example_journal("neuropathic").entries
    >>> row = sp.associations(entries, variables={"sleep_hours": (0,)}, n_boot=100).iloc[0]
    >>> association_alt_text(row, variable="sleep_hours") == association_alt_text(
    ...     association_data(entries, variable="sleep_hours", n_boot=100)
    ... )
    True
    """
    if isinstance(result, AssociationData):
        variable, lag, column, result = result.variable, result.lag, result.column, result.result
    elif variable is None:
        msg = "association_alt_text needs variable= with a row of associations()"
        raise TypeError(msg)
    return (
        f"Scatter plot of daily mean {_words(column)} against "
        f"{common.column_name(variable).lower()} ({common.lag_words(lag)}), one point per day: "
        f"Spearman rho {common.fmt(result['rho'], 2)} (95% CI {common.fmt(result['ci_low'], 2)} to "
        f"{common.fmt(result['ci_high'], 2)}), n = {int(result['n'])} days."
    )


def _x_limits(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    finite = x[np.isfinite(x) & np.isfinite(y)]
    if not finite.size:
        return 0.0, 1.0
    low, high = float(finite.min()), float(finite.max())
    margin = 0.05 * (high - low) or 0.5
    return low - margin, high + margin


@shared_docs(kind="association", journal="overuse")
def update_association(
    ax: Axes,
    entries=None,
    *,
    variable: str = "activity_min",
    lag: int = 0,
    column: str = "pain",
    n_boot: int = 1000,
    seed: int = 0,
    title: str | None = None,
    result=None,
    data: AssociationData | None = None,
) -> list:
    """Show other entries, variable or lag on a scatter drawn by :func:`plot_association`.

    Parameters
    ----------
    %(ax_drawn)s
    %(entries_to_show)s
    variable, lag, column, n_boot, seed, title
        As for :func:`plot_association`.
    result : Series, optional
        The row of :func:`sci_pain.associations` for this variable and lag, when already
        computed (then `n_boot` and `seed` are not used).
    %(data_to_show)s

    Returns
    -------
    %(changed)s
        the points, the title with rho, and the x axis.

    Raises
    ------
    %(not_drawn)s
    AnalysisError
        For a negative lag or a variable the journal lacks.

    Examples
    --------
    %(example)s
    >>> ax = plot_association(entries, ax=ax, n_boot=0)
    >>> changed = update_association(ax, entries, lag=1, n_boot=0)
    >>> ax.get_xlabel()
    'Activity, day before (min)'
    >>> plt.close(fig)
    """
    _check_lag(lag)
    points = ax.collections[0] if ax.collections else None
    if points is None or not ax.get_title():
        raise common.not_drawn_by("plot_association", "the points")
    options = {"variable": variable, "lag": lag, "column": column, "n_boot": n_boot, "seed": seed}
    data = common.numbers(association_data, entries, data, result=result, **options)
    x, y = data.x, data.y
    changed: list = []
    if common.set_offsets(points, np.column_stack([x, y])):
        changed.append(points)
    new_title = title or _title(data)
    if ax.get_title() != new_title:
        ax.set_title(new_title)
        changed.append(ax.title)
    xlabel = _xlabel(data)
    moved = common.set_xlim(ax, *_x_limits(x, y))
    if ax.get_xlabel() != xlabel:
        ax.set_xlabel(xlabel)
        moved = True
    if moved:
        changed.append(ax.xaxis)
    return changed
