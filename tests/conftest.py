"""Shared fixtures: real builds of small fixture folders, and HTML parsing."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from tasks import build_site  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "basic"


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The fixture folder built once, as `invoke build --data` would."""
    return build_site(tmp_path_factory.mktemp("site") / "output", FIXTURE)


@pytest.fixture
def data(tmp_path) -> Path:
    """A private copy of the fixture folder, to break."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "basic"))


def html(site: Path, path: str) -> BeautifulSoup:
    """Parse the page at a site address such as '2019/so/'."""
    target = site / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    return BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")


def text(node) -> str:
    return " ".join(node.get_text(" ").split())
