"""Generated data folders for benchmarks. Invented figures, marked as such on every page."""

from __future__ import annotations

import csv
import random
import shutil
from pathlib import Path

CRITERIA = ["ha-tang", "ung-dung", "cong-thong-tin", "dich-vu-cong", "co-che", "nhan-luc"]
WORKLOADS = {
    # name: (editions, units per bloc, whether the series has English names and so an English site)
    "national": (12, {"bo": 22, "co-quan-cp": 8, "tinh": 63}, True),
    "scale": (20, {"so": 240, "huyen": 230, "xa": 230}, False),  # a province's own ranking, in Vietnamese
}


EMBEDDED = "embedded"  # the portal's own data/, as the data officer builds it


def write(folder: Path, name: str, seed: int = 2026) -> Path:
    """Write the workload `name` into `folder` and return it."""
    if name == EMBEDDED:
        return Path(shutil.copytree(Path(__file__).resolve().parents[1] / "data", folder))
    editions, blocs, english = WORKLOADS[name]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    lines = [
        f'title = "Dữ liệu sinh cho đo hiệu năng ({name})"',
        'publisher = "Bộ đo hiệu năng"',
        'notice = "Dữ liệu sinh ngẫu nhiên để đo tốc độ; không phải kết quả thật."',
    ]
    if english:
        lines += [f'title_en = "Generated data for benchmarks ({name})"', 'publisher_en = "Benchmark ministry"']
    for bloc in blocs:
        lines += ["", "[[blocs]]", f'id = "{bloc}"', f'name = "Khối {bloc}"']
        if english:
            lines.append(f'name_en = "Bloc {bloc}"')
    (folder / "series.toml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = [(f"{bloc}-{i:04d}", bloc) for bloc, count in blocs.items() for i in range(1, count + 1)]
    with open(folder / "agencies.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["id", "name", "name_en"])
        writer.writerows(
            [(unit, f"Đơn vị thử nghiệm {unit} (Đắk Lắk)", f"Test unit {unit}" if english else "") for unit, _ in units]
        )
    skill = {unit: rng.uniform(0.3, 0.95) for unit, _ in units}
    for year in range(2000, 2000 + editions):
        edition = folder / str(year)
        edition.mkdir(exist_ok=True)
        toml = [
            f'name = "Phương pháp năm {year}"',
            f'decision = "Quyết định số {year}/QĐ-TEST"',
            f"announced = {year + 1}-06-01",
            "",
            "[score]",
            "max = 60",
            "decimals = 2",
            'method = "sum"',
        ]
        for criterion in CRITERIA:
            toml += ["", "[[criteria]]", f'id = "{criterion}"', f'name = "Tiêu chí {criterion}"', "max = 10"]
        for tier, low in (("Tốt", 51), ("Khá", 42), ("Trung bình", 30), ("Yếu", 0)):
            toml += ["", "[[tiers]]", f'name = "{tier}"', f"min = {low}"]
        (edition / "methodology.toml").write_text("\n".join(toml) + "\n", encoding="utf-8")
        with open(edition / "results.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["agency", "bloc", *CRITERIA])
            for unit, bloc in units:
                level = min(1.0, skill[unit] + rng.gauss(0, 0.05))
                writer.writerow([unit, bloc, *(f"{10 * min(1, max(0, rng.gauss(level, 0.1))):.2f}" for _ in CRITERIA)])
    return folder


def change_one_edition(folder: Path, share: float = 0.05, seed: int = 7) -> None:
    """A correction to the latest edition, as a data officer makes one: in `share` of its
    rows, one criterion moves by up to half a point."""
    latest = max(p for p in folder.iterdir() if p.is_dir() and p.name.isdigit())
    path = latest / "results.csv"
    rows = list(csv.reader(path.open(encoding="utf-8")))
    rng = random.Random(seed)
    for row in rng.sample(rows[1:], max(1, int(share * (len(rows) - 1)))):
        column = rng.randrange(2, len(row))
        row[column] = f"{min(10.0, max(0.0, float(row[column]) + rng.uniform(-0.5, 0.5))):.2f}"
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out).writerows(rows)


def change_one_score(folder: Path) -> tuple[Path, str, str]:
    """One figure corrected, the smallest change a data officer saves: the first score of
    the latest edition's first results file moves by the smallest step it is written in."""

    def corrected(score: str) -> str:
        decimals = len(score.split(".")[1]) if "." in score else 0
        step, value = 10**-decimals, float(score)
        return f"{value - step if value >= step else value + step:.{decimals}f}"

    return _edit_first_score(folder, corrected)


def break_one_score(folder: Path) -> tuple[Path, str, str]:
    """A slip the data officer saves: the score changed by `change_one_score` becomes text."""
    return _edit_first_score(folder, lambda score: "không rõ")


def _edit_first_score(folder: Path, edit) -> tuple[Path, str, str]:
    """The first score given in the latest edition's first results file, replaced by
    `edit(score)`: that file, and the unit and bloc of its row."""
    path = max(folder.rglob("results.csv"), key=lambda p: (p.parent.name, p.as_posix()))
    rows = list(csv.reader(path.open(encoding="utf-8")))
    column = rows[0].index("score") if "score" in rows[0] else 2
    row = next(r for r in rows[1:] if r[column])
    row[column] = edit(row[column])
    with open(path, "w", newline="", encoding="utf-8") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    return path, row[0], row[1]


def markdown_articles(folder: Path, count: int) -> Path:
    """`count` Markdown articles of about the size of a ranking page, for plain Pelican."""
    articles = folder / "content"
    articles.mkdir(parents=True, exist_ok=True)
    table = "\n".join(f"| {i} | Đơn vị {i} | {50 + i % 10}.{i % 100:02d} |" for i in range(1, 40))
    for i in range(count):
        (articles / f"a{i:05d}.md").write_text(
            f"Title: Bài {i}\nDate: 2020-01-01 10:{i % 60:02d}\nSlug: bai-{i}\n\n"
            f"Đoạn văn của bài {i}, có dấu tiếng Việt.\n\n| Hạng | Đơn vị | Điểm |\n|---|---|---|\n{table}\n",
            encoding="utf-8",
        )
    return articles
