"""axe-core on the built pages, in both contrast modes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser  # Chromium through Playwright
AXE = Axe()  # axe-core, shipped inside the package: every rule that is not experimental


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
