"""The ranking rules, as pure functions."""

from decimal import Decimal as D

from rankings.data.model import Tier
from rankings.rules import ranking
from rankings.site.views import _missing_ranks

TIERS = [Tier("Tốt", D(85)), Tier("Khá", D(70)), Tier("Trung bình", D(50)), Tier("Yếu", D(0))]


def test_competition_ranks_share_a_rank_and_skip_the_next():
    scores = {"a": D("92"), "b": D("80.5"), "c": D("80.50"), "d": D("62"), "e": D("40")}
    assert ranking.competition_ranks(scores) == {"a": 1, "b": 2, "c": 2, "d": 4, "e": 5}


def test_competition_ranks_all_equal_and_empty():
    assert ranking.competition_ranks({"a": D(1), "b": D(1), "c": D(1)}) == {"a": 1, "b": 1, "c": 1}
    assert ranking.competition_ranks({}) == {}


def test_competition_ranks_three_way_tie_skips_two():
    ranks = ranking.competition_ranks({"a": D(5), "b": D(5), "c": D(5), "d": D(4)})
    assert ranks["d"] == 4


def test_tier_thresholds_are_inclusive():
    assert ranking.tier_for(D(85), TIERS) == "Tốt"
    assert ranking.tier_for(D("84.99"), TIERS) == "Khá"
    assert ranking.tier_for(D(70), TIERS) == "Khá"
    assert ranking.tier_for(D(50), TIERS) == "Trung bình"
    assert ranking.tier_for(D("49.9"), TIERS) == "Yếu"


def test_tier_below_every_threshold_is_none():
    assert ranking.tier_for(D(10), TIERS[:3]) is None


def test_tiers_without_thresholds_are_not_derivable():
    assert ranking.derivable(TIERS)
    assert not ranking.derivable([Tier("Tốt", None), Tier("Khá", D(70))])
    assert not ranking.derivable([])


def test_sum_and_weighted_scores():
    parts = {"a": D("0.5"), "b": D("0.25")}
    assert ranking.combined_score(parts) == D("0.75")
    assert ranking.combined_score(parts, {"a": D("0.4"), "b": D("0.6")}) == D("0.35")


def test_combined_score_unknown_when_a_part_is_missing():
    assert ranking.combined_score({"a": D(1), "b": None}) is None
    assert ranking.combined_score({}) is None


def test_given_score_agrees_within_half_a_unit_of_the_last_decimal():
    assert ranking.agrees(D("80.50"), D("80.504"), 2)
    assert ranking.agrees(D("80.50"), D("80.505"), 2)
    assert not ranking.agrees(D("80.50"), D("80.506"), 2)


def test_rounding_is_half_up():
    assert ranking.rounded(D("0.12345"), 4) == D("0.1235")


def test_rank_change_is_positive_when_moving_up():
    assert ranking.rank_change(17, 2) == 15
    assert ranking.rank_change(2, 4) == -2
    assert ranking.rank_change(3, 3) == 0
    assert ranking.rank_change(None, 3) is None


def test_missing_ranks_skip_tie_gaps():
    assert _missing_ranks([1, 2, 2, 4]) == []
    assert _missing_ranks([1, 2, 3, 5]) == ["4"]
    assert _missing_ranks([1, 6, 17]) == ["2–5", "7–16"]
    assert _missing_ranks([]) == []


def test_computed_scores_are_rounded_before_ranking(data):
    """Two weighted scores that differ only past the shown decimals share a rank."""
    from rankings.pipeline import load

    methodology = data / "2019" / "methodology.toml"
    text = methodology.read_text(encoding="utf-8")
    text = text.replace('method = "sum"', 'method = "weighted"').replace("decimals = 2", "decimals = 1")
    for criterion in ("ha-tang", "ung-dung", "nhan-luc"):
        text = text.replace(f'id = "{criterion}"', f'id = "{criterion}"\nweight = 0.333')
    methodology.write_text(text, encoding="utf-8")
    results = data / "2019" / "results.csv"
    results.write_text(
        results.read_text(encoding="utf-8")
        .replace("so-y-te,so,,,20,12,10,20", "so-y-te,so,,,25,15,15,25.6")
        .replace("so-khcn,so,40,Yếu", "so-khcn,so,,"),
        encoding="utf-8",
    )
    ranks = {r.agency: (r.score, r.rank) for r in load(data).only.editions[2019].results}
    # 0.333 × 80.5 = 26.8065 (twice) and 0.333 × 80.6 = 26.8398: all shown as 26.8
    assert ranks["so-tttt"] == (D("30.6"), 1)
    assert ranks["so-noi-vu"] == ranks["so-tai-chinh"] == ranks["so-y-te"] == (D("26.8"), 2)


def test_numbers_in_vietnamese_and_english_formats():
    from rankings.site import formatting

    assert formatting.score(D("0.9291"), 4) == "0,9291"
    assert formatting.score(D("1234.5"), 2) == "1.234,50"
    assert formatting.score(D("1234.5"), 2, locale="en") == "1,234.50"
    assert formatting.score(D("80.505"), 2) == "80,51"  # half up, as published
    assert formatting.score(D("7"), 0) == "7"
    assert formatting.score(None, 2) == "—"
