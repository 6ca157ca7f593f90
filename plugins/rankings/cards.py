"""Share images (Open Graph, Twitter cards): PNGs of an SVG drawn by a theme template,
made by vl-convert's SVG renderer with the theme's fonts, cached and made over all cores
(batch.py)."""

from __future__ import annotations

import functools
import textwrap
from pathlib import Path

import vl_convert

from .batch import CachedBatch, salt

WIDTH, HEIGHT = 1200, 630  # what Open Graph and Twitter show without cropping
POOL_FROM = 80  # a card takes ~15 ms: fewer than this are made faster here


@functools.cache
def _fonts(folder: str) -> None:
    vl_convert.register_font_directory(folder)


def _png(svg: str, font_folder: str) -> bytes:
    _fonts(font_folder)  # once per process, worker processes included
    return vl_convert.svg_to_png(svg, scale=1)


def card_batch(font_folder: Path, cache_folder: Path) -> CachedBatch:
    return CachedBatch(functools.partial(_png, font_folder=str(font_folder)), cache_folder,
                       salt(vl_convert.__version__, files=list(font_folder.glob("*.ttf"))), ".png", POOL_FROM)


def lines(text: str, width: int, most: int) -> list[str]:
    """`text` in lines of about `width` characters (SVG text does not wrap), at most
    `most` of them, the last one cut with an ellipsis."""
    wrapped = textwrap.wrap(text, width) or [""]
    if len(wrapped) > most:
        wrapped = wrapped[:most]
        wrapped[-1] = wrapped[-1][: width - 1].rstrip() + "…"
    return wrapped
