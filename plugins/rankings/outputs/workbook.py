"""Bloc tables as a spreadsheet (XLSX, openpyxl): one bloc's, an edition's or the whole
record's. Each table on a sheet of its own, under the page's own column names: numbers
as numbers with the decimals the edition shows, ranks and changes as whole numbers,
each unit linked to its page, the header row frozen; and a last sheet that says what
the tables are, who published them, where from and under which licence. The same
tables give the same bytes: the workbook's dates and the archive's are fixed."""

from __future__ import annotations

import datetime
import io
import re
import zipfile

from ..site.tables import Cell, Column

# Every date a workbook carries (its properties, each file of its archive): a fixed one,
# so that two builds of the same data give the same file.
FIXED = datetime.datetime(2020, 1, 1)
_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")
WIDEST = 60  # characters: a long note wraps rather than widen its column without end


def write(workbook, siteurl: str) -> bytes:
    """The catalog's `workbook` (site.catalog.Workbook): the list of its tables first where
    it has one (the whole record), a sheet per table, and the sheet that says what they are."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    if workbook.contents:
        name, headers = workbook.contents
        contents = book.create_sheet(name)
        _header(contents, headers)
        for sheet in workbook.sheets:
            contents.append([sheet.name, sheet.title, f"{siteurl}/{sheet.page}"])
            contents.cell(contents.max_row, 1).hyperlink = f"#'{sheet.name}'!A1"
            contents.cell(contents.max_row, 3).hyperlink = f"{siteurl}/{sheet.page}"
            for place in (1, 3):
                contents.cell(contents.max_row, place).font = Font(color="0B4F8A", underline="single")
        _widths(contents)
    for sheet in workbook.sheets:
        _table(book.create_sheet(sheet.name), sheet.view, sheet.table, siteurl)
    about = workbook.about
    notes = book.create_sheet(about.notes_sheet)
    for label, value in (*about.lines, (about.page_label, f"{siteurl}/{about.page}")):
        notes.append([label, value])
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            notes.cell(notes.max_row, 2).hyperlink = value
    notes.column_dimensions["A"].width = min(WIDEST, max(len(label) for label, _ in about.lines) + 2)
    notes.column_dimensions["B"].width = WIDEST + 20
    book.properties.creator = about.publisher
    book.properties.title = about.title
    book.properties.created = book.properties.modified = FIXED
    out = io.BytesIO()
    book.save(out)
    return _fixed_dates(out.getvalue())


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


def _table(sheet, view, table, siteurl: str) -> None:
    """A bloc table under the page's column names: numbers with the edition's decimals,
    ranks and changes whole, each unit linked to its page."""
    from openpyxl.styles import Alignment, Font

    _header(sheet, [c.label for c in view.columns])
    decimals = table.edition.methodology.decimals
    number = "0" + ("." + "0" * decimals if decimals else "")
    for line, row in enumerate(view.rows, start=2):
        result = table.row(row.id)
        criteria = iter(table.criteria)
        for place, (column, shown) in enumerate(zip(view.columns, row.cells), start=1):
            value = _value(column, shown, result, criteria)
            cell = sheet.cell(line, place, value)
            if column.kind in ("score", "criterion") and value is not None:
                cell.number_format = number
            if column.kind == "unit":
                cell.hyperlink = f"{siteurl}/{row.link}"
                cell.font = Font(color="0B4F8A", underline="single")
            if column.kind == "note":
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    _widths(sheet)


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
