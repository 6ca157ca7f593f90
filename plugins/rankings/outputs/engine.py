"""The one engine behind every rendered output (charts, PDFs, share images): each made
from an input by a module-level function, kept in a cache under a hash of the input's
key and of whatever else shapes the output (the salt), made only when missing, over all
cores when there are many, and copied to where the site wants it."""

from __future__ import annotations

import functools
import hashlib
import itertools
import multiprocessing
import multiprocessing.connection
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .files import write_atomically


@dataclass
class Engine:
    make: Callable[[Any], Sequence[bytes | str]]  # module-level (workers run it): one content per suffix
    key: Callable[[Any], str]  # the text that identifies an input's output
    folder: Path  # the cache
    salt: str  # changes whenever `make` would give other output for the same key
    suffixes: tuple[str, ...]
    pool_from: int  # fewer misses than this are made faster here than in fresh processes
    start: Callable[[], None] | None = None  # before making, in every process that makes (fonts); cached
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    rendered: int = 0  # counts, for the log and `invoke bench`
    cached: int = 0
    on_progress: Callable[[int, int], None] | None = None  # (made, to make) as the missing are made
    kind: Callable[[Any], str] | None = None  # what an input is ("trend", "map"), for `invoke bench`
    kinds: dict = field(default_factory=dict)  # kind → [made, seconds of making on any core, of them in the kernel]
    shared: Workers | None = None  # the build's pool, if it has one (else one per batch)
    # At most about this many characters of input made by one process before fresh ones
    # take over, in pools of the engine's own: for a library that keeps in memory all it
    # ever made (Typst), in proportion to what it was given.
    recycle: int | None = None

    def __post_init__(self):
        self.folder.mkdir(parents=True, exist_ok=True)

    def _paths(self, item) -> tuple[Path, ...]:
        name = hashlib.sha256((self.key(item) + self.salt).encode("utf-8")).hexdigest()
        return tuple(self.folder / f"{name}{suffix}" for suffix in self.suffixes)

    def prepare(self, items: Sequence) -> list[tuple[Path, ...]]:
        """The cached files of each item, in order, making those not there yet."""
        paths = [self._paths(item) for item in items]  # each key hashed once
        missing = {p: item for p, item in zip(paths, items) if not p[0].exists()}
        self.cached += len(paths) - len(missing)
        # The longest first (the longest input, the most marks or lines), so that no core
        # is left alone with a 63-line chart at the end.
        self._make(sorted(missing.items(), key=lambda m: -len(self.key(m[1]))))
        return paths

    def write_all(self, jobs: dict[Path, Any]) -> None:
        """Each target file from its input (the first of the files it makes), the longest
        made first (prepare)."""
        for target, paths in zip(jobs, self.prepare(list(jobs.values()))):
            _copy(paths[0], target)

    def write_each(self, jobs: Iterable[tuple[Path, Any]]) -> None:
        """Each target file from its input, the inputs taken as they come (the reports: too
        large to hold all at once, and each made while the next is written out): those in
        the cache are copied and let go, the others made as soon as there are enough of
        them for the workers, in the order they come."""
        targets: dict[tuple[Path, ...], list[Path]] = {}  # of the inputs being made

        def missing():
            for target, item in jobs:
                paths = self._paths(item)
                if paths in targets:  # the same input for another file: made once
                    targets[paths].append(target)
                elif paths[0].exists():
                    self.cached += 1
                    _copy(paths[0], target)
                else:
                    targets[paths] = [target]
                    yield paths, item

        def copied(paths: tuple[Path, ...]) -> None:
            for target in targets.pop(paths):
                _copy(paths[0], target)

        self._make(missing(), copied)

    def _make(self, missing: Iterable[tuple[tuple[Path, ...], Any]], then=lambda paths: None) -> None:
        """Each missing input made and kept in the cache, then `then` given its files. Held
        here until they are `pool_from`, or more than a worker may hold (`recycle`: a
        process keeps all it made), and made here if they stay fewer; else each handed to
        the workers as it comes."""
        missing, held, size = iter(missing), [], 0
        shared = self.shared if self.recycle is None else None
        pooled = shared is not None and shared.running
        for entry in () if pooled else missing:
            held.append(entry)
            size += len(self.key(entry[1]))
            if self.workers > 1 and (len(held) >= self.pool_from or (self.recycle is not None and size > self.recycle)):
                pooled = True
                break
        if not pooled:
            for done, (paths, item) in enumerate(held, start=1):
                self._kept(paths, item, _made(self.start, self.make, item), then)
                self._progress(done, len(held))
            return
        entries = itertools.chain(held, missing)
        if shared:
            self._pooled(shared.pool(), entries, then, 0)
            return
        if self.shared:  # its idle workers would hold their memory beside these
            self.shared.close()
        # Fresh processes for each `recycle` characters a worker (Python 3.11's own
        # max_tasks_per_child can hang the pool).
        done = 0
        for run in _runs(entries, lambda entry: len(self.key(entry[1])), self.workers * (self.recycle or 0)):
            with _pool(self.workers) as pool:
                done = self._pooled(pool, run, then, done)

    def _pooled(self, pool: ProcessPoolExecutor, entries: Iterable, then, before: int) -> int:
        """`entries` made by the pool's workers, each handed over as it comes: one input a
        task (no chunksize), as they differ in cost, and bundles would leave a core idle.
        How many are made by now."""
        order = []

        def inputs():
            for paths, item in entries:
                order.append((paths, item))
                yield item

        # map hands every input on as the stream gives it, then gives back what was made in order.
        made_all = pool.map(functools.partial(_made, self.start, self.make), inputs())
        for done, ((paths, item), result) in enumerate(zip(order, made_all), start=before + 1):
            self._kept(paths, item, result, then)
            self._progress(done, before + len(order))
        return before + len(order)

    def _kept(self, paths: tuple[Path, ...], item, result: tuple, then) -> None:
        made, *spent = result
        self._keep(paths, made)
        self._count(item, *spent)
        self.rendered += 1
        then(paths)

    def _count(self, item, seconds: float, kernel: float) -> None:
        if self.kind is not None:
            counted = self.kinds.setdefault(self.kind(item), [0, 0.0, 0.0])
            counted[0], counted[1], counted[2] = counted[0] + 1, counted[1] + seconds, counted[2] + kernel

    def _progress(self, done: int, total: int) -> None:
        if self.on_progress is not None:
            self.on_progress(done, total)

    @staticmethod
    def _keep(paths: tuple[Path, ...], made: Sequence[bytes | str]) -> None:
        # The first file last: once it is in the cache, all of them are.
        for path, content in reversed(list(zip(paths, made, strict=True))):
            write_atomically(path, content)


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _runs(items: Iterable, size: Callable[[Any], int], limit: int) -> Iterator[Iterator]:
    """`items` in order, in runs of at most `limit` in all by `size` (each run at least one
    item; all of them in one run if `limit` is 0), each taken as it comes: a run must be
    read to its end before the next is asked for."""
    items = iter(items)
    waiting = [next(items, _END)]  # the item that begins the next run

    def run() -> Iterator:
        total = 0
        while waiting[0] is not _END and (not total or not limit or total + size(waiting[0]) <= limit):
            item = waiting[0]
            total += size(item)
            waiting[0] = next(items, _END)
            yield item

    while waiting[0] is not _END:
        yield run()


_END = object()


def _made(start: Callable[[], None] | None, make: Callable, item) -> tuple[Sequence[bytes | str], float, float]:
    """What `make` made of `item`, the seconds it took where it ran, and the CPU seconds
    its process spent in the kernel meanwhile (for `invoke bench`: vl-convert 1.9 maps
    its font file again for each glyph it measures); `start` first (cached: once a process)."""
    if start:
        start()
    begun, kernel = time.perf_counter(), os.times().system
    made = make(item)
    return made, time.perf_counter() - begun, os.times().system - kernel


def _pool(workers: int) -> ProcessPoolExecutor:
    """Processes that did not fork from the build, which runs other libraries' threads
    (the chart engine's among them), and a fork copies their locks, not the threads."""
    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_start_worker)


# What the workers' outputs load, 0.8 s of imports a worker: a fork server loads them once
# a build and each worker starts as its copy. (Python 3.11's server does not take
# the build's module path, so the plugin's own modules cannot be among them.)
LIBRARIES = ("altair", "pandera.pandas", "vl_convert", "typst", "openpyxl", "PIL.Image", "fontTools.ttLib")


def _context() -> multiprocessing.context.BaseContext:
    if "forkserver" not in multiprocessing.get_all_start_methods():  # Windows
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(LIBRARIES))  # for the server this process starts first
    return context


def serve() -> None:
    """The fork server started, and loading the libraries, while the build does other
    things (reads its data): the first pool's workers then start from it at once."""
    if _context().get_start_method() == "forkserver":
        from multiprocessing import forkserver

        forkserver.ensure_running()


class Workers:
    """One pool of worker processes for a whole build, started when an engine first has
    enough to make: every stage of every language's pass then shares it (the PDFs, made
    in pools of their own, close it meanwhile), and a pass starts its workers at most once."""

    def __init__(self, count: int | None = None):
        self.count = count or os.cpu_count() or 1
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()  # the preview makes its pages beside its build

    @property
    def running(self) -> bool:
        return self._pool is not None

    def pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = _pool(self.count)
            return self._pool

    def warm(self, start: Callable[[], None]) -> None:
        """The workers started ahead of the work, each running `start` (readying the drawing
        libraries, 0.6 s) while the build does other things: then even a few outputs are
        made on every core."""
        pool = self.pool()
        for _ in range(self.count):
            pool.submit(start)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *_) -> None:
        self.close()

    def close(self) -> None:
        with self._lock:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None


def _start_worker() -> None:
    """A worker ends with the build that started it, however the build ends: an idle one
    would otherwise wait for work for ever after a kill. (Its parent is the fork server,
    which lasts while any worker does.)"""
    build = multiprocessing.parent_process()
    threading.Thread(target=_end_with, args=(build.sentinel,), daemon=True).start()


def _end_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # ready once the build's process has ended
    os._exit(1)


def salt(*parts: str, files: Sequence[Path] = ()) -> str:
    """A hash of the versions and files that shape an engine's output."""
    digest = hashlib.sha256("|".join(parts).encode())
    for path in sorted(files):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()
