"""The loaded data: series, units, editions and their results (plain dataclasses)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

# Text the data gives in other languages than Vietnamese, by language code ("en": "…"):
# `name_en` in the files is names["en"] here, and a new language is a new key, not a field.
Translations = dict[str, str]


def _translations() -> Translations:
    return field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Bloc:
    id: str
    name: str
    names: Translations = _translations()


@dataclass(frozen=True)
class Series:
    title: str
    publisher: str
    blocs: tuple[Bloc, ...]
    titles: Translations = _translations()
    publishers: Translations = _translations()
    notice: str | None = None  # shown on every page, e.g. "example data"
    license: str | None = None  # SPDX id of the licence of its figures (the portal's unless its own)
    short_title: str | None = None  # the name in a portal's menu ("DTI")
    short_titles: Translations = _translations()
    ranked_by: str | None = None  # the unit whose own ranking this is (a province's of its departments)

    @property
    def label(self) -> str:
        return self.short_title or self.title

    def bloc(self, bloc_id: str) -> Bloc:
        return next(b for b in self.blocs if b.id == bloc_id)


@dataclass(frozen=True)
class Agency:
    id: str
    name: str
    names: Translations = _translations()
    short_name: str | None = None
    province_code: str | None = None
    website: str | None = None
    since: int | None = None
    until: int | None = None
    successor: str | None = None
    changed_on: datetime.date | None = None  # the day the successor took over
    change_basis: str | None = None  # the legal basis of that change, as published
    change_bases: Translations = _translations()
    # The years it stands for ("từ 2025"), where another unit has the same name (site/catalog.py)
    period: str | None = None
    # The name in another language of the portal, and that language: the official name
    # in a translated dataset; in the source one, the first translation (site/translated.py).
    other_name: tuple[str, str] | None = None

    @property
    def label(self) -> str:
        """The name used where space is short."""
        return self.short_name or self.name

    @property
    def distinct_name(self) -> str:
        """The name where units of both periods are listed: titles, search, the A–Z list."""
        return f"{self.name} ({self.period})" if self.period else self.name

    @property
    def distinct_label(self) -> str:
        return f"{self.label} ({self.period})" if self.period else self.label

    def exists_in(self, year: int) -> bool:
        return (self.since is None or self.since <= year) and (self.until is None or year <= self.until)


@dataclass(frozen=True)
class Criterion:
    id: str
    name: str
    names: Translations = _translations()
    max: Decimal | None = None
    weight: Decimal | None = None
    parent: str | None = None
    blocs: tuple[str, ...] | None = None  # None: every bloc

    def applies_to(self, bloc: str) -> bool:
        return self.blocs is None or bloc in self.blocs


@dataclass(frozen=True)
class Tier:
    name: str
    min: Decimal | None = None  # None: a tier known only by name, never derived
    names: Translations = _translations()
    blocs: tuple[str, ...] | None = None

    def applies_to(self, bloc: str) -> bool:
        return self.blocs is None or bloc in self.blocs


@dataclass(frozen=True)
class Reference:
    """A figure published for a whole edition beside its tables: the national index, the
    provinces' average, a pillar's average."""

    id: str
    name: str
    value: Decimal  # as published: its decimals are those printed
    source_url: str
    names: Translations = _translations()
    blocs: tuple[str, ...] | None = None  # None: every bloc
    criterion: str | None = None  # None: on the score's scale

    def applies_to(self, bloc: str) -> bool:
        return self.blocs is None or bloc in self.blocs

    @property
    def decimals(self) -> int:
        return max(0, -self.value.as_tuple().exponent)


@dataclass(frozen=True)
class Document:
    """An original document as it was when the data was read: a build publishes it only
    if it is still that file (a copy saved during the build would mix two versions)."""

    path: Path
    size: int
    changed_ns: int


@dataclass(frozen=True)
class Methodology:
    name: str
    decision: str
    score_max: Decimal | None = None  # None: the scale was not published
    decimals: int = 2
    method: Literal["given", "sum", "weighted"] = "given"
    rank_source: Literal["computed", "published"] = "computed"
    announced: datetime.date | None = None
    source_url: str | None = None
    # The original documents: the name each is published under → its Document.
    documents: dict = field(default_factory=dict, hash=False, compare=False)
    comparable_with_previous: bool = True
    coverage: str | None = None
    partial_blocs: tuple[str, ...] | None = None  # None: all blocs when coverage is set
    # A recast bloc ranks the units of a later year (DTI 2024 on the 34 provinces of 2025).
    units_as_of: dict = field(default_factory=dict, hash=False, compare=False)  # bloc id → year
    names: Translations = _translations()
    coverages: Translations = _translations()
    decisions: Translations = _translations()
    criteria: tuple[Criterion, ...] = ()
    tiers: tuple[Tier, ...] = ()
    publisher: str | None = None  # who announced the edition; the loader sets the series' if not given
    publishers: Translations = _translations()
    references: tuple[Reference, ...] = ()

    def criteria_for(self, bloc: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.applies_to(bloc))

    def tiers_for(self, bloc: str) -> tuple[Tier, ...]:
        return tuple(t for t in self.tiers if t.applies_to(bloc))

    def units_year(self, bloc: str, year: int) -> int:
        """The year whose units the bloc ranks."""
        return self.units_as_of.get(bloc, year)

    def partial(self, bloc: str) -> bool:
        """Whether the bloc's published table is incomplete."""
        if self.partial_blocs is not None:
            return bloc in self.partial_blocs
        return self.coverage is not None

    def references_beside(self, bloc: str) -> tuple[Reference, ...]:
        """Every reference shown beside a bloc's table."""
        return tuple(r for r in self.references if r.applies_to(bloc))

    def references_for(self, bloc: str, criterion: str | None = None) -> tuple[Reference, ...]:
        """The references shown beside a bloc: on the score's scale, or of one criterion."""
        return tuple(r for r in self.references if r.applies_to(bloc) and r.criterion == criterion)

    def children(self, criterion_id: str) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.parent == criterion_id)


@dataclass
class Result:
    """One unit in one edition, with what was published and what was computed."""

    agency: str
    bloc: str
    row: int  # row in results.csv, for messages
    status: Literal["rated", "not-rated"] = "rated"
    note: str | None = None
    notes: Translations = field(default_factory=dict)
    source: str | None = None
    score: Decimal | None = None
    rank: int | None = None
    tier: str | None = None
    criteria: dict[str, Decimal | None] = field(default_factory=dict)
    criteria_rank: dict[str, int | None] = field(default_factory=dict)
    rank_change: int | None = None  # positive: moved up since the previous edition
    previous_rank: int | None = None

    @property
    def rated(self) -> bool:
        return self.status == "rated"


@dataclass
class Edition:
    year: int
    methodology: Methodology
    results: list[Result]
    results_file: str  # as shown in messages
    folder: str  # absolute path of the edition folder
    previous: int | None = None  # year of the previous edition in the series
    series: str = ""  # the series' id in a portal of several; "" in a one-series folder

    def bloc_results(self, bloc: str) -> list[Result]:
        return [r for r in self.results if r.bloc == bloc]


@dataclass
class Dataset:
    """One series: its blocs and editions, with the registry it shares with the portal's others."""

    series: Series
    agencies: dict[str, Agency]
    editions: dict[int, Edition]  # ascending by year
    id: str = ""  # "" for a one-series folder, whose pages stand at the site's root

    @property
    def latest(self) -> Edition | None:
        return self.editions[max(self.editions)] if self.editions else None


@dataclass
class Portal:
    """What a data folder holds: one series (data format version 1) or several (version 2)."""

    title: str
    publisher: str
    agencies: dict[str, Agency]
    series: dict[str, Dataset]  # by id, in display order; {"": …} for a one-series folder
    titles: Translations = field(default_factory=dict)
    publishers: Translations = field(default_factory=dict)
    license: str | None = None
    warnings: list = field(default_factory=list)

    @property
    def several(self) -> bool:
        return "" not in self.series

    @property
    def only(self) -> Dataset | None:
        """The series of a one-series folder."""
        return self.series.get("")

    def editions(self) -> list[Edition]:
        """Every edition of every series, newest first, series in display order."""
        return sorted((e for d in self.series.values() for e in d.editions.values()), key=lambda e: -e.year)
