"""`invoke new-edition`: the next edition laid out from the latest, refused while a field
is left to fill, and built once a data officer has filled it in a spreadsheet."""

from __future__ import annotations

import re
import subprocess
import sys

import openpyxl
import pytest

from conftest import ROOT, build, html, problems_of, text
from rankings.data.new_edition import EditionError, lay_out
from rankings.pipeline import load


def new(data, year=2022, series=None):
    return lay_out(load(data), data, year, series)


def test_the_edition_is_laid_out_and_refused_until_filled(data):
    result = subprocess.run(
        [sys.executable, "-m", "invoke", "new-edition", "2022", "--data", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert {p.name for p in (data / "2022").iterdir()} == {"methodology.toml", "results.xlsx"}
    found = problems_of(data)
    assert {p.column for p in found} == {
        "name",
        "decision",
        "announced",
        "source_url",
        "coverage",
        "partial_blocs",
        "documents",
        "comparable_with_previous",
    }
    assert all(p.file == "basic/2022/methodology.toml" and p.message.startswith("chưa điền: ") for p in found)
    assert len(found) == 8  # each field once, not again as a value of the wrong kind


def test_the_spreadsheet_lists_the_units_and_offers_valid_values(data):
    new(data)
    book = openpyxl.load_workbook(data / "2022" / "results.xlsx")
    assert book.sheetnames == ["Kết quả", "Danh sách", "Hướng dẫn"] and book["Danh sách"].sheet_state == "hidden"
    sheet = book["Kết quả"]
    header = [c.value for c in sheet[1]]
    assert header == ["agency", "bloc", "score", "rank", "status", "note", "source"]  # 2021 has no criteria, no tiers
    assert [(r[0].value, r[1].value) for r in sheet.iter_rows(min_row=2)] == [
        ("so-tttt", "so"),
        ("so-noi-vu", "so"),
        ("so-y-te", "so"),
    ]  # ranked in 2021, each still there in 2022
    rules = {str(v.sqref).split(":")[0]: v.formula1 for v in sheet.data_validations.dataValidation}
    assert set(rules) == {"A2", "B2", "E2"}  # agency, bloc, status
    lists = book["Danh sách"]
    assert [c.value for c in lists["B"] if c.value][1:] == ["so", "huyen"]
    assert "huyen-a" not in [c.value for c in lists["A"]]  # merged in 2019: only units of 2022 are offered
    assert [c.value for c in book["Hướng dẫn"]["A"]][:3] == ["Cột", "agency", "bloc"]


def test_a_filled_edition_builds(data, tmp_path):
    new(data)
    methodology = data / "2022" / "methodology.toml"
    lines = [
        line
        for line in methodology.read_text(encoding="utf-8").splitlines()
        if not re.match(
            r'(announced|source_url|coverage|partial_blocs|documents|comparable_with_previous) = "ĐIỀN', line
        )
    ]
    filled = "\n".join(lines).replace('name = "ĐIỀN: tên phương pháp của năm 2022"', 'name = "Phương pháp năm 2022"')
    filled = filled.replace(
        'decision = "ĐIỀN: văn bản căn cứ (số, ngày, cơ quan ban hành)"', 'decision = "Quyết định số 1/QĐ-MẪU"'
    )
    methodology.write_text(filled + "\n", encoding="utf-8")
    book = openpyxl.load_workbook(data / "2022" / "results.xlsx")
    sheet = book["Kết quả"]
    for row, score in zip(range(2, 5), (88, 95, 70)):
        sheet.cell(row, 3, score)
    book.save(data / "2022" / "results.xlsx")
    portal = load(data)
    assert not [w for w in portal.warnings if "2022" in w.file]  # the guide and the lists are no results
    assert {r.agency: r.rank for r in portal.only.editions[2022].results} == {
        "so-noi-vu": 1,
        "so-tttt": 2,
        "so-y-te": 3,
    }
    site = build(tmp_path / "site", data)
    assert "Phương pháp năm 2022" in text(html(site, "2022/phuong-phap/"))


def test_a_row_left_empty_is_refused(data):
    new(data)
    methodology = data / "2022" / "methodology.toml"
    methodology.write_text(
        "\n".join(
            line
            for line in methodology.read_text(encoding="utf-8").splitlines()
            if "ĐIỀN" not in line or line.startswith(("name", "decision"))
        ).replace("ĐIỀN: ", ""),
        encoding="utf-8",
    )
    found = problems_of(data)
    empty = [p for p in found if "chưa có số liệu nào" in p.message]
    assert [(p.row, p.column) for p in empty] == [(2, "score"), (3, "score"), (4, "score")]
    assert empty[0].message.startswith("«so-tttt» (Sở Thông tin và Truyền thông): ")


def test_an_existing_edition_is_never_overwritten_and_a_portal_needs_its_series(data, tmp_path):
    with pytest.raises(EditionError, match="đã có"):
        new(data, 2021)
    portal = tmp_path / "portal"
    import shutil

    shutil.copytree(ROOT / "tests" / "fixtures" / "portal", portal)
    with pytest.raises(EditionError, match="--series: ung-dung, dti"):
        new(portal, 2025)
    written = new(portal, 2025, "dti")
    assert written[0].parent == portal / "dti" / "2025"
    sheet = openpyxl.load_workbook(written[1])["Kết quả"]
    rows = {(r[0].value, r[1].value) for r in sheet.iter_rows(min_row=2)}
    # the merged provinces are followed to their successor; the recast bloc keeps its units
    assert ("da-nang-2025", "tinh") in rows and ("quang-nam", "tinh") not in rows and ("ha-noi", "tinh-34") in rows
