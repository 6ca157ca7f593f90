"""PDF reports with WeasyPrint from the site's own templates, through the engine."""

from __future__ import annotations

import functools
import os
from pathlib import Path

from . import fonts
from .engine import Engine, salt

VARIANT = "pdf/ua-1"  # tagged, for screen readers
POOL_FROM = 6  # fewer PDFs than this render faster in-process than through a pool


def _render(html: str, base_url: str) -> tuple[bytes]:
    import weasyprint

    return (weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant=VARIANT),)


def _text(html: str) -> str:
    return html


def pdf_engine(static_folder: Path, cache_folder: Path, workers: int | None = None) -> Engine:
    """PDFs from HTML; `static_folder` holds the theme's pdf.css and TTF fonts."""
    import weasyprint

    engine = Engine(functools.partial(_render, base_url=str(static_folder) + os.sep), _text, cache_folder,
                    salt(weasyprint.__version__, VARIANT,
                         files=[static_folder / "css" / "pdf.css", *fonts.files(static_folder / "fonts" / "ttf")]),
                    (".pdf",), POOL_FROM)
    if workers:
        engine.workers = workers
    return engine
