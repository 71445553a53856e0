"""Tests for sci_pain.plotting._fastagg: the PNG writer, the text cache and its version gate.

The text cache draws strings through private parts of matplotlib's Agg renderer. It is on only
for the matplotlib versions in CHECKED_MATPLOTLIB, and these tests are the check: on the
installed matplotlib they compare the cache's pictures with stock Agg drawing pixel by pixel
(identical outside the strings; each string's ink within 3% and its place within 2 pixels
of stock drawing). `make test`
runs them on the newest pins (requirements/constraints.txt) and `make check-floors` on the
floors (requirements/minimum.txt); a pin that changes fails test_checked_versions_are_the_pins
until the comparison has passed on the new version and the version is added.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text
from PIL import Image

from sci_pain.datasets import load_example_journal
from sci_pain.plotting import _fastagg, plot_calendar, plot_time_of_day_weekday, plot_timeline
from sci_pain.plotting._fastagg import (
    CHECKED_MATPLOTLIB,
    TEXT_CACHE,
    TextCache,
    encode_png,
    fast_canvas_class,
    render_png,
)
from sci_pain.style import style_context

ROOT = Path(__file__).resolve().parents[2]


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=int)


def _drawn(canvas_class, plot) -> tuple[Figure, FigureCanvasAgg, np.ndarray]:
    """A journal figure drawn twice (the second draw uses cached strings, if any)."""
    with style_context():
        figure = Figure(figsize=(9, 3.8), dpi=90)
        canvas = canvas_class(figure)
        plot(load_example_journal("dvt"), ax=figure.add_subplot())
        figure.tight_layout()
        canvas.draw()
        canvas.draw()
    return figure, canvas, np.asarray(canvas.buffer_rgba())[:, :, :3].astype(int)


def _text_boxes(figure: Figure, canvas: FigureCanvasAgg, pad: int = 2) -> list[tuple]:
    """The pixel rows and columns of every visible string, a little enlarged."""
    renderer = canvas.get_renderer()
    height = int(figure.bbox.height)
    boxes = []
    for text in figure.findobj(Text):
        if not text.get_visible() or not text.get_text():
            continue
        box = text.get_window_extent(renderer)
        rows = slice(max(height - int(np.ceil(box.y1)) - pad, 0), height - int(box.y0) + pad)
        columns = slice(max(int(box.x0) - pad, 0), int(np.ceil(box.x1)) + pad)
        boxes.append((rows, columns))
    return boxes


def _pinned(path: Path) -> str:
    match = re.search(r"^matplotlib==(\S+)$", path.read_text(), flags=re.MULTILINE)
    assert match, f"no matplotlib pin in {path}"
    return match.group(1)


def test_checked_versions_are_the_pins():
    pins = {_pinned(ROOT / "requirements" / name) for name in ("constraints.txt", "minimum.txt")}
    assert pins == set(CHECKED_MATPLOTLIB)


def test_png_encoder_and_render_png_are_lossless():
    figure = Figure(figsize=(2, 1), dpi=40)
    figure.add_subplot().plot([0, 1], [1, 0], color="#D55E00")
    png = render_png(figure)
    canvas = figure.canvas
    rgb = np.asarray(canvas.buffer_rgba())[:, :, :3]
    assert np.array_equal(_pixels(png), rgb)
    assert isinstance(canvas, FigureCanvasAgg)
    assert encode_png(canvas) == png  # the same picture, the same bytes


@pytest.mark.parametrize("plot", [plot_timeline, plot_calendar, plot_time_of_day_weekday])
def test_cached_text_matches_stock_agg_drawing(plot):
    figure, canvas, stock = _drawn(FigureCanvasAgg, plot)
    _, _, fast = _drawn(fast_canvas_class(), plot)
    if matplotlib.__version__ not in CHECKED_MATPLOTLIB:
        assert not TEXT_CACHE.enabled and matplotlib.__version__ in TEXT_CACHE.reason
        assert np.array_equal(fast, stock)  # stock drawing, unchanged
        return
    assert TEXT_CACHE.enabled, TEXT_CACHE.reason
    boxes = _text_boxes(figure, canvas)
    assert len(boxes) > 15
    outside = np.ones(stock.shape[:2], dtype=bool)
    for rows, columns in boxes:
        outside[rows, columns] = False
    assert np.array_equal(fast[outside], stock[outside])  # only strings may differ
    for rows, columns in boxes:
        ink_stock, ink_fast = 255 - stock[rows, columns], 255 - fast[rows, columns]
        assert ink_fast.sum() == pytest.approx(ink_stock.sum(), rel=0.03)
        lines_stock = np.flatnonzero(ink_stock.sum(axis=(1, 2)))
        lines_fast = np.flatnonzero(ink_fast.sum(axis=(1, 2)))
        if lines_stock.size:  # the string sits where stock drawing puts it, within 2 pixels
            assert abs(lines_fast.min() - lines_stock.min()) <= 2
            assert abs(lines_fast.max() - lines_stock.max()) <= 2


def test_an_unchecked_version_falls_back_and_says_so(monkeypatch):
    cache = TextCache()
    assert not cache.enabled and cache.reason.startswith("off:")
    assert not cache.check("3.99.0")
    assert cache.reason.startswith("off: matplotlib 3.99.0 has not been checked")
    assert cache.check(sorted(CHECKED_MATPLOTLIB)[0]) and cache.reason.startswith("on:")
    monkeypatch.setattr(_fastagg, "TEXT_CACHE", cache)
    cache.check("3.99.0")
    _, _, stock = _drawn(FigureCanvasAgg, plot_timeline)
    _, _, fast = _drawn(fast_canvas_class(), plot_timeline)
    assert np.array_equal(fast, stock)


def test_a_renderer_that_refuses_the_cache_switches_it_off(monkeypatch):
    cache = TextCache()
    cache.check(sorted(CHECKED_MATPLOTLIB)[-1])
    monkeypatch.setattr(_fastagg, "TEXT_CACHE", cache)

    def refuse(*args, **kwargs):
        raise AttributeError("'RendererAgg' object has no attribute '_prepare_font'")

    monkeypatch.setattr(cache, "bitmap", refuse)
    _, _, stock = _drawn(FigureCanvasAgg, plot_timeline)
    _, _, fast = _drawn(fast_canvas_class(), plot_timeline)
    assert not cache.enabled
    assert cache.reason.startswith("off: matplotlib's renderer refused the cached text")
    assert np.array_equal(fast, stock)


def test_banded_png_is_lossless_and_the_same_whatever_came_before():
    figure = Figure(figsize=(4, 3), dpi=60)
    canvas = fast_canvas_class()(figure)
    (line,) = figure.add_subplot().plot([0, 1, 2], [1, 3, 2], color="#0072B2")
    canvas.draw()
    writer = _fastagg.BandedPng()
    first = writer.encode(canvas)
    assert writer.reused == 0
    assert np.array_equal(_pixels(first), np.asarray(canvas.buffer_rgba())[:, :, :3])
    line.set_ydata([2, 1, 1])  # some rows change, the rest are taken from the first picture
    canvas.draw()
    second = writer.encode(canvas)
    assert 0 < writer.reused < -(-canvas.get_width_height()[1] // writer.band_rows)
    assert np.array_equal(_pixels(second), np.asarray(canvas.buffer_rgba())[:, :, :3])
    assert second == _fastagg.BandedPng().encode(canvas)  # the same bytes as a fresh writer
    assert writer.encode(canvas) == second


@pytest.mark.parametrize("text", ["05", "October 2026", "Pain journal 2026-09-02: 74 entries"])
def test_a_string_is_measured_as_stock_agg_measures_it(text):
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    fast = fast_canvas_class()(Figure(figsize=(2, 1), dpi=77)).get_renderer()
    stock = RendererAgg(154, 77, 77)
    for prop in (FontProperties(size=10), FontProperties(size=14, weight="bold")):
        assert fast.get_text_width_height_descent(text, prop, False) == (
            stock.get_text_width_height_descent(text, prop, False)
        )


def _banded_as_before(rgba: np.ndarray, band_rows: int) -> bytes:
    """What BandedPng wrote before it compared pixels: all rows converted, then banded."""
    import struct
    import zlib

    rows = _fastagg._png_rows(rgba)
    bands = []
    for top in range(0, rows.shape[0], band_rows):
        band = rows[top : top + band_rows]
        deflate = zlib.compressobj(1, zlib.DEFLATED, -15)
        data = deflate.compress(band) + deflate.flush(zlib.Z_FULL_FLUSH)
        bands.append((data, zlib.adler32(band), band.nbytes))
    adler = 1
    for _, checksum, length in bands:
        adler = _fastagg._adler32_combine(adler, checksum, length)
    stream = b"".join([b"\x78\x01", *(data for data, _, _ in bands), b"\x03\x00"])
    return _fastagg._png_file(rows, stream + struct.pack(">I", adler))


class _Buffer:
    """A stand-in canvas whose pixels a test sets (the writer reads buffer_rgba only)."""

    def __init__(self, pixels):
        self.pixels = pixels

    def buffer_rgba(self):
        return self.pixels


def test_banded_png_keeps_only_unchanged_bands_over_a_run_of_pictures(rng):
    # sizes whose width is not a multiple of four and whose height is not one of bands;
    # pictures that change one pixel, one band, everything, or the size; and a canvas that
    # draws into the same buffer (the writer must keep a copy, not a view)
    writer = _fastagg.BandedPng()
    buffer = np.zeros((37, 23, 4), dtype=np.uint8)
    canvas = _Buffer(buffer)
    for step in range(30):
        kind = step % 5
        if kind == 0:
            buffer[...] = rng.integers(0, 256, size=buffer.shape, dtype=np.uint8)
        elif kind == 1:
            buffer[rng.integers(0, buffer.shape[0]), rng.integers(0, buffer.shape[1]), 1] ^= 1
        elif kind == 2:
            top = int(rng.integers(0, buffer.shape[0]))
            buffer[top : top + 5] = 255 - buffer[top : top + 5]
        elif kind == 3:
            shape = (int(rng.integers(1, 50)), int(rng.integers(1, 30)), 4)
            buffer = rng.integers(0, 256, size=shape, dtype=np.uint8)
            canvas.pixels = buffer
        got = writer.encode(canvas)
        assert got == _banded_as_before(buffer, writer.band_rows), step
        assert got == _fastagg.BandedPng().encode(canvas), step
        assert np.array_equal(_pixels(got), buffer[:, :, :3]), step
        if kind == 4:  # nothing changed: every band kept
            assert writer.reused == -(-buffer.shape[0] // writer.band_rows)
