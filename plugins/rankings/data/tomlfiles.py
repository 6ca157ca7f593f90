"""Reading TOML files (tomllib) and pointing problems at the line that holds a key."""

from __future__ import annotations

import re
import tomllib
import unicodedata
from pathlib import Path

from .languages import translated_keys
from .problems import Problems
from .text import fault, spaced

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_.-]+)\s*\]\]?")
_KEY = re.compile(r"^\s*([A-Za-z0-9_-]+)\s*=")


class TomlFile:
    """A parsed TOML file that can tell on which line a key stands."""

    def __init__(self, path: Path, label: str, problems: Problems):
        self.label = label
        self.problems = problems
        self.data: dict | None = None
        text = path.read_bytes().removeprefix(b"\xef\xbb\xbf")
        try:
            self.text = unicodedata.normalize("NFC", text.decode("utf-8"))  # one form for every name
        except UnicodeDecodeError as err:
            problems.add(
                label, text[: err.start].count(b"\n") + 1, None, "tệp không ở mã UTF-8; hãy lưu lại với bộ mã UTF-8"
            )
            return
        try:
            self.data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as err:
            match = re.search(r"at line (\d+)", str(err))
            problems.add(label, int(match.group(1)) if match else None, None, f"sai cú pháp TOML: {err}")

    @classmethod
    def open(cls, path: Path, label: str, problems: Problems, missing: str) -> TomlFile | None:
        """The parsed file, or None (with the problem reported) when absent or unreadable."""
        if not path.is_file():
            problems.add(label, None, None, missing)
            return None
        toml = cls(path, label, problems)
        return toml if toml.data is not None else None

    def string(self, table: dict, key: str, required: bool, where: tuple = (None, 0)) -> str | None:
        """A non-empty string value, or None (reported when required or of another type)."""
        value = table.get(key)
        if value is None:
            if required:
                self.error(f"thiếu khóa bắt buộc «{key}»", key, *where)
            return None
        if not isinstance(value, str) or not value.strip():
            self.error("phải là một chuỗi văn bản không rỗng", key, *where)
            return None
        value = spaced(value).strip()
        message = fault(value, self.problems.drawable)
        if message:
            self.error(message.replace("ô có", "giá trị có", 1), key, *where)
            return None
        return value

    def translations(self, table: dict, field: str, where: tuple = (None, 0)) -> dict[str, str]:
        """`field` in other languages (`name_en`, …), each a non-empty string."""
        found = {lang: self.string(table, key, False, where) for lang, key in translated_keys(field, table).items()}
        return {lang: text for lang, text in sorted(found.items()) if text}

    def warn_unknown(
        self, table: dict, known: set[str], where: tuple = (None, 0), translatable: tuple[str, ...] = ()
    ) -> None:
        """Keys the contract does not name are reported (and ignored); `translatable`
        fields may also be given in other languages."""
        known = known | {key for field in translatable for key in translated_keys(field, table).values()}
        for key in sorted(set(table) - known):
            self.warn(f"khóa «{key}» không có trong quy cách dữ liệu nên bị bỏ qua", key, *where)

    def line(self, key: str | None = None, table: str | None = None, index: int = 0) -> int | None:
        """Line of ``key`` in the top level, in ``[table]``, or in the index-th ``[[table]]``.

        Falls back to the table's header line when the key is absent.
        """
        current, seen, header_line = None, {}, None
        for number, text in enumerate(self.text.splitlines(), start=1):
            header = _HEADER.match(text)
            if header:
                current = header.group(2)
                seen[current] = seen.get(current, -1) + 1
                if current == table and seen[current] == index:
                    header_line = number
                continue
            in_place = (table is None and current is None) or (current == table and seen.get(current) == index)
            if key and in_place:
                found = _KEY.match(text)
                if found and found.group(1) == key:
                    return number
        return header_line

    def error(self, message: str, key: str | None = None, table: str | None = None, index: int = 0) -> None:
        self.problems.add(self.label, self.line(key, table, index), key, message)

    def warn(self, message: str, key: str | None = None, table: str | None = None, index: int = 0) -> None:
        self.problems.warn(self.label, self.line(key, table, index), key, message)
