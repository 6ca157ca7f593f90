"""What every page shares, in a real browser: it works without script, stays on the site,
fits a phone, keeps the reader's language, text size and contrast, and is reached by
keyboard."""

from __future__ import annotations

import re

import pytest

from conftest import contrast

pytestmark = pytest.mark.browser  # Chromium through Playwright


def test_pages_work_without_javascript(server, without_script):
    page = without_script
    assert page.locator("table.ranking tbody tr").count() == 6
    assert page.locator("button.sort").count() == 0  # no script, plain headers
    page.goto(f"{server}/")
    page.get_by_role("link", name="Xem bảng xếp hạng").first.click()
    assert page.url.endswith("/2019/so/") or page.url.endswith("/2021/so/")


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


def test_without_javascript_the_header_links_the_unit_list(without_script):
    page = without_script
    page.get_by_role("link", name="Danh sách đơn vị A–Z").click()
    assert page.url.endswith("/co-quan/")
    assert page.get_by_role("link", name="Huyện Đắk Đông").count() == 1


def test_the_language_switch_keeps_the_page(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2020/so/#so-y-te")
    page.get_by_role("navigation", name="Ngôn ngữ").get_by_role("link", name="English").click()
    page.wait_for_load_state()  # the address changes before the new page is read (a busy machine)
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
    page.wait_for_url("**/du-lieu/")  # the click starts a navigation; the test waits for it to land
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.locator(".site-nav-wide").is_visible() and not menu.is_visible()
    context.close()


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


HTML_BUDGET = 300 * 1024  # bytes: the largest page a phone on a slow network is asked to take
FIRST_LOAD_BUDGET = 500 * 1024  # a page's HTML, styles, scripts and fonts, on a first visit


@pytest.mark.slow  # the whole record
def test_every_page_of_the_record_keeps_to_the_budget(real_site, real_server, browser):
    """No HTML page over 300 KiB; the first load of the record's heaviest bloc page (its
    HTML, CSS, scripts and fonts, before anyone searches) under 500 KiB."""
    sizes = {page: page.stat().st_size for page in real_site.rglob("*.html")}
    assert {str(page.relative_to(real_site)): size for page, size in sizes.items() if size > HTML_BUDGET} == {}
    heaviest = max((page for page in sizes if page.parent.parent.name.isdigit()), key=sizes.get)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    loaded = {}
    page.on("response", lambda response: loaded.__setitem__(response.url, len(response.body())))
    page.goto(f"{real_server}/{heaviest.parent.relative_to(real_site).as_posix()}/")
    page.wait_for_load_state("networkidle")
    context.close()
    kinds = {url.rsplit(".", 1)[-1] for url in loaded if "." in url.rsplit("/", 1)[-1]}
    assert {"css", "js", "woff2"} <= kinds, loaded
    assert sum(loaded.values()) < FIRST_LOAD_BUDGET, loaded


@pytest.mark.parametrize("width", [390, 1280])
def test_a_wrong_address_gets_the_sites_page_and_every_page_its_icon(server, browser, width):
    """The site's own 404 page (the web server is to serve it for a wrong address), in
    the site's style, linking home and the A–Z list, with the search box; and the icon
    every page names is there (no request for /favicon.ico goes unanswered)."""
    page = browser.new_page(viewport={"width": width, "height": 844})
    statuses = {}
    page.on("response", lambda response: statuses.__setitem__(response.url.rsplit("/", 1)[-1], response.status))
    # the browser asks for the icon when it likes, after the page's load at times: waited for
    with page.expect_response(lambda response: response.url.endswith("/icon.svg")) as icon:
        page.goto(f"{server}/404.html")
    assert icon.value.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Không tìm thấy trang"
    assert page.locator("#tim-kiem-o").is_visible()
    page.locator("main").get_by_role("link", name="Danh sách đơn vị A–Z").click()
    page.wait_for_load_state()
    assert page.url == f"{server}/co-quan/"
    assert "favicon.ico" not in statuses
    page.close()


@pytest.mark.slow  # the record's map
@pytest.mark.parametrize("width", [390, 1280])
def test_the_map_names_each_province_and_leads_to_its_page(real_server, browser, width):
    """Each province of the map is a link to its unit's page, named with its rank for a
    screen reader and as its hover text, reached by keyboard; in high contrast every class
    of ranks is its own colour, each at least 3:1 against the black page."""
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(f"{real_server}/dti/2024/tinh/")
    provinces = page.locator("#bieu-do-ban-do svg a")
    assert provinces.count() == 63
    first = provinces.first.locator("path")
    said = first.get_attribute("aria-label")
    assert re.fullmatch(r".+: Hạng \d+/63", said) and first.locator("title").text_content() == said
    provinces.first.focus()
    assert page.evaluate("document.activeElement.closest('#bieu-do-ban-do') !== null")
    page.evaluate("document.documentElement.classList.add('high-contrast')")
    fills = page.locator("#bieu-do-ban-do svg a path").evaluate_all(
        "paths => [...new Set(paths.map(p => getComputedStyle(p).fill))]"
    )
    assert len(fills) == 7, fills  # ranks 1–10, 11–20, …, 61–63
    assert all(contrast(fill, "rgb(0, 0, 0)") >= 3 for fill in fills), fills
    href = provinces.first.get_attribute("xlink:href") or provinces.first.get_attribute("href")
    provinces.first.click()
    page.wait_for_load_state()
    assert page.url.endswith(href.lstrip("./").replace("../", "")) and "/co-quan/" in page.url
    page.close()


def test_a_citation_copies_as_bibtex_with_the_pages_full_address(server, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    page.get_by_text("Trích dẫn trang này").click()
    page.get_by_role("button", name="Chép BibTeX").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith("@misc{2019-so,\n") and f"url = {{{server}/2019/so/}}" in copied
    context.close()
