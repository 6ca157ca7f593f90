"""Messages a data officer can act on: one mistake gives one message, on its own row,
naming the unit; a rank that disagrees is blamed on the row that moved; a mistyped id
gets the one that was meant."""

from __future__ import annotations

from pathlib import Path

from conftest import problems_of

R19 = "2019/results.csv"
RANKED = """agency,bloc,score,rank,tier,ha-tang,noi-bo,dvc,nhan-luc,status,note,source
so-tttt,so,,1,,28,19,18,27,,,
so-noi-vu,so,,2,,25,15,15,25.5,,,
so-tai-chinh,so,,2,,24,16,16,24.5,,,https://example.vn/so-tai-chinh
so-y-te,so,,4,,20,12,10,20,,,
so-khcn,so,40,5,Yếu,10,8,7,15,,,
ban-dan-toc,so,,,,,,,,not-rated,Không có thủ tục hành chính công nên không đánh giá,
huyen-a,huyen,75,2,,,,,,,,
huyen-b,huyen,88,1,,,,,,,,
huyen-c,huyen,75,2,,,,,,,,
"""


def ranked(data: Path, old: str = "", new: str = "") -> Path:
    """The fixture's 2019 table with its ranks published, then one edit."""
    assert old in RANKED
    (data / R19).write_text(RANKED.replace(old, new, 1), encoding="utf-8")
    return data


def test_the_published_ranks_as_given_are_accepted(data):
    from rankings.pipeline import load

    ranks = {r.agency: r.rank for r in load(ranked(data)).only.editions[2019].results}
    assert ranks["so-noi-vu"] == ranks["so-tai-chinh"] == 2 and ranks["so-khcn"] == 5


def test_one_typo_gives_one_message_on_its_own_row(data):
    found = problems_of(ranked(data, "so-y-te,so,,4,,20,12,10,20", "so-y-te,so,,4,,20,12,10,2O"))
    assert [(p.row, p.column) for p in found] == [(5, "nhan-luc")], found  # not the ranks below it
    assert found[0].message.startswith("«so-y-te» (Sở Y tế): «2O» không phải là số")


def test_a_score_changed_without_reranking_is_blamed_alone(data):
    # Sở Y tế's criteria now add up to 85: it moves from 4th to 2nd and pushes two units down.
    found = problems_of(ranked(data, "so-y-te,so,,4,,20,12,10,20", "so-y-te,so,,4,,28,19,18,20"))
    assert [(p.row, p.column) for p in found] == [(5, "rank")], found
    message = found[0].message
    assert message.startswith("«so-y-te» (Sở Y tế): hạng công bố 4, nhưng điểm 85,00 xếp đơn vị ở hạng 2")
    assert "2 dòng khác cũng lệch hạng (dòng 3, 4)" in message
    assert "rank_source" not in message  # a complete table: the ranks must be fixed, not declared published


def test_the_partial_table_hint_only_for_a_partial_table(data):
    methodology = data / "2019" / "methodology.toml"
    text = methodology.read_text(encoding="utf-8")
    methodology.write_text(text.replace("[score]", 'coverage = "Một phần"\n\n[score]', 1), encoding="utf-8")
    found = problems_of(ranked(data, "so-y-te,so,,4,,20,12,10,20", "so-y-te,so,,4,,28,19,18,20"))
    assert any('rank_source = "published"' in p.message for p in found), found


def test_a_name_typed_where_the_id_belongs_gets_the_id(data):
    found = problems_of(ranked(data, "so-y-te,so,", "Sở Y tế,so,"))
    assert [(p.row, p.column) for p in found] == [(5, "agency")]
    assert "mã của đơn vị này là «so-y-te»" in found[0].message


def test_near_spellings_get_a_suggestion(data):
    found = problems_of(ranked(data, "so-tai-chinh,so,", "so-tai-chnh,so,"))
    assert "có phải là «so-tai-chinh»?" in found[0].message
    found = problems_of(ranked(data, "huyen-b,huyen,", "huyen-b,huyn,"))
    assert [(p.row, p.column) for p in found] == [(9, "bloc")] and "có phải là «huyen»?" in found[0].message
    found = problems_of(ranked(data, "40,5,Yếu", "40,5,Yeu"))
    assert [(p.row, p.column) for p in found] == [(6, "tier")] and "có phải là «Yếu»?" in found[0].message


def test_a_methodology_gets_suggestions_for_blocs_and_parents(data):
    methodology = data / "2019" / "methodology.toml"
    text = methodology.read_text(encoding="utf-8")
    methodology.write_text(
        text.replace('blocs = ["so", "huyen"]', 'blocs = ["so", "huyn"]', 1).replace(
            'parent = "ung-dung"', 'parent = "ung-dng"', 1
        ),
        encoding="utf-8",
    )
    found = {p.column: p.message for p in problems_of(data)}
    assert found["blocs"].endswith("có phải là «huyen»?") and found["parent"].endswith("có phải là «ung-dung»?")
