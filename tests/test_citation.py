"""A page's citation for reference managers (site/citation.py): BibTeX that a BibTeX
parser reads back field for field, and CSL-JSON, from the facts of the words' citation."""

from __future__ import annotations

import datetime
import json

import bibtexparser

from conftest import html
from rankings.site.citation import Citation, at_url


def test_bibtex_and_csl_json_carry_the_same_facts_and_survive_markup_in_names():
    cited = Citation(
        "dti-2024-tinh",
        "Bộ Khoa học và Công nghệ",
        "Sở TT&TT: 100% {dịch vụ} #1 — hạng_nhất",
        "Chỉ số đánh giá chuyển đổi số (DTI)",
        2024,
        datetime.date(2025, 10, 21),
        "https://xephang.example.vn/dti/2024/tinh/",
    )
    entry = bibtexparser.loads(cited.bibtex()).entries[0]
    assert entry["ID"] == "dti-2024-tinh" and entry["ENTRYTYPE"] == "misc"
    assert entry["author"] == "{Bộ Khoa học và Công nghệ}"  # one organisation, not "Công nghệ, Bộ Khoa học và"
    assert entry["title"] == r"Sở TT\&TT: 100\% \{dịch vụ\} \#1 — hạng\_nhất"
    assert (entry["year"], entry["date"], entry["url"]) == ("2025", "2025-10-21", cited.url)
    csl = json.loads(cited.csl_json())[0]
    assert csl["title"] == cited.title and csl["author"] == [{"literal": cited.publisher}]
    assert csl["issued"] == {"date-parts": [[2025, 10, 21]]} and csl["URL"] == cited.url
    assert at_url(cited.bibtex(), cited.url)[1] == cited.url


def test_a_bloc_page_and_the_open_data_page_give_both_formats(site):
    for path in ("2019/so/", "du-lieu/"):
        page = html(site, path)
        bibtex = page.select_one("#trich-dan-bibtex").get_text()
        entry = bibtexparser.loads(bibtex).entries[0]
        assert entry["url"].endswith(path) and entry["author"].startswith("{")
        assert json.loads(page.select_one("#trich-dan-csl").get_text())[0]["URL"] == entry["url"]
        assert page.select_one("#trich-dan-bibtex [data-absolute-url]").get_text() == entry["url"]
