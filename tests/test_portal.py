"""Data format version 2: a portal of several series, written from docs/data-format.md
alone (tests/fixtures/portal), builds with the addresses of docs/site-contract.md; its
new rules are each reported with file, row and column."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import frictionless
import pytest

from conftest import ROOT, html, problems_of, text
from rankings.pipeline import load

FOLDER = ROOT / "tests" / "fixtures" / "portal"


def results(year_series: str) -> dict:
    series, year = year_series.split("/")
    return {(r.agency, r.bloc): r for r in load(FOLDER).series[series].editions[int(year)].results}


def test_ranks_ties_and_changes_stay_within_a_series():
    dti = results("dti/2024")
    assert [
        (dti[k].rank, dti[k].rank_change) for k in [("da-nang", "tinh"), ("ha-noi", "tinh"), ("quang-nam", "tinh")]
    ] == [(1, 1), (2, -1), (3, 0)]
    assert dti[("ha-noi", "tinh-34")].rank == dti[("da-nang-2025", "tinh-34")].rank == 1  # a tie
    assert dti[("ha-noi", "tinh-34")].rank_change is None  # a recast bloc has no previous edition
    assert all(r.rank_change is None for r in results("dti/2023").values())  # never across two series
    assert results("ung-dung/2019")[("ha-noi", "tinh")].rank_change == 1


def test_the_contract_addresses_of_a_portal(portal):
    for path in [
        "index.html",
        "ung-dung/index.html",
        "dti/index.html",
        "dti/2024/index.html",
        "dti/2024/tinh-34/index.html",
        "dti/2024/tinh-34.pdf",
        "dti/2024/phuong-phap/index.html",
        "co-quan/ha-noi/index.html",
        "co-quan/ha-noi.pdf",
        "du-lieu/dti/2024.csv",
        "du-lieu/dti/2024.json",
        "du-lieu/ung-dung/2018.csv",
        "du-lieu/tat-ca.csv",
        "du-lieu/datapackage.json",
        "en/dti/2024/tinh-34/index.html",
        "en/co-quan/ha-noi/index.html",
    ]:
        assert (portal / path).is_file(), path
    assert not (portal / "2024").exists() and not (portal / "du-lieu" / "2024.csv").exists()


def test_a_unit_page_has_a_section_per_series_and_each_edition(portal):
    page = html(portal, "co-quan/ha-noi/")
    assert [s["id"] for s in page.select("section.series-entry")] == ["dti", "ung-dung"]  # the latest first
    ids = [s["id"] for s in page.select("section.edition-entry")]
    assert ids == ["dti-2024", "dti-2024-tinh-34", "dti-2023", "ung-dung-2019", "ung-dung-2018"]
    standing = text(page.select_one(".series-standing"))
    assert "DTI 2024" in standing and "Hạng 2/3" in standing and "Hạng 1/2" in standing
    assert "Ứng dụng CNTT 2019" in standing
    # one trend per series, never one line across two
    assert [f["id"] for f in page.select("figure.chart")][:1] == ["bieu-do-dti-thu-hang-qua-cac-nam"]


def test_lineage_both_ways_and_the_successors_recast_result(portal):
    absorbed = html(portal, "co-quan/da-nang/")
    assert "Thành phố Đà Nẵng (từ 2025)" in text(absorbed.select_one(".lineage"))
    assert "Hạng 1/2" in text(absorbed.select_one(".lineage .standings"))
    merged = html(portal, "co-quan/da-nang-2025/")
    assert text(merged.select_one("h1")) == "Thành phố Đà Nẵng (từ 2025)"
    said = merged.select_one(".lineage p")
    assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in said.select("a")} == {"da-nang", "quang-nam"}
    absorbed_said = html(portal, "co-quan/quang-nam/").select_one(".lineage p")
    assert said.get_text() == absorbed_said.get_text()  # said once, one way


def test_the_portal_home_shows_the_latest_edition_of_each_series(portal):
    home = html(portal, "")
    assert [text(h) for h in home.select("section.series-latest h2")] == [
        "Mức độ ứng dụng CNTT",
        "Chỉ số chuyển đổi số (DTI)",
    ]
    assert home.select_one("a[href$='dti/2024/tinh-34/']")


def test_open_data_bom_bloc_rows_long_table_and_licence(portal):
    raw = (portal / "dti" / "2024" / "tinh-34.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["bloc"] for r in rows} == {"tinh-34"} and len(rows) == 2
    edition = list(csv.DictReader(io.StringIO((portal / "du-lieu" / "dti" / "2023.csv").read_text("utf-8-sig"))))
    assert "tier" not in edition[0] and "note" not in edition[0]  # no column empty for every row
    long = list(csv.DictReader(io.StringIO((portal / "du-lieu" / "tat-ca.csv").read_text("utf-8-sig"))))
    assert list(long[0]) == [
        "series",
        "year",
        "bloc",
        "agency",
        "name",
        "province_code",
        "score",
        "rank",
        "out_of",
        "rank_change",
        "criteria",
        "source",
    ]
    assert len(long) == 4 + 5 + 3 + 5
    hanoi = next(
        r for r in long if (r["series"], r["year"], r["bloc"], r["agency"]) == ("dti", "2024", "tinh-34", "ha-noi")
    )
    assert (hanoi["rank"], hanoi["out_of"], hanoi["criteria"]) == (
        "1",
        "2",
        "chinh-quyen-so=0.8000; chinh-quyen-so-rank=1",
    )
    package = json.loads((portal / "du-lieu" / "datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert frictionless.validate(str(portal / "du-lieu" / "datapackage.json")).valid
    assert "CC-BY-4.0" in text(html(portal, "du-lieu/").select_one(".license"))


def test_english_text_where_given_vietnamese_marked_where_not(portal):
    page = html(portal, "en/dti/2024/tinh-34/")
    note = page.select_one("tr#da-nang-2025 td.note")
    assert "Mean of Đà Nẵng and Quảng Nam" in text(note) and not note.select("[lang=vi]")
    assert "Decision No. 2024/QĐ-MẪU" in text(html(portal, "en/dti/2024/phuong-phap/"))
    untranslated = html(portal, "en/ung-dung/2019/bo/").select_one("tr#bo-tai-chinh td.note span[lang=vi]")
    assert text(untranslated) == "Ghi chú chỉ bằng tiếng Việt"


@pytest.fixture
def copy(tmp_path) -> Path:
    return Path(shutil.copytree(FOLDER, tmp_path / "portal"))


def messages(folder: Path) -> list[str]:
    return [str(p) for p in problems_of(folder)]


def test_a_series_that_is_not_a_folder_or_takes_a_site_address(copy):
    toml = copy / "portal.toml"
    toml.write_text(
        toml.read_text().replace(
            'series = ["ung-dung", "dti"]', 'series = ["ung-dung", "dti", "chi-so", "co-quan", "dti"]'
        )
    )
    found = messages(copy)
    assert any("portal.toml, dòng 8, cột «series»: không có thư mục chi-so/" in m for m in found), found
    assert not any("chi-so/" in m.split(":")[0] for m in found), found  # reported once, not again by its files
    assert any("«co-quan» trùng với một địa chỉ của cổng" in m for m in found), found
    assert any("«dti» bị lặp lại" in m for m in found), found


def test_a_folder_with_both_series_and_portal(copy):
    shutil.copy(copy / "dti" / "series.toml", copy / "series.toml")
    (problem,) = problems_of(copy)
    assert problem.file == "portal/portal.toml" and "cả series.toml" in problem.message


def test_units_as_of_an_unknown_bloc_or_an_earlier_year(copy):
    m = copy / "dti" / "2024" / "methodology.toml"
    m.write_text(m.read_text().replace("tinh-34 = 2025", "tinh-34 = 2023\ntinh-99 = 2025"))
    found = messages(copy)
    assert any(
        "dti/2024/methodology.toml, dòng 12, cột «tinh-34»: năm 2023 trước năm của kỳ đánh giá" in m for m in found
    ), found
    assert any("dòng 13, cột «tinh-99»: khối «tinh-99» không có trong series.toml" in m for m in found), found


def test_without_units_as_of_a_2025_unit_is_refused_and_a_second_row_too(copy):
    m = copy / "dti" / "2024" / "methodology.toml"
    m.write_text(m.read_text().replace("[units_as_of]\ntinh-34 = 2025\n", ""))
    found = messages(copy)
    assert any(
        "dti/2024/results.csv, dòng 6, cột «agency»: «da-nang-2025» (Thành phố Đà Nẵng) chỉ tồn tại trong các "
        "năm 2025–…, không có năm 2024" in m
        for m in found
    ), found
    assert any("dòng 5, cột «agency»" in m and "ha-noi" in m for m in found), found  # Hà Nội twice


def test_a_registry_inside_a_series_folder(copy):
    shutil.copy(copy / "agencies.csv", copy / "dti" / "agencies.csv")
    (problem,) = problems_of(copy)
    assert problem.file == "portal/dti/agencies.csv" and "dùng chung một agencies.csv" in problem.message
