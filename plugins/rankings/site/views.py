"""What each page shows, computed from the dataset: plain objects for the templates."""

from __future__ import annotations

import functools
import statistics
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from ..data.model import Agency, Bloc, Criterion, Dataset, Edition, Portal, Result
from ..rules.ranking import rounded
from .formatting import sort_key


@dataclass
class BlocTable:
    """One bloc of one edition, in rank order."""

    edition: Edition
    bloc: Bloc
    rows: list[Result]
    criteria: list[Criterion]  # the criteria with at least one published figure
    unpublished_criteria: list[Criterion]
    partial: bool
    rated: int
    not_rated: int
    tiers: list[tuple[str, int]] = field(default_factory=list)  # (tier, count), best first
    untiered: int = 0  # rated units whose tier the source does not give, where it gives others'
    missing_ranks: list[str] = field(default_factory=list)  # "4", "6–17"
    medians: dict[str, Decimal] = field(default_factory=dict)  # by criterion; none for a partial table
    best: dict[str, Decimal] = field(default_factory=dict)  # the bloc's highest score, where medians are known

    @property
    def size(self) -> int | None:
        """N in "rank n of N", known only for a complete table."""
        return None if self.partial else self.rated

    def row(self, agency: str) -> Result | None:
        """The unit's row, if the table has one."""
        return self._by_agency.get(agency)

    @functools.cached_property
    def _by_agency(self) -> dict[str, Result]:
        return {r.agency: r for r in self.rows}

    @functools.cached_property  # asked once per row by the templates
    def has_scores(self) -> bool:
        return any(r.score is not None for r in self.rows)

    @functools.cached_property
    def has_changes(self) -> bool:
        return any(r.rank_change is not None for r in self.rows)

    @property
    def tier_total(self) -> int:
        """The units the shares of tiers are of: with those whose tier is not known."""
        return sum(n for _, n in self.tiers) + self.untiered

    @property
    def leaders(self) -> list[Result]:
        return [r for r in self.rows if r.rank is not None and r.rank <= 3]


@dataclass(frozen=True)
class Completeness:
    """What an edition holds of the blocs its series has ranked so far: the one place a
    page, a list or a report learns whether an edition is complete."""

    complete: tuple[Bloc, ...]
    partial: tuple[Bloc, ...]
    missing: tuple[Bloc, ...]  # ranked in an earlier edition, without figures in this one

    @property
    def whole(self) -> bool:
        return not self.partial and not self.missing


def completeness(dataset: Dataset, edition: Edition) -> Completeness:
    m = edition.methodology
    ranked = {r.bloc for e in dataset.editions.values() if e.year <= edition.year for r in e.results}
    held = {r.bloc for r in edition.results}
    blocs = [b for b in dataset.series.blocs if b.id in ranked]
    return Completeness(
        tuple(b for b in blocs if b.id in held and not m.partial(b.id)),
        tuple(b for b in blocs if b.id in held and m.partial(b.id)),
        tuple(b for b in blocs if b.id not in held),
    )


def bloc_table(dataset: Dataset, edition: Edition, bloc: Bloc) -> BlocTable:
    m = edition.methodology
    # Ranked rows by rank (ties by name); the rest in the order the source listed them.
    rows = sorted(
        edition.bloc_results(bloc.id),
        key=lambda r: (
            not r.rated,
            r.rank is None,
            r.rank or 0,
            sort_key(dataset.agencies[r.agency].label) if r.rank else (),
            r.row,
        ),
    )
    applicable = m.criteria_for(bloc.id)
    published = [
        c
        for c in applicable
        if any(r.criteria.get(c.id) is not None or r.criteria_rank.get(c.id) is not None for r in rows)
    ]
    rated = [r for r in rows if r.rated]
    tier_counts = Counter(r.tier for r in rated if r.tier)
    names = [t.name for t in m.tiers_for(bloc.id)] or sorted(tier_counts, key=sort_key)
    return BlocTable(
        edition=edition,
        bloc=bloc,
        rows=rows,
        criteria=published,
        unpublished_criteria=[c for c in applicable if c not in published],
        partial=m.partial(bloc.id),
        rated=len(rated),
        not_rated=len(rows) - len(rated),
        tiers=[(name, tier_counts[name]) for name in names if tier_counts[name] or m.tiers_for(bloc.id)],
        untiered=sum(1 for r in rated if not r.tier) if tier_counts else 0,
        missing_ranks=_missing_ranks([r.rank for r in rated if r.rank is not None]),
        **({} if m.partial(bloc.id) else _marks(rated, published)),
    )


def _marks(rated: list[Result], criteria: list[Criterion]) -> dict[str, dict[str, Decimal]]:
    """Each criterion's median and best score over the bloc, where every rated unit has
    its score: the median of the five best and five worst (all DTI 2023 gives) is not the bloc's."""
    medians, best = {}, {}
    for c in criteria:
        known = [r.criteria[c.id] for r in rated if r.criteria.get(c.id) is not None]
        if known and len(known) == len(rated):
            medians[c.id], best[c.id] = statistics.median(known), max(known)
    return {"medians": medians, "best": best}


def _missing_ranks(ranks: list[int]) -> list[str]:
    """Ranks below the worst known one that no known row holds, skipping the places
    that ties leave out (1, 2, 2, 4 misses nothing)."""
    counts = Counter(ranks)
    taken = set()
    for rank, n in counts.items():
        taken.update(range(rank, rank + n))
    missing = [k for k in range(1, max(ranks, default=0) + 1) if k not in taken]
    spans, start = [], None
    for i, k in enumerate(missing):
        if start is None:
            start = k
        if i + 1 == len(missing) or missing[i + 1] != k + 1:
            spans.append(str(start) if start == k else f"{start}–{k}")
            start = None
    return spans


def edition_tables(dataset: Dataset, edition: Edition) -> list[BlocTable]:
    """The bloc tables of an edition, leaving out blocs with no unit in it."""
    tables = [bloc_table(dataset, edition, bloc) for bloc in dataset.series.blocs]
    return [t for t in tables if t.rows]


@dataclass
class CriterionLine:
    criterion: Criterion
    value: Decimal | None
    rank: int | None
    median: Decimal | None
    best: Decimal | None


@dataclass
class UnitEdition:
    """One unit in one edition, with what its bloc looked like."""

    table: BlocTable
    result: Result
    criteria: list[CriterionLine]

    @property
    def edition(self) -> Edition:
        return self.table.edition

    @property
    def has_median(self) -> bool:
        return any(line.median is not None for line in self.criteria)


@dataclass
class UnitSeries:
    """A unit in one series: the editions that ranked it, newest first."""

    dataset: Dataset
    entries: list[UnitEdition]

    @property
    def latest(self) -> list[UnitEdition]:
        """Its standing in the series' latest edition that ranked it: one entry, or one
        per bloc where a recast bloc ranked it again."""
        return [e for e in self.entries if e.edition is self.entries[0].edition]


@dataclass
class Recast:
    """A successor's result in a bloc recast on the later units, beside the results of the
    units it absorbed in the same edition; `mean` when the published figure is their
    mean at the edition's decimals, as the ministry computed every recast figure."""

    entry: UnitEdition
    parts: list[UnitEdition]
    mean: bool


@dataclass
class Change:
    """One change of the register, said the same way on every page it concerns: the units
    that ended, the one that continues them, when and by what act."""

    before: list[Agency]
    after: Agency
    joined: bool  # the units became part of one that already existed
    recast: list[Recast] = field(default_factory=list)

    @property
    def on(self):
        return self.before[0].changed_on

    @property
    def basis(self) -> str | None:
        return self.before[0].change_basis

    @property
    def year(self) -> int | None:
        return self.on.year if self.on else self.after.since


@dataclass
class UnitHistory:
    agency: Agency
    entries: list[UnitEdition]  # newest first; in the same year, in the portal's order of series
    successor: Agency | None
    series: list[UnitSeries] = field(default_factory=list)  # the series that rank it, latest first
    changes: list[Change] = field(default_factory=list)  # the one that made it, the one that ended it

    @property
    def latest(self) -> UnitEdition | None:
        return self.entries[0] if self.entries else None


def merged_into(agencies: dict[str, Agency]) -> dict[str, list[Agency]]:
    """The units that became part of each unit, by its id, in the register's order."""
    found: dict[str, list[Agency]] = {}
    for agency in agencies.values():
        if agency.successor:
            found.setdefault(agency.successor, []).append(agency)
    return found


def _changes(agencies: dict[str, Agency], appearances: dict[str, list[UnitEdition]]) -> dict[str, Change]:
    """Each change of the register, by the id of the unit that continues."""
    found = {}
    for after_id, before in merged_into(agencies).items():
        after = agencies[after_id]
        before = sorted(before, key=lambda a: sort_key(a.name))
        ended = min((a.until for a in before if a.until), default=None)
        joined = after.since is None or (ended is not None and after.since < ended)
        recast = []
        for entry in appearances[after_id]:
            m = entry.edition.methodology
            if entry.table.bloc.id not in m.units_as_of:
                continue
            parts = [
                e
                for a in before
                for e in appearances[a.id]
                if e.edition is entry.edition and e.table.bloc.id not in m.units_as_of
            ]
            scores = [e.result.score for e in parts]
            mean = (
                len(parts) > 1
                and entry.result.score is not None
                and None not in scores
                and rounded(sum(scores) / len(scores), m.decimals) == entry.result.score
            )
            recast.append(Recast(entry, parts, mean))
        found[after_id] = Change(before, after, joined, recast)
    return found


def unit_histories(portal: Portal, tables: dict[str, dict[int, list[BlocTable]]]) -> dict[str, UnitHistory]:
    """Every unit across the series and editions, from one pass over the bloc tables
    (`tables[series id][year]`)."""
    agencies = portal.agencies
    appearances: dict[str, list[UnitEdition]] = {agency_id: [] for agency_id in agencies}
    order = {sid: i for i, sid in enumerate(tables)}
    for table in sorted(
        (t for by_year in tables.values() for year_tables in by_year.values() for t in year_tables),
        key=lambda t: (-t.edition.year, order[t.edition.series]),
    ):
        for result in table.rows:
            appearances[result.agency].append(
                UnitEdition(
                    table,
                    result,
                    [
                        CriterionLine(
                            c,
                            result.criteria.get(c.id),
                            result.criteria_rank.get(c.id),
                            table.medians.get(c.id),
                            table.best.get(c.id),
                        )
                        for c in table.criteria
                        if result.criteria.get(c.id) is not None or result.criteria_rank.get(c.id) is not None
                    ],
                )
            )
    changes = _changes(agencies, appearances)

    def by_series(entries: list[UnitEdition]) -> list[UnitSeries]:
        found = {sid: [e for e in entries if e.edition.series == sid] for sid in tables}
        return sorted(
            (UnitSeries(portal.series[sid], found[sid]) for sid in tables if found[sid]),
            key=lambda u: -u.entries[0].edition.year,
        )

    return {
        agency.id: UnitHistory(
            agency,
            appearances[agency.id],
            agencies.get(agency.successor) if agency.successor else None,
            by_series(appearances[agency.id]),
            [c for c in (changes.get(agency.id), changes.get(agency.successor or "")) if c],
        )
        for agency in agencies.values()
    }


def bloc_over_time(table: BlocTable, by_year: dict[int, list[BlocTable]]) -> dict[int, BlocTable]:
    """The same bloc in each edition of the series up to the table's, oldest first."""
    found = {
        y: next((t for t in by_year[y] if t.bloc.id == table.bloc.id), None)
        for y in sorted(by_year)
        if y <= table.edition.year
    }
    return {y: t for y, t in found.items() if t}
