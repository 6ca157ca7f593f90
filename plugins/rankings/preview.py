"""A live preview for the data officer: the site is built, served on this machine, built
again whenever a file of the data, the content or the theme changes, and the open page
reloads itself. While the data breaks a rule, every page shows the problems (file, row,
column, unit) instead of a site that no longer matches the data."""

from __future__ import annotations

import functools
import html
import http.server
import json
import sys
import threading
import urllib.parse
from pathlib import Path

from .data.problems import DataError, printable

STATE = "/__xem-truoc__"  # the address the pages ask whether to reload
# Added to each page the preview serves (never to the built site): it asks four times a
# second which build is showing (a question to this machine), reloads when it is not the
# one the page was served from, and says so while the downloads and the search are still
# being made again (they are the previous build's until then).
RELOADER = f"""(function () {{
  var shown = Number(document.currentScript.getAttribute("data-version"));
  var note = document.createElement("p");
  note.setAttribute("role", "status");
  note.style.cssText = "position:fixed;bottom:0;left:0;margin:0;padding:.5em 1em;background:#1f1f1f;color:#fff;font:1rem sans-serif;z-index:9";
  note.textContent = "Trang này đã theo dữ liệu vừa lưu; đang dựng lại các tệp tải về (PDF, bảng tính, biểu đồ) và chỉ mục tìm kiếm…";
  setInterval(function () {{
    fetch("{STATE}").then(function (r) {{ return r.json(); }}).then(function (s) {{
      if (s.version !== shown) location.reload();
      else if (s.building !== note.isConnected) s.building ? document.body.appendChild(note) : note.remove();
    }}).catch(function () {{}});
  }}, 250);
}})();"""


def script(version: int) -> str:
    """The reloader, told which build the page shows (a build may end before it first asks)."""
    return f'<script src="{STATE}.js" data-version="{version}"></script>'


class Saved:
    """The data just saved, its pages made when asked for by the passes of the build being
    served (the same templates and charts): each page is the one the next build writes."""

    def __init__(self, portal, passes: dict):
        self._portal, self._passes = portal, passes
        self._sites: dict = {}  # language → its catalog of this data, made on its first page
        self._pages: dict[str, bytes | None] = {}  # address → the page, once made
        self._making = threading.Lock()  # one page at a time: they share the chart engine
        self.shown = threading.Event()  # a page was made: the reader has what they saved

    def page(self, path: str) -> bytes | None:
        """The page at `path` (an address on the preview's server), or None if there is none."""
        with self._making:
            if path not in self._pages:
                try:
                    self._pages[path] = self._made(urllib.parse.unquote(path).lstrip("/"))
                except Exception:  # the previous build's page meanwhile: the build that follows says what failed
                    self._pages[path] = None
        self.shown.set()
        return self._pages[path]

    def _made(self, below: str) -> bytes | None:
        default, *others = self._passes
        lang = next((lang for lang in others if below.startswith(f"{lang}/")), default)
        below = below if lang == default else below[len(lang) + 1 :]
        if lang not in self._sites:
            self._sites[lang] = self._passes[lang].remade(self._portal)
        made = self._sites[lang].page(below + "index.html" if below.endswith("/") or not below else below)
        return None if made is None else made.encode("utf-8")


class Preview:
    """The preview's state: which build is showing, the data's problems if any, and the
    data saved since that build, whose pages are made when asked for while the site is
    built again."""

    WAIT = 2.0  # seconds the site's build waits for the reader's page to be made first
    OPEN = 3  # the pages last served, taken to be open in a browser

    def __init__(self, build, check=None, data: Path | None = None):
        # `build(passes)` builds the site and leaves each language's pass in `passes`;
        # raises DataError on bad data. `check()` reads and checks the data alone: with it,
        # a save below `data` shows in the open page before the whole site is built again.
        self._build, self._check, self._data = build, check, data
        self.version = 0
        self.problems: list[str] = []
        self.building = False  # the site on disk is being built again (its downloads, its search)
        self.lock = threading.Lock()
        self._passes: dict = {}  # language → the pass that made the site being served
        self._saved: Saved | None = None
        self._served: dict[str, None] = {}  # the pages last served, the latest last

    @classmethod
    def of(cls, output: Path, data: Path, conf: Path, settings: dict | None = None, workers=None) -> Preview:
        """The preview of the site of `data` built into `output` with the settings file
        `conf` (`build.build_site`, with `settings` and a pool that outlives each build),
        each save to the data checked first as `invoke check` checks it."""
        from .build import build_site, check

        return cls(
            lambda passes: build_site(output, data, conf=conf, settings=settings, workers=workers, passes=passes),
            lambda: check(conf, data),
            data,
        )

    def rebuild(self, changed: set[Path] = frozenset()) -> None:
        """Build again; whatever stops the build is shown in the page, and the preview goes on
        watching (the next save may mend it). When only the data changed, the reader's page
        reloads at once, made from the saved data, and the site is built after it."""
        saved = None
        if changed and self._passes and self._check and all(self._is_data(p) for p in changed):
            try:
                saved = Saved(self._check(), self._passes)
            except DataError as error:  # the build would stop at the same check
                return self._show([str(p) for p in error.problems])
            except Exception:  # the build says it (the settings, the disk)
                pass
        if saved is not None:
            self._show([], saved, building=True)
            # The two would share the processor: the pages open in a browser come first,
            # made while it asks whether to reload; with none served yet, the first asked for.
            for path in self._open():
                saved.page(path)
            saved.shown.wait(self.WAIT)
        else:
            with self.lock:
                self.building = True
        passes: dict = {}
        try:
            self._build(passes)
            problems = []
        except DataError as error:
            problems = [str(p) for p in error.problems]
        except Exception as error:  # a setting, the output, the disk: said in the page, not a traceback
            problems = [f"{type(error).__name__}: {printable(str(error))}"]
            print(f"Bản dựng dừng: {problems[0]}", file=sys.stderr)
        # A page made from the saved data is the one just built: it need not reload.
        self._show(problems, again=saved is None or bool(problems))
        if passes and not problems:
            if not self._passes:
                next(iter(passes.values())).ready()
            self._passes = passes

    def _show(self, problems: list[str], saved: Saved | None = None, building=False, again=True) -> None:
        with self.lock:
            self.problems, self._saved, self.building = problems, saved, building
            self.version += again

    def served(self, path: str) -> None:
        """A page was served: it is open in a browser, which reloads it after a save."""
        with self.lock:
            self._served.pop(path, None)
            self._served[path] = None
            while len(self._served) > self.OPEN:
                self._served.pop(next(iter(self._served)))

    def _open(self) -> list[str]:
        with self.lock:
            return list(reversed(self._served))

    def _is_data(self, path: Path) -> bool:
        """A file the data is read from (not the announcements kept with it)."""
        if self._data is None:
            return False
        data, path = self._data.resolve(), path.resolve()
        return data in path.parents and data / "content" not in [path, *path.parents]

    def page(self, path: str) -> bytes | None:
        """The page at `path` made from the data just saved; None while the site on disk
        shows the data (or the data has no such page)."""
        with self.lock:
            saved = self._saved
        return None if saved is None else saved.page(path)

    def page_of_problems(self) -> bytes:
        items = "".join(f"<li>{html.escape(p)}</li>" for p in self.problems)
        return (
            f'<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>Dữ liệu có lỗi</title>"
            f'<body style="font-family:sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;overflow-wrap:anywhere">'
            f"<h1>Dữ liệu có {len(self.problems)} lỗi</h1><p>Trang sẽ tự tải lại khi tệp được sửa và lưu.</p>"
            f'<ol id="loi-du-lieu">{items}</ol>{script(self.version)}</body></html>'
        ).encode()


class Handler(http.server.SimpleHTTPRequestHandler):
    preview: Preview

    def log_message(self, format, *args):  # the terminal shows the builds, not every request
        pass

    def _refused(self) -> bool:
        """Only this machine's own names are answered (as Vite, webpack-dev-server and
        Jupyter do): a page elsewhere that points a name of its own at 127.0.0.1 (DNS
        rebinding) must not read the unpublished results. An address a file system cannot
        take (a null byte, a broken escape) is a bad request."""
        port = self.server.server_address[1]
        if self.headers.get("Host", "") not in {f"localhost:{port}", f"127.0.0.1:{port}"}:
            self.send_error(403, "Only localhost may read the preview")
            return True
        try:
            path = urllib.parse.unquote(self.path.split("?")[0], errors="strict")
        except UnicodeDecodeError:
            path = None
        if path is None or "\0" in path or not path.startswith("/"):
            self.send_error(400, "Malformed address")
            return True
        return False

    def do_HEAD(self):
        if not self._refused():
            super().do_HEAD()

    def do_GET(self):
        if self._refused():
            return
        if self.path == f"{STATE}.js":
            return self._send(RELOADER.encode("utf-8"), "text/javascript; charset=utf-8")
        if self.path == STATE:
            with self.preview.lock:
                body = json.dumps(
                    {
                        "version": self.preview.version,
                        "problems": len(self.preview.problems),
                        "building": self.preview.building,
                    }
                )
            return self._send(body.encode("utf-8"), "application/json")
        page = self.path.split("?")[0].split("#")[0]
        if page.endswith("/") or page.endswith(".html"):
            with self.preview.lock:
                version, problems = self.preview.version, bool(self.preview.problems)
                if problems:
                    return self._send(self.preview.page_of_problems(), "text/html; charset=utf-8")
            content = self.preview.page(page)
            target = Path(self.translate_path(page))
            target = target / "index.html" if target.is_dir() else target
            if content is None and target.is_file():
                content = target.read_bytes()
            if content is not None:
                self.preview.served(page)
                content = content.replace(b"</body>", script(version).encode("utf-8") + b"</body>", 1)
                return self._send(content, "text/html; charset=utf-8")
        return super().do_GET()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)


def server(preview: Preview, output: Path, port: int) -> http.server.ThreadingHTTPServer:
    """The preview's server on this machine's loopback, bound now: a busy or impossible
    port is an OSError before anything is built."""
    handler = type("PreviewHandler", (Handler,), {"preview": preview})
    return http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler, directory=str(output)))


def watch(preview: Preview, folders: list[Path], stop: threading.Event | None = None) -> None:
    """Build again after each change to a file below `folders` (until `stop` is set)."""
    from watchfiles import watch as changes

    for changed in changes(*[f for f in folders if f.exists()], stop_event=stop, debounce=400):
        preview.rebuild({Path(path) for _, path in changed})
