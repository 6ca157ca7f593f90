"""Cell-level rules of CSV tables, checked with pandera over columns of strings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd
import pandera.pandas as pa

from .problems import Problems

SLUG = r"[a-z0-9]+(-[a-z0-9]+)*"
# Bounded lengths: a cell of a thousand digits is a mistake, never a figure.
NUMBER = r"-?\d{1,12}(\.\d{1,12})?"
POSITIVE_INT = r"[1-9]\d{0,5}"
RANK_PROBLEM = "thứ hạng «{value}» phải là số nguyên dương (tối đa 6 chữ số)"
YEAR = r"\d{4}"
HTTP_URL = r"https?://[^\s]+"


@dataclass(frozen=True)
class ReservedNames:
    """Names the site keeps for its own addresses (site/addresses.py says which): no
    series id may be one of `top`, no bloc id one of `beside_blocs`."""

    top: frozenset[str] = frozenset()
    beside_blocs: frozenset[str] = frozenset()


_NUMBER = re.compile(NUMBER)


def matches(regex: str, error: str) -> pa.Check:
    """Empty, or the whole cell matches ``regex``."""
    return pa.Check(lambda s: (s == "") | s.str.fullmatch(regex), error=error)


def filled(error: str = "ô bắt buộc đang để trống") -> pa.Check:
    return pa.Check(lambda s: s != "", error=error)


def filled_never(error: str) -> pa.Check:
    """Every cell empty (for a column that this edition cannot have)."""
    return pa.Check(lambda s: s == "", error=error)


def at_most(maximum: Decimal | None, error: str) -> pa.Check:
    """A number between 0 and ``maximum`` (inclusive); other cells are left to ``matches``."""

    def ok(cell: str) -> bool:
        if not _NUMBER.fullmatch(cell):
            return True
        value = Decimal(cell)
        return value >= 0 and (maximum is None or value <= maximum)

    return pa.Check(ok, element_wise=True, error=error)


def decimals_at_most(decimals: int, error: str) -> pa.Check:
    """A number with no more decimals than are shown: two scores a reader sees as equal
    must not be ranked apart by a digit the page never shows."""

    def ok(cell: str) -> bool:
        return not _NUMBER.fullmatch(cell) or len(cell.partition(".")[2]) <= decimals

    return pa.Check(ok, element_wise=True, error=error)


def column(*checks: pa.Check, required: bool = False, unique: bool = False) -> pa.Column:
    return pa.Column(None, list(checks), required=required, unique=unique)


def number_cells(frame: pd.DataFrame, columns: list[str], decimal_comma: bool) -> pd.DataFrame:
    """Accept a decimal comma (0,727) in the given columns of a semicolon file."""
    if not decimal_comma:
        return frame
    frame = frame.copy()
    for name in columns:
        if name in frame:
            frame[name] = frame[name].str.replace(r"^(-?\d+),(\d+)$", r"\1.\2", regex=True)
    return frame


def check(frame: pd.DataFrame, columns: dict[str, pa.Column], label: str, problems: Problems, unit=None) -> set[int]:
    """Validate every cell at once; report each failure; return the indexes of bad rows.
    `unit(index)` names the unit a row is about, for the messages."""
    bad_rows: set[int] = set()
    try:
        pa.DataFrameSchema(columns, strict=False).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as err:
        cases = err.failure_cases
        for case in cases.itertuples(index=False):
            if case.check == "column_in_dataframe":
                problems.add(label, 1, str(case.failure_case), "thiếu cột bắt buộc")
                bad_rows.update(frame.index)
                continue
            index = None if pd.isna(case.index) else int(case.index)
            row = None if index is None else index + 2
            if case.check == "field_uniqueness":
                message = f"«{case.failure_case}» xuất hiện nhiều lần; mỗi giá trị chỉ được có một dòng"
            else:
                message = str(case.check).replace("{value}", str(case.failure_case))
            named = unit(index) if unit is not None and index is not None else None
            if named:
                message = f"{named}: {message}"
            problems.add(label, row, case.column, message)
            if index is not None:
                bad_rows.add(index)
    return bad_rows
