"""What a build tells the person who runs it: how far each long stage is (a progress bar
on a terminal, a line per stage otherwise) and, at the end, one line of what was built.
The generator reports through two loggers, so that a build run by a program (the tests,
the benchmark) shows nothing unless it asks."""

from __future__ import annotations

import logging
import sys
from contextlib import contextmanager

# Neither goes through Pelican's log: what they say is for whoever listens (the command
# line's bars and summary, the benchmark), not for every build's output.
STAGES = logging.getLogger("rankings.stages")  # "PDFs (vi): %d rendered, …" once a stage ends
STEPS = logging.getLogger("rankings.progress")  # (stage, done, total) as a stage goes
for _logger in (STAGES, STEPS):
    _logger.propagate = False
    _logger.setLevel(logging.INFO)


def step(stage: str, done: int, total: int) -> None:
    STEPS.info("%s: %d/%d", stage, done, total)


class Stages(logging.Handler):
    """Adds up the figures the generator logs for each stage ("PDFs (vi): 129 rendered, 0
    from the cache, 4.1 s"), over the passes of a build (one per language)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.seen: dict[str, list] = {}

    def emit(self, record):
        stage = record.msg.split(":", 1)[0].split(" (", 1)[0]  # "PDFs (en): …" adds to "PDFs"
        before = self.seen.get(stage, [0] * len(record.args))
        self.seen[stage] = [a + b for a, b in zip(before, record.args)]


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
    otherwise, as in a CI log), and its stages added up (yielded)."""
    terminal = sys.stderr.isatty() if terminal is None else terminal
    stages = Stages()
    if terminal:
        logger, told = STEPS, Bars()
    else:
        logger, told = STAGES, logging.StreamHandler(sys.stderr)
        told.setFormatter(logging.Formatter("  %(message)s"))
    STAGES.addHandler(stages)
    logger.addHandler(told)
    try:
        yield stages
    finally:
        STAGES.removeHandler(stages)
        logger.removeHandler(told)
        told.close()


def summary(portal, stages: Stages, seconds: float) -> str:
    """One line of what a build made."""
    editions = portal.editions()
    pages = stages.seen.get("pages", [0])[0]
    charts = sum(stages.seen.get("charts", [0, 0])[:2])
    pdfs = sum(stages.seen.get("PDFs", [0, 0])[:2])
    series = f"{len(portal.series)} chuỗi, " if portal.several else ""
    return (
        f"{series}{len(editions)} kỳ, {len(portal.agencies)} đơn vị: {pages} trang, {pdfs} tệp PDF, "
        f"{charts} biểu đồ, trong {seconds:.0f} giây"
    )
