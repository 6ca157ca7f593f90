"""Docs and code that keep each other honest (as Datasette's docs tests do): the README's
settings, tasks and layout, the results columns of docs/data-format.md, and the site
contract's addresses against the page catalog."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from invoke import Collection

import tasks
from conftest import FIXTURE, ROOT
from rankings import settings
from rankings.data.columns import COLUMNS, CRITERIA
from rankings.outputs import opendata
from rankings.outputs.charts import page_charts
from rankings.pipeline import load
from rankings.site.addresses import Urls
from rankings.site.catalog import catalog
from rankings.site.i18n import Language

README = (ROOT / "README.md").read_text(encoding="utf-8")
PLUGIN = ROOT / "plugins" / "rankings"


def section(text: str, heading: str) -> str:
    """The text under a Markdown heading, up to the next heading of the same level or above."""
    level = heading.split(" ", 1)[0]
    start = text.index(f"\n{heading}\n") + len(heading) + 2
    ends = [m.start() for m in re.finditer(rf"\n#{{1,{len(level)}}} ", text[start:])]
    return text[start : start + ends[0]] if ends else text[start:]


def table(text: str) -> list[list[str]]:
    """The rows of the first Markdown table in `text`, cells stripped, header and rule left out."""
    rows = [line for line in text.splitlines() if line.startswith("|")]
    return [[cell.strip() for cell in row.strip("|").split("|")] for row in rows[2:]]


def test_every_setting_is_documented_with_its_default():
    documented = {row[0].strip("`"): row[1] for row in table(section(README, "## Settings"))}
    assert set(documented) == set(settings.SETTINGS)
    for key, setting in settings.SETTINGS.items():
        if setting.default is not None:
            assert documented[key] == f"`{setting.default}`", key


def test_every_task_is_documented():
    documented = {re.match(r"`invoke ([a-z-]+)", row[0]).group(1) for row in table(section(README, "## Tasks"))}
    assert documented == set(Collection.from_module(tasks).task_names)


def test_the_module_map_matches_the_folders():
    documented = {
        row[0].strip("`").rstrip("/"): set(re.findall(r"`(\w+)`", row[2]))
        for row in table(section(README, "### The plugin, layer by layer"))
    }
    folders = {p.parent.relative_to(PLUGIN).as_posix() for p in PLUGIN.rglob("__init__.py")} - {"."}
    assert set(documented) == folders | {"top"}
    for name, modules in documented.items():
        folder = PLUGIN if name == "top" else PLUGIN / name
        assert modules == {p.stem for p in folder.glob("*.py") if p.stem != "__init__" or name == "top"}, name


def test_the_results_columns_are_those_of_the_data_contract():
    contract = (ROOT / "docs" / "data-format.md").read_text(encoding="utf-8")
    documented = [row[0].strip("`") for row in table(section(contract, "## <year>/results.csv"))]
    given = []
    for column in COLUMNS:
        if column.given:
            given += [CRITERIA, f"{CRITERIA}-rank"] if column.name == CRITERIA else [column.name]
    assert sorted(documented) == sorted(given)
    assert {row[0].strip("`") for row in table(section(contract, "## <year>/results.csv")) if row[1] == "yes"} == {
        c.name for c in COLUMNS if c.required
    }


# Addresses the README documents beside the contract's ("Addresses").
EXTRAS = [
    r"chia-se\.png",
    r"co-quan/[a-z0-9-]+/chia-se\.png",
    r".*nhung/[a-z0-9-]+/",
    r"(?:[a-z0-9-]+/)+[a-z0-9-]+\.csv",  # a chart's data, beside the page that shows it
    r"(?:[a-z0-9-]+/)*[a-z0-9-]+\.(?:svg|png)",  # a chart's picture, beside it too
    r"\d{4}/tai-lieu/[^/]+",
    r"co-quan/",
    r"tin-tuc/",
    r"\d{4}/[a-z0-9-]+\.csv",
    r"du-lieu/tat-ca\.csv",
]


def contract_addresses() -> list[str]:
    """The one-series addresses of docs/site-contract.md, as regular expressions."""
    contract = (ROOT / "docs" / "site-contract.md").read_text(encoding="utf-8")
    one_series = contract.split("## A portal of several series")[0]
    found = []
    for address in re.findall(r"`(/[^`#]*)[^`]*`", one_series):
        if address.startswith("/en") or address in found:  # the English site is a build of its own
            continue
        found.append(address)
    return found


def pattern(address: str) -> str:
    """`/<year>/<bloc>/` as the regular expression of the paths it stands for."""
    parts = re.split(r"(<[a-z ]+>)", address[1:])
    return "".join(
        r"\d{4}" if part == "<year>" else "[a-z0-9-]+" if part.startswith("<") else re.escape(part) for part in parts
    )


@pytest.fixture(scope="module")
def written():
    made = catalog(
        load(FIXTURE),
        "vi",
        Language(),
        Urls(),
        charts=page_charts,
        open_data=lambda portal, urls: opendata.files(portal, urls, "x"),
    )
    pages = {page.save_as for page in made.pages}
    return [page.url for page in made.pages] + [path for path in made.paths() if path not in pages]


def test_the_catalog_writes_every_address_of_the_site_contract(written):
    addresses = contract_addresses()
    assert len(addresses) >= 10
    for address in addresses:
        assert any(re.fullmatch(pattern(address), path) for path in written), address


def test_the_catalog_writes_nothing_the_contract_or_the_readme_does_not_name(written):
    known = [pattern(a) for a in contract_addresses()] + EXTRAS
    assert [path for path in written if not any(re.fullmatch(p, path) for p in known)] == []
    assert len(written) == len(set(written))  # each output described once


def test_importing_the_plugin_loads_no_rendering_library():
    code = (
        "import sys; sys.path.insert(0, 'plugins'); import rankings, rankings.glue.generator, rankings.build, "
        "rankings.data.loader; rankings.register(); "
        "print(sorted(m for m in ('altair', 'vl_convert', 'weasyprint', 'pandas', 'typst') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "['pandas']"  # the loader reads spreadsheets with pandas
