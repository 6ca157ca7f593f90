"""The web pages' fonts, made from the TTFs the charts and PDFs use (`invoke webfonts`):
one WOFF2 file per weight with the Latin and Vietnamese letters the site writes (a
Vietnamese page otherwise fetches three subsets per weight), and digits of one width,
so that the figures of a table column line up (the font has no `tnum` feature)."""

from __future__ import annotations

import io
from pathlib import Path

# Basic Latin and Latin-1, the Vietnamese letters and tone marks, general punctuation
# (– — “ ” …), the đồng and euro signs, arrows (↑ ↓ ↕ of the sortable columns), − ≤ ≥.
UNICODES = (
    *range(0x20, 0x7F),
    *range(0xA0, 0x100),
    0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0,
    0x300, 0x301, 0x303, 0x309, 0x323,
    *range(0x1EA0, 0x1EFA),
    *range(0x2010, 0x2027), 0x2030, 0x2039, 0x203A, 0x20AB, 0x20AC, 0x2122,
    *range(0x2190, 0x2196), 0x2212, 0x2215, 0x2264, 0x2265,
)  # fmt: skip
DIGITS = "0123456789"


def webfont(ttf: Path) -> bytes:
    """The TTF as the web font: subset to UNICODES, its digits made one width (each
    centred in the widest one's advance), as WOFF2, with the TTF's own dates."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(ttf, recalcTimestamp=False)
    options = subset.Options(layout_features=["*"], name_IDs=["*"], name_languages=["*"])
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=UNICODES)
    subsetter.subset(font)
    _tabular(font)
    font.flavor = "woff2"
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _tabular(font) -> None:
    cmap, metrics, glyphs = font.getBestCmap(), font["hmtx"].metrics, font["glyf"]
    names = [cmap[ord(digit)] for digit in DIGITS]
    width = max(metrics[name][0] for name in names)
    for name in names:
        advance, left = metrics[name]
        shift = (width - advance) // 2
        glyph = glyphs[name]
        if glyph.isComposite():
            for component in glyph.components:
                component.x += shift
        elif glyph.numberOfContours > 0:
            glyph.coordinates.translate((shift, 0))
        glyph.recalcBounds(glyphs)
        metrics[name] = (width, left + shift)
    font["hhea"].advanceWidthMax = max(advance for advance, _ in metrics.values())


def files(ttf_folder: Path, out_folder: Path) -> dict[Path, Path]:
    """Each web font and the TTF it is made from."""
    return {out_folder / f"be-vietnam-pro-{_weight(ttf)}.woff2": ttf for ttf in sorted(ttf_folder.glob("*.ttf"))}


def _weight(ttf: Path) -> int:
    from fontTools.ttLib import TTFont

    with TTFont(ttf, lazy=True) as font:
        return font["OS/2"].usWeightClass
