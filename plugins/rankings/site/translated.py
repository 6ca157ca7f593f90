"""The dataset as one language's site shows it: every name the data translates
(`name_en`, `title_en`, … held as `names["en"]`) takes that language's text; the rest
(notes, legal bases, names never translated) stays as published. Pure: the loaded
dataset is not changed."""

from __future__ import annotations

from dataclasses import replace

from ..data.languages import SOURCE
from ..data.model import Agency, Dataset, Edition, Methodology, Portal


class Translation(str):
    """Text the data gives in the site's language (`note_en`): not marked as Vietnamese."""


def marked_lang(text: str, lang: str) -> str | None:
    """The language a `lang` page marks text in: Vietnamese for text the data gives only
    as published (a note, a legal basis), none for text in the page's own language."""
    return SOURCE if lang != SOURCE and not isinstance(text, Translation) else None


def _given(texts: dict[str, str], lang: str, published: str | None) -> str | None:
    return Translation(texts[lang]) if lang in texts else published


def translated(portal: Portal, lang: str) -> Portal:
    if lang == SOURCE:
        # Each unit's page names it in the portal's other language too, where the data does.
        agencies = {key: _with_other_name(a) for key, a in portal.agencies.items()}
        return replace(
            portal, agencies=agencies, series={sid: replace(d, agencies=agencies) for sid, d in portal.series.items()}
        )

    def name(item) -> str:
        return item.names.get(lang) or item.name

    agencies = {key: _agency(a, name(a), lang) for key, a in portal.agencies.items()}

    def dataset(d: Dataset) -> Dataset:
        series = replace(
            d.series,
            title=d.series.titles.get(lang) or d.series.title,
            short_title=d.series.short_titles.get(lang) or d.series.short_title,
            publisher=d.series.publishers.get(lang) or d.series.publisher,
            blocs=tuple(replace(b, name=name(b)) for b in d.series.blocs),
        )
        editions = {year: _edition(e, name, lang) for year, e in d.editions.items()}
        return replace(d, series=series, agencies=agencies, editions=editions)

    return replace(
        portal,
        title=portal.titles.get(lang) or portal.title,
        publisher=portal.publishers.get(lang) or portal.publisher,
        agencies=agencies,
        series={sid: dataset(d) for sid, d in portal.series.items()},
    )


def _with_other_name(agency: Agency) -> Agency:
    other = next(((text, lang) for lang, text in agency.names.items() if text != agency.name), None)
    return replace(agency, other_name=other) if other else agency


def _agency(agency: Agency, name: str, lang: str) -> Agency:
    if agency.change_basis:  # the legal basis of a merger or rename, translated where the data does
        agency = replace(agency, change_basis=_given(agency.change_bases, lang, agency.change_basis))
    if name == agency.name:
        return agency
    # A translated name replaces the short one too ("Đà Nẵng" is for Vietnamese tables).
    return replace(agency, name=name, short_name=None, other_name=(agency.name, SOURCE))


def _edition(edition: Edition, name, lang: str) -> Edition:
    m = edition.methodology
    tiers = {t.name: name(t) for t in m.tiers}
    # Published explanations take their translation where the data gives one; the rest
    # stays Vietnamese, and the templates mark it so (the `published` filter).
    methodology: Methodology = replace(
        m,
        name=name(m),
        criteria=tuple(replace(c, name=name(c)) for c in m.criteria),
        tiers=tuple(replace(t, name=name(t)) for t in m.tiers),
        coverage=_given(m.coverages, lang, m.coverage),
        decision=_given(m.decisions, lang, m.decision),
        publisher=m.publishers.get(lang) or m.publisher,
        references=tuple(replace(r, name=name(r)) for r in m.references),
    )
    results = [
        replace(r, tier=tiers.get(r.tier, r.tier) if r.tier else None, note=_given(r.notes, lang, r.note))
        if r.tier or r.notes
        else r
        for r in edition.results
    ]
    return replace(edition, methodology=methodology, results=results)
