"""Numbers, changes and dates as readers of each language expect them (Babel)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from .ranking import rounded


def score(value: Decimal | None, decimals: int, locale: str = "vi") -> str:
    """0,9291 in Vietnamese, 0.9291 in English; an em dash when unknown."""
    if value is None:
        return "—"
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(rounded(value, decimals), format=pattern, locale=locale,
                          decimal_quantization=True)


def number(value, locale: str = "vi") -> str:
    return "—" if value is None else format_decimal(value, locale=locale)


def percent(part: int, whole: int, locale: str = "vi") -> str:
    if not whole:
        return "—"
    return format_decimal(Decimal(100 * part) / whole, format="#,##0.#", locale=locale) + "%"


def change(value: int | None) -> str:
    """Places gained (+3) or lost (−2) since the previous edition; signs the theme's font
    has, so pages, charts and PDFs show the same glyphs."""
    if value is None:
        return ""
    if value == 0:
        return "="
    return f"+{value}" if value > 0 else f"\u2212{-value}"


def date(value: datetime.date | None, locale: str = "vi") -> str:
    if value is None:
        return ""
    return format_date(value, format="dd/MM/yyyy" if locale == "vi" else "d MMMM yyyy", locale=locale)


FILTERS = {
    "score": score,
    "number": number,
    "percent": percent,
    "change": change,
    "date": date,
}
