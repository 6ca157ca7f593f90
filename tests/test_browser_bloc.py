"""A bloc table in a real browser: rows linked and highlighted, sorted, on a phone and a
wide screen, and units compared."""

from __future__ import annotations

import json
import re
import subprocess

import pytest

from conftest import contrast
from rankings.site.formatting import sort_key

pytestmark = pytest.mark.browser  # Chromium through Playwright


def test_a_permalinked_row_is_highlighted(server, browser):
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(f"{server}/2019/so/#so-tai-chinh")
    row = page.locator("tr#so-tai-chinh")
    highlighted = row.evaluate("r => getComputedStyle(r.querySelector('td')).backgroundColor")
    other = page.locator("tr#so-noi-vu").evaluate("r => getComputedStyle(r.querySelector('td')).backgroundColor")
    assert highlighted == "rgb(255, 241, 184)" and other != highlighted
    assert row.evaluate("r => getComputedStyle(r).outlineStyle") == "solid"
    page.close()


def test_script_sorts_the_table_by_a_column(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2020/so/")
    first = lambda: page.locator("table.ranking tbody tr").first.get_attribute("id")  # noqa: E731
    assert first() == "so-tttt"
    page.get_by_role("button", name="Điểm").click()  # ascending
    assert first() == "so-khcn"
    assert page.locator("th[aria-sort='ascending']").count() == 1
    page.close()


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
    today = page.evaluate("new Date().toLocaleDateString('vi-VN', {day: '2-digit', month: '2-digit', year: 'numeric'})")
    assert cited.endswith(f"{server}/2020/so/ Truy cập ngày {today}.")  # the day copied, not the day built
    page.get_by_role("button", name="Chép BibTeX").click()
    bibtex = page.evaluate("navigator.clipboard.readText()")
    assert re.search(r",\n  urldate = \{\d{4}-\d{2}-\d{2}\}\n\}$", bibtex), bibtex
    page.get_by_role("button", name="Chép CSL-JSON").click()
    (entry,) = json.loads(page.evaluate("navigator.clipboard.readText()"))
    assert len(entry["accessed"]["date-parts"][0]) == 3
    context.close()


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


@pytest.mark.parametrize("width", [390, 1280])
def test_a_reader_compares_units_and_the_address_keeps_the_choice(server, browser, width):
    """From the link near the top, units ticked in an A–Z list that a typed name without
    its marks filters; ranks and scores side by side; the choice kept in the address."""
    page = browser.new_page(viewport={"width": width, "height": 844})
    page.goto(f"{server}/2020/so/")
    section = page.locator("#so-sanh")
    assert section.is_visible()
    page.locator(".facts-line").get_by_role("link", name="So sánh các đơn vị").click()
    assert page.url.endswith("#so-sanh")
    names = section.locator(".compare-list label").all_inner_texts()
    assert [n.strip() for n in names] == sorted((n.strip() for n in names), key=sort_key) and len(names) >= 5
    page.fill("#so-sanh-loc", "so y te")  # no marks, as one types on a phone
    assert [n.strip() for n in section.locator(".compare-list label:visible").all_inner_texts()] == ["Sở Y tế"]
    page.get_by_role("checkbox", name="Sở Y tế", exact=True).check()
    page.fill("#so-sanh-loc", "noi vu")
    page.get_by_role("checkbox", name="Sở Nội vụ", exact=True).check()
    assert page.url.endswith("/2020/so/?so-sanh=so-y-te%2Cso-noi-vu#so-sanh")
    ranks = section.locator("table").first
    assert [r.inner_text().split("\t") for r in ranks.locator("tbody tr").all()] == [
        ["2019", "4/5 · 62,00", "2/5 · 80,50"],
        ["2020", "3/6 · 78,2", "4/6 · 70,0"],
    ]
    assert section.locator("table").count() == 1  # 2020 published no criteria
    assert section.locator("svg path.line").count() == 2
    shared = page.url
    other = browser.new_page()
    other.goto(shared)  # a shared link shows the same comparison
    assert all(other.get_by_role("checkbox", name=n, exact=True).is_checked() for n in ("Sở Y tế", "Sở Nội vụ"))
    assert other.locator("#so-sanh table").first.inner_text() == ranks.inner_text()
    other.goto(f"{server}/2019/so/?so-sanh=so-y-te,so-noi-vu")
    criteria = other.locator("#so-sanh table").nth(1).locator("tbody tr").first.inner_text().split("\t")
    assert criteria == ["Hạ tầng kỹ thuật", "20,00", "25,00", "24,00", "28,00"]  # two units, the median, the best
    other.close()
    page.close()


def test_the_new_da_nang_is_compared_with_the_two_it_joins(portal_server, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{portal_server}/dti/2024/tinh-34/?so-sanh=da-nang-2025,da-nang,quang-nam")
    lists = page.locator("#so-sanh .compare-list legend").all_inner_texts()
    assert lists == ["Các đơn vị của khối, từ A đến Z", "Đơn vị trước và sau sáp nhập"]
    last = page.locator("#so-sanh table").first.locator("tbody tr").last.inner_text().split("\t")
    assert last == ["2024", "1/2 · 0,8241", "1/3 · 0,8335", "3/3 · 0,6100"]
    page.close()


def test_without_script_the_comparison_is_hidden_and_the_static_charts_carry_it(without_script, server):
    page = without_script
    page.goto(f"{server}/2020/so/")
    assert not page.locator("#so-sanh").is_visible()
    assert page.locator("#bieu-do-thu-hang-cac-don-vi-qua-cac-nam svg").is_visible()


def test_a_keyboard_skips_the_table_in_one_key_press(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2020/so/")
    page.focus(".skip-table")
    assert page.locator(".skip-table").is_visible()  # shown when it has the focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "sau-bang"
    page.keyboard.press("Tab")  # on past the table, not into it
    assert page.evaluate("!document.activeElement.closest('table')")
    page.close()


def test_the_focus_ring_stands_out_on_the_page_in_both_contrast_modes(server, browser):
    page = browser.new_page()
    page.goto(f"{server}/2020/so/")
    for high in (False, True):
        if high:
            page.get_by_role("button", name="Tương phản cao").click()
        page.keyboard.press("Tab")  # the skip link, then a link of the page
        page.keyboard.press("Tab")
        ring = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
        paper = page.evaluate("getComputedStyle(document.querySelector('main')).backgroundColor")
        paper = paper if "0, 0, 0, 0" not in paper else page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert contrast(ring, paper) >= 3, (high, ring, paper)
    page.close()


def test_a_printed_bloc_page_shows_every_column_on_a_page_turned_sideways(server, browser, tmp_path):
    page = browser.new_page(viewport={"width": 1047, "height": 740})  # A4 landscape within its margins
    page.goto(f"{server}/2019/so/")
    page.emulate_media(media="print")
    frame = page.locator(".table-scroll")
    assert frame.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    headers = page.locator("table.ranking thead th")
    assert headers.count() >= 6 and all(headers.nth(i).is_visible() for i in range(headers.count()))
    assert not page.locator(".site-header").is_visible()
    names = [" ".join(headers.nth(i).inner_text().split()) for i in range(headers.count())]
    printed = tmp_path / "bang.pdf"
    printed.write_bytes(page.pdf(prefer_css_page_size=True))  # as the browser's own "Print" makes it
    page.close()
    info = subprocess.run(["pdfinfo", str(printed)], capture_output=True, text=True, check=True).stdout
    width, height = (float(v) for v in re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info).groups())
    assert width > height  # sideways
    words = " ".join(subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True).stdout.split())
    assert all(name.split()[0] in words for name in names), (names, words[:400])  # no column cut off


@pytest.mark.parametrize("width", [390, 1280])
def test_the_header_row_stays_in_view_after_a_jump_to_a_row(server, browser, width):
    """A window too short for the table: after a jump to its last row, the header row is
    in view at the top of the table's box (wide) or of the window (phone), above the row."""
    page = browser.new_page(viewport={"width": width, "height": 320})
    page.goto(f"{server}/2020/so/")
    last = page.locator("table.ranking tbody tr").last.get_attribute("id")
    page.goto(f"{server}/2020/so/#{last}")
    page.wait_for_timeout(200)
    header = page.locator("table.ranking thead th").first.bounding_box()
    row = page.locator(f"tr#{last}").bounding_box()
    frame = page.locator(".table-scroll").bounding_box()
    top = max(frame["y"], 0)
    assert top - 1 <= header["y"] <= top + header["height"], (header, frame)  # at the top, whole
    assert header["y"] + header["height"] <= row["y"] + 1 and row["y"] + row["height"] <= 320
    page.close()


def test_the_digits_of_a_score_column_line_up(server, browser):
    """Every digit of the theme's font is as wide as every other (the web fonts are made
    so), so scores right-aligned in a column line up digit under digit."""
    page = browser.new_page()
    page.goto(f"{server}/2020/so/")
    page.evaluate("document.fonts.ready")
    widths = page.evaluate(
        """() => [...'0123456789'].map(d => {
             const cell = document.querySelector('table.ranking tbody td.num');
             const probe = document.createElement('span');
             probe.textContent = d.repeat(10);
             cell.appendChild(probe);
             const width = probe.getBoundingClientRect().width;
             probe.remove();
             return Math.round(width * 100);
           })"""
    )
    assert len(set(widths)) == 1, widths
    assert page.evaluate("document.fonts.check('16px \"Be Vietnam Pro\"')")
    page.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_a_units_row_picks_out_its_marks_and_a_tap_names_a_point(server, browser, width):
    """Sent to a unit's row (#so-y-te), a reader sees that unit's points and bar picked out
    in the charts; a tap on any point of the bump chart names its unit, year and rank."""
    context = browser.new_context(viewport={"width": width, "height": 844}, has_touch=True)
    page = context.new_page()
    page.goto(f"{server}/2020/so/#so-y-te")
    own = page.locator(".chart-svg .own")
    said = [own.nth(i).get_attribute("aria-label") for i in range(own.count())]
    assert len(said) >= 3 and all(s.startswith(("Sở Y tế,", "Sở Y tế:")) for s in said), said
    bump = page.locator("#bieu-do-thu-hang-cac-don-vi-qua-cac-nam")
    points = bump.locator("path[aria-label]")
    assert points.count() >= 10  # every unit's point of every year, each described
    points.last.tap()
    assert re.fullmatch(r".+, 20\d\d: hạng \d+/\d+", bump.locator(".chart-readout").inner_text())
    page.evaluate("location.hash = 'so-noi-vu'")
    page.wait_for_timeout(100)
    assert all(own.nth(i).get_attribute("aria-label").startswith("Sở Nội vụ") for i in range(own.count()))
    context.close()
