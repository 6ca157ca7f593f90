"""What a build carries from the site it replaces: a language's whole site, when all that
made it (the data, the content, the code and theme, the settings, the installed
packages) is what made the previous one, and the previous one's files are still as that
build left them. Carried files are hard links into the staged site, which is verified
and swapped in whole like any other; every other language's site is built again. The
record of what made a site is kept in the cache, under the site's folder: a site copied
elsewhere, or one a build did not finish recording, is built again in full."""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import os
import shutil
import sys
from pathlib import Path

from .outputs.files import write_atomically

# Settings that name a folder: what the folder holds is hashed (or is the output), not
# where it lies, so that a site carries across checkouts and staging folders.
FOLDERS = ("CACHE_PATH", "HERE", "OUTPUT_PATH", "PATH", "PLUGIN_PATHS", "RANKINGS_DATA", "THEME")
_SKIPPED = {"__pycache__", ".pytest_cache"}  # written by running the code, not part of it


def inputs(folders: list[Path], code: Path) -> str:
    """A hash of everything a build reads: each file below `folders` (the data, the
    content, the plugins, the theme), the Python files beside the settings file `code`,
    and the versions of Python and of every installed package."""
    digest = hashlib.sha256(sys.version.encode())
    packages = sorted(f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions())
    digest.update("\n".join(packages).encode())
    for root in [*folders, code.parent]:
        files = code.parent.glob("*.py") if root == code.parent else _files(root)
        for path in sorted(files):
            digest.update(f"\0{path.relative_to(root).as_posix()}\0".encode() + _bytes(path))
    return digest.hexdigest()


def _bytes(path: Path) -> bytes:
    """A file's bytes; a link that loops or leads nowhere is for the checks to name, after."""
    try:
        return path.read_bytes()
    except OSError as error:
        return f"\0{type(error).__name__}".encode()


def _files(root: Path):
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(s for s in subfolders if s not in _SKIPPED)
        yield from (Path(folder, name) for name in names if not name.endswith(".pyc"))


def pass_key(made_from: str, settings: dict, handed: tuple[str, ...]) -> str:
    """What makes one language's site: the build's inputs and the pass's settings, less
    the objects a build hands its passes (`handed`) and the folders' names."""
    shown = {k: v for k, v in settings.items() if k not in FOLDERS and k not in handed}
    text = json.dumps(shown, sort_keys=True, ensure_ascii=False, default=lambda value: type(value).__qualname__)
    return hashlib.sha256((made_from + text).encode()).hexdigest()


def files_digest(site: Path, skip: frozenset[str]) -> str:
    """A hash of a site as it stands: each file's path and bytes, but those of the top
    level names in `skip` (another language's site, the build's marker)."""
    digest = hashlib.sha256()
    for path in sorted(_site_files(site, skip)):
        digest.update(f"\0{path.relative_to(site).as_posix()}\0".encode() + path.read_bytes())
    return digest.hexdigest()


def _site_files(site: Path, skip: frozenset[str]):
    for top in site.iterdir():
        if top.name in skip:
            continue
        yield from (p for p in ([top] if top.is_file() else top.rglob("*")) if p.is_file())


def record_file(cache: Path, output: Path) -> Path:
    """Where the record of the site in `output` is kept."""
    return cache / f"{hashlib.sha256(str(output).encode()).hexdigest()}.json"


def previous(record: Path) -> dict:
    """What the build of the site recorded (language → its pass's key and files), or
    nothing where there is no readable record."""
    try:
        found = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def carried(record: dict | None, key: str, old: Path, skip: frozenset[str]) -> bool:
    """Whether the old site of a language may be carried: made from the same inputs and
    settings, and not changed since (a file edited or removed by hand is not carried on)."""
    return bool(record) and record.get("key") == key and old.is_dir() and record.get("files") == files_digest(old, skip)


def carry(old: Path, new: Path, skip: frozenset[str]) -> int:
    """The old site's files into the staged one, as hard links (copies where links cannot
    be made); the number of files."""
    count = 0
    for path in _site_files(old, skip):
        target = new / path.relative_to(old)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(path, target)
        except OSError:
            shutil.copy2(path, target)
        count += 1
    return count


def write(record: Path, made: dict) -> None:
    record.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(record, json.dumps(made, sort_keys=True, indent=1) + "\n")
