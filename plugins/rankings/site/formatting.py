"""Numbers, changes and dates as readers of each language expect them (Babel)."""

from __future__ import annotations

import datetime
import functools
import unicodedata
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_decimal, get_decimal_symbol, get_group_symbol

from ..data.languages import without_marks
from ..data.portal import license_url
from ..rules.ranking import rounded


@functools.cache
def _separators(locale: str) -> dict[int, str]:
    """The locale's decimal and group signs (Babel), as a table for str.translate."""
    return {ord("."): get_decimal_symbol(locale), ord(","): get_group_symbol(locale)}


def score(value: Decimal | None, decimals: int, locale: str = "vi") -> str:
    """0,9291 in Vietnamese, 0.9291 in English; an em dash when unknown. Formatted by
    Python with Babel's signs: a page shows thousands of figures, and Babel's own
    formatter would take a third of the time it takes to write the pages."""
    if value is None:
        return "—"
    return f"{rounded(value, decimals):,.{decimals}f}".translate(_separators(locale))


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


def sort_key(text: str) -> tuple:
    """Vietnamese alphabetical order, near enough: base letters first, then marks (Đ after D)."""
    marked = unicodedata.normalize("NFD", text.replace("Đ", "D\uffff").replace("đ", "d\uffff"))
    return (without_marks(marked).casefold(), marked)


FILTERS = {
    # A name typed without diacritics finds it: the search index folds tones, not đ.
    "folded": without_marks,
    "score": score,
    "number": number,
    "percent": percent,
    "change": change,
    "date": date,
    "license_url": license_url,
}
