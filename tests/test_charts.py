"""Chart specs: valid Vega-Lite, text alternatives that state the figures, and a cache
that makes a no-change rebuild render nothing."""

from __future__ import annotations

import functools
import gettext
import io
import os
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path

import altair as alt
import jsonschema
import pandas as pd
import pytest
from altair.vegalite.v6.schema.core import TopLevelSpec
from PIL import Image

from conftest import FIXTURE, ROOT, html, text
from rankings.outputs import chart_svg, charts, fonts, picture
from rankings.outputs import engine as engine_module
from rankings.outputs.charts import bump as bump_chart
from rankings.outputs.charts import provinces, theme
from rankings.outputs.engine import Workers
from rankings.pipeline import load
from rankings.site.addresses import Urls
from rankings.site.i18n import Language
from rankings.site.views import edition_tables, unit_histories

FONTS = ROOT / "theme" / "static" / "fonts" / "ttf"


def engine(cache, workers=None):
    made = chart_svg.chart_engine((FONTS,), cache, "vi")
    made.workers = workers or made.workers
    return made


def svgs(renderer, found) -> list[str]:
    return [svg.read_text(encoding="utf-8") for svg, *_ in renderer.prepare(found)]


def all_charts(folder, language=None):
    portal = load(folder)
    tables = {sid: {year: edition_tables(d, e) for year, e in d.editions.items()} for sid, d in portal.series.items()}
    return charts.page_charts(portal, tables, unit_histories(portal, tables), language)


class Punctuated(gettext.NullTranslations):
    """A translator whose every word carries what Vega would read as a path or an
    expression in a field name: a full stop, brackets, a quote and a colon."""

    def gettext(self, message):
        return f"no. [1] 'a': {message}"


def test_labels_with_dots_brackets_quotes_and_colons_still_draw_every_mark(tmp_path):
    """Translated words are titles only: the specs name the data's columns by ASCII ids,
    so a translator's full stop cannot blank a chart."""
    found = all_charts(FIXTURE, Language("vi", Punctuated()))
    by_kind = {c.draw.__module__.rsplit(".", 1)[-1]: c for page in found.values() for c in page}
    assert set(by_kind) >= {"trend", "criteria", "tiers", "scores", "bump"}
    drawn = dict(zip(by_kind, svgs(engine(tmp_path), list(by_kind.values()))))
    for kind, chart in by_kind.items():
        assert all(header.startswith("no. [1] 'a': ") for header in chart.headers.values())
        # the columns a reader downloads, each under its header; what only the drawing uses not among them
        assert list(chart.table.columns) == [chart.headers[c] for c in chart.data.columns if c in chart.headers]
        assert not {"segment", "label", "order", "url", theme.SAID} & set(chart.headers)
        marks = re.findall(r'class="mark-\w+ role-mark[^"]*"[^>]*><(?:path|line|text)\b', drawn[kind])  # drawn
        assert marks, kind
    scores = by_kind["scores"]
    bars = re.findall(r'aria-roledescription="bar"', drawn["scores"])
    assert len(bars) == len(scores.data)  # a bar for every unit, none blank
    named = {unescape(label) for label in re.findall(r'aria-label="([^"]*)"', drawn["scores"])}
    assert set(scores.data[theme.SAID]) <= set(named)  # each bar named in words, dots and all


def test_the_stylesheet_recolours_every_colour_the_charts_draw_in_high_contrast(site):
    """One palette (outputs/charts/theme.py): site.css carries its high-contrast rules as
    generated, and no chart of the fixture draws a colour outside it."""
    css = (ROOT / "theme" / "static" / "css" / "site.css").read_text(encoding="utf-8")
    assert theme.contrast_rules() in css
    drawn = set()
    for page in site.rglob("index.html"):
        for svg in re.findall(r"<svg .*?</svg>", page.read_text(encoding="utf-8"), re.S):
            drawn |= set(re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{3,6}|white|black)"', svg))
    assert drawn and drawn <= set(theme.HIGH_CONTRAST), drawn - set(theme.HIGH_CONTRAST)


@pytest.mark.parametrize(
    "folder",
    [
        FIXTURE,
        pytest.param(ROOT / "data", marks=pytest.mark.slow),  # the whole record: 11 s
        pytest.param(ROOT / "examples" / "tinh-mau", marks=pytest.mark.slow),  # 17 units' charts: 6 s
        ROOT / "tests" / "fixtures" / "portal",
    ],
    ids=["fixture", "data", "tinh-mau", "portal"],
)
def test_every_spec_is_valid_vega_lite(folder):
    found = [chart for page in all_charts(folder).values() for chart in page]
    assert found
    for chart in found:
        TopLevelSpec.validate(chart.spec)  # raises on anything Vega-Lite would not accept


def test_an_invalid_spec_is_rejected():
    with pytest.raises(jsonschema.ValidationError):
        TopLevelSpec.validate({"mark": "bar", "encoding": {"x": {"field": "a", "type": "nonsense"}}})


def test_each_page_gets_the_charts_it_must():
    found = all_charts(FIXTURE)
    assert [c.id for c in found[("edition", "", 2019)]] == ["ty-le-theo-muc"]
    assert [c.id for c in found[("bloc", "", 2019, "so")]] == ["diem-theo-thu-hang"]
    assert [c.id for c in found[("unit", "so-y-te")]] == ["thu-hang-qua-cac-nam", "tieu-chi-so-voi-trung-vi"]
    assert found[("edition", "", 2021)] == []  # no tiers published


def test_text_alternatives_state_the_main_figures():
    found = all_charts(FIXTURE)
    (trend, criteria) = found[("unit", "so-y-te")]
    assert trend.caption.startswith("Thứ hạng của Sở Y tế qua các năm — 2019: hạng 4/5; 2020: hạng 3/6; 2021: hạng 3.")
    assert "Bảng chưa đầy đủ, không rõ tổng số đơn vị: 2021." in trend.caption
    assert "Phương pháp thay đổi từ năm 2021" in trend.caption
    assert "Hạ tầng kỹ thuật 20,00 (trung vị 24,00, cao nhất 28,00)" in criteria.caption
    (tiers,) = found[("edition", "", 2019)]
    assert "Sở, ban, ngành: Tốt 1 (20%), Khá 2 (40%), Trung bình 1 (20%), Yếu 1 (20%)" in tiers.caption
    (scores,) = found[("bloc", "", 2019, "so")]
    assert "cao nhất Sở TT&TT 92,00, thấp nhất Sở KH&CN 40,00" in scores.caption


def test_trend_marks_gaps_and_methodology_breaks():
    (trend, _) = all_charts(FIXTURE)[("unit", "so-y-te")]
    frame = trend.data
    assert list(frame["year"]) == ["2019", "2020", "2021"]
    # 2021 changed the methodology: its point starts a new line segment
    assert frame["segment"].iloc[2] != frame["segment"].iloc[1] and frame["segment"].iloc[0] == frame["segment"].iloc[1]
    (merged,) = [c for c in all_charts(FIXTURE)[("unit", "huyen-c")] if c.id == "thu-hang-qua-cac-nam"]
    assert merged.data["rank"].tolist() == [2, 1]


def test_a_trend_spec_built_and_compiled_once_for_its_parameters_draws_as_with_its_data_inline():
    """A unit's trend chart is drawn by name: its spec built, and compiled to Vega, once
    for the charts that share its parameters, its data added after. Each must draw the
    same SVG as the drawing given its own data the way Altair takes it, inline."""
    import vl_convert

    from rankings.outputs.charts import chart as chart_module

    trends = [c for page in all_charts(FIXTURE).values() for c in page if c.id.endswith("thu-hang-qua-cac-nam")]
    shared = [c for c in trends if c.params == trends[0].params and c.headers == trends[0].headers]
    assert len(trends) > len(shared) > 1  # some share their parameters, not all
    chart_module._spec_by_name.cache_clear()
    chart_svg._compiled.cache_clear()
    for c in trends:
        inline = theme.configure(c.draw(c.data, c.params, c.headers), c.caption)
        assert "datasets" in inline and chart_module.DATA not in inline["datasets"]
        drawn = vl_convert.vegalite_to_svg(inline, format_locale=chart_svg.number_format("vi"))
        assert chart_svg._svg(c, "vi") == drawn
        assert vl_convert.vegalite_to_svg(c.spec, format_locale=chart_svg.number_format("vi")) == drawn
    shapes = len({(chart_module._text(c.params), chart_module._text(c.headers)) for c in trends})
    built, compiled = chart_module._spec_by_name.cache_info(), chart_svg._compiled.cache_info()
    assert built.misses == compiled.misses == shapes
    assert compiled.hits >= len(shared) - 1


def test_the_map_colours_the_provinces_of_its_year_and_marks_the_missing(tmp_path):
    found = all_charts(ROOT / "data")
    (evaluated,) = [c for c in found[("bloc", "dti", 2024, "tinh")] if c.id == "ban-do"]
    (recast,) = [c for c in found[("bloc", "dti", 2024, "tinh-34")] if c.id == "ban-do"]
    assert (evaluated.params["boundaries"], len(evaluated.data)) == ("vn-provinces-63", 63)
    assert (recast.params["boundaries"], len(recast.data)) == ("vn-provinces-34", 34)
    assert recast.data.set_index("code").loc["48", "rank"] == 17  # Đà Nẵng from 2025, by its official code
    (partial,) = [c for c in found[("bloc", "dti", 2021, "tinh")] if c.id == "ban-do"]
    missing = partial.data[partial.data["class"] == "không có trong nguồn"]
    given = partial.data["rank"].notna().sum()
    assert given >= 17 and len(missing) == 63 - given  # the top 17, and the rows of the press
    assert f"{len(missing)} tỉnh, thành phố không có trong nguồn" in partial.caption
    (svg,) = svgs(engine(tmp_path), [recast])
    for said in ("QĐ. Hoàng Sa (TP Đà Nẵng)", "QĐ. Trường Sa (Khánh Hòa)", "Open Development Vietnam", "CC BY-SA 4.0"):
        assert said in svg, said  # on the page, in the embed and in the PDF alike
    assert "Open Development Vietnam" in recast.caption and "CC BY-SA 4.0" in recast.caption  # and legible under it
    assert "hợp nhất 34 đơn vị" in recast.caption and "34" not in evaluated.caption.split("CC BY-SA")[1]


@pytest.mark.slow  # the record built whole
def test_every_province_on_the_map_is_named_with_its_standing_and_links_to_its_page(real_site):
    """Without script: each shape is an SVG link to its unit's page (which exists, from the
    page and from the chart's own embed page), named for screen readers and titled for a
    pointer with its name and rank; the boundaries are drawn at the map's resolution."""
    for path in ("dti/2024/tinh/", "dti/2024/tinh/nhung/ban-do/", "en/dti/2024/tinh-34/"):
        page = html(real_site, path)
        shapes = page.select("figure svg a")
        assert len(shapes) == (34 if "tinh-34" in path else 63), path
        for link in shapes:
            target = (real_site / path / link["xlink:href"]).resolve()
            assert (target / "index.html").is_file(), link["xlink:href"]
            shape = link.select_one("path")
            assert shape["aria-label"] == text(shape.title) and (
                "Hạng " in shape["aria-label"] or "Rank " in shape["aria-label"]
            )
    links = html(real_site, "dti/2024/tinh/").select("figure svg a")
    (da_nang,) = [a.path for a in links if a["xlink:href"].endswith("/co-quan/da-nang/")]
    assert da_nang["aria-label"] == "Đà Nẵng: Hạng 2/63"
    figure = str(html(real_site, "dti/2024/tinh/").select_one("#bieu-do-ban-do svg"))
    assert len(figure.encode()) < 120_000  # the survey's boundaries drew 667 kB


def test_a_rank_map_colours_classes_of_ten_each_with_its_own_high_contrast_colour():
    (map_,) = [c for c in all_charts(ROOT / "data")[("bloc", "dti", 2024, "tinh")] if c.id == "ban-do"]
    assert map_.params["classes"] == [f"hạng {a}–{b}" for a, b in provinces.rank_classes(63)]
    assert provinces.rank_classes(63)[-1] == (61, 63) and provinces.rank_classes(34)[-1] == (31, 34)
    contrast = [theme.HIGH_CONTRAST[c] for c in theme.RANK_COLOURS]
    assert len(set(contrast)) == len(contrast) and "#000" not in contrast


def test_svg_keeps_every_diacritic_and_uses_the_theme_font(tmp_path):
    (criteria,) = [c for c in all_charts(FIXTURE)[("unit", "so-y-te")] if c.id == "tieu-chi-so-voi-trung-vi"]
    (svg,) = svgs(engine(tmp_path), [criteria])
    for label in [
        "Hạ tầng kỹ thuật",
        "Dịch vụ công trực tuyến",
        "Ứng dụng nội bộ",
        "trung vị khối",
        "% điểm tối đa của tiêu chí",
    ]:
        assert label in svg, label
    assert set(re.findall(r'font-family="([^"]+)"', svg)) == {"Be Vietnam Pro, Noto Sans, Arial, sans-serif"}


def test_a_no_change_rebuild_renders_no_chart(tmp_path, monkeypatch):
    found = [c for page in all_charts(FIXTURE).values() for c in page]
    renderer = engine(tmp_path)
    first = svgs(renderer, found)
    assert (renderer.rendered, renderer.cached) == (len(found), 0)
    # a cached chart is not even drawn again: its spec is never built
    monkeypatch.setattr(charts.Chart, "spec", property(lambda self: pytest.fail("spec built")))
    again = engine(tmp_path)
    assert svgs(again, found) == first
    assert (again.rendered, again.cached) == (0, len(found))


@pytest.mark.slow
def test_many_missing_charts_render_in_a_pool_with_the_same_result(tmp_path):
    every = [c for page in all_charts(ROOT / "data").values() for c in page]
    # one of every kind, and enough for a pool
    found = list({c.draw: c for c in every}.values()) + every[:: len(every) // (chart_svg.POOL_FROM + 10)]
    assert len(found) >= chart_svg.POOL_FROM and {c.draw for c in found} == {c.draw for c in every}
    # the same SVG whichever process drew it, after whatever it drew before
    assert svgs(engine(tmp_path / "pool", workers=2), found) == svgs(engine(tmp_path / "alone", workers=1), found)
    assert svgs(engine(tmp_path / "reversed", workers=1), found[::-1]) == svgs(engine(tmp_path / "alone"), found)[::-1]


def _started(folder: str) -> None:
    """A worker's start that leaves a trace: a file named by its process."""
    (Path(folder) / str(os.getpid())).touch()


@pytest.mark.slow
def test_a_builds_workers_once_started_make_every_stages_files_and_outlive_it(tmp_path):
    """A few charts are drawn here until the build's pool runs; a pass warms it while its
    catalog is made, and then every stage, however small, gives it its work, and leaves it
    running for the next (the preview's builds)."""
    found = [c for page in all_charts(FIXTURE).values() for c in page][:4]
    alone = svgs(engine(tmp_path / "alone", workers=1), found)
    started = tmp_path / "started"
    started.mkdir()
    with Workers(2) as workers:
        few = engine(tmp_path / "few")
        few.shared = workers
        assert svgs(few, found[:2]) == alone[:2] and not workers.running
        workers.warm(functools.partial(_started, str(started)))
        pool = workers.pool()
        shared = engine(tmp_path / "shared")
        shared.shared = workers
        assert svgs(shared, found) == alone
        assert workers.pool() is pool and not pool._broken
        # the start ran in the pool's own processes (queued before the charts, so run by now)
        ran = {int(p.name) for p in started.iterdir()}
        assert ran and ran <= set(pool._processes) and os.getpid() not in ran
    assert not workers.running


@pytest.mark.slow
def test_a_worker_starts_with_the_libraries_loaded_and_is_no_fork_of_the_build():
    """The workers' libraries are loaded once, by the fork server, and each worker starts
    as its copy: a library named wrong would be skipped without a word, and every worker
    would load it again. (`eval` is a builtin: the worker loads nothing to run it.)"""
    with engine_module._pool(1) as pool:
        loaded = pool.submit(eval, "sorted(__import__('sys').modules)").result()
        parent = pool.submit(eval, "__import__('os').getppid()").result()
    assert set(engine_module.LIBRARIES) <= set(loaded)
    assert "rankings.outputs.chart_svg" not in loaded  # nothing of the build's but what it asked for
    assert parent != os.getpid()  # not forked from the build, whose threads a fork would not copy


def test_a_picture_is_the_svg_drawn_at_its_scale_with_the_themes_fonts():
    """Text in the theme's font, and a character it lacks (★) in the fallback font, as a
    browser would draw it; nothing from the machine's own fonts."""

    def drawn(text, folders, scale=1):
        svg = (
            '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" font-family="Be Vietnam Pro">'
            f'<rect width="120" height="40" fill="white"/><text x="10" y="28" font-size="20">{text}</text></svg>'
        )
        with Image.open(io.BytesIO(picture.png(svg, scale, tuple(map(str, folders))))) as made:
            return made.size, sum(1 for v in made.convert("L").getdata() if v < 128)

    theme, fallback = (FONTS,), (FONTS, ROOT / "theme" / "fonts" / "fallback")
    assert ord("★") not in fonts.covered(theme) and fallback[1:]
    size, ink = drawn("Hồ", theme)
    assert size == (120, 40) and ink > 40
    assert drawn("Hồ", theme, scale=2) == ((240, 80), pytest.approx(4 * ink, rel=0.2))
    assert drawn("★", theme)[1] == 0 and drawn("★", fallback)[1] > 40


def test_a_change_in_the_data_renders_that_chart_again(tmp_path):
    (chart,) = [c for c in all_charts(FIXTURE)[("unit", "so-y-te")] if c.id == "thu-hang-qua-cac-nam"]
    renderer = engine(tmp_path)
    renderer.prepare([chart])
    changed = charts.Chart(
        chart.id, chart.title, chart.caption, chart.data.assign(rank=[4, 2, 3]), chart.headers, chart.params, chart.draw
    )
    renderer.prepare([changed])
    assert renderer.rendered == 2


def test_ids_inside_svgs_do_not_clash(tmp_path):
    """Vega names a gradient legend's gradient by a counter: two such charts on one page
    keep ids of their own, and each still refers to its own."""

    def gradient(frame, params, headers):
        return alt.Chart(frame).mark_point().encode(x="x:Q", color="x:Q")

    drawn = [
        charts.Chart(name, name, name, pd.DataFrame({"x": [1, 2, 3]}), {"x": "x"}, {}, gradient)
        for name in ("mot", "hai")
    ]
    together = "".join(svgs(engine(tmp_path), drawn))
    ids = re.findall(r'id="([^"]+)"', together)
    assert ids and len(ids) == len(set(ids))
    assert all(f"url(#{i})" in together for i in ids if "gradient" in i)


def test_pages_show_charts_without_javascript_with_data_links(site):
    page = html(site, "co-quan/so-y-te/")
    figures = page.select("figure.chart")
    assert [f["id"] for f in figures] == ["bieu-do-thu-hang-qua-cac-nam", "bieu-do-tieu-chi-so-voi-trung-vi"]
    for figure in figures:
        assert figure.select_one("svg") is not None
        assert figure.select_one("[role=img]")["aria-labelledby"] == figure.figcaption["id"]
        link = figure.select_one("a.chart-data")["href"]
        assert (site / "co-quan" / "so-y-te" / link.rsplit("/", 1)[-1]).is_file()
    assert "Thứ hạng của Sở Y tế" in text(figures[0].figcaption)
    assert html(site, "2019/so/").select_one("figure#bieu-do-diem-theo-thu-hang svg") is not None
    assert html(site, "2019/").select_one("figure#bieu-do-ty-le-theo-muc svg") is not None


def test_the_rank_axis_shows_whole_ranks_each_once_down_to_n():
    (trend, _) = all_charts(FIXTURE)[("unit", "so-y-te")]
    plot = trend.spec["vconcat"][0]
    axis = plot["layer"][0]["encoding"]["y"]["axis"]
    assert axis["values"] == [1, 2, 3, 4, 5, 6] and axis["format"] == "d"  # 2020 ranked 6 units
    assert list(trend.data["label"]) == ["4/5", "3/6", "3"]  # 2021's table is partial: no N
    assert plot["title"]["subtitle"] == [
        "Đường đứt: phương pháp thay đổi từ năm 2021.",
        "Bảng chưa đầy đủ, không rõ tổng số đơn vị: 2021.",
    ]
    assert theme.rank_ticks(63) == [1, 10, 20, 30, 40, 50, 63]
    assert theme.rank_ticks(34) == [1, 10, 20, 34] and theme.rank_ticks(17) == [1, 5, 10, 17]


def test_a_bloc_page_has_a_bump_chart_of_its_units_naming_each_once(tmp_path):
    charts_of = all_charts(ROOT / "data")
    (bump,) = [c for c in charts_of[("bloc", "dti", 2023, "tinh")] if c.id == "thu-hang-cac-don-vi-qua-cac-nam"]
    assert sorted(bump.data["year"].unique()) == ["2020", "2021", "2022", "2023"]
    assert bump.data["unit"].nunique() == 63
    labels = [label["label"] for label in bump.params["labels"]]
    assert len(labels) == len({label["rank"] for label in bump.params["labels"]})  # a tie shares its label
    assert "59. An Giang, Phú Yên" in labels
    (svg,) = svgs(engine(tmp_path), [bump])
    written = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert [t for t in written if "An Giang" in t] == ["59. An Giang, Phú Yên"]
    assert not [c for c in charts_of[("bloc", "dti", 2024, "tinh-34")] if c.id == bump.id]  # one edition: no lines


def test_threshold_labels_never_print_over_each_other(tmp_path):
    (scores,) = all_charts(FIXTURE)[("bloc", "", 2019, "so")]
    (svg,) = svgs(engine(tmp_path), [scores])
    placed = re.findall(r'<text[^>]*transform="translate\(([\d.-]+),([\d.-]+)\)"[^>]*>([^<]*≥[^<]*)</text>', svg)
    assert [label for _, _, label in placed] == ["Trung bình ≥ 50", "Khá ≥ 70", "Tốt ≥ 85"]
    assert len({y for _, y, _ in placed}) == 3  # a line each (they stood on one line, over each other)


def test_a_map_of_a_partial_table_has_a_legend_entry_for_the_missing(tmp_path):
    (map_,) = [c for c in all_charts(ROOT / "data")[("bloc", "dti", 2021, "tinh")] if c.id == "ban-do"]
    assert not map_.params["by_tier"] and map_.params["some_missing"]  # ranks only, the top 17 of 63
    (svg,) = svgs(engine(tmp_path), [map_])
    written = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    assert "không có trong nguồn" in written and "mức: null" not in svg


@pytest.mark.slow
def test_a_bump_chart_of_a_large_bloc_draws_lines_without_names(tmp_path):
    from benchmarks import workloads

    data = workloads.write(tmp_path / "data", "scale")
    found = all_charts(data)
    (bump,) = [c for c in found[max(k for k in found if k[0] == "bloc")] if c.id == "thu-hang-cac-don-vi-qua-cac-nam"]
    assert bump.data["unit"].nunique() > bump_chart.NAMED_UP_TO and bump.params["labels"] == []
    assert "không ghi tên" in bump.caption
    (svg,) = svgs(engine(tmp_path / "cache"), [bump])
    assert len(svg) < 300_000  # 1.7 MB with a point and a name for each of 240 units


def test_a_rank_map_draws_a_province_given_a_tier_but_no_rank_as_without_a_rank():
    portal = load(ROOT / "data")
    dataset = portal.series["dti"]
    (table,) = [t for t in edition_tables(dataset, dataset.editions[2024]) if t.bloc.id == "tinh"]
    table.rows[-1].rank, table.rows[-1].tier = None, "Khá"  # as a partial source may print it
    drawn = provinces.chart(dataset, table, Language(), Urls())
    assert not drawn.params["by_tier"] and drawn.params["classes"][-1] == "không có trong nguồn"
    assert (drawn.data["class"] == "không có trong nguồn").sum() == 1
    assert "không có trong nguồn." not in drawn.caption  # every province is in the source


def test_published_references_are_drawn_as_lines_and_points_and_said(tmp_path, data):
    """A reference on the score's scale is a solid line in its bloc's score chart, beside the
    dashed thresholds; a criterion's reference a point beside the unit's, the median and
    the best; both said in the text alternative, with the figure as published."""
    with (data / "2019" / "methodology.toml").open("a", encoding="utf-8") as toml:
        toml.write(
            '\n[[references]]\nid = "tb"\nname = "Trung bình tỉnh"\nvalue = 71.5\nblocs = ["so"]\n'
            'source_url = "https://example.vn/tb"\n'
            '\n[[references]]\nid = "tb-ha-tang"\nname = "Trung bình hạ tầng"\nvalue = 21\ncriterion = "ha-tang"\n'
            'source_url = "https://example.vn/tb"\n'
        )
    found = all_charts(data)
    (scores,) = found[("bloc", "", 2019, "so")]
    assert "Vạch liền: giá trị tham chiếu đã công bố (Trung bình tỉnh: 71,5)." in scores.caption
    (svg,) = svgs(engine(tmp_path), [scores])
    assert "Trung bình tỉnh: 71,5" in unescape(svg)
    dashes = re.findall(r'<line[^>]*stroke-dasharray="([^"]*)"', svg) + re.findall(
        r'<path[^>]*stroke-dasharray="([^"]*)"', svg
    )
    assert sorted(dashes) == ["1,0", "4,3", "4,3", "4,3"]  # three dashed thresholds; the reference solid
    (_, criteria) = found[("unit", "so-y-te")]
    assert "Giá trị tham chiếu đã công bố: Trung bình hạ tầng 21." in criteria.caption
    (svg,) = svgs(engine(tmp_path), [criteria])
    assert "Hạ tầng kỹ thuật, giá trị tham chiếu: 21" in unescape(svg)
    assert found[("bloc", "", 2019, "huyen")][0].params["thresholds"] == [
        t for t in found[("bloc", "", 2019, "huyen")][0].params["thresholds"] if t["kind"] == "tier"
    ]


def test_the_catalog_describes_every_chart_without_loading_the_drawing_library():
    """The build's own process makes each chart's inputs; Altair builds the specs where
    they are drawn (the workers): loading it in the build's process cost 0.25 s a build."""
    catalog = (
        "import sys; from pathlib import Path; "
        "from rankings.outputs.charts import page_charts; from rankings.pipeline import load; "
        "from rankings.site.catalog import catalog; from rankings.site.i18n import Language; "
        "from rankings.site.addresses import Urls; import rankings.glue.generator; "
        f"made = catalog(load(Path({str(FIXTURE)!r})), 'vi', Language(), Urls(), charts=page_charts); "
        "assert [c for p in made.pages for c in p.charts]; print('altair' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    ran = subprocess.run([sys.executable, "-c", catalog], capture_output=True, text=True, env=env, check=True)
    assert ran.stdout.strip() == "False", ran.stderr


def test_each_series_keeps_its_colour_and_shape_whatever_the_unit_is_called(tmp_path):
    """In every unit's criteria chart the unit is one colour and shape, the median another,
    the best a third, and the legend shows them: a name that sorts after the legend's
    other words ("Ủy ban…" after "trung vị khối") once took the median's shape. The
    charts differ in their data alone, so the units share one drawing."""
    data = Path(shutil.copytree(FIXTURE, tmp_path / "data"))
    agencies = data / "agencies.csv"
    agencies.write_text(
        agencies.read_text(encoding="utf-8").replace("so-y-te,Sở Y tế,", "so-y-te,Ủy ban Y tế,"), encoding="utf-8"
    )
    agencies = load(data).agencies
    criteria = {
        key[1]: c
        for key, page in all_charts(data).items()
        if key[0] == "unit"
        for c in page
        if c.id == "tieu-chi-so-voi-trung-vi"
    }
    shapes = {c.shape for c in criteria.values()}
    assert "so-y-te" in criteria and None not in shapes and len(shapes) < len(criteria)
    drawn = {}  # what each series is drawn as: {(fill, outline)}
    for unit, svg in zip(criteria, svgs(engine(tmp_path / "cache"), list(criteria.values()))):
        name = agencies[unit].label
        assert f">{name}<" in unescape(svg).replace("…", "")  # the legend names the unit
        points = re.findall(r'<path aria-label="[^"]*, ([^",:]+): [^"]*"[^>]*d="([^"]*)" fill="([^"]*)"', unescape(svg))
        for series, outline, fill in points:
            drawn.setdefault("unit" if series == name else series, set()).add((fill, outline))
    assert set(drawn) == {"unit", "trung vị khối", "cao nhất khối"}
    assert all(len(ways) == 1 for ways in drawn.values()), drawn
    assert len({way for ways in drawn.values() for way in ways}) == 3
