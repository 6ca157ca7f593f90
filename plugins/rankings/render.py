"""Renders chart specs to static SVG with vl-convert, through a cache keyed by a hash of
everything that shapes the output, so a rebuild renders only what changed."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import vl_convert

from .files import write_atomically

# Vietnamese number format for axis labels (d3-format has no vi-VN locale of its own).
LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " ₫"]},
}
_ID = re.compile(r'\bid="([^"]+)"')


@dataclass
class Renderer:
    font_folder: Path
    cache_folder: Path
    locale: str = "vi"
    rendered: int = 0  # counts, for `invoke bench`
    cached: int = 0
    _salt: str = field(init=False, default="")

    def __post_init__(self):
        vl_convert.register_font_directory(str(self.font_folder))
        fonts = hashlib.sha256()
        for font in sorted(self.font_folder.glob("*.ttf")):
            fonts.update(font.name.encode() + font.read_bytes())
        self._salt = f"{vl_convert.__version__}|{fonts.hexdigest()}|{json.dumps(LOCALES[self.locale])}"
        self.cache_folder.mkdir(parents=True, exist_ok=True)

    def key(self, spec: dict) -> str:
        text = json.dumps(spec, sort_keys=True, ensure_ascii=False) + self._salt
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def svg(self, spec: dict, element_id: str) -> str:
        """The chart as SVG markup to inline in a page; ids are prefixed with element_id
        so that several charts can share a page."""
        path = self.cache_folder / f"{self.key(spec)}.svg"
        if path.exists():
            self.cached += 1
            markup = path.read_text(encoding="utf-8")
        else:
            self.rendered += 1
            markup = vl_convert.vegalite_to_svg(spec, format_locale=LOCALES[self.locale])
            write_atomically(path, markup)
        return _prefix_ids(markup, element_id)


def _prefix_ids(markup: str, prefix: str) -> str:
    ids = set(_ID.findall(markup))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        markup = markup.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
        markup = markup.replace(f'href="#{old}"', f'href="#{new}"')
    return markup

