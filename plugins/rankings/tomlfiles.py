"""Reading TOML files (tomllib) and pointing problems at the line that holds a key."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .problems import Problems

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
            self.text = text.decode("utf-8")
        except UnicodeDecodeError as err:
            problems.add(label, text[: err.start].count(b"\n") + 1, None,
                         "tệp không ở mã UTF-8; hãy lưu lại với bộ mã UTF-8")
            return
        try:
            self.data = tomllib.loads(self.text)
        except tomllib.TOMLDecodeError as err:
            match = re.search(r"at line (\d+)", str(err))
            problems.add(label, int(match.group(1)) if match else None, None,
                         f"sai cú pháp TOML: {err}")

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
            in_place = (table is None and current is None) or (
                current == table and seen.get(current) == index
            )
            if key and in_place:
                found = _KEY.match(text)
                if found and found.group(1) == key:
                    return number
        return header_line

    def error(self, message: str, key: str | None = None, table: str | None = None,
              index: int = 0) -> None:
        self.problems.add(self.label, self.line(key, table, index), key, message)

    def warn(self, message: str, key: str | None = None, table: str | None = None,
             index: int = 0) -> None:
        self.problems.warn(self.label, self.line(key, table, index), key, message)
