"""The plugin in a bare Pelican, as pelican-plugins test theirs (the sitemap plugin's
tests run Pelican on a folder of content): one language, no staging, no search index,
no `invoke`. What the plugin itself promises, without the build around it."""

from __future__ import annotations

import pytest

from conftest import CACHE, FIXTURE, ROOT, html, text


@pytest.fixture(scope="module")
def bare(tmp_path_factory):
    from pelican import Pelican
    from pelican.settings import read_settings

    output = tmp_path_factory.mktemp("bare") / "output"
    settings = read_settings(
        str(ROOT / "pelicanconf.py"),
        override={
            "PATH": str(FIXTURE / "content"),
            "OUTPUT_PATH": str(output),
            "RANKINGS_DATA": str(FIXTURE),
            "CACHE_PATH": str(CACHE),
            "TRANSLATED_SITES": {},
        },
    )
    Pelican(settings).run()
    return output


def test_a_bare_pelican_run_writes_the_contracts_pages(bare):
    for path in (
        "index.html",
        "2019/so/index.html",
        "co-quan/so-tttt/index.html",
        "du-lieu/2019.csv",
        "2019/so.pdf",
        "tin-tuc/ket-qua-nam-2019/index.html",
        "sitemap.xml",
    ):
        assert (bare / path).is_file(), path
    assert not (bare / "en").exists() and not (bare / "pagefind").exists()  # one language, no search index


def test_the_plugin_reads_the_data_itself_when_no_build_hands_it_over(bare):
    row = text(html(bare, "2019/so/").select_one("tr#so-tttt"))
    assert "92,00" in row and "Sở TT&TT" in row
