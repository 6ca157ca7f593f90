"""The open-data downloads: <year>.csv, <year>.json and a Frictionless datapackage.json."""

from __future__ import annotations

import io
import json
from decimal import Decimal

import pandas as pd

from .model import Dataset, Edition

BASE_COLUMNS = ["agency", "name", "bloc", "status", "score", "rank", "tier", "rank_change"]
TAIL_COLUMNS = ["note", "source"]


def columns(edition: Edition) -> list[str]:
    criteria = [c.id for c in edition.methodology.criteria]
    return BASE_COLUMNS + criteria + [f"{c}-rank" for c in criteria] + TAIL_COLUMNS


def records(dataset: Dataset, edition: Edition) -> list[dict]:
    """One record per result, in the order of the bloc tables; None where unknown."""
    out = []
    for bloc in dataset.series.blocs:
        for r in sorted(edition.bloc_results(bloc.id), key=lambda r: (r.rank is None, r.rank or 0, r.agency)):
            record = {
                "agency": r.agency, "name": dataset.agencies[r.agency].name, "bloc": r.bloc,
                "status": r.status, "score": r.score, "rank": r.rank, "tier": r.tier,
                "rank_change": r.rank_change,
            }
            for c in edition.methodology.criteria:
                record[c.id] = r.criteria.get(c.id)
                record[f"{c.id}-rank"] = r.criteria_rank.get(c.id)
            record["note"], record["source"] = r.note, r.source
            out.append(record)
    return out


def _plain(value):
    """Decimals as written (0.8220 stays 0.8220), never in exponent form."""
    return format(value, "f") if isinstance(value, Decimal) else value


def to_csv(dataset: Dataset, edition: Edition) -> bytes:
    frame = pd.DataFrame([{k: _plain(v) for k, v in rec.items()} for rec in records(dataset, edition)],
                         columns=columns(edition), dtype=object)
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
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


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
    return (json.dumps(package, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
