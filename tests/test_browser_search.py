"""The site search (Pagefind) in a real browser: names typed without marks find their unit,
namesakes are told apart."""

from __future__ import annotations

import pytest

from conftest import axe_violations

pytestmark = pytest.mark.browser  # Chromium through Playwright


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
    page.fill("#tim-kiem-o", typed)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href").endswith(lands_on)
    assert " | " not in first.text_content()  # the name alone, without the folded copy it is ranked by
    first.click()
    assert page.url.endswith(lands_on)
    page.close()


def test_search_tells_units_apart_and_shows_readable_text(portal_server, browser):
    page = browser.new_page()

    def results(typed: str) -> tuple[list[str], list[str], list[str]]:
        page.goto(f"{portal_server}/")
        page.fill("#tim-kiem-o", typed)
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


@pytest.mark.parametrize("prefix", ["", "en/"])
@pytest.mark.parametrize("typed", ["Hanoi", "Ha Noi", "ha noi"])
def test_hanoi_and_ha_noi_find_ha_noi(portal_server, browser, prefix, typed):
    page = browser.new_page()
    page.goto(f"{portal_server}/{prefix}")
    page.fill("#tim-kiem-o", typed)
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href").endswith(f"{prefix}co-quan/ha-noi/")
    page.close()


def test_search_follows_high_contrast_and_the_text_size(portal_server, browser):
    """With results open: axe finds nothing in high contrast, result titles read on black,
    and A+ makes the box and the results larger, as it does the page."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{portal_server}/")
    size = page.locator("#tim-kiem-o").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    page.get_by_role("button", name="Tương phản cao").click()
    page.get_by_role("button", name="A+").click()
    page.get_by_role("button", name="A+").click()
    page.fill("#tim-kiem-o", "da nang")
    page.locator(".pagefind-ui__result-link").first.wait_for(timeout=5000)
    page.wait_for_timeout(300)
    larger = page.locator("#tim-kiem-o").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert larger >= size * 1.2, (size, larger)
    box = page.locator("#tim-kiem-o")  # what was typed, readable on black
    assert box.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]") == [
        "rgb(255, 255, 255)",
        "rgb(0, 0, 0)",
    ]
    title = page.locator(".pagefind-ui__result-link").first
    assert title.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"  # white on black (was #393939)
    assert axe_violations(page) == []
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_the_search_script_loads_when_the_box_is_first_used(server, browser, width):
    """Pagefind's interface (about 130 KiB) is fetched on the first focus of the box, not
    with every page; then its box takes the plain one's place, keeping the focus."""
    page = browser.new_page(viewport={"width": width, "height": 844})
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(f"{server}/2019/so/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in fetched if "/pagefind/" in url]
    box = page.locator("#tim-kiem-o")  # the plain box, then Pagefind's under the same id
    assert box.get_attribute("class") == "search-box" and page.get_by_label("Tìm kiếm").count() == 1
    page.keyboard.press("Tab")  # to the skip link, then on to the box
    while not box.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Tab")
    page.locator(".pagefind-ui__search-input").wait_for(timeout=5000)
    assert any(url.endswith("/pagefind/pagefind-ui.js") for url in fetched)
    assert page.evaluate("document.activeElement.className").startswith("pagefind-ui__search-input")
    assert page.evaluate("document.activeElement.id") == "tim-kiem-o"
    page.keyboard.type("so y te")
    first = page.locator(".pagefind-ui__result-link").first
    first.wait_for(timeout=5000)
    assert first.get_attribute("href").endswith("co-quan/so-y-te/")
    page.close()
