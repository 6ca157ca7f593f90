"""Languages in the data: it is published in Vietnamese, and any text field may be given
in another language beside it as `<field>_<language code>` (`name_en`, `title_fr`)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

SOURCE = "vi"  # the language the data is published in
_CODE = re.compile(r"[a-z]{2,3}")  # an ISO 639 code


def translated_keys(field: str, keys: Iterable[str]) -> dict[str, str]:
    """The keys among `keys` that give `field` in another language, by language code."""
    found = {}
    for key in keys:
        lang = key[len(field) + 1 :] if key.startswith(f"{field}_") else ""
        if _CODE.fullmatch(lang) and lang != SOURCE:
            found[lang] = key
    return found


def without_marks(text: str) -> str:
    """The letters of `text` without their marks, đ as d ("Đà Nẵng" → "Da Nang")."""
    base = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in base if unicodedata.category(ch) != "Mn")
