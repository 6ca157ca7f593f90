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


def boundaries(units_year: int) -> str:
    """The boundary file of the units of that year."""
    return "vn-provinces-34" if units_year >= MERGER_YEAR else "vn-provinces-63"


@functools.cache
def topology(name: str) -> dict:
    return json.loads((FOLDER / f"{name}.topojson").read_text(encoding="utf-8"))


@functools.cache
def version(name: str) -> str:
    """A hash of the file, so that a chart drawn from it is drawn again when it changes."""
    return hashlib.sha256((FOLDER / f"{name}.topojson").read_bytes()).hexdigest()[:16]


def codes(name: str) -> list[str]:
    return sorted(g["properties"]["code"] for g in topology(name)["objects"]["provinces"]["geometries"])
