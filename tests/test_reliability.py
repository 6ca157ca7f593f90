"""What a careless or hostile user can do to a build, and what the build does instead: it
replaces only its own output, no content file takes a ranking's address, one snapshot of
the data makes every page, text that renderers or terminals choke on is refused or made
plain, inputs are bounded, and the preview answers only its own user."""

from __future__ import annotations

import http.client
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import openpyxl
import pytest

from conftest import FIXTURE, ROOT, build, html, problems_of, text
from rankings import build as build_module
from rankings.build import MARKER, OutputError, check
from rankings.data import dialects
from rankings.data.new_edition import EditionError, lay_out
from rankings.data.problems import DataError, Problem
from rankings.pipeline import load
from rankings.preview import Preview, server
from rankings.settings import SettingsError

CONF = ROOT / "pelicanconf.py"


def invoke(*args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout
    )


def write_results(data: Path, year: str, text_: str) -> None:
    (data / year / "results.csv").write_text(text_, encoding="utf-8")


def with_name(data: Path, agency: str, name: str) -> None:
    path = data / "agencies.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    at = header.index("name")
    for i, line in enumerate(lines[1:], start=1):
        cells = line.split(",")
        if cells[0] == agency:
            cells[at] = f'"{name}"'
            lines[i] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# 1. A build replaces only what it made.


@pytest.mark.parametrize(
    "where",
    [
        "a folder of a user's files",
        "a plain file",
        "the plugin",
        "the theme",
        "the tests",
        ".git",
        "a folder inside the project",
    ],
)
def test_a_build_replaces_only_a_folder_a_build_made(tmp_path, where):
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "thesis.docx").write_bytes(b"years of work")
    (tmp_path / "notes.txt").write_text("a file", encoding="utf-8")
    output = {
        "a folder of a user's files": documents,
        "a plain file": tmp_path / "notes.txt",
        "the plugin": ROOT / "plugins" / "rankings",
        "the theme": ROOT / "theme",
        "the tests": ROOT / "tests",
        ".git": ROOT / ".git",
        "a folder inside the project": ROOT / "tests" / "not-yet-there",
    }[where]
    with pytest.raises(OutputError) as refused:
        build(output, FIXTURE)
    assert "\n" not in str(refused.value) and str(output) in str(refused.value)
    assert (documents / "thesis.docx").read_bytes() == b"years of work"
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "a file"
    assert (ROOT / "plugins" / "rankings" / "build.py").is_file() and not (ROOT / "tests" / "not-yet-there").exists()


def test_a_marker_never_makes_a_folder_the_build_reads_replaceable(data, tmp_path):
    (data / "content" / MARKER).write_text("", encoding="utf-8")  # left there by mistake, or on purpose
    with pytest.raises(OutputError):
        build(data / "content", data)
    assert (data / "content" / "articles" / "2019.md").is_file()


def test_an_empty_folder_or_a_previous_site_is_replaced(site, tmp_path):
    (tmp_path / "empty").mkdir()
    assert build(tmp_path / "empty", FIXTURE) == tmp_path / "empty"
    assert (tmp_path / "empty" / MARKER).is_file()


# 2. Content under the same law as data.


@pytest.mark.parametrize("save_as", ["2019//so/index.html", "2019/so/./index.html", "du-lieu/../2019/so/index.html"])
def test_no_content_file_can_write_over_a_ranking(data, tmp_path, save_as):
    (data / "content" / "pages" / "thay.md").write_text(
        f"Title: Thay\nSave_as: {save_as}\n\nBảng giả.\n", encoding="utf-8"
    )
    with pytest.raises(DataError) as caught:
        build(tmp_path / "out", data)
    assert [(p.file, p.column) for p in caught.value.problems] == [("content/pages/thay.md", "Save_as")]
    assert "«2019/so/index.html» trùng với một trang của cổng" in caught.value.problems[0].message
    assert not (tmp_path / "out").exists()


def test_check_reads_the_content_and_names_each_problem_by_file_and_field(data):
    articles = data / "content" / "articles"
    (articles / "khong-tieu-de.md").write_text("Date: 2020-03-15\n\nKhông có tiêu đề.\n", encoding="utf-8")
    (articles / "ngay-sai.md").write_text("Title: Ngày sai\nDate: 2025-02-30\n\nx\n", encoding="utf-8")
    (articles / "chuoi-sai.md").write_text("Title: Chuỗi\nDate: 2020-01-01\nSeries: khong-co\n\nx\n", encoding="utf-8")
    (articles / "ky-sai.md").write_text("Title: Kỳ\nDate: 2020-01-01\nEdition: 2031\n\nx\n", encoding="utf-8")
    (articles / "slug-sai.md").write_text("Title: Slug\nDate: 2020-01-01\nSlug: ../../etc\n\nx\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        check(CONF, data)
    assert [(p.file, p.row, p.column) for p in caught.value.problems] == [
        ("content/articles/chuoi-sai.md", 3, "Series"),
        ("content/articles/khong-tieu-de.md", None, "Title"),
        ("content/articles/ky-sai.md", 3, "Edition"),
        ("content/articles/ngay-sai.md", 2, "Date"),
        ("content/articles/slug-sai.md", 3, "Slug"),
    ]
    run = invoke("check", "--data", str(data))
    assert run.returncode == 1 and "Traceback" not in run.stderr and "content/articles/ngay-sai.md" in run.stderr


def test_script_in_an_articles_summary_and_body_never_runs(data, tmp_path):
    (data / "content" / "articles" / "2019.md").write_text(
        "Title: <script>alert('t')</script>Kết quả\nDate: 2020-03-15\nSlug: ket-qua-nam-2019\nEdition: 2019\n"
        "Summary: Tóm tắt <script>alert('s')</script><img src=x onerror=alert(1)>\nLang: vi\n\n"
        "Nội dung **đậm** <script>alert('b')</script> [liên kết](javascript:alert(2)) "
        '<a href="https://example.gov.vn/" onclick="alert(3)">nguồn</a>\n',
        encoding="utf-8",
    )
    site = build(tmp_path / "out", data)
    for page in ("tin-tuc/ket-qua-nam-2019/index.html", "tin-tuc/index.html", "2019/index.html"):
        raw = (site / page).read_text(encoding="utf-8")
        assert "<script>alert" not in raw and "onerror" not in raw and "onclick" not in raw, page
        assert "javascript:alert" not in raw, page
    article = html(site, "tin-tuc/ket-qua-nam-2019/")
    assert article.select_one("strong").get_text() == "đậm"  # a document's markup stays
    assert article.select_one("a[href='https://example.gov.vn/']") is not None
    assert "&lt;script&gt;alert(" in (site / "tin-tuc/ket-qua-nam-2019/index.html").read_text(encoding="utf-8")


# 3. One snapshot per build.


def test_a_file_saved_while_the_build_runs_never_makes_a_mixed_site(data, tmp_path, monkeypatch):
    run = build_module._run_pelican

    def save_between_the_passes(settings: dict) -> None:
        run(settings)
        results = data / "2019" / "results.csv"  # the officer saves a corrected score after the first pass
        results.write_text(
            results.read_text(encoding="utf-8").replace("so-tttt,so,,,28,", "so-tttt,so,,,8,"), encoding="utf-8"
        )

    monkeypatch.setattr(build_module, "_run_pelican", save_between_the_passes)
    site = build(tmp_path / "out", data)
    assert "so-tttt,so,,,8," in (data / "2019" / "results.csv").read_text(encoding="utf-8")  # it was saved
    vietnamese = text(html(site, "2019/so/").select_one("tr#so-tttt"))
    english = text(html(site, "en/2019/so/").select_one("tr#so-tttt"))
    assert "92,00" in vietnamese and "92.00" in english, (vietnamese, english)


def test_a_document_saved_while_the_build_runs_stops_it_and_keeps_the_site(data, site, tmp_path, monkeypatch):
    output = Path(shutil.copytree(site, tmp_path / "out"))
    run = build_module._run_pelican

    def save_between_the_passes(settings: dict) -> None:
        run(settings)
        (data / "2019" / "Báo cáo kết quả 2019.pdf").write_bytes(b"%PDF-1.4 a new version")

    monkeypatch.setattr(build_module, "_run_pelican", save_between_the_passes)
    with pytest.raises(OutputError) as stopped:
        build(output, data)
    assert "Báo cáo kết quả 2019.pdf" in str(stopped.value) and "thay đổi trong khi dựng" in str(stopped.value)
    assert (output / "2019" / "tai-lieu" / "Báo cáo kết quả 2019.pdf").read_bytes() == (
        site / "2019" / "tai-lieu" / "Báo cáo kết quả 2019.pdf"
    ).read_bytes()


# 4. Text fit for every renderer and terminal.


def test_a_vertical_tab_or_line_break_in_a_name_is_one_space(data):
    with_name(data, "so-tttt", "Sở Thông tin\vvà Truyền thông\u2028tỉnh")
    assert load(data).agencies["so-tttt"].name == "Sở Thông tin và Truyền thông tỉnh"


@pytest.mark.parametrize(
    "name, said",
    [
        ("Sở \x1b[2J\x1b[32mDữ liệu hợp lệ.", "ký tự điều khiển U+001B"),
        ("Sở \u202eTT&TT", "ký tự đổi chiều chữ U+202E"),
        ("Sở TT&TT 🙂", "«🙂» (U+1F642)"),
        ("𝐒ở TT&TT", "(U+1D412)"),
    ],
)
def test_text_no_renderer_takes_is_refused_at_its_cell_and_printed_escaped(data, name, said):
    with_name(data, "so-tttt", name)
    with pytest.raises(DataError) as caught:
        check(CONF, data)
    [problem] = caught.value.problems
    assert (problem.file, problem.column) == ("basic/agencies.csv", "name") and problem.row is not None
    assert said in problem.message
    if "\x1b" in name:  # on the officer's terminal: the escape sequence as its code, never run
        run = invoke("check", "--data", str(data))
        assert run.returncode == 1 and "\x1b" not in run.stderr and "U+001B" in run.stderr


# 5. Bounded inputs.


def test_a_workbook_of_too_many_rows_is_one_line_read_as_a_stream(data, monkeypatch):
    monkeypatch.setattr(dialects, "MAX_ROWS", 500)  # the rule, at a size a test writes in a moment
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["agency", "bloc", "score"])
    for _ in range(dialects.MAX_ROWS + 50):
        sheet.append(["so-tttt", "so", 1])
    (data / "2019" / "results.csv").unlink()
    book.save(data / "2019" / "results.xlsx")
    found = problems_of(data)
    assert [(p.file, p.row) for p in found] == [("basic/2019/results.xlsx", dialects.MAX_ROWS + 2)], found[:3]
    assert "hơn 500 dòng" in found[0].message


def test_a_workbook_that_inflates_is_refused_before_it_is_opened(data, monkeypatch):
    monkeypatch.setattr(dialects, "MAX_UNPACKED", 2**20)  # the rule, at a size a test writes in a moment
    (data / "2019" / "results.csv").unlink()
    with zipfile.ZipFile(data / "2019" / "results.xlsx", "w", zipfile.ZIP_DEFLATED) as bomb:
        bomb.writestr("xl/sharedStrings.xml", b"0" * (dialects.MAX_UNPACKED + 1))
    assert (data / "2019" / "results.xlsx").stat().st_size < 10_000
    [problem] = problems_of(data)
    assert problem.file == "basic/2019/results.xlsx" and "khi giải nén" in problem.message


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_one_cell_limit_for_csv_and_xlsx(data, suffix):
    note = "x" * (dialects.MAX_CELL + 1)
    (data / "2019" / "results.csv").unlink()
    if suffix == ".csv":
        write_results(data, "2019", f"agency,bloc,score,note\nso-tttt,so,92,{note}\n")
    else:  # openpyxl cuts what it writes at 32,767 characters; a crafted file is not cut
        book = openpyxl.Workbook()
        book.active.append(["agency", "bloc", "score", "note"])
        book.active.append(["so-tttt", "so", 92, "PLACEHOLDER"])
        book.save(data / "made.xlsx")
        with (
            zipfile.ZipFile(data / "made.xlsx") as made,
            zipfile.ZipFile(data / "2019" / "results.xlsx", "w", zipfile.ZIP_DEFLATED) as crafted,
        ):
            for part in made.infolist():
                crafted.writestr(part, made.read(part.filename).replace(b"PLACEHOLDER", note.encode()))
        (data / "made.xlsx").unlink()
    [problem] = problems_of(data)
    assert problem.file == f"basic/2019/results{suffix}" and problem.row == 2 and "32.767" in problem.message


def test_the_problem_list_is_capped_with_a_count_of_the_rest():
    error = DataError([Problem("a.csv", row, "score", "sai") for row in range(2, 352)])
    lines = error.report().splitlines()
    assert len(lines) == 102 and lines[0].startswith("Dữ liệu có 350 lỗi") and "250 lỗi khác" in lines[-1]


# 6. Files as they are.


def test_a_results_file_linked_from_outside_the_data_folder_is_refused(data, tmp_path):
    outside = tmp_path / "secret.csv"
    shutil.move(data / "2019" / "results.csv", outside)
    (data / "2019" / "results.csv").symlink_to(outside)
    [problem] = problems_of(data)
    assert problem.file == "basic/2019/results.csv" and "liên kết chỉ ra ngoài thư mục" in problem.message


def test_a_link_loop_in_the_content_is_refused_without_hanging(data, tmp_path):
    (data / "content" / "pages" / "vong").symlink_to(data / "content")
    (data / "content" / "a").symlink_to(data / "content" / "b")
    (data / "content" / "b").symlink_to(data / "content" / "a")
    start = time.monotonic()
    with pytest.raises(DataError) as caught:
        build(tmp_path / "out", data)
    assert time.monotonic() - start < 30
    # The content here is inside the data folder, so the data's own check finds them first.
    assert sorted(p.file for p in caught.value.problems) == [
        "basic/content/a",
        "basic/content/b",
        "basic/content/pages/vong",
    ]
    assert all("liên kết vòng" in p.message for p in caught.value.problems)


# 7. A preview only its user reads.


@pytest.fixture
def preview(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html><body>kết quả chưa công bố</body></html>", encoding="utf-8")
    calls = []

    def fails_once(passes):
        calls.append(1)
        if len(calls) == 1:
            raise OSError(28, "No space left on device")

    shown = Preview(fails_once)
    httpd = server(shown, tmp_path / "site", 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield shown, httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


def ask(port: int, path: str = "/", host: str | None = None) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host or f"127.0.0.1:{port}")
    connection.endheaders()
    answer = connection.getresponse()
    return answer.status, answer.read().decode("utf-8", "replace")


def test_the_preview_answers_only_its_own_host_names(preview):
    shown, port = preview
    shown.rebuild(), shown.rebuild()
    assert ask(port, "/", f"localhost:{port}")[0] == 200 and ask(port, "/")[0] == 200
    for host in ("evil.example:80", f"evil.example:{port}", "localhost", f"127.0.0.1.evil.example:{port}"):
        status, body = ask(port, "/", host)
        assert status == 403 and "chưa công bố" not in body, host


@pytest.mark.parametrize("path", ["/%00", "/index.html%00.html", "/%ff%fe/", "index.html"])
def test_a_malformed_address_is_a_bad_request(preview, path):
    status, _ = ask(preview[1], path)
    assert status == 400


def test_a_failed_build_is_shown_in_the_page_and_the_preview_goes_on(preview):
    shown, port = preview
    shown.rebuild()  # the disk is full
    status, body = ask(port, "/")
    assert status == 200 and "No space left on device" in body and "loi-du-lieu" in body
    shown.rebuild()  # mended: the site again
    assert "kết quả chưa công bố" in ask(port, "/")[1]


class Pass:
    """Stands in for a language's pass of a build: pages of other data, made when asked."""

    def __init__(self, lang: str, made: list):
        self.lang, self.made = lang, made

    def ready(self):
        pass

    def remade(self, portal):
        return self

    def page(self, save_as: str):
        self.made.append((self.lang, save_as))
        if save_as == "loi.html":
            raise ValueError("a template that fails")
        return f"<html><body>{self.lang} {save_as}</body></html>" if save_as != "none.html" else None


def test_a_saved_score_reloads_the_page_once_made_before_the_site_is_built(tmp_path):
    """Only the data changed: its check, then the reader's page made from it (by the
    language's pass, under its address there; a page served before, at once), then the
    site built again, without a second reload. A change to the content, or the data's
    problems, take the way they always did."""
    data, made, events = tmp_path / "data", [], []

    def build(passes):
        events.append(("build", list(made)))
        passes.update(vi=Pass("vi", made), en=Pass("en", made))

    def check():
        events.append(("check", None))
        if (data / "broken").exists():
            raise DataError([Problem("basic/2019/results.csv", 9, "score", "«huyen-b»: không phải là số")])
        return "portal"

    shown = Preview(build, check, data)
    shown.rebuild()
    assert shown.version == 1 and events == [("build", [])] and shown.page("/") is None
    running = threading.Thread(target=shown.rebuild, args=({data / "2019" / "results.csv"},))
    running.start()
    while shown.version == 1:
        time.sleep(0.01)
    assert shown.building and shown.page("/en/2019/huyen/") == b"<html><body>en 2019/huyen/index.html</body></html>"
    assert shown.page("/none.html") is None and shown.page("/loi.html") is None  # the page on disk, if any
    running.join()
    asked = [("en", "2019/huyen/index.html"), ("vi", "none.html"), ("vi", "loi.html")]
    assert events[1:] == [("check", None), ("build", asked)]
    assert shown.version == 2 and not shown.building and shown.page("/") is None  # the site on disk again

    shown.served("/2019/so/")  # open in a browser: made before the build, unasked
    shown.rebuild({data / "2019" / "results.csv"})
    assert events[-1] == ("build", [*events[2][1], ("vi", "2019/so/index.html")]) and shown.version == 3

    shown.rebuild({data / "content" / "tin.md"})  # announcements kept with the data: built as before
    assert shown.version == 4 and events[-1][0] == "build" and events[-2][0] == "build"
    (data / "broken").mkdir(parents=True)
    shown.rebuild({data / "2019" / "results.csv"})
    assert shown.version == 5 and events[-1] == ("check", None) and "dòng 9" in shown.problems[0]
    assert shown.page_of_problems().count(b"<li>") == 1


def test_a_busy_port_is_one_line_before_any_build():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        start = time.monotonic()
        run = invoke("preview", "--port", str(taken.getsockname()[1]), "--output", "/nonexistent/never-built")
    assert run.returncode == 1 and run.stderr.startswith("Không mở được cổng") and "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and time.monotonic() - start < 20


# 8. The other commands.


def test_serve_takes_any_folder_name_as_one_argument(site, tmp_path):
    folder = Path(shutil.copytree(site, tmp_path / "a b; touch pwned"))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    served = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "invoke",
            "--search-root",
            str(ROOT),
            "serve",
            "--port",
            str(port),
            "--output",
            str(folder),
        ],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                status, body = ask(port, "/")
                break
            except OSError:
                time.sleep(0.2)
        assert status == 200 and "<html" in body
    finally:
        os.killpg(served.pid, 15)
        served.wait(10)
    assert not (tmp_path / "pwned").exists()


@pytest.mark.parametrize("url", ["javascript:alert(1)", "xephang.gov.vn", 'https://x.gov.vn/"><script>'])
def test_siteurl_must_be_an_http_address(tmp_path, url):
    with pytest.raises(SettingsError) as refused:
        build(tmp_path / "out", FIXTURE, SITEURL=url)
    assert "SITEURL" in str(refused.value)


def test_an_empty_data_argument_is_an_error(tmp_path):
    run = invoke("build", "--data", "", "--output", str(tmp_path / "out"))
    assert run.returncode == 1 and "--data" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("year", ["10000", "2100", "2O25", "２０２２", "2030"])
def test_new_edition_takes_a_year_near_the_latest(data, year):
    with pytest.raises(EditionError):
        lay_out(load(data), data, year)
    assert sorted(p.name for p in data.iterdir() if p.is_dir()) == ["2019", "2020", "2021", "content"]
    if year == "2O25":  # from the command line: one line, no traceback
        run = invoke("new-edition", year, "--data", str(data))
        assert run.returncode == 1 and run.stderr.startswith("Không tạo kỳ mới") and "Traceback" not in run.stderr


def test_new_edition_writes_formula_like_names_as_text(data):
    methodology = data / "2021" / "methodology.toml"
    methodology.write_text(
        methodology.read_text(encoding="utf-8") + '\n[[tiers]]\nname = "=HYPERLINK(\\"http://x\\",'
        '\\"Tốt\\")"\nmin = 0\n',
        encoding="utf-8",
    )
    [_, workbook] = lay_out(load(data), data, "2022")
    with zipfile.ZipFile(workbook) as parts:
        sheets = b"".join(parts.read(n) for n in parts.namelist() if n.startswith("xl/worksheets/"))
    assert b"<f>" not in sheets  # no formula anywhere
    values = [c for row in openpyxl.load_workbook(workbook)["Danh sách"].iter_rows(values_only=True) for c in row]
    assert '=HYPERLINK("http://x","Tốt")' in values


@pytest.mark.slow
def test_a_check_of_the_largest_workbook_the_limits_allow_is_bounded(data, tmp_path):
    """The figures for the note: time and peak memory of checking MAX_ROWS rows of XLSX."""
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["agency", "bloc", "score", "note"])
    for i in range(dialects.MAX_ROWS):
        sheet.append([f"don-vi-{i}", "so", 50, "ghi chú " * 20])
    book.save(tmp_path / "big.xlsx")
    script = (
        f"import resource, sys, time; sys.path.insert(0, {str(ROOT / 'plugins')!r}); "
        "from rankings.data.dialects import read_table; from rankings.data.problems import Problems; "
        "from pathlib import Path; t = time.perf_counter(); "
        f"table = read_table(Path({str(tmp_path / 'big.xlsx')!r}), 'big.xlsx', Problems()); "
        "print(len(table.frame), time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)"
    )
    rows, seconds, mib = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    print(f"checking {rows} XLSX rows: {float(seconds):.1f} s, peak {mib} MiB")
    assert int(rows) == dialects.MAX_ROWS and int(mib) < 1024


def shown_years(svg: str) -> list[float]:
    """Where the year labels a reader sees stand across the chart (hidden ones have opacity 0)."""
    import re

    tags = re.findall(r"<text[^>]*>(?:19|20)\d\d</text>", svg)
    return sorted({float(re.search(r"translate\(([\d.]+),", tag).group(1)) for tag in tags if 'opacity="0"' not in tag})


@pytest.mark.slow
def test_large_blocs_and_long_series_draw(tmp_path):
    """A province ranking its 2,000 communes, and a series of 60 editions: each chart of a
    bloc or a unit draws, and no year label prints over another."""
    from benchmarks import workloads
    from rankings.outputs import chart_svg
    from rankings.outputs.charts import page_charts
    from rankings.outputs.fonts import register
    from rankings.site.addresses import Urls
    from rankings.site.catalog import catalog
    from rankings.site.i18n import Language

    fonts = str(ROOT / "theme" / "static" / "fonts" / "ttf")
    register(fonts)
    drawn = {}
    for name, (editions, units) in {"communes": (1, 2000), "long": (60, 5)}.items():
        workloads.WORKLOADS[name] = (editions, {"xa": units}, False)
        try:
            folder = workloads.write(tmp_path / name, name)
        finally:
            del workloads.WORKLOADS[name]
        made = catalog(load(folder), "vi", Language(), Urls(), charts=page_charts)
        for page in made.pages:
            for chart in page.charts:
                kind = chart.draw.__module__.rsplit(".", 1)[-1]
                if (name, kind) not in drawn and (kind != "bump" or page.url.startswith("2059/")):
                    drawn[name, kind] = chart_svg._render(chart, "vi", (fonts,))[0]
    assert {k for n, k in drawn if n == "communes"} >= {"scores", "tiers", "trend"}
    assert drawn["communes", "scores"].count("<path") >= 2000  # a bar for every commune
    for kind in ("trend", "bump"):
        years = shown_years(drawn["long", kind])
        assert 5 <= len(years) < 60, (kind, years)
        assert min(b - a for a, b in zip(years, years[1:])) >= 30, (kind, years)  # "2019" is about 28 px wide
