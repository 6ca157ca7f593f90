"""The Pelican generator: loads the data, then writes every page of the site contract
through Pelican's writer, so that the sitemap, feeds and other plugins see them."""

from __future__ import annotations

import datetime
import logging
import os
import re
import shutil
import time
from pathlib import Path

from pelican.contents import Page
from pelican.generators import Generator

from . import cards, opendata, pages, settings as config
from .charts import page_charts
from .i18n import Language, translations
from .loader import load
from .pdf import pdf_batch
from .render import Renderer
from .translated import translated
from .views import edition_tables, sort_key, unit_histories

log = logging.getLogger(__name__)
CARD = "chia-se.png"  # a page's share image, beside it (the site's at the top)
EMBED = "nhung"  # /<page>/nhung/<chart id>/: a chart alone, to embed
_SIZE = re.compile(r'<svg[^>]*?width="([\d.]+)"[^>]*?height="([\d.]+)"')


class RankingsGenerator(Generator):
    def generate_context(self):
        lang = self.settings["DEFAULT_LANG"]
        self.language = Language(config.get(self.settings, "RANKINGS_LOCALE"),
                                 translations(str(config.translations_folder(self.settings)), lang))
        loaded = load(config.data_folder(self.settings))
        for warning in loaded.warnings if config.get(self.settings, "RANKINGS_REPORT_WARNINGS") else []:
            log.warning("%s", warning)
        self.dataset = translated(loaded, lang)
        self.tables = {
            year: edition_tables(self.dataset, edition) for year, edition in self.dataset.editions.items()
        }
        self.units = unit_histories(self.dataset, self.tables)
        announced = [e.methodology.announced for e in self.dataset.editions.values() if e.methodology.announced]
        self._latest_announcement = max(announced) if announced else datetime.date(
            max(self.dataset.editions, default=2000), 12, 31)
        self.charts = page_charts(self.dataset, self.tables, self.units, self.language)
        self.articles = {}
        for article in self.context.get("articles", []):
            edition = getattr(article, "edition", None)
            if edition and str(edition).isdigit():
                self.articles[int(edition)] = article
        self.context["rankings"] = self.dataset
        self.context["RANKINGS_PATHS"] = {
            key[len("RANKINGS_"):-len("_PATH")].lower(): config.get(self.settings, key)
            for key in config.DEFAULTS if key.endswith("_PATH")
        }

    # -- pages -------------------------------------------------------------------------

    def _date(self, edition=None) -> datetime.datetime:
        """A fixed date for each page (the sitemap's lastmod): when results were announced,
        else the latest announcement in the data; never the build time."""
        day = (edition.methodology.announced if edition and edition.methodology.announced else None) \
            or self._latest_announcement
        return datetime.datetime(day.year, day.month, day.day)

    def _page(self, path: str, title: str, description: str, date: datetime.datetime) -> Page:
        url = path if path.endswith((".html", ".json", ".csv")) else (path + "/" if path else "")
        return Page("", metadata={
            "title": title, "summary": description, "date": date,
            "url": url, "save_as": (path + "/index.html") if path else "index.html",
        }, settings=self.settings, context=self.context)

    def _pages(self):
        ds, paths, _ = self.dataset, self.context["RANKINGS_PATHS"], self.language
        latest = ds.latest
        yield self._page("", ds.series.title, _("%(publisher)s: kết quả xếp hạng các năm.", publisher=ds.series.publisher),
                         self._date(latest)), "home", {"tables": self.tables.get(latest.year, []) if latest else []}, None
        for year, edition in ds.editions.items():
            tables = self.tables[year]
            article = self.articles.get(year)
            yield self._page(str(year), _("Kết quả năm %(year)s", year=year),
                             _("%(series)s: kết quả năm %(year)s, theo từng khối.", series=ds.series.title, year=year),
                             self._date(edition)), \
                "edition", {"edition": edition, "tables": tables, "announcement": article}, ("edition", year)
            yield self._page(f"{year}/{paths['methodology']}", _("Phương pháp đánh giá năm %(year)s", year=year),
                             edition.methodology.name, self._date(edition)), \
                "methodology", {"edition": edition}, None
            for table in tables:
                yield self._page(f"{year}/{table.bloc.id}",
                                 _("%(bloc)s — xếp hạng năm %(year)s", bloc=table.bloc.name, year=year),
                                 _("Bảng xếp hạng khối %(bloc)s năm %(year)s: thứ hạng, điểm, mức.",
                                   bloc=table.bloc.name, year=year),
                                 self._date(edition)), "bloc", {"edition": edition, "table": table}, \
                ("bloc", year, table.bloc.id)
        for agency_id, unit in self.units.items():
            latest_entry = unit.latest
            summary = (_("%(unit)s: xếp hạng qua các năm.", unit=unit.agency.name) if latest_entry
                       else _("%(unit)s: chưa có kết quả xếp hạng trong dữ liệu.", unit=unit.agency.name))
            yield self._page(f"{paths['unit']}/{agency_id}", unit.agency.name, summary,
                             self._date(latest_entry.edition if latest_entry else None)), \
                "agency", {"unit": unit, "share_image": self._card_path(agency_id)}, ("unit", agency_id)
        units = sorted(self.units.values(), key=lambda u: sort_key(u.agency.name))
        yield self._page(paths["unit"], _("Các đơn vị"), _("Danh sách mọi đơn vị, theo vần A–Z."),
                         self._date(latest)), "units", {"units": units}, None
        yield self._page(paths["data"], _("Dữ liệu mở"), _("Tải kết quả các năm dưới dạng CSV, JSON và Data Package."),
                         self._date(latest)), "opendata", {}, None
        yield self._page(paths["news"], _("Tin tức"), _("Thông báo kết quả các kỳ đánh giá."),
                         self._date(latest)), "news", {}, None

    def generate_output(self, writer):
        renderer = Renderer(config.chart_fonts(self.settings), config.cache_folder(self.settings) / "charts",
                            config.get(self.settings, "RANKINGS_LOCALE"))
        start = time.perf_counter()
        renderer.prepare([chart for page_charts in self.charts.values() for chart in page_charts])
        log.info("charts: %d rendered, %d from the cache, %.3f s", renderer.rendered, renderer.cached,
                 time.perf_counter() - start)
        figures, jobs = {}, []
        start = time.perf_counter()
        for page, template, extra, chart_key in self._pages():
            figures[chart_key] = [self._figure(renderer, page, chart) for chart in self.charts.get(chart_key, [])]
            jobs.append(pages.Job(page.save_as, self.get_template(template), self.context,
                                  dict(extra, page=page, url=page.url, charts=figures[chart_key]),
                                  self.settings["RELATIVE_URLS"]))
            jobs.extend(self._embeds(page, figures[chart_key]))
        for job, html in zip(jobs, pages.render_all(jobs)):
            writer.write_file(job.save_as, pages.Rendered(html), self.context, relative_urls=job.relative_urls,
                              **job.variables)
        log.info("pages: %d written, %.3f s", len(jobs), time.perf_counter() - start)
        self._write_downloads()
        self._write_cards()
        self._write_pdfs(figures)

    def _card_path(self, agency_id: str) -> str:
        return f"{self.context['RANKINGS_PATHS']['unit']}/{agency_id}/{CARD}"

    def _write_cards(self) -> None:
        """The image a shared link shows: one per unit, with its latest result, and one
        for every other page."""
        _, template, site = self.language, self.env.get_template("share-card.svg"), self.settings.get("SITEURL", "")
        rank_of = self.env.filters["rank_of"]
        # The published address (a local build has none: its SITEURL is empty or "/en").
        footer = site.split("://", 1)[1] if "://" in site else self.settings["SITENAME"]

        def svg(title, headline="", detail=""):
            return template.render(self.context, title=title, headline=headline,
                                   detail=cards.lines(detail, 62, 1)[0], footer=footer, card_lines=cards.lines)

        latest = self.dataset.latest
        jobs = {Path(self.output_path, CARD): svg(
            self.dataset.series.title, _("Kết quả mới nhất: năm %(year)s", year=latest.year) if latest else "")}
        for agency_id, unit in self.units.items():
            entry = unit.latest
            if entry is None:
                jobs[Path(self.output_path, self._card_path(agency_id))] = svg(unit.agency.name)
                continue
            r, m = entry.result, entry.edition.methodology
            detail = [entry.table.bloc.name]
            if r.tier:
                detail.append(_("mức %(tier)s", tier=r.tier))
            if r.score is not None:
                detail.append(_("điểm %(score)s", score=_.score(r.score, m.decimals)))
            jobs[Path(self.output_path, self._card_path(agency_id))] = svg(
                unit.agency.name, f"{rank_of(r, entry.table)} · {_('Năm %(year)s', year=entry.edition.year)}",
                " · ".join(detail))
        batch = cards.card_batch(config.chart_fonts(self.settings), config.cache_folder(self.settings) / "cards")
        start = time.perf_counter()
        batch.write_all(jobs)
        log.info("cards: %d rendered, %d from the cache, %.3f s", batch.rendered, batch.cached,
                 time.perf_counter() - start)

    def _write_pdfs(self, figures: dict) -> None:
        """/<year>/<bloc>.pdf and /<unit path>/<id>.pdf, from the templates in pdf/."""
        paths, series, _ = self.context["RANKINGS_PATHS"], self.dataset.series, self.language
        site = self.settings.get("SITEURL", "")
        jobs = {}

        def html(template, url, title, description, **extra):
            return self.get_template(template).render(
                self.context, web_url=f"{site}/{url}", pdf_title=f"{title} — {series.publisher}",
                pdf_description=description, **extra)

        for year, tables in self.tables.items():
            for table in tables:
                url = f"{year}/{table.bloc.id}/"
                jobs[Path(self.output_path, str(year), f"{table.bloc.id}.pdf")] = html(
                    "pdf/bloc", url, _("Bảng xếp hạng %(bloc)s năm %(year)s", bloc=table.bloc.name, year=year),
                    f"{series.title}: {table.bloc.name}, {year}", edition=table.edition, table=table,
                    charts=figures.get(("bloc", year, table.bloc.id), []))
        for agency_id, unit in self.units.items():
            url = f"{paths['unit']}/{agency_id}/"
            jobs[Path(self.output_path, paths["unit"], f"{agency_id}.pdf")] = html(
                "pdf/agency", url, unit.agency.name,
                _("%(series)s: %(unit)s qua các năm", series=series.title, unit=unit.agency.name),
                unit=unit, charts=figures.get(("unit", agency_id), []))
        renderer = pdf_batch(Path(self.settings["THEME"]) / "static", config.cache_folder(self.settings) / "pdf")
        start = time.perf_counter()
        renderer.write_all(jobs)
        log.info("PDFs: %d rendered, %d from the cache, %.3f s", renderer.rendered, renderer.cached,
                 time.perf_counter() - start)

    def _figure(self, renderer: Renderer, page: Page, chart) -> dict:
        """Render one chart and write its data beside the page."""
        folder = os.path.join(self.output_path, os.path.dirname(page.save_as))
        os.makedirs(folder, exist_ok=True)
        svg, data = renderer.files(chart)
        shutil.copyfile(data, os.path.join(folder, f"{chart.id}.csv"))
        width, height = (int(float(v)) for v in _SIZE.search(svg).groups())
        return {"chart": chart, "svg": svg, "data_url": f"{page.url}{chart.id}.csv", "width": width,
                "height": height, "embed_url": f"{page.url}{EMBED}/{chart.id}/"}

    def _embeds(self, page: Page, figures: list[dict]):
        """A page of its own for each chart, to show in an <iframe> elsewhere."""
        for figure in figures:
            embed = self._page(figure["embed_url"].rstrip("/"), f"{figure['chart'].title} — {page.title}",
                               figure["chart"].caption, page.date)
            yield pages.Job(embed.save_as, self.get_template("embed"), self.context,
                            {"page": embed, "url": embed.url, "figure": figure, "parent": page},
                            self.settings["RELATIVE_URLS"])

    def _write_downloads(self):
        ds, paths = self.dataset, self.context["RANKINGS_PATHS"]
        folder = os.path.join(self.output_path, paths["data"])
        os.makedirs(folder, exist_ok=True)
        files = {"datapackage.json": opendata.datapackage(ds, config.get(self.settings, "RANKINGS_PACKAGE_NAME"))}
        for year, edition in ds.editions.items():
            files[f"{year}.csv"] = opendata.to_csv(ds, edition)
            files[f"{year}.json"] = opendata.to_json(ds, edition)
            for document in edition.methodology.documents:
                target = os.path.join(self.output_path, str(year), paths["documents"], document)
                os.makedirs(os.path.dirname(target), exist_ok=True)
                shutil.copyfile(os.path.join(edition.folder, document), target)
        for name, content in files.items():
            with open(os.path.join(folder, name), "wb") as handle:
                handle.write(content)
