"""One test per rule of the data contract: each broken rule is reported with its file,
row (header = row 1; the line in TOML files) and column, and no site is built."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import ROOT, build, problems_of, run_task
from rankings.data.problems import DataError
from rankings.pipeline import load


def edit(path: Path, old: str, new: str) -> None:
    content = path.read_text(encoding="utf-8")
    assert old in content, f"{old!r} not in {path}"
    path.write_text(content.replace(old, new, 1), encoding="utf-8")


def append(path: Path, line: str) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(line)


S, A = "series.toml", "agencies.csv"
M19, R19 = "2019/methodology.toml", "2019/results.csv"
R20 = "2020/results.csv"

# (id, mutation, file, row, column, a fragment of the message)
CASES = [
    # series.toml
    (
        "series-title-missing",
        lambda d: edit(d / S, 'title = "Chỉ số', 'titel = "Chỉ số'),
        S,
        None,
        "title",
        "thiếu khóa bắt buộc",
    ),
    ("series-bloc-not-slug", lambda d: edit(d / S, 'id = "so"', 'id = "Sở"'), S, 7, "id", "không phải là mã hợp lệ"),
    ("series-bloc-duplicate", lambda d: edit(d / S, 'id = "huyen"', 'id = "so"'), S, 12, "id", "bị lặp lại"),
    (
        "series-bloc-reserved",
        lambda d: edit(d / S, 'id = "huyen"', 'id = "phuong-phap"'),
        S,
        12,
        "id",
        "trùng với một đường dẫn",
    ),
    (
        "series-bloc-an-edition-chart",
        lambda d: edit(d / S, 'id = "huyen"', 'id = "ty-le-theo-muc"'),
        S,
        12,
        "id",
        "trùng với một đường dẫn",
    ),
    (
        "series-toml-syntax",
        lambda d: edit(d / S, 'name = "Sở, ban, ngành"', 'name = "Sở, ban, ngành'),
        S,
        8,
        None,
        "sai cú pháp TOML",
    ),
    # agencies.csv
    ("agency-id-not-slug", lambda d: edit(d / A, "so-noi-vu,", "Sở Nội vụ,"), A, 3, "id", "không phải là mã hợp lệ"),
    (
        "agency-id-duplicate",
        lambda d: edit(d / A, "so-tai-chinh,Sở", "so-noi-vu,Sở"),
        A,
        4,
        "id",
        "xuất hiện nhiều lần",
    ),
    ("agency-name-empty", lambda d: edit(d / A, "so-y-te,Sở Y tế,", "so-y-te,,"), A, 5, "name", "để trống"),
    (
        "agency-website-scheme",
        lambda d: edit(d / A, "https://stttt.example.vn", "ftp://stttt.example.vn"),
        A,
        2,
        "website",
        "http://",
    ),
    (
        "agency-province-code",
        lambda d: edit(d / A, "Sở Nội vụ,,,,", "Sở Nội vụ,,,4,"),
        A,
        3,
        "province_code",
        "2 chữ số",
    ),
    (
        "agency-successor-needs-until",
        lambda d: edit(d / A, ",,2019,huyen-ab\nhuyen-b", ",,,huyen-ab\nhuyen-b"),
        A,
        8,
        "until",
        "successor",
    ),
    (
        "agency-successor-unknown",
        lambda d: edit(d / A, "2019,huyen-ab\nhuyen-b", "2019,huyen-xyz\nhuyen-b"),
        A,
        8,
        "successor",
        "không có trong agencies.csv",
    ),
    (
        "agency-successor-cycle",
        lambda d: edit(d / A, "huyen-ab,Huyện Đắk Đông,,,,,2020,,", "huyen-ab,Huyện Đắk Đông,,,,,2020,2021,huyen-a"),
        A,
        8,
        "successor",
        "vòng lặp",
    ),
    (
        "agency-self-successor",
        lambda d: edit(d / A, "huyen-c,Thị xã Ca,,,,,,,", "huyen-c,Thị xã Ca,,,,,,2020,huyen-c"),
        A,
        11,
        "successor",
        "chính nó",
    ),
    (
        "agency-since-after-until",
        lambda d: edit(d / A, ",,2019,huyen-ab\nhuyen-b", ",2020,2019,huyen-ab\nhuyen-b"),
        A,
        8,
        "until",
        "trước năm bắt đầu",
    ),
    ("agency-column-missing", lambda d: edit(d / A, "id,name,", "id,ten,"), A, 1, "name", "thiếu cột bắt buộc"),
    # methodology.toml
    (
        "method-decision-missing",
        lambda d: edit(d / M19, "decision = ", "decisoin = "),
        M19,
        None,
        "decision",
        "thiếu khóa bắt buộc",
    ),
    (
        "method-announced-not-date",
        lambda d: edit(d / M19, "announced = 2020-03-15", 'announced = "15/03/2020"'),
        M19,
        3,
        "announced",
        "ngày theo cú pháp TOML",
    ),
    (
        "method-unknown-method",
        lambda d: edit(d / M19, 'method = "sum"', 'method = "average"'),
        M19,
        10,
        "method",
        "given, sum, weighted",
    ),
    (
        "method-weighted-needs-weight",
        lambda d: edit(d / M19, 'method = "sum"', 'method = "weighted"'),
        M19,
        12,
        "weight",
        "trọng số",
    ),
    (
        "method-criterion-rank-suffix",
        lambda d: edit(d / M19, 'id = "nhan-luc"', 'id = "nhan-luc-rank"'),
        M19,
        36,
        "id",
        "-rank",
    ),
    (
        "method-parent-unknown",
        lambda d: edit(d / M19, 'parent = "ung-dung"', 'parent = "ung-dun"'),
        M19,
        26,
        "parent",
        "không có trong tệp",
    ),
    ("method-tiers-order", lambda d: edit(d / M19, "min = 70", "min = 90"), M19, 47, "min", "từ cao xuống thấp"),
    (
        "method-bloc-unknown",
        lambda d: edit(d / M19, 'blocs = ["so", "huyen"]', 'blocs = ["so", "xa"]'),
        M19,
        33,
        "blocs",
        "không có trong series.toml",
    ),
    (
        "method-document-missing",
        lambda d: (d / "2019" / "Báo cáo kết quả 2019.pdf").unlink(),
        M19,
        5,
        "documents",
        "không thấy tệp",
    ),
    (
        "method-source-url",
        lambda d: edit(d / M19, 'source_url = "https://', 'source_url = "www.'),
        M19,
        4,
        "source_url",
        "http://",
    ),
    ("method-file-missing", lambda d: (d / M19).unlink(), M19, None, None, "methodology.toml"),
    # results.csv
    (
        "results-agency-unknown",
        lambda d: edit(d / R19, "so-y-te,so", "so-yte,so"),
        R19,
        5,
        "agency",
        "không có trong agencies.csv",
    ),
    (
        "results-agency-not-in-year",
        lambda d: edit(d / R20, "huyen-ab;huyen", "huyen-a;huyen"),
        R20,
        8,
        "agency",
        "không có năm 2020",
    ),
    (
        "results-bloc-unknown",
        lambda d: edit(d / R19, "huyen-c,huyen", "huyen-c,xa"),
        R19,
        10,
        "bloc",
        "không có trong series.toml",
    ),
    (
        "results-duplicate-row",
        lambda d: append(d / R19, "so-tttt,so,,,28,19,18,27,,,\n"),
        R19,
        11,
        "agency",
        "nhiều lần",
    ),
    ("results-unknown-column", lambda d: edit(d / R19, "ha-tang,noi-bo", "ha-tng,noi-bo"), R19, 1, "ha-tng", "ha-tang"),
    (
        "results-score-over-max",
        lambda d: edit(d / R19, "huyen-b,huyen,88", "huyen-b,huyen,188"),
        R19,
        9,
        "score",
        "0 đến 100",
    ),
    (
        "results-score-not-number",
        lambda d: edit(d / R19, "huyen-b,huyen,88", "huyen-b,huyen,8 8"),
        R19,
        9,
        "score",
        "không phải là số",
    ),
    (
        "results-criterion-over-max",
        lambda d: edit(d / R19, "so-tttt,so,,,28,", "so-tttt,so,,,31,"),
        R19,
        2,
        "ha-tang",
        "tối đa 30",
    ),
    (
        "results-rank-not-integer",
        lambda d: edit(d / "2021/results.csv", "so-y-te,so,,3", "so-y-te,so,,3.5"),
        "2021/results.csv",
        4,
        "rank",
        "số nguyên dương",
    ),
    (
        "results-status-unknown",
        lambda d: edit(d / R19, ",not-rated,", ",skipped,"),
        R19,
        7,
        "status",
        "rated hoặc not-rated",
    ),
    (
        "results-not-rated-with-tier",
        lambda d: edit(d / R19, "ban-dan-toc,so,,,", "ban-dan-toc,so,,Yếu,"),
        R19,
        7,
        "tier",
        "not-rated",
    ),
    (
        "results-not-rated-needs-note",
        lambda d: edit(d / R19, "not-rated,Không có thủ tục hành chính công nên không đánh giá,", "not-rated,,"),
        R19,
        7,
        "note",
        "lý do",
    ),
    (
        "results-rank-disagrees",
        lambda d: _add_ranks(d / R20),
        R20,
        3,
        "rank",
        "hạng công bố 1, nhưng điểm 85,0 xếp đơn vị ở hạng 2",
    ),
    (
        "results-tier-contradicts",
        lambda d: edit(d / R19, "so-khcn,so,40,Yếu", "so-khcn,so,40,Khá"),
        R19,
        6,
        "tier",
        "«Khá» trái với ngưỡng",
    ),
    (
        "results-tier-unknown",
        lambda d: edit(d / R19, "so-khcn,so,40,Yếu", "so-khcn,so,40,Kém"),
        R19,
        6,
        "tier",
        "không có trong methodology.toml",
    ),
    (
        "results-sum-disagrees",
        lambda d: edit(d / R19, "so-khcn,so,40,", "so-khcn,so,41,"),
        R19,
        6,
        "score",
        "khác điểm tính được",
    ),
    (
        "results-source-scheme",
        lambda d: edit(d / R19, "https://example.vn/so-tai-chinh", "example.vn/so-tai-chinh"),
        R19,
        4,
        "source",
        "http://",
    ),
    (
        "results-criterion-wrong-bloc",
        lambda d: edit(d / M19, 'blocs = ["so", "huyen"]', 'blocs = ["huyen"]'),
        R19,
        2,
        "dvc",
        "không áp dụng cho khối «so»",
    ),
    (
        "results-ragged-row",
        lambda d: edit(d / R19, "huyen-b,huyen,88,,,,,,,,", "huyen-b,huyen,88,,,,,,,,,,"),
        R19,
        9,
        None,
        "13 ô",
    ),
    ("results-file-missing", lambda d: (d / R19).unlink(), R19, None, None, "results.csv"),
]


def _add_ranks(path: Path) -> None:
    """Give the 2020 file a rank column, with the first two units swapped."""
    lines = path.read_bytes().decode("utf-8-sig").split("\r\n")
    ranks = {"agency": "rank", "so-tttt": "2", "so-tai-chinh": "1"}
    out = []
    for line in filter(None, lines):
        cells = line.split(";")
        cells.insert(3, ranks.get(cells[0].strip(), ""))
        out.append(";".join(cells))
    path.write_bytes(("\r\n".join(out) + "\r\n").encode("utf-8"))


@pytest.mark.parametrize(
    "mutate,file,row,column,fragment", [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_each_rule_names_file_row_and_column(data, mutate, file, row, column, fragment):
    mutate(data)
    found = problems_of(data)
    wanted = f"basic/{file}"
    matching = [p for p in found if p.file == wanted and p.row == row and p.column == column and fragment in p.message]
    assert matching, "\n".join(str(p) for p in found)


def test_the_fixture_itself_is_valid():
    load(ROOT / "tests" / "fixtures" / "basic")


def test_every_problem_is_reported_at_once(data):
    edit(data / A, "https://stttt.example.vn", "ftp://x")
    edit(data / R19, "huyen-b,huyen,88", "huyen-b,huyen,188")
    edit(data / R20, "so-tai-chinh;so;85,0", "so-tai-chinh;xa;85,0")
    files = {(p.file, p.column) for p in problems_of(data)}
    assert {
        ("basic/agencies.csv", "website"),
        ("basic/2019/results.csv", "score"),
        ("basic/2020/results.csv", "bloc"),
    } <= files


def test_other_encodings_are_rejected_with_how_to_resave(data):
    path = data / R19
    path.write_bytes(path.read_bytes() + "huyen-c,huyen,75,,,,,,,Ghi chú,\n".encode("cp1258"))
    found = problems_of(data)
    assert any(
        p.file == "basic/2019/results.csv" and p.row == 11 and "UTF-8" in p.message and "CSV UTF-8" in p.message
        for p in found
    ), found


@pytest.mark.slow
def test_a_bad_folder_leaves_the_previous_output_untouched(data, tmp_path):
    output = build(tmp_path / "output", data)
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    edit(data / R19, "huyen-b,huyen,88", "huyen-b,huyen,188")
    with pytest.raises(DataError):
        build(output, data)
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.lock", "basic", "output"]  # no staging left


def test_invoke_build_prints_every_problem_without_a_traceback(data, tmp_path):
    edit(data / R19, "huyen-b,huyen,88", "huyen-b,huyen,188")
    edit(data / A, "https://stttt.example.vn", "ftp://x")
    run = run_task("build", "--data", str(data), "--output", str(tmp_path / "out"))
    assert run.returncode != 0
    assert "Traceback" not in run.stderr + run.stdout
    assert "basic/2019/results.csv, dòng 9, cột «score»" in run.stderr
    assert "basic/agencies.csv, dòng 2, cột «website»" in run.stderr
    assert not (tmp_path / "out").exists()


def test_invoke_check_validates_only(data):
    run = run_task("check", "--data", str(data))
    assert run.returncode == 0, run.stderr
    assert "3 kỳ" in run.stdout
    assert "giữ thứ hạng công bố" in run.stderr  # the 2021 published ranks stand, with a warning


def test_a_score_needs_a_published_scale(data):
    methodology = data / "2020" / "methodology.toml"
    methodology.write_text(methodology.read_text(encoding="utf-8").replace("max = 100\n", ""), encoding="utf-8")
    found = problems_of(data)
    assert {(p.file, p.row, p.column) for p in found} == {
        ("basic/2020/results.csv", row, "score") for row in range(2, 10)
    }
    assert "[score] max" in found[0].message


def test_an_edition_without_a_scale_builds_from_ranks_alone(data):
    (data / "2021" / "methodology.toml").write_text(
        'name = "Kỳ chỉ công bố thứ hạng"\ndecision = "Chưa xác định"\n', encoding="utf-8"
    )
    (data / "2021" / "results.csv").write_text("agency,bloc,rank\nso-tttt,so,1\nso-y-te,so,2\n", encoding="utf-8")
    assert [r.rank for r in load(data).only.editions[2021].results] == [1, 2]


@pytest.mark.slow
def test_a_failed_build_does_not_change_the_next_one(data, tmp_path):
    edit(data / R19, "huyen-b,huyen,88", "huyen-b,huyen,188")
    with pytest.raises(DataError):
        build(tmp_path / "broken", data)
    edit(data / R19, "huyen-b,huyen,188", "huyen-b,huyen,88")
    site = build(tmp_path / "fixed", data)
    assert (site / "sitemap.xml").is_file()  # plugins start clean after a failed run


def test_text_in_another_unicode_form_is_read_as_the_same(data):
    """A tier, a name and a document's file name typed in decomposed form (as macOS and
    some keyboards write them) match their composed twins."""
    results = data / "2019" / "results.csv"
    results.write_text(
        results.read_text(encoding="utf-8").replace(
            "so-khcn,so,40,Yếu", "so-khcn,so,40," + unicodedata.normalize("NFD", "Yếu")
        ),
        encoding="utf-8",
    )
    document = data / "2019" / "Báo cáo kết quả 2019.pdf"
    document.rename(data / "2019" / unicodedata.normalize("NFD", document.name))
    agencies = data / "agencies.csv"
    agencies.write_text(unicodedata.normalize("NFD", agencies.read_text(encoding="utf-8")), encoding="utf-8")
    dataset = load(data)
    assert dataset.agencies["so-y-te"].name == "Sở Y tế" == unicodedata.normalize("NFC", "Sở Y tế")
    assert next(r for r in dataset.only.editions[2019].results if r.agency == "so-khcn").tier == "Yếu"
    m = dataset.only.editions[2019].methodology
    assert list(m.documents) == ["Báo cáo kết quả 2019.pdf"] and m.documents["Báo cáo kết quả 2019.pdf"].path.is_file()


@pytest.mark.parametrize(
    "listed, made, said",
    [
        ("ghi-chu.txt", "text", "không phải là tệp PDF"),
        ("index.pdf", "link", "liên kết chỉ ra ngoài thư mục basic/"),
        ("Báo cáo kết quả 2019.pdf", "twice", "được liệt kê hai lần"),
        ("rong.pdf", "empty", "tệp rỗng"),
    ],
)
def test_only_the_editions_own_pdf_files_are_published(data, listed, made, said):
    folder = data / "2019"
    if made == "text":
        (folder / listed).write_text("<script>alert(1)</script>", encoding="utf-8")
    elif made == "link":
        (folder / listed).symlink_to(data.parent.parent / "outside.pdf")
        (data.parent.parent / "outside.pdf").write_bytes(b"%PDF-1.4 secret")
    elif made == "empty":
        (folder / listed).write_bytes(b"")
    methodology = folder / "methodology.toml"
    methodology.write_text(
        methodology.read_text(encoding="utf-8").replace(
            'documents = ["Báo cáo kết quả 2019.pdf"]', f'documents = ["Báo cáo kết quả 2019.pdf", "{listed}"]'
        ),
        encoding="utf-8",
    )
    found = problems_of(data)
    # A link that leaves the folder is refused where it stands, before anything is read through it.
    where = ("basic/2019/index.pdf", None) if made == "link" else ("basic/2019/methodology.toml", "documents")
    assert [(p.file, p.column) for p in found] == [where], found
    assert said in found[0].message


def ranks_2020(data: Path, ranks: list[str]) -> None:
    units = ["so-tttt", "so-tai-chinh", "so-y-te", "so-noi-vu", "ban-dan-toc", "so-khcn"]
    (data / R20).write_text(
        "agency,bloc,rank\n"
        + "".join(f"{u},so,{r}\n" for u, r in zip(units, ranks))
        + "huyen-ab,huyen,1\nhuyen-c,huyen,2\n",
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    "ranks, row, said",
    [
        (["1", "2", "2", "3", "5", "6"], 5, "có 3 đơn vị xếp trên nên hạng phải là 4"),
        (["1", "2", "3", "4", "5", "50"], 7, "thứ hạng 50 lớn hơn số đơn vị được đánh giá của khối (6)"),
        (["1", "2", "3", "4", "5", "999999999999"], 7, "phải là số nguyên dương (tối đa 6 chữ số)"),
    ],
)
def test_published_ranks_of_a_complete_table_are_ranks_of_its_units(data, ranks, row, said):
    ranks_2020(data, ranks)
    found = problems_of(data)
    assert [(p.file, p.row, p.column) for p in found] == [("basic/" + R20, row, "rank")], found
    assert said in found[0].message


def test_numbers_are_finite_shown_as_given_and_never_minus_zero(data):
    edit(data / "2020" / "methodology.toml", "max = 100", "max = inf")
    edit(data / R20, "so-tttt ; so ; 90,5 ;", "so-tttt ; so ; 90,55 ;")
    found = problems_of(data)
    assert [(p.file, p.row, p.column) for p in found] == [("basic/2020/methodology.toml", 6, "max")], found
    assert "hữu hạn" in found[0].message  # the results wait for a usable methodology
    edit(data / "2020" / "methodology.toml", "max = inf", "max = 100")
    found = problems_of(data)
    assert [(p.file, p.row, p.column) for p in found] == [("basic/" + R20, 2, "score")], found
    assert "90.55» có nhiều chữ số thập phân hơn số được hiển thị (decimals = 1" in found[0].message
    edit(data / R20, "90,55", "-0")
    assert next(r.score for r in load(data).only.editions[2020].results if r.agency == "so-tttt").is_signed() is False


@pytest.mark.parametrize("name", ["２０１９", "0999", "20200", "2019 cũ"])
def test_a_folder_that_looks_like_a_year_and_is_not_one_is_reported(data, name):
    shutil.copytree(data / "2019", data / name)
    found = problems_of(data)
    assert [(p.file, p.row, p.column) for p in found] == [(f"basic/{name}", None, None)], found
    assert "không phải là một năm" in found[0].message


@pytest.mark.parametrize(
    "code, since, until, said",
    [
        ("99", "", "", "có cả trước và sau 1/7/2025"),
        ("89", "2025", "", "của 34 tỉnh từ 1/7/2025"),  # An Giang's code until the merger
        ("03", "", "2025", "của 63 tỉnh trước 1/7/2025"),
    ],
)
def test_a_province_code_is_an_official_one_of_its_time(data, code, since, until, said):
    agencies = data / A
    agencies.write_text(
        agencies.read_text(encoding="utf-8") + f"tinh-thu,Tỉnh Thử,,,{code},,{since},{until},\n", encoding="utf-8"
    )
    found = problems_of(data)
    assert [(p.file, p.column) for p in found] == [("basic/agencies.csv", "province_code")], found
    assert said in found[0].message


@pytest.mark.parametrize(
    "name, since, until, refused",
    [
        ("Tỉnh Thừa Thiên Huế", "", "", True),  # Thành phố Huế since 1/1/2025, and among the 34
        ("Tỉnh Thừa Thiên Huế", "", "2024", False),  # its name for its time
        ("Thành phố Huế", "2025", "", False),
    ],
)
def test_a_province_of_the_34_bears_its_official_name(data, name, since, until, refused):
    agencies = data / A
    agencies.write_text(agencies.read_text(encoding="utf-8") + f"hue,{name},,,46,,{since},{until},\n", encoding="utf-8")
    if not refused:
        load(data)
        return
    (problem,) = problems_of(data)
    assert (problem.file, problem.row, problem.column) == ("basic/agencies.csv", 12, "name")
    assert "«Thành phố Huế»" in problem.message


def test_a_criterion_id_never_takes_an_output_columns_name(data):
    edit(data / M19, 'id = "nhan-luc"', 'id = "name"')
    found = problems_of(data)
    assert any(p.column == "id" and "trùng tên một cột" in p.message for p in found), found


@pytest.mark.parametrize(
    "slug, path", [("du-lieu", "du-lieu/index.html"), ("2019", "2019/index.html"), ("en", "en/index.html")]
)
def test_a_content_page_never_takes_an_address_of_the_site(data, tmp_path, slug, path):
    (data / "content" / "pages" / "trung.md").write_text(f"Title: Trùng\nSlug: {slug}\n\nNội dung.\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        build(tmp_path / "out", data)
    assert [(p.file, p.column) for p in caught.value.problems] == [("content/pages/trung.md", "Slug")]
    assert f"địa chỉ «{path}» trùng với một trang của cổng" in caught.value.problems[0].message


REFERENCE = '\n[[references]]\nid = "trung-binh"\nname = "Trung bình của tỉnh"\n{body}\n'
SOURCE = 'source_url = "https://example.vn/trung-binh"'


@pytest.mark.parametrize(
    "body,column,said",
    [
        (f"value = 120\n{SOURCE}", "value", "lớn hơn điểm tối đa 100"),
        (f'value = 50\nblocs = ["xa"]\n{SOURCE}', "blocs", "khối «xa» không có trong series.toml"),
        (f'value = 20\ncriterion = "ha-tang-so"\n{SOURCE}', "criterion", "tiêu chí «ha-tang-so» không có"),
        (f'value = 35\ncriterion = "ha-tang"\n{SOURCE}', "value", "lớn hơn điểm tối đa 30"),
        ("value = 50", "source_url", "thiếu khóa bắt buộc"),
        (SOURCE, "value", "thiếu giá trị «value»"),
    ],
    ids=["above-the-scale", "unknown-bloc", "unknown-criterion", "above-the-criterions-max", "no-source", "no-value"],
)
def test_a_reference_value_is_checked_with_its_line(data, body, column, said):
    append(data / M19, REFERENCE.format(body=body))
    found = [p for p in problems_of(data) if p.file == f"basic/{M19}" and p.column == column and said in p.message]
    assert found and found[0].row is not None, "\n".join(str(p) for p in problems_of(data))


def test_an_editions_publisher_and_references_stand_beside_the_series(data):
    edit(
        data / M19, 'name = "Bộ chỉ số đánh giá năm 2019"', 'name = "Bộ chỉ số đánh giá năm 2019"\npublisher = "Sở Mới"'
    )
    append(data / M19, REFERENCE.format(body=f'value = 71.5\nblocs = ["so"]\n{SOURCE}'))
    editions = load(data).only.editions
    assert (editions[2019].methodology.publisher, editions[2020].methodology.publisher) == (
        "Sở Mới",
        "Sở Thông tin và Truyền thông tỉnh Mẫu",  # the series'
    )
    (reference,) = editions[2019].methodology.references
    assert (str(reference.value), reference.decimals, reference.blocs) == ("71.5", 1, ("so",))
    assert editions[2019].methodology.references_for("huyen") == ()


def _register_change(data: Path, changed_on: str, basis: str) -> None:
    """The fixture's registry with the columns of a change's date and legal basis."""
    lines = (data / A).read_text(encoding="utf-8").splitlines()
    lines = [lines[0] + ",changed_on,change_basis"] + [
        line + (f",{changed_on},{basis}" if line.startswith("huyen-a,") else ",,") for line in lines[1:]
    ]
    (data / A).write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.parametrize(
    "changed_on,basis,column,said",
    [
        ("2020-02-30", "", "changed_on", "không phải là một ngày có thật"),
        ("1/1/2020", "", "changed_on", "năm-tháng-ngày"),
        ("2023-01-01", "", "changed_on", "không khớp năm kết thúc 2019"),
    ],
)
def test_a_changes_date_is_a_real_day_of_its_year(data, changed_on, basis, column, said):
    _register_change(data, changed_on, basis)
    assert [p for p in problems_of(data) if p.file == f"basic/{A}" and p.row == 8 and said in p.message]


def test_a_change_is_dated_only_for_a_unit_with_a_successor(data):
    _register_change(data, "", "")
    edit(data / A, "so-noi-vu,Sở Nội vụ,,,,,,,,,", "so-noi-vu,Sở Nội vụ,,,,,,,,2020-01-01,Nghị quyết")
    found = problems_of(data)
    assert [p for p in found if p.row == 3 and p.column == "changed_on" and "«successor»" in p.message], found


def test_a_units_own_ranking_names_a_unit_of_the_registry(data):
    edit(data / S, 'publisher = "Sở', 'ranked_by = "tinh-mau"\npublisher = "Sở')
    assert [p for p in problems_of(data) if p.file == f"basic/{S}" and p.column == "ranked_by"]
    edit(data / S, 'ranked_by = "tinh-mau"', 'ranked_by = "so-tttt"')
    assert load(data).only.series.ranked_by == "so-tttt"
