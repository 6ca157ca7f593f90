"""A unit's page and its charts in a real browser: embedded elsewhere, following the
display controls."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright


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
