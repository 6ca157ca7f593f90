"""Many files made from text (PDFs from HTML, PNGs from SVG): each kept in a cache under
a hash of its text and of whatever else shapes it (the salt), made only when missing,
over all cores when there are many, and copied to where the site wants it."""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from .files import write_atomically


@dataclass
class CachedBatch:
    make: Callable[[str], bytes]  # module-level, so that worker processes can run it
    cache_folder: Path
    salt: str  # changes whenever the output of `make` for the same text would
    suffix: str
    pool_from: int  # fewer misses than this are made faster here than in fresh processes
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    rendered: int = 0  # counts, for `invoke bench`
    cached: int = 0

    def __post_init__(self):
        self.cache_folder.mkdir(parents=True, exist_ok=True)

    def _cached(self, text: str) -> Path:
        return self.cache_folder / f"{hashlib.sha256((text + self.salt).encode()).hexdigest()}{self.suffix}"

    def write_all(self, jobs: dict[Path, str]) -> None:
        """Write each target file from its text; only what is not in the cache is made."""
        cached = {target: self._cached(text) for target, text in jobs.items()}  # hash each text once
        missing = {cached[target]: text for target, text in jobs.items() if not cached[target].exists()}
        self.cached += len(jobs) - len(missing)
        self.rendered += len(missing)
        if len(missing) >= self.pool_from and self.workers > 1:
            # Fresh processes: the build process runs other libraries' threads (the chart
            # engine's among them), and a fork copies their locks, not the threads. One
            # file at a time: files differ in cost (a bloc's PDF takes several unit PDFs'
            # time), and chunks would leave one core idle at the end.
            with ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                for path, made in zip(missing, pool.map(self.make, missing.values())):
                    write_atomically(path, made)
        else:
            for path, text in missing.items():
                write_atomically(path, self.make(text))
        for target, path in cached.items():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def salt(*parts: str, files: list[Path] = ()) -> str:
    """A hash of the versions and files that shape a batch's output."""
    digest = hashlib.sha256("|".join(parts).encode())
    for path in sorted(files):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
