"""The printed reports (Typst): exact Vietnamese text, embedded fonts, valid files,
metadata, PDF/UA-1, reproducible bytes, and a cache that makes a no-change rebuild
render nothing."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, html
from rankings.outputs import engine as engine_module
from rankings.outputs.pdf import as_json, pdf_engine
from rankings.site.reports import span

real_pool = engine_module._pool


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def pdfs(site: Path) -> list[Path]:
    """The PDFs the build renders (original documents in tai-lieu/ are copied as given)."""
    return sorted(p for p in site.rglob("*.pdf") if "tai-lieu" not in p.parts)


def words(text: str) -> str:
    return " ".join(text.split())  # table cells wrap long notes across lines


def test_every_bloc_table_and_unit_has_its_pdf(site):
    names = {p.relative_to(site).as_posix() for p in pdfs(site)}
    for expected in [
        "2019/so.pdf",
        "2019/huyen.pdf",
        "2020/so.pdf",
        "2021/so.pdf",
        "co-quan/so-tttt.pdf",
        "co-quan/huyen-ab.pdf",
        "co-quan/ban-dan-toc.pdf",
    ]:
        assert expected in names


def test_pages_link_their_pdf(site):
    assert html(site, "2019/so/").select_one("a[href$='2019/so.pdf']") is not None
    assert html(site, "co-quan/so-y-te/").select_one("a[href$='co-quan/so-y-te.pdf']") is not None
    assert html(site, "2019/").select_one("a[href$='2019/huyen.pdf']") is not None


def test_pdftotext_gives_the_vietnamese_text_exactly(site):
    table = words(run("pdftotext", str(site / "2019" / "so.pdf"), "-"))
    for fragment in [
        "Bảng xếp hạng Sở, ban, ngành",
        "Kết quả đánh giá năm 2019",
        "Sở Nội vụ",
        "Sở Tài chính",
        "Không có thủ tục hành chính công nên không đánh giá",
        "Quyết định số 1/QĐ-UBND",
        "Trung bình",
        "80,50",
        "Hạ tầng kỹ thuật",
    ]:
        assert fragment in table, fragment
    card = words(run("pdftotext", str(site / "co-quan" / "huyen-a.pdf"), "-"))
    for fragment in [
        "Huyện Đắk A",
        "Huyện Đắk Đông",
        "Từ năm 2020, Huyện Đắk A và Huyện Đông B hợp nhất thành",
        "Năm 2019",
    ]:
        assert fragment in card, fragment


def test_every_font_is_embedded_and_only_the_theme_font(site):
    for pdf in pdfs(site):
        lines = run("pdffonts", str(pdf)).splitlines()[2:]
        assert lines, pdf
        for line in lines:
            name, *_, emb, sub, uni, _obj, _gen = line.split()
            assert (emb, sub, uni) == ("yes", "yes", "yes"), (pdf, line)
            assert name.split("+", 1)[1].startswith("BeVietnamPro-"), (pdf, line)


def test_qpdf_finds_no_error(site):
    for pdf in pdfs(site):
        result = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
        assert result.returncode == 0 and "No syntax or stream encoding errors" in result.stdout, pdf


def test_title_author_language_tags_and_web_address(site):
    info = run("pdfinfo", str(site / "2020" / "so.pdf"))
    assert "Title:           Bảng xếp hạng Sở, ban, ngành năm 2020 — Sở Thông tin và Truyền thông tỉnh Mẫu" in info
    assert "Author:          Sở Thông tin và Truyền thông tỉnh Mẫu" in info
    assert "Tagged:          yes" in info
    expanded = site.parent / "expanded.pdf"  # the catalog sits in a compressed object stream
    subprocess.run(
        ["qpdf", "--qdf", "--object-streams=disable", str(site / "2020" / "so.pdf"), str(expanded)], check=True
    )
    assert b"/Lang (vi)" in expanded.read_bytes()
    expanded.unlink()
    pages = int(run("pdfinfo", str(site / "co-quan" / "so-y-te.pdf")).split("Pages:")[1].split()[0])
    for page in range(1, pages + 1):
        text = run("pdftotext", "-f", str(page), "-l", str(page), str(site / "co-quan" / "so-y-te.pdf"), "-")
        # a local build has no published address: the site's name and the path
        assert "Bản trực tuyến: Xếp hạng ứng dụng CNTT và chuyển đổi số — /co-quan/so-y-te/" in text, page


TEMPLATES = ROOT / "theme" / "templates" / "pdf"
FONTS = (ROOT / "theme" / "static" / "fonts" / "ttf", ROOT / "theme" / "fonts" / "fallback")  # settings.font_folders


def document(heading: str, **changed) -> str:
    return as_json(
        {
            "lang": "vi",
            "title": heading,
            "author": "Sở TT&TT",
            "description": "Thử",
            "landscape": False,
            "org": "Sở TT&TT",
            "series": "Chỉ số",
            "notice": None,
            "web": "Bản trực tuyến: /thu/",
            "page": "Trang",
            "blocks": [{"kind": "heading", "level": 1, "text": heading}],
            **changed,
        }
    )


def test_a_character_no_font_draws_is_shown_as_missing_and_all_else_kept():
    covered = frozenset(map(ord, 'abcĐđ {}[]:,"\\'))
    plain = {"text": "Đa\nb\tc", "svg": "<svg>𝐇</svg>"}
    assert as_json(plain, covered) == json.dumps(plain, ensure_ascii=False, sort_keys=True)
    odd = {"text": "a𝐇b\x01c", "rows": [["đ\\ab"]], "svg": "<svg>𝐇</svg>"}
    assert json.loads(as_json(odd, covered)) == {"text": "a\ufffdb\ufffdc", "rows": [["đ\\ab"]], "svg": "<svg>𝐇</svg>"}


def test_same_document_gives_the_same_bytes_cold(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    pdf_engine(TEMPLATES, FONTS, tmp_path / "one").write_all({first: document("Đắk Lắk — Thừa Thiên Huế")})
    pdf_engine(TEMPLATES, FONTS, tmp_path / "two", workers=1).write_all({second: document("Đắk Lắk — Thừa Thiên Huế")})
    assert first.read_bytes() == second.read_bytes()
    assert b"CreationDate" not in first.read_bytes() and b"ModDate" not in first.read_bytes()


def test_a_no_change_rebuild_renders_no_pdf(tmp_path, monkeypatch):
    jobs = {tmp_path / f"{i}.pdf": document(f"Báo cáo số {i}") for i in range(8)}
    cold = pdf_engine(TEMPLATES, FONTS, tmp_path / "cache", workers=2)
    monkeypatch.setattr(cold, "pool_from", 4)  # eight PDFs go through the process pool
    cold.write_all(jobs)
    assert (cold.rendered, cold.cached) == (8, 0)
    warm = pdf_engine(TEMPLATES, FONTS, tmp_path / "cache")
    warm.write_all(jobs)
    assert (warm.rendered, warm.cached) == (0, 8)
    assert "Báo cáo số 7" in run("pdftotext", str(tmp_path / "7.pdf"), "-")


def test_reports_are_made_by_fresh_processes_every_so_many_characters(tmp_path, monkeypatch):
    """Typst keeps all it laid out: a pool's workers make at most `recycle` characters of
    documents each before fresh ones take over, with the files the same as made here."""
    jobs = {tmp_path / "pool" / f"{i}.pdf": document(f"Báo cáo số {i}") for i in range(6)}
    engine = pdf_engine(TEMPLATES, FONTS, tmp_path / "cache", workers=2)
    size = len(next(iter(jobs.values())))
    monkeypatch.setattr(engine, "pool_from", 2)
    monkeypatch.setattr(engine, "recycle", size)  # one report a worker: three pools of two
    pools = []
    monkeypatch.setattr(engine_module, "_pool", lambda workers: pools.append(workers) or real_pool(workers))
    engine.write_all(jobs)
    assert pools == [2, 2, 2] and engine.rendered == 6
    alone = pdf_engine(TEMPLATES, FONTS, tmp_path / "alone", workers=1)
    alone.write_all({tmp_path / "alone" / f"{i}.pdf": document(f"Báo cáo số {i}") for i in range(6)})
    for i in range(6):
        assert (tmp_path / "pool" / f"{i}.pdf").read_bytes() == (tmp_path / "alone" / f"{i}.pdf").read_bytes()


def test_a_few_reports_larger_than_a_worker_may_hold_are_made_in_fresh_workers(tmp_path, monkeypatch):
    """Fewer reports than start a pool are made in the build's own process, which keeps all
    Typst laid out, unless together they are more than a worker may make (`recycle`)."""
    engine = pdf_engine(TEMPLATES, FONTS, tmp_path / "cache", workers=2)
    size = len(document("Báo cáo số 0"))
    monkeypatch.setattr(engine, "recycle", 2 * size)
    pools = []
    monkeypatch.setattr(engine_module, "_pool", lambda workers: pools.append(workers) or real_pool(workers))
    # As much as a worker holds, then more.
    engine.write_all({tmp_path / f"{i}.pdf": document(f"Báo cáo số {i}") for i in range(2)})
    assert pools == [] and engine.rendered == 2
    engine.write_all({tmp_path / f"{i}.pdf": document(f"Báo cáo số {i}") for i in range(2, 5)})
    assert pools == [2] and engine.rendered == 5


def test_reports_taken_as_they_come_are_made_in_one_pool_as_they_come(tmp_path, monkeypatch):
    """The build hands its reports one at a time: those in the cache are copied and let go,
    the missing ones go to one pool even when far apart, started before the last report is
    written, and one input asked for twice is made once."""
    engine = pdf_engine(TEMPLATES, FONTS, tmp_path / "cache", workers=2)
    size = len(document("Báo cáo số 0"))
    monkeypatch.setattr(engine, "recycle", 4 * size)  # at most 8 a pool
    engine.write_all({tmp_path / "old" / f"{i}.pdf": document(f"Báo cáo số {i}") for i in range(1, 5)})
    pools = []
    monkeypatch.setattr(engine_module, "_pool", lambda workers: pools.append(workers) or real_pool(workers))
    pools_before_the_last = []

    def jobs():
        for i in range(12):
            if i == 11:
                pools_before_the_last.append(len(pools))
            yield tmp_path / "new" / f"{i}.pdf", document(f"Báo cáo số {i % 10}")

    engine.rendered = 0
    engine.write_each(jobs())
    assert pools == [2] and pools_before_the_last == [1] and engine.rendered == 6
    for i in range(12):
        assert f"Báo cáo số {i % 10}" in run("pdftotext", str(tmp_path / "new" / f"{i}.pdf"), "-")


def test_a_long_name_without_a_break_wraps_inside_its_column(tmp_path):
    name = "Sở" + "X" * 250
    table = {
        "kind": "table",
        "columns": [
            {"label": "Hạng", "align": "right", "width": "auto"},
            {"label": "Đơn vị", "align": "left", "width": "2"},
            {"label": "Điểm", "align": "right", "width": "auto"},
            {"label": "Mức", "align": "left", "width": "auto"},
        ],
        "rows": [{"muted": False, "cells": [[span("1")], [span(name, strong=True)], [span("92,00")], [span("Tốt")]]}],
    }
    target = tmp_path / "long.pdf"
    pdf_engine(TEMPLATES, FONTS, tmp_path / "cache").write_all({target: document("Dài", blocks=[table])})
    words = run("pdftotext", "-layout", str(target), "-")
    assert "92,00" in words and "Tốt" in words  # still on the page, beside the name
    assert "".join(line.strip() for line in words.splitlines() if "XXX" in line).count("X") == 250


def test_data_text_cannot_become_markup(tmp_path):
    hostile = "#set page(width: 1cm) [*x*] $y$ _z_ <a> @b `c` // d \\ #text(red)[e]"
    target = tmp_path / "hostile.pdf"
    pdf_engine(TEMPLATES, FONTS, tmp_path / "cache").write_all({target: document(hostile)})
    shown = "".join(run("pdftotext", str(target), "-").split())  # the heading wraps where it likes
    assert "".join(hostile.split()) in shown
    assert "595.276 x 841.89" in run("pdfinfo", str(target))  # the page is A4 still


def test_pdfua_finds_no_error(site):
    """The machine-checkable part of PDF/UA-1 (Typst itself refuses to write a file that
    breaks the rules it knows)."""
    result = subprocess.run(
        [str(Path(sys.executable).parent / "pdfua"), "check", *map(str, pdfs(site))], capture_output=True, text=True
    )
    assert result.returncode in (0, 2), result.stdout[-3000:]  # 3 would mean an error
    assert "[ERROR]" not in result.stdout


@pytest.mark.slow
def test_a_chart_taller_than_the_page_prints_whole(real_site):
    """The 63 provinces' scores: the chart is narrowed to the page, not cropped by it."""
    report = real_site / "dti" / "2023" / "tinh.pdf"
    pages = int(next(line.split()[-1] for line in run("pdfinfo", str(report)).splitlines() if line.startswith("Pages")))
    texts = [run("pdftotext", "-f", str(n), "-l", str(n), str(report), "-") for n in range(1, pages + 1)]
    (chart,) = [t for t in texts if "Điểm của 63 đơn vị, theo thứ hạng" in t]
    assert "Đà Nẵng" in chart and "Bạc Liêu" in chart  # the first bar and the last


def test_each_edition_is_one_report_with_contents_summary_methodology_and_every_bloc(site):
    """The publisher's own deliverable: the edition in one PDF, linked from its page, with
    a table of contents (and bookmarks), the summary, the methodology and each bloc as its
    own report prints it; tagged as every report."""
    assert html(site, "2019/").select_one("a[href$='2019.pdf']") is not None
    report = site / "2019.pdf"
    info = run("pdfinfo", str(report))
    assert "Tagged:          yes" in info
    said = words(run("pdftotext", str(report), "-"))
    for fragment in [
        "Mục lục",
        "Tóm tắt",
        "Phương pháp đánh giá",
        "Bảng xếp hạng Sở, ban, ngành",
        "Bảng xếp hạng UBND huyện, thị xã",
        "Số đơn vị theo mức: Tốt 1, Khá 2, Trung bình 1, Yếu 1.",
        "Quyết định số 1/QĐ-UBND",
    ]:
        assert fragment in said, fragment
    assert (
        said.index("Mục lục") < said.index("Tóm tắt") < said.index("Phương pháp đánh giá") < said.index("Bảng xếp hạng")
    )
    bookmarks = re.findall(
        r'<item page="(\d+)">([^<]*)</item>', run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(report))
    )
    assert [title for _, title in bookmarks][:3] == ["Tóm tắt", "Phương pháp đánh giá", "Bảng xếp hạng Sở, ban, ngành"]
    assert "Contents" in words(run("pdftotext", str(site / "en" / "2019.pdf"), "-"))


def test_inputs_given_at_once_are_made_the_longest_first(tmp_path, monkeypatch):
    """So that no worker is left alone with the largest at the end (a record's workbook
    of 14,000 rows): given all at once, the longest input is made first; taken as they
    come (the reports), in the order they come."""
    made, real = [], engine_module._made
    monkeypatch.setattr(engine_module, "_made", lambda start, make, item: made.append(item) or real(start, make, item))
    documents = [document(f"Báo cáo {'dài ' * n}") for n in (1, 40, 10)]
    engine = pdf_engine(TEMPLATES, FONTS, tmp_path / "cache", workers=1)
    engine.write_all({tmp_path / "all" / f"{i}.pdf": d for i, d in enumerate(documents)})
    assert made == sorted(documents, key=len, reverse=True)
    made.clear()
    engine = pdf_engine(TEMPLATES, FONTS, tmp_path / "other", workers=1)
    engine.write_each((tmp_path / "each" / f"{i}.pdf", d) for i, d in enumerate(documents))
    assert made == documents
