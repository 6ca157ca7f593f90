"""The official provinces by their statistical code, from the vietnamadminunits registry:
the 63 until 30/6/2025 and the 34 from 1/7/2025."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

MERGER_YEAR = 2025  # the provinces of 1/7/2025 are units of this year on


@functools.cache
def official_names(from_merger: bool) -> dict[str, str]:
    """The official name of each of the 34 provinces (or of the 63 before them), by code."""
    # Only the package's data is needed: find it without running the package's imports.
    (folder,) = importlib.util.find_spec("vietnamadminunits").submodule_search_locations
    name = "parser_from_2025" if from_merger else "parser_legacy"
    data = json.loads((Path(folder) / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return {p["provinceCode"]: p["province"] for p in data["DICT_PROVINCE"].values()}


def provinces(from_merger: bool) -> frozenset[str]:
    """The codes of the 34 provinces (or of the 63 before them)."""
    return frozenset(official_names(from_merger))


def official_in(code: str, since: int | None, until: int | None) -> bool:
    """Whether `code` names a province in every period the unit existed in (one that ends
    in the merger's year was merged then: it is of the 63)."""
    before = since is None or since < MERGER_YEAR
    after = until is None or until > MERGER_YEAR
    return (not before or code in provinces(False)) and (not after or code in provinces(True))
