"""Where each province is: latitude and longitude by official code, from the
vietnamadminunits registry (the 63 provinces before 1/7/2025 and the 34 after)."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path

from ..data.model import Agency


@functools.cache
def _table(name: str) -> dict[str, tuple[float, float]]:
    # Only the package's data is needed: find it without running the package's imports.
    (folder,) = importlib.util.find_spec("vietnamadminunits").submodule_search_locations
    data = json.loads((Path(folder) / "data" / f"{name}.json").read_text(encoding="utf-8"))
    return {p["provinceCode"]: (p["provinceLat"], p["provinceLon"]) for p in data["DICT_PROVINCE"].values()}


def coordinates(agency: Agency) -> tuple[float, float] | None:
    """The province's centre, from the registry of its time; None for other units."""
    if not agency.province_code:
        return None
    table = "parser_from_2025" if agency.since and agency.since >= 2025 else "parser_legacy"
    return _table(table).get(agency.province_code)
