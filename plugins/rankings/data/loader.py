"""Loads a data folder (the data contract: one series, version 1, or a portal of several,
version 2) into a Portal, or raises DataError listing every broken rule."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from pathlib import Path

from ..rules.scoring import link_editions, score_edition
from .links import links_out
from .methodology import load_methodology
from .model import Dataset, Edition, Portal
from .portal import PortalFile, load_portal
from .problems import Problems, unit_named
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


def load(folder: str | Path, drawable: frozenset[int] | None = None) -> Portal:
    """The folder's portal, read and checked now: each call reads the files as they are,
    so one build reads them once and hands the result along. `drawable`: the characters
    the site's fonts draw, if a text cell may hold no other."""
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
    info = load_portal(folder, label_of(folder / "portal.toml"), problems) if several else None
    agencies = load_agencies(folder, label_of(folder / "agencies.csv"), problems)
    if several:
        datasets = {}
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
            datasets[sid] = _series(folder / sid, sid, agencies, label_of, problems, info.license)
    else:
        datasets = {"": _series(folder, "", agencies, label_of, problems, None)}
    problems.raise_if_any()
    if info is None:
        only = datasets[""].series
        info = PortalFile(only.title, only.publisher, [], only.titles, only.publishers, only.license)
    return Portal(
        title=info.title,
        publisher=info.publisher,
        agencies=agencies,
        series=datasets,
        titles=info.titles,
        publishers=info.publishers,
        license=info.license,
        warnings=sorted(problems.warnings),
    )


def _series(
    folder: Path, sid: str, agencies: dict, label_of, problems: Problems, license: str | None
) -> Dataset | None:
    """One series' folder: series.toml and its editions."""
    series = load_series(folder, label_of(folder / "series.toml"), problems)
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
        score_edition(
            edition,
            [b.id for b in series.blocs],
            problems,
            checked=not problems.since(mark),
            unit=lambda agency: unit_named(agencies[agency]),
        )
        editions[year] = edition
    if series is None:
        return None
    dataset = Dataset(
        series=replace(series, license=series.license or license), agencies=agencies, editions=editions, id=sid
    )
    link_editions(dataset)
    return dataset
