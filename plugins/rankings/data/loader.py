"""Reads a data folder (the data contract: one series, version 1, or a portal of several,
version 2) into a Reading: the portal's parts, not yet scored, and every problem found.
rules/scoring.py scores it; rankings/pipeline.py puts the two together."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from .cells import ReservedNames
from .links import links_out
from .methodology import load_methodology
from .model import Dataset, Edition, Portal
from .portal import PortalFile, load_portal
from .problems import Problems
from .registry import load_agencies, load_series
from .results import load_results

YEARS = range(1990, 2100)  # an edition's year: four ASCII digits, in this range
_YEAR = re.compile(r"[0-9]{4}")


def _year_folders(folder: Path, label_of, problems: Problems) -> list[Path]:
    """The edition folders. One whose name looks like a year and is not one (２０１９ in
    full-width digits, which would silently stand for 2019; 0999; 20200) is reported."""
    found = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        if _YEAR.fullmatch(path.name) and int(path.name) in YEARS:
            found.append(path)
        elif re.search(r"\d{3}", unicodedata.normalize("NFKC", path.name)):
            problems.add(
                label_of(path),
                None,
                None,
                f"thư mục «{path.name}» trông như một kỳ đánh giá nhưng tên không phải là một năm: tên thư mục "
                f"của mỗi kỳ là năm gồm 4 chữ số 0–9, từ {YEARS[0]} đến {YEARS[-1]} (ví dụ 2019)",
            )
    return found


@dataclass
class Reading:
    """A data folder as read: its portal's parts, the problems found so far, and each
    edition to score with whether every row of its results was read (a dropped row would
    make the others' ranks disagree)."""

    info: PortalFile | None
    agencies: dict
    problems: Problems
    reserved: ReservedNames
    datasets: dict[str, Dataset | None] = field(default_factory=dict)
    unscored: list[tuple[Edition, tuple[str, ...], bool]] = field(default_factory=list)

    def portal(self) -> Portal:
        """The portal, once scored; a DataError with every problem of reading and scoring."""
        self.problems.raise_if_any()
        info = self.info
        if info is None:
            only = self.datasets[""].series
            info = PortalFile(only.title, only.publisher, [], only.titles, only.publishers, only.license)
        return Portal(
            title=info.title,
            publisher=info.publisher,
            agencies=self.agencies,
            series=self.datasets,
            titles=info.titles,
            publishers=info.publishers,
            license=info.license,
            warnings=sorted(self.problems.warnings),
        )


def read(folder: str | Path, reserved: ReservedNames, drawable: frozenset[int] | None = None) -> Reading:
    """The folder as it is now: each call reads the files again. `reserved`: the names
    the site's addresses keep (site/addresses.py); `drawable`: the characters the site's
    fonts draw, if a text cell may hold no other."""
    folder = Path(folder).resolve()
    problems = Problems(drawable=drawable)

    def label_of(path: Path) -> str:
        return path.relative_to(folder.parent).as_posix()

    if not folder.is_dir():
        problems.add(str(folder), None, None, "không có thư mục dữ liệu này")
        problems.raise_if_any()
    links_out(folder, label_of, problems)
    problems.raise_if_any()  # nothing is read through a link that leaves the folder
    several = (folder / "portal.toml").is_file()
    if several and (folder / "series.toml").is_file():
        problems.add(
            label_of(folder / "portal.toml"),
            None,
            None,
            "thư mục có cả series.toml (một chuỗi) và portal.toml (nhiều chuỗi); hãy giữ một trong hai",
        )
        problems.raise_if_any()
    if not several and not (folder / "series.toml").is_file():
        problems.add(
            label_of(folder / "series.toml"),
            None,
            None,
            "không có tệp series.toml (một chuỗi xếp hạng) hay portal.toml (cổng nhiều chuỗi)",
        )
        problems.raise_if_any()
    info = load_portal(folder, label_of(folder / "portal.toml"), problems, reserved) if several else None
    agencies = load_agencies(folder, label_of(folder / "agencies.csv"), problems)
    reading = Reading(info, agencies, problems, reserved)
    if several:
        # A series without its folder is reported once, in portal.toml.
        for sid in [sid for sid in info.series if (folder / sid).is_dir()] if info else []:
            if (folder / sid / "agencies.csv").is_file():
                problems.add(
                    label_of(folder / sid / "agencies.csv"),
                    None,
                    None,
                    "các chuỗi dùng chung một agencies.csv ở thư mục gốc của cổng; hãy chuyển các dòng "
                    "của tệp này vào đó",
                )
            reading.datasets[sid] = _series(folder / sid, sid, label_of, reading)
    else:
        reading.datasets[""] = _series(folder, "", label_of, reading)
    return reading


def _series(folder: Path, sid: str, label_of, reading: Reading) -> Dataset | None:
    """One series' folder: series.toml and its editions, each noted to be scored."""
    problems, agencies = reading.problems, reading.agencies
    license = reading.info.license if reading.info else None
    series = load_series(folder, label_of(folder / "series.toml"), problems, reading.reserved, agencies)
    editions: dict[int, Edition] = {}
    years = _year_folders(folder, label_of, problems)
    if not years:
        problems.add(label_of(folder), None, None, "không có kỳ đánh giá nào (thư mục <năm>/, ví dụ 2019/)")
    for year_folder in years:
        year = int(year_folder.name)
        bloc_ids = {b.id for b in series.blocs} if series else None  # None: not known
        methodology = load_methodology(
            year_folder, label_of(year_folder / "methodology.toml"), bloc_ids, year, problems
        )
        if methodology is None or series is None:
            continue
        if methodology.publisher is None:  # the series' unless the edition names its own
            methodology = replace(methodology, publisher=series.publisher, publishers=series.publishers)
        mark = problems.mark()
        loaded = load_results(year_folder, label_of, year, methodology, series, agencies, problems)
        if loaded is None:
            continue
        results, results_label = loaded
        edition = Edition(
            year=year,
            methodology=methodology,
            results=results,
            results_file=results_label,
            folder=str(year_folder),
            series=sid,
        )
        reading.unscored.append((edition, tuple(b.id for b in series.blocs), not problems.since(mark)))
        editions[year] = edition
    if series is None:
        return None
    return Dataset(
        series=replace(series, license=series.license or license), agencies=agencies, editions=editions, id=sid
    )
