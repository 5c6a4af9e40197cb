"""`grassroots divisions load`: the real divisions written as input files and loaded through ingest."""

from __future__ import annotations

import pytest

from graph.core.errors import UserError
from ingest.divisions.loading import load_divisions, write_division_files
from ingest.pipeline import load
from tests.conftest import read_raw

XINLUO_STREETS = {
    ("350802001", "东城街道", "street"),
    ("350802002", "南城街道", "street"),
    ("350802003", "西城街道", "street"),
    ("350802004", "中城街道", "street"),
    ("350802005", "西陂街道", "street"),
    ("350802006", "曹溪街道", "street"),
    ("350802007", "东肖街道", "street"),
    ("350802008", "龙门街道", "street"),
    ("350802009", "铁山街道", "street"),
    ("350802010", "北城街道", "street"),
    ("350802100", "红坊镇", "town"),
    ("350802101", "适中镇", "town"),
    ("350802102", "雁石镇", "town"),
    ("350802103", "白沙镇", "town"),
    ("350802104", "万安镇", "town"),
    ("350802105", "大池镇", "town"),
    ("350802106", "小池镇", "town"),
    ("350802107", "江山镇", "town"),
    ("350802108", "岩山镇", "town"),
    ("350802109", "苏坂镇", "town"),
}


def test_load_xinluo_through_ingest(db):
    report = load_divisions(under="350802", store=db)
    assert (report.rejected, report.loaded) == (0, 1 + 20 + 358)
    streets = read_raw(
        db,
        "MATCH (s:Street)-[:PART_OF]->(:District {id: '350802', name: '新罗区'}) "
        "RETURN s.id AS id, s.name AS name, s.kind AS kind",
    )
    assert {(r["id"], r["name"], r["kind"]) for r in streets} == XINLUO_STREETS
    kinds = read_raw(db, "MATCH (c:Community)-[:PART_OF]->(:Street) RETURN c.kind AS kind, count(*) AS n")
    assert {(r["kind"], r["n"]) for r in kinds} == {("community", 76), ("village", 282)}
    tianma = read_raw(
        db,
        "MATCH (c:Community {id: '350802006002'})-[:PART_OF]->(s:Street) "
        "RETURN c.name AS name, c.kind AS kind, c.urban_village AS uv, s.name AS street, c.source AS source",
    )
    assert [r.data() for r in tianma] == [
        {
            "name": "天马社区",
            "kind": "community",
            "uv": False,
            "street": "曹溪街道",
            "source": "communities.csv",
        }
    ]


def test_reloading_divisions_keeps_urban_village_flags(db, tmp_path):
    assert load_divisions(under="350802", store=db).rejected == 0
    (tmp_path / "communities.csv").write_text(
        "id,name,kind,urban_village,street_id\n350802006201,曹溪村,village,true,350802006\n", encoding="utf-8"
    )
    assert load([tmp_path], store=db).rejected == 0
    again = load_divisions(under="350802", store=db)
    assert (again.rejected, again.loaded) == (0, 379)
    flagged = read_raw(db, "MATCH (c:Community {urban_village: true}) RETURN c.id AS id")
    assert [r["id"] for r in flagged] == ["350802006201"]
    assert read_raw(db, "MATCH (n) RETURN count(n) AS n")[0]["n"] == 379


def test_written_files_have_the_model_columns(tmp_path):
    counts = write_division_files(under="350802", out=tmp_path)
    assert counts == {"districts": 1, "streets": 20, "communities": 358}
    assert (tmp_path / "communities.csv").read_text(encoding="utf-8").splitlines()[0] == "id,name,kind,street_id"


def test_bad_code_names_the_problem(tmp_path):
    with pytest.raises(UserError, match="not a province, city or county code"):
        write_division_files(under="35x", out=tmp_path)
    assert not list(tmp_path.glob("*.csv"))
