"""CSV cells safe to open in a spreadsheet. A text cell that begins with =, +, -, @, a tab
or a carriage return would be run as a formula by Excel or LibreOffice (CSV injection);
as OWASP recommends, such a cell gets a leading apostrophe, which spreadsheets show as
text. Numbers (-2, a fall of two places) stay numbers."""

from __future__ import annotations

import re

import pandas as pd

_FORMULA = re.compile(r"[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?\d+(\.\d+)?")


def safe_cell(value):
    if isinstance(value, str) and _FORMULA.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The frame with every text cell made safe (numbers and empty cells as they are)."""
    safe = frame.copy()
    for column in safe.columns:  # as objects: a mapped column of ints with gaps would become floats
        safe[column] = pd.Series([safe_cell(v) for v in frame[column]], index=frame.index, dtype=object)
    return safe
