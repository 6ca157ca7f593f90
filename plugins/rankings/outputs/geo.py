"""Province boundaries for the maps (boundaries/, from Open Development Vietnam, CC BY-SA
4.0: see boundaries/SOURCES.md, whose attribution every map carries): the 63 provinces
until 30/6/2025 and the 34 from 1/7/2025, each feature keyed by its official code."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from ..data.provinces import MERGER_YEAR

FOLDER = Path(__file__).with_name("boundaries")
# Where the two archipelagos are labelled (longitude, latitude): drawn as parts of Đà Nẵng
# (48) and Khánh Hòa (56), as the boundary data holds them.
ARCHIPELAGOS = ((112.0, 17.6, "hoang-sa"), (114.2, 12.3, "truong-sa"))


BOUNDARIES_63, BOUNDARIES_34 = "vn-provinces-63", "vn-provinces-34"


def boundaries(units_year: int) -> str:
    """The boundary file of the units of that year."""
    return BOUNDARIES_34 if units_year >= MERGER_YEAR else BOUNDARIES_63


@functools.cache
def topology(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.topojson").read_text(encoding="utf-8"))


@functools.cache
def simplified(name: str, width: float, pixels: float) -> dict:
    """The boundaries as a map `width` pixels wide draws them: every arc simplified
    (Douglas-Peucker, shapely) to within `pixels` of its course. Neighbours share their
    arcs in TopoJSON and an arc keeps its ends, so borders still meet; the survey's 11,000
    vertices would draw a 300-pixel map at several points a pixel."""
    from shapely import LineString

    topo = topology(name)
    xs = [x for arc in topo["arcs"] for x in _absolute(arc)[0::2]]
    tolerance = pixels * (max(xs) - min(xs)) / width  # in the file's quantised units
    arcs = []
    for arc in topo["arcs"]:
        points = list(zip(*[iter(_absolute(arc))] * 2))
        kept = (
            points if len(points) < 3 else [tuple(map(round, p)) for p in LineString(points).simplify(tolerance).coords]
        )
        arcs.append([list(kept[0])] + [[b[0] - a[0], b[1] - a[1]] for a, b in zip(kept, kept[1:])])
    return {**topo, "arcs": arcs}


def _absolute(arc: list[list[int]]) -> list[int]:
    """A quantised arc's positions, undoing TopoJSON's delta encoding: x0, y0, x1, y1, …"""
    x = y = 0
    out = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        out += [x, y]
    return out


@functools.cache
def version(name: str) -> str:
    """A hash of the file, so that a chart drawn from it is drawn again when it changes."""
    return hashlib.sha256((FOLDER / f"{name}.topojson").read_bytes()).hexdigest()[:16]


def codes(name: str) -> list[str]:
    return sorted(g["properties"]["code"] for g in topology(name)["objects"]["provinces"]["geometries"])
