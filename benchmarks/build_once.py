"""One build in a process of its own, for `invoke bench`: prints its timings as JSON."""

from __future__ import annotations

import json
import resource
import sys
import time
from multiprocessing import forkserver
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]

from rankings.build import build_site  # noqa: E402


def main(data: str, output: str, cache: str) -> None:
    start = time.perf_counter()
    built = build_site(output, data, conf=ROOT / "pelicanconf.py", settings={"CACHE_PATH": cache})
    seconds = time.perf_counter() - start
    # The workers are the fork server's children, reaped by it: once it has ended and been
    # reaped here (a private call of Python's, there for its own tests), their peaks count
    # in RUSAGE_CHILDREN.
    forkserver._forkserver._stop()
    stages = {name: [s.made, s.cached, s.seconds] for name, s in built.stats.stages.items()}
    passes = {name: [s.made, s.cached, s.seconds] for name, s in built.stats.passes.items()}
    kinds = {name: [s.made, s.seconds, s.kernel] for name, s in built.stats.kinds.items()}
    peak_kib = max(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    )
    print(
        json.dumps(
            {"seconds": seconds, "stages": stages, "passes": passes, "kinds": kinds, "peak_mib": peak_kib / 1024}
        )
    )


if __name__ == "__main__":
    main(*sys.argv[1:4])
