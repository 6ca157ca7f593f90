"""Applies the ranking rules to an edition: computed scores, ranks and tiers, checked
against what was published."""

from __future__ import annotations

import bisect

from ..data.loader import Reading
from ..data.model import Dataset, Edition, Methodology, Result
from ..data.problems import Problems, did_you_mean, unit_named, vi_number
from . import ranking

PARTIAL_HINT = (
    "; nếu thứ hạng công bố là đúng (bảng không đầy đủ nên không tính lại được), đặt "
    'rank_source = "published" trong [score] của methodology.toml'
)


def score(reading: Reading) -> Reading:
    """Every edition read scored, ranked and put in tiers, checked against what was
    published; each series' editions linked (rank changes). Problems join the reading's."""
    for edition, blocs, checked in reading.unscored:
        score_edition(
            edition,
            list(blocs),
            reading.problems,
            checked=checked,
            unit=lambda agency: unit_named(reading.agencies[agency]),
        )
    for dataset in reading.datasets.values():
        if dataset is not None:
            link_editions(dataset)
    return reading


def score_edition(edition: Edition, bloc_ids: list[str], problems: Problems, checked: bool = True, unit=str) -> None:
    """`checked`: whether every row of the results file was read (a dropped row would make
    the others' ranks disagree); `unit(id)` names a unit in messages."""
    m = edition.methodology
    for bloc in bloc_ids:
        rows = [r for r in edition.bloc_results(bloc) if r.rated]
        for result in rows:
            _fill_parent_criteria(result, m)
            _fill_score(result, m, edition.results_file, problems, unit)
        # Each ranked column: its name, the score it ranks, the rank, and how to set it.
        columns = [("rank", lambda r: r.score, lambda r: r.rank, _set_rank)] + [
            (
                f"{c.id}-rank",
                lambda r, c=c.id: r.criteria.get(c),
                lambda r, c=c.id: r.criteria_rank.get(c),
                lambda r, value, c=c.id: r.criteria_rank.__setitem__(c, value),
            )
            for c in m.criteria_for(bloc)
        ]
        for column, score_of, rank_of, set_rank in columns:
            _rank(
                rows,
                column,
                score_of,
                rank_of,
                set_rank,
                m,
                m.partial(bloc),
                edition.results_file,
                problems,
                checked,
                unit,
            )
        _tiers(rows, bloc, m, edition.results_file, problems, unit)
        if checked and not m.partial(bloc):
            for column, _, rank_of, _ in columns:
                _check_complete_ranks(rows, column, rank_of, edition.results_file, problems)


def _fill_parent_criteria(result: Result, m: Methodology) -> None:
    """A criterion with children and no value of its own scores the sum of its children."""

    def depth(c):
        d, parent = 0, c.parent
        while parent:
            d, parent = d + 1, next((p.parent for p in m.criteria if p.id == parent), None)
        return d

    for criterion in sorted(m.criteria, key=depth, reverse=True):
        children = [c.id for c in m.children(criterion.id) if c.id in result.criteria]
        if children and criterion.id in result.criteria and result.criteria[criterion.id] is None:
            result.criteria[criterion.id] = ranking.combined_score({c: result.criteria[c] for c in children})


def _fill_score(result: Result, m: Methodology, label: str, problems: Problems, unit) -> None:
    if m.method == "given":
        return
    top = [c for c in m.criteria_for(result.bloc) if c.parent is None]
    weights = {c.id: c.weight for c in top} if m.method == "weighted" else None
    computed = ranking.combined_score({c.id: result.criteria.get(c.id) for c in top}, weights)
    if computed is None:
        return
    if result.score is None:
        # Rounded as it is shown, so that scores a reader sees as equal share a rank.
        result.score = ranking.rounded(computed, m.decimals)
    elif not ranking.agrees(result.score, computed, m.decimals):
        how = "tổng" if m.method == "sum" else "tổng có trọng số"
        problems.add(
            label,
            result.row,
            "score",
            f"{unit(result.agency)}: điểm công bố {vi_number(result.score)} khác điểm tính được "
            f"({how} các tiêu chí) {vi_number(ranking.rounded(computed, m.decimals))}",
        )


def _set_rank(result: Result, value: int) -> None:
    result.rank = value


def _rank(
    rows: list[Result],
    column: str,
    score_of,
    rank_of,
    set_rank,
    m: Methodology,
    partial: bool,
    label: str,
    problems: Problems,
    checked: bool,
    unit,
) -> None:
    """Overall or criterion ranks: computed from scores where the rank is not given;
    published ranks that disagree fail, unless the methodology says they stand (with a
    warning). Then a partial table's ranks are the published ones alone: the scores of some
    of its units cannot rank them, nor check its criteria's ranks. Where the file already
    has a broken row (`checked` false), the rows left are not compared: the ranks would
    disagree only because that row is missing."""
    standing = m.rank_source == "published" and partial
    if standing and column != "rank":
        return
    if column != "rank" and any(score_of(r) is None for r in rows):
        return  # a criterion scored for some units only (the top five, say) ranks none of them
    scores = {id(r): score_of(r) for r in rows if score_of(r) is not None}
    report = problems.warn if m.rank_source == "published" else problems.add
    if any(score_of(r) is None and rank_of(r) is not None for r in rows):
        # Ranked units without a score (a province printed the whole order, the scores of
        # its first and last only): the scores rank nothing; only their order is checked.
        given = {id(r): (rank_of(r), scores[id(r)], r.row) for r in rows if id(r) in scores and rank_of(r) is not None}
        misplaced = ranking.misplaced(given) if checked else set()
        for r in [r for r in rows if id(r) in misplaced]:
            report(
                label,
                r.row,
                column,
                f"{unit(r.agency)}: hạng công bố {rank_of(r)} trái với thứ tự điểm (điểm {vi_number(scores[id(r)])})"
                + ("; giữ thứ hạng công bố" if report == problems.warn else ""),
            )
        return
    computed = ranking.competition_ranks(scores)
    for r in rows:
        if id(r) in computed and rank_of(r) is None and not standing:
            set_rank(r, computed[id(r)])
    given = {id(r): rank_of(r) for r in rows if id(r) in computed and rank_of(r) is not None}
    wrong = [r for r in rows if id(r) in given and given[id(r)] != computed[id(r)]]
    if not checked or not wrong:
        return
    hint = PARTIAL_HINT if partial and m.rank_source == "computed" else ""
    causes = ranking.misplaced({id(r): (given[id(r)], scores[id(r)], r.row) for r in rows if id(r) in given})
    first = [r for r in wrong if id(r) in causes] or wrong[:1]  # no single cause: the first one stands for all
    following = [r for r in wrong if r not in first]
    for i, r in enumerate(first):
        message = (
            f"{unit(r.agency)}: hạng công bố {given[id(r)]}, nhưng điểm {vi_number(scores[id(r)])} xếp đơn vị "
            f"ở hạng {computed[id(r)]}"
        )
        if i == 0 and following:
            rows_named = ", ".join(str(x.row) for x in following[:8]) + (", …" if len(following) > 8 else "")
            message += f"; vì vậy {len(following)} dòng khác cũng lệch hạng (dòng {rows_named}): sửa dòng này trước"
        report(label, r.row, column, message + ("; giữ thứ hạng công bố" if report == problems.warn else hint))


def _check_complete_ranks(rows: list[Result], column: str, rank_of, label: str, problems: Problems) -> None:
    """In a complete table the ranks, given or computed, are those of its N rated units:
    none beyond N, and, once every unit has one, standard competition ranks (1, 2, 2, 4)."""
    ranks = [rank_of(r) for r in rows]
    for r, rank in zip(rows, ranks):
        if rank is not None and rank > len(rows):
            problems.add(
                label,
                r.row,
                column,
                f"thứ hạng {rank} lớn hơn số đơn vị được đánh giá của khối ({len(rows)}); "
                "nếu bảng công bố không đầy đủ, ghi khối vào partial_blocs",
            )
    if None in ranks or any(rank > len(rows) for rank in ranks):
        return
    ordered = sorted(ranks)
    for r, rank in zip(rows, ranks):
        ahead = bisect.bisect_left(ordered, rank)  # the ranks better than this one
        if rank != ahead + 1:
            problems.add(
                label,
                r.row,
                column,
                f"thứ hạng {rank} không theo cách xếp đồng hạng (1, 2, 2, 4): có {ahead} đơn vị xếp trên "
                f"nên hạng phải là {ahead + 1}",
            )


def _tiers(rows: list[Result], bloc: str, m: Methodology, label: str, problems: Problems, unit) -> None:
    tiers = m.tiers_for(bloc)
    names = [t.name for t in tiers]
    for r in rows:
        if r.tier is not None and tiers and r.tier not in names:
            problems.add(
                label,
                r.row,
                "tier",
                f"{unit(r.agency)}: mức «{r.tier}» không có trong methodology.toml cho khối «{bloc}» "
                f"(có: {', '.join(names)}){did_you_mean(r.tier, names)}",
            )
            continue
        if r.score is None or not ranking.derivable(tiers):
            continue
        derived = ranking.tier_for(r.score, tiers)
        if r.tier is None:
            r.tier = derived
        elif r.tier != derived:
            problems.add(
                label,
                r.row,
                "tier",
                f"{unit(r.agency)}: mức công bố «{r.tier}» trái với ngưỡng: điểm {vi_number(r.score)} ứng với "
                f"mức «{derived or 'không đạt mức nào'}»",
            )


def link_editions(dataset: Dataset) -> None:
    """Rank change since the previous edition: only for units rated in both, in the same
    bloc, and only when the methodology says the editions can be compared."""
    years = sorted(dataset.editions)
    for previous, year in zip(years, years[1:]):
        edition = dataset.editions[year]
        edition.previous = previous
        if not edition.methodology.comparable_with_previous:
            continue
        before = {(r.agency, r.bloc): r for r in dataset.editions[previous].results if r.rated}
        for r in edition.results:
            old = before.get((r.agency, r.bloc))
            if r.rated and old is not None:
                r.previous_rank = old.rank
                r.rank_change = ranking.rank_change(old.rank, r.rank)
