"""series.toml and agencies.csv: what is ranked, the blocs, and every unit with its lineage."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from . import cells
from .cells import HTTP_URL, SLUG, YEAR, ReservedNames, column, filled, matches
from .dialects import read_table
from .languages import translated_keys
from .model import Agency, Bloc, Series
from .portal import license_of
from .problems import Problems, did_you_mean
from .provinces import MERGER_YEAR, official_in, official_names
from .tomlfiles import TomlFile

SERIES_KEYS = {"title", "short_title", "publisher", "notice", "license", "blocs", "ranked_by"}
BLOC_KEYS = {"id", "name"}
AGENCY_COLUMNS = [
    "id",
    "name",
    "short_name",
    "province_code",
    "website",
    "since",
    "until",
    "successor",
    "changed_on",
    "change_basis",
]
ISO_DATE = r"\d{4}-\d{2}-\d{2}"


def load_series(
    folder: Path, label: str, problems: Problems, reserved: ReservedNames, agencies: dict | None = None
) -> Series | None:
    """series.toml; `agencies`: the registry, which a unit's own ranking (`ranked_by`) names."""
    mark = problems.mark()
    toml = TomlFile.open(folder / "series.toml", label, problems, "không có tệp series.toml")
    if toml is None:
        return None
    data = toml.data
    toml.warn_unknown(data, SERIES_KEYS, translatable=("title", "short_title", "publisher"))
    title = toml.string(data, "title", True)
    publisher = toml.string(data, "publisher", True)
    ranked_by = toml.string(data, "ranked_by", False)
    if ranked_by is not None and agencies is not None and ranked_by not in agencies:
        toml.error(
            f"đơn vị «{ranked_by}» không có trong agencies.csv{did_you_mean(ranked_by, set(agencies))}", "ranked_by"
        )
    raw_blocs = data.get("blocs")
    blocs: list[Bloc] = []
    if not isinstance(raw_blocs, list) or not raw_blocs:
        toml.error("cần ít nhất một khối [[blocs]]", "blocs")
    else:
        seen = set()
        for i, raw in enumerate(raw_blocs):
            where = ("blocs", i)
            toml.warn_unknown(raw, BLOC_KEYS, where, translatable=("name",))
            bloc_id = toml.string(raw, "id", True, where)
            name = toml.string(raw, "name", True, where)
            if bloc_id is not None:
                if not re.fullmatch(SLUG, bloc_id):
                    toml.error(f"«{bloc_id}» không phải là mã hợp lệ (chữ thường, số, dấu gạch ngang)", "id", *where)
                elif bloc_id in reserved.beside_blocs:
                    toml.error(f"mã khối «{bloc_id}» trùng với một đường dẫn của cổng", "id", *where)
                elif bloc_id in seen:
                    toml.error(f"mã khối «{bloc_id}» bị lặp lại", "id", *where)
                seen.add(bloc_id)
            if bloc_id and name:
                blocs.append(Bloc(bloc_id, name, toml.translations(raw, "name", where)))
    if problems.since(mark):  # the results would only repeat what is wrong here
        return None
    return Series(
        title=title,
        publisher=publisher,
        blocs=tuple(blocs),
        titles=toml.translations(data, "title"),
        publishers=toml.translations(data, "publisher"),
        notice=toml.string(data, "notice", False),
        license=license_of(toml, data),
        short_title=toml.string(data, "short_title", False),
        short_titles=toml.translations(data, "short_title"),
        ranked_by=ranked_by,
    )


def load_agencies(folder: Path, label: str, problems: Problems) -> dict[str, Agency]:
    path = folder / "agencies.csv"
    if not path.is_file():
        problems.add(label, None, None, "không có tệp agencies.csv")
        return {}
    table = read_table(path, label, problems)
    if table is None:
        return {}
    frame = table.frame
    translated = translated_keys("name", frame.columns)
    bases = translated_keys("change_basis", frame.columns)
    for name in frame.columns:
        if name not in AGENCY_COLUMNS and name not in translated.values() and name not in bases.values():
            problems.warn(label, 1, name, "cột không có trong quy cách dữ liệu nên bị bỏ qua")
    bad = cells.check(
        frame,
        {
            "id": column(
                filled(),
                matches(SLUG, "«{value}» không phải là mã hợp lệ (chữ thường không dấu, số, dấu gạch ngang)"),
                required=True,
                unique=True,
            ),
            "name": column(filled(), required=True),
            "province_code": column(matches(r"\d{2}", "mã tỉnh «{value}» phải gồm đúng 2 chữ số (ví dụ 01, 48)")),
            "website": column(matches(HTTP_URL, "địa chỉ «{value}» phải bắt đầu bằng http:// hoặc https://")),
            "since": column(matches(YEAR, "«{value}» không phải là một năm (4 chữ số)")),
            "until": column(matches(YEAR, "«{value}» không phải là một năm (4 chữ số)")),
            "successor": column(matches(SLUG, "«{value}» không phải là mã hợp lệ")),
            "changed_on": column(
                matches(ISO_DATE, "«{value}» không phải là một ngày dạng năm-tháng-ngày (2025-07-01)")
            ),
        },
        label,
        problems,
    )
    agencies: dict[str, Agency] = {}
    rows: dict[str, int] = {}
    for index, record in frame.iterrows():
        if index in bad:
            continue
        get = lambda key: (record.get(key) or None)  # noqa: E731, B023 - "" means absent; used in this pass only
        agency = Agency(
            id=record["id"],
            name=record["name"],
            names={lang: record[key] for lang, key in sorted(translated.items()) if record[key]},
            short_name=get("short_name"),
            province_code=get("province_code"),
            website=get("website"),
            since=int(record["since"]) if get("since") else None,
            until=int(record["until"]) if get("until") else None,
            successor=get("successor"),
            changed_on=_date(get("changed_on")),
            change_basis=get("change_basis"),
            change_bases={lang: record[key] for lang, key in sorted(bases.items()) if record[key]},
        )
        row = index + 2
        if get("changed_on") and agency.changed_on is None:
            problems.add(label, row, "changed_on", f"«{get('changed_on')}» không phải là một ngày có thật")
        elif (
            agency.changed_on
            and agency.until is not None
            and agency.changed_on.year not in (agency.until, agency.until + 1)
        ):
            problems.add(
                label, row, "changed_on", f"ngày {agency.changed_on:%d/%m/%Y} không khớp năm kết thúc {agency.until}"
            )
        if (agency.changed_on or agency.change_basis) and not agency.successor:
            problems.add(
                label,
                row,
                "changed_on" if agency.changed_on else "change_basis",
                "ngày và căn cứ của thay đổi chỉ ghi cho đơn vị có «successor»",
            )
        if agency.province_code and not official_in(agency.province_code, agency.since, agency.until):
            problems.add(
                label,
                row,
                "province_code",
                f"«{agency.province_code}» không phải mã tỉnh chính thức (Tổng cục Thống kê) "
                + (
                    "của 34 tỉnh từ 1/7/2025"
                    if (agency.since or 0) >= MERGER_YEAR
                    else "của 63 tỉnh trước 1/7/2025"
                    if agency.until and agency.until <= MERGER_YEAR
                    else "có cả trước và sau 1/7/2025"
                ),
            )
        official = official_names(True).get(agency.province_code or "")
        if official and (agency.until is None or agency.until > MERGER_YEAR) and agency.name != official:
            problems.add(
                label, row, "name", f"tên chính thức của tỉnh mã {agency.province_code} từ 1/7/2025 là «{official}»"
            )
        if agency.since and agency.until and agency.since > agency.until:
            problems.add(label, row, "until", f"năm kết thúc {agency.until} trước năm bắt đầu {agency.since}")
        if agency.successor and agency.until is None:
            problems.add(label, row, "until", "đơn vị có «successor» thì phải ghi năm kết thúc «until»")
        if agency.successor == agency.id:
            problems.add(label, row, "successor", "một đơn vị không thể kế tục chính nó")
        agencies[agency.id] = agency
        rows[agency.id] = row
    known_ids = set(frame["id"]) if "id" in frame else set()
    for agency in agencies.values():
        if agency.successor and agency.successor != agency.id and agency.successor not in known_ids:
            problems.add(
                label, rows[agency.id], "successor", f"đơn vị kế tục «{agency.successor}» không có trong agencies.csv"
            )
    _check_cycles(agencies, rows, label, problems)
    return agencies


def _date(text: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(text) if text else None
    except ValueError:  # 2025-02-30: reported with its row
        return None


def _check_cycles(agencies: dict[str, Agency], rows: dict[str, int], label: str, problems: Problems) -> None:
    reported: set[str] = set()
    for start in agencies:
        path, current = [], start
        while current in agencies and current not in path:
            path.append(current)
            current = agencies[current].successor
        if current not in path:
            continue
        cycle = path[path.index(current) :]
        if len(cycle) > 1 and not reported.intersection(cycle):  # self-loops are reported above
            reported.update(cycle)
            chain = " → ".join(cycle + [current])
            problems.add(label, rows[cycle[0]], "successor", f"chuỗi kế tục tạo thành vòng lặp: {chain}")
