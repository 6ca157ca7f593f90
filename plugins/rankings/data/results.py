"""<year>/results.csv (or .xlsx): one row per unit, checked cell by cell and row by row."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from . import cells
from .cells import NUMBER, POSITIVE_INT, RANK_PROBLEM, at_most, column, decimals_at_most, filled, filled_never, matches
from .columns import COLUMNS, GIVEN
from .dialects import find_table, read_table
from .languages import translated_keys
from .model import Agency, Methodology, Result, Series
from .problems import Problems, did_you_mean, unit_hint, unit_named, vi_number


def load_results(
    folder: Path,
    label_of,
    year: int,
    methodology: Methodology,
    series: Series,
    agencies: dict[str, Agency],
    problems: Problems,
) -> tuple[list[Result], str] | None:
    mark = problems.mark()
    path = find_table(folder, "results", label_of, problems)
    if problems.since(mark):
        return None
    if path is None:
        problems.add(
            label_of(folder / "results.csv"), None, None, "mỗi kỳ đánh giá cần tệp results.csv (hoặc results.xlsx)"
        )
        return None
    label = label_of(path)
    table = read_table(path, label, problems)
    if table is None:
        return None
    criteria = {c.id: c for c in methodology.criteria}
    notes = translated_keys("note", table.frame.columns)  # note_en, …
    known = set(GIVEN) | set(criteria) | {f"{c}-rank" for c in criteria} | set(notes.values())
    for name in table.frame.columns:
        if name not in known:
            problems.add(
                label,
                1,
                name,
                f"cột không có trong quy cách và không phải mã tiêu chí của năm {year}" + did_you_mean(name, known),
            )
    numeric = ["score"] + list(criteria)
    frame = cells.number_cells(table.frame, numeric, table.decimal_comma)
    if methodology.score_max is None:
        score_range = filled_never("có điểm nhưng methodology.toml không khai báo thang điểm ([score] max)")
    else:
        score_range = at_most(
            methodology.score_max, f"điểm «{{value}}» phải nằm trong khoảng 0 đến {vi_number(methodology.score_max)}"
        )
    not_number = "«{value}» không phải là số (dùng dấu chấm thập phân, hoặc dấu phẩy khi tệp phân cách bằng «;»)"
    rules = {
        c.name: column(
            *([filled()] if c.required else []),
            *([matches(c.pattern, c.problem)] if c.pattern else []),
            required=c.required,
        )
        for c in COLUMNS
        if c.name in GIVEN
    }
    # A recast bloc ranks the units again, on a later year's map: a unit may stand once
    # among the edition's own blocs and once in each recast bloc (checked below).
    rules["agency"] = column(filled(), required=True, unique=not methodology.units_as_of)
    rules["bloc"] = column(filled(), required=True)  # a known bloc: checked by row, with a suggestion
    no_extra_decimals = decimals_at_most(
        methodology.decimals,
        f"«{{value}}» có nhiều chữ số thập phân hơn số được hiển thị "
        f"(decimals = {methodology.decimals} trong [score] của "
        "methodology.toml): hai điểm khác nhau sẽ hiện như nhau",
    )
    rules["score"] = column(matches(NUMBER, not_number), score_range, no_extra_decimals)
    for criterion in criteria.values():
        bound = f" (tối đa {vi_number(criterion.max)})" if criterion.max is not None else ""
        rules[criterion.id] = column(
            matches(NUMBER, not_number),
            no_extra_decimals,
            at_most(criterion.max, f"điểm tiêu chí «{{value}}» phải nằm trong khoảng 0 đến{bound or ' vô cùng'}"),
        )
        rules[f"{criterion.id}-rank"] = column(matches(POSITIVE_INT, RANK_PROBLEM))
    bad = cells.check(
        frame,
        rules,
        label,
        problems,
        unit=lambda i: unit_named(agencies[a]) if (a := frame.at[i, "agency"]) in agencies else None,
    )
    blocs = [b.id for b in series.blocs]

    results, rows_of = [], {}
    for index, record in frame.iterrows():
        if index in bad:
            continue
        row = index + 2
        value = lambda key: record.get(key) or None  # noqa: E731, B023 - "" means absent; used in this pass only
        agency = agencies.get(record["agency"])
        if agency is None:
            problems.add(
                label,
                row,
                "agency",
                f"«{record['agency']}» không có trong agencies.csv" + unit_hint(record["agency"], agencies),
            )
            continue
        if record["bloc"] not in blocs:
            problems.add(
                label,
                row,
                "bloc",
                f"{unit_named(agency)}: khối «{record['bloc']}» không có trong series.toml"
                + did_you_mean(record["bloc"], blocs),
            )
            continue
        units_year = methodology.units_year(record["bloc"], year)
        if not agency.exists_in(units_year):
            span = f"{agency.since or '…'}–{agency.until or '…'}"
            recast = f" (khối «{record['bloc']}» xếp các đơn vị của năm {units_year})" if units_year != year else ""
            problems.add(
                label,
                row,
                "agency",
                f"{unit_named(agency)} chỉ tồn tại trong các năm {span}, không có năm {units_year}{recast}",
            )
        if methodology.units_as_of:
            first = rows_of.setdefault((agency.id, units_year), row)
            if first != row:
                problems.add(
                    label,
                    row,
                    "agency",
                    f"{unit_named(agency)} đã có ở dòng {first} trong các khối xếp "
                    f"theo đơn vị năm {units_year}: mỗi đơn vị một dòng",
                )
        result = Result(
            agency=agency.id,
            bloc=record["bloc"],
            row=row,
            status=value("status") or "rated",
            note=value("note"),
            source=value("source"),
            notes={lang: record[key] for lang, key in sorted(notes.items()) if record[key]},
            score=_decimal(value("score")),
            rank=_int(value("rank")),
            tier=value("tier"),
        )
        for criterion in criteria.values():
            given = _decimal(value(criterion.id))
            given_rank = _int(value(f"{criterion.id}-rank"))
            if (given is not None or given_rank is not None) and not criterion.applies_to(result.bloc):
                problems.add(
                    label,
                    row,
                    criterion.id,
                    f"{unit_named(agency)}: tiêu chí «{criterion.id}» không áp dụng cho khối «{result.bloc}»",
                )
            if criterion.applies_to(result.bloc):
                result.criteria[criterion.id] = given
                result.criteria_rank[criterion.id] = given_rank
        if not result.rated:
            for key in ("rank", "tier"):
                if value(key):
                    problems.add(
                        label,
                        row,
                        key,
                        f"{unit_named(agency)}: đơn vị «not-rated» (không đánh giá) không có thứ hạng hay mức",
                    )
            if not result.note:
                problems.add(
                    label, row, "note", f"{unit_named(agency)}: đơn vị «not-rated» phải có ghi chú («note») nêu lý do"
                )
        if (
            result.rated
            and result.score is None
            and result.rank is None
            and result.tier is None
            and not result.note
            and not any(v is not None for v in (*result.criteria.values(), *result.criteria_rank.values()))
            and not problems.on_row(label, row)
        ):
            # A unit left without a figure would show as ranked, with nothing to say.
            problems.add(
                label,
                row,
                "score",
                f"{unit_named(agency)}: dòng chưa có số liệu nào; hãy điền điểm, hạng "
                "hoặc mức, hoặc ghi chú lý do (status = not-rated), hoặc xóa dòng",
            )
        results.append(result)
    return results, label


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) + 0 if text else None  # + 0: "-0" is 0, with its decimals kept


def _int(text: str | None) -> int | None:
    return int(text) if text else None
