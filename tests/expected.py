"""The fixture's expected output tree (tests/expected/basic): every page, CSV, JSON and
sitemap of a build, compared file by file as Pelican's functional tests do, so that any
change to what the site says shows up as a diff in review. `invoke expected-output`
writes it anew. Theme files, the search index, PDFs and images are left out: copies of
the sources, or binary (the byte-identical test covers those). A chart drawn inline is
kept as the hash of its SVG: what it shows is in its CSV beside the page, and a renderer's
upgrade changes one line per chart instead of rewriting every page."""

from __future__ import annotations

import difflib
import hashlib
import re
import shutil
from pathlib import Path

KINDS = (".html", ".csv", ".json", ".xml")
LEFT_OUT = ("pagefind", "theme")  # top-level folders of the site, in any language's site
CHART = re.compile(rb'<svg [^>]*class="marks".*?</svg>', re.S)  # a chart as vl-convert draws it


def _hashed(html: bytes) -> bytes:
    return CHART.sub(lambda m: b'<svg-sha256 value="%s"/>' % hashlib.sha256(m.group()).hexdigest().encode(), html)


def files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site)
        parts = relative.parts[1:] if relative.parts[0] == "en" else relative.parts
        if path.is_file() and path.suffix in KINDS and parts[0] not in LEFT_OUT:
            content = path.read_bytes()
            found[relative.as_posix()] = _hashed(content) if path.suffix == ".html" else content
    return found


def write_expected(site: Path, expected: Path) -> None:
    shutil.rmtree(expected, ignore_errors=True)
    for name, content in files(site).items():
        (expected / name).parent.mkdir(parents=True, exist_ok=True)
        (expected / name).write_bytes(content)


def differences(site: Path, expected: Path, most: int = 60) -> list[str]:
    """What differs, as a reviewer would read it: files missing or added, then a unified
    diff of each changed file (cut after `most` lines)."""
    built, wanted = files(site), files(expected)
    out = [f"missing: {name}" for name in sorted(set(wanted) - set(built))]
    out += [f"not expected: {name}" for name in sorted(set(built) - set(wanted))]
    for name in sorted(set(built) & set(wanted)):
        if built[name] != wanted[name]:
            diff = difflib.unified_diff(
                wanted[name].decode().replace("><", ">\n<").splitlines(),
                built[name].decode().replace("><", ">\n<").splitlines(),
                f"expected/{name}",
                f"built/{name}",
                lineterm="",
                n=1,
            )
            out += list(diff)
    return out[:most] + ([f"… and {len(out) - most} more lines"] if len(out) > most else [])
