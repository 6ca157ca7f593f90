"""Bloc tables as a spreadsheet (XLSX, openpyxl): one bloc's, an edition's or the whole
record's. Each table on a sheet of its own, under the page's own column names: numbers
as numbers with the decimals the edition shows, ranks and changes as whole numbers,
each unit linked to its page, the header row frozen; and a last sheet that says what
the tables are, who published them, where from and under which licence. The same
tables give the same bytes: the workbook's dates and the archive's are fixed."""

from __future__ import annotations

import datetime
import io
import json
import re
import zipfile
from pathlib import Path

from ..site.tables import Cell, Column
from .engine import Engine, salt

# Every date a workbook carries (its properties, each file of its archive): a fixed one,
# so that two builds of the same data give the same file.
FIXED = datetime.datetime(2020, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
WIDEST = 60  # characters: a long note wraps rather than widen its column without end
POOL_FROM = 20  # a workbook takes 10-50 ms to write


def plan(workbook, siteurl: str) -> str:
    """The catalog's `workbook` (site.catalog.Workbook) as what its file holds, in JSON (the
    engine's key, so that an unchanged workbook is not written again): the list of its
    tables first where it has one (the whole record), a sheet per table, and the sheet
    that says what they are."""
    contents = None
    if workbook.contents:
        name, headers = workbook.contents
        contents = {
            "name": name,
            "headers": list(headers),
            "rows": [[sheet.name, sheet.title, f"{siteurl}/{sheet.page}"] for sheet in workbook.sheets],
        }
    about = workbook.about
    return json.dumps(
        {
            "contents": contents,
            "sheets": [{"name": sheet.name, **_table(sheet.view, sheet.table, siteurl)} for sheet in workbook.sheets],
            "notes": {
                "name": about.notes_sheet,
                "lines": [
                    [label, value] for label, value in (*about.lines, (about.page_label, f"{siteurl}/{about.page}"))
                ],
                "width": min(WIDEST, max(len(label) for label, _ in about.lines) + 2),
            },
            "creator": about.publisher,
            "title": about.title,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def write(planned: str) -> tuple[bytes]:
    """The workbook's file from its plan."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    link = Font(color="0B4F8A", underline="single")
    made = json.loads(planned)
    book = Workbook()
    book.remove(book.active)
    if made["contents"]:
        contents = book.create_sheet(made["contents"]["name"])
        _header(contents, made["contents"]["headers"])
        for name, title, url in made["contents"]["rows"]:
            contents.append([name, title, url])
            contents.cell(contents.max_row, 1).hyperlink = f"#'{name}'!A1"
            contents.cell(contents.max_row, 3).hyperlink = url
            for place in (1, 3):
                contents.cell(contents.max_row, place).font = link
        _widths(contents)
    for table in made["sheets"]:
        sheet = book.create_sheet(table["name"])
        _header(sheet, table["headers"])
        for line, (values, url) in enumerate(zip(table["rows"], table["links"]), start=2):
            for place, (kind, value) in enumerate(zip(table["kinds"], values), start=1):
                cell = sheet.cell(line, place, value)
                if kind in ("score", "criterion") and value is not None:
                    cell.number_format = table["number"]
                if kind == "unit":
                    cell.hyperlink = url
                    cell.font = link
                if kind == "note":
                    cell.alignment = Alignment(wrap_text=True, vertical="top")
        _widths(sheet)
    notes = book.create_sheet(made["notes"]["name"])
    for label, value in made["notes"]["lines"]:
        notes.append([label, value])
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            notes.cell(notes.max_row, 2).hyperlink = value
    notes.column_dimensions["A"].width = made["notes"]["width"]
    notes.column_dimensions["B"].width = WIDEST + 20
    book.properties.creator = made["creator"]
    book.properties.title = made["title"]
    book.properties.created = book.properties.modified = FIXED
    out = io.BytesIO()
    book.save(out)
    return (_fixed_dates(out.getvalue()),)


def workbook_engine(cache_folder) -> Engine:
    import openpyxl

    return Engine(write, str, cache_folder, salt(openpyxl.__version__, files=[Path(__file__)]), (".xlsx",), POOL_FROM)


def _header(sheet, labels) -> None:
    from openpyxl.styles import Font

    sheet.append(list(labels))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"


def _widths(sheet) -> None:
    """Columns as wide as their longest text, up to WIDEST."""
    from openpyxl.utils import get_column_letter

    for place in range(1, sheet.max_column + 1):
        letter = get_column_letter(place)
        sheet.column_dimensions[letter].width = min(WIDEST, max(len(str(c.value or "")) for c in sheet[letter]) + 2)


def _table(view, table, siteurl: str) -> dict:
    """A bloc table under the page's column names: numbers with the edition's decimals,
    ranks and changes whole, each unit linked to its page."""
    decimals = table.edition.methodology.decimals
    rows = []
    for row in view.rows:
        result = table.row(row.id)
        criteria = iter(table.criteria)
        rows.append([_value(column, shown, result, criteria) for column, shown in zip(view.columns, row.cells)])
    return {
        "headers": [c.label for c in view.columns],
        "kinds": [c.kind for c in view.columns],
        "rows": rows,
        "links": [f"{siteurl}/{row.link}" for row in view.rows],
        "number": "0" + ("." + "0" * decimals if decimals else ""),
    }


def _value(column: Column, shown: Cell, result, criteria):
    """A cell's value as a spreadsheet keeps it: numbers as numbers, text as text."""
    if column.kind == "rank":
        return result.rank
    if column.kind == "score":
        return None if result.score is None else float(result.score)
    if column.kind == "change":
        return result.rank_change
    if column.kind == "criterion":
        value = result.criteria.get(next(criteria).id)
        return None if value is None else float(value)
    if column.kind == "note":
        return "".join(run.text for run in shown.runs) or None
    return shown.text or None


def _fixed_dates(made: bytes) -> bytes:
    """The archive again, each file dated FIXED (zipfile dates them with the clock), and
    the workbook's "modified" FIXED too (openpyxl sets it to the time of saving)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(made)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + FIXED.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", content)
            fixed = zipfile.ZipInfo(item.filename, date_time=FIXED.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, content)
    return out.getvalue()
