"""<year>/methodology.toml: criteria, score scale, tiers, legal basis."""

from __future__ import annotations

import datetime
import math
import re
import unicodedata
from decimal import Decimal
from pathlib import Path

from .cells import HTTP_URL, SLUG
from .columns import RESERVED as RESERVED_COLUMNS
from .model import Criterion, Document, Methodology, Reference, Tier
from .problems import Problems, did_you_mean, vi_number
from .tomlfiles import TomlFile

TOP_KEYS = {
    "name",
    "decision",
    "announced",
    "source_url",
    "documents",
    "comparable_with_previous",
    "coverage",
    "partial_blocs",
    "units_as_of",
    "score",
    "criteria",
    "tiers",
    "publisher",
    "references",
}
SCORE_KEYS = {"max", "decimals", "method", "rank_source"}
CRITERION_KEYS = {"id", "name", "max", "weight", "parent", "blocs"}
TIER_KEYS = {"name", "min", "blocs"}
REFERENCE_KEYS = {"id", "name", "value", "blocs", "criterion", "source_url"}
METHODS = ("given", "sum", "weighted")
FILL = "ĐIỀN:"  # a value `invoke new-edition` left to fill: the edition is refused while one is
RANK_SOURCES = ("computed", "published")


def _number(toml: TomlFile, table: dict, key: str, where, positive: bool = False) -> Decimal | None:
    value = table.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        toml.error("phải là một số", key, *where)
        return None
    if not math.isfinite(value):
        toml.error(f"phải là một số hữu hạn, không phải {value}", key, *where)
        return None
    number = Decimal(str(value)) + 0  # str() keeps 0.15 as written, not as a binary float; + 0: -0.0 is 0
    if number < 0 or (positive and number == 0):
        toml.error("phải là số dương" if positive else "không được âm", key, *where)
        return None
    return number


def _blocs(toml: TomlFile, table: dict, bloc_ids: set[str] | None, where, key: str = "blocs") -> tuple[str, ...] | None:
    value = table.get(key)
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value) or (not value and key == "blocs"):
        toml.error('phải là danh sách mã khối, ví dụ ["bo", "tinh"]', key, *where)
        return None
    for bloc in value:
        if bloc_ids is not None and bloc not in bloc_ids:
            toml.error(f"khối «{bloc}» không có trong series.toml{did_you_mean(bloc, bloc_ids)}", key, *where)
    return tuple(value)


def _documents(toml: TomlFile, folder: Path, names: list[str]) -> dict[str, Document]:
    """The original documents offered for download, by the name they are published under:
    PDF files of the edition's own folder, each listed once. A name matches a file stored
    in another Unicode form (macOS writes decomposed names); a link is never followed, so
    nothing from outside the data folder is published."""
    on_disk = {unicodedata.normalize("NFC", p.name): p for p in folder.iterdir() if p.is_file() and not p.is_symlink()}
    found = {}
    for name in names:
        if name in found:
            toml.error(f"tệp «{name}» được liệt kê hai lần", "documents")
        elif not name.lower().endswith(".pdf"):
            toml.error(f"«{name}» không phải là tệp PDF; chỉ văn bản PDF được công bố kèm kết quả", "documents")
        elif "/" in name or "\\" in name or name not in on_disk:
            toml.error(
                f"không thấy tệp «{name}» trong thư mục {folder.name}/ (tệp thường, không phải liên kết)", "documents"
            )
        elif not on_disk[name].stat().st_size:
            toml.error(
                f"tệp «{name}» là tệp rỗng (0 byte): có thể chép chưa xong; hãy chép lại văn bản gốc", "documents"
            )
        else:
            stat = on_disk[name].stat()
            found[name] = Document(on_disk[name], stat.st_size, stat.st_mtime_ns)
    return found


def _units_as_of(toml: TomlFile, data: dict, bloc_ids: set[str] | None, year: int) -> dict[str, int]:
    """[units_as_of]: the blocs recast on the units of a later year."""
    value = data.get("units_as_of", {})
    if not isinstance(value, dict):
        toml.error("phải là bảng [units_as_of] ghi mã khối = năm, ví dụ tinh-34 = 2025", "units_as_of")
        return {}
    found = {}
    for bloc, units_year in value.items():
        where = ("units_as_of", 0)
        if bloc_ids is not None and bloc not in bloc_ids:
            toml.error(f"khối «{bloc}» không có trong series.toml{did_you_mean(bloc, bloc_ids)}", bloc, *where)
        elif isinstance(units_year, bool) or not isinstance(units_year, int):
            toml.error(f"phải là một năm (số nguyên, ví dụ {year + 1})", bloc, *where)
        elif units_year < year:
            toml.error(
                f"năm {units_year} trước năm của kỳ đánh giá ({year}): một khối chỉ có thể xếp lại "
                "theo đơn vị của năm sau",
                bloc,
                *where,
            )
        else:
            found[bloc] = units_year
    return found


def load_methodology(
    folder: Path, label: str, bloc_ids: set[str] | None, year: int, problems: Problems
) -> Methodology | None:
    mark = problems.mark()
    toml = TomlFile.open(folder / "methodology.toml", label, problems, "mỗi kỳ đánh giá cần tệp methodology.toml")
    if toml is None:
        return None
    data = dict(toml.data)
    for key, value in toml.data.items():
        if isinstance(value, str) and value.startswith(FILL):
            toml.error(f"chưa điền: {value[len(FILL) :].strip()}", key)
            if key not in ("name", "decision"):  # said once, not again as a value of the wrong kind
                del data[key]
    toml.warn_unknown(data, TOP_KEYS, translatable=("name", "coverage", "decision", "publisher"))
    name = toml.string(data, "name", True)
    decision = toml.string(data, "decision", True)

    announced = data.get("announced")
    if announced is not None and (not isinstance(announced, datetime.date) or isinstance(announced, datetime.datetime)):
        toml.error("phải là một ngày theo cú pháp TOML, ví dụ 2017-06-15 (không đặt trong ngoặc kép)", "announced")
        announced = None

    source_url = toml.string(data, "source_url", False)
    if source_url and not re.fullmatch(HTTP_URL, source_url):
        toml.error("địa chỉ phải bắt đầu bằng http:// hoặc https://", "source_url")

    documents = data.get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        toml.error("phải là danh sách tên tệp", "documents")
        documents = []
    document_files = _documents(toml, folder, documents)

    comparable = data.get("comparable_with_previous", True)
    if not isinstance(comparable, bool):
        toml.error("phải là true hoặc false", "comparable_with_previous")
        comparable = True

    partial_blocs = _blocs(toml, data, bloc_ids, (None, 0), key="partial_blocs")
    units_as_of = _units_as_of(toml, data, bloc_ids, year)

    # [score] may be left out for an edition whose scale was never published
    # (only ranks are known); results.py then refuses any score.
    score = data.get("score", {})
    if not isinstance(score, dict):
        toml.error("phải là bảng [score] (max, decimals, method)", "score")
        score = {}
    where = ("score", 0)
    toml.warn_unknown(score, SCORE_KEYS, where)
    score_max = _number(toml, score, "max", where, positive=True)
    decimals = score.get("decimals", 2)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 6:
        toml.error("phải là số nguyên từ 0 đến 6", "decimals", *where)
        decimals = 2
    method = score.get("method", "given")
    if method not in METHODS:
        toml.error(f"phải là một trong {', '.join(METHODS)}", "method", *where)
        method = "given"
    rank_source = score.get("rank_source", "computed")
    if rank_source not in RANK_SOURCES:
        toml.error(f"phải là một trong {', '.join(RANK_SOURCES)}", "rank_source", *where)
        rank_source = "computed"

    criteria = _criteria(toml, data.get("criteria", []), bloc_ids, method)
    tiers = _tiers(toml, data.get("tiers", []), bloc_ids, score_max)
    references = _references(toml, data.get("references", []), bloc_ids, criteria, score_max)
    if problems.since(mark):  # scoring with a broken methodology would only add noise
        return None
    return Methodology(
        name=name,
        names=toml.translations(data, "name"),
        decision=decision,
        score_max=score_max,
        decimals=decimals,
        method=method,
        rank_source=rank_source,
        announced=announced,
        source_url=source_url,
        documents=document_files,
        comparable_with_previous=comparable,
        units_as_of=units_as_of,
        coverage=toml.string(data, "coverage", False),
        partial_blocs=partial_blocs,
        coverages=toml.translations(data, "coverage"),
        decisions=toml.translations(data, "decision"),
        criteria=criteria,
        tiers=tiers,
        publisher=toml.string(data, "publisher", False),
        publishers=toml.translations(data, "publisher"),
        references=references,
    )


def _references(
    toml: TomlFile, raw: list, bloc_ids: set[str] | None, criteria: tuple[Criterion, ...], score_max: Decimal | None
) -> tuple[Reference, ...]:
    """[[references]]: figures published for the whole edition, each with its source."""
    if not isinstance(raw, list):
        toml.error("phải là danh sách các bảng [[references]]", "references")
        return ()
    found: list[Reference] = []
    by_id = {c.id: c for c in criteria}
    for i, table in enumerate(raw):
        where = ("references", i)
        toml.warn_unknown(table, REFERENCE_KEYS, where, translatable=("name",))
        rid = toml.string(table, "id", True, where)
        name = toml.string(table, "name", True, where)
        source_url = toml.string(table, "source_url", True, where)
        if rid is not None and not re.fullmatch(SLUG, rid):
            toml.error(f"«{rid}» không phải là mã hợp lệ (chữ thường không dấu, số, dấu gạch ngang)", "id", *where)
        elif rid is not None and rid in {r.id for r in found}:
            toml.error(f"mã giá trị tham chiếu «{rid}» bị lặp lại", "id", *where)
        if source_url is not None and not re.fullmatch(HTTP_URL, source_url):
            toml.error("địa chỉ phải bắt đầu bằng http:// hoặc https://", "source_url", *where)
        criterion = toml.string(table, "criterion", False, where)
        if criterion is not None and criterion not in by_id:
            toml.error(
                f"tiêu chí «{criterion}» không có trong tệp{did_you_mean(criterion, set(by_id))}", "criterion", *where
            )
        if "value" not in table:
            toml.error("thiếu giá trị «value» (con số như được công bố)", "value", *where)
        value = _number(toml, table, "value", where)
        top = by_id[criterion].max if criterion in by_id else score_max
        if value is not None and top is not None and value > top:
            toml.error(f"giá trị {vi_number(value)} lớn hơn điểm tối đa {vi_number(top)}", "value", *where)
        blocs = _blocs(toml, table, bloc_ids, where)
        if None not in (rid, name, source_url, value):
            found.append(
                Reference(rid, name, value, source_url, toml.translations(table, "name", where), blocs, criterion)
            )
    return tuple(found)


def _criteria(toml: TomlFile, raw: list, bloc_ids: set[str], method: str) -> tuple[Criterion, ...]:
    if not isinstance(raw, list):
        toml.error("phải là danh sách các bảng [[criteria]]", "criteria")
        return ()
    criteria: list[Criterion] = []
    for i, table in enumerate(raw):
        where = ("criteria", i)
        toml.warn_unknown(table, CRITERION_KEYS, where, translatable=("name",))
        cid = toml.string(table, "id", True, where)
        name = toml.string(table, "name", True, where)
        if cid is not None:
            if not re.fullmatch(SLUG, cid):
                toml.error(f"«{cid}» không phải là mã hợp lệ (chữ thường không dấu, số, dấu gạch ngang)", "id", *where)
            elif cid.endswith("-rank"):
                toml.error("mã tiêu chí không được kết thúc bằng «-rank» (dành cho cột thứ hạng)", "id", *where)
            elif cid in {c.id for c in criteria} or cid in RESERVED_COLUMNS:
                toml.error(f"mã tiêu chí «{cid}» bị lặp lại hoặc trùng tên một cột của results.csv", "id", *where)
        parent = toml.string(table, "parent", False, where)
        weight = _number(toml, table, "weight", where)
        criterion = Criterion(
            id=cid or "",
            name=name or "",
            names=toml.translations(table, "name", where),
            max=_number(toml, table, "max", where, positive=True),
            weight=weight,
            parent=parent,
            blocs=_blocs(toml, table, bloc_ids, where),
        )
        if method == "weighted" and parent is None and weight is None:
            toml.error("phương pháp «weighted» cần trọng số «weight» cho mỗi tiêu chí cấp trên cùng", "weight", *where)
        criteria.append(criterion)
    ids = {c.id for c in criteria}
    for i, criterion in enumerate(criteria):
        if criterion.parent and criterion.parent not in ids:
            toml.error(
                f"tiêu chí cha «{criterion.parent}» không có trong tệp{did_you_mean(criterion.parent, ids)}",
                "parent",
                "criteria",
                i,
            )
        seen, current = set(), criterion
        while current and current.parent and current.id not in seen:
            seen.add(current.id)
            current = next((c for c in criteria if c.id == current.parent), None)
            if current is criterion:
                toml.error("quan hệ cha–con của tiêu chí tạo thành vòng lặp", "parent", "criteria", i)
                break
    return tuple(c for c in criteria if c.id and c.name)


def _tiers(toml: TomlFile, raw: list, bloc_ids: set[str], score_max: Decimal | None) -> tuple[Tier, ...]:
    if not isinstance(raw, list):
        toml.error("phải là danh sách các bảng [[tiers]]", "tiers")
        return ()
    tiers: list[Tier] = []
    for i, table in enumerate(raw):
        where = ("tiers", i)
        toml.warn_unknown(table, TIER_KEYS, where, translatable=("name",))
        name = toml.string(table, "name", True, where)
        minimum = _number(toml, table, "min", where)
        if minimum is not None and score_max is not None and minimum > score_max:
            toml.error(f"ngưỡng {vi_number(minimum)} lớn hơn điểm tối đa {vi_number(score_max)}", "min", *where)
        tier = Tier(
            name=name or "",
            min=minimum,
            names=toml.translations(table, "name", where),
            blocs=_blocs(toml, table, bloc_ids, where),
        )
        if name:
            tiers.append(tier)
        for earlier in tiers[:-1]:
            shared = tier.blocs is None or earlier.blocs is None or set(tier.blocs) & set(earlier.blocs)
            if not shared or not name:
                continue
            if earlier.name == tier.name:
                toml.error(f"mức «{tier.name}» bị lặp lại", "name", *where)
            elif earlier.min is not None and tier.min is not None and tier.min >= earlier.min:
                toml.error(
                    f"các mức phải xếp từ cao xuống thấp: ngưỡng {vi_number(tier.min)} của «{tier.name}» "
                    f"không thấp hơn ngưỡng {vi_number(earlier.min)} của «{earlier.name}»",
                    "min",
                    *where,
                )
    return tuple(tiers)
