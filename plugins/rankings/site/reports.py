"""What each printed report says, as plain values: a document of blocks (headings,
paragraphs, facts, tables, figures) whose text is already in the report's language and
number format. The PDF engine hands it to a Typst template as data, never as markup, so
no name, note or address can change how a report is laid out."""

from __future__ import annotations

from . import labels, lineage
from .addresses import CHART_IDS
from .catalog import Figure
from .i18n import Language
from .tables import Column, Run, TableView, published
from .views import completeness


def address(siteurl: str, sitename: str, url: str) -> str:
    """A page's address as a report prints it: absolute where the site is published, else
    the site's name and the path (a local build's SITEURL is empty, or "/en")."""
    if "://" in siteurl:
        return f"{siteurl}/{url}"
    return f"{sitename} — {siteurl}/{url}"


def span(text, link: str | None = None, lang: str | None = None, strong: bool = False, tone: str | None = None) -> dict:
    """A run of text; `tone` "up" or "down" colours a change of rank."""
    return {"text": str(text), "link": link, "lang": lang, "strong": strong, "tone": tone}


def column(label: str, align: str = "left", width: str = "auto") -> dict:
    """A table column: `width` is "auto" or a share of the free width ("2")."""
    return {"label": label, "align": align, "width": width}


WIDTHS = {
    "unit": "2",
    "bloc": "1",
    "criterion": "1",
    "note": "3",
}  # shares of the free width; the rest as wide as their text


def _column(c: Column) -> dict:
    """A table view's column (site/tables.py), as printed."""
    return column(c.label, "right" if c.numeric else "left", WIDTHS.get(c.kind, "auto"))


class Writer:
    """The report's words in its language: labels, numbers, and text the data gives only
    as published (marked as Vietnamese in another language's report)."""

    def __init__(self, language: Language, lang: str):
        self.language, self.lang = language, lang

    def published(self, text: str) -> dict:
        return _run(published(text, self.lang))

    def score(self, value, decimals: int) -> str:
        return "—" if value is None else self.language.score(value, decimals)


def document(report, portal, figures_of, language: Language, lang: str, at) -> dict:
    """The whole document of a catalog Report: `figures_of(page)` gives a page's figures
    (SVG and caption); `at(url)` prints an address of the site (the page's on every page)."""
    _ = language.gettext
    web = at(report.page.url)
    writer = Writer(language, lang)
    dataset = report.context.get("dataset") or portal.only  # a unit's report in a portal spans every series
    if "parts" in report.context:
        blocks = edition_blocks(report, dataset, figures_of, writer, at, portal.agencies)
    elif "table" in report.context:
        blocks = bloc_blocks(report, dataset, figures_of(report.page), writer, at)
    else:
        blocks = unit_blocks(report, figures_of(report.page), writer, portal.several, portal.agencies)
    tables = [part.context["table"] for part in report.context.get("parts", ())] or [report.context.get("table")]
    wide = any(t is not None and len(t.criteria) > 3 for t in tables)
    edition = report.context.get("edition")
    publisher = edition.methodology.publisher if edition else dataset.series.publisher if dataset else portal.publisher
    title = dataset.series.title if dataset else portal.title
    notice = dataset.series.notice if dataset else None
    return {
        "lang": lang,
        "title": f"{report.title} — {publisher}",
        "author": publisher,
        "description": report.description,
        "landscape": wide,
        "org": publisher,
        "series": title,
        "notice": writer.published(notice) if notice else None,
        "web": _("Bản trực tuyến: %(address)s", address=web),
        "page": _("Trang"),
        "blocks": blocks,
    }


def _notice(paragraphs: list[list[Run]]) -> list[dict]:
    """The bloc page's notice of an incomplete table (tables.partial_notice), as printed."""
    return [{"kind": "notice", "paragraphs": [[_run(r) for r in p] for p in paragraphs]}] if paragraphs else []


def _run(run: Run) -> dict:
    return span(run.text, run.link, run.lang, run.strong, run.tone)


def _figures(charts: list[Figure]) -> list[dict]:
    return [
        {"kind": "figure", "svg": c.svg, "width": c.width, "height": c.height, "alt": c.chart.caption} for c in charts
    ]


def bloc_blocks(report, dataset, charts: list[Figure], writer: Writer, at) -> list[dict]:
    language, edition, table = writer.language, report.context["edition"], report.context["table"]
    _ = language.gettext
    m = edition.methodology
    sources = list(dict.fromkeys(r.source for r in table.rows if r.source))
    facts = [
        (_("Đơn vị công bố"), [span(m.publisher)]),
        (_("Căn cứ"), [writer.published(m.decision)]),
        (
            _("Phương pháp"),
            [
                span(
                    m.name
                    + (
                        " — " + _("không so sánh được với kỳ trước")
                        if not m.comparable_with_previous and edition.previous
                        else ""
                    )
                )
            ],
        ),
    ]
    if m.announced:
        facts.append((_("Ngày công bố"), [span(language.date(m.announced))]))
    if m.source_url:
        facts.append((_("Nguồn"), [span(m.source_url, link=m.source_url)]))
    if m.score_max:
        facts.append((_("Thang điểm"), [span(_("từ 0 đến %(max)s", max=language.number(m.score_max)))]))
    # The table as data, where the page offers it (CSV, XLSX): a link where the site is published.
    links = [(kind, at(url)) for kind, url in report.context.get("downloads", ())]
    if links:
        facts.append(
            (
                _("Tải bảng"),
                [
                    part
                    for i, (kind, shown) in enumerate(links)
                    for part in ([span(" · ")] if i else [])
                    + [span(f"{kind}: {shown}", link=shown if "://" in shown else None)]
                ],
            )
        )
    view = report.context["view"]
    rows = []
    for row in view.rows:
        cells = []
        for c, cell in zip(view.columns, row.cells):
            if c.kind == "rank":
                cells.append([span(cell.text or "—")])
            elif c.kind == "unit":
                cells.append([span(cell.text, strong=True)])
            elif c.kind == "change":
                cells.append([span(cell.text, tone=_printed_tone(cell))])
            elif c.kind == "criterion":
                cells.append(
                    [span(" ".join([cell.text] * bool(cell.text) + [f"({cell.rank})"] * (cell.rank is not None)))]
                )
            elif c.kind == "note":
                # A source is a numbered reference here, listed after the table.
                note = [] if row.rated else [span(_("Không đánh giá.") + " ")]
                note += [
                    span(f"[{sources.index(r.link) + 1}]") if r.link else _run(r)
                    for r in cell.runs
                    if r.link or r.text != " "
                ]
                cells.append(note)
            else:
                cells.append([span(cell.text)])
        rows.append({"cells": cells, "muted": not row.rated})
    blocks = [
        {"kind": "heading", "level": 1, "text": _("Bảng xếp hạng %(bloc)s", bloc=table.bloc.name)},
        {"kind": "subtitle", "spans": [span(_("Kết quả đánh giá năm %(year)s", year=edition.year))]},
        {"kind": "facts", "rows": [[label, value] for label, value in facts]},
        *_notice(report.context["notice"]),
        {"kind": "table", "columns": [_column(c) for c in view.columns], "rows": rows},
        *_figures(charts),
    ]
    references = m.references_beside(table.bloc.id)
    if references:
        blocks += [
            {"kind": "heading", "level": 2, "text": _("Giá trị tham chiếu đã công bố")},
            _reference_list(references, language),
        ]
    if sources:
        blocks += [
            {"kind": "heading", "level": 2, "text": _("Nguồn của từng dòng")},
            {"kind": "list", "items": [[span(url, link=url)] for url in sources]},
        ]
    return blocks


def edition_blocks(report, dataset, figures_of, writer: Writer, at, agencies: dict) -> list[dict]:
    """An edition's report as one document: what it is (publisher, legal basis, date,
    source), a table of contents, the summary (what is complete, the published reference
    values, each bloc's size, leaders and tiers), the methodology, every bloc as its own
    report prints it (table, charts and map, sources), and the changes of the register
    that its recast blocs rest on."""
    language, edition, tables = writer.language, report.context["edition"], report.context["tables"]
    _, m = language.gettext, edition.methodology
    facts = [(_("Đơn vị công bố"), [span(m.publisher)]), (_("Căn cứ"), [writer.published(m.decision)])]
    if m.announced:
        facts.append((_("Ngày công bố"), [span(language.date(m.announced))]))
    if m.source_url:
        facts.append((_("Nguồn"), [span(m.source_url, link=m.source_url)]))
    web = at(report.page.url)
    facts.append((_("Bản trực tuyến"), [span(web, link=web if "://" in web else None)]))
    blocks = [
        {"kind": "heading", "level": 1, "text": report.title, "outlined": False},
        {"kind": "subtitle", "spans": [span(dataset.series.title)]},
        {"kind": "facts", "rows": [[label, value] for label, value in facts]},
        {"kind": "outline", "title": _("Mục lục")},
        {"kind": "pagebreak"},
        {"kind": "heading", "level": 1, "text": _("Tóm tắt")},
        {
            "kind": "paragraph",
            "spans": [span(labels.completeness_text(language.catalog, completeness(dataset, edition)))],
        },
    ]
    if m.coverage:
        blocks.append({"kind": "paragraph", "spans": [span(_("Nguồn số liệu:") + " "), writer.published(m.coverage)]})
    if m.references:
        blocks += [
            {"kind": "heading", "level": 2, "text": _("Giá trị tham chiếu đã công bố")},
            _reference_list(m.references, language),
        ]
    for table in tables:
        said = [span(table.bloc.name + ": ", strong=True), span(language.partial_text(table) if table.partial else "")]
        if not table.partial:
            said.append(
                span(
                    language.ngettext(
                        "%(num)s đơn vị được xếp hạng.", "%(num)s đơn vị được xếp hạng.", table.rated, num=table.rated
                    )
                )
            )
        if table.leaders:
            leaders = ", ".join(
                f"{agencies[r.agency].label} ({r.rank}"
                + (f"; {language.score(r.score, m.decimals)}" if r.score is not None else "")
                + ")"
                for r in table.leaders
            )
            said.append(span(" " + _("Dẫn đầu:") + " " + leaders + "."))
        if table.tier_total:
            counts = [f"{name} {count}" for name, count in table.tiers]
            counts += [f"{_('Nguồn không nêu mức')} {table.untiered}"] * bool(table.untiered)
            said.append(span(" " + _("Số đơn vị theo mức:") + " " + ", ".join(counts) + "."))
        blocks.append({"kind": "paragraph", "spans": said})
    blocks += [{"kind": "heading", "level": 1, "text": _("Phương pháp đánh giá")}, *_methodology(m, writer)]
    for part in report.context["parts"]:
        blocks += [{"kind": "pagebreak"}, *bloc_blocks(part, dataset, figures_of(part.page), writer, at)]
    changes = report.context.get("changes", ())
    if changes:
        blocks += [{"kind": "pagebreak"}, {"kind": "heading", "level": 1, "text": _("Lịch sử tổ chức")}]
        for change in changes:
            words = lineage.said(change, language, writer.lang)
            for recast in change.recast:
                if recast.entry.edition is edition:
                    words += [lineage.Piece(" ")] + lineage.recast_said(recast, change, language, agencies)
            blocks.append({"kind": "paragraph", "spans": [span(p.text, lang=p.lang) for p in words]})
    return blocks


def _reference_list(references, language: Language) -> dict:
    return {
        "kind": "list",
        "items": [
            [span(f"{r.name}: {language.score(r.value, r.decimals)} "), span(r.source_url, link=r.source_url)]
            for r in references
        ],
    }


def _methodology(m, writer: Writer) -> list[dict]:
    """The edition's methodology as the methodology page gives it: name, scale, how ranks
    were set, criteria and tiers."""
    language = writer.language
    _ = language.gettext
    facts = [(_("Phương pháp"), [span(m.name)]), (_("Căn cứ pháp lý"), [writer.published(m.decision)])]
    if m.score_max:
        facts.append((_("Thang điểm"), [span(_("từ 0 đến %(max)s", max=language.number(m.score_max)))]))
    blocks = [{"kind": "facts", "rows": [[label, value] for label, value in facts]}]
    if m.criteria:
        blocks.append(
            {
                "kind": "table",
                "columns": [
                    column(_("Tiêu chí"), width="3"),
                    column(_("Điểm tối đa"), "right"),
                    column(_("Khối"), width="2"),
                ],
                "rows": [
                    {
                        "muted": False,
                        "cells": [
                            [span(c.name)],
                            [span(language.number(c.max) if c.max is not None else "—")],
                            [span(", ".join(c.blocs) if c.blocs else _("mọi khối"))],
                        ],
                    }
                    for c in m.criteria
                ],
            }
        )
    if m.tiers:
        blocks.append(
            {
                "kind": "paragraph",
                "spans": [
                    span(_("Mức:") + " "),
                    span(
                        "; ".join(
                            t.name + (f" ≥ {language.number(t.min)}" if t.min is not None else "") for t in m.tiers
                        )
                    ),
                ],
            }
        )
    return blocks


def unit_blocks(report, charts: list[Figure], writer: Writer, several: bool, agencies: dict) -> list[dict]:
    _, unit = writer.language.gettext, report.context["unit"]
    a = unit.agency
    subtitle = [
        span(_("Kết quả xếp hạng qua các năm") if several else _("Kết quả đánh giá mức độ ứng dụng CNTT qua các năm"))
    ]
    if a.other_name:
        subtitle += [span(" · "), span(a.other_name[0], lang=a.other_name[1])]
    facts = []
    if a.since and not unit.changes:
        facts.append((_("Thành lập"), [span(_("từ năm %(year)s", year=a.since))]))
    for change in unit.changes:  # in the words of the page (site/lineage.py)
        words = lineage.said(change, writer.language, writer.lang)
        for recast in change.recast:
            words += [lineage.Piece(" ")] + lineage.recast_said(recast, change, writer.language, agencies)
        facts.append((_("Lịch sử tổ chức"), [span(p.text, lang=p.lang) for p in words]))
    if a.until and not unit.changes:
        facts.append((_("Tồn tại đến"), [span(a.until)]))
    blocks = [{"kind": "heading", "level": 1, "text": a.distinct_name}, {"kind": "subtitle", "spans": subtitle}]
    if facts:
        blocks.append({"kind": "facts", "rows": [[label, value] for label, value in facts]})
    if not unit.entries:
        return blocks + [
            {"kind": "paragraph", "spans": [span(_("Chưa có kết quả xếp hạng của đơn vị này trong dữ liệu."))]}
        ]
    if not several:
        return blocks + _unit_series(unit.entries, charts, "", writer, report.context)
    for history in unit.series:
        blocks.append({"kind": "heading", "level": 1, "text": history.dataset.series.title})
        blocks += _unit_series(history.entries, charts, history.dataset.id, writer, report.context)
    return blocks


def _unit_series(entries: list, charts: list[Figure], series: str, writer: Writer, context: dict) -> list[dict]:
    """A unit's results in one series: the table, the trend, a section per edition."""
    histories, views = context["histories"], context["criteria"]
    blocks = [_table(histories[series])]
    # The trend alone: the criteria tables below carry the bloc medians the other chart draws.
    blocks += _figures([c for c in charts if c.chart.series == series and c.chart.id.endswith(CHART_IDS["trend"])])
    for e in entries:
        blocks.append({"kind": "section", "blocks": _unit_edition(e, writer, views)})
    return blocks


def _printed_tone(cell) -> str | None:
    """A change is coloured where it moved; "=" prints in the text's colour."""
    return cell.tone if cell.tone in ("up", "down") else None


def _table(view: TableView) -> dict:
    """A plain table view (site/tables.py) as printed: its rows named in the first cell."""
    return {
        "kind": "table",
        "columns": [_column(c) for c in view.columns],
        "rows": [
            {
                "muted": not row.rated,
                "cells": [
                    [span(cell.text, strong=not i, tone=_printed_tone(cell))] for i, cell in enumerate(row.cells)
                ],
            }
            for row in view.rows
        ],
    }


def _unit_edition(e, writer: Writer, views: dict) -> list[dict]:
    language, r, m = writer.language, e.result, e.edition.methodology
    _ = language.gettext
    said = [language.rank_of(r, e.table)]
    if r.score is not None:
        said.append(
            _("điểm %(score)s", score=writer.score(r.score, m.decimals))
            + (" " + _("trên %(max)s", max=language.number(m.score_max)) if m.score_max else "")
        )
    if r.tier:
        said.append(_("mức %(tier)s", tier=r.tier))
    if r.rank_change is not None:
        said.append(language.change_text(r, e.edition))
    blocks = [
        {"kind": "heading", "level": 2, "text": f"{_('Năm %(year)s', year=e.edition.year)} — {e.table.bloc.name}"},
        {"kind": "paragraph", "spans": [span("; ".join(said) + ".")]},
    ]
    if not r.rated:
        blocks.append({"kind": "paragraph", "spans": [span(_("Không được đánh giá:") + " "), writer.published(r.note)]})
    elif r.note:
        blocks.append({"kind": "paragraph", "spans": [writer.published(r.note)]})
    if e.criteria:
        blocks.append(_table(views[(e.edition.series, e.edition.year, e.table.bloc.id)]))
    source = r.source or m.source_url
    basis = [span(_("Căn cứ:") + " "), writer.published(m.decision), span(".")]
    if source:
        basis += [span(" " + _("Nguồn:") + " "), span(source, link=source)]
    blocks.append({"kind": "paragraph", "spans": basis, "muted": True})
    return blocks
