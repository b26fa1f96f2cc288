"""import_divisions and import_all: scope, re-imports, bad files, compression."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from jiceng.core.errors import InvalidInput
from jiceng.places.importer import (
    MAX_LISTED_ERRORS,
    DivisionFileError,
    import_all,
    import_divisions,
)
from jiceng.places.models import Division, Level

# The shared national files live beside the project (see ../shared/data/README.md).
NATIONAL = Path(__file__).resolve().parents[3] / "shared" / "data" / "divisions"
needs_national_files = pytest.mark.skipif(
    not (NATIONAL / "villages.csv.gz").is_file(), reason=f"no national files in {NATIONAL}"
)

STREETS_HEADER = "code,name,areaCode,provinceCode,cityCode\n"
FENGQIAO = '330681109,"枫桥镇",330681,33,3306\n'
JIYANG = '330681001,"暨阳街道",330681,33,3306\n'


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    # Messages are checked in their source language; the zh-Hans catalogue translates them.
    with translation.override("en"):
        yield


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def stored() -> dict[str, tuple[str, str, str | None]]:
    return {d.code: (d.name, d.level, d.parent_id) for d in Division.objects.all()}


@needs_national_files
@pytest.mark.django_db
def test_scope_imports_only_the_county_from_the_national_files() -> None:
    streets = import_divisions(NATIONAL / "streets.csv.gz", scope="330681")
    villages = import_divisions(NATIONAL / "villages.csv.gz", scope="330681")

    assert (streets.level, streets.created, streets.rows_read) == (Level.TOWNSHIP, 23, 41_352)
    assert streets.skipped_out_of_scope == 41_352 - 23
    assert (villages.level, villages.created, villages.rows_read) == (Level.VILLAGE, 515, 620_573)
    assert Division.objects.count() == 23 + 515
    assert not Division.objects.exclude(code__startswith="330681").exists()
    fengqiao = Division.objects.get(code="330681109")
    assert (fengqiao.name, fengqiao.parent_id) == ("枫桥镇", "330681")
    assert fengqiao.children.count() > 0
    for village in Division.objects.filter(level=Level.VILLAGE):
        assert village.parent_id == village.code[:9]


@pytest.mark.django_db
def test_villages_import_before_their_townships_exist(tmp_path: Path) -> None:
    header = "code,name,streetCode,provinceCode,cityCode,areaCode\n"
    village = "330681109002,天竺社区居委会,330681109,33,3306,330681\n"

    report = import_divisions(write(tmp_path / "villages.csv", header + village))

    assert report.created == 1
    assert not Division.objects.filter(code="330681109").exists()
    assert Division.objects.get(code="330681109002").parent_id == "330681109"


@needs_national_files
@pytest.mark.django_db
def test_reimporting_the_same_file_writes_nothing() -> None:
    import_divisions(NATIONAL / "streets.csv.gz", scope="330681")
    before = stored()

    with CaptureQueriesContext(connection) as queries:
        report = import_divisions(NATIONAL / "streets.csv.gz", scope="330681")

    assert (report.created, report.updated, report.unchanged) == (0, 0, 23)
    assert stored() == before
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].split()[0].upper() in {"INSERT", "UPDATE", "DELETE", "COPY"}
    ]
    assert writes == []


@pytest.mark.django_db
def test_a_renamed_division_is_updated_and_the_others_left_alone(tmp_path: Path) -> None:
    import_divisions(write(tmp_path / "a.csv", STREETS_HEADER + JIYANG + FENGQIAO))

    renamed = FENGQIAO.replace("枫桥镇", "枫桥镇（新）")
    report = import_divisions(write(tmp_path / "b.csv", STREETS_HEADER + JIYANG + renamed))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    assert Division.objects.get(code="330681109").name == "枫桥镇（新）"
    assert Division.objects.get(code="330681001").name == "暨阳街道"


@pytest.mark.django_db
def test_a_bad_file_imports_nothing_and_names_every_bad_line(tmp_path: Path) -> None:
    path = write(
        tmp_path / "streets.csv",
        STREETS_HEADER
        + JIYANG  # line 2
        + '33068110X,"店口镇",330681,33,3306\n'  # line 3: not digits
        + FENGQIAO  # line 4
        + '330681110,"",330681,33,3306\n',  # line 5: no name
    )

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    errors = caught.value.errors
    assert [(e.line, e.column) for e in errors] == [(3, "code"), (5, "name")]
    assert "33068110X" in errors[0].message
    assert "line 3" in caught.value.message and "line 5" in caught.value.message
    assert "nothing was imported" in caught.value.message
    assert Division.objects.count() == 0


@pytest.mark.django_db
def test_a_parent_that_is_not_the_start_of_the_code_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", STREETS_HEADER + '330681109,"枫桥镇",330682,33,3306\n')

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    [error] = caught.value.errors
    assert (error.line, error.column) == (2, "areaCode")
    assert "330681" in error.message


@pytest.mark.django_db
def test_a_code_of_the_wrong_length_for_the_level_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", STREETS_HEADER + '3306811090,"枫桥镇",330681,33,3306\n')

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    assert [(e.line, e.column) for e in caught.value.errors] == [(2, "code")]
    assert "9 digits" in caught.value.errors[0].message


@pytest.mark.django_db
def test_a_duplicate_code_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", STREETS_HEADER + FENGQIAO + JIYANG + FENGQIAO)

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    assert [(e.line, e.column) for e in caught.value.errors] == [(4, "code")]


@pytest.mark.django_db
def test_a_bad_row_outside_the_scope_still_stops_the_import(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", STREETS_HEADER + FENGQIAO + '110101001,"",110101,11,1101\n')

    with pytest.raises(DivisionFileError):
        import_divisions(path, scope="330681")

    assert Division.objects.count() == 0


@pytest.mark.django_db
def test_only_the_first_fifty_errors_are_listed_but_all_are_counted(tmp_path: Path) -> None:
    bad_rows = "".join(f'x{n},"",330681,33,3306\n' for n in range(70))
    path = write(tmp_path / "s.csv", STREETS_HEADER + bad_rows)

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    assert len(caught.value.errors) == 140  # a bad code and an empty name on each row
    assert "140 errors" in caught.value.message
    listed = [line for line in caught.value.message.splitlines() if line.startswith("  line")]
    assert len(listed) == MAX_LISTED_ERRORS
    assert "90 more" in caught.value.message


@pytest.mark.django_db
def test_an_unknown_header_is_reported_on_line_1(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", "编码,名称\n" + FENGQIAO)

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    [error] = caught.value.errors
    assert error.line == 1
    assert "编码,名称" in error.message


@pytest.mark.django_db
def test_a_file_not_in_utf8_is_reported_with_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes((STREETS_HEADER + JIYANG + FENGQIAO).encode("gb18030"))

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    assert [(e.line, e.column) for e in caught.value.errors] == [(2, "name"), (3, "name")]
    assert "UTF-8" in caught.value.errors[0].message


@pytest.mark.django_db
def test_a_truncated_gzip_file_imports_nothing(tmp_path: Path) -> None:
    rows = "".join(f'330681{n:03},"镇{n}",330681,33,3306\n' for n in range(1, 999))
    whole = gzip.compress((STREETS_HEADER + rows).encode())
    path = tmp_path / "streets.csv.gz"
    path.write_bytes(whole[: len(whole) // 2])

    with pytest.raises(DivisionFileError) as caught:
        import_divisions(path)

    assert "cannot be read" in caught.value.errors[-1].message
    assert Division.objects.count() == 0


@pytest.mark.django_db
def test_gzip_and_plain_files_import_the_same_divisions(tmp_path: Path) -> None:
    text = STREETS_HEADER + JIYANG + FENGQIAO
    plain = write(tmp_path / "streets.csv", text)
    # Named .csv on purpose: the format is told by the content, not the name.
    packed = tmp_path / "streets-gz.csv"
    packed.write_bytes(gzip.compress(text.encode()))

    from_plain = import_divisions(plain)
    after_plain = stored()
    Division.objects.all().delete()
    from_gzip = import_divisions(packed)

    assert from_plain.created == from_gzip.created == 2
    assert stored() == after_plain


@pytest.mark.django_db
def test_an_excel_byte_order_mark_and_a_trailing_blank_line_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_bytes(("\ufeff" + STREETS_HEADER + FENGQIAO + "\n").encode())

    assert import_divisions(path).created == 1


@pytest.mark.django_db
def test_a_generic_file_mixes_levels_by_code_length(tmp_path: Path) -> None:
    path = write(
        tmp_path / "g.csv",
        "code,name,parentCode\n33,浙江省,\n3306,绍兴市,33\n330681,诸暨市,3306\n",
    )

    report = import_divisions(path)

    assert (report.level, report.created) == (None, 3)
    assert stored() == {
        "33": ("浙江省", Level.PROVINCE, None),
        "3306": ("绍兴市", Level.CITY, "33"),
        "330681": ("诸暨市", Level.COUNTY, "3306"),
    }


@pytest.mark.django_db
def test_a_scope_that_is_not_digits_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", STREETS_HEADER + FENGQIAO)

    with pytest.raises(InvalidInput) as caught:
        import_divisions(path, scope="33 06")

    assert caught.value.field == "scope"
    assert Division.objects.count() == 0


@pytest.mark.django_db
def test_the_summary_names_the_level_and_the_counts(tmp_path: Path) -> None:
    path = write(tmp_path / "s.csv", STREETS_HEADER + JIYANG + FENGQIAO)

    summary = import_divisions(path, scope="330681109").summary()

    assert summary.startswith("Township: 2 rows read, 1 created, 0 updated, 0 unchanged")
    assert "1 outside the scope" in summary


def small_national_folder(folder: Path, villages: str) -> Path:
    write(folder / "provinces.csv", "code,name\n33,浙江省\n")
    write(folder / "cities.csv", "code,name,provinceCode\n3306,绍兴市,33\n")
    write(folder / "areas.csv", "code,name,cityCode,provinceCode\n330681,诸暨市,3306,33\n")
    write(folder / "streets.csv", STREETS_HEADER + FENGQIAO)
    header = "code,name,streetCode,provinceCode,cityCode,areaCode\n"
    (folder / "villages.csv.gz").write_bytes(gzip.compress((header + villages).encode()))
    return folder


@pytest.mark.django_db
def test_import_all_imports_every_level_parents_first(tmp_path: Path) -> None:
    village = "330681109002,天竺社区居委会,330681109,33,3306,330681\n"

    reports = import_all(small_national_folder(tmp_path, village))

    assert [r.level for r in reports] == [
        Level.PROVINCE,
        Level.CITY,
        Level.COUNTY,
        Level.TOWNSHIP,
        Level.VILLAGE,
    ]
    assert Division.objects.get(code="330681109002").parent.parent.parent.parent.name == "浙江省"


@pytest.mark.django_db
def test_import_all_imports_nothing_when_the_villages_file_is_bad(tmp_path: Path) -> None:
    bad_village = "330681109002,,330681109,33,3306,330681\n"

    with pytest.raises(DivisionFileError):
        import_all(small_national_folder(tmp_path, bad_village))

    assert Division.objects.count() == 0


@pytest.mark.django_db
def test_import_all_names_the_missing_files(tmp_path: Path) -> None:
    write(tmp_path / "provinces.csv", "code,name\n33,浙江省\n")

    with pytest.raises(InvalidInput) as caught:
        import_all(tmp_path)

    assert "villages.csv.gz" in caught.value.message
    assert Division.objects.count() == 0


@pytest.mark.django_db
def test_names_with_commas_quotes_and_tabs_are_stored_as_written(tmp_path: Path) -> None:
    odd = 'A,"B"\tC\\N'
    path = write(tmp_path / "s.csv", STREETS_HEADER + '330681109,"A,""B""\tC\\N",330681,33,3306\n')

    import_divisions(path)

    assert Division.objects.get(code="330681109").name == odd
