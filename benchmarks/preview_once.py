"""What `invoke preview` does after a save, in a process of its own, for `invoke bench`: the
preview set up as the command sets it up (its build, its check, its server, its watcher),
then, as a data officer does, one score corrected with a page open, which asks the
preview four times a second whether to reload (as the page's script does) and then
loads itself again; the preview makes the pages it served last first. Timed from the save to the reloaded page's last byte: once with the
bloc's table open, once with the unit's page; then until the site on disk is built
again; then a score saved as text, until the page would show the problem. Prints its
timings as JSON."""

from __future__ import annotations

import json
import sys
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from benchmarks import workloads  # noqa: E402
from rankings import settings as config  # noqa: E402
from rankings.build import check, read_settings  # noqa: E402
from rankings.outputs.engine import Workers  # noqa: E402
from rankings.preview import STATE, Preview, server, watch  # noqa: E402

POLL = 0.25  # as the preview's script asks


def pages(data: Path, conf: Path) -> tuple[str, str]:
    """The bloc page and the unit page of the score each save changes (a first change, made
    before the preview starts)."""
    path, agency, bloc = workloads.change_one_score(data)
    urls = config.urls(read_settings(conf, data))
    editions = (e for dataset in check(conf, data).series.values() for e in dataset.editions.values())
    edition = next(e for e in editions if Path(e.folder) == path.parent)
    return "/" + urls.bloc(edition, bloc), "/" + urls.unit(agency)


def main(data: str, output: str, cache: str) -> None:
    data, conf = Path(data), ROOT / "pelicanconf.py"
    bloc, unit = pages(data, conf)
    with Workers() as workers:
        shown = Preview.of(Path(output), data, conf, {"CACHE_PATH": cache}, workers)
        shown.rebuild()
        httpd = server(shown, Path(output), 0)
        stop = threading.Event()
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        threading.Thread(target=watch, args=(shown, [data], stop), daemon=True).start()
        time.sleep(1)  # the watcher set up
        ask = f"http://127.0.0.1:{httpd.server_address[1]}"

        def state() -> dict:
            return json.loads(urllib.request.urlopen(ask + STATE).read())

        def saved_and_seen(save, page: str | None) -> tuple[float, float]:
            """Seconds from the save until the page has reloaded (or the problem is known),
            then until the site on disk is built again."""
            while state()["building"]:
                time.sleep(POLL)
            version = state()["version"]
            if page is not None:  # open in the browser
                urllib.request.urlopen(ask + page).read()
            start = time.perf_counter()
            save()
            while state()["version"] == version:
                time.sleep(POLL)
            if page is not None:
                urllib.request.urlopen(ask + page).read()
            seen = time.perf_counter() - start
            while state()["building"]:
                time.sleep(POLL)
            return seen, time.perf_counter() - start

        table, rebuilt = saved_and_seen(lambda: workloads.change_one_score(data), bloc)
        history, _ = saved_and_seen(lambda: workloads.change_one_score(data), unit)
        problem, _ = saved_and_seen(lambda: workloads.break_one_score(data), None)
        problems = state()["problems"]
        stop.set()
        httpd.shutdown()
    print(
        json.dumps(
            {
                "bloc_page": table,
                "unit_page": history,
                "rebuilt": rebuilt,
                "problems": problems,
                "problems_seconds": problem,
            }
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
