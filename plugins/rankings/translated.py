"""The dataset as another language's site shows it: every name that has a translation
in the data (`name_en`, `title_en`, …) takes it; the rest (notes, legal bases, names
never translated) stays as published. Pure: the loaded dataset is not changed."""

from __future__ import annotations

from dataclasses import replace

from .model import Agency, Dataset, Edition, Methodology

SOURCE = "vi"  # the language the data is published in


def translated(dataset: Dataset, lang: str) -> Dataset:
    if lang == SOURCE:
        return dataset
    suffix = f"_{lang}"

    def name(item, field="name"):
        return getattr(item, field + suffix, None) or getattr(item, field)

    series = dataset.series
    series = replace(series, title=name(series, "title"), publisher=name(series, "publisher"),
                     blocs=tuple(replace(b, name=name(b)) for b in series.blocs))
    agencies = {key: _agency(a, name(a)) for key, a in dataset.agencies.items()}
    editions = {year: _edition(e, name) for year, e in dataset.editions.items()}
    return replace(dataset, series=series, agencies=agencies, editions=editions)


def _agency(agency: Agency, name: str) -> Agency:
    if name == agency.name:
        return agency
    # A translated name replaces the short one too ("Đà Nẵng" is for Vietnamese tables).
    return replace(agency, name=name, short_name=None, name_vi=agency.name)


def _edition(edition: Edition, name) -> Edition:
    m = edition.methodology
    tiers = {t.name: name(t) for t in m.tiers}
    methodology: Methodology = replace(
        m, name=name(m), criteria=tuple(replace(c, name=name(c)) for c in m.criteria),
        tiers=tuple(replace(t, name=name(t)) for t in m.tiers))
    results = [replace(r, tier=tiers.get(r.tier, r.tier)) if r.tier else r for r in edition.results]
    return replace(edition, methodology=methodology, results=results)
