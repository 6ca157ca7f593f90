"""Share, cite and embed: permalinks on rows and units, a cite text, Open Graph and
Twitter tags with a share image per unit, and a page per chart for an <iframe>."""

from __future__ import annotations

from PIL import Image

from conftest import FIXTURE, ROOT, html, text
from rankings.outputs import cards
from rankings.pipeline import load
from rankings.site.addresses import Urls
from rankings.site.catalog import catalog
from rankings.site.i18n import Language, translations


def test_every_row_links_its_own_permalink(site):
    page = html(site, "2019/so/")
    for row in page.select("table.ranking tbody tr"):
        link = row.select_one("a.row-link")
        assert link["href"] == f"#{row['id']}" and link.has_attr("data-copy-link")
    assert "Liên kết tới dòng của Sở Y tế" in text(page.select_one("tr#so-y-te a.row-link"))


def test_a_unit_is_shared_with_its_own_card(site):
    page = html(site, "co-quan/so-tttt/")
    meta = {tag.get("property") or tag.get("name"): tag["content"] for tag in page.select("meta[content]")}
    assert meta["og:title"] == "Sở Thông tin và Truyền thông"
    assert meta["og:description"] == "Sở Thông tin và Truyền thông: xếp hạng qua các năm."
    assert meta["og:image"].endswith("co-quan/so-tttt/chia-se.png") and meta["twitter:image"] == meta["og:image"]
    assert meta["twitter:card"] == "summary_large_image"
    with Image.open(site / "co-quan" / "so-tttt" / "chia-se.png") as card:
        assert card.size == (1200, 630) and card.format == "PNG"
    # another unit, another card; pages that are not a unit's share the site's card
    assert (site / "co-quan/so-tttt/chia-se.png").read_bytes() != (site / "co-quan/so-y-te/chia-se.png").read_bytes()
    assert html(site, "2019/so/").select_one("meta[property='og:image']")["content"].endswith("/chia-se.png")
    assert (site / "chia-se.png").exists() and (site / "en" / "co-quan" / "so-tttt" / "chia-se.png").exists()


def test_the_card_says_rank_tier_name_and_edition():
    """What a unit's card says, before it is drawn: from the catalog, in both languages."""
    loaded = load(FIXTURE)
    english = Language("en", translations(str(ROOT / "theme" / "translations"), "en"))
    card = {c.path: c for c in catalog(loaded, "vi", Language(), Urls()).cards}["co-quan/so-tttt/chia-se.png"]
    assert (card.title, card.headline, card.detail) == (
        "Sở Thông tin và Truyền thông",
        "Hạng 1 · Năm 2021",
        "Sở, ban, ngành · điểm 91,0",
    )
    card = {c.path: c for c in catalog(loaded, "en", english, Urls()).cards}["co-quan/so-tttt/chia-se.png"]
    assert card.title == "Department of Information and Communications" and card.headline.startswith("Rank 1")


def test_the_card_footer_gives_the_published_address_or_the_site_name():
    assert cards.footer("https://xephang.example.vn/en", "Xếp hạng") == "xephang.example.vn/en"
    # a local build has no published address: the footer names the site, not "/en"
    assert cards.footer("/en", "IT application rankings") == "IT application rankings"
    assert cards.footer("", "Xếp hạng") == "Xếp hạng"


def test_a_cite_text_names_publisher_title_edition_address_and_date(site):
    """A reference a reader can paste: no legal basis or caveat inside it; the caveat of an
    incomplete table follows it; the access date is the script's, when copied."""
    cite = html(site, "2020/so/").select_one("#trich-dan")
    assert text(cite) == (
        "Sở Thông tin và Truyền thông tỉnh Mẫu. Sở, ban, ngành — xếp hạng năm 2020. Chỉ số ứng dụng "
        "CNTT tỉnh Mẫu, kỳ đánh giá năm 2020. Công bố ngày 01/04/2021. ../../2020/so/"
    )
    assert cite["data-accessed"] == "Truy cập ngày {date}."
    partial = html(site, "2021/so/").select_one("details.cite")
    assert "Bảng chưa đầy đủ" not in text(partial.select_one("#trich-dan"))
    assert "Bảng chưa đầy đủ" in text(partial.select_one("#trich-dan + button + p"))
    assert "Department of Information" in text(html(site, "en/co-quan/so-tttt/").select_one("#trich-dan"))


def test_each_chart_has_a_page_to_embed(site):
    page = html(site, "co-quan/so-y-te/")
    for figure in page.select("figure.chart"):
        chart = figure["id"].removeprefix("bieu-do-")
        embed = html(site, f"co-quan/so-y-te/nhung/{chart}/")
        assert embed.select_one("figure svg") is not None
        assert text(embed.figcaption) == text(figure.figcaption).split(" Dữ liệu của biểu đồ")[0]
        back = embed.select_one(".embed-source a")
        assert back["href"] == "../../../../co-quan/so-y-te/" and back["target"] == "_top"
        code = page.select_one(f"#nhung-{chart}").get_text()
        assert code.startswith(f'<iframe src="../../co-quan/so-y-te/nhung/{chart}/"') and 'title="' in code
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "co-quan/so-y-te/</loc>" in sitemap and "/nhung/" not in sitemap
