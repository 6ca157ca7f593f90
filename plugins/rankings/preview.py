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
# second which build is showing (a question to this machine), and reloads when it is not
# the one the page was served from.
RELOADER = f"""(function () {{
  var shown = Number(document.currentScript.getAttribute("data-version"));
  setInterval(function () {{
    fetch("{STATE}").then(function (r) {{ return r.json(); }}).then(function (s) {{
      if (s.version !== shown) location.reload();
    }}).catch(function () {{}});
  }}, 250);
}})();"""


def script(version: int) -> str:
    """The reloader, told which build the page shows (a build may end before it first asks)."""
    return f'<script src="{STATE}.js" data-version="{version}"></script>'


class Preview:
    """The preview's state: which build is showing, and the data's problems, if any."""

    def __init__(self, build):
        self._build = build  # builds the site; raises DataError on bad data
        self.version = 0
        self.problems: list[str] = []
        self.lock = threading.Lock()

    def rebuild(self) -> None:
        """Build again; whatever stops the build is shown in the page, and the preview goes on
        watching (the next save may mend it)."""
        try:
            self._build()
            problems = []
        except DataError as error:
            problems = [str(p) for p in error.problems]
        except Exception as error:  # a setting, the output, the disk: said in the page, not a traceback
            problems = [f"{type(error).__name__}: {printable(str(error))}"]
            print(f"Bản dựng dừng: {problems[0]}", file=sys.stderr)
        with self.lock:
            self.problems, self.version = problems, self.version + 1

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
                body = json.dumps({"version": self.preview.version, "problems": len(self.preview.problems)})
            return self._send(body.encode("utf-8"), "application/json")
        page = self.path.split("?")[0].split("#")[0]
        if page.endswith("/") or page.endswith(".html"):
            with self.preview.lock:
                version, problems = self.preview.version, bool(self.preview.problems)
                if problems:
                    return self._send(self.preview.page_of_problems(), "text/html; charset=utf-8")
            target = Path(self.translate_path(page))
            target = target / "index.html" if target.is_dir() else target
            if target.is_file():
                content = target.read_bytes().replace(b"</body>", script(version).encode("utf-8") + b"</body>", 1)
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

    for _ in changes(*[f for f in folders if f.exists()], stop_event=stop, debounce=400):
        preview.rebuild()
