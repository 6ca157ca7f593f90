"""The open-data downloads: <year>.csv, <year>.json and a Frictionless datapackage.json."""

from __future__ import annotations

import functools
import io
import json
from collections.abc import Callable
from decimal import Decimal

import pandas as pd

from ..data.columns import COLUMNS, CRITERIA, output_columns
from ..data.model import Dataset, Edition
from .spreadsheet import safe_frame


def columns(edition: Edition) -> list[str]:
    return output_columns([c.id for c in edition.methodology.criteria])


def records(dataset: Dataset, edition: Edition) -> list[dict]:
    """One record per result, in the order of the bloc tables; None where unknown."""
    criteria = [c.id for c in edition.methodology.criteria]
    out = []
    for bloc in dataset.series.blocs:
        for r in sorted(edition.bloc_results(bloc.id), key=lambda r: (r.rank is None, r.rank or 0, r.agency)):
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


def _plain(value):
    """Decimals as written (0.8220 stays 0.8220), never in exponent form."""
    return format(value, "f") if isinstance(value, Decimal) else value


def to_csv(dataset: Dataset, edition: Edition) -> bytes:
    frame = safe_frame(pd.DataFrame([{k: _plain(v) for k, v in rec.items()} for rec in records(dataset, edition)],
                                    columns=columns(edition), dtype=object))
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def to_json(dataset: Dataset, edition: Edition) -> bytes:
    m = edition.methodology
    document = {
        "series": dataset.series.title,
        "publisher": dataset.series.publisher,
        "edition": edition.year,
        "methodology": m.name,
        "decision": m.decision,
        "announced": m.announced.isoformat() if m.announced else None,
        "source_url": m.source_url,
        "coverage": m.coverage,
        "score_max": float(m.score_max) if m.score_max is not None else None,
        "results": [{k: (float(v) if isinstance(v, Decimal) else v) for k, v in rec.items()}
                    for rec in records(dataset, edition)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")


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
        field["constraints"] = {"required": True, "unique": True}
    elif name == "source":
        field["format"] = "uri"
    if name in criteria:
        field["title"] = criteria[name].name
    return field


def files(dataset: Dataset, package: str) -> list[tuple[str, Callable[[], bytes]]]:
    """The downloads of /du-lieu/, each with the function that makes it."""
    made = [("datapackage.json", functools.partial(datapackage, dataset, package))]
    for edition in dataset.editions.values():
        made += [(f"{edition.year}.csv", functools.partial(to_csv, dataset, edition)),
                 (f"{edition.year}.json", functools.partial(to_json, dataset, edition))]
    return made


def datapackage(dataset: Dataset, name: str) -> bytes:
    """A Frictionless Tabular Data Package describing every <year>.csv."""
    resources = []
    for year, edition in dataset.editions.items():
        m = edition.methodology
        resource = {
            "name": f"ket-qua-{year}",
            "path": f"{year}.csv",
            "profile": "tabular-data-resource",
            "title": f"{dataset.series.title} — năm {year}",
            "description": m.decision + (f". {m.coverage}" if m.coverage else ""),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": [_field(c, edition, dataset) for c in columns(edition)],
                "primaryKey": ["agency"],
            },
        }
        if m.source_url:
            resource["sources"] = [{"title": m.name, "path": m.source_url}]
        resources.append(resource)
    package = {
        "profile": "tabular-data-package",
        "name": name,
        "title": dataset.series.title,
        "contributors": [{"title": dataset.series.publisher, "role": "publisher"}],
        "resources": resources,
    }
    return (json.dumps(package, ensure_ascii=False, indent=1, allow_nan=False) + "\n").encode("utf-8")
