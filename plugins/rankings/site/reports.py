"""What each printed report says, as plain values: a document of blocks (headings,
paragraphs, facts, tables, figures) whose text is already in the report's language and
number format. The PDF engine hands it to a Typst template as data, never as markup, so
no name, note or address can change how a report is laid out."""

from __future__ import annotations

from ..data.languages import SOURCE
from .formatting import change
from .i18n import Language
from .translated import Translation


def address(siteurl: str, sitename: str, url: str) -> str:
    """A page's address as a report prints it: absolute where the site is published, else
    the site's name and the path (a local build's SITEURL is empty, or "/en")."""
    if "://" in siteurl:
        return f"{siteurl}/{url}"
    return f"{sitename} — {siteurl}/{url}"


def span(text, link: str | None = None, lang: str | None = None, strong: bool = False, tone: str | None = None) -> dict:
    """A run of text; `tone` "up" or "down" colours a change of rank."""
    return {"text": str(text), "link": link, "lang": lang, "strong": strong, "tone": tone}


def _change(moved: int | None) -> dict:
    return span(change(moved), tone=None if not moved else ("up" if moved > 0 else "down"))


def column(label: str, align: str = "left", width: str = "auto") -> dict:
    """A table column: `width` is "auto" or a share of the free width ("2")."""
    return {"label": label, "align": align, "width": width}


class Writer:
    """The report's words in its language: labels, numbers, and text the data gives only
    as published (marked as Vietnamese in another language's report)."""

    def __init__(self, language: Language, lang: str):
        self._, self.lang = language, lang

    def published(self, text: str) -> dict:
        return span(text, lang=SOURCE if self.lang != SOURCE and not isinstance(text, Translation) else None)

    def score(self, value, decimals: int, empty: str = "—") -> str:
        return empty if value is None else self._.score(value, decimals)


def document(report, portal, charts: list[dict], language: Language, lang: str, web: str) -> dict:
    """The whole document of a catalog Report: `charts` are its page's figures (SVG and
    caption), `web` the page's address as printed on every page."""
    _ = language
    writer = Writer(language, lang)
    dataset = report.context.get("dataset") or portal.only  # a unit's report in a portal spans every series
    blocks = (
        bloc_blocks(report, dataset, charts, writer)
        if "table" in report.context
        else unit_blocks(report, charts, writer, portal.several)
    )
    wide = "table" in report.context and len(report.context["table"].criteria) > 3
    publisher, title = (dataset.series.publisher, dataset.series.title) if dataset else (portal.publisher, portal.title)
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


def _coverage(edition, table, writer: Writer) -> list[dict]:
    _, m = writer._, edition.methodology
    if not table.partial:
        return []
    spans = [
        span(_("Bảng chưa đầy đủ."), strong=True),
        span(" "),
        writer.published(m.coverage) if m.coverage else span(_("Nguồn chỉ công bố một phần kết quả của khối này.")),
    ]
    paragraphs = [spans]
    if table.missing_ranks:
        paragraphs.append([span(_("Các hạng không có trong nguồn: %(ranks)s.", ranks=", ".join(table.missing_ranks)))])
    paragraphs.append([span(_("Số đơn vị trong khối chưa được biết, vì vậy thứ hạng không ghi “trên tổng số”."))])
    return [{"kind": "notice", "paragraphs": paragraphs}]


def _figures(charts: list[dict]) -> list[dict]:
    return [
        {"kind": "figure", "svg": c["svg"], "width": c["width"], "height": c["height"], "alt": c["chart"].caption}
        for c in charts
    ]


def bloc_blocks(report, dataset, charts: list[dict], writer: Writer) -> list[dict]:
    _, edition, table = writer._, report.context["edition"], report.context["table"]
    agencies, m = dataset.agencies, edition.methodology
    sources = list(dict.fromkeys(r.source for r in table.rows if r.source))
    facts = [
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
        facts.append((_("Ngày công bố"), [span(_.date(m.announced))]))
    if m.source_url:
        facts.append((_("Nguồn"), [span(m.source_url, link=m.source_url)]))
    if m.score_max:
        facts.append((_("Thang điểm"), [span(_("từ 0 đến %(max)s", max=_.number(m.score_max)))]))
    has_tiers = any(r.tier for r in table.rows)
    columns = [column(_("Hạng"), "right"), column(_("Đơn vị"), width="2")]
    columns += [column(_("Điểm"), "right")] if table.has_scores else []
    columns += [column(_("Mức"))] if has_tiers else []
    columns += [column(c.name, "right", "1") for c in table.criteria]
    columns += [column(_("So với năm %(year)s", year=edition.previous), "right")] if table.has_changes else []
    columns += [column(_("Ghi chú"), width="3")]
    rows = []
    for r in table.rows:
        cells = [[span(r.rank if r.rank is not None else "—")], [span(agencies[r.agency].label, strong=True)]]
        if table.has_scores:
            cells.append([span(writer.score(r.score, m.decimals, ""))])
        if has_tiers:
            cells.append([span(r.tier or "")])
        for c in table.criteria:
            value, rank = r.criteria.get(c.id), r.criteria_rank.get(c.id)
            parts = ([writer.score(value, m.decimals)] if value is not None else []) + (
                [f"({rank})"] if rank is not None else []
            )
            cells.append([span(" ".join(parts))])
        if table.has_changes:
            cells.append([_change(r.rank_change)])
        note = [] if r.rated else [span(_("Không đánh giá.") + " ")]
        note += [writer.published(r.note)] if r.note else []
        note += [span(f"[{sources.index(r.source) + 1}]")] if r.source else []
        cells.append(note)
        rows.append({"cells": cells, "muted": not r.rated})
    blocks = [
        {"kind": "heading", "level": 1, "text": _("Bảng xếp hạng %(bloc)s", bloc=table.bloc.name)},
        {"kind": "subtitle", "spans": [span(_("Kết quả đánh giá năm %(year)s", year=edition.year))]},
        {"kind": "facts", "rows": [[label, value] for label, value in facts]},
        *_coverage(edition, table, writer),
        {"kind": "table", "columns": columns, "rows": rows},
        *_figures(charts),
    ]
    if sources:
        blocks += [
            {"kind": "heading", "level": 2, "text": _("Nguồn của từng dòng")},
            {"kind": "list", "items": [[span(url, link=url)] for url in sources]},
        ]
    return blocks


def unit_blocks(report, charts: list[dict], writer: Writer, several: bool) -> list[dict]:
    _, unit = writer._, report.context["unit"]
    a = unit.agency
    subtitle = [
        span(_("Kết quả xếp hạng qua các năm") if several else _("Kết quả đánh giá mức độ ứng dụng CNTT qua các năm"))
    ]
    if a.other_name:
        subtitle += [span(" · "), span(a.other_name[0], lang=a.other_name[1])]
    facts = []
    if a.since:
        facts.append((_("Thành lập"), [span(_("từ năm %(year)s", year=a.since))]))
    if unit.predecessors:
        facts.append(
            (
                _("Kế tục"),
                [
                    span(
                        "; ".join(
                            p.label + (f" ({_('đến năm %(year)s', year=p.until)})" if p.until else "")
                            for p in unit.predecessors
                        )
                    )
                ],
            )
        )
    if unit.successor:
        since = f" ({_('từ năm %(year)s', year=unit.successor.since)})" if unit.successor.since else ""
        facts.append((_("Đơn vị kế tục"), [span(unit.successor.name + since)]))
    elif a.until:
        facts.append((_("Tồn tại đến"), [span(a.until)]))
    blocks = [{"kind": "heading", "level": 1, "text": a.name}, {"kind": "subtitle", "spans": subtitle}]
    if facts:
        blocks.append({"kind": "facts", "rows": [[label, value] for label, value in facts]})
    if not unit.entries:
        return blocks + [
            {"kind": "paragraph", "spans": [span(_("Chưa có kết quả xếp hạng của đơn vị này trong dữ liệu."))]}
        ]
    if not several:
        return blocks + _unit_series(unit.entries, charts, "", writer)
    for history in unit.series:
        blocks.append({"kind": "heading", "level": 1, "text": history.dataset.series.title})
        blocks += _unit_series(history.entries, charts, history.dataset.id, writer)
    return blocks


def _unit_series(entries: list, charts: list[dict], series: str, writer: Writer) -> list[dict]:
    """A unit's results in one series: the table, the trend, a section per edition."""
    _, blocks = writer._, []
    blocks.append(
        {
            "kind": "table",
            "columns": [
                column(_("Năm")),
                column(_("Khối"), width="1"),
                column(_("Hạng")),
                column(_("Điểm"), "right"),
                column(_("Mức")),
                column(_("Thay đổi"), "right"),
            ],
            "rows": [
                {
                    "muted": not e.result.rated,
                    "cells": [
                        [span(e.edition.year, strong=True)],
                        [span(e.table.bloc.name)],
                        [span(_.rank_of(e.result, e.table))],
                        [span(writer.score(e.result.score, e.edition.methodology.decimals))],
                        [span(e.result.tier or "—")],
                        [_change(e.result.rank_change)],
                    ],
                }
                for e in entries
            ],
        }
    )
    # The trend alone: the criteria tables below carry the bloc medians the other chart draws.
    blocks += _figures(
        [c for c in charts if c["chart"].series == series and c["chart"].id.endswith("thu-hang-qua-cac-nam")]
    )
    for e in entries:
        blocks.append({"kind": "section", "blocks": _unit_edition(e, writer)})
    return blocks


def _unit_edition(e, writer: Writer) -> list[dict]:
    _, r, m = writer._, e.result, e.edition.methodology
    said = [_.rank_of(r, e.table)]
    if r.score is not None:
        said.append(
            _("điểm %(score)s", score=writer.score(r.score, m.decimals))
            + (" " + _("trên %(max)s", max=_.number(m.score_max)) if m.score_max else "")
        )
    if r.tier:
        said.append(_("mức %(tier)s", tier=r.tier))
    if r.rank_change is not None:
        said.append(_.change_text(r, e.edition))
    blocks = [
        {"kind": "heading", "level": 2, "text": f"{_('Năm %(year)s', year=e.edition.year)} — {e.table.bloc.name}"},
        {"kind": "paragraph", "spans": [span("; ".join(said) + ".")]},
    ]
    if not r.rated:
        blocks.append({"kind": "paragraph", "spans": [span(_("Không được đánh giá:") + " "), writer.published(r.note)]})
    elif r.note:
        blocks.append({"kind": "paragraph", "spans": [writer.published(r.note)]})
    if e.criteria:
        with_median = e.has_median
        columns = [column(_("Tiêu chí"), width="1"), column(_("Điểm"), "right"), column(_("Hạng"), "right")]
        columns += [column(_("Trung vị của khối"), "right"), column(_("Cao nhất khối"), "right")] if with_median else []
        blocks.append(
            {
                "kind": "table",
                "columns": columns,
                "rows": [
                    {
                        "muted": False,
                        "cells": [
                            [span(line.criterion.name, strong=True)],
                            [span(writer.score(line.value, m.decimals))],
                            [span(line.rank if line.rank is not None else "—")],
                            *(
                                [
                                    [span(writer.score(line.median, m.decimals))],
                                    [span(writer.score(line.best, m.decimals))],
                                ]
                                if with_median
                                else []
                            ),
                        ],
                    }
                    for line in e.criteria
                ],
            }
        )
    source = r.source or m.source_url
    basis = [span(_("Căn cứ:") + " "), writer.published(m.decision), span(".")]
    if source:
        basis += [span(" " + _("Nguồn:") + " "), span(source, link=source)]
    blocks.append({"kind": "paragraph", "spans": basis, "muted": True})
    return blocks
