"""The Pelican generator: loads the data, asks the catalog for every output of the site,
and writes each: pages through Pelican's writer (so the sitemap and other plugins see
them), charts, PDFs and share images through the rendering engine, downloads as files."""

from __future__ import annotations

import concurrent.futures
import datetime
import functools
import logging
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pelican.contents import Page as PelicanPage
from pelican.generators import Generator

from .. import settings as config
from ..build import PAGES_WRITTEN, PORTAL, PREVIEW, WORKERS
from ..progress import step
from . import pages

log = logging.getLogger(__name__)


def site_catalog(settings: dict, portal, language, announcements: dict | None = None, charts=None):
    """The catalog of this site's outputs in the settings' language: for a pass (with the
    articles that announce each edition and the charts), or for `invoke check` (their
    addresses alone)."""
    from ..outputs import opendata
    from ..site.catalog import catalog

    package = config.get(settings, "RANKINGS_PACKAGE_NAME")
    opendata_files = functools.partial(opendata.files, package=package)
    return catalog(
        portal, settings["DEFAULT_LANG"], language, config.urls(settings), announcements, charts, opendata_files
    )


class RankingsGenerator(Generator):
    def generate_context(self):
        # The rendering libraries load here, when a site is built, not when the plugin is.
        from ..pipeline import load
        from ..site.i18n import Language, translations

        self.language = Language(
            config.get(self.settings, "RANKINGS_LOCALE"),
            translations(str(config.translations_folder(self.settings)), self.settings["DEFAULT_LANG"]),
        )
        # The build's snapshot (build.py), read once for every pass; a bare Pelican run reads its own.
        loaded = self.settings.get(PORTAL) or load(config.data_folder(self.settings), config.urls(self.settings))
        for warning in loaded.warnings if config.get(self.settings, "RANKINGS_REPORT_WARNINGS") else []:
            log.warning("%s", warning)
        # An article announces an edition (`Edition: 2019`; in a portal, with `Series: dti`).
        self.announcements = {
            (getattr(a, "series", ""), int(a.edition)): a
            for a in self.context.get("articles", [])
            if str(getattr(a, "edition", "")).isdigit()
        }
        if self.settings.get(WORKERS) is not None:  # a build's pool: it starts while the catalog is made
            self.settings[WORKERS].warm(self._chart_engine().start)
        self.catalog = self._catalog_of(loaded)
        if PORTAL not in self.settings:  # a build checked its snapshot so before any pass (build._checked)
            self._refuse_clashing_content()
        self.context.update(self._catalog_context(self.catalog))

    def _catalog_of(self, portal):
        from ..outputs.charts import page_charts

        return site_catalog(self.settings, portal, self.language, self.announcements, page_charts)

    def _catalog_context(self, catalog) -> dict:
        """What the templates get of the catalog, besides each page's own."""
        from ..site import lineage

        lang = self.settings["DEFAULT_LANG"]
        return {
            "portal": catalog.portal,
            "urls": catalog.urls,
            # A merger or rename in words, the same on each page it concerns and in the PDFs.
            "change_said": lambda change: lineage.said(change, catalog.language, lang),
            "recast_said": lambda recast, change: lineage.recast_said(
                recast, change, catalog.language, catalog.portal.agencies
            ),
        }

    def _refuse_clashing_content(self) -> None:
        """An article or page written where the site writes its own (a page with `Slug:
        du-lieu`, `2019` or `en`, or `Save_as: 2019//so/index.html`) would replace it, or
        be replaced, without a word."""
        from .content import normal_path, refuse_clashes

        content = Path(self.settings["PATH"]).parent
        items = {
            Path(item.source_path).relative_to(content).as_posix(): ("Slug", normal_path(item.save_as) or "..")
            for name in ("articles", "pages", "hidden_pages")
            for item in self.context.get(name, [])
        }
        refuse_clashes(self.settings, self.catalog.portal, self.catalog.paths(), items)

    def generate_output(self, writer):
        figures = self._charts()
        start = time.perf_counter()
        jobs = self._jobs(self.catalog.pages, figures, self.context)
        for job, html in zip(jobs, pages.render_all(jobs)):
            writer.write_file(
                job.save_as, pages.Rendered(html), self.context, relative_urls=job.relative_urls, **job.variables
            )
        self._stage("pages", len(jobs), 0, time.perf_counter() - start)
        # The pass's HTML is all written (Pelican's generators run before this one, and
        # what follows writes no page): the build may index it while the rest is made.
        if PAGES_WRITTEN in self.settings:
            self.settings[PAGES_WRITTEN]()
        self._write_downloads()
        self._write_cards()
        self._write_reports(figures)
        if PREVIEW in self.settings:
            self.settings[PREVIEW][self.settings["DEFAULT_LANG"]] = self

    def _jobs(self, chosen: list, figures: dict, context: dict) -> list[pages.Job]:
        """The rendering of each of the `chosen` pages, with their charts' figures."""
        written = {}

        def pelican(page) -> PelicanPage:
            if page not in written:
                written[page] = self._pelican_page(page, context)
            return written[page]

        jobs = []
        for page in chosen:
            extra = {"charts": figures.get(page, [])}
            if page.parent is not None:
                extra = {
                    "figure": next(f for f in figures[page.parent] if f.chart is page.embeds),
                    "parent": pelican(page.parent),
                }
            jobs.append(
                pages.Job(
                    page.save_as,
                    self.get_template(page.template),
                    context,
                    dict(page.context, page=pelican(page), url=page.url, **extra),
                    self.settings["RELATIVE_URLS"] and page.relative,
                )
            )
        return jobs

    def _pelican_page(self, page, context: dict) -> PelicanPage:
        day = page.date
        return PelicanPage(
            "",
            metadata={
                "title": page.title,
                "summary": page.description,
                "url": page.url,
                "save_as": page.save_as,
                "date": datetime.datetime(day.year, day.month, day.day),
            },
            settings=self.settings,
            context=context,
        )

    def _chart_engine(self):
        from ..outputs.chart_svg import chart_engine

        engine = chart_engine(
            config.font_folders(self.settings),
            config.cache_folder(self.settings, "charts"),
            config.get(self.settings, "RANKINGS_LOCALE"),
        )
        engine.shared = self.settings.get(WORKERS)
        return engine

    def _charts(self) -> dict:
        """Each page's charts as figures (SVG to inline), and their files beside the page."""
        from ..site.addresses import in_page

        engine = self._chart_engine()
        start = time.perf_counter()
        engine.on_progress = functools.partial(step, f"biểu đồ ({self.settings['DEFAULT_LANG']})")
        figures, files = _figures(engine, self.catalog, self.catalog.pages)
        self._stage("charts", engine.rendered, engine.cached, time.perf_counter() - start, engine.kinds)
        for page, figure, (_, csv_file, png_file) in files:
            os.makedirs(os.path.join(self.output_path, page.url), exist_ok=True)
            shutil.copyfile(csv_file, os.path.join(self.output_path, figure.data_url))
            shutil.copyfile(png_file, os.path.join(self.output_path, figure.png_url))
            # The file links (a map's provinces) from where it lies, as its page does.
            root = pages.root(page.save_as, self.settings["RELATIVE_URLS"] and page.relative, self.settings["SITEURL"])
            with open(os.path.join(self.output_path, figure.image_url), "w", encoding="utf-8") as out:
                out.write(in_page(figure.svg, root))
        return figures

    def ready(self) -> None:
        """The chart engine loaded in this process (the preview's, for its first page remade)."""
        self._chart_engine().start()

    def remade(self, portal) -> Remade:
        """This pass's pages made again from other data (the preview's, just saved), one
        at a time as they are asked for: the same templates, context and charts as the
        pass, so that each is the page the next build will write."""
        catalog = self._catalog_of(portal)
        context = dict(self.context, **self._catalog_context(catalog))
        return Remade(self, catalog, context, {page.save_as: page for page in catalog.pages})

    def _write_cards(self) -> None:
        from ..outputs import cards

        template = self.env.get_template("share-card.svg")
        footer = cards.footer(self.settings.get("SITEURL", ""), self.settings["SITENAME"])
        jobs = {
            Path(self.output_path, card.path): template.render(
                self.context,
                title=card.title,
                headline=card.headline,
                detail=card.detail,
                footer=footer,
                card_lines=cards.lines,
            )
            for card in self.catalog.cards
        }
        engine = cards.card_engine(config.font_folders(self.settings), config.cache_folder(self.settings, "cards"))
        self._timed("cards", engine, jobs, "ảnh chia sẻ")

    def _write_reports(self, figures: dict) -> None:
        from ..outputs.fonts import covered
        from ..outputs.pdf import as_json, pdf_engine
        from ..site.reports import address, document

        site, lang = self.settings.get("SITEURL", ""), self.settings["DEFAULT_LANG"]
        templates = Path(self.settings["THEME"]) / "templates" / "pdf"
        font_folders = config.font_folders(self.settings)
        drawn = covered(font_folders)

        def documents():
            for report in self.catalog.reports:
                made = document(
                    report,
                    self.catalog.portal,
                    lambda page: figures.get(page, []),
                    self.catalog.language,
                    lang,
                    functools.partial(address, site, self.settings["SITENAME"]),
                )
                yield Path(self.output_path, report.path), as_json(made, drawn)

        # One document at a time (an edition's, with its tables and charts, is megabytes
        # of JSON, and the scale workload has 780 reports), made as the next is written.
        engine = pdf_engine(templates, font_folders, config.cache_folder(self.settings, "pdf"))
        self._timed("PDFs", engine, documents(), "tệp PDF")

    def _timed(self, what: str, engine, jobs: dict[Path, Any] | Iterable[tuple[Path, Any]], shown_as: str) -> None:
        """`jobs` made and written: all at once, the longest first, if a dict; else as they come."""
        engine.shared = self.settings.get(WORKERS)
        engine.on_progress = functools.partial(step, f"{shown_as} ({self.settings['DEFAULT_LANG']})")
        start = time.perf_counter()
        if isinstance(jobs, dict):
            engine.write_all(jobs)
        else:
            engine.write_each(jobs)
        self._stage(what, engine.rendered, engine.cached, time.perf_counter() - start)

    def _stage(self, what: str, made: int, cached: int, seconds: float, kinds: dict | None = None) -> None:
        """What a stage made: added to the build's Stats (handed in by build.py, for the
        summary and `invoke bench`), and said on the progress log."""
        from ..build import STATS
        from ..progress import STAGES

        if STATS in self.settings:
            self.settings[STATS].add(what, made, cached, seconds, self.settings["DEFAULT_LANG"], kinds)
        STAGES.info(
            "%s (%s): %d rendered, %d from the cache, %.3f s",
            what,
            self.settings["DEFAULT_LANG"],
            made,
            cached,
            seconds,
        )

    def _write_downloads(self) -> None:
        """The workbooks, which the workers make, and meanwhile here the other downloads."""
        with concurrent.futures.ThreadPoolExecutor(1) as beside:
            books = beside.submit(self._write_workbooks)
            for download in self.catalog.downloads:
                target = Path(self.output_path, download.path)
                target.parent.mkdir(parents=True, exist_ok=True)
                if download.source is not None:
                    _copy_unchanged(download.source, target)
                else:
                    target.write_bytes(download.content())
            books.result()

    def _write_workbooks(self) -> None:
        from ..outputs import workbook

        jobs = {
            Path(self.output_path, book.path): workbook.plan(book, self.settings["SITEURL"])
            for book in self.catalog.workbooks
        }
        self._timed(
            "workbooks", workbook.workbook_engine(config.cache_folder(self.settings, "xlsx")), jobs, "bảng tính"
        )


def _figures(engine, catalog, chosen: list) -> tuple[dict, list]:
    """The charts of the `chosen` pages as figures, drawn or from the cache: by page, and
    each with its page and cached files (SVG, CSV, PNG)."""
    from ..outputs.chart_svg import drawn_size
    from ..site.catalog import Figure

    urls = catalog.urls
    pairs = [(page, chart) for page in chosen for chart in page.charts]
    figures, files = {}, []
    for (page, chart), paths in zip(pairs, engine.prepare([chart for _, chart in pairs])):
        svg = paths[0].read_text(encoding="utf-8")
        width, height = drawn_size(svg)
        figure = Figure(
            chart,
            svg,
            width,
            height,
            urls.chart_data(page.url, chart.id),
            urls.embed(page.url, chart.id),
            urls.chart_image(page.url, chart.id),
            urls.chart_image(page.url, chart.id, "png"),
        )
        figures.setdefault(page, []).append(figure)
        files.append((page, figure, paths))
    return figures, files


@dataclass(frozen=True)
class Remade:
    """A pass's pages of other data, each made when asked for (`RankingsGenerator.remade`)."""

    generator: RankingsGenerator
    catalog: object  # site.catalog.Catalog
    context: dict
    by_file: dict  # save_as → the catalog's page

    def page(self, save_as: str) -> str | None:
        """The HTML of the page written at `save_as` (below its language's site), its charts
        drawn if they are not in the cache; None if the catalog has no such page."""
        page = self.by_file.get(save_as)
        if page is None:
            return None
        chosen = [page] if page.parent is None else [page, page.parent]
        figures, _ = _figures(self.generator._chart_engine(), self.catalog, chosen)
        return self.generator._jobs([page], figures, self.context)[0].render()


def _copy_unchanged(document, target: Path) -> None:
    """A document copied only while it is the file the data was read with: one saved
    during the build stops it (nothing is published) rather than reach one language only."""
    from ..build import OutputError

    shutil.copyfile(document.path, target)
    now = document.path.stat()
    if (now.st_size, now.st_mtime_ns) != (document.size, document.changed_ns):
        raise OutputError(f"tệp {document.path.name} đã thay đổi trong khi dựng; hãy chạy lại invoke build")
