"""Ingest: CSV (UTF-8, UTF-8 with BOM, GBK), XLSX and JSON Lines, English or Chinese headers, all
load the same hand-checked graph; templates load; the CLI reports and sets its exit status."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone

import pytest
from typer.testing import CliRunner

from cli.app import app
from graph.catalogue import reads
from graph.core.settings import get_settings
from ingest.pipeline import load
from ingest.templates import write_templates
from tests.ingest_helpers import (
    BASE,
    BASE_NODES,
    BASE_RELS,
    empty,
    ids,
    pairs,
    snapshot,
    write_base,
    write_csv,
)

CST = timezone(timedelta(hours=8))


def _props(store, label_id):
    return next(dict(p) for labels, id, p in snapshot(store)[0] if (labels[0], id) == label_id)


def _rel_props(store, start, type_, end):
    return next(dict(p) for a, t, b, p in snapshot(store)[1] if (a, t, b) == (start, type_, end))


def test_base_loads_the_expected_graph(db, tmp_path):
    report = load([write_base(tmp_path / "in")], store=db)
    assert (report.rejected, report.errors) == (0, [])
    assert report.loaded == report.valid == sum(len(v) for v in BASE.values())
    assert {k: (c.files, c.loaded) for k, c in report.kinds.items()} == {k: (1, len(v)) for k, v in BASE.items()}
    assert ids(db) == BASE_NODES
    assert pairs(db) == BASE_RELS
    assert _props(db, ("Community", "350802100201")) == {
        "id": "350802100201",
        "name": "雁石村",
        "kind": "village",
        "urban_village": False,
        "source": "communities.csv",
    }
    person = _props(db, ("Person", "P-1"))
    assert (person["phone"], person["roles"]) == ("138****1234", ("cadre", "party_member"))
    # Status and level follow the trail, not the issues file: I-1 resolved at community, I-2 waits at street.
    assert {(i, _props(db, ("Issue", i))["status"], _props(db, ("Issue", i))["level"]) for i in ("I-1", "I-2")} == {
        ("I-1", "resolved", "community"),
        ("I-2", "open", "street"),
    }
    issue = _props(db, ("Issue", "I-2"))
    assert issue["reported_at"].to_native() == datetime(2024, 6, 1, 9, 0, tzinfo=CST)  # no offset given: Beijing time
    step = _props(db, ("Step", "I-1#3"))
    assert (step["seq"], step["action"], step["level"], step["due"].to_native()) == (
        3,
        "accepted",
        "community",
        datetime(2024, 5, 20, tzinfo=CST),
    )
    assert _rel_props(db, "U-1", "PAIRED_WITH", "350802006003") == {
        "since": date(2024, 3, 1),
        "min_annual_funding": 50000,
        "source": "pairings.csv",
    }
    assert _rel_props(db, "U-2", "PAIRED_WITH", "350802006002") == {
        "min_annual_funding": 30000,
        "source": "pairings.csv",
    }
    assert _rel_props(db, "P-2", "MEMBER_OF", "PO-BPC-1") == {
        "role": "member",
        "since": date(2024, 1, 1),
        "source": "memberships.csv",
    }
    stamps = {
        r["updated_at"]
        for r in reads.read("tests/ingest_nodes", store=db, row_cap=10_000_000).records
        for r in [r["props"]]
    }
    assert len(stamps) == 1 and next(iter(stamps)).utcoffset() == timedelta(0)  # one UTC value per load


def test_encodings_load_the_same_graph(db, tmp_path):
    shots = {}
    for enc in ("utf-8", "utf-8-sig", "gbk"):
        empty(db)
        report = load([write_base(tmp_path / enc, encoding=enc)], store=db)
        assert report.rejected == 0, report.errors
        shots[enc] = snapshot(db)
    assert shots["utf-8"] == shots["utf-8-sig"] == shots["gbk"]
    assert {(labels[0], id) for labels, id, _ in shots["gbk"][0]} == BASE_NODES
    assert ("Community", "350802006002", "天马社区") in {
        (lb[0], i, dict(p).get("name")) for lb, i, p in shots["gbk"][0]
    }


def test_xlsx_and_jsonl_load_the_same_graph_as_csv(db, tmp_path):
    shots = {}
    for fmt in ("csv", "xlsx", "jsonl"):
        empty(db)
        report = load([write_base(tmp_path / fmt, fmt)], store=db)
        assert report.rejected == 0, report.errors
        shots[fmt] = snapshot(db, ignore=("updated_at", "source"))
    assert shots["csv"] == shots["xlsx"] == shots["jsonl"]
    assert {(lb[0], i) for lb, i, _ in shots["xlsx"][0]} == BASE_NODES


def test_chinese_headers_and_file_names(db, tmp_path):
    folder = tmp_path / "zh"
    names = {
        "districts": "区",
        "streets": "街道",
        "communities": "社区",
        "units": "共建单位",
        "pairings": "结对共建",
    }
    for kind, zh in names.items():
        write_csv(folder / f"{zh}.csv", BASE[kind], chinese=True, encoding="gbk")
    report = load([folder], store=db)
    assert report.rejected == 0, report.errors
    assert set(report.kinds) == set(names)
    want = {
        ("District", "350802"),
        ("Street", "350802006"),
        ("Street", "350802100"),
        ("Community", "350802006002"),
        ("Community", "350802006003"),
        ("Community", "350802100201"),
        ("Unit", "U-1"),
        ("Unit", "U-2"),
        ("Unit", "U-3"),
    }
    assert ids(db) == want
    assert {p for p in pairs(db) if p[1] == "PAIRED_WITH"} == {
        ("U-1", "PAIRED_WITH", "350802006002"),
        ("U-2", "PAIRED_WITH", "350802006002"),
        ("U-1", "PAIRED_WITH", "350802006003"),
    }
    assert _props(db, ("Community", "350802006003"))["urban_village"] is True


def test_templates_validate(db, tmp_path):
    written = write_templates(tmp_path / "tpl")
    assert len(written) == 2 * 44 and {p.suffix for p in written} == {".csv", ".xlsx"}
    report = load([tmp_path / "tpl"], store=db, dry_run=True)
    # Each example row is valid on its own; only references to ids no template declares are rejected.
    assert {e.reason.split(" with id ")[0] for e in report.errors} <= {
        "no AdminOrg",
        "no PartyOrg or AdminOrg or Department or Unit",
        "no PartyOrg or AdminOrg or Unit or Department or PropertyCompany or OwnersCommittee or PropertyMgmtCommittee",
        "no Compound",
        "no Person",
        "no PartyOrg or AdminOrg or Unit or Department or PropertyCompany or "
        "OwnersCommittee or PropertyMgmtCommittee or Person",
        "no PointItem",
        "issue I-000001: step 1 is given again in " + str(tmp_path / "tpl" / "issue_steps.xlsx"),
    }
    assert reads.read("admin/graph_counts", store=db).records[0]["nodes"] == 0  # a dry run writes nothing


def _invoke(args: list[str], lang: str):
    """The CLI in this process with GRASSROOTS_LANG=lang. Typer reads the annotations (and so the help
    texts, which read the settings) before CliRunner sets its env, so the variable is set here."""
    saved = os.environ.get("GRASSROOTS_LANG")
    os.environ["GRASSROOTS_LANG"] = lang
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, args)
    finally:
        if saved is None:
            os.environ.pop("GRASSROOTS_LANG")
        else:
            os.environ["GRASSROOTS_LANG"] = saved
        get_settings.cache_clear()


CLI_TEXT = {
    "zh": {
        "title": "载入汇总",
        "ok": f"{len(BASE)} 个文件：已载入 28 行；有效 28 行，拒绝 0 行，用时",
        "bad": "1 个文件：已载入 0 行；有效 0 行，拒绝 1 行，用时",
        "errors": "共 1 个错误，前 1 个：",
        "errors_file": "所有被拒绝的行都已写入 {}。",
    },
    "en": {
        "title": "Load summary",
        "ok": f"{len(BASE)} files: loaded 28 rows; 28 valid, 0 rejected, in",
        "bad": "1 files: loaded 0 rows; 0 valid, 1 rejected, in",
        "errors": "First 1 of 1 errors:",
        "errors_file": "Every rejected row is in {}.",
    },
}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_cli_ingest_reports_and_exits_nonzero_on_rejections(db, tmp_path, lang):
    said = CLI_TEXT[lang]
    folder = write_base(tmp_path / "in")
    ok = _invoke(["ingest", str(folder), "--batch-size", "3"], lang)
    assert ok.exit_code == 0, ok.output
    assert said["title"] in ok.output and said["ok"] in ok.output
    bad = write_csv(
        tmp_path / "bad" / "streets.csv",
        [{"id": "S-9", "name": "x", "kind": "city", "district_id": "350802"}],
    )
    errors = tmp_path / "errors.csv"
    res = _invoke(["ingest", str(bad), "--errors", str(errors)], lang)
    assert res.exit_code == 1
    assert "input should be 'street' or 'town'" in res.output
    assert said["bad"] in res.output and said["errors"] in res.output
    assert said["errors_file"].format(errors) in res.output
    assert errors.read_text(encoding="utf-8-sig").splitlines() == [
        "file,row,column,value,reason",
        f"{bad},2,kind,city,input should be 'street' or 'town'",
    ]
