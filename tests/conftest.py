"""Shared fixtures: real builds of small fixture folders, and HTML parsing."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import threading
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


@pytest.fixture(scope="module")
def server(site):
    """The built fixture site over HTTP on a free port of this machine."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Text declared as UTF-8, as the portal's web server is to serve it: clients need not guess.
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
                      ".js": "text/javascript; charset=utf-8", ".csv": "text/csv; charset=utf-8",
                      ".json": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8"}

    def log_message(self, *args):
        pass
