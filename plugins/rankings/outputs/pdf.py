"""PDF reports with Typst, through the engine: each report's document (site/reports.py) is
handed to the theme's Typst template as JSON data, and Typst writes a tagged PDF/UA-1
file with the theme's font alone, refusing to write one that breaks the standard."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from . import fonts
from .engine import Engine, salt

TEMPLATE = "report.typ"
STANDARD = "ua-1"  # PDF/UA-1: tagged for screen readers, checked by Typst itself
POOL_FROM = 6  # measured, workers from the fork server: 4 reports take 0.25-0.32 s here, 0.23 s in a pool of two; 8, 0.70 and 0.33-0.43 s
# Typst keeps all it laid out for as long as its process lives (typst-py never evicts its
# memo cache), more the larger the documents: each of the scale workload's largest reports
# (1.4 M characters) adds about 160 MB. Characters of documents a worker makes before a
# fresh one takes over, measured on the scale workload's 780 reports: at 40 M a worker
# grew to 1.8 GB and all took 101 s; at 4 M, 600 MB and 79 s (a smaller memo is faster to
# search); national's reports, in two pools a language more, take 0.4 s longer.
RECYCLE = 4_000_000


@functools.cache
def _compiler(templates: str, font_folders: tuple[str, ...]):
    """One compiler per process: Typst keeps what it laid out, and re-lays out only what changed."""
    import typst

    return typst.Compiler(str(Path(templates, TEMPLATE)), root=templates, font_paths=fonts.typst_fonts(font_folders))


def _render(document: str, templates: str, font_folders: tuple[str, ...]) -> tuple[bytes]:
    return (_compiler(templates, font_folders).compile(sys_inputs={"data": document}, pdf_standards=[STANDARD]),)


def _text(document: str) -> str:
    return document


MISSING = "\ufffd"  # what a report shows for a character none of its fonts can draw
_LAID_OUT = " \n\t"  # spacing Typst lays out without a glyph (other controls are not text it can show)


def as_json(document: dict, covered: frozenset[int] | None = None) -> str:
    """The document as the template reads it (and as the cache knows it). A character
    none of the fonts can draw becomes MISSING: PDF/UA forbids text that cannot be shown,
    and Typst rightly refuses such a file (the page and the open data keep the text).
    Most documents have none: their text is checked whole, in one pass over its distinct
    characters, and walked string by string only if one is not drawn (or escaped: a
    control character is written as \\u…)."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True)
    if not covered or ("\\u" not in text and all(ord(ch) in covered or ch in _LAID_OUT for ch in set(text))):
        return text
    return json.dumps(_drawable(document, covered), ensure_ascii=False, sort_keys=True)


def _drawable(value, covered: frozenset[int]):
    if isinstance(value, str):
        if all(ord(ch) in covered or ch in _LAID_OUT for ch in value):
            return value
        return "".join(ch if ord(ch) in covered or ch in _LAID_OUT else MISSING for ch in value)
    if isinstance(value, dict):  # a chart's SVG is drawn as an image, with its own fallbacks
        return {k: v if k == "svg" else _drawable(v, covered) for k, v in value.items()}
    if isinstance(value, list):
        return [_drawable(v, covered) for v in value]
    return value


def pdf_engine(
    templates: Path, font_folders: tuple[Path, ...], cache_folder: Path, workers: int | None = None
) -> Engine:
    """PDFs from documents; `templates` is the theme's folder of Typst templates, and the
    reports are set in the fonts of `font_folders` alone (settings.font_folders)."""
    import typst

    engine = Engine(
        functools.partial(_render, templates=str(templates), font_folders=tuple(map(str, font_folders))),
        _text,
        cache_folder,
        salt(typst.__version__, STANDARD, files=[*templates.glob("*.typ"), *fonts.files(*font_folders)]),
        (".pdf",),
        POOL_FROM,
        recycle=RECYCLE,
    )
    if workers:
        engine.workers = workers
    return engine
