"""portal.toml (data format version 2): a portal of several series sharing one registry."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .cells import SLUG, YEAR, ReservedNames
from .problems import Problems
from .tomlfiles import TomlFile

PORTAL_KEYS = {"title", "publisher", "license", "series"}
LICENSE = r"[A-Za-z0-9][A-Za-z0-9.+-]*"  # an SPDX identifier: CC-BY-4.0, ODbL-1.0, …


# The licences a data officer is likely to name, with where each is read; any other SPDX
# id is read on spdx.org.
LICENSES = {
    "CC-BY-4.0": ("Creative Commons Attribution 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "CC-BY-SA-4.0": ("Creative Commons Attribution-ShareAlike 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "CC0-1.0": ("Creative Commons Zero 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
    "ODC-By-1.0": ("Open Data Commons Attribution 1.0", "https://opendatacommons.org/licenses/by/1-0/"),
    "ODbL-1.0": ("Open Data Commons Open Database License 1.0", "https://opendatacommons.org/licenses/odbl/1-0/"),
    "PDDL-1.0": (
        "Open Data Commons Public Domain Dedication and License 1.0",
        "https://opendatacommons.org/licenses/pddl/1-0/",
    ),
}


def license_url(spdx: str) -> str:
    return LICENSES[spdx][1] if spdx in LICENSES else f"https://spdx.org/licenses/{spdx}.html"


@dataclass
class PortalFile:
    title: str
    publisher: str
    series: list[str]
    titles: dict[str, str] = field(default_factory=dict)
    publishers: dict[str, str] = field(default_factory=dict)
    license: str | None = None


def license_of(toml: TomlFile, data: dict) -> str | None:
    value = toml.string(data, "license", False)
    if value is not None and not re.fullmatch(LICENSE, value):
        toml.error(f"«{value}» không phải là mã giấy phép SPDX (ví dụ CC-BY-4.0)", "license")
        return None
    return value


def load_portal(folder: Path, label: str, problems: Problems, reserved: ReservedNames) -> PortalFile | None:
    mark = problems.mark()
    toml = TomlFile.open(folder / "portal.toml", label, problems, "không có tệp portal.toml")
    if toml is None:
        return None
    data = toml.data
    toml.warn_unknown(data, PORTAL_KEYS, translatable=("title", "publisher"))
    title = toml.string(data, "title", True)
    publisher = toml.string(data, "publisher", True)
    ids = data.get("series")
    if not isinstance(ids, list) or not ids or not all(isinstance(i, str) for i in ids):
        toml.error('cần danh sách mã chuỗi theo thứ tự hiển thị, ví dụ series = ["ung-dung-cntt", "dti"]', "series")
        ids = []
    seen = set()
    for sid in ids:
        if not re.fullmatch(SLUG, sid):
            toml.error(f"«{sid}» không phải là mã hợp lệ (chữ thường không dấu, số, dấu gạch ngang)", "series")
        elif sid in reserved.top or re.fullmatch(YEAR, sid):
            toml.error(f"mã chuỗi «{sid}» trùng với một địa chỉ của cổng (/{sid}/); hãy đặt mã khác", "series")
        elif sid in seen:
            toml.error(f"mã chuỗi «{sid}» bị lặp lại", "series")
        elif not (folder / sid).is_dir():
            toml.error(f"không có thư mục {sid}/ cho chuỗi «{sid}»", "series")
        seen.add(sid)
    for path in sorted(p for p in folder.iterdir() if p.is_dir() and (p / "series.toml").is_file()):
        if path.name not in seen:
            toml.warn(
                f"thư mục {path.name}/ có series.toml nhưng không có trong danh sách series nên bị bỏ qua", "series"
            )
    license = license_of(toml, data)
    if problems.since(mark):
        return None
    return PortalFile(
        title, publisher, ids, toml.translations(data, "title"), toml.translations(data, "publisher"), license
    )
