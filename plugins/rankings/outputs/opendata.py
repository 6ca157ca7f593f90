"""The open-data downloads: each edition as CSV and JSON, each bloc's table as CSV, every
series and year in one long table (tat-ca.csv), and a Frictionless datapackage.json
describing the CSV files with their licence. CSV files carry a byte-order mark: a
spreadsheet program set to Vietnamese reads them as UTF-8 only with one."""

from __future__ import annotations

import functools
import io
import json
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pandas as pd

from ..data.columns import COLUMNS, CRITERIA, output_columns
from ..data.model import Dataset, Edition, Portal, Result
from ..data.portal import LICENSES, license_url
from ..site.addresses import Urls
from ..site.views import merged_into
from .spreadsheet import safe_frame

ALWAYS = ("agency", "name", "bloc")  # kept even where a table's every cell would be empty
LONG_COLUMNS = [
    "series",
    "year",
    "bloc",
    "agency",
    "name",
    "province_code",
    "score",
    "rank",
    "out_of",
    "tier",
    "rank_change",
    "criteria",
    "source",
]


def license_of(spdx: str | None) -> dict | None:
    """The licence as a Data Package names it."""
    if spdx is None:
        return None
    return {"name": spdx, "title": LICENSES.get(spdx, (spdx,))[0], "path": license_url(spdx)}


def _ordered(dataset: Dataset, edition: Edition, bloc: str | None = None) -> list[Result]:
    """The results in the order of the bloc tables."""
    return [
        r
        for b in dataset.series.blocs
        if bloc in (None, b.id)
        for r in sorted(edition.bloc_results(b.id), key=lambda r: (r.rank is None, r.rank or 0, r.agency))
    ]


def records(dataset: Dataset, edition: Edition, bloc: str | None = None) -> list[dict]:
    """One record per result, in the order of the bloc tables; None where unknown."""
    criteria = [c.id for c in edition.methodology.criteria]
    out = []
    for r in _ordered(dataset, edition, bloc):
        record = {}
        for column in COLUMNS:
            if column.name == CRITERIA:
                for cid in criteria:
                    record[cid], record[f"{cid}-rank"] = r.criteria.get(cid), r.criteria_rank.get(cid)
            elif column.name == "name":
                record["name"] = dataset.agencies[r.agency].name
            else:
                record[column.name] = getattr(r, column.name)
        out.append(record)
    return out


def _filled(names: list[str], rows: list[dict]) -> list[str]:
    """The columns some row fills (and those every table has)."""
    return [c for c in names if c in ALWAYS or any(row[c] is not None for row in rows)]


def columns(dataset: Dataset, edition: Edition, rows: list[dict] | None = None) -> list[str]:
    """The edition's columns (of `rows`, by default all of its records), leaving out any
    that no row fills."""
    return _filled(
        output_columns([c.id for c in edition.methodology.criteria]),
        records(dataset, edition) if rows is None else rows,
    )


def _plain(value):
    """Decimals as written (0.8220 stays 0.8220), never in exponent form."""
    return format(value, "f") if isinstance(value, Decimal) else value


def _csv(rows: list[dict], names: list[str]) -> bytes:
    frame = safe_frame(
        pd.DataFrame([{k: _plain(v) for k, v in row.items()} for row in rows], columns=names, dtype=object)
    )
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8-sig")


def to_csv(dataset: Dataset, edition: Edition, bloc: str | None = None) -> bytes:
    rows = records(dataset, edition, bloc)
    return _csv(rows, columns(dataset, edition, rows))


def to_json(dataset: Dataset, edition: Edition) -> bytes:
    m = edition.methodology
    rows = records(dataset, edition)
    shown = columns(dataset, edition, rows)
    document = {
        "series": dataset.series.title,
        "publisher": m.publisher,
        "edition": edition.year,
        "methodology": m.name,
        "decision": m.decision,
        "announced": m.announced.isoformat() if m.announced else None,
        "source_url": m.source_url,
        "coverage": m.coverage,
        "score_max": float(m.score_max) if m.score_max is not None else None,
        "references": references(m),
        "results": [
            {k: (float(v) if isinstance(v, Decimal) else v) for k, v in rec.items() if k in shown} for rec in rows
        ],
    }
    if dataset.series.license:
        document["license"] = dataset.series.license
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


def long_records(portal: Portal) -> list[dict]:
    """Every result of every series and year, one row each, with its criteria in one cell
    ("id=value; id-rank=n") so that editions of different criteria share the columns."""
    out = []
    for sid, dataset in portal.series.items():
        for year, edition in dataset.editions.items():
            m = edition.methodology
            rated = Counter(r.bloc for r in edition.results if r.rated)  # "out of" each bloc, counted once
            for r in _ordered(dataset, edition):
                given = [
                    (cid, value)
                    for c in m.criteria
                    for cid, value in ((c.id, r.criteria.get(c.id)), (f"{c.id}-rank", r.criteria_rank.get(c.id)))
                    if value is not None
                ]
                criteria = [f"{cid}={_plain(value)}" for cid, value in given]
                agency = portal.agencies[r.agency]
                out.append(
                    {
                        "series": sid or None,
                        "year": year,
                        "bloc": r.bloc,
                        "agency": r.agency,
                        "name": agency.name,
                        "province_code": agency.province_code,
                        "score": r.score,
                        "rank": r.rank,
                        "out_of": None if m.partial(r.bloc) or r.rank is None else rated[r.bloc],
                        "tier": r.tier,
                        "rank_change": r.rank_change,
                        "criteria": "; ".join(criteria) or None,
                        "source": r.source or m.source_url,
                        "given": dict(given),  # the criteria by id, for a unit's JSON (not a CSV column)
                    }
                )
    return out


def _long_columns(rows: list[dict]) -> list[str]:
    """The long table's columns that some row fills (the series only in a portal of several)."""
    return _filled(LONG_COLUMNS, rows)


def to_long_csv(rows: Callable[[], list[dict]]) -> bytes:
    return _csv(rows(), _long_columns(rows()))


UNIT_SCHEMA = Path(__file__).with_name("unit.schema.json")  # what /co-quan/<id>.json holds


def unit_json(portal: Portal, urls: Urls, agency_id: str, rows: Callable[[], list[dict]]) -> bytes:
    """One unit's record across every series, as data: who it is, what it came from and
    became, and each result (rank, out of N, score, tier, change, criteria, source) with
    the address of the table it stands in. Described by UNIT_SCHEMA."""
    agency = portal.agencies[agency_id]
    document = {
        "id": agency.id,
        "name": agency.name,
        "short_name": agency.short_name,
        "province_code": agency.province_code,
        "since": agency.since,
        "until": agency.until,
        "successor": agency.successor,
        "changed_on": agency.changed_on.isoformat() if agency.changed_on else None,
        "change_basis": agency.change_basis,
        "predecessors": sorted(a.id for a in merged_into(portal.agencies).get(agency.id, [])),
        "page": urls.unit(agency.id),
        "results": [
            {
                "series": row["series"],
                "year": row["year"],
                "bloc": row["bloc"],
                "table": urls.bloc(portal.series[row["series"] or ""].editions[row["year"]], row["bloc"]),
                "rank": row["rank"],
                "out_of": row["out_of"],
                "score": _number(row["score"]),
                "tier": row["tier"],
                "rank_change": row["rank_change"],
                "criteria": {cid: _number(v) for cid, v in row["given"].items()},
                "source": row["source"],
            }
            for row in rows()
            if row["agency"] == agency_id
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


def _number(value):
    return float(value) if isinstance(value, Decimal) else value


def files(portal: Portal, urls: Urls, package: str) -> list[tuple[str, Callable[[], bytes]]]:
    """Every download made from the data, by its address below the site, with the function
    that makes it. An edition without a figure has none."""
    # The long table, made once, when the first file that needs it is written (not by
    # `invoke check`, which asks for the addresses only).
    rows = functools.cache(functools.partial(long_records, portal))
    made = [
        (urls.data_package(), functools.partial(datapackage, portal, urls, package, rows)),
        (urls.all_data(), functools.partial(to_long_csv, rows)),
        (urls.unit_schema(), UNIT_SCHEMA.read_bytes),
    ]
    made += [
        (urls.unit_data(agency), functools.partial(unit_json, portal, urls, agency, rows)) for agency in portal.agencies
    ]
    for dataset in portal.series.values():
        for edition in (e for e in dataset.editions.values() if e.results):
            made += [
                (urls.edition_data(edition, "csv"), functools.partial(to_csv, dataset, edition)),
                (urls.edition_data(edition, "json"), functools.partial(to_json, dataset, edition)),
            ]
            made += [
                (urls.bloc_csv(edition, bloc.id), functools.partial(to_csv, dataset, edition, bloc.id))
                for bloc in dataset.series.blocs
                if edition.bloc_results(bloc.id)
            ]
    return made


def _field(name: str, edition: Edition, dataset: Dataset) -> dict:
    criteria = {c.id: c for c in edition.methodology.criteria}
    field = {"name": name, "type": "string"}
    if name in ("score", *criteria):
        field["type"] = "number"
        field["constraints"] = {"minimum": 0}
    elif name in ("rank", "rank_change") or name.endswith("-rank"):
        field["type"] = "integer"
    if name == "bloc":
        field["constraints"] = {"required": True, "enum": [b.id for b in dataset.series.blocs]}
    elif name == "status":
        field["constraints"] = {"enum": ["rated", "not-rated"]}
    elif name == "agency":
        field["constraints"] = {"required": True}
    elif name == "source":
        field["format"] = "uri"
    if name in criteria:
        field["title"] = criteria[name].name
    return field


def references(m) -> list[dict]:
    """The figures published for the whole edition, each with the blocs it stands beside."""
    return [
        {
            "id": r.id,
            "name": r.name,
            "value": float(r.value),
            "blocs": list(r.blocs) if r.blocs else None,
            "criterion": r.criterion,
            "source_url": r.source_url,
        }
        for r in m.references
    ]


def _relative(address: str, urls: Urls) -> str:
    """A file's path as datapackage.json, beside it in the data folder, gives it."""
    return address.removeprefix(urls.data())


LONG_TYPES = {"year": "integer", "score": "number", "rank": "integer", "out_of": "integer", "rank_change": "integer"}


def _resource(name: str, path: str, title: str, description: str, fields: list[dict], key: list[str]) -> dict:
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "title": title,
        "description": description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8-sig",
        "schema": {"fields": fields, "primaryKey": key},
    }


def datapackage(portal: Portal, urls: Urls, name: str, rows: Callable[[], list[dict]]) -> bytes:
    """A Frictionless Tabular Data Package describing every CSV file of /du-lieu/ (`rows`:
    the long table, as files() makes it)."""
    resources = [
        _resource(
            "tat-ca",
            _relative(urls.all_data(), urls),
            portal.title,
            "Mọi chuỗi, mọi năm trong một bảng dài; cột criteria ghi điểm và thứ hạng từng tiêu chí "
            "dạng «mã=giá trị», cách nhau bởi «; ».",
            [{"name": c, "type": LONG_TYPES.get(c, "string")} for c in _long_columns(rows())],
            ["series", "year", "bloc", "agency"][0 if portal.several else 1 :],
        )
    ]
    for sid, dataset in portal.series.items():
        for year, edition in ((y, e) for y, e in dataset.editions.items() if e.results):
            m = edition.methodology
            # One row per unit, except where a recast bloc ranks it again.
            key = ["agency", "bloc"] if m.units_as_of else ["agency"]
            resource = _resource(
                f"{sid}-{year}" if sid else f"ket-qua-{year}",
                _relative(urls.edition_data(edition, "csv"), urls),
                f"{dataset.series.title} — năm {year}",
                m.decision + (f". {m.coverage}" if m.coverage else ""),
                [_field(c, edition, dataset) for c in columns(dataset, edition)],
                key,
            )
            resource["contributors"] = [{"title": m.publisher, "role": "publisher"}]
            if m.source_url:
                resource["sources"] = [{"title": m.name, "path": m.source_url}]
            if m.references:
                resource["references"] = references(m)
            if dataset.series.license and dataset.series.license != portal.license:
                resource["licenses"] = [license_of(dataset.series.license)]
            resources.append(resource)
    package = {
        "profile": "tabular-data-package",
        "name": name,
        "title": portal.title,
        "contributors": [{"title": portal.publisher, "role": "publisher"}],
        "resources": resources,
    }
    if portal.license:
        package["licenses"] = [license_of(portal.license)]
    return (json.dumps(package, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")
