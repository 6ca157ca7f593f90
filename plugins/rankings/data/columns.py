"""The columns of results, declared once: what the loader accepts, what the open data
writes (in this order), which names a criterion id may not take, and what
docs/data-format.md lists (a test keeps the two in step)."""

from __future__ import annotations

from dataclasses import dataclass

from .cells import HTTP_URL, POSITIVE_INT, RANK_PROBLEM

CRITERIA = "<criterion id>"  # where each criterion's score, then its rank, stand


@dataclass(frozen=True)
class Column:
    name: str
    given: bool  # a column of results.csv; otherwise computed for the open data only
    required: bool = False
    pattern: str | None = None  # a whole-cell regular expression for a given cell
    problem: str | None = None  # the message when a cell does not match it


COLUMNS = (
    Column("agency", given=True, required=True),
    Column("name", given=False),
    Column("bloc", given=True, required=True),
    Column(
        "status", given=True, pattern="rated|not-rated", problem="trạng thái «{value}» phải là rated hoặc not-rated"
    ),
    Column("score", given=True),
    Column("rank", given=True, pattern=POSITIVE_INT, problem=RANK_PROBLEM),
    Column("tier", given=True),
    Column("rank_change", given=False),
    Column(CRITERIA, given=True),
    Column("note", given=True),
    Column("source", given=True, pattern=HTTP_URL, problem="nguồn «{value}» phải là địa chỉ http:// hoặc https://"),
)

GIVEN = tuple(c.name for c in COLUMNS if c.given and c.name != CRITERIA)
# A criterion's column takes its id: no id may be the name of another column.
RESERVED = frozenset(c.name for c in COLUMNS if c.name != CRITERIA)


def output_columns(criteria: list[str]) -> list[str]:
    """The open data's columns for an edition with these criteria."""
    out = []
    for c in COLUMNS:
        out += [*criteria, *(f"{cid}-rank" for cid in criteria)] if c.name == CRITERIA else [c.name]
    return out
