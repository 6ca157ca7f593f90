"""PDF reports with WeasyPrint from the site's own templates, cached by a hash of their
inputs and rendered in a process pool over the cores."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import weasyprint

from .files import write_atomically

VARIANT = "pdf/ua-1"  # tagged, for screen readers
POOL_FROM = 6  # fewer PDFs than this render faster in-process than through a pool


def _render(html: str, base_url: str) -> bytes:
    return weasyprint.HTML(string=html, base_url=base_url).write_pdf(pdf_variant=VARIANT)


@dataclass
class PdfRenderer:
    static_folder: Path  # the theme's static files: pdf.css and the TTF fonts
    cache_folder: Path
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    rendered: int = 0  # counts, for `invoke bench`
    cached: int = 0
    _salt: str = field(init=False, default="")

    def __post_init__(self):
        digest = hashlib.sha256(f"{weasyprint.__version__}|{VARIANT}".encode())
        for path in sorted([self.static_folder / "css" / "pdf.css", *(self.static_folder / "fonts" / "ttf").glob("*.ttf")]):
            digest.update(path.name.encode() + path.read_bytes())
        self._salt = digest.hexdigest()
        self.cache_folder.mkdir(parents=True, exist_ok=True)

    def _cached(self, html: str) -> Path:
        return self.cache_folder / f"{hashlib.sha256((html + self._salt).encode()).hexdigest()}.pdf"

    def render_all(self, jobs: dict[Path, str]) -> None:
        """Write each target PDF from its HTML; only what is not in the cache is rendered."""
        cached = {target: self._cached(html) for target, html in jobs.items()}  # hash each HTML once
        missing = {cached[target]: html for target, html in jobs.items() if not cached[target].exists()}
        self.cached += len(jobs) - len(missing)
        self.rendered += len(missing)
        base_url = str(self.static_folder) + os.sep
        if len(missing) >= POOL_FROM and self.workers > 1:
            # Fresh processes: the build process runs other libraries' threads, and a fork
            # copies their locks, not the threads.
            with ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                results = pool.map(_render, missing.values(), [base_url] * len(missing), chunksize=4)
                for path, pdf in zip(missing, results):
                    write_atomically(path, pdf)
        else:
            for path, html in missing.items():
                write_atomically(path, _render(html, base_url))
        for target, path in cached.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)

