"""The live preview in a real browser: it follows the data and shows its problems."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser  # Chromium through Playwright


def test_the_preview_follows_the_data_and_shows_its_problems(browser, tmp_path):
    import shutil
    import threading

    from conftest import CACHE, FIXTURE, ROOT
    from rankings.preview import Preview, server, watch

    data = Path(shutil.copytree(FIXTURE, tmp_path / "basic"))
    shown = Preview.of(tmp_path / "xem-truoc", data, ROOT / "pelicanconf.py", {"CACHE_PATH": str(CACHE)})
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
        # Shown before the site is built again; the page says what is still the previous build's.
        note = page.get_by_role("status").filter(has_text="đang dựng lại các tệp tải về")
        note.wait_for(timeout=10000)
        note.wait_for(state="detached", timeout=60000)
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
