"""The staged build: the data read and validated once, one Pelican pass per language into
a fresh folder beside the output, the search index, and a swap that puts the new site in
place only when all of it succeeded. A killed build is tidied up by the next one."""

from __future__ import annotations

import concurrent.futures
import contextlib
import copy
import ctypes
import errno
import fcntl
import functools
import gc
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import settings as config
from . import unchanged
from .data.model import Portal
from .outputs.engine import Workers, serve
from .progress import Stats

MARKER = ".xep-hang-site"  # left in every site a build writes: the folder may be replaced by the next


class OutputError(Exception):
    """The output folder is one a build must not replace, or cannot be written."""


def read_settings(
    conf: str | Path,
    data: str | Path | None = None,
    content: str | Path | None = None,
    output: str | Path | None = None,
    extra: dict | None = None,
) -> dict:
    """Pelican's settings from `conf`, with the plugin's folders resolved against it, and
    the data, content and output folders of this build."""
    from pelican.settings import read_settings as pelican_settings

    if data is not None and not str(data).strip():  # `--data ""` is a slip, never "the default"
        raise config.SettingsError("--data để trống; hãy ghi thư mục dữ liệu, hoặc bỏ --data để dùng thư mục mặc định")
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


# Handed to each pass in its settings (lower-case: no settings file sets such a name).
PORTAL = "rankings_portal"  # the build's one snapshot of the data
STATS = "rankings_stats"  # what each pass made, added up (progress.Stats)
WORKERS = "rankings_workers"  # the build's one pool of worker processes (outputs.engine.Workers)
PREVIEW = "rankings_preview"  # the preview's: each pass leaves its generator here, by language
PAGES_WRITTEN = "rankings_pages_written"  # called by a pass once all its HTML is written: its search index starts
HANDED = (PORTAL, STATS, WORKERS, PREVIEW, PAGES_WRITTEN)


@dataclass(frozen=True)
class Built:
    output: Path
    portal: Portal  # the snapshot every page of the site was made from
    stats: Stats  # what the build made, stage by stage


def check(conf: str | Path, data: str | Path | None = None, content: str | Path | None = None) -> Portal:
    """The data folder read and validated, then the content (announcements, pages) against
    it: what `invoke check` says, and what a build checks before it writes anything."""
    return _checked(_valid(read_settings(conf, data, content)))


def _valid(settings: dict) -> dict:
    """The settings, once the plugin's and SITEURL are checked (SettingsError otherwise)."""
    config.check(settings)
    config.check_site_url(settings)
    return settings


def _checked(settings: dict) -> Portal:
    """The data, then the content: each raises one DataError listing its problems."""
    from .glue.content import check_content
    from .outputs.fonts import covered
    from .pipeline import load

    portal = load(config.data_folder(settings), config.urls(settings), covered(config.font_folders(settings)))
    check_content(settings, portal)
    return portal


def build_site(
    output: str | Path,
    data: str | Path | None = None,
    conf: str | Path = "pelicanconf.py",
    content: str | Path | None = None,
    settings: dict | None = None,
    workers: Workers | None = None,
    passes: dict | None = None,
) -> Built:
    """Build into a temporary sibling of `output` and swap it in; raise DataError on bad
    data or content, SettingsError on bad settings and OutputError on an output it must
    not replace, leaving `output` as it was. The data and the content are read once, at
    the start, and that one snapshot makes every page: a file saved while the build runs
    never reaches half of the site. `workers`: a pool that outlives the build (the
    preview's, kept warm between its builds); else the build starts its own when needed.
    `passes`: the preview's, given each language's generator (to make pages again from
    the next data saved); every pass then runs, none is carried."""
    from pelican.log import init as init_logging

    from .glue.content import copy_content

    # Warnings and errors only; an error Pelican merely logs still fails the build.
    init_logging(level=logging.WARNING, fatal="errors")
    output = Path(output).resolve()
    base = _valid(read_settings(conf, data, content, output, settings))
    refuse_unsafe_output(output, Path(conf).resolve().parent, read_folders(base))
    serve()  # the workers' libraries load while the data is read
    made_from = functools.partial(unchanged.inputs, read_folders(base), Path(conf).resolve())
    inputs = made_from()  # before the data is read: a file saved meanwhile changes it
    portal = _checked(base)
    output.parent.mkdir(parents=True, exist_ok=True)
    stats = Stats()
    with (
        _locked(output),
        _collected_less(),
        tempfile.TemporaryDirectory() as snapshot,
        contextlib.nullcontext(workers) if workers else Workers() as workers,
    ):
        base["PATH"] = str(copy_content(base["PATH"], Path(snapshot)))
        handed = {PORTAL: portal, STATS: stats, WORKERS: workers, **({PREVIEW: passes} if passes is not None else {})}
        _build(output, dict(base, **handed), inputs, made_from)
    return Built(output, portal, stats)


def read_folders(settings: dict) -> list[Path]:
    """Every folder a build reads: the data, the content, the plugins, the theme with its
    translations and fonts."""
    return [
        config.data_folder(settings),
        *([Path(settings["PATH"])] if settings["PATH"] else []),
        *(Path(p) for p in settings.get("PLUGIN_PATHS", [])),
        Path(settings["THEME"]),
        config.translations_folder(settings),
        config.chart_fonts(settings),
    ]


def refuse_unsafe_output(output: Path, project: Path, sources: list[Path]) -> None:
    """A build replaces its output folder whole, so it replaces only what a build made: a
    folder that does not exist yet, an empty one, or one holding a previous build's
    marker. Never a file; never a folder the build reads (the data, the content, the
    plugins, the theme, .git), one inside it or one around it; never the project or the
    home folder or one holding them; inside the project, only a folder of its own at the
    top (output/, .xem-truoc/). Those hold whether a marker is there or not."""

    def within(inner: Path, outer: Path) -> bool:
        return inner == outer or outer in inner.parents

    project = project.resolve()
    if output.exists() and not output.is_dir():
        raise OutputError(f"{output} là một tệp, không phải thư mục; hãy chọn một thư mục khác")
    for source in (s.resolve() for s in [*sources, project / ".git"]):
        if within(output, source) or within(source, output):
            raise OutputError(
                f"thư mục kết quả {output} trùng, chứa hoặc nằm trong thư mục nguồn {source}; hãy chọn một thư mục khác"
            )
    for kept in (project, Path.home().resolve()):
        if within(kept, output):
            raise OutputError(f"thư mục kết quả {output} là hoặc chứa {kept}; hãy chọn một thư mục khác")
    if within(output, project) and output.parent != project:
        raise OutputError(
            f"thư mục kết quả {output} nằm trong mã nguồn của dự án; hãy dùng một thư mục riêng ở gốc "
            "dự án (như output/) hoặc ở ngoài dự án"
        )
    if output.is_dir() and not (output / MARKER).is_file() and any(output.iterdir()):
        raise OutputError(
            f"thư mục kết quả {output} đã có tệp nhưng không phải là trang do một bản dựng tạo ra (không "
            f"có tệp {MARKER}); bản dựng chỉ thay một thư mục rỗng hoặc do chính nó tạo; hãy chọn thư mục "
            "khác"
        )


@contextlib.contextmanager
def _collected_less():
    """Python's cycle collector run less often while the passes run: they make millions of
    objects that live as long as the build (the catalogs, the pages), and at its usual
    pace the collector walks them again and again (a tenth of a corrected edition's time
    in the build's process, measured on national)."""
    before = gc.get_threshold()
    gc.set_threshold(100_000, 50, 100)
    try:
        yield
    finally:
        gc.set_threshold(*before)


@contextlib.contextmanager
def _locked(output: Path):
    """One build at a time into one output: a second waits for the first to finish."""
    with open(output.with_name(f".{output.name}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _build(output: Path, base: dict, inputs: str, made_from: Callable[[], str]) -> None:
    recover(output)
    staging = _staging_folder(output)
    (staging / MARKER).write_text(
        "Thư mục này do bản dựng cổng xếp hạng tạo ra và được thay thế ở mỗi lần dựng.\n", encoding="utf-8"
    )
    # Each language's site is staged in a folder of its own, and put in the default
    # language's once every pass is done: so each is indexed (by a thread, waiting on
    # Pagefind) from when its pages are written, while the rest of its pass and the next
    # pass run, and gets an index of its own pages.
    sites, folders = language_sites(base, base[PORTAL]), [staging]
    try:
        folders += [_staging_folder(output) for _ in sites[1:]]
        # The templates compiled once, not by each generator of each pass (and build).
        templates = _compiled_templates(config.cache_folder(base, "templates"))
        # Two threads a language: one waits on Pagefind, one for the index, to hash the site.
        with concurrent.futures.ThreadPoolExecutor(2 * len(sites)) as indexer:
            kept = unchanged.record_file(config.cache_folder(base, "sites"), output)
            before, record, digests = unchanged.previous(kept), {}, []
            for (lang, overrides), site in zip(sites, folders):
                first = site == staging
                # A pass of its own copy: Pelican changes some settings in place (the Markdown
                # extensions, the plugins' names), which would reach the next pass.
                settings = dict(
                    copy.deepcopy({k: v for k, v in base.items() if k not in HANDED}),
                    **{k: base[k] for k in HANDED if k in base},
                    **overrides,
                    DEFAULT_LANG=lang,
                    OUTPUT_PATH=str(site),
                    RANKINGS_REPORT_WARNINGS=first,
                    SITEURL=base["SITEURL"] if first else f"{base['SITEURL']}/{lang}",
                    LANGUAGE_SITES=_links(sites, lang, base),
                    JINJA_ENVIRONMENT=dict(base["JINJA_ENVIRONMENT"], bytecode_cache=templates),
                )
                # The default language's site holds the others' and the build's own files.
                skip = frozenset([MARKER, *(lang for lang, _ in sites[1:])] if first else [])
                key = unchanged.pass_key(inputs, settings, HANDED)
                old = output if first else output / lang
                if PREVIEW not in base and unchanged.carried(before.get(lang), key, old, skip):
                    start = time.perf_counter()
                    count = unchanged.carry(old, site, skip)
                    base[STATS].add("carried", count, 0, time.perf_counter() - start, lang)
                    record[lang] = before[lang]
                    continue
                started = []
                settings[PAGES_WRITTEN] = lambda site=site, started=started: started.append(
                    indexer.submit(_index, site)
                )
                _run_pelican(settings)
                indexed = started[0] if started else indexer.submit(_index, site)
                # The site's files hashed once it stands whole, its index made too.
                digests.append((lang, key, indexer.submit(_digest, indexed, site, skip)))
            for lang, key, digest in digests:
                record[lang] = {"key": key, "files": digest.result()}
        for (lang, _), site in zip(sites[1:], folders[1:]):
            os.rename(site, staging / lang)
        verify(staging, [staging] + [staging / lang for lang, _ in sites[1:]])
        kept.unlink(missing_ok=True)  # until the new site stands: then its own record
        swap(staging, output)
        if made_from() == inputs:  # else something changed while it was read: the next build makes all again
            unchanged.write(kept, record)
    finally:
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


def _compiled_templates(folder: Path):
    from jinja2 import FileSystemBytecodeCache

    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def _staging_folder(output: Path) -> Path:
    """A fresh folder beside the output, named so that the next build removes it if this
    one is killed (`recover`)."""
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)  # a published folder, readable by the web server (mkdtemp makes it 0700)
    return staging


SEARCH_FILES = ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "pagefind-entry.json")


def verify(site: Path, language_sites: list[Path]) -> None:
    """Fail closed: a step that wrote nothing, or empty files (a full disk makes some tools
    write zero bytes and still succeed), stops the build before anything is published."""
    missing = [
        (folder / "pagefind" / name).relative_to(site).as_posix()
        for folder in language_sites
        for name in SEARCH_FILES
        if not (folder / "pagefind" / name).is_file()
    ]
    empty = sorted(
        path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file() and not path.stat().st_size
    )
    if missing or empty:
        parts = ([f"thiếu {', '.join(missing)}"] if missing else []) + (
            [f"tệp rỗng {', '.join(empty[:5])}" + (f" và {len(empty) - 5} tệp khác" if len(empty) > 5 else "")]
            if empty
            else []
        )
        raise OutputError(f"bản dựng chưa hoàn chỉnh nên không được công bố: {'; '.join(parts)} (đĩa còn chỗ trống?)")


# renameat2's flag (linux/fs.h) and "relative to the working folder" (fcntl.h)
RENAME_EXCHANGE, AT_FDCWD = 2, -100


def _exchange(staging: Path, output: Path) -> bool:
    """Swap the two folders in one step: a reader finds the previous site or the new one,
    never none. False where the system cannot (not Linux, or a file system without it)."""
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is None:
        return False
    if not renameat2(AT_FDCWD, os.fsencode(staging), AT_FDCWD, os.fsencode(output), RENAME_EXCHANGE):
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(error, os.strerror(error), str(output))


def swap(staging: Path, output: Path) -> None:
    """The new site in place of the previous one. Exchanged, the staging folder holds the
    previous site, which the caller removes; otherwise two renames, with the previous site
    beside the output for the instant between them."""
    if output.exists() and _exchange(staging, output):
        return
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
    original, pelican_module.console = pelican_module.console, Console(file=io.StringIO())
    try:
        pelican.run()
    except BaseException:
        _forget_failed_run()
        raise
    finally:
        pelican_module.console = original


def _digest(indexed: concurrent.futures.Future, site: Path, skip: frozenset[str]) -> str:
    """The hash of the site's files (unchanged.files_digest), once its index is made."""
    indexed.result()
    return unchanged.files_digest(site, skip)


def _index(site: Path) -> None:
    """The search index (Pagefind), built into the staged site so it is swapped in with it."""
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], check=True)


def language_sites(settings: dict, portal: Portal) -> list[tuple[str, dict]]:
    """The site's language first, then each of TRANSLATED_SITES whose language the data
    names the portal in (title_<lang> in series.toml or portal.toml): data published
    without an English title gets no English site of untranslated names."""
    return [(settings["DEFAULT_LANG"], {})] + [
        (lang, overrides) for lang, overrides in settings.get("TRANSLATED_SITES", {}).items() if lang in portal.titles
    ]


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
        links.append(
            {
                "lang": lang,
                "name": name[:1].upper() + name[1:],
                "current": lang == current,
                "path": path,
                "url": None if settings["RELATIVE_URLS"] else absolute,
            }
        )
    return links


def _forget_failed_run() -> None:
    """pelican-sitemap keeps the running Pelican in module state and clears it only when a
    run finishes; after a failed run, clear it so the next build in this process writes
    its sitemap too."""
    sitemap = sys.modules.get("pelican.plugins.sitemap.sitemap")
    if sitemap is not None:
        sitemap.generator._main_pelican = None
        sitemap.generator.page_queue = []
