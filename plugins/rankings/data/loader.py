"""Loads a data folder (the data contract, version 1) into a Dataset, or raises
DataError listing every broken rule."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .methodology import load_methodology
from .model import Dataset, Edition
from .problems import Problems
from .registry import load_agencies, load_series
from .results import load_results
from ..rules.scoring import link_editions, score_edition


_last: tuple[tuple, Dataset] | None = None  # the last folder loaded, by its files' state


def load(folder: str | Path) -> Dataset:
    """The folder's dataset; read again only when a file in it has changed since the
    last load (a build reads it once for all its language passes)."""
    global _last
    folder = Path(folder).resolve()
    state = _state(folder)
    if _last is not None and _last[0] == state:
        return _last[1]
    dataset = _read(folder)
    _last = (state, dataset)
    return dataset


def _state(folder: Path) -> tuple:
    """Every file below the folder with its size and time of change."""
    if not folder.is_dir():
        return (str(folder),)
    files = (p for p in folder.rglob("*") if p.is_file())
    return (str(folder), *sorted((str(p), s.st_size, s.st_mtime_ns) for p in files for s in [p.stat()]))


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
            problems.add(label_of(path), None, None,
                         f"thư mục «{path.name}» trông như một kỳ đánh giá nhưng tên không phải là một năm: tên thư mục "
                         f"của mỗi kỳ là năm gồm 4 chữ số 0–9, từ {YEARS[0]} đến {YEARS[-1]} (ví dụ 2019)")
    return found


def _read(folder: Path) -> Dataset:
    problems = Problems()

    def label_of(path: Path) -> str:
        return path.relative_to(folder.parent).as_posix()

    if not folder.is_dir():
        problems.add(str(folder), None, None, "không có thư mục dữ liệu này")
        problems.raise_if_any()
    series = load_series(folder, label_of(folder / "series.toml"), problems)
    agencies = load_agencies(folder, label_of(folder / "agencies.csv"), problems)
    editions: dict[int, Edition] = {}
    years = _year_folders(folder, label_of, problems)
    if not years:
        problems.add(label_of(folder), None, None, "không có kỳ đánh giá nào (thư mục <năm>/, ví dụ 2019/)")
    for year_folder in years:
        year = int(year_folder.name)
        bloc_ids = {b.id for b in series.blocs} if series else None  # None: not known
        methodology = load_methodology(year_folder, label_of(year_folder / "methodology.toml"),
                                       bloc_ids, problems)
        if methodology is None or series is None:
            continue
        loaded = load_results(year_folder, label_of, year, methodology, series, agencies, problems)
        if loaded is None:
            continue
        results, results_label = loaded
        edition = Edition(year=year, methodology=methodology, results=results,
                          results_file=results_label, folder=str(year_folder))
        score_edition(edition, [b.id for b in series.blocs], problems)
        editions[year] = edition
    problems.raise_if_any()
    dataset = Dataset(series=series, agencies=agencies, editions=editions,
                      warnings=sorted(problems.warnings))
    link_editions(dataset)
    return dataset
