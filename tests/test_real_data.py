"""The embedded record in data/: it builds, and every figure it shows names its source."""

from __future__ import annotations

import pytest

from conftest import ROOT, html
from rankings.data.loader import load

pytestmark = pytest.mark.slow  # the whole record, cold


@pytest.fixture(scope="module")
def real(real_site):
    return load(ROOT / "data"), real_site


def figures(result) -> bool:
    return (result.score is not None or result.rank is not None
            or any(v is not None for v in result.criteria.values())
            or any(v is not None for v in result.criteria_rank.values()))


def test_every_edition_from_2008_to_2019_is_there(real):
    dataset, _ = real
    assert sorted(dataset.editions) == list(range(2008, 2020))


def test_the_2019_ministries_table_is_complete_and_ranked(real):
    dataset, _ = real
    bo = [r for r in dataset.editions[2019].results if r.bloc == "bo"]
    assert len(bo) == 17 and sorted(r.rank for r in bo) == list(range(1, 18))
    assert not dataset.editions[2019].methodology.partial("bo")


def test_every_figure_traces_to_a_source_url_shown_on_its_page(real):
    dataset, site = real
    for year, edition in dataset.editions.items():
        for result in filter(figures, edition.results):
            url = result.source or edition.methodology.source_url
            assert url and url.startswith(("http://", "https://")), (year, result.agency)
            page = html(site, f"{year}/{result.bloc}/")
            row = page.select_one(f"tr#{result.agency}")
            shown = {a["href"] for a in row.select("a.source")} | {
                a["href"] for a in page.select(".facts-line a[rel~=external]")}
            assert url in shown, (year, result.agency)


def test_incomplete_editions_say_so(real):
    dataset, site = real
    for year, edition in dataset.editions.items():
        if edition.methodology.coverage:
            assert edition.methodology.coverage in html(site, f"{year}/").get_text(" ")


def test_merged_provinces_point_to_their_2025_successor(real):
    dataset, site = real
    assert dataset.agencies["quang-nam"].successor == "da-nang-2025"
    assert dataset.agencies["da-nang"].successor == "da-nang-2025"
    assert dataset.agencies["ha-noi"].successor is None
    merged = html(site, "co-quan/da-nang-2025/")
    assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in merged.select(".lineage a")} == {
        "da-nang", "quang-nam"}


def test_each_edition_page_links_its_article_and_back(real):
    _, site = real
    for year in (2011, 2012, 2016, 2018, 2019):
        edition = html(site, f"{year}/")
        link = edition.select_one(f"a[href*='tin-tuc/ket-qua-nam-{year}/']")
        assert link is not None, year
        article = html(site, f"tin-tuc/ket-qua-nam-{year}/")
        assert article.select_one(f".callout a[href$='/{year}/']") is not None, year
