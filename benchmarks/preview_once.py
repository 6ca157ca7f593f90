"""What `invoke preview` does after a save, in a process of its own, for `invoke bench`:
the preview's first build, then one score corrected and the site rebuilt by the same
process with the same workers (as the preview keeps them), then a score broken and the
time until the problem is known. Prints its timings as JSON."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from benchmarks import workloads  # noqa: E402
from rankings.build import build_site  # noqa: E402
from rankings.data.problems import DataError  # noqa: E402
from rankings.outputs.engine import Workers  # noqa: E402


def main(data: str, output: str, cache: str) -> None:
    def build(workers):
        return build_site(output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": cache}, workers=workers)

    with Workers() as workers:
        build(workers)
        workloads.change_one_score(Path(data))
        start = time.perf_counter()
        build(workers)
        rebuilt = time.perf_counter() - start
        workloads.break_one_score(Path(data))
        start = time.perf_counter()
        try:
            build(workers)
        except DataError as error:
            problems = len(error.problems)
        shown = time.perf_counter() - start
    print(json.dumps({"rebuilt": rebuilt, "problems": problems, "problems_seconds": shown}))


if __name__ == "__main__":
    main(*sys.argv[1:4])
