"""Property tests: any text in any cell gives either a clean validation error or a build
whose pages show that text escaped; the ranking rules agree with a plain reference."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape

from conftest import FIXTURE, ROOT, build
from rankings.build import check
from rankings.data.model import Tier
from rankings.data.problems import DataError
from rankings.data.text import BIDI
from rankings.outputs.fonts import covered
from rankings.outputs.spreadsheet import safe_cell
from rankings.pipeline import load
from rankings.rules import ranking

DRAWABLE = covered((ROOT / "theme" / "static" / "fonts" / "ttf", ROOT / "theme" / "fonts" / "fallback"))
ROWS = [
    ("so-tttt", "so"),
    ("so-noi-vu", "so"),
    ("so-tai-chinh", "so"),
    ("so-y-te", "so"),
    ("so-khcn", "so"),
    ("ban-dan-toc", "so"),
    ("huyen-a", "huyen"),
    ("huyen-b", "huyen"),
    ("huyen-c", "huyen"),
]
COLUMNS = ["agency", "bloc", "score", "tier", "ha-tang", "noi-bo", "dvc", "nhan-luc", "status", "note", "source"]
# Text as spreadsheets produce it: anything printable or not, quotes, separators, newlines,
# and what renderers and terminals choke on: Word's vertical tab, escape sequences, a null,
# bidirectional overrides, emoji and mathematical letters no font of the theme draws.
TRICKY = ["\v", "\x1b", "\x00", "\x85", "\u2028", "\u202e", "\u2066", "\u2069", "🙂", "𝐇", "\u200b"]
cells = st.text(st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(TRICKY)), max_size=40)
# What a note may hold and the theme's fonts draw: letters, digits, marks, punctuation, symbols, spaces.
SHOWN = [chr(c) for c in sorted(DRAWABLE) if unicodedata.category(chr(c))[0] in "LMNPS" and chr(c) not in BIDI]


def with_cell(folder, row: int, column: str, value: str):
    path = folder / "2019" / "results.csv"
    records = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    records[row][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    path.write_text(out.getvalue(), encoding="utf-8")


def fresh_copy(tmp_path_factory):
    folder = tmp_path_factory.mktemp("prop") / "basic"
    shutil.copytree(FIXTURE, folder)
    return folder


@pytest.mark.slow  # 150 folders read: 8 s
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(row=st.integers(0, 8), column=st.sampled_from(COLUMNS), value=cells)
def test_any_text_in_any_cell_loads_or_fails_cleanly(tmp_path_factory, row, column, value):
    folder = fresh_copy(tmp_path_factory)
    with_cell(folder, row, column, value)
    try:
        load(folder)
    except DataError as error:
        assert error.problems and all(p.file.startswith("basic/") for p in error.problems)
        assert "Traceback" not in error.report()


# Text that means something to HTML, Markdown, Typst, LaTeX, Jinja, spreadsheets or shells.
HOSTILE = [
    "<script>alert(1)</script>",
    "# Tiêu đề [liên kết](javascript:x) *đậm* _nghiêng_",
    "$x$ \\ @nhan `mã` // chú thích /* x */",
    "{{ 7*7 }} {% if %} #set text(red)",
    '=HYPERLINK("http://x") & <b>"ngoặc"</b> \'đơn\'',
    "˝ Ω ж € ‰ ∑ ≤ ♥",
]


@pytest.mark.slow
@settings(max_examples=1, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    drawn=st.lists(
        st.text(st.one_of(st.sampled_from(SHOWN), st.just(" ")), min_size=1, max_size=30).filter(str.strip),
        min_size=4,
        max_size=4,
    )
)
def test_hostile_notes_are_shown_as_text_everywhere(tmp_path_factory, drawn):
    """One build holding a hostile note on every row: each is shown exactly, escaped, on
    the bloc page and the unit page, as text in the PDFs, and as a value in the open data."""
    folder = fresh_copy(tmp_path_factory)
    notes = dict(zip(range(9), HOSTILE + drawn))
    for row, note in notes.items():
        with_cell(folder, row, "note", note)
    site = build(folder.parent / "out", folder)
    records = {
        r["agency"]: r for r in csv.DictReader(io.StringIO((site / "du-lieu" / "2019.csv").read_text("utf-8-sig")))
    }
    for row, note in notes.items():
        agency, bloc = ROWS[row]
        page = (site / "2019" / bloc / "index.html").read_text(encoding="utf-8")
        shown = BeautifulSoup(page, "html.parser").select_one(f"tr#{agency}")
        assert " ".join(note.split()) in " ".join(shown.get_text(" ").split()), note
        assert str(escape(note.strip())) in page  # the exact escaped text, never raw markup
        unit = BeautifulSoup((site / "co-quan" / agency / "index.html").read_text("utf-8"), "html.parser")
        assert " ".join(note.split()) in " ".join(unit.select_one("section[id='2019']").get_text(" ").split())
        assert records[agency]["note"] == safe_cell(note.strip())  # a formula is neutralised, as tested on its own
        # Every character is one the theme's fonts draw (check refuses others); lines wrap where they like.
        unspaced = "".join(note.split())
        for pdf in (site / "2019" / f"{bloc}.pdf", site / "co-quan" / f"{agency}.pdf"):
            printed = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
            assert unspaced in "".join(printed.split()), (pdf, note)


def reference_ranks(scores: dict) -> dict:
    """1 + the number of strictly better scores: the definition of competition ranking."""
    return {k: 1 + sum(1 for other in scores.values() if other > v) for k, v in scores.items()}


decimals = st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False)


@given(st.dictionaries(st.text(min_size=1, max_size=4), decimals, max_size=40))
def test_competition_ranks_match_the_reference(scores):
    assert ranking.competition_ranks(scores) == reference_ranks(scores)


@given(st.lists(decimals, min_size=1, max_size=5, unique=True), decimals)
def test_tier_is_the_best_threshold_reached(thresholds, score):
    tiers = [Tier(f"t{i}", m) for i, m in enumerate(sorted(thresholds, reverse=True))]
    reached = [t for t in tiers if score >= t.min]
    assert ranking.tier_for(score, tiers) == (reached[0].name if reached else None)


@given(st.dictionaries(st.text(min_size=1, max_size=3), decimals, min_size=1, max_size=8), st.integers(0, 4))
def test_a_given_score_agrees_with_itself_rounded(parts, places):
    total = ranking.combined_score(parts)
    assert total == sum(parts.values(), Decimal(0))
    assert ranking.agrees(ranking.rounded(total, places), total, places)


# What a data officer's folder may hold after a slip: any text in a cell, any literal in a TOML value.
TOML_VALUES = [
    "inf",
    "nan",
    "-0.0",
    "1e400",
    '""',
    '"x"',
    "[]",
    "0",
    "-1",
    "99999999999999999999",
    "2019-13-45",
    "true",
    '"Đắk Lắk"',
    '["khong-co"]',
    "{}",
    "2.5",
    '"=1+1"',
    "1.00000001",
]
TOML_FILES = ["series.toml", "2019/methodology.toml", "2020/methodology.toml", "2021/methodology.toml"]


def with_toml_value(folder, name: str, line: int, value: str) -> None:
    path = folder / name
    lines = path.read_text(encoding="utf-8").splitlines()
    keyed = [i for i, text in enumerate(lines) if re.match(r"\s*[A-Za-z_-]+\s*=", text)]
    i = keyed[line % len(keyed)]
    lines[i] = lines[i].split("=", 1)[0] + "= " + value
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.slow
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    change=st.one_of(
        st.tuples(st.just("cell"), st.integers(0, 8), st.sampled_from(COLUMNS), cells),
        st.tuples(st.just("toml"), st.sampled_from(TOML_FILES), st.integers(0, 40), st.sampled_from(TOML_VALUES)),
    )
)
def test_whenever_check_passes_the_build_succeeds(tmp_path_factory, change):
    """`invoke check` catches everything `invoke build` would trip on: a folder that loads
    builds, and one that does not is a clean list of problems (no traceback)."""
    folder = fresh_copy(tmp_path_factory)
    if change[0] == "cell":
        with_cell(folder, *change[1:])
    else:
        with_toml_value(folder, *change[1:])
    try:
        check(ROOT / "pelicanconf.py", folder)
    except DataError as error:
        assert error.problems and "Traceback" not in error.report()
        said = error.report()  # safe on a terminal: no control, format or bidirectional character
        assert all(unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp") for c in said.replace("\n", "")), said
        return
    build(folder.parent / "out", folder)  # any exception here fails the property
