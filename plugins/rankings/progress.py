"""What a build tells the person who runs it: how far each long stage is (a progress bar
on a terminal, a line per stage otherwise) and, at the end, one line of what was built.
The generator reports progress through two loggers, so that a build run by a program
(the tests, the benchmark) shows nothing unless it asks; what each stage made is a value
(`Stats`), handed to each pass and back with the built site."""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from dataclasses import dataclass, field

# Neither goes through Pelican's log: what they say is for whoever listens (the command
# line's bars and summary, the benchmark), not for every build's output.
STAGES = logging.getLogger("rankings.stages")  # "PDFs (vi): %d rendered, …" once a stage ends
STEPS = logging.getLogger("rankings.progress")  # (stage, done, total) as a stage goes
for _logger in (STAGES, STEPS):
    _logger.propagate = False
    _logger.setLevel(logging.INFO)


def step(stage: str, done: int, total: int) -> None:
    STEPS.info("%s: %d/%d", stage, done, total)


@dataclass
class Stage:
    made: int = 0  # rendered or written in this build
    cached: int = 0  # taken from the cache
    seconds: float = 0.0
    kernel: float = 0.0  # of a kind's seconds, those its processes spent in the kernel


@dataclass
class Stats:
    """What a build made, stage by stage ("pages", "charts", "PDFs", "cards"), added up
    over its passes (one per language)."""

    stages: dict[str, Stage] = field(default_factory=dict)
    passes: dict[str, Stage] = field(default_factory=dict)  # "charts (vi)": a stage in one language's pass
    kinds: dict[str, Stage] = field(default_factory=dict)  # "charts: map": what each kind cost to make

    def add(self, name: str, made: int, cached: int, seconds: float, lang: str = "", kinds: dict | None = None) -> None:
        for table, key in ((self.stages, name), (self.passes, f"{name} ({lang})")):
            stage = table.setdefault(key, Stage())
            stage.made, stage.cached, stage.seconds = stage.made + made, stage.cached + cached, stage.seconds + seconds
        for kind, (count, spent, kernel) in (kinds or {}).items():
            stage = self.kinds.setdefault(f"{name}: {kind}", Stage())
            stage.made, stage.seconds, stage.kernel = stage.made + count, stage.seconds + spent, stage.kernel + kernel

    def count(self, name: str) -> int:
        """Files of a stage in the site, made now or taken from the cache."""
        stage = self.stages.get(name, Stage())
        return stage.made + stage.cached


class Bars(logging.Handler):
    """A bar per stage (rich), for a terminal."""

    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        super().__init__(logging.INFO)
        self.tasks: dict[str, int] = {}
        self.bars = Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), transient=True
        )
        self.bars.start()

    def emit(self, record):
        stage, done, total = record.args
        if stage not in self.tasks:
            self.tasks[stage] = self.bars.add_task(stage, total=total)
        self.bars.update(self.tasks[stage], completed=done)

    def close(self):
        self.bars.stop()
        super().close()


@contextmanager
def shown(terminal: bool | None = None):
    """While a build runs: its progress on stderr (bars on a terminal, a line per stage
    otherwise, as in a CI log)."""
    terminal = sys.stderr.isatty() if terminal is None else terminal
    if terminal:
        logger, handler = STEPS, Bars()
    else:
        logger, handler = STAGES, logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("  %(message)s"))
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        handler.close()


def summary(portal, stats: Stats, seconds: float) -> str:
    """One line of what a build made (and carried unchanged from the previous one)."""
    editions = portal.editions()
    pages, charts, pdfs = stats.count("pages"), stats.count("charts"), stats.count("PDFs")
    series = f"{len(portal.series)} chuỗi, " if portal.several else ""
    made = f"{pages} trang, {pdfs} tệp PDF, {charts} biểu đồ" if pages else "không trang nào phải dựng lại"
    carried = stats.count("carried")
    kept = f" (giữ nguyên {carried} tệp của bản dựng trước, vì dữ liệu và mã không đổi)" if carried else ""
    return f"{series}{len(editions)} kỳ, {len(portal.agencies)} đơn vị: {made}{kept}, trong {seconds:.0f} giây"
