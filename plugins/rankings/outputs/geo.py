"""Where each province is: its centre, by official code, from the registry of its time."""

from __future__ import annotations

from ..data.model import Agency
from ..data.provinces import MERGER_YEAR, provinces


def coordinates(agency: Agency) -> tuple[float, float] | None:
    """The province's centre; None for other units."""
    if not agency.province_code:
        return None
    return provinces(bool(agency.since and agency.since >= MERGER_YEAR)).get(agency.province_code)
