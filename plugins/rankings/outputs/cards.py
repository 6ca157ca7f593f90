"""Share images (Open Graph, Twitter cards): PNGs of an SVG drawn by a theme template,
made by vl-convert's SVG renderer with the theme's fonts, through the engine."""

from __future__ import annotations

import functools
import textwrap
from pathlib import Path

from . import fonts
from .engine import Engine, salt

WIDTH, HEIGHT = 1200, 630  # what Open Graph and Twitter show without cropping
POOL_FROM = 80  # a card takes ~15 ms: fewer than this are made faster here


def _png(svg: str) -> tuple[bytes]:
    import vl_convert

    return (vl_convert.svg_to_png(svg, scale=1),)


def _text(svg: str) -> str:
    return svg


def card_engine(font_folder: Path, cache_folder: Path) -> Engine:
    import vl_convert

    return Engine(
        _png,
        _text,
        cache_folder,
        salt(vl_convert.__version__, files=fonts.files(font_folder)),
        (".png",),
        POOL_FROM,
        functools.partial(fonts.register, str(font_folder)),
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
