"""The built pages in a real browser: Debian's chromium, driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

pytestmark = pytest.mark.browser  # Chromium through Playwright

CHROMIUM = "/usr/bin/chromium"
AXE = Axe()  # axe-core, shipped inside the package: every rule that is not experimental
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def without_script(browser, server):
    """A page of a browser with JavaScript off, at a bloc table."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    yield page
    context.close()


def test_a_permalinked_row_is_highlighted(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{server}/2019/so/#so-tai-chinh")
    row = page.locator("tr#so-tai-chinh")
    highlighted = row.evaluate("r => getComputedStyle(r.querySelector('td')).backgroundColor")
    other = page.locator("tr#so-noi-vu").evaluate("r => getComputedStyle(r.querySelector('td')).backgroundColor")
    assert highlighted == "rgb(255, 241, 184)" and other != highlighted
    assert row.evaluate("r => getComputedStyle(r).outlineStyle") == "solid"
    page.close()


def test_pages_work_without_javascript(server, without_script):
    page = without_script
    assert page.locator("table.ranking tbody tr").count() == 6
    assert page.locator("button.sort").count() == 0  # no script, plain headers
    page.goto(f"{server}/")
    page.get_by_role("link", name="Xem bảng xếp hạng").first.click()
    assert page.url.endswith("/2019/so/") or page.url.endswith("/2021/so/")


def test_script_sorts_the_table_by_a_column(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2020/so/")
    first = lambda: page.locator("table.ranking tbody tr").first.get_attribute("id")  # noqa: E731
    assert first() == "so-tttt"
    page.get_by_role("button", name="Điểm").click()  # ascending
    assert first() == "so-khcn"
    assert page.locator("th[aria-sort='ascending']").count() == 1
    page.close()


def test_no_request_leaves_the_site(server, browser):
    page = browser.new_page()
    outside = []
    page.on("request", lambda request: None if request.url.startswith(server) else outside.append(request.url))
    for path in ["/", "/2019/", "/2019/so/", "/co-quan/so-tttt/", "/du-lieu/"]:
        page.goto(f"{server}{path}")
        page.wait_for_load_state("networkidle")
    assert outside == []
    page.close()


def test_pages_fit_a_phone_screen(server, browser):
    """Only tables scroll sideways, inside their own frame; the page itself never does."""
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in [
        "/",
        "/2019/",
        "/2019/so/",
        "/2020/so/",
        "/2019/phuong-phap/",
        "/co-quan/so-tttt/",
        "/co-quan/huyen-ab/",
        "/du-lieu/",
    ]:
        page.goto(f"{server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    page.close()


@pytest.mark.parametrize(
    "prefix,typed,lands_on",
    [
        ("", "dak a", "co-quan/huyen-a/"),
        ("", "so tai chinh", "co-quan/so-tai-chinh/"),
        ("", "dong b", "co-quan/huyen-b/"),
        ("", "Sở Y tế", "co-quan/so-y-te/"),
        # the English site: by the English name, or by the Vietnamese one without its marks
        ("en/", "information and communications", "en/co-quan/so-tttt/"),
        ("en/", "so y te", "en/co-quan/so-y-te/"),
        ("en/", "dak a", "en/co-quan/huyen-a/"),
    ],
)
def test_search_without_diacritics_finds_the_unit(server, browser, prefix, typed, lands_on):
    page = browser.new_page()
    page.goto(f"{server}/{prefix}2019/")
    page.fill(".pagefind-ui__search-input", typed)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href").endswith(lands_on)
    assert " | " not in first.text_content()  # the name alone, without the folded copy it is ranked by
    first.click()
    assert page.url.endswith(lands_on)
    page.close()


def test_without_javascript_the_header_links_the_unit_list(without_script):
    page = without_script
    page.get_by_role("link", name="Danh sách đơn vị A–Z").click()
    assert page.url.endswith("/co-quan/")
    assert page.get_by_role("link", name="Huyện Đắk Đông").count() == 1


def test_the_language_switch_keeps_the_page(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2020/so/#so-y-te")
    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    assert page.url == f"{server}/en/2020/so/"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("columnheader", name="Score").count() == 1
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Tiếng Việt").click()
    assert page.url == f"{server}/2020/so/"
    page.close()


def test_text_size_and_contrast_are_remembered_across_pages(server, browser):
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    size = lambda: page.evaluate("getComputedStyle(document.documentElement).fontSize")  # noqa: E731
    assert size() == "16px"
    page.get_by_role("button", name="A+ Tăng cỡ chữ").click()
    page.get_by_role("button", name="A+ Tăng cỡ chữ").click()
    assert size() == "20px"
    page.get_by_role("button", name="Tương phản cao").click()
    assert page.get_by_role("button", name="Tương phản cao").get_attribute("aria-pressed") == "true"
    page.goto(f"{server}/en/co-quan/so-y-te/")  # another page, another language
    assert size() == "20px"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    assert page.get_by_role("button", name="High contrast").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="A Default text size").click()
    page.get_by_role("button", name="High contrast").click()
    page.reload()
    assert size() == "16px"
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"
    context.close()


def test_the_controls_are_hidden_without_javascript(without_script):
    page = without_script
    assert page.locator(".display-controls").is_hidden()
    assert page.get_by_role("link", name="English").count() == 1


def test_a_row_link_copies_its_permalink(server, browser):
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{server}/2020/so/")
    page.get_by_role("link", name="Liên kết tới dòng của Sở Y tế").click()
    assert page.url == f"{server}/2020/so/#so-y-te"
    assert page.evaluate("navigator.clipboard.readText()") == f"{server}/2020/so/#so-y-te"
    page.wait_for_function("document.getElementById('thong-bao').textContent.includes('#so-y-te')")
    assert page.locator("tr#so-y-te").evaluate("r => getComputedStyle(r).outlineStyle") == "solid"
    page.get_by_text("Trích dẫn trang này").click()
    page.get_by_role("button", name="Chép trích dẫn").click()
    cited = page.evaluate("navigator.clipboard.readText()")
    assert cited.startswith("Sở Thông tin và Truyền thông tỉnh Mẫu. Sở, ban, ngành — xếp hạng năm 2020.")
    assert cited.endswith(f"{server}/2020/so/")
    context.close()


def test_a_chart_embeds_in_another_page(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/co-quan/so-y-te/")
    code = page.locator("#nhung-thu-hang-qua-cac-nam").input_value()
    assert f'src="{server}/co-quan/so-y-te/nhung/thu-hang-qua-cac-nam/"' in code
    page.set_content(f"<html lang='vi'><body>{code}</body></html>")
    frame = page.frame_locator("iframe")
    assert frame.locator("svg").first.is_visible()
    assert frame.get_by_role("link", name="Sở Y tế").get_attribute("target") == "_top"
    page.close()


@pytest.mark.parametrize(
    "served,path,width",
    [
        *[
            ("server", path, 1280)
            for path in [
                "/",
                "/2020/",
                "/2020/so/?so-sanh=so-y-te,so-noi-vu",
                "/co-quan/so-y-te/",
                "/en/",
                "/en/2020/",
                "/en/2020/so/?so-sanh=so-y-te,so-noi-vu",
                "/en/co-quan/so-y-te/",
                "/en/tin-tuc/",
            ]
        ],
        # the portal's bloc (bump chart, comparison) and unit pages, on a phone
        *[
            ("portal_server", path, 390)
            for path in ["/dti/2024/tinh/", "/en/dti/2024/tinh/", "/co-quan/da-nang/", "/en/co-quan/da-nang/"]
        ],
    ],
)
def test_axe_finds_no_accessibility_violation(request, browser, served, path, width):
    context = browser.new_context(viewport={"width": width, "height": 844})
    page = context.new_page()
    page.goto(f"{request.getfixturevalue(served)}{path}")
    page.wait_for_load_state("networkidle")
    for contrast in (False, True):
        if contrast:
            page.get_by_role("button", name="High contrast" if path.startswith("/en/") else "Tương phản cao").click()
        violations = AXE.run(page).response["violations"]
        assert violations == [], [(v["id"], [n["target"] for n in v["nodes"]]) for v in violations]
    context.close()


def test_the_keyboard_reaches_the_skip_link_first_and_it_leads_to_the_content(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2019/so/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.evaluate("document.activeElement.getBoundingClientRect().left") >= 0  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")  # the next stop is inside the content
    assert page.evaluate("document.getElementById('main').contains(document.activeElement)")
    page.close()


def test_search_tells_units_apart_and_shows_readable_text(portal_server, browser):
    page = browser.new_page()

    def results(typed: str) -> tuple[list[str], list[str], list[str]]:
        page.goto(f"{portal_server}/")
        page.fill(".pagefind-ui__search-input", typed)
        page.locator(".pagefind-ui__result-link").first.wait_for(timeout=5000)
        page.wait_for_timeout(300)  # the list settles as more results load
        links = page.locator(".pagefind-ui__result-link")
        return (
            [
                href.split("/co-quan/")[-1]
                for href in (links.nth(i).get_attribute("href") for i in range(links.count()))
            ],
            links.all_text_contents(),
            page.locator(".pagefind-ui__result-excerpt").all_text_contents(),
        )

    hrefs, titles, excerpts = results("dan toc")
    # the unit with results before its namesake without
    assert hrefs.index("uy-ban-dan-toc/") < hrefs.index("bo-dan-toc-va-ton-giao/")
    assert not any("Dan toc" in e or "Uy ban" in e for e in excerpts)  # never the folded copy
    assert any("Năm 2019: Hạng 2/2" in e for e in excerpts)
    hrefs, titles, excerpts = results("da nang")
    assert "Thành phố Đà Nẵng (từ 2025)" in titles and "Thành phố Đà Nẵng" in titles
    assert not any("tu 2025" in e for e in excerpts)
    page.close()


def test_the_preview_follows_the_data_and_shows_its_problems(browser, tmp_path):
    import shutil
    import threading

    from conftest import FIXTURE, build
    from rankings.preview import Preview, server, watch

    data = Path(shutil.copytree(FIXTURE, tmp_path / "basic"))
    shown = Preview(lambda: build(tmp_path / "xem-truoc", data))
    shown.rebuild()
    httpd = server(shown, tmp_path / "xem-truoc", 0)
    stop = threading.Event()
    threads = [
        threading.Thread(target=httpd.serve_forever, daemon=True),
        threading.Thread(target=watch, args=(shown, [data], stop), daemon=True),
    ]
    for thread in threads:
        thread.start()
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/2019/huyen/")
        row = page.locator("tr#huyen-b")
        assert "88,00" in row.inner_text()
        results = data / "2019" / "results.csv"
        results.write_text(
            results.read_text(encoding="utf-8").replace("huyen-b,huyen,88", "huyen-b,huyen,91"), encoding="utf-8"
        )
        page.wait_for_function(
            "document.querySelector('tr#huyen-b') && document.querySelector('tr#huyen-b').innerText.includes('91,00')",
            timeout=60000,
        )
        results.write_text(
            results.read_text(encoding="utf-8").replace("huyen-b,huyen,91", "huyen-b,huyen,9 1"), encoding="utf-8"
        )
        page.wait_for_selector("#loi-du-lieu", timeout=60000)
        problem = page.locator("#loi-du-lieu li").first.inner_text()
        assert "basic/2019/results.csv, dòng 9, cột «score»: «huyen-b» (Huyện Đông B)" in problem
        page.close()
    finally:
        stop.set()
        httpd.shutdown()


# -- readers (issue 15): phone first, charts that follow the settings, comparing units --


@pytest.mark.parametrize("width", [360, 390])
def test_a_bloc_table_shows_rank_unit_score_and_change_on_a_phone(server, browser, width):
    page = browser.new_page(viewport={"width": width, "height": 800})
    page.goto(f"{server}/2020/so/")
    frame = page.locator(".table-scroll").first
    assert frame.evaluate("f => f.scrollWidth <= f.clientWidth")  # nothing to scroll to
    row = page.locator("tr#so-y-te")
    shown = [c for c in row.locator(":scope > th, :scope > td").all() if c.is_visible()]
    assert [c.inner_text().split("\n")[0].strip() for c in shown][::2] == ["3", "78,2"]
    assert shown[3].inner_text().startswith("+1")  # the change, in view
    for cell in shown:  # inside the screen, none over another
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width
    details = row.locator("details.row-more")
    assert not details.locator("dl").is_visible()
    details.locator("summary").click()  # the folded columns: tier, note (and criteria, below)
    assert "Mức\nKhá" in details.inner_text() and "Ghi chú, nguồn" in details.inner_text()
    page.goto(f"{server}/2019/so/")
    details = page.locator("tr#so-tttt details.row-more")
    details.locator("summary").click()
    assert "Hạ tầng kỹ thuật\n28,00 (hạng 1)" in details.inner_text()
    assert page.locator(".table-scroll").first.evaluate("f => f.scrollWidth <= f.clientWidth")
    page.close()


def test_on_a_wide_screen_every_column_shows_and_the_sticky_cells_do_not_overlap(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/2019/so/")
    row = page.locator("tr#so-tttt")
    assert not row.locator("details.row-more").is_visible()
    rank, unit = row.locator("td").first.bounding_box(), row.locator("th").bounding_box()
    assert rank["x"] + rank["width"] <= unit["x"] + 0.5
    header = page.locator("table.ranking thead th").first.bounding_box()
    assert header["width"] == pytest.approx(rank["width"], abs=0.5)  # the header does not widen the column
    page.close()


@pytest.mark.parametrize("script", [True, False])
def test_the_menu_folds_on_a_phone_with_or_without_script(browser, server, script):
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=script)
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    header = page.locator("header.site-header").bounding_box()
    assert header["height"] < 260
    menu = page.locator("details.site-nav-phone")
    assert not page.locator(".site-nav-wide").is_visible()
    assert not menu.get_by_role("link", name="Dữ liệu mở").is_visible()
    menu.locator("summary").click()
    menu.get_by_role("link", name="Dữ liệu mở").click()
    assert page.url.endswith("/du-lieu/")
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.locator(".site-nav-wide").is_visible() and not menu.is_visible()
    context.close()


def test_charts_follow_the_text_size_and_contrast_controls(server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto(f"{server}/co-quan/so-y-te/")
    svg = page.locator("#bieu-do-thu-hang-qua-cac-nam svg")
    width = svg.bounding_box()["width"]
    label = svg.locator("text").first
    assert label.evaluate("t => getComputedStyle(t).fill") == "rgb(74, 85, 96)"
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    page.get_by_role("button", name="Tăng cỡ chữ").click()
    assert svg.bounding_box()["width"] == pytest.approx(width * 1.25, rel=0.02)  # 125 %: the text grows with it
    page.get_by_role("button", name="Tương phản cao").click()
    assert label.evaluate("t => getComputedStyle(t).fill") == "rgb(255, 255, 255)"
    background = svg.locator("rect").first.evaluate("r => getComputedStyle(r).fill")
    assert background == "rgb(0, 0, 0)"
    page.close()


def test_a_reader_compares_units_and_the_address_keeps_the_choice(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{server}/2020/so/")
    section = page.locator("#so-sanh")
    assert section.is_visible()
    page.select_option("#so-sanh-1", "so-y-te")
    page.select_option("#so-sanh-2", "so-noi-vu")
    assert page.url.endswith("/2020/so/?so-sanh=so-y-te%2Cso-noi-vu")
    ranks = section.locator("table").first
    assert [r.inner_text().split("\t") for r in ranks.locator("tbody tr").all()] == [
        ["2019", "4/5", "2/5"],
        ["2020", "3/6", "4/6"],
    ]
    assert section.locator("table").count() == 1  # 2020 published no criteria
    assert section.locator("svg path.line").count() == 2
    shared = page.url
    other = browser.new_page()
    other.goto(shared)  # a shared link shows the same comparison
    assert other.locator("#so-sanh-1").input_value() == "so-y-te"
    assert other.locator("#so-sanh table").first.inner_text() == ranks.inner_text()
    other.goto(f"{server}/2019/so/?so-sanh=so-y-te,so-noi-vu")
    criteria = other.locator("#so-sanh table").nth(1).locator("tbody tr").first.inner_text().split("\t")
    assert criteria == ["Hạ tầng kỹ thuật", "20,00", "25,00", "24,00", "28,00"]  # two units, the median, the best
    other.close()
    page.close()


def test_without_script_the_comparison_is_hidden_and_the_static_charts_carry_it(without_script, server):
    page = without_script
    page.goto(f"{server}/2020/so/")
    assert not page.locator("#so-sanh").is_visible()
    assert page.locator("#bieu-do-thu-hang-cac-don-vi-qua-cac-nam svg").is_visible()


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("typed", ["Hanoi", "Ha Noi", "ha noi"])
def test_hanoi_and_ha_noi_find_ha_noi(portal_server, browser, prefix, typed):
    page = browser.new_page()
    page.goto(f"{portal_server}/{prefix}")
    page.fill(".pagefind-ui__search-input", typed)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href").endswith(f"{prefix}co-quan/ha-noi/")
    page.close()


@pytest.mark.parametrize(
    "path,ranking",
    [("/", ".leaders li"), ("/co-quan/da-nang/", ".big-rank"), ("/en/co-quan/da-nang/", ".series-standing li")],
)
def test_the_first_screen_of_a_phone_shows_a_ranking(portal_server, browser, path, ranking):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{portal_server}{path}")
    box = page.locator(ranking).first.bounding_box()
    assert box["y"] + box["height"] <= 844, box
    page.close()
