"""Each table the site shows, described once as plain values in the page's language:
its columns and, row by row, its cells (text as shown, the value it sorts by, and the
few facts a renderer marks up). The web page (bloc.html, macros.html), the printed
report (reports.py) and the comparison's data (compare.js) all render these; none
decides again which columns a table has or how a figure is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from ..data.languages import without_marks
from ..data.model import Dataset
from .addresses import Urls
from .formatting import change, sort_key
from .i18n import Language
from .translated import marked_lang
from .views import BlocTable, UnitEdition, bloc_over_time, merged_into


def rank_ticks(bottom: int) -> list[int]:
    """A rank axis's ticks, whole ranks each once: every rank on a short axis, 1 and round
    ranks and the last on a long one (the charts and the comparison draw the same)."""
    if bottom <= 10:
        return list(range(1, bottom + 1))
    step = 5 if bottom <= 30 else 10
    ticks = [1] + list(range(step, bottom + 1, step))
    return ticks + [bottom] if bottom - ticks[-1] >= step / 2 else ticks[:-1] + [bottom]


Kind = Literal["year", "bloc", "rank", "unit", "score", "change", "tier", "criterion", "note"]


@dataclass(frozen=True)
class Run:
    """A run of text: a link, text in another language than the page's (a note published
    only in Vietnamese), a strong word, or a change of rank ("up", "down", "same")."""

    text: str
    link: str | None = None
    lang: str | None = None
    strong: bool = False
    tone: str | None = None


def published(text: str, lang: str) -> Run:
    """Text the data gives only as published, in Vietnamese: marked as such in another
    language's page, unless the data translates it (`note_en`)."""
    return Run(text, lang=marked_lang(text, lang))


@dataclass(frozen=True)
class Column:
    kind: Kind
    label: str
    numeric: bool = False  # right-aligned, sorted as a number
    fold: bool = False  # folded into its row's details on a phone
    sort: Literal["number", "text"] | None = None

    @property
    def classes(self) -> str:
        return " ".join(
            name for name, on in (("note", self.kind == "note"), ("num", self.numeric), ("fold", self.fold)) if on
        )


@dataclass(frozen=True)
class Cell:
    text: str = ""  # as shown, numbers in the page's format; "" when empty
    sort: object = ""  # what the column sorts by ("" when nothing)
    rank: int | None = None  # a criterion's rank in the bloc, shown beside its score
    tone: str | None = None  # a change of rank: "up", "down" or "same"
    said: str = ""  # a change in words, for screen readers ("bậc so với năm 2019")
    before: str = ""  # a change's previous rank, as a tooltip ("Năm 2019: hạng 4")
    runs: tuple[Run, ...] = ()  # a note: what was published, then the row's source

    @property
    def empty(self) -> bool:
        return not self.text and not self.runs and self.rank is None


@dataclass(frozen=True)
class Row:
    id: str  # the unit's id, the row's anchor
    name: str
    link: str  # the unit's page
    rated: bool
    cells: tuple[Cell, ...]  # one per column


@dataclass(frozen=True)
class TableView:
    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...] = field(default_factory=tuple)
    source: str | None = None  # where every row was published, said once instead of on each row

    def folded(self, row: Row) -> list[tuple[Column, Cell]]:
        """The row's cells a phone shows in its details, those with something to show."""
        return [(c, cell) for c, cell in zip(self.columns, row.cells) if c.fold and not cell.empty]


def bloc_view(dataset: Dataset, table: BlocTable, language: Language, lang: str, urls: Urls) -> TableView:
    """A bloc's ranking: rank, unit, score and change (what a phone shows), then tier,
    criteria and notes, each column only where some row fills it."""
    _ = language.gettext
    edition, m = table.edition, table.edition.methodology
    columns = [Column("rank", _("Hạng"), numeric=True, sort="number"), Column("unit", _("Đơn vị"), sort="text")]
    if table.has_scores:
        columns.append(Column("score", _("Điểm"), numeric=True, sort="number"))
    if table.has_changes:
        columns.append(Column("change", _("So với năm %(year)s", year=edition.previous), numeric=True, sort="number"))
    if any(r.tier for r in table.rows):
        columns.append(Column("tier", _("Mức"), fold=True, sort="text"))
    columns += [Column("criterion", c.name, numeric=True, fold=True, sort="number") for c in table.criteria]
    columns.append(Column("note", _("Ghi chú, nguồn"), fold=True))
    source = _("Nguồn")
    # One source for every row is said once, above the table, not as 63 identical links.
    sources = {r.source for r in table.rows}
    shared = next(iter(sources)) if len(sources) == 1 else None
    rows = []
    for r in table.rows:
        label = dataset.agencies[r.agency].label
        cells = []
        criteria = iter(table.criteria)
        for column in columns:
            if column.kind == "rank":
                cells.append(Cell("" if r.rank is None else str(r.rank), _sort(r.rank)))
            elif column.kind == "unit":
                cells.append(Cell(label, label))
            elif column.kind == "score":
                cells.append(Cell("" if r.score is None else language.score(r.score, m.decimals), _sort(r.score)))
            elif column.kind == "change":
                cells.append(_change(r, edition, language))
            elif column.kind == "tier":
                cells.append(Cell(r.tier or "", r.tier or ""))
            elif column.kind == "criterion":
                c = next(criteria)
                value, rank = r.criteria.get(c.id), r.criteria_rank.get(c.id)
                cells.append(
                    Cell(
                        "" if value is None else language.score(value, m.decimals),
                        _sort(value) if value is not None else _sort(rank),
                        rank,
                    )
                )
            else:
                runs = [published(r.note, lang)] if r.note else []
                if r.source and not shared:
                    runs += [Run(" ")] * bool(runs) + [Run(source, link=r.source)]
                cells.append(Cell(runs=tuple(runs)))
        rows.append(Row(r.agency, label, urls.unit(r.agency), r.rated, tuple(cells)))
    caption = _("Bảng xếp hạng %(bloc)s năm %(year)s", bloc=table.bloc.name, year=edition.year)
    if m.score_max:
        caption += " — " + _("điểm tối đa %(max)s", max=language.number(m.score_max))
    return TableView(caption, tuple(columns), tuple(rows), shared)


def _sort(value) -> object:
    return "" if value is None else value


def _change(r, edition, language: Language) -> Cell:
    _ = language.gettext
    moved = r.rank_change
    if moved is None:
        return Cell()
    return Cell(
        change(moved),
        moved,
        tone="up" if moved > 0 else ("down" if moved < 0 else "same"),
        said=language.ngettext("bậc so với năm %(year)s", "bậc so với năm %(year)s", abs(moved), year=edition.previous),
        before=_("Năm %(year)s: hạng %(rank)s", year=edition.previous, rank=r.previous_rank),
    )


def history_view(entries: list[UnitEdition], language: Language, urls: Urls) -> TableView:
    """A unit's standing in each edition of one series, newest first, each year linking to
    its section of the unit's page; the bloc, score and tier columns only where they say
    something."""
    _ = language.gettext
    columns = [Column("year", _("Năm"))]
    if len({e.table.bloc.id for e in entries}) > 1:
        columns.append(Column("bloc", _("Khối")))
    columns.append(Column("rank", _("Hạng")))
    if any(e.result.score is not None for e in entries):
        columns.append(Column("score", _("Điểm"), numeric=True))
    if any(e.result.tier for e in entries):
        columns.append(Column("tier", _("Mức")))
    columns.append(Column("change", _("Thay đổi"), numeric=True))
    texts = {
        "year": lambda e: str(e.edition.year),
        "bloc": lambda e: e.table.bloc.name,
        "rank": lambda e: language.rank_of(e.result, e.table),
        "score": lambda e: "—"
        if e.result.score is None
        else language.score(e.result.score, e.edition.methodology.decimals),
        "tier": lambda e: e.result.tier or "—",
    }
    rows = tuple(
        Row(
            urls.unit_section(e.edition),
            str(e.edition.year),
            f"#{urls.unit_section(e.edition)}",
            e.result.rated,
            tuple(
                _change(e.result, e.edition, language) if c.kind == "change" else Cell(texts[c.kind](e))
                for c in columns
            ),
        )
        for e in entries
    )
    return TableView(_("Thứ hạng qua các năm"), tuple(columns), rows)


def criteria_view(e: UnitEdition, language: Language) -> TableView:
    """One unit's criteria in one edition, with the bloc's median and best where the
    table is complete."""
    _ = language.gettext
    decimals = e.edition.methodology.decimals
    columns = [
        Column("criterion", _("Tiêu chí")),
        Column("score", _("Điểm"), numeric=True),
        Column("rank", _("Hạng"), numeric=True),
    ]
    if e.has_median:
        columns += [
            Column("score", _("Trung vị của khối"), numeric=True),
            Column("score", _("Cao nhất khối"), numeric=True),
        ]

    def shown(value) -> Cell:
        return Cell(language.score(value, decimals) if value is not None else "—")

    rows = []
    for line in e.criteria:
        cells = [
            Cell(line.criterion.name),
            shown(line.value),
            Cell("—" if line.rank is None else str(line.rank)),
        ]
        if e.has_median:
            cells += [shown(line.median), shown(line.best)]
        rows.append(Row(line.criterion.id, line.criterion.name, "", True, tuple(cells)))
    return TableView(_("Tiêu chí năm %(year)s", year=e.edition.year), tuple(columns), tuple(rows))


def partial_notice(table: BlocTable, language: Language, lang: str) -> list[list[Run]]:
    """What a bloc's page and its report say of an incomplete table, paragraph by
    paragraph; nothing for a complete one. The edition's own word on what its sources
    hold (`coverage`) only where the edition has no other bloc it could be about."""
    _ = language.gettext
    if not table.partial:
        return []
    m = table.edition.methodology
    paragraphs = [[Run(language.partial_text(table), strong=True)]]
    if m.coverage and {r.bloc for r in table.edition.results} == {table.bloc.id}:
        paragraphs[0] += [Run(" "), published(m.coverage, lang)]
    if table.missing_ranks:
        paragraphs.append([Run(_("Các hạng không có trong nguồn: %(ranks)s.", ranks=", ".join(table.missing_ranks)))])
    paragraphs.append([Run(_("Số đơn vị trong khối chưa được biết, vì vậy thứ hạng không ghi “trên tổng số”."))])
    return paragraphs


def comparison(
    view: TableView, table: BlocTable, by_year: dict[int, list[BlocTable]], dataset: Dataset, language: Language
) -> dict:
    """What the bloc page's comparison (compare.js) draws, as JSON: each rated unit of the
    table with its rank ("x/N" where N is known) and score in every edition of the series
    up to this one that has the bloc, and this edition's criteria with the bloc's median
    and best, numbers as the table shows them; the rank axis's ticks; and the units
    before and after a merger (the Đà Nẵng of the 34 provinces, the Đà Nẵng and Quảng Nam
    of the 63 it joins), each with its standing in its own bloc, so that they can be put
    side by side. Each unit also has its name without marks, for the picker's filter."""
    found = bloc_over_time(table, by_year)
    members = [r.agency for r in table.rows if r.rated]
    related = [a for a in _lineage(members, dataset) if a not in members]
    standing = {a: _standing(a, by_year, table.edition.year) for a in related}
    standing.update({a: {y: (t.row(a), t) for y, t in found.items() if t.row(a)} for a in members})
    years = sorted(set(found) | {y for a in related for y in standing[a]})
    rows = {row.id: row for row in view.rows}
    criteria = [i for i, c in enumerate(view.columns) if c.kind == "criterion"]

    def unit(agency: str) -> dict:
        # Beside the units of another period, each carries its years ("Đà Nẵng (từ 2025)").
        name = dataset.agencies[agency].distinct_label if related or agency not in rows else rows[agency].name
        shown = [standing[agency].get(y, (None, None)) for y in years]
        return {
            "id": agency,
            "name": name,
            "plain": without_marks(name).casefold(),
            "ranks": [r.rank if r else None for r, _ in shown],
            "labels": [rank_label(r.rank, t.size) if r else None for r, t in shown],
            "scores": [_score(r, t, language) for r, t in shown],
            "criteria": [rows[agency].cells[i].text or None for i in criteria] if agency in rows else [],
        }

    units = [unit(a) for a in sorted(members, key=lambda a: sort_key(rows[a].name))]  # A–Z
    lineage = [unit(a) for a in related if standing[a]]
    ranked = [k for u in units + lineage for k in u["ranks"] if k]
    worst = max([t.size for a in standing for _, t in standing[a].values() if t.size] + ranked + [1])
    decimals = table.edition.methodology.decimals
    return {
        "years": years,
        "bottom": worst,
        "ticks": rank_ticks(worst),
        "units": units,
        "lineage": lineage,
        "criteria": [
            {
                "name": view.columns[i].label,
                "median": _value(table.medians.get(c.id), decimals, language),
                "best": _value(table.best.get(c.id), decimals, language),
            }
            for i, c in zip(criteria, table.criteria)
        ],
    }


def _lineage(members: list[str], dataset: Dataset) -> list[str]:
    """The units that merged into the members and those the members merged into, in the
    order of the members they relate to."""
    before = merged_into(dataset.agencies)
    found = []
    for member in members:
        successor = dataset.agencies[member].successor
        found += [a.id for a in before.get(member, [])] + ([successor] if successor else [])
    return list(dict.fromkeys(found))


def _standing(agency: str, by_year: dict[int, list[BlocTable]], until: int) -> dict:
    """The unit's ranked row and its table in each edition up to `until`, in whichever bloc
    ranks it (a bloc recast on a later year's units aside: the unit's own bloc first)."""
    found = {}
    for year in sorted(y for y in by_year if y <= until):
        tables = sorted(by_year[year], key=lambda t: t.bloc.id in t.edition.methodology.units_as_of)
        hit = next(((t.row(agency), t) for t in tables if t.row(agency) and t.row(agency).rank is not None), None)
        if hit:
            found[year] = hit
    return found


def _score(result, table: BlocTable | None, language: Language) -> str | None:
    return _value(result.score, table.edition.methodology.decimals, language) if result else None


def _value(value, decimals: int, language: Language) -> str | None:
    return None if value is None else language.score(value, decimals)


def rank_label(rank: int | None, size: int | None) -> str | None:
    """A rank out of N as the comparison's table and the charts' descriptions give it:
    "3/63", or "3" where N is not known."""
    if rank is None:
        return None
    return f"{rank}/{size}" if size else str(rank)
