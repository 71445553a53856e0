r"""The dashboard's fast path through matplotlib's Agg backend, kept in one place.

Two things make an interactive redraw fast, and both reach below matplotlib's public API,
so they live here and nowhere else:

* :func:`encode_png` writes the canvas as an RGB PNG directly (rows unfiltered, zlib level 1):
  for a plot, mostly flat colour, about four times faster than Pillow's encoder and no larger.
  Pillow is not used.
* a text cache: matplotlib 3.11 rasterises every glyph of every string on every draw, which
  makes text most of the cost of a redraw. The canvas of :func:`fast_canvas_class` rasterises
  a string once (as matplotlib did before 3.11: the whole string into one bitmap, placed at
  whole pixels) and reuses the bitmap, since tick labels, titles and legends repeat from draw
  to draw; it also keeps each font's heights, which matplotlib 3.11's text layout reads
  from the font file's tables for every string, and each string's size, measured from the
  same layout as its bitmap (matplotlib lays a new string out twice: to measure it, then to
  draw it; at about 25 microseconds a character, a long title costs milliseconds). The cache uses private parts of
  ``RendererAgg``, so it is switched on only for the matplotlib versions in
  :data:`CHECKED_MATPLOTLIB`, on which ``tests/plotting/test_fastagg.py``
  compared its pictures pixel by pixel with stock Agg drawing. On any other version (or if
  the private parts fail), text is drawn by matplotlib itself and :data:`TEXT_CACHE` says so:
  ``TEXT_CACHE.enabled`` is False and ``TEXT_CACHE.reason`` explains why.

:class:`BlitCanvas` redraws only the artists that changed (see its docstring), and its
:class:`BandedPng` compresses again only the bands of rows whose pixels changed.

Examples
--------
>>> from matplotlib.figure import Figure
>>> render_png(Figure(figsize=(2, 1), dpi=50))[:4]
b'\x89PNG'
>>> TEXT_CACHE.reason.startswith(("on:", "off:"))
True
"""

from __future__ import annotations

import math
import struct
import zlib
from collections import OrderedDict
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "CHECKED_MATPLOTLIB",
    "TEXT_CACHE",
    "BandedPng",
    "BlitCanvas",
    "TextCache",
    "encode_png",
    "encode_rgb",
    "fast_canvas_class",
    "pin_x_labels",
    "render_png",
]

CHECKED_MATPLOTLIB: frozenset[str] = frozenset({"3.8.0", "3.11.2"})
"""Matplotlib versions on which the text cache was compared with stock Agg drawing.

The versions pinned in ``requirements/constraints.txt`` (newest) and
``requirements/minimum.txt`` (floor); ``tests/plotting/test_fastagg.py`` fails when a pin
changes until the comparison has been run on the new version and the version added here."""


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data))
        + kind
        + data
        + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def _rgb_rows(rgba: np.ndarray, out: np.ndarray) -> None:
    """Write the RGB bytes of ``rgba`` (height x width x 4) into ``out`` (height x 3 width).

    Copying three bytes of every four one pixel at a time is slow in NumPy; four pixels
    (four 32-bit words, read as little-endian RGBA) are packed into three words by
    shifting instead, and the last pixels of a row (fewer than four) are copied.
    """
    height, width = rgba.shape[:2]
    groups = width // 4
    if groups:
        p = rgba[:, : 4 * groups].view("<u4").reshape(height, groups, 4)
        p0, p1, p2, p3 = p[:, :, 0], p[:, :, 1], p[:, :, 2], p[:, :, 3]
        words = np.empty((height, groups, 3), dtype="<u4")
        np.bitwise_and(p0, 0xFFFFFF, out=words[:, :, 0])  # R0 G0 B0
        words[:, :, 0] |= p1 << 24  # R1
        np.right_shift(p1, 8, out=words[:, :, 1])
        words[:, :, 1] &= 0xFFFF  # G1 B1
        words[:, :, 1] |= p2 << 16  # R2 G2
        np.right_shift(p2, 16, out=words[:, :, 2])
        words[:, :, 2] &= 0xFF  # B2
        words[:, :, 2] |= p3 << 8  # R3 G3 B3
        out[:, : 12 * groups] = words.view(np.uint8).reshape(height, 12 * groups)
    if width > 4 * groups:
        out[:, 12 * groups :].reshape(height, width - 4 * groups, 3)[...] = rgba[
            :, 4 * groups :, :3
        ]


def encode_png(canvas) -> bytes:
    r"""Return an Agg canvas's picture as an RGB PNG, written directly (not by Pillow).

    Rows are unfiltered and compressed with zlib at level 1: for a plot (mostly flat colour)
    this is about four times faster than Pillow's encoder and no larger. Lossless.

    Parameters
    ----------
    canvas : matplotlib.backends.backend_agg.FigureCanvasAgg
        A canvas that has been drawn.

    Returns
    -------
    bytes
        The PNG file: 8-bit RGB, one IDAT chunk.

    Examples
    --------
    >>> from matplotlib.backends.backend_agg import FigureCanvasAgg
    >>> from matplotlib.figure import Figure
    >>> canvas = FigureCanvasAgg(Figure(figsize=(1, 1), dpi=20))
    >>> canvas.draw()
    >>> encode_png(canvas)[:8]
    b'\x89PNG\r\n\x1a\n'
    """
    return encode_rgb(np.asarray(canvas.buffer_rgba()))


def encode_rgb(rgba: np.ndarray, *, level: int = 1) -> bytes:
    r"""Return a picture (an array of pixels) as an RGB PNG, written directly (not by Pillow).

    What :func:`encode_png` writes for a canvas, for any array of pixels (a crop of one).

    Parameters
    ----------
    rgba : numpy.ndarray
        The pixels, ``uint8``, height x width x 3 (RGB) or 4 (RGBA; alpha is dropped).
    level : int, default 1
        zlib's compression level: 1 for a picture redrawn while a control moves; the clinic
        report, written once and kept, takes 6 (a few milliseconds more, about a quarter
        smaller, and smaller than Pillow's).

    Returns
    -------
    bytes
        The PNG file: 8-bit RGB, rows unfiltered, one IDAT chunk.

    Examples
    --------
    >>> encode_rgb(np.full((2, 3, 4), 255, dtype=np.uint8))[:8]
    b'\x89PNG\r\n\x1a\n'
    """
    rows = _png_rows(rgba)
    return _png_file(rows, zlib.compress(rows, level))


def _png_rows(rgba: np.ndarray) -> np.ndarray:
    """Return pixels (RGB or RGBA) as PNG rows: a filter byte (0: none), then the RGB bytes."""
    height, width = rgba.shape[:2]
    rows = np.empty((height, 3 * width + 1), dtype=np.uint8)
    rows[:, 0] = 0  # filter type 0 (none) for every row
    if rgba.shape[2] == 3:
        rows[:, 1:].reshape(height, width, 3)[...] = rgba
    else:
        _rgb_rows(rgba, rows[:, 1:])
    return rows


def _png_file(rows: np.ndarray, compressed: bytes) -> bytes:
    """Return the PNG file of ``rows`` (from :func:`_png_rows`), given them compressed."""
    return _png_bytes((rows.shape[1] - 1) // 3, rows.shape[0], compressed)


def _png_bytes(width: int, height: int, compressed: bytes) -> bytes:
    """Return the PNG file of a picture of that size, given its compressed rows."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", header)
        + _png_chunk(b"IDAT", compressed)
        + _png_chunk(b"IEND", b"")
    )


_ADLER_BASE = 65521


def _adler32_combine(first: int, second: int, length: int) -> int:
    """Return the Adler-32 of two pieces of data one after the other (zlib's combine).

    ``first`` and ``second`` are the checksums of the pieces, ``length`` the second's
    length in bytes.
    """
    s1_a, s2_a = first & 0xFFFF, first >> 16
    s1_b, s2_b = second & 0xFFFF, second >> 16
    s1 = (s1_a + s1_b - 1) % _ADLER_BASE
    s2 = (s2_a + s2_b + length * (s1_a - 1)) % _ADLER_BASE
    return (s2 << 16) | s1


class BandedPng:
    """A PNG writer for the successive pictures of one canvas, compressing only what changed.

    The rows are compressed in bands of :attr:`band_rows`, each band on its own (a deflate
    block ended with a full flush, which makes it independent of the bands before it), so
    a band whose pixels are those of the previous picture keeps its compressed bytes and
    checksum. The file is the same, byte for byte, whatever pictures came before:
    a band's bytes depend only on its rows. Lossless, 8-bit RGB, one IDAT chunk, like
    :func:`encode_png` (only the split of the compressed stream into blocks differs).

    Examples
    --------
    >>> from matplotlib.backends.backend_agg import FigureCanvasAgg
    >>> from matplotlib.figure import Figure
    >>> canvas = FigureCanvasAgg(Figure(figsize=(1, 1), dpi=40))
    >>> canvas.draw()
    >>> writer = BandedPng()
    >>> writer.encode(canvas) == writer.encode(canvas), writer.reused
    (True, 3)
    """

    band_rows = 16

    def __init__(self):
        self._pixels: np.ndarray | None = None  # a copy of the last picture's RGBA pixels
        self._bands: list[tuple[bytes, int, int]] = []
        self.reused = 0  # bands taken from the previous picture by the last encode

    def encode(self, canvas) -> bytes:
        """Return the canvas's picture as PNG (see the class docstring).

        The pixels of each band are compared with the previous picture's first, and only
        a band that changed is turned into PNG rows and compressed (all rows at once when
        most bands changed).
        """
        pixels = np.asarray(canvas.buffer_rgba())
        height, width = pixels.shape[:2]
        before = self._pixels
        step = self.band_rows
        tops = range(0, height, step)
        if before is None or before.shape != pixels.shape:
            same = [False] * len(tops)
        else:
            same = [np.array_equal(pixels[t : t + step], before[t : t + step]) for t in tops]
        rows = _png_rows(pixels) if 2 * same.count(False) > len(tops) else None
        bands, self.reused = [], 0
        for number, top in enumerate(tops):
            if same[number]:
                bands.append(self._bands[number])
                self.reused += 1
                continue
            band = _png_rows(pixels[top : top + step]) if rows is None else rows[top : top + step]
            deflate = zlib.compressobj(1, zlib.DEFLATED, -15)
            data = deflate.compress(band) + deflate.flush(zlib.Z_FULL_FLUSH)
            bands.append((data, zlib.adler32(band), band.nbytes))
        # a copy: the canvas draws the next picture into the same buffer
        self._pixels, self._bands = pixels.copy(), bands
        adler = 1
        for _, checksum, length in bands:
            adler = _adler32_combine(adler, checksum, length)
        # zlib header (deflate, fastest), the bands, an empty final block, the checksum
        stream = b"".join([b"\x78\x01", *(data for data, _, _ in bands), b"\x03\x00"])
        return _png_bytes(width, height, stream + struct.pack(">I", adler))


class TextCache:
    """Rasterised strings, shared by the fast canvases (least recently used first out).

    Attributes
    ----------
    bitmaps : OrderedDict
        (string, font, size, dpi, hinting, antialiasing) -> (bitmap, descent, x and y offset).
    size : int
        How many strings to keep.
    enabled : bool
        Whether the fast canvases use the cache. Decided on first use by :meth:`check`:
        True only on a matplotlib version in :data:`CHECKED_MATPLOTLIB`; set to False for
        good if the private renderer parts it uses fail.
    reason : str
        Why it is on or off, in words (``"on: ..."`` or ``"off: ..."``).
    """

    def __init__(self, size: int = 4096):
        self.bitmaps: OrderedDict = OrderedDict()
        self.sizes: OrderedDict = OrderedDict()
        self.heights: dict = {}
        self.size = size
        self.enabled = False
        self.reason = "off: not used yet (decided when the first fast canvas is made)"
        self._checked = False

    def check(self, version: str | None = None) -> bool:
        """Decide (once) whether this matplotlib may use the cache; return ``enabled``.

        Parameters
        ----------
        version : str, optional
            The matplotlib version to judge (default: the one installed). Given, the
            decision is made again (for tests).
        """
        if self._checked and version is None:
            return self.enabled
        if version is None:
            import matplotlib

            version = matplotlib.__version__
        self._checked = True
        checked = ", ".join(sorted(CHECKED_MATPLOTLIB))
        if version in CHECKED_MATPLOTLIB:
            self.enabled = True
            self.reason = f"on: matplotlib {version} was checked against stock Agg drawing"
        else:
            self.enabled = False
            self.reason = (
                f"off: matplotlib {version} has not been checked against stock Agg drawing "
                f"(checked: {checked}); text is drawn by matplotlib itself"
            )
        return self.enabled

    def give_up(self, error: Exception) -> None:
        """Switch the cache off for good after ``error`` from matplotlib's private parts."""
        self.enabled = False
        self.bitmaps.clear()
        self.sizes.clear()
        self.heights.clear()
        self.reason = (
            f"off: matplotlib's renderer refused the cached text ({type(error).__name__}: "
            f"{error}); text is drawn by matplotlib itself"
        )

    def font_heights(self, prop, dpi: float) -> tuple:
        """Return a font's (ascent, descent, line gap) in pixels, read from its tables once.

        What matplotlib 3.11's text layout reads from the font's ``OS/2`` (else ``hhea``)
        table for every string on every draw, the same numbers, kept per font and size.
        """
        key = (hash(prop), prop.get_size_in_points(), dpi)
        found = self.heights.get(key)
        if found is None:
            from matplotlib.font_manager import fontManager, get_font

            found = (None, None, None)  # no table: matplotlib measures the font itself
            font = get_font(fontManager._find_fonts_by_props(prop))
            for name, gap, ascent, descent in (
                ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                ("hhea", "lineGap", "ascent", "descent"),
            ):
                table = font.get_sfnt_table(name)
                if table is not None:
                    units_per_em = font.get_sfnt_table("head")["unitsPerEm"]
                    scale = 1 / units_per_em * prop.get_size_in_points() * dpi / 72
                    found = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                    break
            self.heights[key] = found
        return found

    def bitmap(self, renderer, s: str, prop, flags, antialiased: bool) -> tuple:
        """Return the rasterised string (bitmap, descent, x offset, y offset), made once."""
        key = (s, hash(prop), prop.get_size_in_points(), renderer.dpi, flags)
        entry = self.bitmaps.get((*key, antialiased))
        if entry is not None:
            self.bitmaps.move_to_end((*key, antialiased))
            return entry
        return self._lay_out(renderer, key, prop, antialiased)[1]

    def measure(self, renderer, s: str, prop, flags) -> tuple:
        """Return a string's (width, height, descent) in pixels, measured once.

        What ``RendererAgg.get_text_width_height_descent`` returns, from the same layout of
        the string; the string's bitmap is made from that layout at once (matplotlib
        measures a string, then draws it: one layout instead of two for a new string), and
        both are kept for every canvas, not per renderer.
        """
        key = (s, hash(prop), prop.get_size_in_points(), renderer.dpi, flags)
        found = self.sizes.get(key)
        if found is not None:
            self.sizes.move_to_end(key)
            return found
        from matplotlib import rcParams

        return self._lay_out(renderer, key, prop, bool(rcParams["text.antialiased"]))[0]

    def _lay_out(self, renderer, key: tuple, prop, antialiased: bool) -> tuple:
        """Lay a string out once: keep (and return) its size and its bitmap."""
        font = renderer._prepare_font(prop)
        font.set_text(key[0], 0.0, flags=key[4])
        width, height = font.get_width_height()
        descent = font.get_descent() / 64.0
        size = (width / 64.0, height / 64.0, descent)
        font.draw_glyphs_to_bitmap(antialiased=antialiased)
        x_off, y_off = font.get_bitmap_offset()
        bitmap = (np.array(font.get_image()), descent, x_off / 64.0, y_off / 64.0)
        for table, item, value in (
            (self.sizes, key, size),
            (self.bitmaps, (*key, antialiased), bitmap),
        ):
            table[item] = value
            table.move_to_end(item)
            if len(table) > self.size:
                table.popitem(last=False)
        return size, bitmap


TEXT_CACHE = TextCache()
"""The text cache of every fast canvas; ``TEXT_CACHE.enabled`` and ``.reason`` say whether it
is used (see :class:`TextCache`)."""


@cache
def _renderer_class():
    from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag

    class _CachedTextRenderer(RendererAgg):
        """RendererAgg that reuses the bitmaps of strings drawn before."""

        def _get_font_height_metrics(self, prop):
            # asked by matplotlib 3.11's Text._get_layout (if the renderer has it); None
            # lets it read the font's tables itself
            if not TEXT_CACHE.enabled:
                return None, None, None
            try:
                return TEXT_CACHE.font_heights(prop, self.dpi)
            except (AttributeError, KeyError, TypeError, ValueError) as error:
                TEXT_CACHE.give_up(error)
                return None, None, None

        def get_text_width_height_descent(self, s, prop, ismath):
            if ismath or not TEXT_CACHE.enabled:
                return super().get_text_width_height_descent(s, prop, ismath)
            try:
                return TEXT_CACHE.measure(self, s, prop, get_hinting_flag())
            except (AttributeError, TypeError, ValueError) as error:  # private API changed
                TEXT_CACHE.give_up(error)
                return super().get_text_width_height_descent(s, prop, ismath)

        def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
            if ismath or not TEXT_CACHE.enabled:
                return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            try:
                flags = get_hinting_flag()
                antialiased = bool(gc.get_antialiased())
                image, descent, x_off, y_off = TEXT_CACHE.bitmap(self, s, prop, flags, antialiased)
                x_d = descent * math.sin(math.radians(angle))
                y_d = descent * math.cos(math.radians(angle))
                self._renderer.draw_text_image(
                    image, round(x + x_off + x_d), round(y + y_off + y_d) + 1, angle, gc
                )
            except (AttributeError, TypeError, ValueError) as error:  # private API changed
                TEXT_CACHE.give_up(error)
                return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return None

    return _CachedTextRenderer


@cache
def fast_canvas_class():
    """Return the Agg canvas class whose renderer caches rasterised text.

    Returns
    -------
    type
        A subclass of ``FigureCanvasAgg``; making one decides whether :data:`TEXT_CACHE` is
        on for this matplotlib.

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> canvas = fast_canvas_class()(Figure(figsize=(1, 1)))
    >>> TEXT_CACHE.enabled == (TEXT_CACHE.reason.startswith("on:"))
    True
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    TEXT_CACHE.check()

    class _FastCanvas(FigureCanvasAgg):
        """An Agg canvas whose renderer caches rasterised text."""

        renderer_class = _renderer_class()

        def get_renderer(self):
            width, height = self.get_width_height(physical=True)
            key = width, height, self.figure.dpi
            if self._lastKey != key:
                self.renderer = self.renderer_class(width, height, self.figure.dpi)
                self._lastKey = key
            return self.renderer

    return _FastCanvas


def render_png(figure: Figure) -> bytes:
    r"""Draw a figure with Agg and return it as PNG, fast.

    Unlike :func:`sci_pain.html.figures.figure_png` there is no ``bbox_inches="tight"`` (which
    draws twice): the figure is drawn as laid out, once, and encoded with light compression
    (:func:`encode_png`). For figures redrawn interactively; lay the figure out when making it.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure; one without an Agg canvas gets a fast one (with the text cache).

    Returns
    -------
    bytes
        The PNG file (as :func:`encode_png` writes it).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> figure = Figure(figsize=(2, 1), dpi=50)
    >>> png = render_png(figure)
    >>> png.startswith(b"\x89PNG"), figure.canvas.get_width_height()
    (True, (100, 50))
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = figure.canvas
    if not isinstance(canvas, FigureCanvasAgg):
        canvas = fast_canvas_class()(figure)
    canvas.draw()
    return encode_png(canvas)


def _attached(artist) -> bool:
    from matplotlib.axis import Axis

    return isinstance(artist, Axis) or artist.get_figure() is not None


def _in_drawing_order(artists) -> list:
    return sorted(artists, key=lambda a: a.get_zorder())


def pin_x_labels(figure: Figure) -> None:
    """Keep each x-axis label where the last draw put it (the figure must have been drawn).

    Matplotlib places an x-axis label below the tick labels on every draw, measuring every
    tick label of the axis a second time; a dashboard's figure keeps its size and its tick
    labels stay one line high, so the place found once stays right (in axes coordinates).
    """
    for ax in figure.axes:
        label = ax.xaxis.label
        point = label.get_transform().transform(label.get_position())
        ax.xaxis.set_label_coords(*ax.transAxes.inverted().transform(point))


class BlitCanvas:
    """A fast Agg canvas that redraws only the artists that changed.

    The first time a set of artists changes, the figure is drawn with those artists left out
    and the picture is kept as a background; while the same artists (or some of them) keep
    changing (a slider being dragged), each render restores the background and draws only
    them (*blitting*). A few backgrounds are kept, one per set of changing artists, so that
    going back to a control moved before does not draw everything again: a background stays
    usable while every change since it was kept touched only its own set of artists.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure, given this canvas (attach it before drawing anything).
    backgrounds : int, default 4
        How many backgrounds to keep (least recently used first out; each is a copy of the
        whole picture, e.g. 2.8 MB for the overview).

    Attributes
    ----------
    full_draws : int
        How many renders drew the whole figure (the rest were blits).
    """

    def __init__(self, figure: Figure, *, backgrounds: int = 4):
        self.figure = figure
        self.canvas = fast_canvas_class()(figure)
        self.size = backgrounds
        # (the artists left out, the picture without them), most recently used last
        self.backgrounds: list[tuple[list, Any]] = []
        self.png: bytes | None = None
        self.full_draws = 0
        self.pinned = False  # the x-axis labels (see pin_x_labels)
        self._png = BandedPng()  # compresses again only the rows that changed

    @property
    def animated(self) -> list:
        """The artists the background used last leaves out (redrawn on every render)."""
        return self.backgrounds[-1][0] if self.backgrounds else []

    def reset(self) -> None:
        """Forget every background: the next render draws everything."""
        self.backgrounds = []

    def draw(self) -> None:
        """Draw the whole figure (no blitting).

        The backgrounds kept stay usable: drawing changes no artist.
        """
        self.canvas.draw()

    def _background_for(self, changed: list):
        """Return the kept background that leaves out every changed artist, or None.

        Backgrounds showing an artist that changed are dropped: they are out of date. Of
        those left, the one that leaves out the fewest artists is chosen.
        """
        ids = {id(a) for a in changed}
        self.backgrounds = [
            (artists, picture)
            for artists, picture in self.backgrounds
            if ids <= {id(a) for a in artists} and all(_attached(a) for a in artists)
        ]
        if not self.backgrounds:
            return None
        return min(self.backgrounds, key=lambda entry: len(entry[0]))

    def _keep(self, entry: tuple) -> tuple:
        """Keep ``entry`` as the most recently used background, within :attr:`size`.

        The least recently used goes first, but not the one leaving out the most artists:
        the others can be narrowed from it without drawing the whole figure.
        """
        kept = [e for e in self.backgrounds if e is not entry] + [entry]
        while len(kept) > max(self.size, 1):
            widest = max(kept, key=lambda e: len(e[0]))
            others = [e for e in kept[:-1] if e is not widest] or kept[:-1]
            kept.remove(others[0])
        self.backgrounds = kept
        return entry

    def _draw_background(self, changed: list) -> tuple:
        """Draw everything but ``changed`` and keep the picture as a background."""
        artists = [a for a in changed if _attached(a)]
        for artist in artists:
            artist.set_animated(True)
        try:
            self.canvas.draw()
        finally:
            for artist in artists:
                artist.set_animated(False)
        self.full_draws += 1
        return self._keep((artists, self.canvas.copy_from_bbox(self.figure.bbox)))

    def _narrowed(self, found: tuple, changed: list, renderer) -> tuple:
        """Restore a background that leaves out more than ``changed``; keep one for ``changed``.

        The artists it leaves out that did not change are drawn on it, and the picture is
        kept as the background of ``changed`` alone (no need to draw the whole figure).
        """
        self.canvas.restore_region(found[1])
        ids = {id(a) for a in changed}
        if len(found[0]) == len(ids):
            return self._keep(found)
        for artist in _in_drawing_order(a for a in found[0] if id(a) not in ids):
            artist.draw(renderer)
        return self._keep((list(changed), self.canvas.copy_from_bbox(self.figure.bbox)))

    def render(self, changed: list) -> bytes:
        """Redraw after ``changed`` artists changed; return the picture as PNG.

        Parameters
        ----------
        changed : list of Artist
            What the update changed (an Axes or the Figure: everything).

        Returns
        -------
        bytes
            The PNG file (the last one again when nothing changed).
        """
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure

        changed = list({id(a): a for a in changed}.values())
        if self.png is not None and not changed and self.backgrounds:
            return self.png
        if any(isinstance(a, (Axes, Figure)) for a in changed):
            self.reset()  # everything changed: draw everything, as a background of nothing
            entry = self._draw_background([])
        else:
            found = self._background_for(changed)
            if found is None:
                # A new set of changing artists: draw everything else once as the background.
                # (The update functions report groups of artists whole, e.g. every cell label
                # of a heatmap, so that moving one control keeps changing the same set.)
                entry = self._draw_background(changed)
            else:
                entry = self._narrowed(found, changed, self.canvas.get_renderer())
        renderer = self.canvas.get_renderer()
        for artist in _in_drawing_order(entry[0]):
            artist.draw(renderer)
        if not self.pinned:  # every artist has been drawn once, each label placed
            pin_x_labels(self.figure)
            self.pinned = True
        self.png = self._png.encode(self.canvas)
        return self.png
