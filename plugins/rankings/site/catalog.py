"""Every output of the site, each described once: its address, template, title,
description, date and what it shows. A pure function of the loaded data (and of the
language's words): the Pelican generator, the PDFs, the share images, the embeds and the
downloads all walk this list, and a test holds it against the site contract."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from ..data.model import Document, Edition, Portal
from .addresses import Urls
from .formatting import sort_key
from .i18n import Language
from .tables import TableView, bloc_view, comparison, criteria_view, history_view, partial_notice
from .translated import translated
from .views import BlocTable, UnitHistory, edition_tables, unit_histories


@dataclass(frozen=True, eq=False)
class Page:
    """An HTML page, written through Pelican's writer."""

    url: str  # its address below the site: "" for the home page, else ending in "/"
    template: str
    title: str
    description: str
    date: datetime.date  # when its figures were announced (the sitemap's lastmod); never the build's
    context: dict = field(default_factory=dict)
    charts: tuple = ()  # the charts it shows (outputs.charts.Chart)
    embeds: object = None  # for a chart's page of its own: that chart (its parent page is `parent`)
    parent: Page | None = None
    file: str = ""  # a page that is a file of its own (404.html), not a folder's index.html
    relative: bool = True  # False: its links start at the site's root, wherever a server shows it

    @property
    def save_as(self) -> str:
        return self.file or f"{self.url}index.html"


@dataclass(frozen=True)
class Figure:
    """A page's chart as drawn: its SVG to inline, the size it was drawn at, and the
    addresses of its data, of its images and of its page of its own."""

    chart: object  # outputs.charts.Chart
    svg: str
    width: int
    height: int
    data_url: str
    embed_url: str
    image_url: str  # the chart as an SVG file
    png_url: str  # and as a PNG, for tools that take no SVG


@dataclass(frozen=True, eq=False)
class Report:
    """A printable PDF of a page."""

    path: str
    title: str
    description: str
    page: Page  # the web page it prints: its address and charts
    context: dict = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class Card:
    """The image a shared link shows (Open Graph, Twitter)."""

    path: str
    title: str
    headline: str = ""
    detail: str = ""


@dataclass(frozen=True, eq=False)
class Download:
    """A file offered as it is: open data made from the dataset, or an original document."""

    path: str
    content: Callable[[], bytes] | None = None
    source: Document | None = None  # a file copied as it is


@dataclass(frozen=True)
class About:
    """What a spreadsheet's last sheet says of its tables, in the site's language."""

    notes_sheet: str
    title: str
    publisher: str
    lines: tuple[tuple[str, str], ...]  # (label, value): the title, publisher, source, licence
    page_label: str  # the label of the line that gives the web page's address
    page: str  # the web page's address below the site


@dataclass(frozen=True, eq=False)
class Sheet:
    """A bloc table as a sheet: the page's columns and cells, and the page it is on."""

    name: str  # at most 31 characters, none of []:*?/\ (Excel's rule)
    title: str
    view: object  # site.tables.TableView
    table: BlocTable
    page: str


@dataclass(frozen=True, eq=False)
class Workbook:
    """Bloc tables as a spreadsheet (outputs/workbook.py): one bloc's beside its CSV, an
    edition's beside its CSV and JSON, the whole record's beside tat-ca.csv (with a sheet
    that lists the others first)."""

    path: str
    sheets: tuple[Sheet, ...]
    about: About
    contents: tuple[str, tuple[str, str, str]] | None = None  # the list's sheet name and column names


@dataclass
class Catalog:
    portal: Portal  # in the site's language
    language: Language
    urls: Urls
    pages: list[Page]
    reports: list[Report]
    cards: list[Card]
    downloads: list[Download]
    workbooks: list[Workbook]

    def paths(self) -> list[str]:
        """Every file the build writes from the catalog, below the site: pages (with each
        chart's data beside its page), reports, share images and downloads."""
        return (
            [p.save_as for p in self.pages]
            + [self.urls.chart_data(p.url, c.id) for p in self.pages for c in p.charts]
            + [
                self.urls.chart_image(p.url, c.id, kind)
                for p in self.pages
                for c in p.charts
                for kind in ("svg", "png")
            ]
            + [r.path for r in self.reports]
            + [c.path for c in self.cards]
            + [d.path for d in self.downloads]
            + [w.path for w in self.workbooks]
        )


def catalog(
    loaded: Portal,
    lang: str,
    language: Language,
    urls: Urls,
    announcements: dict[tuple[str, int], object] | None = None,
    charts: Callable | None = None,
    open_data: Callable | None = None,
) -> Catalog:
    """The site of the loaded data in language `lang`. `announcements` are the articles
    announcing each edition's results, by (series id, year); `charts(portal, tables, units,
    language, urls)` gives the charts of each page by key (outputs.charts.page_charts);
    `open_data(portal, urls)` the download files (outputs.opendata.files). Without them,
    the pages have no charts and /du-lieu/ no files."""
    _ = language.gettext
    portal = _told_apart(translated(loaded, lang), language)
    tables = {
        sid: {year: edition_tables(dataset, edition) for year, edition in dataset.editions.items()}
        for sid, dataset in portal.series.items()
    }
    units = unit_histories(portal, tables)
    charts = charts(portal, tables, units, language, urls) if charts else {}
    announcements = announcements or {}
    pages, reports, cards, sheets = [], [], [], {}
    editions = portal.editions()  # newest first
    latest = editions[0] if editions else None
    announced = [e.methodology.announced for e in editions if e.methodology.announced]
    last_announced = max(announced) if announced else datetime.date(latest.year if latest else 2000, 12, 31)

    def date(edition: Edition | None) -> datetime.date:
        return (edition.methodology.announced if edition and edition.methodology.announced else None) or last_announced

    def page(url, template, title, description, when, context=None, chart_key=None) -> Page:
        its_charts = tuple(charts.get(chart_key, ()))
        made = Page(url, template, title, description, when, context or {}, its_charts)
        pages.append(made)
        for chart in its_charts:  # each chart also has a page of its own, to embed
            pages.append(
                Page(
                    urls.embed(url, chart.id),
                    "embed",
                    f"{chart.title} — {title}",
                    chart.caption,
                    when,
                    {},
                    (),
                    chart,
                    made,
                )
            )
        return made

    if portal.several:
        page(
            "",
            "portal",
            portal.title,
            _("%(publisher)s: kết quả mới nhất của mọi bảng xếp hạng.", publisher=portal.publisher),
            date(latest),
            {"latest": [(d, d.latest, tables[sid][d.latest.year]) for sid, d in portal.series.items() if d.latest]},
        )
    else:
        only = portal.only
        page(
            "",
            "home",
            portal.title,
            _("%(publisher)s: kết quả xếp hạng các năm.", publisher=portal.publisher),
            date(latest),
            {"dataset": only, "tables": tables[""].get(latest.year, []) if latest else []},
        )
    for sid, dataset in portal.series.items():
        series = dataset.series
        if sid:
            page(
                urls.series(sid),
                "series",
                series.title,
                _("%(series)s: các kỳ đánh giá, các khối và phương pháp qua các năm.", series=series.title),
                date(dataset.latest),
                {"dataset": dataset, "tables": tables[sid]},
            )
        for year, edition in dataset.editions.items():
            context = {"dataset": dataset, "edition": edition}
            # A portal's pages name their series: "Kết quả năm 2024" alone could be either.
            named = f"{series.title}: " if sid else ""
            edition_page = page(
                urls.edition(edition),
                "edition",
                named + _("Kết quả năm %(year)s", year=year),
                _("%(series)s: kết quả năm %(year)s, theo từng khối.", series=series.title, year=year),
                date(edition),
                dict(context, tables=tables[sid][year], announcement=announcements.get((sid, year))),
                ("edition", sid, year),
            )
            page(
                urls.methodology(edition),
                "methodology",
                named + _("Phương pháp đánh giá năm %(year)s", year=year),
                edition.methodology.name,
                date(edition),
                context,
            )
            parts = []  # the bloc reports, which the edition's report prints too
            for table in tables[sid][year]:
                bloc = table.bloc
                view = bloc_view(dataset, table, language, lang, urls)
                shown = dict(context, table=table, view=view, notice=partial_notice(table, language, lang))
                web_page = page(
                    urls.bloc(edition, bloc.id),
                    "bloc",
                    named + _("%(bloc)s — xếp hạng năm %(year)s", bloc=bloc.name, year=year),
                    _("Bảng xếp hạng khối %(bloc)s năm %(year)s: thứ hạng, điểm, mức.", bloc=bloc.name, year=year),
                    date(edition),
                    dict(shown, compare=comparison(view, table, tables[sid], dataset, language)),
                    ("bloc", sid, year, bloc.id),
                )
                sheets.setdefault((sid, year), []).append(Sheet(bloc.name, web_page.title, view, table, web_page.url))
                downloads = (("CSV", urls.bloc_csv(edition, bloc.id)), ("XLSX", urls.bloc_xlsx(edition, bloc.id)))
                parts.append(
                    Report(
                        urls.bloc_pdf(edition, bloc.id),
                        named + _("Bảng xếp hạng %(bloc)s năm %(year)s", bloc=bloc.name, year=year),
                        f"{series.title}: {bloc.name}, {year}",
                        web_page,
                        dict(shown, downloads=downloads),
                    )
                )
            reports += parts
            if parts:
                # The publisher's own deliverable: the edition in one document.
                changes = {
                    id(c): c
                    for u in units.values()
                    for c in u.changes
                    if any(r.entry.edition is edition for r in c.recast)
                }
                reports.append(
                    Report(
                        urls.edition_pdf(edition),
                        named + _("Báo cáo kết quả đánh giá năm %(year)s", year=year),
                        _("%(series)s: kết quả năm %(year)s, theo từng khối.", series=series.title, year=year),
                        edition_page,
                        dict(context, tables=tables[sid][year], parts=tuple(parts), changes=tuple(changes.values())),
                    )
                )
    for agency_id, unit in units.items():
        entry, name = unit.latest, unit.agency.distinct_name
        shown = {
            "unit": unit,
            "histories": {s.dataset.id: history_view(s.entries, language, urls) for s in unit.series},
            "criteria": criteria_views(unit, language),
        }
        web_page = page(
            urls.unit(agency_id),
            "agency",
            name,
            _("%(unit)s: xếp hạng qua các năm.", unit=name)
            if entry
            else _("%(unit)s: chưa có kết quả xếp hạng trong dữ liệu.", unit=name),
            date(entry.edition if entry else None),
            dict(shown, share_image=urls.unit_card(agency_id)),
            ("unit", agency_id),
        )
        reports.append(
            Report(
                urls.unit_pdf(agency_id),
                name,
                _("%(series)s: %(unit)s qua các năm", series=portal.title, unit=name),
                web_page,
                shown,
            )
        )
        cards.append(_unit_card(urls.unit_card(agency_id), unit, language))
    page(
        urls.units(),
        "units",
        _("Các đơn vị"),
        _("Danh sách mọi đơn vị, theo khối và vần A–Z."),
        date(latest),
        {"groups": _by_bloc(portal, units, language)},
    )
    page(
        urls.data(),
        "opendata",
        _("Dữ liệu mở"),
        _("Tải kết quả các năm dưới dạng CSV, JSON và Data Package."),
        date(latest),
    )
    page(urls.news(), "news", _("Tin tức"), _("Thông báo kết quả các kỳ đánh giá."), date(latest))
    # What a web server shows for an address the site does not have, at that address: its
    # links cannot be relative to where it was saved.
    pages.append(
        Page(
            urls.not_found(),
            "404",
            _("Không tìm thấy trang"),
            _("Địa chỉ này không có trên cổng."),
            date(latest),
            {"indexed": False},
            file=urls.not_found(),
            relative=False,
        )
    )
    cards.insert(
        0, Card(urls.site_card(), portal.title, _("Kết quả mới nhất: năm %(year)s", year=latest.year) if latest else "")
    )
    workbooks = _workbooks(portal, sheets, language, urls)
    return Catalog(portal, language, urls, pages, reports, cards, _downloads(portal, urls, open_data), workbooks)


def _about(title: str, publisher: str, lines: list, page: str, language: Language) -> About:
    _ = language.gettext
    return About(_("Thông tin"), title, publisher, tuple((k, v) for k, v in lines if v), _("Trang"), page)


def _edition_lines(dataset, edition, title: str, language: Language) -> list[tuple[str, str]]:
    _, m = language.gettext, edition.methodology
    return [
        (_("Bảng"), title),
        (_("Đơn vị công bố"), m.publisher),
        (_("Căn cứ"), m.decision),
        (_("Công bố ngày"), language.date(m.announced) if m.announced else ""),
        (_("Nguồn"), m.source_url or ""),
        *((f"{r.name}", f"{language.score(r.value, r.decimals)} — {r.source_url}") for r in m.references),
        (_("Giấy phép của số liệu"), dataset.series.license or ""),
    ]


def sheet_name(text: str, taken: set[str]) -> str:
    """A sheet's name: at most 31 characters, none of []:*?/\\ (Excel's rule), once in its book."""
    base = re.sub(r"[\[\]:*?/\\]", " ", text)[:31].strip() or "1"
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base[: 31 - len(str(n)) - 1]} {n}"
    taken.add(name.casefold())
    return name


def _workbooks(portal: Portal, sheets: dict, language: Language, urls: Urls) -> list[Workbook]:
    """Each bloc's, each edition's and the whole record's spreadsheet, from the sheet of
    every bloc page (`sheets[(series, year)]`, each named for its bloc)."""
    _ = language.gettext
    books, everything, taken = [], [], set()
    results = _("Kết quả")
    for sid, dataset in portal.series.items():
        for year, edition in dataset.editions.items():
            made = sheets.get((sid, year), [])
            for sheet in made:
                lines = _edition_lines(dataset, edition, sheet.title, language)
                about = _about(sheet.title, edition.methodology.publisher, lines, sheet.page, language)
                named = replace(sheet, name=sheet_name(sheet.name, set()))
                books.append(Workbook(urls.bloc_xlsx(edition, sheet.table.bloc.id), (named,), about))
            if not made:
                continue
            taken_here: set[str] = set()
            edition_title = f"{dataset.series.title} — " + _("Kết quả năm %(year)s", year=year)
            lines = _edition_lines(dataset, edition, edition_title, language)
            books.append(
                Workbook(
                    urls.edition_data(edition, "xlsx"),
                    tuple(replace(s, name=sheet_name(s.name, taken_here)) for s in made),
                    _about(edition_title, edition.methodology.publisher, lines, urls.edition(edition), language),
                )
            )
            prefix = sid or results  # the series' id, or in a site of one series "Kết quả"
            everything += [replace(s, name=sheet_name(f"{prefix} {year} {s.table.bloc.id}", taken)) for s in made]
    if everything:
        lines = [
            (_("Bảng"), portal.title),
            (_("Đơn vị công bố"), portal.publisher),
            (_("Giấy phép của số liệu"), portal.license or ""),
        ]
        books.append(
            Workbook(
                urls.all_data("xlsx"),
                tuple(everything),
                _about(portal.title, portal.publisher, lines, urls.data(), language),
                (sheet_name(_("Mục lục"), taken), (_("Trang tính"), _("Bảng"), _("Trang"))),
            )
        )
    return books


def _told_apart(portal: Portal, language: Language) -> Portal:
    """Units of the same name (Thành phố Đà Nẵng before and after the 2025 merger) carry
    the year the later one began, for the places that list units of both periods (titles,
    search, the A–Z list, lineage); a table of one period names them as they are."""
    _ = language.gettext
    used = {field: Counter(getattr(a, field) for a in portal.agencies.values()) for field in ("name", "label")}

    def period(agency) -> str | None:
        shared = used["name"][agency.name] > 1 or used["label"][agency.label] > 1
        return _("từ %(year)s", year=agency.since) if shared and agency.since else None

    agencies = {key: replace(a, period=period(a)) for key, a in portal.agencies.items()}
    return replace(
        portal, agencies=agencies, series={sid: replace(d, agencies=agencies) for sid, d in portal.series.items()}
    )


def criteria_views(unit: UnitHistory, language: Language) -> dict[tuple[str, int, str], TableView]:
    """Each edition's criteria table of a unit, by (series, year, bloc)."""
    return {
        (e.edition.series, e.edition.year, e.table.bloc.id): criteria_view(e, language)
        for e in unit.entries
        if e.criteria
    }


def _by_bloc(portal: Portal, units: dict[str, UnitHistory], language: Language) -> list[tuple[str, list[UnitHistory]]]:
    """The units grouped by the bloc of their latest result (blocs of the same name in two
    series are one group), in the order of the series and their blocs, each group A–Z by
    the name tables use; units without a result come last."""
    _ = language.gettext
    order = list(dict.fromkeys(b.name for d in portal.series.values() for b in d.series.blocs))
    groups: dict[str, list[UnitHistory]] = {name: [] for name in order}
    unranked = []
    for unit in units.values():
        (groups[unit.latest.table.bloc.name] if unit.latest else unranked).append(unit)
    found = [(name, group) for name, group in groups.items() if group]
    if unranked:
        found.append((_("Chưa có kết quả"), unranked))
    return [(name, sorted(group, key=lambda u: sort_key(u.agency.label))) for name, group in found]


def _unit_card(path: str, unit: UnitHistory, language: Language) -> Card:
    _ = language.gettext
    entry = unit.latest
    if entry is None:
        return Card(path, unit.agency.name)
    r, m = entry.result, entry.edition.methodology
    detail = [entry.table.bloc.name]
    if r.tier:
        detail.append(_("mức %(tier)s", tier=r.tier))
    if r.score is not None:
        detail.append(_("điểm %(score)s", score=language.score(r.score, m.decimals)))
    return Card(
        path,
        unit.agency.name,
        f"{language.rank_of(r, entry.table)} · {_('Năm %(year)s', year=entry.edition.year)}",
        " · ".join(detail),
    )


def _downloads(portal: Portal, urls: Urls, open_data: Callable | None) -> list[Download]:
    files = [Download(path, make) for path, make in (open_data(portal, urls) if open_data else [])]
    for dataset in portal.series.values():
        for edition in dataset.editions.values():
            files += [
                Download(urls.document(edition, name), source=source)
                for name, source in edition.methodology.documents.items()
            ]
    return files
