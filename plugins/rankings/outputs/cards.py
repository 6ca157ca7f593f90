"""Share images (Open Graph, Twitter cards): PNGs of an SVG drawn by a theme template,
drawn by Typst with the theme's fonts (picture.py), through the engine."""

from __future__ import annotations

import functools
import textwrap
from pathlib import Path

from . import fonts, picture
from .engine import Engine, salt

WIDTH, HEIGHT = 1200, 630  # what Open Graph and Twitter show without cropping
POOL_FROM = 80  # a card takes ~15 ms: fewer than this are made faster here


def _png(svg: str, font_folders: tuple[str, ...]) -> tuple[bytes]:
    return (picture.png(svg, 1, font_folders),)


def _text(svg: str) -> str:
    return svg


def card_engine(font_folders: tuple[Path, ...], cache_folder: Path) -> Engine:
    """Cards drawn with the fonts of `font_folders` (settings.font_folders)."""
    import typst

    return Engine(
        functools.partial(_png, font_folders=tuple(map(str, font_folders))),
        _text,
        cache_folder,
        salt(typst.__version__, files=[Path(picture.__file__), *fonts.files(*font_folders)]),
        (".png",),
        POOL_FROM,
    )


def footer(siteurl: str, sitename: str) -> str:
    """The published address, or the site's name where the build has none (a local
    build's SITEURL is empty, or "/en" for its English site)."""
    return siteurl.split("://", 1)[1] if "://" in siteurl else sitename


def lines(text: str, width: int, most: int) -> list[str]:
    """`text` in lines of about `width` characters (SVG text does not wrap), at most
    `most` of them, the last one cut with an ellipsis."""
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > most:
        wrapped = wrapped[:most]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped
