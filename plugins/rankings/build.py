"""The staged build: the data read and validated once, one Pelican pass per language into
a fresh folder beside the output, the search index, and a swap that puts the new site in
place only when all of it succeeded. A killed build is tidied up by the next one."""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import settings as config
from .data.model import Portal

MARKER = ".xep-hang-site"  # left in every site a build writes: the folder may be replaced by the next


class OutputError(Exception):
    """The output folder is one a build must not replace, or cannot be written."""


def read_settings(conf: str | Path, data: str | Path | None = None, content: str | Path | None = None,
                  output: str | Path | None = None, extra: dict | None = None) -> dict:
    """Pelican's settings from `conf`, with the plugin's folders resolved against it, and
    the data, content and output folders of this build."""
    from pelican.settings import read_settings as pelican_settings

    override = dict(extra or {})
    if output:
        override.update(OUTPUT_PATH=str(output), DELETE_OUTPUT_DIRECTORY=False)
    settings = config.resolve(pelican_settings(str(conf), override=override), conf)
    configured = Path(config.data_folder(settings))
    if data:
        settings["RANKINGS_DATA"] = str(Path(data).resolve())
    if content:
        settings["PATH"] = str(Path(content).resolve())
    elif data and (Path(data) / "content").is_dir():  # announcements belong with their data
        settings["PATH"] = str((Path(data) / "content").resolve())
    elif data and Path(data).resolve() != configured:
        settings["PATH"] = None  # the configured content is about the configured data
    return settings


def check(data: str | Path) -> Portal:
    """The data folder read and validated; DataError lists every problem."""
    from .data.loader import load

    return load(data)


def build_site(output: str | Path, data: str | Path | None = None, conf: str | Path = "pelicanconf.py",
               content: str | Path | None = None, settings: dict | None = None) -> Path:
    """Build into a temporary sibling of `output` and swap it in; raise DataError on bad
    data and SettingsError on bad settings, leaving `output` as it was."""
    from pelican.log import init as init_logging

    # Warnings and errors only; an error Pelican merely logs still fails the build.
    init_logging(level=logging.WARNING, fatal="errors")
    output = Path(output).resolve()
    base = read_settings(conf, data, content, output, settings)
    config.check(base)
    portal = check(config.data_folder(base))  # once; the passes below find it loaded
    refuse_unsafe_output(output, [config.data_folder(base), *([Path(base["PATH"])] if base["PATH"] else [])],
                         [Path(conf).resolve().parent, Path.home()])
    output.parent.mkdir(parents=True, exist_ok=True)
    with _locked(output):
        _build(output, base, portal)
    return output


def refuse_unsafe_output(output: Path, sources: list[Path], homes: list[Path]) -> None:
    """A build replaces its output folder whole: never one that is, holds or lies inside a
    folder it reads (the data, the content), nor one that is or holds the project or the
    home folder, unless a previous build left its marker there."""
    def within(inner: Path, outer: Path) -> bool:
        return inner == outer or outer in inner.parents

    for source in (s.resolve() for s in sources):
        if within(output, source) or within(source, output):
            raise OutputError(f"thư mục kết quả {output} trùng, chứa hoặc nằm trong thư mục nguồn {source}; "
                              "hãy chọn một thư mục khác")
    if (output / MARKER).is_file():
        return
    for home in (h.resolve() for h in homes):
        if within(home, output):
            raise OutputError(f"thư mục kết quả {output} chứa {home}, và không phải là một trang do bản dựng trước "
                              "tạo ra; hãy chọn một thư mục khác")


@contextlib.contextmanager
def _locked(output: Path):
    """One build at a time into one output: a second waits for the first to finish."""
    with open(output.with_name(f".{output.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _build(output: Path, base: dict, portal: Portal) -> None:
    recover(output)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # a published folder, readable by the web server (mkdtemp makes it 0700)
    (staging / MARKER).write_text("Thư mục này do bản dựng cổng xếp hạng tạo ra và được thay thế ở mỗi lần dựng.\n",
                                  encoding="utf-8")
    no_content = tempfile.TemporaryDirectory()
    try:
        base["PATH"] = base["PATH"] or no_content.name
        sites = language_sites(base, portal)
        folders = [staging if lang == sites[0][0] else staging / lang for lang, _ in sites]
        for (lang, overrides), site in zip(sites, folders):
            first = site == staging
            _run_pelican(dict(base, **overrides, DEFAULT_LANG=lang, OUTPUT_PATH=str(site), RANKINGS_REPORT_WARNINGS=first,
                              SITEURL=base["SITEURL"] if first else f"{base['SITEURL']}/{lang}",
                              LANGUAGE_SITES=_links(sites, lang, base)))
            # Indexed before the next language's site is written inside this one: each
            # language gets an index of its own pages.
            _index(site)
        verify(staging, folders)
        _swap(staging, output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        no_content.cleanup()


SEARCH_FILES = ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json")


def verify(site: Path, language_sites: list[Path]) -> None:
    """Fail closed: a step that wrote nothing, or empty files (a full disk makes some tools
    write zero bytes and still succeed), stops the build before anything is published."""
    missing = [(folder / "pagefind" / name).relative_to(site).as_posix()
               for folder in language_sites for name in SEARCH_FILES if not (folder / "pagefind" / name).is_file()]
    empty = sorted(path.relative_to(site).as_posix() for path in site.rglob("*")
                   if path.is_file() and not path.stat().st_size)
    if missing or empty:
        said = ([f"thiếu {', '.join(missing)}"] if missing else []) + (
            [f"tệp rỗng {', '.join(empty[:5])}" + (f" và {len(empty) - 5} tệp khác" if len(empty) > 5 else "")]
            if empty else [])
        raise OutputError(f"bản dựng chưa hoàn chỉnh nên không được công bố: {'; '.join(said)} (đĩa còn chỗ trống?)")


def _swap(staging: Path, output: Path) -> None:
    retired = output.with_name(f".{output.name}.old")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        os.rename(output, retired)
    os.rename(staging, output)
    shutil.rmtree(retired, ignore_errors=True)


def recover(output: Path) -> None:
    """Tidy up after a build that was killed: its staging folder goes, and a swap cut off
    between its two renames is completed backwards (the previous site comes back)."""
    for stale in output.parent.glob(f".{output.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    retired = output.with_name(f".{output.name}.old")
    if retired.exists() and not output.exists():
        os.rename(retired, output)
    shutil.rmtree(retired, ignore_errors=True)  # cut off after the swap: the new site stands


def _run_pelican(settings: dict) -> None:
    import io

    import pelican as pelican_module
    from rich.console import Console

    pelican = pelican_module.Pelican(settings)
    if "rankings" not in pelican.settings["PLUGINS"]:  # Pelican only logs a failed plugin
        raise RuntimeError("the rankings plugin could not be loaded; see the log above")
    # Pelican ends each pass with "Done: Processed 5 articles, …"; a build says what it made
    # once, at its end (progress.summary). Its log (warnings, errors) is not this console.
    said, pelican_module.console = pelican_module.console, Console(file=io.StringIO())
    try:
        pelican.run()
    except BaseException:
        _forget_failed_run()
        raise
    finally:
        pelican_module.console = said


def _index(site: Path) -> None:
    """The search index (Pagefind), built into the staged site so it is swapped in with it."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], check=True)


def language_sites(settings: dict, portal: Portal) -> list[tuple[str, dict]]:
    """The site's language first, then each of TRANSLATED_SITES whose language the data
    names the portal in (title_<lang> in series.toml or portal.toml): data published
    without an English title gets no English site of untranslated names."""
    return [(settings["DEFAULT_LANG"], {})] + [
        (lang, overrides) for lang, overrides in settings.get("TRANSLATED_SITES", {}).items()
        if lang in portal.titles]


def _links(sites: list[tuple[str, dict]], current: str, settings: dict) -> list[dict]:
    """The root of each language's site, for the language switch: relative to the
    SITEURL of `current`'s site, or absolute when the site's addresses are."""
    from babel import Locale

    default = sites[0][0]
    up = "" if current == default else "/.."
    links = []
    for lang, _ in sites:
        path = "" if lang == current else (up if lang == default else f"{up}/{lang}")
        absolute = settings["SITEURL"] + ("" if lang == default else f"/{lang}")
        name = Locale.parse(lang).get_display_name(lang)
        links.append({"lang": lang, "name": name[:1].upper() + name[1:], "current": lang == current,
                      "path": path, "url": None if settings["RELATIVE_URLS"] else absolute})
    return links


def _forget_failed_run() -> None:
    """pelican-sitemap keeps the running Pelican in module state and clears it only when a
    run finishes; after a failed run, clear it so the next build in this process writes
    its sitemap too."""
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if sitemap is not None:
        sitemap.generator._main_pelican = None
        sitemap.generator.page_queue = []
