"""Shared fixtures: real builds of small fixture folders, made once for the whole suite,
and HTML parsing. Every build of the suite keeps its rendered charts, PDFs and images in
one cache of its own (never the project's), unless a test gives it another. That cache
outlives the run (.cache/tests/, ignored by git): the engine keys each file on its
inputs and on a salt of the code and versions that draw it, so a stale file is never
used, and a second run draws only what changed. The tests of cold builds (byte
identity, the pools) give their builds caches of their own.

The suite runs on every core (pytest-xdist): each build below is made once for the run,
by the first worker that needs it, and read by the others."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import io
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
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
CACHE = ROOT / ".cache" / "tests"


def build(output: Path, data: Path | None = None, passes: dict | None = None, **settings) -> Path:
    """`invoke build --data DATA --output OUTPUT`, with the suite's cache (`passes`: as the preview builds)."""
    return build_site(
        output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": str(CACHE), **settings}, passes=passes
    ).output


def once_for_the_run(tmp_path_factory, name: str, make: Callable[[Path], Path]) -> Path:
    """`make(folder)`'s site, made once however many workers ask: the first builds it in a
    folder all of the run's workers share, under a lock the others wait on (as
    pytest-xdist's documentation shows)."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return make(tmp_path_factory.mktemp(name))
    shared = tmp_path_factory.getbasetemp().parent / name
    shared.mkdir(exist_ok=True)
    with open(shared.with_suffix(".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        made = shared / "made"  # where the site is, once it is whole
        if not made.exists():
            made.write_text(str(make(Path(tempfile.mkdtemp(dir=shared)))), encoding="utf-8")
        return Path(made.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The fixture folder built once, as `invoke build --data` would."""
    return once_for_the_run(tmp_path_factory, "site", lambda folder: build(folder / "output", FIXTURE))


@pytest.fixture(scope="session")
def tinh_mau(tmp_path_factory) -> Path:
    return once_for_the_run(
        tmp_path_factory, "tinh-mau", lambda folder: build(folder / "output", ROOT / "examples" / "tinh-mau")
    )


@pytest.fixture(scope="session")
def portal(tmp_path_factory) -> Path:
    """The portal fixture (data format version 2: two series, a recast bloc), built once."""
    return once_for_the_run(
        tmp_path_factory, "portal", lambda folder: build(folder / "output", ROOT / "tests" / "fixtures" / "portal")
    )


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The portal's own data/, built as `invoke build` does, with the project's own cache
    (.cache/, as pelicanconf.py sets it): where `invoke build` has just run (as setup.sh
    does before CI's tests), nothing is drawn again."""
    return once_for_the_run(
        tmp_path_factory,
        "real",
        lambda folder: build_site(folder / "output", conf=ROOT / "pelicanconf.py").output,
    )


CHROMIUM = "/usr/bin/chromium"  # Debian's: the browser tests download none
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    """One Chromium for every browser test of the run, driven by Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def without_script(browser, server):
    """A page of a browser with JavaScript off, at a bloc table."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{server}/2019/so/")
    yield page
    context.close()


@pytest.fixture
def data(tmp_path) -> Path:
    """A private copy of the fixture folder, to break."""
    return Path(shutil.copytree(FIXTURE, tmp_path / "basic"))


def run_task(*argv: str) -> subprocess.CompletedProcess:
    """`invoke <argv>` as the command line runs it (the project's tasks.py, Program's own
    parsing, SystemExit for a failure), in this process: no interpreter to start and no
    libraries to import again, about a second a call. What it printed comes back as a
    finished process's, and an exception that is not a clean exit fails the test."""
    from invoke import Collection, Program

    import tasks

    out, err, code = io.StringIO(), io.StringIO(), 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            Program(namespace=Collection.from_module(tasks)).run(["invoke", *argv], exit=False)
        except SystemExit as stop:
            if isinstance(stop.code, str):  # sys.exit("message"): the interpreter would print it
                print(stop.code, file=sys.stderr)
            code = stop.code if isinstance(stop.code, int) else 1
    return subprocess.CompletedProcess(["invoke", *argv], code, out.getvalue(), err.getvalue())


@functools.cache
def _axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()  # axe-core, shipped inside the package: every rule that is not experimental


def axe_violations(page) -> list:
    """axe-core's findings on a browser's page: each rule broken, with the elements it names."""
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in _axe().run(page).response["violations"]]


def _luminance(rgb: str) -> float:
    channels = [int(v) / 255 for v in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG's contrast ratio of two CSS colours as a browser computes them, "rgb(r, g, b)"."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def sheet_agrees(site: Path, table, page_path: str) -> None:
    """A sheet says what its bloc's page and CSV say: the page's column names in a frozen
    header row, ranks as whole numbers, scores as numbers in a number format, equal to
    the CSV's; each unit linked to its page."""
    import csv

    assert table.freeze_panes == "A2"
    header = [c.value for c in table[1]]
    page = html(site, page_path)
    assert header == [text(th) for th in page.select("table.ranking thead th")], page_path
    bloc_csv = site / (page_path.rstrip("/") + ".csv")
    rows = {r["agency"]: r for r in csv.DictReader(io.StringIO(bloc_csv.read_text("utf-8-sig")))}
    assert table.max_row == len(rows) + 1, page_path
    for line in table.iter_rows(min_row=2):
        published = rows[line[1].hyperlink.target.rstrip("/").rsplit("/", 1)[-1]]
        assert line[0].value == (int(published["rank"]) if published.get("rank") else None), (
            page_path
        )  # a CSV drops a column no row fills
        if line[2].value is not None and header[2] in ("Điểm", "Score"):
            assert isinstance(line[2].value, (int, float)) and line[2].number_format.startswith("0")
            assert line[2].value == pytest.approx(float(published["score"])), page_path


def workbook_agrees(site: Path, path: Path) -> None:
    """A bloc's XLSX agrees with its page and CSV (sheet_agrees); the page's address is on
    the sheet that says what the table is."""
    import openpyxl

    table, about = openpyxl.load_workbook(path).worksheets
    page_path = path.relative_to(site).with_suffix("").as_posix() + "/"
    sheet_agrees(site, table, page_path)
    assert about.cell(about.max_row, 2).value.endswith(page_path.removeprefix("en/"))


def record_workbook_agrees(site: Path, path: Path, pages: list[str] | None = None) -> int:
    """An edition's XLSX (its bloc pages `pages`, in order) or the whole record's (whose
    first sheet lists each sheet's page): every table sheet agrees with its bloc's page
    and CSV. The number of tables."""
    import openpyxl

    book = openpyxl.load_workbook(path)
    prefix = "en/" if path.relative_to(site).as_posix().startswith("en/") else ""
    if pages is None:
        contents, *tables, _ = book.worksheets
        listed = [[c.value for c in row] for row in contents.iter_rows(min_row=2)]
        assert [name for name, _, _ in listed] == [t.title for t in tables]
        pages = [
            prefix + address.split("/", 1)[1].removeprefix("en/") if address.startswith("/") else address
            for _, _, address in listed
        ]
    else:
        *tables, _ = book.worksheets
    assert len(tables) == len(pages)
    for table, page_path in zip(tables, pages):
        sheet_agrees(site, table, page_path)
    return len(tables)


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


@pytest.fixture(scope="session")
def real_server(real_site):
    """The built record over HTTP."""
    yield from _serve(real_site)


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
