"""Settings the Pelican way: checked when Pelican starts, folders taken from the settings
file's folder, the cache under CACHE_PATH; and a broken series.toml stops `invoke build`
with the same clean message as `invoke check`."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from conftest import FIXTURE, ROOT, build
from rankings import settings
from rankings.build import read_settings
from rankings.settings import SettingsError


@pytest.mark.parametrize(
    "key, value, said",
    [
        ("RANKINGS_LOCAL", "vi", "RANKINGS_LOCAL: no such setting (did you mean RANKINGS_LOCALE?)"),
        ("RANKINGS_LOCALE", "xx-nowhere", "RANKINGS_LOCALE: 'xx-nowhere' is not a locale Babel knows"),
        ("RANKINGS_CHART_FONTS", "/no/such/folder", "RANKINGS_CHART_FONTS: no folder at /no/such/folder"),
        ("RANKINGS_UNIT_PATH", "Cơ quan", "RANKINGS_UNIT_PATH: 'Cơ quan' is not a slug"),
        ("RANKINGS_REPORT_WARNINGS", "yes", "RANKINGS_REPORT_WARNINGS: must be True or False"),
    ],
)
def test_a_bad_setting_stops_the_build_before_anything_is_written(tmp_path, key, value, said):
    with pytest.raises(SettingsError, match=said.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        build(tmp_path / "output", FIXTURE, **{key: value})
    assert not list(tmp_path.iterdir())


def test_the_defaults_pass_the_check():
    settings.check({**settings.DEFAULTS, "RANKINGS_DATA": str(FIXTURE), "RANKINGS_CHART_FONTS": None})


def test_relative_folders_are_taken_from_the_settings_file(tmp_path):
    shutil.copytree(FIXTURE, tmp_path / "du-lieu-tinh")
    conf = tmp_path / "conf" / "pelicanconf.py"
    conf.parent.mkdir()
    conf.write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom pelicanconf import *\n"
        "RANKINGS_DATA = '../du-lieu-tinh'\nCACHE_PATH = 'bo-nho-dem'\n",
        encoding="utf-8",
    )
    read = read_settings(conf)
    assert settings.data_folder(read) == tmp_path / "du-lieu-tinh"
    assert settings.cache_folder(read, "pdf") == conf.parent / "bo-nho-dem" / "rankings" / "pdf"


def test_a_broken_series_file_gives_its_line_to_build_as_to_check(data, tmp_path):
    (data / "series.toml").write_text('title = "Chỉ số"\npublisher = \n', encoding="utf-8")
    for task in (["build", "--output", str(tmp_path / "out")], ["check"]):
        run = subprocess.run(
            [sys.executable, "-m", "invoke", *task[:1], "--data", str(data), *task[1:]],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert run.returncode == 1, run.stderr
        assert "Traceback" not in run.stdout + run.stderr
        assert "basic/series.toml, dòng 2: sai cú pháp TOML" in run.stderr, run.stderr
    assert not (tmp_path / "out").exists()


def test_a_bloc_id_that_is_a_configured_address_is_one_data_message(data, tmp_path):
    """RANKINGS_METHODOLOGY_PATH = "metodo" and a bloc `metodo` would write two pages at
    2019/metodo/: check and build say so once, before anything is written."""
    from rankings.build import check
    from rankings.data.problems import DataError

    series = data / "series.toml"
    series.write_text(series.read_text(encoding="utf-8").replace('id = "huyen"', 'id = "metodo"'), encoding="utf-8")
    for results in data.glob("*/results.csv"):
        results.write_text(
            results.read_text(encoding="utf-8").replace(",huyen,", ",metodo,").replace(";huyen;", ";metodo;"),
            encoding="utf-8",
        )
    for methodology in data.glob("*/methodology.toml"):
        methodology.write_text(methodology.read_text(encoding="utf-8").replace('"huyen"', '"metodo"'), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build(tmp_path / "out", data, RANKINGS_METHODOLOGY_PATH="metodo")
    assert [(p.file, p.column) for p in caught.value.problems] == [("basic/series.toml", "id")]
    assert "«metodo»" in caught.value.problems[0].message and not (tmp_path / "out").exists()
    assert check(ROOT / "pelicanconf.py", data).only.series.blocs  # under the default address, the same data is fine
