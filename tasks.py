"""Tasks: invoke build | check | serve | test | publish | bench.

A build writes into a fresh folder beside the output and swaps it in only when it
succeeded, so a data error or a killed build never leaves a half-written site.
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from invoke import task

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

from rankings.problems import DataError  # noqa: E402


def _content_for(data: str | Path | None, content: str | Path | None) -> Path | None:
    """Announcements belong with their data: an explicit folder, else <data>/content,
    else none for another data folder (the project's content/ is about data/)."""
    if content:
        return Path(content).resolve()
    if data and (Path(data) / "content").is_dir():
        return (Path(data) / "content").resolve()
    if data and Path(data).resolve() != HERE / "data":
        return None
    return HERE / "content"


def _settings(conf: str, data: str | Path | None, content: Path, output: Path, extra: dict):
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(output), "DELETE_OUTPUT_DIRECTORY": False, "PATH": str(content), **extra}
    if data:
        override["RANKINGS_DATA"] = str(Path(data).resolve())
    return read_settings(str(HERE / conf), override=override)


def build_site(output: str | Path, data: str | Path | None = None, conf: str = "pelicanconf.py",
               content: str | Path | None = None, settings: dict | None = None) -> Path:
    """Build into a temporary sibling of ``output`` and swap it in; raise DataError on bad data."""
    from pelican.log import init as init_logging

    # Warnings and errors only; an error Pelican merely logs still fails the build.
    init_logging(level=logging.WARNING, fatal="errors")
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _recover(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    no_content = tempfile.TemporaryDirectory()
    try:
        base = _settings(conf, data, _content_for(data, content) or Path(no_content.name), staging, settings or {})
        sites = _language_sites(base)
        for lang, overrides in sites:
            first = lang == sites[0][0]
            site = staging if first else staging / lang
            _run_pelican(dict(base, **overrides, DEFAULT_LANG=lang, OUTPUT_PATH=str(site), RANKINGS_REPORT_WARNINGS=first,
                              SITEURL=base["SITEURL"] if first else f"{base['SITEURL']}/{lang}",
                              LANGUAGE_SITES=_links(sites, lang, base)))
            # Indexed before the next language's site is written inside this one: each
            # language gets an index of its own pages.
            _index(site)
        retired = output.with_name(f".{output.name}.old")
        shutil.rmtree(retired, ignore_errors=True)
        if output.exists():
            os.rename(output, retired)
        os.rename(staging, output)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        no_content.cleanup()
    return output


def _run_pelican(settings: dict) -> None:
    from pelican import Pelican

    pelican = Pelican(settings)
    if "rankings" not in pelican.settings["PLUGINS"]:  # Pelican only logs a failed plugin
        raise RuntimeError("the rankings plugin could not be loaded; see the log above")
    try:
        pelican.run()
    except BaseException:
        _forget_failed_run()
        raise


def _index(site: Path) -> None:
    """The search index (Pagefind), built into the staged site so it is swapped in with it."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], check=True)


def _language_sites(settings: dict) -> list[tuple[str, dict]]:
    """The site's language first, then each of TRANSLATED_SITES whose language the data
    names its series in (title_<lang> in series.toml): a series published without an
    English title gets no English site of untranslated names."""
    import tomllib

    with open(Path(settings["RANKINGS_DATA"]) / "series.toml", "rb") as handle:
        series = tomllib.load(handle)
    return [(settings["DEFAULT_LANG"], {})] + [
        (lang, overrides) for lang, overrides in settings.get("TRANSLATED_SITES", {}).items()
        if series.get(f"title_{lang}")]


def _links(sites: list[tuple[str, dict]], current: str, settings: dict) -> list[dict]:
    """The root of each language's site, for the language switch: relative to the
    SITEURL of `current`'s site, or absolute when the site's addresses are."""
    default = sites[0][0]
    up = "" if current == default else "/.."
    links = []
    for lang, _ in sites:
        path = "" if lang == current else (up if lang == default else f"{up}/{lang}")
        absolute = settings["SITEURL"] + ("" if lang == default else f"/{lang}")
        links.append({"lang": lang, "name": LANGUAGE_NAMES[lang], "current": lang == current,
                      "path": path, "url": None if settings["RELATIVE_URLS"] else absolute})
    return links


LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


def _forget_failed_run() -> None:
    """pelican-sitemap keeps the running Pelican in module state and clears it only when a
    run finishes; after a failed run, clear it so the next build in this process writes
    its sitemap too."""
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if sitemap is not None:
        sitemap.generator._main_pelican = None
        sitemap.generator.page_queue = []


def _recover(output: Path) -> None:
    """Tidy up after a build that was killed: its staging folder goes, and a swap cut off
    between its two renames is completed backwards (the previous site comes back)."""
    for stale in output.parent.glob(f".{output.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    retired = output.with_name(f".{output.name}.old")
    if retired.exists() and not output.exists():
        os.rename(retired, output)


def _report(error: DataError) -> None:
    print(error.report(), file=sys.stderr)
    print("Thư mục kết quả cũ được giữ nguyên.", file=sys.stderr)
    sys.exit(1)


@task(help={"data": "data folder (default: data/)", "output": "output folder (default: output/)",
            "content": "announcements and pages (default: <data>/content, or content/ for data/)"})
def build(c, data=None, output="output", content=None):
    """Build the whole site from the data folder."""
    try:
        path = build_site(output, data, content=content)
    except DataError as error:
        _report(error)
    print(f"Đã tạo trang web tại {path}")


@task(help={"data": "data folder (default: data/)"})
def check(c, data=None):
    """Validate the data folder only; list every problem."""
    from rankings.loader import load

    try:
        dataset = load(data or HERE / "data")
    except DataError as error:
        print(error.report(), file=sys.stderr)
        sys.exit(1)
    for warning in dataset.warnings:
        print(f"Cảnh báo: {warning}", file=sys.stderr)
    rows = sum(len(e.results) for e in dataset.editions.values())
    print(f"Dữ liệu hợp lệ: {len(dataset.editions)} kỳ, {len(dataset.agencies)} đơn vị, {rows} dòng kết quả.")


@task(help={"port": "port to serve on (default 8000)"})
def serve(c, port=8000, output="output"):
    """Serve the built site on http://localhost:PORT/."""
    c.run(f"{sys.executable} -m http.server {int(port)} --bind 127.0.0.1 --directory {output}", pty=False)


@task(help={"args": "extra pytest arguments"})
def test(c, args=""):
    """Run the whole test suite."""
    c.run(f"{sys.executable} -m pytest {args}", pty=False)


@task(help={"data": "data folder (default: data/)", "output": "output folder (default: output/)",
            "content": "announcements and pages (default: <data>/content, or content/ for data/)"})
def publish(c, data=None, output="output", content=None):
    """Build with publishconf.py (absolute addresses) for the web server."""
    try:
        path = build_site(output, data, conf="publishconf.py", content=content)
    except DataError as error:
        _report(error)
    print(f"Đã tạo bản phát hành tại {path}")


PYBABEL = Path(sys.executable).with_name("pybabel")


def extract_messages(pot: Path) -> None:
    """Every message of the templates and of the plugin (babel.cfg) into the template `pot`."""
    subprocess.run([str(PYBABEL), "extract", "-F", "babel.cfg", "-k", "_", "-k", "gettext", "--no-location",
                    "--sort-output", "--omit-header", "-o", str(pot), "."], cwd=HERE, check=True, capture_output=True)


@task
def translations(c):
    """Extract the messages of the templates and the plugin, and update each catalog
    (theme/translations/<lang>/LC_MESSAGES/messages.po) for translators to fill in."""
    pot = HERE / "theme" / "translations" / "messages.pot"
    extract_messages(pot)
    c.run(f"{PYBABEL} update -i {pot} -d {pot.parent} --no-wrap --ignore-obsolete")


@task(help={"workloads": "comma-separated: national, scale (default: national,scale)"})
def bench(c, workloads="national,scale"):
    """Benchmark generated workloads (cold, no change, one edition changed) beside plain Pelican."""
    from benchmarks.run import report, run

    print(report([run(name) for name in workloads.split(",")]))
