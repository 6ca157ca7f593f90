"""The command line: invoke build | check | new-edition | preview | serve | test | publish |
translations | expected-output | webfonts | bench. The work is the plugin's (plugins/rankings/build.py)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from invoke import task

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))
CONF = HERE / "pelicanconf.py"
FIXTURE = HERE / "tests" / "fixtures" / "basic"
EXPECTED = HERE / "tests" / "expected" / "basic"


def _fail(message: str) -> None:
    print(message, file=sys.stderr)
    print("Thư mục kết quả cũ được giữ nguyên.", file=sys.stderr)
    sys.exit(1)


def _build(output: str, data: str | None, content: str | None, conf: Path) -> Path:
    from rankings.build import OutputError, build_site
    from rankings.data.problems import DataError
    from rankings.progress import shown, summary
    from rankings.settings import SettingsError

    try:
        start = time.perf_counter()
        with shown():
            built = build_site(output, data, conf=conf, content=content)
        print(f"Đã dựng {summary(built.portal, built.stats, time.perf_counter() - start)}.")
        return built.output
    except DataError as error:
        _fail(error.report())
    except SettingsError as error:
        _fail(f"Cấu hình sai: {error}")
    except OutputError as error:
        _fail(f"Không tạo trang web: {error}")
    except OSError as error:  # a read-only or full disk, a folder that cannot be made
        _fail(f"Không ghi được thư mục kết quả: {error.strerror} ({error.filename or output})")


@task(
    help={
        "data": "data folder (default: RANKINGS_DATA of pelicanconf.py, data/)",
        "output": "output folder (default: output/)",
        "content": "announcements and pages (default: <data>/content, or content/ for data/)",
    }
)
def build(c, data=None, output="output", content=None):
    """Build the whole site from the data folder."""
    print(f"Đã tạo trang web tại {_build(output, data, content, CONF)}")


@task(
    help={
        "data": "data folder (default: RANKINGS_DATA of pelicanconf.py, data/)",
        "content": "announcements and pages (default: <data>/content, or content/ for data/)",
    }
)
def check(c, data=None, content=None):
    """Validate the data folder and the content only; list every problem."""
    from rankings.build import check as check_all
    from rankings.data.problems import DataError
    from rankings.settings import SettingsError

    try:
        portal = check_all(CONF, data, content)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        sys.exit(1)
    except SettingsError as error:
        print(f"Cấu hình sai: {error}", file=sys.stderr)
        sys.exit(1)
    for warning in portal.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)  # a Problem prints its control characters as codes
    editions = portal.editions()
    rows = sum(len(e.results) for e in editions)
    print(
        f"Dữ liệu hợp lệ: {len(portal.series)} chuỗi, {len(editions)} kỳ, {len(portal.agencies)} đơn vị, "
        f"{rows} dòng kết quả."
    )


@task(
    name="new-edition",
    help={
        "year": "the evaluated year of the new edition",
        "data": "data folder (default: RANKINGS_DATA of pelicanconf.py, data/)",
        "series": "the series, in a portal of several (its folder's name)",
    },
)
def new_edition(c, year, data=None, series=None):
    """Lay out the next edition to fill: its folder, methodology.toml, results.xlsx."""
    from rankings.build import read_settings
    from rankings.data.new_edition import EditionError, lay_out
    from rankings.data.problems import DataError
    from rankings.pipeline import load
    from rankings.settings import SettingsError, data_folder

    try:
        folder = data_folder(read_settings(CONF, data))
        written = lay_out(load(folder), folder, year, series)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        sys.exit(1)
    except (EditionError, SettingsError) as error:
        print(f"Không tạo kỳ mới: {error}", file=sys.stderr)
        sys.exit(1)
    for path in written:
        print(f"Đã tạo {path}")
    print("Điền các giá trị «ĐIỀN: …» của methodology.toml và các cột của results.xlsx, rồi chạy invoke check.")


@task(
    help={
        "data": "data folder (default: RANKINGS_DATA of pelicanconf.py, data/)",
        "port": "port to serve on (default 8000)",
        "output": "where the preview is built (default: .xem-truoc/)",
    }
)
def preview(c, data=None, port=8000, output=".xem-truoc"):
    """Build, serve on localhost and rebuild on every change to the data, content/ or
    theme/; the open page reloads itself and shows the data's problems while there are any."""
    import threading

    from rankings.build import read_settings
    from rankings.outputs.engine import Workers
    from rankings.preview import Preview, server, watch
    from rankings.settings import data_folder

    folder = Path(data or data_folder(read_settings(CONF)))
    workers = Workers()  # kept from build to build: a save need not start them again
    live = Preview.of(Path(output), folder, CONF, workers=workers)
    try:  # the port first: a busy one is said before a whole build
        httpd = server(live, Path(output), int(port))
    except (OSError, OverflowError, ValueError) as error:
        print(f"Không mở được cổng {port}: {getattr(error, 'strerror', None) or error}", file=sys.stderr)
        sys.exit(1)
    live.rebuild()
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    print(
        f"Xem trước tại http://localhost:{port}/ — trang tự tải lại sau mỗi thay đổi của {folder}, "
        "content/ hoặc theme/. Ctrl+C để dừng."
    )
    try:
        watch(live, [folder, HERE / "content", HERE / "theme"])
    except KeyboardInterrupt:
        httpd.shutdown()
    finally:
        workers.close()


@task(help={"port": "port to serve on (default 8000)", "output": "the built site (default: output/)"})
def serve(c, port=8000, output="output"):
    """Serve the built site on http://localhost:PORT/."""
    # The path goes to the server as one argument, never through a shell.
    subprocess.run(
        [sys.executable, "-m", "http.server", str(int(port)), "--bind", "127.0.0.1", "--directory", str(output)],
        check=False,
    )


@task(help={"args": "extra pytest arguments", "quick": "only the quick tier: no browser, no slow test"})
def test(c, args="", quick=False):
    """Run the whole test suite (or its quick tier) on every core (pytest-xdist; workers
    take the next test as they finish, since tests differ in cost by a thousandfold)."""
    tier = '-m "not slow and not browser" ' if quick else ""
    c.run(f"{sys.executable} -m pytest -n auto --dist worksteal {tier}{args}", pty=False)


TEMPLATE_LINE = 160  # characters: a template line longer than this is hard to review


@task
def lint(c):
    """Ruff's lint and format checks over the Python (settings in pyproject.toml), djhtml's
    indentation check over the templates, and the templates' line length."""
    ruff = Path(sys.executable).with_name("ruff")
    c.run(f"{ruff} check {HERE}", pty=False)
    c.run(f"{ruff} format --check {HERE}", pty=False)
    templates = HERE / "theme" / "templates"
    c.run(f"{Path(sys.executable).with_name('djhtml')} --check {templates}", pty=False)
    long = [
        f"{path.relative_to(HERE)}:{number}: {len(line)} characters"
        for path in sorted(templates.rglob("*"))
        if path.is_file()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if len(line) > TEMPLATE_LINE
    ]
    if long:
        sys.exit(f"template lines over {TEMPLATE_LINE} characters:\n" + "\n".join(long))


@task(
    help={
        "data": "data folder (default: RANKINGS_DATA of pelicanconf.py, data/)",
        "output": "output folder (default: output/)",
        "content": "announcements and pages (default: <data>/content, or content/ for data/)",
    }
)
def publish(c, data=None, output="output", content=None):
    """Build with publishconf.py (absolute addresses) for the web server."""
    print(f"Đã tạo bản phát hành tại {_build(output, data, content, HERE / 'publishconf.py')}")


PYBABEL = Path(sys.executable).with_name("pybabel")


def extract_messages(pot: Path) -> None:
    """Every message of the templates and of the plugin (babel.cfg) into the template `pot`."""
    subprocess.run(
        [
            str(PYBABEL),
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_",
            "-k",
            "gettext",
            "--no-location",
            "--sort-output",
            "--omit-header",
            "-o",
            str(pot),
            ".",
        ],
        cwd=HERE,
        check=True,
        capture_output=True,
    )


@task
def translations(c):
    """Extract the messages of the templates and the plugin, and update each catalog
    (theme/translations/<lang>/LC_MESSAGES/messages.po) for translators to fill in."""
    pot = HERE / "theme" / "translations" / "messages.pot"
    extract_messages(pot)
    c.run(f"{PYBABEL} update -i {pot} -d {pot.parent} --no-wrap --ignore-obsolete")


@task(name="expected-output")
def expected_output(c):
    """Rebuild the fixture's expected output tree (tests/expected/basic), which the
    suite diffs every build against; review the diff before committing it."""
    import tempfile

    sys.path.insert(0, str(HERE / "tests"))
    from expected import write_expected
    from rankings.build import build_site

    with tempfile.TemporaryDirectory() as work:
        site = build_site(
            Path(work) / "site", FIXTURE, conf=CONF, settings={"CACHE_PATH": str(Path(work) / "cache")}
        ).output
        write_expected(site, EXPECTED)
    print(f"Đã cập nhật {EXPECTED.relative_to(HERE)}; xem thay đổi bằng git diff.")


@task
def webfonts(c):
    """The theme's web fonts (static/fonts/*.woff2) made anew from its TTFs."""
    from rankings.outputs import webfonts as fonts

    static = HERE / "theme" / "static" / "fonts"
    for out, ttf in fonts.files(static / "ttf", static).items():
        out.write_bytes(fonts.webfont(ttf))
        print(f"{out.relative_to(HERE)}: {out.stat().st_size} bytes")


@task(help={"workloads": "comma-separated: embedded, national, scale (default: all three)"})
def bench(c, workloads="embedded,national,scale"):
    """Benchmark the workloads (built cold, unchanged, with one score and one edition
    corrected; the preview on the embedded data) beside plain Pelican."""
    from benchmarks.run import report, run, simplest_chart

    print(report([run(name) for name in workloads.split(",")]))
    print(simplest_chart())
