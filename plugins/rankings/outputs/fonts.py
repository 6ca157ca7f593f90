"""The theme's fonts: registered with the SVG renderer (vl-convert) once a process, and
the same files for Typst (PDFs, pictures)."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def register(folder: str) -> None:
    import vl_convert  # only where something is drawn

    vl_convert.register_font_directory(folder)


@functools.cache
def covered(folders: tuple[Path, ...]) -> frozenset[int]:
    """Every character the fonts of these folders can draw."""
    from fontTools.ttLib import TTFont

    found = set()
    for path in files(*folders):
        with TTFont(path, lazy=True) as font:
            found.update(font.getBestCmap())
    return frozenset(found)


def files(*folders: Path) -> list[Path]:
    """The font files of these folders, for the salt of what they shape."""
    return [path for folder in folders for path in sorted(Path(folder).glob("*.ttf"))]


@functools.cache
def typst_fonts(folders: tuple[str, ...]):
    """Typst's fonts: those of these folders alone, no system font and none of those
    built into Typst, so that every machine draws with the same."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=list(folders))
