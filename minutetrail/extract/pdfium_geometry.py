"""Ruling lines and filled rectangles from PDFium's page objects (pypdfium2), on every page.

Each path object (also those inside Form XObjects) is split into its subpaths. A subpath that is
an axis-aligned rectangle gives a thin rule (when one side is under MIN_FILL_SIDE), or its four
edges and, when filled with a colour that is not white, a Fill. Other subpaths give their straight
horizontal and vertical segments as rules; curves and slanted segments are not rules. Points are
taken through the object's matrix and every enclosing form's matrix into page space, then into
the displayed page (crop box, /Rotate) with a top-left origin, as words are.
"""
from __future__ import annotations

import ctypes
from collections.abc import Iterator
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from minutetrail.models import Fill, Rule

MIN_FILL_SIDE = 2.0  # points; a filled rectangle thinner than this is a ruling line
WHITE_LEVEL = 0.97  # every RGB component at or above this is paper, not a fill
AXIS_TOLERANCE = 0.5  # points of slant still read as a horizontal or vertical segment
MIN_RULE_LENGTH = 0.5  # points; shorter segments are dots, not rules
DOT_SIDE = (3.0, 20.0)  # points; a filled round mark this size (a traffic-light dot) is a Fill marked dot
DOT_ASPECT = 1.5
MAX_FORM_DEPTH = 8
DRAWING_SEGMENTS = 64  # a path longer than this with a curve among its first DRAWING_PROBE segments is a drawing
DRAWING_PROBE = 16
PATH_OBJECT = raw.FPDF_PAGEOBJ_PATH
FORM_OBJECT = raw.FPDF_PAGEOBJ_FORM
IMAGE_OBJECT = raw.FPDF_PAGEOBJ_IMAGE
LINETO = raw.FPDF_SEGMENT_LINETO
MOVETO = raw.FPDF_SEGMENT_MOVETO

Matrix = tuple[float, float, float, float, float, float]
Point = tuple[float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """The matrix applying `inner` first, then `outer` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


class PageFrame:
    """Page space (PDF user space, bottom-left origin) to the displayed page, top-left origin."""

    def __init__(self, page: pdfium.PdfPage) -> None:
        left, bottom, right, top = page.get_cropbox()
        self.left, self.top = left, top
        self.width, self.height = right - left, top - bottom  # unrotated
        self.turns = page.get_rotation() // 90 % 4  # clockwise quarter turns
        self.shown_width, self.shown_height = (self.height, self.width) if self.turns % 2 else (self.width, self.height)

    def point(self, x: float, y: float) -> Point:
        u, v = x - self.left, self.top - y
        if self.turns == 0:
            return u, v
        if self.turns == 1:
            return self.height - v, u
        if self.turns == 2:
            return self.width - u, self.height - v
        return v, self.width - u

    def box(self, x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        """A page-space box (any two corners) as (x0, top, x1, bottom) on the displayed page."""
        ax, ay = self.point(x0, y0)
        bx, by = self.point(x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)


class _Reader:
    """Reusable ctypes out-parameters for the per-object calls."""

    def __init__(self) -> None:
        self.matrix = raw.FS_MATRIX()
        self.fillmode = ctypes.c_int(0)
        self.stroke = ctypes.c_int(0)
        self.rgba = [ctypes.c_uint(0) for _ in range(4)]
        self.fx, self.fy = ctypes.c_float(0.0), ctypes.c_float(0.0)

    def object_matrix(self, obj: object) -> Matrix:
        m = self.matrix
        if not raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(m)):
            return IDENTITY
        return (m.a, m.b, m.c, m.d, m.e, m.f)

    def colour(self, obj: object, getter: object) -> tuple[float, float, float] | None:
        r, g, b, a = self.rgba
        if not getter(obj, ctypes.byref(r), ctypes.byref(g), ctypes.byref(b), ctypes.byref(a)):  # type: ignore[operator]
            return None
        if a.value == 0:
            return None
        return (r.value / 255.0, g.value / 255.0, b.value / 255.0)

    def subpaths(self, obj: object, m: Matrix) -> Iterator[tuple[list[Point], bool]]:
        """Each subpath as page-space points and whether it is closed (a NaN point stands before each curve point)."""
        a, b, c, d, e, f = m
        fx, fy = self.fx, self.fy
        points: list[Point] = []
        closed = False
        curved = False
        for i in range(raw.FPDFPath_CountSegments(obj)):
            seg = raw.FPDFPath_GetPathSegment(obj, i)
            kind = raw.FPDFPathSegment_GetType(seg)
            if kind == MOVETO and points:
                yield points, closed and not curved
                points, closed, curved = [], False, False
            raw.FPDFPathSegment_GetPoint(seg, ctypes.byref(fx), ctypes.byref(fy))
            x, y = fx.value, fy.value
            pt = (a * x + c * y + e, b * x + d * y + f)
            if kind != MOVETO and kind != LINETO:
                curved = True
                points.append((float("nan"), float("nan")))  # breaks straight runs across a curve
            points.append(pt)
            if raw.FPDFPathSegment_GetClose(seg):
                closed = True
        if points:
            yield points, closed and not curved


def _rect_of(points: list[Point], closed: bool) -> tuple[float, float, float, float] | None:
    """(x0, y0, x1, y1) if the subpath is an axis-aligned rectangle."""
    pts = list(points)
    if len(pts) == 5 and abs(pts[0][0] - pts[4][0]) <= AXIS_TOLERANCE and abs(pts[0][1] - pts[4][1]) <= AXIS_TOLERANCE:
        pts = pts[:4]
        closed = True
    if len(pts) != 4 or not closed:
        return None
    for (x0, y0), (x1, y1) in zip(pts, pts[1:] + pts[:1]):
        if not (abs(x0 - x1) <= AXIS_TOLERANCE or abs(y0 - y1) <= AXIS_TOLERANCE):
            return None
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def _is_drawing(obj: object) -> bool:
    """A long path with curves among its first segments: a logo, chart or glyph outline, not ruling."""
    count = raw.FPDFPath_CountSegments(obj)
    if count <= DRAWING_SEGMENTS:
        return False
    return any(raw.FPDFPathSegment_GetType(raw.FPDFPath_GetPathSegment(obj, i)) not in (MOVETO, LINETO)
               for i in range(DRAWING_PROBE))


def _is_dot(points: list[Point]) -> bool:
    """A small, round-ish filled shape drawn with curves: a traffic-light dot."""
    if not any(p[0] != p[0] for p in points):
        return False
    xs, ys = [p[0] for p in points if p[0] == p[0]], [p[1] for p in points if p[1] == p[1]]
    w, h = max(xs) - min(xs), max(ys) - min(ys)
    return DOT_SIDE[0] <= min(w, h) and max(w, h) <= DOT_SIDE[1] and max(w, h) <= DOT_ASPECT * min(w, h)


def _is_white(rgb: tuple[float, float, float] | None) -> bool:
    return rgb is None or min(rgb) >= WHITE_LEVEL


@dataclass(frozen=True, slots=True)
class PageObjects:
    rules: tuple[Rule, ...]
    fills: tuple[Fill, ...]
    images: int  # image objects: with no text, the sign of a scanned page


class _Collector:
    def __init__(self, frame: PageFrame) -> None:
        self.frame = frame
        self.reader = _Reader()
        self.rules: list[Rule] = []
        self.fills: list[Fill] = []
        self.images = 0

    def rule(self, x0: float, y0: float, x1: float, y1: float) -> None:
        bx0, btop, bx1, bbottom = self.frame.box(x0, y0, x1, y1)
        if max(bx1 - bx0, bbottom - btop) >= MIN_RULE_LENGTH:
            self.rules.append(Rule(bx0, btop, bx1, bbottom))

    def segments(self, points: list[Point], closed: bool) -> None:
        run = points + points[:1] if closed and len(points) > 2 else points  # a closed two-point path is one line
        for (x0, y0), (x1, y1) in zip(run, run[1:]):
            if x0 != x0 or x1 != x1:  # NaN: a curve lies between
                continue
            if abs(y0 - y1) <= AXIS_TOLERANCE or abs(x0 - x1) <= AXIS_TOLERANCE:
                self.rule(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))

    def path(self, obj: object, m: Matrix) -> None:
        reader = self.reader
        if not raw.FPDFPath_GetDrawMode(obj, ctypes.byref(reader.fillmode), ctypes.byref(reader.stroke)):
            return
        fill = reader.colour(obj, raw.FPDFPageObj_GetFillColor) if reader.fillmode.value else None
        stroke = reader.colour(obj, raw.FPDFPageObj_GetStrokeColor) if reader.stroke.value else None
        visible_fill = not _is_white(fill)
        visible_stroke = not _is_white(stroke)
        if not visible_fill and not visible_stroke or _is_drawing(obj):
            return
        for points, closed in reader.subpaths(obj, m):
            rect = _rect_of(points, closed)
            if rect is None and visible_fill and _is_dot(points):
                xs, ys = [p[0] for p in points if p[0] == p[0]], [p[1] for p in points if p[1] == p[1]]
                bx0, btop, bx1, bbottom = self.frame.box(min(xs), min(ys), max(xs), max(ys))
                self.fills.append(Fill(bx0, btop, bx1, bbottom, fill, dot=True))  # type: ignore[arg-type]
                continue
            if rect is None:
                if visible_stroke:
                    self.segments(points, closed)
                continue
            x0, y0, x1, y1 = rect
            if min(x1 - x0, y1 - y0) < MIN_FILL_SIDE:
                self.rule(x0, y0, x1, y1)
                continue
            for ex0, ey0, ex1, ey1 in ((x0, y0, x1, y0), (x0, y1, x1, y1), (x0, y0, x0, y1), (x1, y0, x1, y1)):
                self.rule(ex0, ey0, ex1, ey1)
            if visible_fill and fill is not None:
                bx0, btop, bx1, bbottom = self.frame.box(x0, y0, x1, y1)
                self.fills.append(Fill(bx0, btop, bx1, bbottom, fill))

    def walk(self, parent: object, form: bool, outer: Matrix, depth: int) -> None:
        count = raw.FPDFFormObj_CountObjects(parent) if form else raw.FPDFPage_CountObjects(parent)
        get = raw.FPDFFormObj_GetObject if form else raw.FPDFPage_GetObject
        for i in range(count):
            obj = get(parent, i)
            kind = raw.FPDFPageObj_GetType(obj)
            if kind == PATH_OBJECT:
                self.path(obj, _compose(self.reader.object_matrix(obj), outer))
            elif kind == IMAGE_OBJECT:
                self.images += 1
            elif kind == FORM_OBJECT and depth < MAX_FORM_DEPTH:
                self.walk(obj, True, _compose(self.reader.object_matrix(obj), outer), depth + 1)


def page_objects(page: pdfium.PdfPage, frame: PageFrame | None = None) -> PageObjects:
    """Ruling lines, coloured filled rectangles and the image count of a page, on the displayed page."""
    collector = _Collector(frame or PageFrame(page))
    collector.walk(page.raw, False, IDENTITY, 0)
    return PageObjects(tuple(collector.rules), tuple(collector.fills), collector.images)


def page_geometry(page: pdfium.PdfPage) -> tuple[tuple[Rule, ...], tuple[Fill, ...]]:
    """Ruling lines and coloured filled rectangles of a page, top-left origin on the displayed page."""
    objects = page_objects(page)
    return objects.rules, objects.fills
