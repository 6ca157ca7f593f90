"""The theme's web fonts: made by `invoke webfonts` from the TTFs (so they can be made
again), one width for every digit, and every character the site writes drawn by them."""

from __future__ import annotations

from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

from conftest import ROOT
from rankings.outputs import webfonts

FONTS = ROOT / "theme" / "static" / "fonts"
MADE = webfonts.files(FONTS / "ttf", FONTS)


def test_the_shipped_web_fonts_are_those_the_task_makes():
    assert sorted(path.name for path in FONTS.glob("*.woff2")) == sorted(path.name for path in MADE)
    for woff2, ttf in MADE.items():
        assert woff2.read_bytes() == webfonts.webfont(ttf), f"{woff2.name}: run `invoke webfonts`"


@pytest.mark.parametrize("woff2", sorted(MADE), ids=lambda path: path.name)
def test_digits_have_one_width_and_keep_their_shapes(woff2):
    font, original = TTFont(woff2), TTFont(MADE[woff2])
    names = [font.getBestCmap()[ord(digit)] for digit in webfonts.DIGITS]
    assert len({font["hmtx"][name][0] for name in names}) == 1
    for name in names:  # the same outline, moved sideways only
        moved, before = font["glyf"][name], original["glyf"][name]
        assert moved.yMax - moved.yMin == before.yMax - before.yMin
        assert moved.xMax - moved.xMin == before.xMax - before.xMin


def characters(site: Path) -> set[str]:
    from bs4 import BeautifulSoup

    found = set()
    for page in site.rglob("*.html"):
        found.update(BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").get_text())
    return {ch for ch in found if not ch.isspace()}


def test_every_character_of_the_fixture_site_is_in_the_web_fonts(site):
    for woff2 in MADE:
        assert characters(site) - {chr(c) for c in TTFont(woff2).getBestCmap()} == set(), woff2.name


@pytest.mark.slow  # the whole record
def test_every_character_of_the_record_is_in_the_web_fonts(real_site):
    for woff2 in MADE:
        assert characters(real_site) - {chr(c) for c in TTFont(woff2).getBestCmap()} == set(), woff2.name
