"""Rendering the generated pages over all cores. Pelican's writer still writes every page
(so its checks and the `content_written` signal, which the sitemap listens to, work as
for any page); only the templates are rendered beforehand, in forked processes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from dataclasses import dataclass

from pelican.utils import get_relative_path, path_to_url

POOL_FROM = 300  # fewer pages than this render faster here than through a pool

_jobs: list = []  # what the forked workers render, inherited from the parent


@dataclass
class Job:
    save_as: str
    template: object  # a Jinja template
    context: dict  # the site's context
    variables: dict  # the page's own
    relative_urls: bool

    def render(self) -> str:
        # The context Pelican's Writer.write_file gives a template.
        local = self.context.copy()
        local["localsiteurl"] = local.get("localsiteurl")
        if self.relative_urls:
            local["SITEURL"] = local["localsiteurl"] = root(self.save_as, True, "")
        if local["localsiteurl"]:  # summaries of articles make their links relative by it
            self.context["localsiteurl"] = local["localsiteurl"]
        local["output_file"] = self.save_as
        local.update(self.variables)
        return self.template.render(local)


def root(save_as: str, relative: bool, siteurl: str) -> str:
    """The site's root as a file written at `save_as` names it: "../.." where addresses
    are relative, else the site's address."""
    return path_to_url(get_relative_path(save_as)) if relative else siteurl


@dataclass(frozen=True)
class Rendered:
    """Stands in for a template whose output is already known."""

    html: str

    def render(self, *args, **kwargs) -> str:
        return self.html


def _render(index: int) -> str:
    return _jobs[index].render()


def render_all(jobs: list[Job], workers: int | None = None) -> Iterator[str]:
    """Each job's HTML, in order, as it is rendered: the caller writes each page before
    the next arrives (the scale workload's pages are 175 MB of HTML). Forked workers share
    the loaded data without copying it; they only run Jinja and Python, never the chart
    engine (whose threads a fork would not copy), which is why a fork is safe here."""
    workers = workers or os.cpu_count() or 1
    if len(jobs) < POOL_FROM or workers < 2:
        yield from (job.render() for job in jobs)
        return
    global _jobs
    _jobs = jobs
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            yield from pool.imap(_render, range(len(jobs)), chunksize=16)
    finally:
        _jobs = []
