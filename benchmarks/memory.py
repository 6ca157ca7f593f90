"""The memory of builds, all their processes together: run beside `invoke bench` as
`python benchmarks/memory.py build_once.py OUT.log SECONDS`. Twice a second it adds up
the proportional set (Pss, each shared page counted once across the processes that
share it) of every process whose command line holds the pattern and of all their
descendants, and writes the time, the number of processes, the total and the peak so
far. A process's own peak (`invoke bench`'s "peak memory") says less: a build runs
worker processes beside it."""

from __future__ import annotations

import os
import sys
import time


def processes() -> dict[int, tuple[int, str]]:
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            command = open(f"/proc/{pid}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace")
            parent = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        found[int(pid)] = (parent, command)
    return found


def tree(found: dict[int, tuple[int, str]], pattern: str) -> set[int]:
    members = {pid for pid, (_, command) in found.items() if pattern in command and __file__ not in command}
    grown = True
    while grown:
        added = {pid for pid, (parent, _) in found.items() if parent in members} - members
        members |= added
        grown = bool(added)
    return members


def pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            return next((int(line.split()[1]) for line in rollup if line.startswith("Pss:")), 0)
    except OSError:
        return 0


def main(pattern: str, log: str, seconds: str) -> None:
    peak, end = 0, time.time() + float(seconds)
    with open(log, "w") as out:
        while time.time() < end:
            members = tree(processes(), pattern)
            total = sum(pss_kib(pid) for pid in members) // 1024
            peak = max(peak, total)
            print(f"{time.time():.0f} {len(members)} {total} MiB peak {peak}", file=out, flush=True)
            time.sleep(0.5)


if __name__ == "__main__":
    main(*sys.argv[1:4])
