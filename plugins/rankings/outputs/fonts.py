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
    for folder in folders:
        for path in files(folder):
            with TTFont(path, lazy=True) as font:
                found.update(font.getBestCmap())
    return frozenset(found)


def files(folder: Path) -> list[Path]:
    """The font files, for the salt of what they shape."""
    return sorted(folder.glob("*.ttf"))


def fallback_folders(theme: Path) -> tuple[Path, ...]:
    """The theme's fonts for characters its own font lacks (theme/fonts/fallback)."""
    folder = theme / "fonts" / "fallback"
    return (folder,) if folder.is_dir() else ()


@functools.cache
def typst_fonts(folders: tuple[str, ...]):
    """Typst's fonts: those of these folders alone, no system font and none of those
    built into Typst, so that every machine draws with the same."""
    import typst

    return typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=list(folders))
