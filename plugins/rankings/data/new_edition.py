"""The next edition of a series, laid out for the data officer to fill: its folder, a
methodology.toml carried over from the latest edition with what belongs to one year
marked to fill, and a results.xlsx listing the units to rank, with the valid values of
its coded columns offered as lists and a sheet explaining each column."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import tomli_w
from openpyxl.styles import Font
from openpyxl.worksheet.datavalidation import DataValidation

from .methodology import FILL
from .model import Dataset, Portal
from .problems import vi_number

# What belongs to one year, and what to write in its place.
PER_YEAR = {
    "name": "tên phương pháp của năm {year}",
    "decision": "văn bản căn cứ (số, ngày, cơ quan ban hành)",
    "announced": "ngày công bố kết quả, dạng {next}-06-15 không đặt trong ngoặc kép; xóa dòng nếu chưa biết",
    "source_url": "địa chỉ https:// nơi công bố kết quả; xóa dòng nếu chưa có",
    "coverage": "phần kết quả được biết nếu bảng công bố không đầy đủ; xóa dòng nếu bảng đầy đủ",
    "partial_blocs": 'các khối có bảng không đầy đủ, ví dụ ["tinh"]; xóa dòng nếu mọi bảng đầy đủ',
    "documents": 'tên các tệp PDF văn bản gốc đặt trong thư mục này, ví dụ ["bao-cao.pdf"]; xóa dòng nếu không có',
    "comparable_with_previous": "false nếu phương pháp năm nay khác năm trước (không so sánh thứ hạng); xóa dòng nếu "
    "vẫn so sánh được",
}
GUIDE = [
    ("agency", "Mã đơn vị (cột id của agencies.csv). Chọn trong danh sách; mỗi đơn vị một dòng."),
    ("bloc", "Mã khối (series.toml). Chọn trong danh sách."),
    ("score", "Điểm tổng hợp, từ 0 đến điểm tối đa; để trống nếu nguồn không công bố."),
    ("rank", "Thứ hạng trong khối như công bố; để trống để cổng tự xếp theo điểm (bằng điểm thì đồng hạng)."),
    ("tier", "Mức xếp loại như công bố; để trống để cổng tự xếp theo ngưỡng."),
    ("<mã tiêu chí>", "Điểm từng tiêu chí của methodology.toml."),
    ("status", "Để trống (được đánh giá) hoặc not-rated (không đánh giá, ghi lý do ở cột note)."),
    ("note", "Ghi chú hiện bên cạnh dòng, dạng văn bản thường."),
    ("source", "Địa chỉ https:// nơi số liệu của dòng được công bố."),
]


class EditionError(Exception):
    """The edition cannot be laid out (it exists, or the series is not named)."""


AHEAD = 3  # editions at most this many years after the latest: a year further on is a slip


def lay_out(portal: Portal, folder: Path, year: str | int, series: str | None = None) -> list[Path]:
    """Write the edition `year` of a series of the (valid) portal read from `folder`;
    return the files written."""
    dataset = _series(portal, series)
    year = _year(str(year), dataset)
    target = folder / dataset.id / str(year) if dataset.id else folder / str(year)
    if target.exists():
        raise EditionError(f"thư mục {target} đã có; không ghi đè")
    earlier = [y for y in dataset.editions if y < year]
    if not earlier:
        raise EditionError(f"chuỗi không có kỳ nào trước năm {year} để lấy làm mẫu")
    latest = dataset.editions[max(earlier)]
    target.mkdir(parents=True)
    methodology = target / "methodology.toml"
    methodology.write_text(_methodology(Path(latest.folder) / "methodology.toml", latest.year, year), encoding="utf-8")
    results = target / "results.xlsx"
    _workbook(dataset, latest, year).save(results)
    return [methodology, results]


def _year(text: str, dataset: Dataset) -> int:
    """A year of four ASCII digits, after the series' first edition and at most AHEAD
    years after its latest (2O25, 10000 or 2100 are slips, and the last would stop
    every command: no edition folder is outside the contract's years)."""
    from .loader import YEARS

    latest = max(dataset.editions)
    highest = min(latest + AHEAD, YEARS[-1])
    if not (len(text) == 4 and text.isascii() and text.isdigit()):
        raise EditionError(f"năm «{text}» phải gồm 4 chữ số 0–9 (ví dụ {latest + 1})")
    if not min(dataset.editions) < int(text) <= highest:
        raise EditionError(
            f"năm {text} nằm ngoài khoảng của chuỗi: từ {min(dataset.editions) + 1} đến {highest} "
            f"(kỳ gần nhất là {latest})"
        )
    return int(text)


def _series(portal: Portal, series: str | None) -> Dataset:
    if series is None and not portal.several:
        return portal.only
    if series not in portal.series:
        raise EditionError(f"hãy chọn một chuỗi bằng --series: {', '.join(sid for sid in portal.series if sid)}")
    return portal.series[series]


def _methodology(source: Path, latest: int, year: int) -> str:
    """Last year's methodology, its per-year fields (and their translations) replaced by
    what to fill, the rest (scale, criteria, tiers) kept."""
    import tomllib

    data = tomllib.loads(source.read_text(encoding="utf-8-sig"))
    carried = {
        key: value
        for key, value in data.items()
        if key not in PER_YEAR and key.split("_")[0] not in PER_YEAR and key != "units_as_of"
    }
    marked = {key: f"{FILL} {hint.format(year=year, next=year + 1)}" for key, hint in PER_YEAR.items()}
    head = (
        f"# Kỳ đánh giá năm {year}, lập từ năm {latest} bằng `invoke new-edition`. Các giá trị bắt đầu bằng\n"
        f"# «{FILL}» cần được điền (hoặc xóa dòng, khi ghi chú cho phép) trước khi xây dựng trang.\n"
    )
    return head + tomli_w.dumps({**marked, **carried}, multiline_strings=False)


def _workbook(dataset: Dataset, latest, year: int) -> openpyxl.Workbook:
    m = latest.methodology
    criteria = [c.id for c in m.criteria]
    columns = ["agency", "bloc", "score", "rank", *(["tier"] if m.tiers else []), *criteria, "status", "note", "source"]
    units = _units(dataset, latest, year)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Kết quả"
    _append(sheet, columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for agency, bloc in units:
        _append(sheet, [agency, bloc])
    sheet.freeze_panes = "C2"
    # The coded columns offer their valid values (a hidden sheet holds the lists: a list
    # written into the rule itself is limited to 255 characters).
    lists = book.create_sheet("Danh sách")
    valid = {
        "agency": sorted(a.id for a in dataset.agencies.values() if a.exists_in(year)),
        "bloc": [b.id for b in dataset.series.blocs],
        "status": ["rated", "not-rated"],
        "tier": list(dict.fromkeys(t.name for t in m.tiers)),
    }
    rows = max(len(units), 1) + 200  # room for units added by hand
    for i, (name, values) in enumerate(((k, v) for k, v in valid.items() if k in columns), start=1):
        letter = openpyxl.utils.get_column_letter(i)
        _text(lists.cell(1, i), f"Giá trị của cột {name}")
        for j, value in enumerate(values, start=2):
            _text(lists.cell(j, i), value)
        rule = DataValidation(
            type="list",
            formula1=f"='Danh sách'!${letter}$2:${letter}${len(values) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle=name,
            error=f"Chọn một giá trị trong danh sách của cột {name}.",
        )
        column = openpyxl.utils.get_column_letter(columns.index(name) + 1)
        rule.add(f"{column}2:{column}{rows + 1}")
        sheet.add_data_validation(rule)
    lists.sheet_state = "hidden"
    guide = book.create_sheet("Hướng dẫn")
    _append(guide, ["Cột", "Ý nghĩa"])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    for name, meaning in GUIDE:
        _append(guide, [name, meaning])
    for c in m.criteria:
        _append(guide, [c.id, f"{c.name}" + (f" (tối đa {vi_number(c.max)})" if c.max is not None else "")])
    guide.column_dimensions["A"].width, guide.column_dimensions["B"].width = 28, 100
    return book


def _append(sheet, values: list[str]) -> None:
    sheet.append([None] * len(values))
    for cell, value in zip(sheet[sheet.max_row], values):
        _text(cell, value)


def _text(cell, value: str) -> None:
    """A name as text, whatever it begins with: openpyxl writes a string that begins with
    `=` as a formula, which a spreadsheet would run."""
    cell.value = value
    cell.data_type = "s"


def _units(dataset: Dataset, latest, year: int) -> list[tuple[str, str]]:
    """One row per unit valid in `year` in each bloc it was ranked in last time: a unit
    that ended is followed to its successor."""
    agencies, out = dataset.agencies, {}
    for bloc in dataset.series.blocs:
        for r in latest.bloc_results(bloc.id):
            agency = agencies[r.agency]
            while not agency.exists_in(year) and agency.successor in agencies:
                agency = agencies[agency.successor]
            if agency.exists_in(year):
                out.setdefault((agency.id, bloc.id), None)
    return list(out)
