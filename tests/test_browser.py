"""The built pages in a real browser: Debian's chromium, driven by Playwright."""

from __future__ import annotations

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


def test_a_permalinked_row_is_highlighted(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{server}/2019/so/#so-tai-chinh")
    row = page.locator("tr#so-tai-chinh")
    highlighted = row.evaluate("r => getComputedStyle(r.querySelector('td')).backgroundColor")
    other = page.locator("tr#so-noi-vu").evaluate("r => getComputedStyle(r.querySelector('td')).backgroundColor")
    assert highlighted == "rgb(255, 241, 184)" and other != highlighted
    assert row.evaluate("r => getComputedStyle(r).outlineStyle") == "solid"
    page.close()


def test_pages_work_without_javascript(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    assert page.locator("table.ranking tbody tr").count() == 6
    assert page.locator("button.sort").count() == 0  # no script, plain headers
    page.goto(f"{server}/")
    page.get_by_role("link", name="Xem bảng xếp hạng").first.click()
    assert page.url.endswith("/2019/so/") or page.url.endswith("/2021/so/")
    context.close()


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
    for path in ["/", "/2019/", "/2019/so/", "/2020/so/", "/2019/phuong-phap/", "/co-quan/so-tttt/",
                 "/co-quan/huyen-ab/", "/du-lieu/"]:
        page.goto(f"{server}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, path
    page.close()


@pytest.mark.parametrize("typed,lands_on", [("dak a", "co-quan/huyen-a/"), ("so tai chinh", "co-quan/so-tai-chinh/"),
                                             ("dong b", "co-quan/huyen-b/"), ("Sở Y tế", "co-quan/so-y-te/")])
def test_search_without_diacritics_finds_the_unit(server, browser, typed, lands_on):
    page = browser.new_page()
    page.goto(f"{server}/2019/")
    page.fill(".pagefind-ui__search-input", typed)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href").endswith(lands_on)
    first.click()
    assert page.url.endswith(lands_on)
    page.close()


def test_without_javascript_the_header_links_the_unit_list(server, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    page.get_by_role("link", name="Danh sách đơn vị A–Z").click()
    assert page.url.endswith("/co-quan/")
    assert page.get_by_role("link", name="Huyện Đắk Đông").count() == 1
    context.close()
