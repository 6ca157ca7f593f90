"""The example folders build with no code change and show what they must."""

from __future__ import annotations

import pytest

from conftest import html, text

pytestmark = pytest.mark.slow  # two more sites, cold


def test_example_data_is_labelled_on_every_page(tinh_mau):
    for path in ["", "2019/", "2019/so-ban-nganh/", "co-quan/so-y-te/", "du-lieu/"]:
        assert "Dữ liệu minh họa" in text(html(tinh_mau, path).select_one(".site-notice")), path


def test_provincial_tiers_sums_and_not_rated(tinh_mau):
    page = html(tinh_mau, "2018/so-ban-nganh/")
    tiers = {
        text(tr.select_one("td.fold")) for tr in page.select("table.ranking tbody tr:not(.not-rated)")
    }  # the first folded column
    assert tiers <= {"Tốt", "Khá", "Trung bình", "Yếu"} and len(tiers) >= 2
    not_rated = page.select_one("tr#ban-dan-toc")
    assert "Không có thủ tục hành chính công" in text(not_rated)
    summary = text(html(tinh_mau, "2018/"))
    assert "Số đơn vị theo mức" in summary


def test_the_xlsx_edition_and_the_district_merger(tinh_mau):
    assert (tinh_mau / "2019" / "huyen" / "index.html").is_file()
    merged = html(tinh_mau, "co-quan/huyen-ha-thanh/")
    assert {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in merged.select(".lineage a")} == {
        "huyen-dong-ha",
        "huyen-tay-ha",
    }


def test_dti_builds_with_its_own_pillars_and_blocs(real_site):
    rows = html(real_site, "dti/2022/tinh/").select("table.ranking tbody tr")
    assert len(rows) == 63
    ranks = [text(tr.find("td")) for tr in rows]
    assert ranks.count("15") == 2 and "16" not in ranks  # a tie as published
    headers = [text(th) for th in html(real_site, "dti/2022/tinh/").select("table.ranking thead th")]
    assert "Nhận thức số" in headers and "Trụ cột Chính quyền số" in headers
    assert (real_site / "dti" / "2021" / "bo-khong-dvc" / "index.html").is_file()


def test_a_wide_table_prints_landscape_with_its_header_on_every_page(real_site):
    import subprocess

    pdf = str(real_site / "dti" / "2022" / "tinh.pdf")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    assert "841.89 x 595.276 pts (A4)" in info  # landscape
    pages = int(info.split("Pages:")[1].split()[0])
    table_pages = 0
    for page in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), "-layout", pdf, "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        if "Hạng" not in text or "Đơn vị" not in text:  # the charts follow the table
            break
        table_pages += 1
    assert (
        "TP. Hồ Chí Minh"
        in subprocess.run(
            ["pdftotext", "-f", "1", "-l", str(table_pages), pdf, "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert table_pages >= 2
