"""Ingest: each kind of bad input is rejected with a message naming file, row, column and reason,
and leaves the graph exactly as it was (a snapshot of every node and relationship with all
properties, and the counts)."""

from __future__ import annotations

import pytest

from graph.model.kinds import BY_NAME
from ingest.pipeline import RowError, load
from tests.conftest import counts
from tests.ingest_helpers import BASE, snapshot, write_base, write_csv, write_jsonl


@pytest.fixture()
def base(db, tmp_path):
    report = load([write_base(tmp_path / "base")], store=db)
    assert report.rejected == 0, report.errors
    return db


def _load_unchanged(store, paths, ignore=()):
    """Loads `paths`, asserts the graph did not change, returns the report."""
    before, n = snapshot(store, ignore=ignore), counts(store)
    report = load(paths, store=store)
    assert snapshot(store, ignore=ignore) == before
    assert counts(store) == n
    return report


def test_missing_required_column_rejects_the_file(base, tmp_path):
    p = write_csv(tmp_path / "communities.csv", [{"id": "C-9", "name": "新社区", "kind": "community"}])
    r = _load_unchanged(base, [p])
    assert r.errors == [
        RowError(str(p), 1, "street_id", None, "communities.csv required column street_id (所属街道) missing")
    ]
    assert (r.rejected, r.loaded, r.kinds["communities"].rejected) == (1, 0, 1)


def test_unknown_and_repeated_columns_reject_the_file(base, tmp_path):
    p = write_csv(
        tmp_path / "a" / "streets.csv",
        [{"id": "S-9", "name": "x", "kind": "town", "district_id": "350802", "colour": "red", "size": "3"}],
    )
    r = _load_unchanged(base, [p])
    assert r.errors == [
        RowError(
            str(p),
            1,
            "colour, size",
            None,
            "streets.csv unknown columns 'colour', 'size' (a streets file has: id, name, kind, district_id)",
        )
    ]
    q = write_csv(tmp_path / "b" / "streets.csv", [], header=["id", "name", "名称", "kind", "district_id"])
    r = _load_unchanged(base, [q])
    assert r.errors == [RowError(str(q), 1, "名称", None, "streets.csv column name is given twice ('name' and '名称')")]


def test_wrong_types_and_enum_values_name_what_is_allowed(base, tmp_path):
    p = write_csv(
        tmp_path / "units.csv",
        [
            {"id": "U-7", "name": "好单位", "kind": "agency", "level": "province"},
            {"id": "U-8", "name": "", "kind": "ngo", "level": "city"},
        ],
    )
    q = write_csv(
        tmp_path / "pairings.csv",
        [
            {
                "unit_id": "U-1",
                "community_id": "350802100201",
                "since": "2024-13-01",
                "min_annual_funding": "30000",
            },
            {"unit_id": "U-2", "community_id": "350802100201", "since": "", "min_annual_funding": "lots"},
            {"unit_id": "U-3", "community_id": "350802100201", "since": "", "min_annual_funding": "-5"},
        ],
    )
    r = _load_unchanged(base, [p, q])
    assert {(e.file, e.row, e.column, e.value, e.reason) for e in r.errors} == {
        (str(p), 2, "level", "province", "input should be 'city' or 'district'"),
        (str(p), 3, "name", None, "required, but empty"),
        (str(p), 3, "kind", "ngo", "input should be 'agency', 'soe', 'institution' or 'enterprise'"),
        (
            str(q),
            2,
            "since",
            "2024-13-01",
            "input should be a valid date or datetime, month value is outside expected range of 1-12",
        ),
        (
            str(q),
            3,
            "min_annual_funding",
            "lots",
            "input should be a valid integer, unable to parse string as an integer",
        ),
        (str(q), 4, "min_annual_funding", "-5", "input should be greater than or equal to 0"),
    }
    assert r.rejected == 5 and r.loaded == 0


def test_duplicate_id_in_a_file_keeps_the_first_and_names_it(base, tmp_path):
    first = dict(BASE["communities"][0])
    p = write_csv(tmp_path / "communities.csv", [first, {**first, "name": "冒名社区"}])
    r = _load_unchanged(base, [p], ignore=("updated_at",))  # the first row rewrites what the graph has
    assert r.errors == [
        RowError(str(p), 3, "id", "350802006002", "duplicate id '350802006002': row 2 of this file has it already")
    ]
    assert (r.loaded, r.rejected) == (1, 1)


def test_dangling_references_are_rejected_never_created(base, tmp_path):
    p = write_csv(
        tmp_path / "pairings.csv",
        [
            {"unit_id": "U-404", "community_id": "350802100201"},
            {"unit_id": "U-3", "community_id": "999999"},
        ],
    )
    q = write_csv(tmp_path / "grids.csv", [{"id": "G-9", "name": "孤网格", "kind": "other", "community_id": "NOPE"}])
    s = write_csv(
        tmp_path / "party_orgs.csv",
        [  # serves_id must be a Street for a street working committee
            {
                "id": "PO-X",
                "name": "错党工委",
                "kind": "street_working_committee",
                "parent_id": "",
                "serves_id": "350802006002",
            }
        ],
    )
    r = _load_unchanged(base, [p, q, s])
    assert {(e.file, e.row, e.column, e.value, e.reason) for e in r.errors} == {
        (str(p), 2, "unit_id", "U-404", "no Unit with id 'U-404' in the graph or in the files of this load"),
        (
            str(p),
            3,
            "community_id",
            "999999",
            "no Community with id '999999' in the graph or in the files of this load",
        ),
        (
            str(q),
            2,
            "community_id",
            "NOPE",
            "no Community with id 'NOPE' in the graph or in the files of this load",
        ),
        (
            str(s),
            2,
            "serves_id",
            "350802006002",
            "no Street with id '350802006002' in the graph or in the files of this load",
        ),
    }


def test_a_rejected_row_takes_its_dependents_with_it(base, tmp_path):
    folder = tmp_path / "in"
    write_csv(folder / "streets.csv", [{"id": "S-1", "name": "新街道", "kind": "street", "district_id": "350899"}])
    write_csv(folder / "communities.csv", [{"id": "C-1", "name": "新社区", "kind": "community", "street_id": "S-1"}])
    write_csv(folder / "grids.csv", [{"id": "G-8", "name": "新网格", "kind": "other", "community_id": "C-1"}])
    r = _load_unchanged(base, [folder])
    assert [(e.file, e.row, e.column, e.reason) for e in r.errors] == [
        (
            str(folder / "communities.csv"),
            2,
            "street_id",
            "no Street with id 'S-1' in the graph, and the row that declares it "
            f"({folder / 'streets.csv'} row 2) was rejected",
        ),
        (
            str(folder / "grids.csv"),
            2,
            "community_id",
            f"no Community with id 'C-1' in the graph, and the row that declares it "
            f"({folder / 'communities.csv'} row 2) was rejected",
        ),
        (
            str(folder / "streets.csv"),
            2,
            "district_id",
            "no District with id '350899' in the graph or in the files of this load",
        ),
    ]


def test_unreadable_and_misencoded_files(base, tmp_path):
    junk = tmp_path / "a" / "units.csv"
    junk.parent.mkdir()
    junk.write_bytes(bytes(range(128, 256)) * 4)
    mixed = tmp_path / "b" / "units.csv"
    mixed.parent.mkdir()
    mixed.write_bytes(
        "id,name,kind,level\nU-5,天马供电所,soe,city\n".encode() + "U-6,雁石供销社,enterprise,city\n".encode("gbk")
    )
    xlsx = tmp_path / "c" / "units.xlsx"
    xlsx.parent.mkdir()
    xlsx.write_text("not a workbook")
    utf16 = tmp_path / "d" / "units.csv"
    utf16.parent.mkdir()
    utf16.write_text("id,name,kind,level\nU-5,天马供电所,soe,city\n", encoding="utf-16")
    r = _load_unchanged(base, [junk, mixed, xlsx, utf16])
    assert [(e.file, e.row, e.reason) for e in r.errors] == [
        (
            str(junk),
            None,
            "units.csv is neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset 0); save it as CSV UTF-8",
        ),
        (
            str(mixed),
            None,
            "units.csv is UTF-8 text with an invalid byte at offset 52 (line 3): mixed encodings? save it as CSV UTF-8",
        ),
        (str(xlsx), None, "units.xlsx is not a readable XLSX workbook (BadZipFile: File is not a zip file)"),
        (str(utf16), None, "units.csv is UTF-16 encoded; save it as UTF-8 (CSV UTF-8) or GBK instead"),
    ]
    assert r.rejected == 4


def test_empty_files_and_unknown_names(base, tmp_path):
    empty = tmp_path / "a" / "units.csv"
    empty.parent.mkdir()
    empty.write_bytes(b"")
    blank = tmp_path / "b" / "units.csv"
    blank.parent.mkdir()
    blank.write_text("\n\n")
    nameless = write_csv(tmp_path / "c" / "people.csv", [{"id": "P-1"}])
    nameless = nameless.rename(tmp_path / "c" / "stuff.csv")
    r = _load_unchanged(base, [empty, blank, nameless, tmp_path / "missing.csv"])
    assert [(e.file, e.row, e.reason) for e in r.errors] == [
        (str(tmp_path / "missing.csv"), None, "no such file or folder"),
        (str(empty), None, "units.csv is empty: no header row (the first row must name the columns)"),
        (str(blank), None, "units.csv is empty: no header row (the first row must name the columns)"),
        (
            str(nameless),
            None,
            "stuff.csv: the file name names no kind of data; name it after its kind, e.g. "
            "communities.csv or 社区.csv (kinds: " + ", ".join(BY_NAME) + ")",
        ),
    ]
    header_only = write_csv(tmp_path / "d" / "units.csv", [], header=["id", "name", "kind", "level"])
    r = _load_unchanged(base, [header_only])
    assert (r.ok, r.loaded, r.errors, r.kinds["units"].files) == (True, 0, [], 1)


def test_row_numbers_are_as_a_spreadsheet_shows_them(base, tmp_path):
    p = tmp_path / "units.csv"
    p.write_text('id,name,kind,level\n"U-7","多行\n名称",agency,city\n\nU-8,x,agency,town,extra\n', encoding="utf-8")
    r = load([p], store=base)
    # Record 2 spans two lines, row 3 is blank; the spreadsheet rows are 2, 3 (blank), 4.
    assert {(e.row, e.column, e.value, e.reason) for e in r.errors} == {
        (4, None, None, "a value ('extra') in column 5, which has no header"),
        (4, "level", "town", "input should be 'city' or 'district'"),
    }
    assert (r.loaded, r.rejected) == (1, 1)


def test_jsonl_bad_lines(base, tmp_path):
    p = write_jsonl(
        tmp_path / "units.jsonl", [{"id": "U-1", "name": "龙岩市财政局", "kind": "agency", "level": "city"}]
    )
    with p.open("a", encoding="utf-8") as f:
        f.write('[1, 2]\n{"id": "U-9", "name": "x", "kind": "agency", "level": "city", "rank": 1}\n{oops\n')
    r = load([p], store=base)
    assert {(e.row, e.column, e.reason) for e in r.errors} == {
        (2, None, "not a JSON object"),
        (3, None, "unknown key 'rank'"),
        (4, None, "not a JSON object"),
    }
    assert (r.loaded, r.rejected) == (1, 3)


def test_strict_writes_nothing_and_dry_run_writes_nothing(base, tmp_path):
    folder = tmp_path / "in"
    write_csv(
        folder / "units.csv",
        [
            {"id": "U-5", "name": "新单位", "kind": "agency", "level": "city"},
            {"id": "U-6", "name": "坏单位", "kind": "agency", "level": "town"},
        ],
    )
    write_csv(folder / "pairings.csv", [{"unit_id": "U-5", "community_id": "350802100201"}])
    before, n = snapshot(base, ignore=()), counts(base)
    strict = load([folder], store=base, strict=True)
    assert (strict.written, strict.loaded, strict.valid, strict.rejected) == (False, 0, 2, 1)
    dry = load([folder], store=base, dry_run=True, errors_file=tmp_path / "errors.csv")
    assert (dry.written, dry.loaded, dry.valid, dry.rejected) == (False, 0, 2, 1)
    assert snapshot(base, ignore=()) == before and counts(base) == n
    assert (tmp_path / "errors.csv").read_text(encoding="utf-8-sig").splitlines() == [
        "file,row,column,value,reason",
        f"{folder / 'units.csv'},3,level,town,input should be 'city' or 'district'",
    ]
    loose = load([folder], store=base)
    assert (loose.written, loose.loaded, loose.rejected, loose.ok) == (True, 2, 1, False)
    assert counts(base)["nodes"] == n["nodes"] + 1 and counts(base)["relationships"] == n["relationships"] + 1
