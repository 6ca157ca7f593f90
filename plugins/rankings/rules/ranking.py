"""The ranking rules of the data contract, as pure functions."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal

from ..data.model import Tier


def competition_ranks(scores: Mapping[Hashable, Decimal]) -> dict[Hashable, int]:
    """Standard competition ranks, best score first: equal scores share a rank and
    the next rank skips (1, 2, 2, 4)."""
    ordered = sorted(scores.values(), reverse=True)
    first_position = {}
    for position, score in enumerate(ordered, start=1):
        first_position.setdefault(score, position)
    return {key: first_position[score] for key, score in scores.items()}


def misplaced(published: Mapping[Hashable, tuple[int, Decimal, int]]) -> set[Hashable]:
    """The fewest units whose published rank, moved, would leave every other in the order
    of the scores: `published` maps each unit to (published rank, score, row). Two units
    conflict when the better rank has the lower score, or equal ranks unequal scores; the
    unit in most conflicts goes first (on a tie, the later row), until none is left. A
    score changed without re-ranking is found alone, not with every unit it displaced."""

    def conflict(a, b) -> bool:
        (rank_a, score_a, _), (rank_b, score_b, _) = published[a], published[b]
        if rank_a == rank_b:
            return score_a != score_b
        return (score_a <= score_b) if rank_a < rank_b else (score_a >= score_b)

    left = list(published)
    against = {key: {other for other in left if other != key and conflict(key, other)} for key in left}
    out = set()
    while any(against[key] for key in left):
        worst = max(left, key=lambda key: (len(against[key]), published[key][2]))
        out.add(worst)
        left.remove(worst)
        for key in left:
            against[key].discard(worst)
    return out


def tier_for(score: Decimal, tiers: Sequence[Tier]) -> str | None:
    """The first tier, best first, whose threshold the score reaches; None if no tier
    has a threshold or the score is below all of them."""
    for tier in tiers:
        if tier.min is not None and score >= tier.min:
            return tier.name
    return None


def derivable(tiers: Sequence[Tier]) -> bool:
    """Tiers can be derived from scores only when every tier has a threshold."""
    return bool(tiers) and all(t.min is not None for t in tiers)


def combined_score(
    values: Mapping[str, Decimal | None], weights: Mapping[str, Decimal] | None = None
) -> Decimal | None:
    """Sum (or weighted sum) of the parts; None when any part is unknown."""
    if not values or any(v is None for v in values.values()):
        return None
    if weights is None:
        return sum(values.values(), Decimal(0))
    return sum((weights[k] * v for k, v in values.items()), Decimal(0))


def quantum(decimals: int) -> Decimal:
    return Decimal(1).scaleb(-decimals)


def rounded(value: Decimal, decimals: int) -> Decimal:
    return value.quantize(quantum(decimals), rounding=ROUND_HALF_UP)


def agrees(given: Decimal, computed: Decimal, decimals: int) -> bool:
    """A given score agrees with the computed one within half a unit of the last shown decimal."""
    return abs(given - computed) <= quantum(decimals) / 2


def rank_change(previous_rank: int | None, rank: int | None) -> int | None:
    """Places gained since the previous edition (positive = moved up)."""
    if previous_rank is None or rank is None:
        return None
    return previous_rank - rank
