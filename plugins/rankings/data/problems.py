"""Data problems: each names a file, a row and a column, and all are reported at once."""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field

from .languages import without_marks


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    row: int | None  # 1-based; header = row 1 (for TOML files: the line)
    column: str | None  # a CSV column, or a TOML key
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"dòng {self.row}")
        if self.column:
            where.append(f"cột «{self.column}»")
        return printable(f"{', '.join(where)}: {self.message}")


def printable(text: str) -> str:
    """Text safe to print on a terminal or in a log: every control, format or bidirectional
    character written as its code (U+001B, U+202E), so that a cell can neither move the
    cursor, clear the screen nor reorder what is printed around it."""
    return "".join(f"U+{ord(c):04X}" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c for c in text)


SHOWN = 100  # problems listed in full; past that, a count: a whole broken column is one mistake, not a screenful


class DataError(Exception):
    """The data folder breaks the data contract; ``problems`` lists every broken rule."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=_order)
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        lines = [f"Dữ liệu có {n} lỗi; trang web chưa được tạo:"]
        lines += [f"  - {p}" for p in self.problems[:SHOWN]]
        if n > SHOWN:
            lines.append(f"  … và {n - SHOWN} lỗi khác (sửa các lỗi trên rồi chạy lại để xem tiếp)")
        return "\n".join(lines)


def unit_named(agency) -> str:
    """A unit as messages name it: its id and its name."""
    return f"«{agency.id}» ({agency.name})"


def did_you_mean(typed: str, known, cutoff: float = 0.6) -> str:
    """ "; có phải là «…»?" with the nearest of `known`, or nothing."""
    close = difflib.get_close_matches(typed, sorted(known), n=1, cutoff=cutoff)
    return f"; có phải là «{close[0]}»?" if close else ""


def unit_hint(typed: str, agencies: dict) -> str:
    """The unit meant by a mistyped id: one whose name was typed where the id belongs
    ("Bộ Tài chính" → bo-tai-chinh), or the nearest id."""
    folded = without_marks(typed).casefold().strip()
    for agency in agencies.values():
        if folded in {without_marks(name).casefold() for name in (agency.name, agency.short_name) if name}:
            return f"; «{typed}» là tên, mã của đơn vị này là «{agency.id}»"
    return did_you_mean(re.sub(r"[^a-z0-9]+", "-", folded).strip("-"), agencies, cutoff=0.75)


def vi_number(value) -> str:
    """A number as the Vietnamese pages write it (0,8642), for messages."""
    return format(value, "f").replace(".", ",")


def _order(p: Problem):
    return (p.file, p.row if p.row is not None else 0, p.column or "", p.message)


@dataclass
class Problems:
    """Collects problems while a folder is read, so that none stops the others."""

    items: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    # The characters the site's fonts draw (data/text.py): the readers refuse a text cell
    # with any other; None where nothing is drawn (a check of the data alone).
    drawable: frozenset[int] | None = None

    def add(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.items.append(Problem(file, row, column, message))

    def warn(self, file: str, row: int | None, column: str | None, message: str) -> None:
        self.warnings.append(Problem(file, row, column, message))

    def on_row(self, file: str, row: int) -> bool:
        """Whether a problem was already said of this row: what follows from it is not said again."""
        return any(p.file == file and p.row == row for p in self.items)

    def mark(self) -> int:
        """A point to ask later whether anything went wrong since."""
        return len(self.items)

    def since(self, mark: int) -> bool:
        return len(self.items) > mark

    def raise_if_any(self) -> None:
        if self.items:
            raise DataError(self.items)
