"""Each table described once (site/tables.py): the page, the printed report and the
comparison's data all show the columns and cells of the same view."""

from __future__ import annotations

import json

from conftest import FIXTURE, ROOT, html, text
from rankings.pipeline import load
from rankings.site.addresses import Urls
from rankings.site.catalog import catalog
from rankings.site.formatting import sort_key
from rankings.site.i18n import Language
from rankings.site.reports import document
from rankings.site.tables import rank_ticks

PORTAL = ROOT / "tests" / "fixtures" / "portal"


def bloc_page(made, url: str):
    return next(p for p in made.pages if p.url == url)


def test_the_page_the_report_and_the_comparison_show_one_view(site):
    made = catalog(load(FIXTURE), "vi", Language(), Urls())
    page = bloc_page(made, "2020/so/")
    view = page.context["view"]
    assert [c.kind for c in view.columns][:4] == ["rank", "unit", "score", "change"]  # what a phone shows first
    shown = html(site, "2020/so/")
    assert [text(th) for th in shown.select("table.ranking thead th")] == [c.label for c in view.columns]
    for row in view.rows:
        cells = shown.select_one(f"tr#{row.id}").find_all(["td", "th"], recursive=False)
        assert len(cells) == len(view.columns)
        for column, cell, node in zip(view.columns, row.cells, cells):
            if column.kind in ("score", "criterion", "tier"):
                assert text(node).startswith(cell.text), (row.id, column.label)
    report = next(r for r in made.reports if r.page is page)
    printed = next(
        b
        for b in document(report, made.portal, lambda page: [], Language(), "vi", str)["blocks"]
        if b["kind"] == "table"
    )
    assert [c["label"] for c in printed["columns"]] == [c.label for c in view.columns]
    assert [row["cells"][1][0]["text"] for row in printed["rows"]] == [row.name for row in view.rows]
    compared = json.loads(shown.select_one(".compare-data").string)
    assert compared == page.context["compare"]
    assert [u["name"] for u in compared["units"]] == sorted((row.name for row in view.rows if row.rated), key=sort_key)


def test_the_comparison_puts_a_merged_unit_beside_those_it_joins():
    """On the 34-province table of 2024, the new Đà Nẵng can be compared with the Đà Nẵng
    and Quảng Nam of the 63, each with its rank and score in its own bloc; and on the
    63-province table, each of the two with the unit it joined."""
    made = catalog(load(PORTAL), "vi", Language(), Urls())
    recast = bloc_page(made, "dti/2024/tinh-34/").context["compare"]
    before = {u["id"]: u for u in recast["lineage"]}
    assert set(before) == {"da-nang", "quang-nam"}
    year = recast["years"].index(2024)
    assert (before["da-nang"]["labels"][year], before["da-nang"]["scores"][year]) == ("1/3", "0,8335")
    assert (before["quang-nam"]["labels"][year], before["quang-nam"]["scores"][year]) == ("3/3", "0,6100")
    new = next(u for u in recast["units"] if u["id"] == "da-nang-2025")
    assert (new["labels"][year], new["scores"][year], new["plain"]) == ("1/2", "0,8241", "da nang (tu 2025)")
    old = bloc_page(made, "dti/2024/tinh/").context["compare"]
    assert [u["id"] for u in old["lineage"]] == ["da-nang-2025"]
    assert old["lineage"][0]["criteria"] == [] and old["lineage"][0]["scores"][-1] == "0,8241"


def test_the_comparison_carries_its_axis_and_labels_so_the_script_only_draws():
    made = catalog(load(FIXTURE), "vi", Language(), Urls())
    compared = bloc_page(made, "2020/so/").context["compare"]
    assert compared["ticks"] == rank_ticks(compared["bottom"])
    for unit in compared["units"]:
        for rank, label in zip(unit["ranks"], unit["labels"]):
            assert (rank is None and label is None) or label.split("/")[0] == str(rank)
    assert rank_ticks(63) == [1, 10, 20, 30, 40, 50, 63] and rank_ticks(4) == [1, 2, 3, 4]


def test_a_phone_folds_only_the_cells_that_say_something():
    made = catalog(load(FIXTURE), "vi", Language(), Urls())
    view = bloc_page(made, "2020/so/").context["view"]
    for row in view.rows:
        assert all(not cell.empty and column.fold for column, cell in view.folded(row))


def test_a_units_history_and_criteria_are_one_view_for_the_page_and_the_report(site):
    made = catalog(load(FIXTURE), "vi", Language(), Urls())
    page = next(p for p in made.pages if p.url == "co-quan/so-y-te/")
    history = page.context["histories"][""]
    shown = html(site, "co-quan/so-y-te/")
    table = shown.select_one("div.table-scroll table")
    assert [text(th) for th in table.select("thead th")] == [c.label for c in history.columns]
    assert [text(tr.th) for tr in table.select("tbody tr")] == [row.name for row in history.rows]
    report = next(r for r in made.reports if r.page is page)
    tables = [
        b
        for b in document(report, made.portal, lambda page: [], Language(), "vi", str)["blocks"]
        if b["kind"] == "table"
    ]
    assert [c["label"] for c in tables[0]["columns"]] == [c.label for c in history.columns]


def test_a_source_every_row_shares_is_said_once(data):
    """A table whose every row gives the same source says it above the table, not as a
    link on each row (63 identical links were 63 tab stops); rows of different sources
    keep theirs."""
    results = data / "2020" / "results.csv"  # a spreadsheet saved with ";" (and a decimal comma)
    lines = results.read_text(encoding="utf-8").splitlines()
    results.write_text(
        "\n".join([lines[0] + ";source"] + [f"{line};https://example.vn/ket-qua-2020" for line in lines[1:]]) + "\n",
        encoding="utf-8",
    )
    made = catalog(load(data), "vi", Language(), Urls())
    shared = bloc_page(made, "2020/so/").context["view"]
    assert shared.source == "https://example.vn/ket-qua-2020"
    assert not [r for row in shared.rows for cell in row.cells for r in cell.runs if r.link]
    mixed = bloc_page(made, "2019/so/").context["view"]
    assert mixed.source is None and [r for row in mixed.rows for cell in row.cells for r in cell.runs if r.link]
