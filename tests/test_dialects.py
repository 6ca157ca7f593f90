"""The spreadsheet dialects the loader accepts, and the ones it refuses."""

from __future__ import annotations

from decimal import Decimal

import pandas as pd
import pytest

from conftest import FIXTURE
from rankings.data.loader import load
from rankings.data.problems import DataError


def scores(dataset, year):
    return {r.agency: (r.score, r.rank, r.tier) for r in dataset.editions[year].results}


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
    assert [(p.file, p.row, p.column) for p in caught.value.problems] == [
        ("basic/2019/results.xlsx", 5, "agency")]


def test_quoted_cells_may_hold_the_separator(data):
    path = data / "2019" / "results.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "huyen-c,huyen,75,,,,,,,,", 'huyen-c,huyen,75,,,,,,,"Ghi chú, có dấu phẩy",'), encoding="utf-8")
    result = next(r for r in load(data).editions[2019].results if r.agency == "huyen-c")
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
    path.write_text(path.read_text(encoding="utf-8").replace("huyen-b,huyen,88", 'huyen-b,huyen,"88,5"'),
                    encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(data)
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (9, "score") and "dấu phẩy" in problem.message


def test_empty_file_is_reported(data):
    (data / "2021" / "results.csv").write_text("", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load(data)
    assert [p.file for p in caught.value.problems] == ["basic/2021/results.csv"]
