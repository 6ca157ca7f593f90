"""Tasks: invoke build | check | serve | test | publish | bench.

A build writes into a fresh folder beside the output and swaps it in only when it
succeeded, so a data error or a killed build never leaves a half-written site.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from invoke import task

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

from rankings.problems import DataError  # noqa: E402


def _settings(conf: str, data: str | None, output: Path):
    from pelican.settings import read_settings

    override = {"OUTPUT_PATH": str(output), "DELETE_OUTPUT_DIRECTORY": False}
    if data:
        override["RANKINGS_DATA"] = str(Path(data).resolve())
    return read_settings(str(HERE / conf), override=override)


def build_site(output: str | Path, data: str | None = None, conf: str = "pelicanconf.py") -> Path:
    """Build into a temporary sibling of ``output`` and swap it in; raise DataError on bad data."""
    from pelican import Pelican
    from pelican.log import init as init_logging

    # Warnings and errors only; an error Pelican merely logs still fails the build.
    init_logging(level=logging.WARNING, fatal="errors")
    output = Path(output).resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    try:
        pelican = Pelican(_settings(conf, data, staging))
        if "rankings" not in pelican.settings["PLUGINS"]:  # Pelican only logs a failed plugin
            raise RuntimeError("the rankings plugin could not be loaded; see the log above")
        pelican.run()
        retired = output.with_name(f".{output.name}.old")
        shutil.rmtree(retired, ignore_errors=True)
        if output.exists():
            os.rename(output, retired)
        os.rename(staging, output)
        shutil.rmtree(retired, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return output


def _report(error: DataError) -> None:
    print(error.report(), file=sys.stderr)
    print("Thư mục kết quả cũ được giữ nguyên.", file=sys.stderr)
    sys.exit(1)


@task(help={"data": "data folder (default: data/)", "output": "output folder (default: output/)"})
def build(c, data=None, output="output"):
    """Build the whole site from the data folder."""
    try:
        path = build_site(output, data)
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


@task(help={"data": "data folder (default: data/)", "output": "output folder (default: output/)"})
def publish(c, data=None, output="output"):
    """Build with publishconf.py (absolute addresses) for the web server."""
    try:
        path = build_site(output, data, conf="publishconf.py")
    except DataError as error:
        _report(error)
    print(f"Đã tạo bản phát hành tại {path}")
