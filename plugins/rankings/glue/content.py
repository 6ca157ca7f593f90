"""The content folder (announcements and pages, Markdown) under the same law as the data:
checked before anything is built (metadata, dates, the series and editions it names, its
addresses), read from a snapshot taken once per build, and rendered under one rule."""

from __future__ import annotations

import posixpath
import re
import shutil
from pathlib import Path

from .. import settings as config
from ..data.cells import SLUG
from ..data.links import links_out
from ..data.model import Portal
from ..data.problems import Problems

_FIELD = re.compile(r"^([A-Za-z_]+)\s*:")
STATUSES = {"published", "hidden", "draft"}


def check_content(settings: dict, portal: Portal) -> None:
    """Every problem of the content folder (file, field), raised as one DataError."""
    folder = settings["PATH"]
    if not folder or not Path(folder).is_dir():
        return
    from ..site.i18n import Language
    from .generator import site_catalog

    folder = Path(folder)
    problems = Problems()

    def label_of(path: Path) -> str:
        return path.relative_to(folder.parent).as_posix()

    links_out(folder, label_of, problems)
    problems.raise_if_any()  # a link that leaves the folder is not read, even to be checked
    items = {}
    for kind, paths in (("article", settings["ARTICLE_PATHS"]), ("page", settings["PAGE_PATHS"])):
        for path in _sources(folder, paths):
            save_as = _checked(path, label_of(path), kind, settings, portal, problems)
            if save_as is not None:
                items[label_of(path)] = save_as
    problems.raise_if_any()
    refuse_clashes(settings, portal, site_catalog(settings, portal, Language()).paths(), items)


def _sources(folder: Path, paths: list[str]) -> list[Path]:
    extensions = tuple(f".{e}" for e in ("md", "markdown", "mkd", "mdown"))
    found = []
    for sub in paths:
        root = folder / sub if sub else folder
        found += [
            p
            for p in sorted(root.rglob("*"))
            if p.is_file()
            and p.name.endswith(extensions)
            and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        ]
    return found


def _header(text: str) -> dict[str, tuple[int, str]]:
    """The metadata lines at the top of a Markdown file: {field: (line, value)}."""
    found = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = _FIELD.match(line)
        if not line.strip() or not match:
            break
        found[match.group(1).lower()] = (number, line[match.end() :].strip())
    return found


def _checked(path: Path, label: str, kind: str, settings: dict, portal: Portal, problems: Problems) -> tuple | None:
    """The file's (address field, address), or None with its problems reported."""
    from pelican.contents import Article, Page
    from pelican.readers import Readers
    from pelican.utils import get_date

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        problems.add(label, None, None, "tệp không ở mã UTF-8; hãy lưu lại với bộ mã UTF-8")
        return None
    header = _header(text)
    mark = problems.mark()

    def say(field: str, message: str) -> None:
        problems.add(label, header.get(field.lower(), (None,))[0], field, message)

    if not header.get("title", (0, ""))[1]:
        say("Title", "thiếu tiêu đề (dòng «Title: …» ở đầu tệp)")
    if kind == "article" and "date" not in header:
        say("Date", "một bản tin cần ngày đăng (dòng «Date: 2025-10-21» ở đầu tệp)")
    if "date" in header:
        try:
            get_date(header["date"][1])
        except (ValueError, OverflowError):
            say("Date", f"«{header['date'][1]}» không phải là một ngày có thật (dạng 2025-10-21)")
    if "slug" in header and not re.fullmatch(SLUG, header["slug"][1]):
        say(
            "Slug",
            f"«{header['slug'][1]}» không dùng được làm địa chỉ: chỉ chữ thường không dấu, chữ số và dấu "
            "gạch ngang (ví dụ ket-qua-nam-2024)",
        )
    languages = [settings["DEFAULT_LANG"], *settings.get("TRANSLATED_SITES", {})]
    if "lang" in header and header["lang"][1] not in languages:
        say("Lang", f"ngôn ngữ «{header['lang'][1]}» không có trang riêng; hãy dùng {', '.join(languages)}")
    if "status" in header and header["status"][1] not in STATUSES:
        say("Status", f"«{header['status'][1]}» không phải là trạng thái; hãy dùng {', '.join(sorted(STATUSES))}")
    _edition_named(header, portal, say)
    if problems.since(mark):
        return None
    read = Readers(settings).read_file(
        base_path=settings["PATH"],
        path=str(path.relative_to(settings["PATH"])),
        content_class=Article if kind == "article" else Page,
        context={},
    )
    field = next((f for f in ("Save_as", "Slug") if f.lower() in header), "Title")
    address = normal_path(read.save_as)
    if address is None:
        say(field, f"địa chỉ «{read.save_as}» ra ngoài thư mục của trang web")
        return None
    return field, address


def _edition_named(header: dict, portal: Portal, say) -> None:
    """`Series:` names a series of the portal, `Edition:` one of its editions."""
    series = header.get("series", (0, ""))[1]
    if series and series not in portal.series:
        known = ", ".join(sid for sid in portal.series if sid)
        say(
            "Series",
            f"không có chuỗi «{series}»"
            + (f"; các chuỗi: {known}" if known else "; dữ liệu chỉ có một chuỗi, hãy bỏ dòng này"),
        )
        return
    if "edition" not in header:
        return
    year = header["edition"][1]
    if not series and portal.several:
        say("Series", "một bản tin công bố kết quả (Edition) cần nêu chuỗi (dòng «Series: …»)")
        return
    dataset = portal.series[series] if series else portal.only
    if not (year.isascii() and year.isdigit() and int(year) in dataset.editions):
        say("Edition", f"chuỗi không có kỳ «{year}»; các kỳ: {', '.join(str(y) for y in sorted(dataset.editions))}")


def normal_path(path: str) -> str | None:
    """An address below the site as the file system will take it (`2019//so/./index.html`
    is `2019/so/index.html`), or None when it leaves the site."""
    normal = posixpath.normpath(path.replace("\\", "/"))
    if path.startswith("/") or normal == ".." or normal.startswith("../"):
        return None
    return normal


def refuse_clashes(settings: dict, portal: Portal, generated: list[str], content: dict[str, tuple[str, str]]) -> None:
    """One DataError naming each content file (source → (field, address)) that would write
    over one of the generated files or into a folder the build writes in: every top-level
    folder of the generated files but the news folder, where the articles go."""
    taken = set(generated)
    urls = config.urls(settings)
    tops = {p.split("/", 1)[0] for p in generated if "/" in p} - {urls.news_folder}
    tops |= urls.site_folders | {sid for sid in portal.series if sid}
    problems = Problems()
    for source, (field, path) in sorted(content.items()):
        if path in taken or path.split("/", 1)[0] in tops:
            problems.add(source, None, field, f"địa chỉ «{path}» trùng với một trang của cổng; hãy đặt {field} khác")
    problems.raise_if_any()


def copy_content(folder: str | None, snapshot: Path) -> Path:
    """The content as it is now, copied once for every pass of a build (checked first:
    every link stays inside the folder, none loops)."""
    target = snapshot / (Path(folder).name if folder else "content")
    if folder and Path(folder).is_dir():
        shutil.copytree(folder, target, symlinks=False)
    else:
        target.mkdir()
    return target


def sanitise(content) -> None:
    """Content is published under the same rule as data text: markup, never script. The
    HTML Markdown made of the body and the summary keeps the tags of a document (nh3's
    allow-list) and loses scripts, event handlers and `javascript:` links; the title and
    every other field are text, escaped by the templates."""
    import nh3

    if content._content:
        content._content = nh3.clean(content._content, link_rel=None)
    if "summary" in content.metadata:  # Pelican keeps it twice, and writes one back over the other
        content.metadata["summary"] = content._summary = nh3.clean(content.metadata["summary"], link_rel=None)
