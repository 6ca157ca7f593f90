"""What a text cell may hold, so that every renderer (browser, SVG, PDF, share image) and
the terminal take it as it is. The rule, as the data contract states it: a line break,
tab or other spacing control inside a cell (Word's vertical tab, a cell's Alt+Enter) is
one space; any other control character, and the bidirectional overrides and isolates
(U+202A–U+202E, U+2066–U+2069, never needed in Vietnamese or English), are refused; so
is a character that no font of the theme draws (an emoji, a mathematical letter)."""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACING = re.compile(r"[\t\n\r\v\f\x1c-\x1f\x85\u2028\u2029]+")
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def spaced(value: str) -> str:
    """The cell with each run of spacing controls as one space."""
    return _SPACING.sub(" ", value) if _SPACING.search(value) else value


def fault(value: str, drawable: frozenset[int] | None) -> str | None:
    """What makes the (spaced) text unfit, or None."""
    for char in value:
        if unicodedata.category(char) == "Cc":
            return f"ô có ký tự điều khiển U+{ord(char):04X}, không in được; hãy xóa ký tự này"
        if char in BIDI:
            return f"ô có ký tự đổi chiều chữ U+{ord(char):04X}, có thể đảo thứ tự chữ hiện quanh nó; hãy xóa ký tự này"
    if drawable is None:
        return None
    missing = sorted({char for char in value if ord(char) not in drawable and not char.isspace()})
    if missing:
        listed = ", ".join(f"«{c}» (U+{ord(c):04X})" for c in missing[:3])
        return f"ô có ký tự mà không phông chữ nào của trang vẽ được: {listed}; hãy thay bằng chữ, số hoặc dấu thường"
    return None


@functools.lru_cache(maxsize=4)
def unfit(drawable: frozenset[int] | None) -> re.Pattern:
    """One pattern that finds a character `fault` would name, to scan a whole column at
    once (20,000 rows in milliseconds); `fault` then words what it found."""
    refused = "\x00-\x1f\x7f-\x9f" + "".join(sorted(BIDI))
    if drawable is None:
        return re.compile(f"[{refused}]")
    ranges, start, previous = [], None, None
    for code in sorted(drawable):  # the drawable characters as ranges, for a negated class
        if start is None:
            start = previous = code
        elif code == previous + 1:
            previous = code
        else:
            ranges.append((start, previous))
            start = previous = code
    if start is not None:
        ranges.append((start, previous))
    allowed = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
    return re.compile(f"[{refused}]|[^{allowed}\\s]")
