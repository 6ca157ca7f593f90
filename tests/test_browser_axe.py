"""axe-core on the built pages, in both contrast modes."""

from __future__ import annotations

import pytest

from conftest import axe_violations

pytestmark = pytest.mark.browser  # Chromium through Playwright


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
        assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "/dti/2024/tinh-34/?so-sanh=da-nang-2025,da-nang,quang-nam#da-nang-2025",
        "/en/dti/2024/tinh/?so-sanh=ha-noi,da-nang#ha-noi",
        "/co-quan/da-nang/",
        "/en/co-quan/da-nang/",
    ],
)
def test_axe_finds_nothing_at_the_largest_text_on_a_phone(portal_server, browser, path):
    """The changed pages at 150 % text (A+ twice more than the default, remembered as the
    site's control remembers it), with a comparison made, a unit's marks picked out and a
    chart's value read out, in both contrast modes."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.add_init_script("localStorage.setItem('bd-co-chu', '4')")
    page = context.new_page()
    page.goto(f"{portal_server}{path}")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.style.fontSize") == "150%"
    frame = page.locator(".chart-svg[tabindex='0']").first
    frame.focus()
    page.keyboard.press("End")  # a value read out under the chart
    assert page.locator(".chart-readout").first.inner_text().strip()
    for contrast in (False, True):
        page.evaluate(f"document.documentElement.classList.toggle('high-contrast', {str(contrast).lower()})")
        assert axe_violations(page) == [], (path, contrast)
    context.close()


SHARDS = 4  # the pages in four tests, which the run's workers share out


@pytest.mark.slow  # the record built whole, then every bloc page in both languages and contrasts
@pytest.mark.parametrize("shard", range(SHARDS))
def test_axe_finds_nothing_on_any_bloc_page_of_the_record(browser, real_site, real_server, shard):
    """The record's largest pages (the 63 provinces' table, bump chart and map) in both
    languages, in the default view and in high contrast."""
    paths = sorted(
        "/" + p.parent.relative_to(real_site).as_posix() + "/"
        for p in real_site.glob("**/index.html")
        if (p.parent.parent / f"{p.parent.name}.pdf").is_file() and p.parent.parent.name.isdigit()
    )
    assert len(paths) >= 50 and "/dti/2024/tinh/" in paths and "/en/dti/2024/tinh-34/" in paths
    paths = paths[shard::SHARDS]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    found = {}
    for path in paths:
        page.goto(f"{real_server}{path}")
        for contrast in (False, True):
            page.evaluate(f"document.documentElement.classList.toggle('high-contrast', {str(contrast).lower()})")
            if violations := axe_violations(page):
                found[path, contrast] = violations
    context.close()
    assert found == {}
