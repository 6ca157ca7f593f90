"""The theme's fonts, registered with the SVG renderer (vl-convert) once per process."""

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
    for folder in folders:
        for path in files(folder):
            with TTFont(path, lazy=True) as font:
                found.update(font.getBestCmap())
    return frozenset(found)


def files(folder: Path) -> list[Path]:
    """The font files, for the salt of what they shape."""
    return sorted(folder.glob("*.ttf"))
