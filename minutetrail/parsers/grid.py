"""Ruled tables from page geometry: ruling lines and filled cells -> segments -> grids.

The lattice way (pdfplumber's edges -> intersections -> cells, camelot's lattice), written for
what an action table needs: drawn lines and the edges of filled cells become horizontal and
vertical segments, snapped and joined; segments that touch form one grid; a grid's vertical
positions are its column boundaries, its horizontal positions its row boundaries, and a
missing stretch of a horizontal rule over a column is a cell merged with the one above.
A grid with only its outer verticals (rows ruled or zebra-filled, columns from whitespace)
is a partly ruled table. Cheap on pages without tables: no segments, no work.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from minutetrail.models import Fill, Rule

MIN_SEGMENT = 6.0  # points: shorter strokes are glyph outlines or tick marks, not rules
MAX_THICKNESS = 2.0  # a rule is straight along an axis
SNAP = 2.0  # parallel segments this close are one line (double rules, rect edges)
JOIN = 3.0  # collinear segments with a gap this small are one line
TOUCH = 3.0  # a horizontal and a vertical this close meet
MIN_FILL_SIDE = 4.0
MAX_SEGMENTS = 3000  # a page drawn as thousands of strokes (a map, a chart) is not read as tables
MAX_PAIRS = 250_000
MIN_COLUMN = 12.0  # narrower spaces between verticals are double rules or padding
ROW_RULE_SHARE = 0.5
PAGE_FRAME_SHARE = 0.85  # a box this share of the page is a page border
RULED_ONLY_MIN_WIDTH = 120.0  # horizontal rules of a partly ruled table are at least this wide
RULED_ONLY_SAME_EDGE = 6.0
RULED_ONLY_MAX_GAP = 200.0
RULED_ONLY_MIN_RULES = 3


@dataclass(frozen=True, slots=True)
class Segment:
    pos: float  # y of a horizontal segment, x of a vertical one
    start: float
    end: float


@dataclass(frozen=True, slots=True)
class Grid:
    """A ruled region: column boundaries ``xs`` and row boundaries ``ys``, both outer edges included."""

    x0: float
    top: float
    x1: float
    bottom: float
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    hsegs: tuple[Segment, ...]
    vsegs: tuple[Segment, ...]

    @property
    def ruled(self) -> bool:
        """Columns drawn (at least one inner vertical), not only rows."""
        return len(self.xs) >= 3

    def ruled_across(self, y: float, left: float, right: float) -> bool:
        """Is there a horizontal rule at ``y`` under the middle of the span left..right?"""
        mid = (left + right) / 2
        return any(abs(s.pos - y) <= SNAP + 0.5 and s.start - TOUCH <= mid <= s.end + TOUCH for s in self.hsegs)

    def ruled_down(self, x: float, top: float, bottom: float) -> bool:
        """Is there a vertical rule at ``x`` through the middle of top..bottom?"""
        mid = (top + bottom) / 2
        return any(abs(s.pos - x) <= SNAP + 0.5 and s.start - TOUCH <= mid <= s.end + TOUCH for s in self.vsegs)


def _segments(rules: Sequence[Rule], fills: Sequence[Fill]) -> tuple[list[Segment], list[Segment]]:
    hs: list[Segment] = []
    vs: list[Segment] = []
    for r in rules:  # slanted strokes (a watermark's letters, a chart) are not rules
        if r.vertical:
            if r.bottom - r.top >= MIN_SEGMENT and r.x1 - r.x0 <= MAX_THICKNESS:
                vs.append(Segment((r.x0 + r.x1) / 2, r.top, r.bottom))
        elif r.x1 - r.x0 >= MIN_SEGMENT and r.bottom - r.top <= MAX_THICKNESS:
            hs.append(Segment((r.top + r.bottom) / 2, r.x0, r.x1))
    for f in _merge_fills([f for f in fills if not f.dot]):  # a filled cell draws its own edges (a dot draws none)
        if f.x1 - f.x0 >= MIN_FILL_SIDE and f.bottom - f.top >= MIN_FILL_SIDE:
            hs += [Segment(f.top, f.x0, f.x1), Segment(f.bottom, f.x0, f.x1)]
            vs += [Segment(f.x0, f.top, f.bottom), Segment(f.x1, f.top, f.bottom)]
    return _merge(hs), _merge(vs)


def _merge_fills(fills: Sequence[Fill]) -> list[Fill]:
    """One cell's background painted in strips (one per text line) is one fill."""
    out: list[Fill] = []
    for f in sorted(fills, key=lambda f: (f.top, f.x0)):
        for i, o in enumerate(out):
            if o.rgb == f.rgb and abs(f.top - o.bottom) <= 1.5 and min(o.x1, f.x1) - max(o.x0, f.x0) >= 0.8 * max(o.x1 - o.x0, f.x1 - f.x0):
                out[i] = Fill(min(o.x0, f.x0), o.top, max(o.x1, f.x1), f.bottom, o.rgb)
                break
        else:
            out.append(f)
    return out


def _merge(segs: list[Segment]) -> list[Segment]:
    """Snap parallel segments to one position and join collinear ones."""
    out: list[Segment] = []
    segs.sort(key=lambda s: s.pos)
    cluster: list[Segment] = []
    for s in segs + [Segment(float("inf"), 0, 0)]:
        if cluster and s.pos - cluster[0].pos > SNAP:
            pos = sum(c.pos for c in cluster) / len(cluster)
            cluster.sort(key=lambda c: c.start)
            start, end = cluster[0].start, cluster[0].end
            for c in cluster[1:]:
                if c.start <= end + JOIN:
                    end = max(end, c.end)
                else:
                    out.append(Segment(pos, start, end))
                    start, end = c.start, c.end
            out.append(Segment(pos, start, end))
            cluster = []
        cluster.append(s)
    return out


def _touch(h: Segment, v: Segment) -> bool:
    return v.start - TOUCH <= h.pos <= v.end + TOUCH and h.start - TOUCH <= v.pos <= h.end + TOUCH


def _cell_edge(v: Segment, hs: Sequence[Segment], top: float, bottom: float) -> bool:
    """A cell's side runs from one horizontal rule to another, or to the table's cut edge (a table
    broken by the page foot lacks its closing rule); a stroke ending mid-cell is a glyph."""
    def meets(y: float) -> bool:
        return any(abs(h.pos - y) <= TOUCH and h.start - TOUCH <= v.pos <= h.end + TOUCH for h in hs)
    return (meets(v.start) or v.start <= top + TOUCH) and (meets(v.end) or v.end >= bottom - TOUCH)


def _positions(values: Sequence[float]) -> tuple[float, ...]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > SNAP:
            out.append(v)
    return tuple(out)


def _columns(vs: Sequence[Segment]) -> tuple[float, ...]:
    """Column boundaries: vertical positions, of two closer than a column the one drawn longer
    (a rule beats the inset edge of a cell's fill; double rules count once)."""
    weight: dict[float, float] = {}
    for x in _positions([v.pos for v in vs]):
        weight[x] = sum(v.end - v.start for v in vs if abs(v.pos - x) <= SNAP)
    out: list[float] = []
    for x in sorted(weight):
        if out and x - out[-1] < MIN_COLUMN:
            if weight[x] > weight[out[-1]]:
                out[-1] = x
            continue
        out.append(x)
    return tuple(out)


def _grid(hs: Sequence[Segment], vs: Sequence[Segment]) -> Grid:
    x0 = min([h.start for h in hs] + [v.pos for v in vs])
    x1 = max([h.end for h in hs] + [v.pos for v in vs])
    top = min([h.pos for h in hs] + [v.start for v in vs])
    bottom = max([h.pos for h in hs] + [v.end for v in vs])
    xs = _columns(vs)
    if len(xs) < 2:
        xs = (x0, x1)
    cover: dict[float, float] = {}
    for h in hs:
        cover[h.pos] = cover.get(h.pos, 0.0) + h.end - h.start
    # a row boundary runs across most of the table; a short stretch is a filled cell's edge
    ys = _positions([y for y, c in cover.items() if c >= ROW_RULE_SHARE * (x1 - x0)] + [top, bottom])
    return Grid(x0, top, x1, bottom, xs, ys, tuple(hs), tuple(vs))


def _components(hs: list[Segment], vs: list[Segment]) -> list[tuple[list[Segment], list[Segment]]]:
    parent = list(range(len(hs) + len(vs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if _touch(h, v):
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Segment], list[Segment]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    return list(groups.values())


def _ruled_rows_only(hs: Sequence[Segment]) -> list[list[Segment]]:
    """Horizontal rules of the same extent stacked down the page: a table ruled only between rows."""
    wide = sorted((h for h in hs if h.end - h.start >= RULED_ONLY_MIN_WIDTH), key=lambda h: h.pos)
    groups: list[list[Segment]] = []
    for h in wide:
        for grp in groups:
            last = grp[-1]
            if abs(last.start - h.start) <= RULED_ONLY_SAME_EDGE and abs(last.end - h.end) <= RULED_ONLY_SAME_EDGE \
                    and h.pos - last.pos <= RULED_ONLY_MAX_GAP:
                grp.append(h)
                break
        else:
            groups.append([h])
    return [g for g in groups if len(g) >= RULED_ONLY_MIN_RULES]


def page_grids(rules: Sequence[Rule], fills: Sequence[Fill], width: float, height: float) -> list[Grid]:
    """The ruled regions of a page, top to bottom. Boxes without inner structure and page frames are left out."""
    if not rules and not fills:
        return []
    hs, vs = _segments(rules, fills)
    if not hs or len(hs) + len(vs) > MAX_SEGMENTS or len(hs) * len(vs) > MAX_PAIRS:
        return []
    grids: list[Grid] = []
    loose: list[Segment] = []
    for ghs, gvs in _components(hs, vs):
        if not gvs:
            loose.extend(ghs)
            continue
        if not ghs:
            continue
        top, bottom = min(v.start for v in gvs), max(v.end for v in gvs)
        gvs = [v for v in gvs if _cell_edge(v, ghs, top, bottom)]
        if not gvs:
            loose.extend(ghs)
            continue
        g = _grid(ghs, gvs)
        frame = (g.x1 - g.x0) * (g.bottom - g.top) >= PAGE_FRAME_SHARE * width * height
        if (g.ruled and len(g.ys) >= 2 or len(g.ys) >= 4) and not (frame and not g.ruled):
            grids.append(g)
        elif not g.ruled and not frame:
            loose.extend(ghs)  # a lone box: one band of a zebra-filled table, perhaps
    for grp in _ruled_rows_only(loose):
        grids.append(_grid(grp, []))
    grids = [g for g in grids if not any(o is not g and not g.ruled and _inside(o, g) for o in grids)]
    return sorted(grids, key=lambda g: (g.top, g.x0))


def wide_rules(rules: Sequence[Rule], min_width: float = RULED_ONLY_MIN_WIDTH) -> list[Segment]:
    """Long horizontal rules (merged), e.g. the one under a borderless table's header."""
    hs = [Segment((r.top + r.bottom) / 2, r.x0, r.x1) for r in rules
          if not r.vertical and r.x1 - r.x0 >= MIN_SEGMENT and r.bottom - r.top <= MAX_THICKNESS]
    return [h for h in _merge(hs) if h.end - h.start >= min_width]


def _inside(inner: Grid, outer: Grid) -> bool:
    return inner.x0 >= outer.x0 - 1 and inner.x1 <= outer.x1 + 1 and inner.top >= outer.top - 1 and inner.bottom <= outer.bottom + 1


def overlap_share(a: Grid, b: Grid) -> float:
    """The share of the smaller grid's area that the two grids share."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1.0, min((a.x1 - a.x0) * (a.bottom - a.top), (b.x1 - b.x0) * (b.bottom - b.top)))


__all__ = ["Grid", "Segment", "overlap_share", "page_grids", "wide_rules"]
