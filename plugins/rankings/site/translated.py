"""The dataset as one language's site shows it: every name the data translates
(`name_en`, `title_en`, … held as `names["en"]`) takes that language's text; the rest
(notes, legal bases, names never translated) stays as published. Pure: the loaded
dataset is not changed."""

from __future__ import annotations

from dataclasses import replace

from ..data.languages import SOURCE
from ..data.model import Agency, Dataset, Edition, Methodology


def translated(dataset: Dataset, lang: str) -> Dataset:
    if lang == SOURCE:
        # Each unit's page names it in the portal's other language too, where the data does.
        return replace(dataset, agencies={key: _with_other_name(a) for key, a in dataset.agencies.items()})

    def name(item) -> str:
        return item.names.get(lang) or item.name

    series = dataset.series
    series = replace(series, title=series.titles.get(lang) or series.title,
                     publisher=series.publishers.get(lang) or series.publisher,
                     blocs=tuple(replace(b, name=name(b)) for b in series.blocs))
    agencies = {key: _agency(a, name(a)) for key, a in dataset.agencies.items()}
    editions = {year: _edition(e, name) for year, e in dataset.editions.items()}
    return replace(dataset, series=series, agencies=agencies, editions=editions)


def _with_other_name(agency: Agency) -> Agency:
    other = next(((text, lang) for lang, text in agency.names.items() if text != agency.name), None)
    return replace(agency, other_name=other) if other else agency


def _agency(agency: Agency, name: str) -> Agency:
    if name == agency.name:
        return agency
    # A translated name replaces the short one too ("Đà Nẵng" is for Vietnamese tables).
    return replace(agency, name=name, short_name=None, other_name=(agency.name, SOURCE))


def _edition(edition: Edition, name) -> Edition:
    m = edition.methodology
    tiers = {t.name: name(t) for t in m.tiers}
    methodology: Methodology = replace(
        m, name=name(m), criteria=tuple(replace(c, name=name(c)) for c in m.criteria),
        tiers=tuple(replace(t, name=name(t)) for t in m.tiers))
    results = [replace(r, tier=tiers.get(r.tier, r.tier)) if r.tier else r for r in edition.results]
    return replace(edition, methodology=methodology, results=results)
