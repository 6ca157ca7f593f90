"""The embedded record in data/: a portal of three series; it builds, every figure it shows
names its source, and the DTI ranks are those published or those the published index gives."""

from __future__ import annotations

import csv
import json
import re
import subprocess

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, html, record_workbook_agrees, text, workbook_agrees
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
    assert list(portal.series) == ["dti", "ung-dung-cntt", "dti-quang-nam"]
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
    assert "Hạng 2/63" in text(page.select_one(".series-standing"))
    assert "Hạng 17/34" in text(page.select_one(".lineage .standings"))  # the successor's, said once
    successor = html(site, "co-quan/da-nang-2025/")
    assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in successor.select(".lineage p")[0].select("a")} == {
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
    books = sorted(b for b in site.rglob("*.xlsx") if "du-lieu" not in b.parts)
    assert len(books) >= 50
    for path in books:
        workbook_agrees(site, path)
    assert record_workbook_agrees(site, site / "du-lieu" / "tat-ca.xlsx") == len(books) // 2  # each bloc, once
    assert record_workbook_agrees(site, site / "en" / "du-lieu" / "tat-ca.xlsx") == len(books) // 2


def every_page(site):
    for path in sorted(site.rglob("*.html")):
        yield path.relative_to(site).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_citation_of_the_record_names_the_editions_own_publisher(real):
    """DTI 2024 was announced by the Ministry of Science and Technology, which the Ministry
    of Information and Communications merged into on 1/3/2025; the editions before by the latter."""
    portal, site = real
    publishers = {
        (sid, year): e.methodology.publisher for sid, d in portal.series.items() for year, e in d.editions.items()
    }
    assert publishers[("dti", 2024)] == "Bộ Khoa học và Công nghệ"
    assert {publishers[("dti", y)] for y in range(2020, 2024)} == {"Bộ Thông tin và Truyền thông"}
    checked = 0
    for sid, dataset in portal.series.items():
        for year, edition in dataset.editions.items():
            for bloc in {r.bloc for r in edition.results}:
                for prefix, publisher in (
                    ("", edition.methodology.publisher),
                    ("en/", edition.methodology.publishers.get("en")),
                ):
                    page = html(site, prefix + URLS.bloc(edition, bloc))
                    cite = text(page.select_one("#trich-dan"))
                    assert cite.startswith(f"{publisher}. "), (sid, year, bloc, cite)
                    assert "Chưa xác định" not in cite and "Not known" not in cite  # caveats never inside
                    assert publisher in text(page.select_one("footer"))
                    checked += 1
    assert checked >= 60
    assert "Bộ Khoa học và Công nghệ" in words(site / "dti" / "2024" / "tinh.pdf")
    package = json.loads((site / "du-lieu" / "datapackage.json").read_text("utf-8"))
    resource = next(r for r in package["resources"] if r["name"] == "dti-2024")
    assert resource["contributors"] == [{"title": "Bộ Khoa học và Công nghệ", "role": "publisher"}]


def words(pdf) -> str:
    return " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split()
    )


LINEAGE = {
    "co-quan/quang-nam/": "Từ 01/07/2025, Thành phố Đà Nẵng và Tỉnh Quảng Nam hợp nhất thành Thành phố Đà Nẵng (từ 2025). "
    "Căn cứ: Nghị quyết số 202/2025/QH15 ngày 12/6/2025 của Quốc hội.",
    "co-quan/hue/": "Từ 01/01/2025, Tỉnh Thừa Thiên Huế trở thành Thành phố Huế. "
    "Căn cứ: Nghị quyết số 175/2024/QH15 ngày 30/11/2024 của Quốc hội.",
    "en/co-quan/quang-nam/": "From 1 July 2025, Da Nang City and Quang Nam Province merged to form Da Nang City "
    "(from 2025). Legal basis: Resolution 202/2025/QH15 of the National Assembly, 12 June 2025.",
    "en/co-quan/hue/": "From 1 January 2025, Thua Thien Hue Province became Hue City. "
    "Legal basis: Resolution 175/2024/QH15 of the National Assembly, 30 November 2024.",
}
SAME = {
    "co-quan/quang-nam/": ["co-quan/da-nang/", "co-quan/da-nang-2025/"],
    "co-quan/hue/": ["co-quan/thua-thien-hue/"],
}


@pytest.mark.parametrize("path", LINEAGE)
def test_a_merger_or_rename_is_said_once_dated_with_its_basis_on_every_page_it_concerns(real, path):
    _, site = real
    english = path.startswith("en/")
    for page_path in [path] + [("en/" if english else "") + p for p in SAME[path.removeprefix("en/")]]:
        lineage = html(site, page_path).select_one(".lineage")
        said = [" ".join(p.get_text().split()) for p in lineage.select("p")]
        assert said[0] == LINEAGE[path], page_path
        assert sum(LINEAGE[path] in s for s in said) == 1
    if "quang-nam" in path:  # the recast figure's arithmetic, from the data, beside the standings it comes from
        page = html(site, path)
        mean = " ".join(page.select(".lineage p")[1].get_text().split())
        assert mean == (
            "In the 2024 table of Provinces after the merger (34 units from 1 July 2025), the score 0.7069 of "
            "Da Nang City (from 2025) is the mean of 0.8335 (Da Nang City) and 0.5803 (Quang Nam Province)."
            if english
            else "Trong bảng Tỉnh, thành phố sau sắp xếp (34 đơn vị từ 1/7/2025) năm 2024, điểm 0,7069 của Đà Nẵng "
            "(từ 2025) là trung bình của 0,8335 (Đà Nẵng) và 0,5803 (Quảng Nam)."
        )
        standings = [text(li) for li in page.select(".lineage .standings li")]
        assert len(standings) == 3 and ("2/63" in standings[0] or "2 of 63" in standings[0])
        assert "57/63" in standings[1] or "57 of 63" in standings[1]


def test_no_page_calls_one_edition_both_complete_and_incomplete(real):
    portal, site = real
    for path, page in every_page(site):
        for notice in page.select("aside.notice"):
            said = text(notice)
            complete = re.findall(r"Bảng đầy đủ: ([^.]*)\.", said)
            lacking = re.findall(r"(?:Bảng chưa đầy đủ|Chưa có số liệu trong các nguồn đã thu thập): ([^.]*)\.", said)
            assert not {b for x in complete for b in x.split("; ")} & {b for x in lacking for b in x.split("; ")}, path
        assert "Cả hai bảng đầy đủ" not in page.get_text(), path
    home = html(site, "")
    dti = home.select("ul.edition-list")[0]
    listed = {text(li.a): text(li.select_one(".muted")) if li.select_one(".muted") else "" for li in dti.select("li")}
    assert listed["2024"] == "2 khối chưa có số liệu"  # the ministries' DTI 2024 was not announced
    assert listed["2023"] == "2 bảng chưa đầy đủ"


@pytest.mark.parametrize(
    "year,figures",
    [(2023, ["DTI quốc gia: 0,7326", "cấp tỉnh: 0,6783"]), (2024, ["DTI quốc gia: 0,7955", "cấp tỉnh: 0,6961"])],
)
def test_the_national_and_average_dti_stand_beside_the_tables_with_their_sources(real, year, figures):
    portal, site = real
    edition = portal.series["dti"].editions[year]
    for path in (URLS.edition(edition), URLS.bloc(edition, "tinh")):
        box = html(site, path).select_one(".references")
        assert all(f in text(box) for f in figures), path
        assert {a["href"] for a in box.select("a")} <= {r.source_url for r in edition.methodology.references}
        assert len(box.select("a[href^='https://']")) == len(box.select("li"))
    chart = html(site, URLS.bloc(edition, "tinh")).select_one("figure.chart")
    assert figures[0].replace("DTI quốc gia: ", "") in text(chart)  # the reference line, said in the caption
    english = text(html(site, "en/" + URLS.edition(edition)).select_one(".references"))
    assert "National DTI: " + figures[0].rsplit(" ", 1)[1].replace(",", ".") in english
    data = json.loads((site / URLS.edition_data(edition, "json")).read_text("utf-8"))
    assert {r["id"]: r["value"] for r in data["references"]}["quoc-gia"] == float(
        figures[0].rsplit(" ", 1)[1].replace(",", ".")
    )


def test_quang_nams_own_ranking_of_its_departments_and_districts(real):
    portal, site = real
    dataset = portal.series["dti-quang-nam"]
    edition = dataset.editions[2023]
    for bloc, size, first, last in (("so-ban-nganh", 20, "95,26", "90,33"), ("cap-huyen", 18, "93,16", "85,42")):
        page = html(site, URLS.bloc(edition, bloc))
        rows = page.select("table.ranking tbody tr")
        assert len(rows) == size and text(rows[0].th).startswith(("Sở NN&PTNT", "Quế Sơn"))
        scores = [text(td) for tr in rows for td in tr.select("td.num") if "," in text(td)]
        assert scores == [first, last]  # printed for the first and the last only; nothing filled in
        assert "Hạng 3/" + str(size) in text(html(site, URLS.unit(rows[2]["id"])))
        for suffix in (".csv", ".xlsx", ".pdf"):
            assert (site / (URLS.bloc(edition, bloc).rstrip("/") + suffix)).is_file()
    tiers = [text(li) for li in html(site, URLS.edition(edition)).select("section[aria-labelledby='bloc-cap-huyen']")]
    assert "Nguồn không nêu mức 15" in " ".join(tiers) and "Khá 3" in " ".join(tiers)
    own = html(site, "co-quan/quang-nam/").select_one(".own-ranking a")
    assert (
        own["href"].endswith(URLS.series("dti-quang-nam"))
        and edition.methodology.publisher == "Ủy ban nhân dân tỉnh Quảng Nam"
    )
    assert "Quang Nam Province's own ranking" in text(html(site, "en/co-quan/quang-nam/").select_one(".own-ranking"))


def test_every_2025_province_has_its_official_name_and_one_form_in_tables(real):
    portal, site = real
    # GSO's list of the 34 (document 915/CTK-CSCL), as transcribed with its source in its first lines
    with (ROOT / "tests" / "fixtures" / "provinces_34_2025_codes.csv").open(encoding="utf-8") as f:
        official = {
            row["ma_so"]: row["ten_34_tinh_sau_sap_nhap"]
            for row in csv.DictReader(line for line in f if not line.startswith("#"))
        }
    units = [r.agency for r in portal.series["dti"].editions[2024].results if r.bloc == "tinh-34"]
    assert len(units) == 34
    for unit in units:
        agency = portal.agencies[unit]
        assert agency.name in (official[agency.province_code], "Tỉnh " + official[agency.province_code]), agency
    page = html(site, "dti/2024/tinh-34/")
    names = [text(a) for a in page.select("table.ranking tbody th a:first-child")]
    assert "Huế" in names and "Thừa Thiên Huế" not in names
    assert not [n for n in names if "từ 2025" in n] and names.count("TP. Hồ Chí Minh") == 1
    listed = text(html(site, "co-quan/").select_one("main"))
    assert "Đà Nẵng (từ 2025)" in listed  # where both periods are listed, the later one says so
