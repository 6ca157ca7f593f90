"""The embedded record in data/: a portal of two series; it builds, every figure it shows
names its source, and the DTI ranks are those published or those the published index gives."""

from __future__ import annotations

import pytest

from conftest import ROOT, html, text, workbook_agrees
from rankings.pipeline import load
from rankings.rules.ranking import competition_ranks
from rankings.site.addresses import Urls

URLS = Urls()

pytestmark = pytest.mark.slow  # the whole record, cold


@pytest.fixture(scope="module")
def real(real_site):
    return load(ROOT / "data"), real_site


def figures(result) -> bool:
    return (
        result.score is not None
        or result.rank is not None
        or any(v is not None for v in result.criteria.values())
        or any(v is not None for v in result.criteria_rank.values())
    )


def test_two_series_every_edition(real):
    portal, _ = real
    assert list(portal.series) == ["dti", "ung-dung-cntt"]
    assert sorted(portal.series["ung-dung-cntt"].editions) == list(range(2008, 2020))
    assert sorted(portal.series["dti"].editions) == list(range(2020, 2025))


def test_the_2019_ministries_table_is_complete_and_ranked(real):
    portal, _ = real
    edition = portal.series["ung-dung-cntt"].editions[2019]
    bo = [r for r in edition.results if r.bloc == "bo"]
    assert len(bo) == 17 and sorted(r.rank for r in bo) == list(range(1, 18))
    assert not edition.methodology.partial("bo")


def test_every_figure_traces_to_a_source_url_shown_on_its_page(real):
    portal, site = real
    pages = {}  # each page parsed once, not once per row
    for dataset in portal.series.values():
        for year, edition in dataset.editions.items():
            for result in filter(figures, edition.results):
                url = result.source or edition.methodology.source_url
                assert url and url.startswith(("http://", "https://")), (year, result.agency)
                address = URLS.bloc(edition, result.bloc)
                if address not in pages:
                    pages[address] = html(site, address)
                page = pages[address]
                row = page.select_one(f"tr#{result.agency}")
                shown = {a["href"] for a in row.select("a.source")} | {
                    a["href"] for a in page.select(".facts-line a[rel~=external], .table-source a")
                }
                assert url in shown, (year, result.agency)


def test_every_edition_page_that_states_a_fact_links_a_source(real):
    portal, site = real
    for dataset in portal.series.values():
        for edition in dataset.editions.values():
            m = edition.methodology
            # a date, a count or a figure (a page that says only that no table is known states none)
            if m.announced or edition.results or any(ch.isdigit() for ch in m.coverage or ""):
                assert m.source_url or any(r.source for r in edition.results), URLS.edition(edition)
                assert html(site, URLS.edition(edition)).select("a[rel~=external]"), URLS.edition(edition)


def test_incomplete_editions_say_so(real):
    portal, site = real
    for dataset in portal.series.values():
        for edition in dataset.editions.values():
            if edition.methodology.coverage:
                assert edition.methodology.coverage in html(site, URLS.edition(edition)).get_text(" ")


def test_dti_2022_ranks_are_the_official_list(real):
    """The ranks as published (dti.gov.vn/xep-hang-2022, in results.csv) are those the
    published index gives: the build would have warned otherwise, and here they agree."""
    portal, _ = real
    rows = {r.agency: r for r in portal.series["dti"].editions[2022].results if r.bloc == "tinh"}
    assert len(rows) == 63 and not portal.warnings
    assert {a: r.rank for a, r in rows.items()} == competition_ranks({a: r.score for a, r in rows.items()})
    # as the press cross-checked them
    assert (rows["da-nang"].rank, rows["ho-chi-minh"].rank, rows["hai-duong"].rank, rows["tra-vinh"].rank) == (
        1,
        2,
        13,
        25,
    )
    assert sorted(r.rank for r in rows.values()).count(15) == 2  # the tie as published


@pytest.mark.parametrize("year", [2023, 2024])
def test_dti_ranks_follow_from_the_published_index(real, year):
    portal, _ = real
    rows = [r for r in portal.series["dti"].editions[year].results if r.bloc == "tinh"]
    assert len(rows) == 63 and all(r.score is not None for r in rows)
    assert {r.agency: r.rank for r in rows} == competition_ranks({r.agency: r.score for r in rows})


def test_dti_2024_twice_da_nang_second_of_63_and_its_successor_17th_of_34(real):
    portal, site = real
    edition = portal.series["dti"].editions[2024]
    assert {(r.agency, r.bloc): r.rank for r in edition.results}[("da-nang", "tinh")] == 2
    assert {(r.agency, r.bloc): r.rank for r in edition.results}[("da-nang-2025", "tinh-34")] == 17
    assert len([r for r in edition.results if r.bloc == "tinh-34"]) == 34
    page = html(site, "co-quan/da-nang/")
    assert {s["id"] for s in page.select("section.series-entry")} == {"dti", "ung-dung-cntt"}
    assert page.select_one("section#dti-2024") and page.select_one("section#ung-dung-cntt-2019")
    standing = text(page.select_one(".series-standing"))
    assert "Hạng 2/63" in standing and "Hạng 17/34" in standing
    successor = html(site, "co-quan/da-nang-2025/")
    assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in successor.select(".lineage a")} == {
        "da-nang",
        "quang-nam",
    }
    assert "(từ 2025)" in text(successor.select_one("h1"))


def test_the_home_page_leads_with_dti_2024(real):
    _, site = real
    first = html(site, "").select_one("section.series-latest")
    assert "2024" in text(first.select_one(".lead")) and first.select_one("a[href$='dti/']")


def test_merged_provinces_point_to_their_2025_successor(real):
    portal, _ = real
    assert portal.agencies["quang-nam"].successor == "da-nang-2025"
    assert portal.agencies["da-nang"].successor == "da-nang-2025"
    assert portal.agencies["ha-noi"].successor is None


def test_every_province_and_ministry_has_an_english_name(real):
    portal, _ = real
    assert all(a.names.get("en") for a in portal.agencies.values())
    assert all(
        e.methodology.coverages.get("en")
        for d in portal.series.values()
        for e in d.editions.values()
        if e.methodology.coverage
    )


def test_each_edition_page_links_its_article_and_back(real):
    _, site = real
    for year in (2011, 2012, 2016, 2018, 2019):
        edition = html(site, f"ung-dung-cntt/{year}/")
        link = edition.select_one(f"a[href*='tin-tuc/ket-qua-nam-{year}/']")
        assert link is not None, year
        article = html(site, f"tin-tuc/ket-qua-nam-{year}/")
        assert article.select_one(f".callout a[href$='/ung-dung-cntt/{year}/']") is not None, year


def test_edition_series_and_data_pages_link_only_what_the_build_wrote(real):
    """An edition without figures offers no download; every link of these pages resolves."""
    portal, site = real
    pages = (
        ["", "du-lieu/"]
        + [URLS.series(d.id) for d in portal.series.values()]
        + [URLS.edition(e) for d in portal.series.values() for e in d.editions.values()]
    )
    for path in pages:
        base = (site / path).resolve()
        for a in html(site, path).select("a[href]"):
            href = a["href"].split("#")[0]
            if not href or "://" in href or href.startswith("mailto:"):
                continue
            target = (base / href).resolve()
            assert target.is_file() or (target / "index.html").is_file(), (path, a["href"])
    assert not html(site, "ung-dung-cntt/2008/").select("a[href*='du-lieu/ung-dung-cntt/2008']")


def test_da_nangs_record_as_data_holds_its_dti_2024_and_2019_results(real):
    import json

    import jsonschema

    _, site = real
    schema = json.loads((site / "du-lieu" / "co-quan.schema.json").read_text(encoding="utf-8"))
    record = json.loads((site / "co-quan" / "da-nang.json").read_text(encoding="utf-8"))
    jsonschema.validate(record, schema)
    found = {(r["series"], r["year"]): r for r in record["results"]}
    dti = found["dti", 2024]
    assert (dti["rank"], dti["out_of"], dti["score"], dti["table"]) == (2, 63, 0.8335, "dti/2024/tinh/")
    assert found["ung-dung-cntt", 2019]["rank"] == 2
    assert record["successor"] == "da-nang-2025"
    joined = json.loads((site / "co-quan" / "da-nang-2025.json").read_text(encoding="utf-8"))
    assert joined["predecessors"] == ["da-nang", "quang-nam"]


def test_every_bloc_table_of_the_record_is_a_spreadsheet_that_agrees_with_its_csv(real):
    _, site = real
    books = sorted(site.rglob("*.xlsx"))
    assert len(books) >= 50
    for path in books:
        workbook_agrees(site, path)
