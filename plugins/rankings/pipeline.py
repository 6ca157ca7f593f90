"""The data's way into a build: read, then score. What `invoke check` runs, and what
every build starts from (build.py); translating, cataloguing, rendering and writing
follow in each language's pass (glue/generator.py)."""

from __future__ import annotations

from pathlib import Path

from .data.loader import read
from .data.model import Portal
from .rules.scoring import score
from .site.addresses import Urls


def load(folder: str | Path, urls: Urls | None = None, drawable: frozenset[int] | None = None) -> Portal:
    """The folder's portal, read and scored now (each call reads the files as they are),
    or a DataError listing every problem of both. `urls`: the site's addresses (the
    default settings' unless given), whose own names no id may take; `drawable`: the
    characters the site's fonts draw, if a text cell may hold no other."""
    return score(read(folder, (urls or Urls()).reserved(), drawable)).portal()
