"""A bloc table as a spreadsheet (XLSX, openpyxl): the page's columns under the page's own
names, numbers as numbers with the decimals the edition shows, ranks and changes as
whole numbers, each unit linked to its page, the header row frozen; and a second sheet
that says what the table is, who published it, where from and under which licence.
The same table gives the same bytes: the workbook's dates and the archive's are fixed."""

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


def bloc(workbook, siteurl: str) -> bytes:
    """The bloc table of the catalog's `workbook` (site.catalog.Workbook)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    view, table, about = workbook.view, workbook.table, workbook.about
    book = Workbook()
    sheet = book.active
    sheet.title = about.sheet
    sheet.append([c.label for c in view.columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
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
    sheet.freeze_panes = "A2"
    for place in range(1, len(view.columns) + 1):
        letter = get_column_letter(place)
        sheet.column_dimensions[letter].width = min(WIDEST, max(len(str(c.value or "")) for c in sheet[letter]) + 2)
    notes = book.create_sheet(about.notes_sheet)
    for label, value in (*about.lines, (about.page_label, f"{siteurl}/{about.page}")):
        notes.append([label, value])
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            notes.cell(notes.max_row, 2).hyperlink = value
    notes.column_dimensions["A"].width = max(len(label) for label, _ in about.lines) + 2
    notes.column_dimensions["B"].width = WIDEST + 20
    book.properties.creator = about.publisher
    book.properties.title = about.title
    book.properties.created = book.properties.modified = FIXED
    out = io.BytesIO()
    book.save(out)
    return _fixed_dates(out.getvalue())


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
