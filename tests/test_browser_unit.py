"""A unit's page and its charts in a real browser: embedded elsewhere, following the
display controls."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright


@pytest.mark.parametrize("width", [320, 1280])
def test_a_chart_embeds_in_another_page_and_fits_it(server, browser, width):
    """The embed code pasted into a page as wide as a small phone or a desktop: the
    chart shows whole, its frame as tall as the embedded page says it is (the caption
    wraps onto more lines in a narrow frame), and its link opens the site itself."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto(f"{server}/co-quan/so-y-te/")
    code = page.locator("#nhung-thu-hang-qua-cac-nam").input_value()
    assert f'src="{server}/co-quan/so-y-te/nhung/thu-hang-qua-cac-nam/"' in code
    page.set_content(f"<html lang='vi'><body style='margin:0'>{code}<p>Sau biểu đồ.</p></body></html>")
    frame = page.frame_locator("iframe")
    assert frame.locator("svg").first.is_visible()
    assert frame.get_by_role("link", name="Sở Y tế").get_attribute("target") == "_top"
    inner = frame.locator("html").evaluate("e => e.scrollHeight")
    page.wait_for_function(f"Math.abs(document.querySelector('iframe').offsetHeight - {inner}) <= 2")
    box = page.locator("iframe").bounding_box()
    assert box["width"] <= width and frame.locator("html").evaluate("e => e.scrollWidth <= e.clientWidth")
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


@pytest.mark.parametrize("width", [390, 1280])
def test_a_chart_reads_out_a_tapped_mark_and_steps_through_marks_by_keyboard(server, browser, width):
    """A tap on a point shows its values under the chart; the keyboard reaches the chart
    and the arrow keys step from mark to mark, each read out (and announced)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, has_touch=width == 390)
    page = context.new_page()
    page.goto(f"{server}/co-quan/so-y-te/")
    frame = page.locator("#bieu-do-thu-hang-qua-cac-nam .chart-svg")
    readout = page.locator("#bieu-do-thu-hang-qua-cac-nam .chart-readout")
    assert readout.get_attribute("aria-live") == "polite" and "phím mũi tên" in readout.inner_text()
    marks = frame.locator("path[aria-label]")
    labels = [marks.nth(i).get_attribute("aria-label") for i in range(marks.count())]
    # each point in words: its year and rank or score, no plotting field (Vega's own would list them)
    assert len(labels) >= 2 and all(re.fullmatch(r"20\d\d: (hạng \d+.*|điểm [\d,]+)", label) for label in labels), (
        labels
    )
    last = marks.nth(len(labels) - 1)
    last.tap() if width == 390 else last.click()
    assert readout.inner_text() == labels[-1]
    assert "picked" in last.get_attribute("class")
    frame.focus()
    assert frame.get_attribute("tabindex") == "0"
    page.keyboard.press("Home")
    assert readout.inner_text() == labels[0]
    page.keyboard.press("ArrowRight")
    assert readout.inner_text() == labels[1]
    context.close()


def test_without_script_a_marks_values_are_its_hover_title(without_script, server):
    page = without_script
    page.goto(f"{server}/co-quan/so-y-te/")
    mark = page.locator("#bieu-do-thu-hang-qua-cac-nam path[aria-label]").first
    assert mark.locator("title").text_content() == mark.get_attribute("aria-label")
    assert page.locator(".chart-readout").count() == 0
