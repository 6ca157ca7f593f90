"""Shared fixtures: real builds of small fixture folders, made once for the whole suite,
and HTML parsing. Every build of the suite keeps its rendered charts, PDFs and images in
one cache of its own (never the project's), unless a test gives it another."""

from __future__ import annotations

import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT))

from rankings.build import build_site  # noqa: E402
from rankings.data.problems import DataError  # noqa: E402
from rankings.pipeline import load  # noqa: E402

FIXTURE = ROOT / "tests" / "fixtures" / "basic"
CACHE = Path(tempfile.mkdtemp(prefix="rankings-tests-cache-"))


def build(output: Path, data: Path | None = None, **settings) -> Path:
    """`invoke build --data DATA --output OUTPUT`, with the suite's cache."""
    return build_site(
        output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": str(CACHE), **settings}
    ).output


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(CACHE, ignore_errors=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The fixture folder built once, as `invoke build --data` would."""
    return build(tmp_path_factory.mktemp("site") / "output", FIXTURE)


@pytest.fixture(scope="session")
def tinh_mau(tmp_path_factory) -> Path:
    return build(tmp_path_factory.mktemp("tinh-mau") / "output", ROOT / "examples" / "tinh-mau")


@pytest.fixture(scope="session")
def portal(tmp_path_factory) -> Path:
    """The portal fixture (data format version 2: two series, a recast bloc), built once."""
    return build(tmp_path_factory.mktemp("portal") / "output", ROOT / "tests" / "fixtures" / "portal")


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The portal's own data/, built as `invoke build` does."""
    return build(tmp_path_factory.mktemp("real") / "output")


@pytest.fixture
def data(tmp_path) -> Path:
    """A private copy of the fixture folder, to break."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "basic"))


def problems_of(folder: Path) -> list:
    """Every problem the loader reports for a folder it must refuse."""
    with pytest.raises(DataError) as caught:
        load(folder)
    return caught.value.problems


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
    yield from _serve(site)


@pytest.fixture(scope="session")
def portal_server(portal):
    """The built portal fixture over HTTP."""
    yield from _serve(portal)


def _serve(folder: Path):
    handler = functools.partial(QuietHandler, directory=str(folder))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    # Text declared as UTF-8, as the portal's web server is to serve it: clients need not guess.
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".csv": "text/csv; charset=utf-8",
        ".json": "application/json; charset=utf-8",
        ".xml": "application/xml; charset=utf-8",
    }

    def end_headers(self):
        # LinkChecker paces itself to one request a second or so per host unless the
        # server allows more (linkchecker/linkchecker#778): this server is the suite's own.
        self.send_header("LinkChecker", "allow-concurrent-checks")
        super().end_headers()

    def log_message(self, *args):
        pass
