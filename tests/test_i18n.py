"""The English site under /en/: same addresses, translated templates, names from the
data's *_en fields, English numbers; and catalogs that keep up with the sources."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT, build, html, text
from rankings.build import MARKER
from tasks import extract_messages

CATALOG = ROOT / "theme" / "translations" / "en" / "LC_MESSAGES" / "messages.po"


def pages(site: Path) -> set[str]:
    return {
        str(p.relative_to(site))
        for p in site.rglob("*")
        if p.is_file() and p.relative_to(site).parts[0] not in {"en", "pagefind", "theme"}
    }


def test_every_page_and_file_has_its_english_address(site):
    vietnamese = pages(site)
    english = {str(p.relative_to(site / "en")) for p in (site / "en").rglob("*") if p.is_file()}
    assert {
        "2019/so/index.html",
        "co-quan/so-tttt.pdf",
        "du-lieu/2019.csv",
        "gioi-thieu/index.html",
        "tin-tuc/ket-qua-nam-2019/index.html",
        "co-quan/so-y-te/nhung/thu-hang-qua-cac-nam/index.html",
    } <= english
    assert vietnamese - {"sitemap.xml", MARKER} <= english  # the marker stands at the top of the output


def test_english_pages_are_in_english_with_english_numbers(site):
    vi, en = html(site, "2020/so/"), html(site, "en/2020/so/")
    assert vi.html["lang"] == "vi" and en.html["lang"] == "en"
    assert [text(th) for th in en.select("table.ranking thead th")][:5] == [
        "Rank",
        "Unit",
        "Score",
        "Since 2019",
        "Tier",
    ]
    assert text(vi.select_one("tr#so-y-te td.num + th + td")) == "78,2"
    assert text(en.select_one("tr#so-y-te td.num + th + td")) == "78.2"
    assert en.select_one("meta[property='og:locale']")["content"] == "en_GB"
    figure = text(en.select_one("figcaption"))
    assert figure.startswith("Scores 2020, bloc Departments: highest Department of Information")
    assert "Điểm" not in en.select_one("figure svg").get_text()


def test_names_come_from_name_en_with_the_vietnamese_name_beside(site):
    page = html(site, "en/co-quan/so-tttt/")
    assert text(page.h1) == "Department of Information and Communications"
    assert page.select_one("p.muted span[lang=vi]").get_text() == "Sở Thông tin và Truyền thông"
    assert "So Thong tin va Truyen thong" in page.h1["data-khong-dau"]  # found by its Vietnamese name too
    assert text(html(site, "en/co-quan/so-y-te/").h1) == "Sở Y tế"  # no English name in the data


def test_each_page_links_its_other_language_at_the_same_address(site):
    for path in ["", "2019/", "2019/so/", "co-quan/so-y-te/", "gioi-thieu/", "tin-tuc/ket-qua-nam-2019/"]:
        vi, en = html(site, path), html(site, "en/" + path)
        to_en = vi.select_one("nav.languages a[hreflang=en]")["href"]
        to_vi = en.select_one("nav.languages a[hreflang=vi]")["href"]
        assert urljoin(f"http://x/{path}", to_en) == f"http://x/en/{path}", (path, to_en)
        assert urljoin(f"http://x/en/{path}", to_vi) == f"http://x/{path}", (path, to_vi)
        assert {link["hreflang"] for link in vi.select("link[rel=alternate][hreflang]")} == {"vi", "en"}


def test_an_announcement_in_vietnamese_only_says_so(site):
    page = html(site, "en/tin-tuc/ket-qua-nam-2019/")
    assert page.html["lang"] == "en"
    assert page.select_one("article.prose")["lang"] == "vi"
    assert "published in Vietnamese only" in text(page.select_one("article .notice"))


@pytest.mark.slow
def test_a_series_without_an_english_title_gets_no_english_site(data, tmp_path):
    series = data / "series.toml"
    series.write_text(
        "\n".join(line for line in series.read_text(encoding="utf-8").splitlines() if not line.startswith("title_en"))
        + "\n",
        encoding="utf-8",
    )
    site = build(tmp_path / "out", data)
    assert not (site / "en").exists()
    assert html(site, "2019/so/").select_one("nav.languages") is None


def test_the_catalog_translates_every_message_of_the_sources(tmp_path):
    """`invoke translations` has been run and every message translated, none fuzzy."""
    pot = tmp_path / "messages.pot"
    extract_messages(pot)  # as `invoke translations` does
    wanted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot.open("rb")) if m.id}
    with CATALOG.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    have = {(m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}
    assert wanted - set(have) == set(), "run `invoke translations` and translate the new messages"
    untranslated = [
        key
        for key in wanted
        if not all(have[key].string if isinstance(have[key].string, tuple) else [have[key].string]) or have[key].fuzzy
    ]
    assert untranslated == []


def test_the_extractor_sees_every_message_the_plugin_translates(tmp_path):
    """Babel's extractor skips a message passed inside another's arguments (the criteria
    chart's caption was once shown half in Vietnamese): every literal given to `_` is extracted."""
    import ast

    pot = tmp_path / "messages.pot"
    extract_messages(pot)
    extracted = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(pot.open("rb")) if m.id}
    literals = {
        node.args[0].value
        for source in (ROOT / "plugins" / "rankings").rglob("*.py")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", None) in ("_", "gettext")
        and node.args
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    }
    assert literals - extracted == set()


def test_the_english_news_marks_vietnamese_items_and_writes_english_dates(site):
    news = html(site, "en/tin-tuc/")
    item = news.select_one("article.news-item")
    assert "In Vietnamese only" in text(item.select_one(".tag"))
    article = html(site, "en/tin-tuc/ket-qua-nam-2019/")
    dated = text(article.select_one("article .muted"))
    # the announcement's own date first, the date it was posted here said to be that
    assert dated == "Results announced on 15 March 2020 · posted here on 15 March 2020"
    assert (
        text(html(site, "tin-tuc/ket-qua-nam-2019/").select_one("article .muted"))
        == "Kết quả công bố ngày 15/03/2020 · đăng trên cổng ngày 15/03/2020"
    )
