"""The spreadsheet dialects the loader accepts, and the ones it refuses."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from conftest import FIXTURE, problems_of
from rankings.data.problems import DataError
from rankings.pipeline import load


def scores(dataset, year):
    return {r.agency: (r.score, r.rank, r.tier) for r in dataset.only.editions[year].results}


def test_bom_semicolons_decimal_comma_crlf_and_spaces():
    raw = (FIXTURE / "2020" / "results.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw and b";" in raw and b" ; " in raw
    got = scores(load(FIXTURE), 2020)
    assert got["so-tttt"] == (Decimal("90.5"), 1, "Tốt")
    assert got["so-y-te"] == (Decimal("78.2"), 3, "Khá")


def test_xlsx_in_place_of_csv_gives_the_same_results(data):
    expected = scores(load(data), 2019)
    csv_path = data / "2019" / "results.csv"
    frame = pd.read_csv(csv_path, dtype=str, keep_default_na=False)
    for column in ("score", "ha-tang", "noi-bo", "dvc", "nhan-luc"):  # numbers, as a spreadsheet keeps them
        frame[column] = pd.to_numeric(frame[column].replace("", None))
    frame.to_excel(data / "2019" / "results.xlsx", index=False)
    csv_path.unlink()
    assert scores(load(data), 2019) == expected


def test_xlsx_problems_name_the_row(data):
    frame = pd.read_csv(data / "2019" / "results.csv", dtype=str, keep_default_na=False)
    frame.loc[3, "agency"] = "khong-co"
    frame.to_excel(data / "2019" / "results.xlsx", index=False)
    (data / "2019" / "results.csv").unlink()
    with pytest.raises(DataError) as caught:
        load(data)
    assert [(p.file, p.row, p.column) for p in caught.value.problems] == [("basic/2019/results.xlsx", 5, "agency")]


def test_quoted_cells_may_hold_the_separator(data):
    path = data / "2019" / "results.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "huyen-c,huyen,75,,,,,,,,", 'huyen-c,huyen,75,,,,,,,"Ghi chú, có dấu phẩy",'
        ),
        encoding="utf-8",
    )
    result = next(r for r in load(data).only.editions[2019].results if r.agency == "huyen-c")
    assert result.note == "Ghi chú, có dấu phẩy"


def test_blank_lines_are_skipped_and_rows_keep_their_numbers(data):
    path = data / "2019" / "results.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(3, "")
    lines[9] = lines[9].replace("huyen-b,huyen,88", "huyen-b,huyen,188")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(data)
    assert [(p.row, p.column) for p in caught.value.problems] == [(10, "score")]


def test_decimal_comma_needs_semicolons(data):
    path = data / "2019" / "results.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace("huyen-b,huyen,88", 'huyen-b,huyen,"88,5"'), encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        load(data)
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (9, "score") and "dấu phẩy" in problem.message


def test_empty_file_is_reported(data):
    (data / "2021" / "results.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(data)
    assert [p.file for p in caught.value.problems] == ["basic/2021/results.csv"]


def as_workbook(data, change=None) -> Path:
    """2019's results saved as a workbook with openpyxl, as a spreadsheet program would."""
    frame = pd.read_csv(data / "2019" / "results.csv", dtype=str, keep_default_na=False)
    (data / "2019" / "results.csv").unlink()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    sheet.append(list(frame.columns))
    for row in frame.itertuples(index=False):
        sheet.append([float(v) if v.replace(".", "", 1).isdigit() else (v or None) for v in row])
    if change:
        change(book)
    path = data / "2019" / "results.xlsx"
    book.save(path)
    return path


@pytest.mark.parametrize(
    "broken, row, fragment",
    [
        ('huyen-a,huyen,75,,,,,,,"Ghi chú chưa đóng ngoặc,\n', 8, "không được đóng"),
        ('huyen-a,huyen,75,,,,,,,"Ghi chú" thêm,\n', 8, "dấu ngoặc kép đặt sai"),
    ],
)
def test_a_quote_left_open_is_named_at_its_row(data, broken, row, fragment):
    path = data / "2019" / "results.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[7] = broken  # row 8: huyen-a; the rows after it would vanish into one note
    path.write_text("".join(lines), encoding="utf-8")
    found = problems_of(data)
    assert [(p.file, p.row) for p in found] == [("basic/2019/results.csv", row)], found
    assert fragment in found[0].message


def test_a_cell_over_the_field_limit_is_named_at_its_row(data):
    path = data / "2019" / "results.csv"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "huyen-b,huyen,88,,,,,,,,", 'huyen-b,huyen,88,,,,,,,"' + "x" * 200_000 + '",'
        ),
        encoding="utf-8",
    )
    found = problems_of(data)
    assert [(p.file, p.row) for p in found] == [("basic/2019/results.csv", 9)] and "dài hơn" in found[0].message


def test_results_csv_and_xlsx_both_present_is_a_problem(data):
    (data / "2019" / "results.xlsx").write_bytes((data / "2019" / "results.csv").read_bytes())
    found = problems_of(data)
    assert [(p.file, p.message) for p in found] == [
        ("basic/2019/results.xlsx", "thư mục có cả results.csv và results.xlsx; hãy giữ một tệp")
    ]


def test_a_formula_without_a_saved_value_is_named_with_how_to_fix(data):
    as_workbook(data, lambda book: book.active.__setitem__("C9", "=40+48"))  # huyen-b's score, never computed
    found = problems_of(data)
    assert [(p.file, p.row, p.column) for p in found] == [("basic/2019/results.xlsx", 9, "score")], found
    assert "=40+48" in found[0].message and "lưu lại" in found[0].message


def test_the_first_visible_sheet_is_read_and_named(data):
    def hide_a_first_sheet(book):
        notes = book.create_sheet("Ghi chú", 0)
        notes.append(["agency", "bloc"])
        notes.sheet_state = "hidden"
        book.create_sheet("Giải thích").append(["Cột", "Ý nghĩa"])

    as_workbook(data, hide_a_first_sheet)
    dataset = load(data)
    assert len(dataset.only.editions[2019].results) == 9
    assert [w.message for w in dataset.warnings if w.file == "basic/2019/results.xlsx"] == [
        "tệp có 3 trang tính; chỉ đọc trang «Kết quả» (trang đầu tiên đang ẩn)"
    ]


def test_small_numbers_from_a_workbook_are_read_in_full(data):
    methodology = data / "2019" / "methodology.toml"
    methodology.write_text(
        methodology.read_text(encoding="utf-8").replace("decimals = 2", "decimals = 5"), encoding="utf-8"
    )
    as_workbook(data, lambda book: book.active.__setitem__("E8", 0.00001))  # huyen-a's ha-tang
    result = next(r for r in load(data).only.editions[2019].results if r.agency == "huyen-a")
    assert result.criteria.get("ha-tang") == Decimal("0.00001")
