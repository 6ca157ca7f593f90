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
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd

from . import text
from .problems import Problems

RESAVE_HINT = (
    "hãy mở tệp trong Excel/LibreOffice và lưu lại với kiểu "
    "«CSV UTF-8 (Comma delimited)» (LibreOffice: Bộ ký tự = Unicode (UTF-8))"
)


# Bounds on what a spreadsheet may hold, checked before or while it is read, so that a
# small file that inflates (a zip bomb, a sheet of a million rows) costs neither the
# memory nor the screenful of messages it would.
MAX_CELL = 32_767  # characters in one cell: Excel's own limit, for CSV and XLSX alike
MAX_ROWS = 20_000  # rows below the header of one file
MAX_FILE = 20 * 2**20  # bytes of a file as stored
MAX_UNPACKED = 200 * 2**20  # bytes of a workbook's parts once uncompressed


@dataclass(frozen=True)
class Table:
    frame: pd.DataFrame  # all cells str, stripped; index 0 = row 2 of the file
    decimal_comma: bool  # numbers may be written 0,727


def find_table(folder: Path, stem: str, label_of, problems: Problems) -> Path | None:
    """`<stem>.csv`, or `<stem>.xlsx` in its place; both at once is a problem (which would
    hold the figures?)."""
    found = [folder / f"{stem}{suffix}" for suffix in (".csv", ".xlsx") if (folder / f"{stem}{suffix}").is_file()]
    if len(found) > 1:
        problems.add(label_of(found[1]), None, None, f"thư mục có cả {stem}.csv và {stem}.xlsx; hãy giữ một tệp")
        return None
    return found[0] if found else None


def read_table(path: Path, label: str, problems: Problems) -> Table | None:
    """Read a CSV or XLSX file; report what makes it unreadable and return None then."""
    size = path.stat().st_size
    if size > MAX_FILE:
        problems.add(
            label,
            None,
            None,
            f"tệp nặng {size / 2**20:.0f} MB, quá giới hạn {MAX_FILE // 2**20} MB của một tệp kết quả",
        )
        return None
    table = _read_xlsx(path, label, problems) if path.suffix.lower() == ".xlsx" else _read_csv(path, label, problems)
    return table and _texts_checked(table, label, problems)


def _texts_checked(table: Table, label: str, problems: Problems) -> Table:
    """Every cell under the text rule (data/text.py): spacing controls as one space, each
    unfit cell reported at its row and column."""
    frame = table.frame.rename(columns=text.spaced).map(lambda cell: text.spaced(cell).strip())
    for position, name in enumerate(frame.columns, start=1):
        message = text.fault(name, problems.drawable)
        if message:
            problems.add(label, 1, f"cột thứ {position}", message)
    pattern = text.unfit(problems.drawable)
    for name in frame.columns:
        suspect = frame[name][frame[name].str.contains(pattern)]
        for index, cell in suspect.items():
            message = text.fault(cell, problems.drawable)
            if message:
                problems.add(label, index + 2, name, message)
    # The table goes on to the other checks: a refused cell fails the load all the same,
    # and the rows that name the unit are not reported again as naming an unknown one.
    return Table(frame, table.decimal_comma)


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
    records = _records(text, delimiter, label, problems)
    if records is None:
        return None
    if len(records) > MAX_ROWS + 1:
        _too_many_rows(label, problems)
        return None
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


def _records(text: str, delimiter: str, label: str, problems: Problems) -> list[list[str]] | None:
    """The file's records; None, with the problem named at the row where it starts, when a
    quote is left open (it would swallow the rest of the file into one cell)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = []
    too_long = (
        f"một ô bắt đầu từ dòng này dài hơn {MAX_CELL:_} ký tự: thường là một dấu ngoặc kép mở mà không đóng"
    ).replace("_", ".")
    while True:
        start = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            return records
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                message = too_long
            elif "unexpected end of data" in str(err):
                message = "dấu ngoặc kép mở ở dòng này không được đóng: phần còn lại của tệp sẽ thành một ô"
            else:
                message = (
                    "dấu ngoặc kép đặt sai: một ô đặt trong ngoặc kép phải kết thúc ngay sau dấu đóng, và "
                    'dấu ngoặc kép bên trong ô được viết hai lần ("")'
                )
            problems.add(label, start, None, message)
            return None
        if any(len(cell) > MAX_CELL for cell in record):  # the csv module's own limit is global, and others raise it
            problems.add(label, start, None, too_long)
            return None
        records.append(record)


def _read_xlsx(path: Path, label: str, problems: Problems) -> Table | None:
    """The first visible sheet, with each cell's saved value; a formula whose value was
    never saved (a file written by a program, not a spreadsheet) is a problem, not a gap.
    Its unpacked size is checked before it is opened, and it is read as a stream."""
    if not _unpacked_ok(path, label, problems):
        return None
    try:
        values = openpyxl.load_workbook(path, data_only=True, read_only=True)
        formulas = openpyxl.load_workbook(path, data_only=False, read_only=True)
    except Exception as err:  # a corrupt workbook: say so, without a traceback
        problems.add(label, None, None, f"không đọc được tệp Excel: {err}")
        return None
    try:
        return _first_sheet(values, formulas, label, problems)
    finally:
        values.close()
        formulas.close()


def _unpacked_ok(path: Path, label: str, problems: Problems) -> bool:
    """A workbook is a zip archive: the size its parts declare once unpacked is bounded (its
    stored size is, as every file's, in read_table)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(part.file_size for part in archive.infolist())
    except (zipfile.BadZipFile, OSError) as err:
        problems.add(label, None, None, f"không đọc được tệp Excel: {err}")
        return False
    if unpacked > MAX_UNPACKED:
        problems.add(
            label,
            None,
            None,
            f"tệp Excel khi giải nén nặng {unpacked / 2**20:.0f} MB, quá giới hạn "
            f"{MAX_UNPACKED // 2**20} MB; tệp có quá nhiều ô, hoặc không phải bảng kết quả",
        )
        return False
    return True


def _first_sheet(values, formulas, label: str, problems: Problems) -> Table | None:
    visible = [sheet for sheet in values.worksheets if sheet.sheet_state == "visible"]
    if not visible:
        problems.add(label, None, None, "tệp Excel không có trang tính nào đang hiện")
        return None
    sheet = visible[0]
    # Said when results may stand elsewhere: the first sheet is hidden, or another sheet has
    # an `agency` column (a guide or a list of values beside the table is no such case).
    elsewhere = [
        s
        for s in values.worksheets
        if s is not sheet
        and "agency" in {str(v).strip() for v in next(s.iter_rows(max_row=1, values_only=True), ()) if v}
    ]
    if sheet is not values.worksheets[0] or elsewhere:
        problems.warn(
            label,
            None,
            None,
            f"tệp có {len(values.worksheets)} trang tính; chỉ đọc trang «{sheet.title}»"
            + (" (trang đầu tiên đang ẩn)" if sheet is not values.worksheets[0] else ""),
        )
    rows = []
    for number, (row, formulas_row) in enumerate(zip(sheet.iter_rows(), formulas[sheet.title].iter_rows()), start=1):
        if number > MAX_ROWS + 1:
            _too_many_rows(label, problems, " (các dòng trống ở cuối được tính nếu có định dạng)")
            return None
        cells = [_xlsx_cell(cell.value) for cell in row]
        for position, (cell, formula) in enumerate(zip(row, formulas_row), start=1):
            where = f"{openpyxl.utils.get_column_letter(position)}{number}"
            if len(cells[position - 1]) > MAX_CELL:
                problems.add(
                    label, number, None, f"ô {where} dài hơn {MAX_CELL:_} ký tự, giới hạn của một ô".replace("_", ".")
                )
                return None
            if number > 1 and getattr(formula, "data_type", None) == "f" and cell.value is None:
                problems.add(
                    label,
                    number,
                    rows[0][position - 1] if position <= len(rows[0]) else None,
                    f"ô {where} có công thức ({formula.value}) nhưng chưa có giá trị được lưu; hãy mở tệp "
                    "bằng Excel hoặc LibreOffice rồi lưu lại để giá trị được tính",
                )
        rows.append(cells)
    if not rows:
        problems.add(label, None, None, "tệp rỗng: cần một dòng tiêu đề")
        return None
    width = max((i + 1 for row in rows for i, v in enumerate(row) if v), default=0)  # past it, only empty cells
    header = rows[0][:width]
    if not _header_ok(header, label, problems):
        return None
    frame = pd.DataFrame([row[:width] + [""] * (width - len(row)) for row in rows[1:]], columns=header, dtype=object)
    frame = frame[(frame != "").any(axis=1)] if len(frame) else frame
    return Table(frame, decimal_comma=False)


def _too_many_rows(label: str, problems: Problems, hint: str = "") -> None:
    """Said at the first row past the limit, and nothing read beyond it."""
    limit = f"{MAX_ROWS:_}".replace("_", ".")
    problems.add(
        label,
        MAX_ROWS + 2,
        None,
        f"bảng có hơn {limit} dòng kết quả, quá giới hạn của một tệp; hãy kiểm tra bảng{hint}",
    )


def _xlsx_cell(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        # In full (0.00001, never 1e-05): the shortest decimal that is the same number.
        return format(Decimal(repr(value)), "f")
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
