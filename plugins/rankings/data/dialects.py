"""Reading the spreadsheet dialects of the data contract into tables of clean strings.

Accepted: UTF-8 with or without BOM; ``,`` or ``;`` separators; with ``;`` a decimal
comma; CRLF; spaces around cells; ``.xlsx`` (first sheet) in place of ``.csv``.
Every cell comes back as a stripped ``str`` ("" when empty), so that validation can
name the exact cell; numbers are parsed later, column by column.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .problems import Problems

RESAVE_HINT = (
    "hãy mở tệp trong Excel/LibreOffice và lưu lại với kiểu "
    "«CSV UTF-8 (Comma delimited)» (LibreOffice: Bộ ký tự = Unicode (UTF-8))"
)


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame  # all cells str, stripped; index 0 = row 2 of the file
    decimal_comma: bool  # numbers may be written 0,727


def find_table(folder: Path, stem: str) -> Path | None:
    """``<stem>.csv``, or ``<stem>.xlsx`` in its place."""
    for suffix in (".csv", ".xlsx"):
        path = folder / f"{stem}{suffix}"
        if path.is_file():
            return path
    return None


def read_table(path: Path, label: str, problems: Problems) -> Table | None:
    """Read a CSV or XLSX file; report what makes it unreadable and return None then."""
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path, label, problems)
    return _read_csv(path, label, problems)


def _read_csv(path: Path, label: str, problems: Problems) -> Table | None:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = unicodedata.normalize("NFC", raw.decode("utf-8"))  # one form for every name
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        problems.add(
            label,
            line,
            None,
            "tệp không ở mã UTF-8 (có thể là Windows-1258, TCVN3 hoặc VNI); " + RESAVE_HINT,
        )
        return None
    if not text.strip():
        problems.add(label, None, None, "tệp rỗng: cần một dòng tiêu đề")
        return None
    first_line = text.lstrip("\r\n").splitlines()[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = [cell.strip() for cell in records[0]]
    body = []
    for number, record in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in record):
            record = [""] * len(header)  # a blank line; dropped below, row numbers kept
        elif len(record) != len(header):
            problems.add(
                label,
                number,
                None,
                f"dòng có {len(record)} ô, nhưng dòng tiêu đề có {len(header)} cột "
                f"(dấu phân cách là «{delimiter}»; ô chứa dấu này phải đặt trong ngoặc kép)",
            )
            record = (record + [""] * len(header))[: len(header)]
        body.append([cell.strip() for cell in record])
    if not _header_ok(header, label, problems):
        return None
    frame = pd.DataFrame(body, columns=header, dtype=object)
    frame = frame[(frame != "").any(axis=1)] if len(frame) else frame
    return Table(frame, decimal_comma=delimiter == ";")


def _read_xlsx(path: Path, label: str, problems: Problems) -> Table | None:
    try:
        frame = pd.read_excel(path, sheet_name=0, dtype=object, header=0, engine="openpyxl")
    except Exception as err:  # a corrupt workbook: say so, without a traceback
        problems.add(label, None, None, f"không đọc được tệp Excel: {err}")
        return None
    header = [str(c).strip() for c in frame.columns]
    if not _header_ok(header, label, problems):
        return None
    frame.columns = header
    frame = frame.map(_xlsx_cell)
    frame = frame[(frame != "").any(axis=1)]
    return Table(frame, decimal_comma=False)


def _xlsx_cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return unicodedata.normalize("NFC", str(value).strip())


def _header_ok(header: list[str], label: str, problems: Problems) -> bool:
    ok = True
    seen = set()
    for position, name in enumerate(header, start=1):
        if not name or re.fullmatch(r"Unnamed: \d+", name):
            problems.add(label, 1, None, f"cột thứ {position} không có tên ở dòng tiêu đề")
            ok = False
        elif name in seen:
            problems.add(label, 1, name, "tên cột bị lặp lại")
            ok = False
        seen.add(name)
    return ok
