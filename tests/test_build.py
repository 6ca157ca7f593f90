"""A full build of the fixture folder, checked against the pages and downloads it must produce."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import re
import subprocess
import sys

import frictionless
import pytest
from bs4 import BeautifulSoup

from conftest import CACHE, FIXTURE, ROOT, build, html, record_workbook_agrees, text, workbook_agrees
from expected import differences
from rankings.build import build_site, check

EXPECTED = ROOT / "tests" / "expected" / "basic"


def rows(site, path):
    table = html(site, path).select_one("table.ranking")
    for link in table.select("a.row-link, details.row-more"):  # the permalink and the phone's fold, tested on their own
        link.decompose()
    return {tr["id"]: [text(td) for td in tr.find_all(["th", "td"])] for tr in table.tbody.find_all("tr")}


def test_every_address_of_the_contract_is_written(site):
    for path in [
        "index.html",
        "2019/index.html",
        "2019/so/index.html",
        "2019/huyen/index.html",
        "2019/phuong-phap/index.html",
        "2020/so/index.html",
        "2021/so/index.html",
        "co-quan/so-tttt/index.html",
        "co-quan/huyen-ab/index.html",
        "du-lieu/index.html",
        "du-lieu/2019.csv",
        "du-lieu/2019.json",
        "du-lieu/datapackage.json",
        "2019/tai-lieu/Báo cáo kết quả 2019.pdf",
        "co-quan/index.html",
        "pagefind/pagefind-ui.js",
    ]:
        assert (site / path).is_file(), path
    assert not (site / "2021" / "huyen").exists()  # no unit of that bloc in 2021


def test_each_language_has_a_search_index_of_its_own_pages_alone(site):
    """Each language's site is indexed while the next is built, in a folder of its own:
    the Vietnamese index must not take in the English site that ends up inside it."""
    for folder, lang in [(site, "vi"), (site / "en", "en")]:
        searched = [
            path
            for path in folder.rglob("*.html")
            if path.relative_to(folder).parts[0] != "en" and "data-pagefind-body" in path.read_text(encoding="utf-8")
        ]
        entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang]
        assert entry["languages"][lang]["page_count"] == len(searched) > 0


def test_the_search_index_holds_a_page_s_words_not_its_code_to_copy(site):
    """A chart's code to embed it and a page's citation for reference managers are for
    copying, not for finding: searching "iframe", "width" or "misc" must not find every
    page with a chart or a citation, nor show code in a result."""
    indexed = {}
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        indexed[fragment["url"]] = fragment["content"]
    unit = indexed["/co-quan/so-tttt/"]
    assert "Thứ hạng của Sở Thông tin và Truyền thông qua các năm" in unit  # a chart's caption, in words
    code = ("<iframe", "addEventListener", "@misc{", '"collection-title"')
    assert not [url for url, words in indexed.items() if any(c in words for c in code)]


def test_bloc_table_ranks_ties_tiers_and_not_rated(site):
    table = rows(site, "2019/so/")
    assert list(table) == ["so-tttt", "so-noi-vu", "so-tai-chinh", "so-y-te", "so-khcn", "ban-dan-toc"]
    assert [table[k][0] for k in table] == ["1", "2", "2", "4", "5", "—"]
    assert table["so-tttt"][1:4] == ["Sở TT&TT", "92,00", "Tốt"]
    assert table["so-noi-vu"][2:4] == ["80,50", "Khá"]
    assert table["so-khcn"][3] == "Yếu"
    assert "Không đánh giá" in table["ban-dan-toc"][1]
    assert "Không có thủ tục hành chính công nên không đánh giá" in table["ban-dan-toc"][-1]


def test_criteria_scores_parent_sums_and_criterion_ranks(site):
    page = html(site, "2019/so/")
    headers = [text(th) for th in page.select("table.ranking thead th")]
    assert headers[4:9] == [
        "Hạ tầng kỹ thuật",
        "Ứng dụng CNTT",
        "Ứng dụng nội bộ",
        "Dịch vụ công trực tuyến",
        "Nhân lực",
    ]
    table = rows(site, "2019/so/")
    assert table["so-tttt"][4:6] == ["28,00 (hạng 1)", "37,00 (hạng 1)"]  # 19 + 18, a parent's sum
    assert table["so-tai-chinh"][5] == "32,00 (hạng 2)"


def test_every_row_can_be_linked_and_the_target_is_highlighted(site):
    page = html(site, "2019/so/")
    ids = [tr["id"] for tr in page.select("table.ranking tbody tr")]
    assert len(ids) == len(set(ids))
    css = (site / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    assert ".ranking tr:target" in css


def test_rank_change_only_for_units_rated_in_both_in_the_same_bloc(site):
    table = rows(site, "2020/so/")
    change = {k: v[3] for k, v in table.items()}  # rank, unit, score, change: what a phone shows
    assert change["so-tttt"].startswith("=")
    assert change["so-y-te"].startswith("+1")
    assert change["so-noi-vu"].startswith("\u22122")
    assert change["ban-dan-toc"] == ""  # not rated in 2019
    huyen = rows(site, "2020/huyen/")
    assert huyen["huyen-c"][3].startswith("+1")
    assert huyen["huyen-ab"][3] == ""  # a new unit: its predecessors had other ids


def test_not_comparable_editions_are_marked(site):
    page = html(site, "2021/so/")
    assert "không so sánh thứ hạng" in text(page.select_one(".legend"))
    assert "Bảng chưa đầy đủ" in text(page) and "Nguồn chỉ công bố 3 sở dẫn đầu." in text(page)
    table = rows(site, "2021/so/")
    assert [v[0] for v in table.values()] == ["1", "2", "3"]  # published ranks stand
    assert "không so sánh được" in text(html(site, "2021/"))


def test_unit_page_has_every_edition_as_a_section(site):
    page = html(site, "co-quan/so-y-te/")
    assert [s["id"] for s in page.select("section.edition-entry")] == ["2021", "2020", "2019"]
    assert text(page.select_one(".big-rank")) == "Hạng 3"  # 2021: partial table, N unknown
    assert "Hạng 3/6" in text(page.select_one("section[id='2020']"))
    assert "Tăng 1 bậc so với năm 2019" in text(page.select_one("section[id='2020']"))
    link = page.select_one("section[id='2019'] a[href$='2019/so/#so-y-te']")
    assert link is not None
    criteria = [[text(c) for c in tr.find_all(["th", "td"])] for tr in page.select("section[id='2019'] tbody tr")]
    assert criteria[0] == ["Hạ tầng kỹ thuật", "20,00", "4", "24,00", "28,00"]  # median of 28, 25, 24, 20, 10; best


def test_lineage_is_linked_both_ways(site):
    merged = html(site, "co-quan/huyen-ab/")
    links = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in merged.select(".lineage a")}
    assert links == {"huyen-a", "huyen-b"}
    old = html(site, "co-quan/huyen-a/")
    assert old.select_one(".lineage a[href$='co-quan/huyen-ab/']") is not None
    said = [" ".join(page.select_one(".lineage p").get_text().split()) for page in (old, merged)]
    assert said == ["Từ năm 2020, Huyện Đắk A và Huyện Đông B hợp nhất thành Huyện Đắk Đông."] * 2  # said once, one way


def test_not_rated_reason_on_the_unit_page(site):
    page = html(site, "co-quan/ban-dan-toc/")
    assert "Không được đánh giá: Không có thủ tục hành chính công nên không đánh giá" in text(page)


def test_data_text_is_escaped(site):
    raw = (site / "2020" / "so" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in raw
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in raw
    assert 'Ghi chú có <b>thẻ</b> & "ngoặc"' in text(html(site, "2020/so/"))
    assert "Sở TT&amp;TT" in (site / "2019" / "so" / "index.html").read_text(encoding="utf-8")


def test_methodology_page(site):
    page = text(html(site, "2019/phuong-phap/"))
    for fragment in [
        "Quyết định số 1/QĐ-UBND",
        "từ 0 đến 100",
        "tổng điểm các nhóm tiêu chí",
        "Dịch vụ công trực tuyến",
        "Tốt",
        "85",
        "Báo cáo kết quả 2019.pdf",
    ]:
        assert fragment in page


def test_open_data_csv_has_input_columns_name_and_computed_values(site):
    records = list(csv.DictReader(io.StringIO((site / "du-lieu" / "2019.csv").read_text(encoding="utf-8-sig"))))
    first = records[0]
    # the first edition has no change in rank to give: no column that every row leaves empty
    assert list(first)[:8] == ["agency", "name", "bloc", "status", "score", "rank", "tier", "ha-tang"]
    assert {"ha-tang", "ha-tang-rank", "note", "source"} <= set(first) and "rank_change" not in first
    assert (first["agency"], first["name"], first["score"], first["rank"], first["tier"]) == (
        "so-tttt",
        "Sở Thông tin và Truyền thông",
        "92.00",
        "1",
        "Tốt",
    )
    by_id = {r["agency"]: r for r in records}
    assert by_id["ban-dan-toc"]["status"] == "not-rated" and by_id["ban-dan-toc"]["rank"] == ""
    records_2020 = {
        r["agency"]: r
        for r in csv.DictReader(io.StringIO((site / "du-lieu" / "2020.csv").read_text(encoding="utf-8-sig")))
    }
    assert records_2020["so-noi-vu"]["rank_change"] == "-2"


def test_open_data_json(site):
    document = json.loads((site / "du-lieu" / "2020.json").read_text(encoding="utf-8"))
    assert document["edition"] == 2020
    first = document["results"][0]
    assert (first["agency"], first["score"], first["rank"], first["rank_change"]) == ("so-tttt", 90.5, 1, 0)


def test_datapackage_is_valid_frictionless(site):
    report = frictionless.validate(str(site / "du-lieu" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "message"])
    package = json.loads((site / "du-lieu" / "datapackage.json").read_text(encoding="utf-8"))
    assert [r["path"] for r in package["resources"]] == ["tat-ca.csv", "2019.csv", "2020.csv", "2021.csv"]


def test_pages_are_pelican_output_seen_by_the_sitemap(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for path in ["/2019/so/", "/co-quan/huyen-ab/", "/2021/phuong-phap/", "/du-lieu/", "/gioi-thieu/"]:
        assert f"<loc>{path}</loc>" in sitemap or f"{path}</loc>" in sitemap, path


def test_every_page_has_title_description_canonical_and_open_graph(site):
    page = html(site, "co-quan/so-tttt/")
    assert "Sở Thông tin và Truyền thông" in page.title.string
    assert page.select_one('meta[name="description"]')["content"]
    assert page.select_one('link[rel="canonical"]')["href"].endswith("co-quan/so-tttt/")
    assert page.select_one('meta[property="og:title"]')["content"] == "Sở Thông tin và Truyền thông"


def test_pages_load_nothing_from_another_host(site):
    for path in site.rglob("*.html"):
        page = html(site, str(path.relative_to(site)))
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for node in page.find_all(tag):
                value = node.get(attribute, "")
                if tag == "link" and node.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not value.startswith(("http:", "https:", "//")), (path, value)


@pytest.mark.slow
def test_two_builds_of_the_same_data_are_byte_identical(site, tmp_path):
    """A cold build with a cache of its own against the suite's: the same pages, charts,
    PDFs, images and search index, byte for byte."""
    second = build(tmp_path / "b", FIXTURE, CACHE_PATH=str(tmp_path / "cache"))
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in files:
        assert (site / name).read_bytes() == (second / name).read_bytes(), name
    assert list((tmp_path / "cache" / "rankings").iterdir())  # it rendered into its own cache


def _tree(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def _correct_one_score(data) -> None:
    """A data officer's smallest save: Sở Tài chính's 2020 score, 85,0 → 84,5."""
    results = data / "2020" / "results.csv"
    corrected = results.read_text(encoding="utf-8").replace("so-tai-chinh;so;85,0;", "so-tai-chinh;so;84,5;")
    assert corrected != results.read_text(encoding="utf-8")
    results.write_text(corrected, encoding="utf-8")


@pytest.mark.slow
def test_a_rebuild_carries_what_did_not_change_and_equals_a_cold_build(data, tmp_path):
    """Unchanged data and code: no page, chart or index is made again, every file is the
    previous site's own (the same inode, linked into the staged site). One score
    corrected: the site is every file of a cold build of the corrected data, byte for
    byte. A file removed from the published site by hand is never carried on."""
    output = tmp_path / "site"
    first = build_site(output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": str(CACHE)})
    assert first.stats.count("pages") and not first.stats.count("carried")
    page = output / "2020" / "index.html"
    inode = page.stat().st_ino
    again = build_site(output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": str(CACHE)})
    files = [p for p in output.rglob("*") if p.is_file()]
    assert again.stats.count("pages") == again.stats.count("charts") == again.stats.count("PDFs") == 0
    assert again.stats.count("carried") == len(files) - 1  # all but the marker, written anew
    assert page.stat().st_ino == inode

    page.unlink()  # by hand: the next build makes the site again
    mended = build_site(output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": str(CACHE)})
    assert mended.stats.count("pages") and page.is_file()

    _correct_one_score(data)
    build(output, data)
    cold = build(tmp_path / "cold", data, CACHE_PATH=str(tmp_path / "cold-cache"))
    assert "84,5" in (output / "2020" / "so" / "index.html").read_text(encoding="utf-8")
    assert _tree(output) == _tree(cold)


@pytest.mark.slow
def test_the_preview_shows_saved_data_as_the_next_build_writes_it(data, tmp_path):
    """The preview's pages of data just saved, each made alone by the previous build's
    passes, are the pages the build of that data then writes, byte for byte, in every
    language; only the announcements and pages of the content are not theirs to make."""
    from rankings.preview import Saved

    passes = {}
    output = build(tmp_path / "site", data, passes=passes)
    assert list(passes) == ["vi", "en"]
    _correct_one_score(data)
    saved = Saved(check(ROOT / "pelicanconf.py", data), passes)
    assert "84,5" in saved.page("/2020/so/").decode("utf-8")
    assert "84,5" not in (output / "2020" / "so" / "index.html").read_text(encoding="utf-8")
    build(output, data)
    made, theirs = 0, []
    for page in sorted(output.rglob("*.html")):
        address = page.relative_to(output).as_posix()
        shown = saved.page("/" + address.removesuffix("index.html"))
        if shown is None:
            theirs.append(address)
        else:
            assert shown == page.read_bytes(), address
            made += 1
    assert made > 100
    assert theirs == [
        f"{lang}{page}/index.html" for lang in ("en/", "") for page in ("gioi-thieu", "tin-tuc/ket-qua-nam-2019")
    ]


def test_the_output_tree_is_the_expected_one(site):
    """Every page, CSV, JSON and sitemap as committed in tests/expected/basic; after an
    intended change, `invoke expected-output` writes it anew, and the diff is reviewed."""
    assert differences(site, EXPECTED) == []


def test_no_build_writes_a_cache_into_or_beside_its_data_folder(site):
    for folder in (FIXTURE, FIXTURE.parent):
        assert not any(p.name in (".cache", "cache") for p in folder.iterdir())
    assert (CACHE / "rankings" / "charts").is_dir() and (CACHE / "rankings" / "pdf").is_dir()


@pytest.mark.slow
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(data, tmp_path):
    """OWASP's advice for CSV injection, in every CSV the site offers: the open data and
    the data behind each chart."""
    agencies = data / "agencies.csv"
    agencies.write_text(
        agencies.read_text(encoding="utf-8").replace(
            "so-y-te,Sở Y tế,", 'so-y-te,"=HYPERLINK(""http://x"",""Sở Y tế"")",'
        ),
        encoding="utf-8",
    )
    results = data / "2019" / "results.csv"
    results.write_text(
        results.read_text(encoding="utf-8").replace(
            "so-khcn,so,40,Yếu,10,8,7,15,,,", "so-khcn,so,40,Yếu,10,8,7,15,,@SUM(1+1),"
        ),
        encoding="utf-8",
    )
    site = build(tmp_path / "out", data)
    records = {
        r["agency"]: r for r in csv.DictReader(io.StringIO((site / "du-lieu" / "2019.csv").read_text("utf-8-sig")))
    }
    assert records["so-y-te"]["name"] == '\'=HYPERLINK("http://x","Sở Y tế")'
    assert records["so-khcn"]["note"] == "'@SUM(1+1)"
    assert records["so-tai-chinh"]["name"] == "Sở Tài chính"  # other text as it is
    changes = {
        r["agency"]: r for r in csv.DictReader(io.StringIO((site / "du-lieu" / "2020.csv").read_text("utf-8-sig")))
    }
    assert changes["so-noi-vu"]["rank_change"] == "-2"  # a number stays a number
    chart = (site / "2019" / "so" / "diem-theo-thu-hang.csv").read_text(encoding="utf-8")
    assert "'=HYPERLINK" in chart and "\n=" not in chart and ",=" not in chart
    document = json.loads((site / "du-lieu" / "2019.json").read_text(encoding="utf-8"))
    assert any(r["name"].startswith("=HYPERLINK") for r in document["results"])  # JSON carries values as they are


@pytest.mark.slow
def test_the_command_line_shows_progress_and_ends_with_one_summary(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "invoke",
            "build",
            "--data",
            str(ROOT / "tests" / "fixtures" / "portal"),
            "--output",
            str(tmp_path / "site"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "120"},
    )
    assert result.returncode == 0, result.stderr
    # not a terminal (a CI log): a line per stage and language, when it is done
    for stage in ("charts (vi)", "PDFs (vi)", "cards (en)"):
        assert re.search(rf"^  {re.escape(stage)}: \d+ rendered, \d+ from the cache, [\d.]+ s$", result.stderr, re.M), (
            result.stderr
        )
    assert "Done: Processed" not in result.stdout + result.stderr  # Pelican's line per pass
    summary = [line for line in result.stdout.splitlines() if line.startswith("Đã dựng")]
    assert len(summary) == 1
    assert re.fullmatch(
        r"Đã dựng 2 chuỗi, 4 kỳ, 7 đơn vị: \d+ trang, 36 tệp PDF, \d+ biểu đồ, trong \d+ giây\.", summary[0]
    )


def test_a_wrong_address_gets_a_page_of_the_site_in_its_language(site):
    """404.html in both languages: the site's own page, linking home, the A–Z list, the open
    data and the search, with links that start at the site's root (a server shows it at
    any depth); out of the sitemap and the search index."""
    for prefix in ("", "en/"):
        page = html(site, f"{prefix}404.html")
        links = [a["href"] for a in page.select("main a[href]")]
        assert links == [f"/{prefix}", f"/{prefix}co-quan/", f"/{prefix}du-lieu/"]
        for href in links + [link["href"] for link in page.select("link[rel=stylesheet], link[rel=icon]")]:
            target = site / href.lstrip("/")
            assert target.is_file() or (target / "index.html").is_file(), href
        assert page.select_one("form, .search, [role=search]") is not None  # the header's search
        assert page.select_one("main").get("data-pagefind-body") is None
    assert text(html(site, "404.html").h1) == "Không tìm thấy trang"
    assert text(html(site, "en/404.html").h1) == "Page not found"
    assert "404" not in (site / "sitemap.xml").read_text(encoding="utf-8")


def test_every_page_names_the_site_icon(site):
    page = html(site, "2019/so/")
    icon = page.select_one("link[rel=icon]")
    assert icon["type"] == "image/svg+xml" and (site / "2019" / "so" / icon["href"]).resolve().is_file()


def test_every_csv_of_the_site_opens_right_in_a_spreadsheet(site):
    """Every CSV the build writes (open data, bloc tables, each chart's data) starts with
    a byte-order mark, so that a spreadsheet reads the Vietnamese as UTF-8, and a chart's
    carries the reader's columns, each under its header in the page's language, none of
    what only the drawing uses."""
    written = sorted(site.rglob("*.csv"))
    assert len(written) > 50
    internal = {"segment", "label", "order", "url", "said", "code"}
    for path in written:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), path.relative_to(site)
        header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
        if path.parent.name != "du-lieu" and not path.name.endswith(("tat-ca.csv",)):
            assert not internal & set(header), (path.relative_to(site), header)
    chart = next(csv.reader(io.StringIO((site / "2020" / "so" / "diem-theo-thu-hang.csv").read_text("utf-8-sig"))))
    assert chart == ["đơn vị", "hạng", "điểm", "mức"]


def test_every_chart_offers_its_picture_as_an_svg_file_beside_its_data(site):
    """Each figure links its SVG file, the same drawing as the page shows, whose links
    (a map's provinces) lead where the page's do from where the file lies; and a PNG of
    it, for tools that take no SVG, at twice the size the page draws it."""
    from PIL import Image

    figures = 0
    for page in site.rglob("index.html"):
        for figure in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select("figure.chart"):
            link = figure.figcaption.find("a", string="Ảnh (SVG)") or figure.figcaption.find("a", string="Image (SVG)")
            if link is None and "/nhung/" in page.as_posix():
                continue  # an embed's page links its parent page instead
            drawn = (page.parent / link["href"]).resolve()
            assert drawn.is_file() and drawn.with_suffix(".csv").is_file(), drawn
            inline = figure.select_one(".chart-svg svg")
            assert drawn.read_text(encoding="utf-8").count("<path") == str(inline).count("<path"), drawn
            for target in re.findall(r'xlink:href="([^"]+)"', drawn.read_text(encoding="utf-8")):
                assert (drawn.parent / target / "index.html").is_file(), (drawn, target)
            png = figure.figcaption.find("a", string="PNG")
            assert (page.parent / png["href"]).resolve() == drawn.with_suffix(".png")
            width, height = int(float(inline["width"])), int(float(inline["height"]))
            with Image.open(drawn.with_suffix(".png")) as picture:
                assert picture.format == "PNG" and picture.size == (2 * width, 2 * height), drawn
            figures += 1
    assert figures >= 50


def test_each_units_record_is_data_that_validates_against_the_shipped_schema(site):
    """/co-quan/<id>.json for every unit, in both languages, valid against the schema the
    site ships in /du-lieu/, its figures those of the unit's page, its addresses real."""
    import jsonschema

    for root in (site, site / "en"):
        schema = json.loads((root / "du-lieu" / "co-quan.schema.json").read_text(encoding="utf-8"))
        records = sorted((root / "co-quan").glob("*.json"))
        assert records
        for path in records:
            record = json.loads(path.read_text(encoding="utf-8"))
            jsonschema.validate(record, schema)
            assert record["id"] == path.stem and (root / record["page"] / "index.html").is_file()
            for result in record["results"]:
                assert (root / result["table"] / "index.html").is_file(), result
    record = json.loads((site / "co-quan" / "so-y-te.json").read_text(encoding="utf-8"))
    by_year = {r["year"]: r for r in record["results"]}
    assert (by_year[2019]["rank"], by_year[2019]["out_of"], by_year[2019]["score"]) == (4, 5, 62.0)
    assert (by_year[2020]["rank"], by_year[2020]["score"]) == (3, 78.2)
    page = text(html(site, "co-quan/so-y-te/"))
    assert "4/5" in page and "78,2" in page


def test_every_bloc_table_is_also_a_spreadsheet_with_numbers_as_numbers(site):
    """Each bloc's XLSX, beside its CSV, in both languages: the page's column names in a
    frozen header row, ranks and changes as whole numbers and scores as numbers with
    the edition's decimals, equal to the CSV's; each unit linked to its page; a second
    sheet saying what the table is, who published it and where it is on the web."""
    books = sorted(b for b in site.rglob("*.xlsx") if "du-lieu" not in b.parts)
    assert len(books) >= 8 and any("/en/" in b.as_posix() for b in books)
    for path in books:
        workbook_agrees(site, path)


def test_each_edition_and_the_whole_record_are_spreadsheets_of_every_table(site):
    """An edition's XLSX beside its CSV and JSON, a sheet per bloc in the page's order; the
    whole record's beside tat-ca.csv, its first sheet listing every table with its page;
    each table sheet as the bloc's own spreadsheet; the same bytes in a second build."""
    for prefix in ("", "en/"):
        for year in (2019, 2020, 2021):
            edition = html(site, f"{prefix}{year}/")
            pages = [a["href"].lstrip("./") for a in edition.select("section.bloc-summary a.more")]
            pages = [prefix + p.removeprefix("en/") for p in pages]
            assert record_workbook_agrees(site, site / f"{prefix}du-lieu/{year}.xlsx", pages) == len(pages)
            assert edition.select_one(f"a[href$='du-lieu/{year}.xlsx']")
        assert record_workbook_agrees(site, site / f"{prefix}du-lieu/tat-ca.xlsx") == 5
        assert html(site, f"{prefix}du-lieu/").select_one("a[href$='du-lieu/tat-ca.xlsx']")
