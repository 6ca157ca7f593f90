"""PDF reports with WeasyPrint from the site's own templates, cached by a hash of their
HTML and rendered over all cores (batch.py)."""

from __future__ import annotations

import functools
import os
from pathlib import Path

import weasyprint

from .batch import CachedBatch, salt

VARIANT = "pdf/ua-1"  # tagged, for screen readers
POOL_FROM = 6  # fewer PDFs than this render faster in-process than through a pool


def _render(html: str, base_url: str) -> bytes:
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant=VARIANT)


def pdf_batch(static_folder: Path, cache_folder: Path, workers: int | None = None) -> CachedBatch:
    """PDFs from HTML; `static_folder` holds the theme's pdf.css and TTF fonts."""
    batch = CachedBatch(functools.partial(_render, base_url=str(static_folder) + os.sep), cache_folder,
                        salt(weasyprint.__version__, VARIANT,
                             files=[static_folder / "css" / "pdf.css", *(static_folder / "fonts" / "ttf").glob("*.ttf")]),
                        ".pdf", POOL_FROM)
    if workers:
        batch.workers = workers
    return batch
