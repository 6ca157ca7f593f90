"""Renders charts to static SVG with vl-convert, through a cache keyed by a hash of the
chart's inputs and of everything else that shapes the output (the drawing code, the
vl-convert version, the fonts, the number format). A rebuild renders only what changed,
and skips building the spec of what did not; misses are rendered over all cores."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import vl_convert

from . import charts
from .files import write_atomically

# Vietnamese number format for axis labels (d3-format has no vi-VN locale of its own).
LOCALES = {
    "vi": {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " ₫"]},
    "en": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["", " ₫"]},
}
POOL_FROM = 60  # fewer misses than this render faster here than in fresh worker processes
_ID = re.compile(r'\bid="([^"]+)"')


def _start_worker(font_folder: str) -> None:
    vl_convert.register_font_directory(font_folder)


def _render(chart: charts.Chart, locale: str) -> tuple[str, str]:
    """The chart's SVG, its ids prefixed with the chart's so that several charts can be
    inlined in one page, and its data as CSV."""
    svg = vl_convert.vegalite_to_svg(chart.spec, format_locale=LOCALES[locale])
    return _prefix_ids(svg, f"bd-{chart.id}"), chart.data.to_csv(index=False, lineterminator="\n")


@dataclass
class Renderer:
    font_folder: Path
    cache_folder: Path
    locale: str = "vi"
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    rendered: int = 0  # counts, for `invoke bench`
    cached: int = 0
    _salt: str = field(init=False, default="")

    def __post_init__(self):
        _start_worker(str(self.font_folder))
        digest = hashlib.sha256(f"{vl_convert.__version__}|{json.dumps(LOCALES[self.locale])}".encode())
        for path in [Path(charts.__file__), *sorted(self.font_folder.glob("*.ttf"))]:
            digest.update(path.name.encode() + path.read_bytes())
        self._salt = digest.hexdigest()
        self.cache_folder.mkdir(parents=True, exist_ok=True)

    def _path(self, chart: charts.Chart) -> Path:
        key = hashlib.sha256((chart.inputs + self._salt).encode("utf-8")).hexdigest()
        return self.cache_folder / f"{key}.svg"

    def prepare(self, all_charts: list[charts.Chart]) -> None:
        """Render every chart not in the cache yet, over all cores when there are many."""
        missing = {self._path(c): c for c in all_charts}
        missing = {path: c for path, c in missing.items() if not path.exists()}
        self.rendered += len(missing)
        self.cached += len(all_charts) - len(missing)
        if len(missing) >= POOL_FROM and self.workers > 1:
            # Fresh processes: a fork would inherit vl-convert's JavaScript engine without its threads.
            with ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                     initializer=_start_worker, initargs=(str(self.font_folder),)) as pool:
                for path, files in zip(missing, pool.map(_render, missing.values(), [self.locale] * len(missing),
                                                         chunksize=8)):
                    self._keep(path, *files)
        else:
            for path, chart in missing.items():
                self._keep(path, *_render(chart, self.locale))

    @staticmethod
    def _keep(path: Path, svg: str, csv: str) -> None:
        write_atomically(path.with_suffix(".csv"), csv)  # first: an SVG in the cache means both are there
        write_atomically(path, svg)

    def files(self, chart: charts.Chart) -> tuple[str, Path]:
        """The chart as SVG markup to inline in a page, and its data as a CSV file to copy
        beside the page."""
        path = self._path(chart)
        if not path.exists():
            self.prepare([chart])
        return path.read_text(encoding="utf-8"), path.with_suffix(".csv")


def _prefix_ids(markup: str, prefix: str) -> str:
    ids = set(_ID.findall(markup))
    for old in sorted(ids, key=len, reverse=True):
        new = f"{prefix}-{old}"
        markup = markup.replace(f'id="{old}"', f'id="{new}"').replace(f"url(#{old})", f"url(#{new})")
        markup = markup.replace(f'href="#{old}"', f'href="#{new}"')
    return markup
