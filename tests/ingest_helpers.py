"""Hand-made input files for the ingest tests, and a graph snapshot to compare loads by."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from graph.catalogue import reads
from graph.catalogue.schema import empty_database
from graph.core.store import Store
from graph.model.kinds import BY_NAME
from ingest.readers import kind_for

# A small, coherent dataset: 1 district, 2 streets, 3 communities, 2 grids, 3 units, 3 people,
# 2 party organizations, 2 issues with trails, 3 pairings, 1 membership.
BASE: dict[str, list[dict]] = {
    "districts": [{"id": "350802", "name": "新罗区"}],
    "streets": [
        {"id": "350802006", "name": "曹溪街道", "kind": "street", "district_id": "350802"},
        {"id": "350802100", "name": "雁石镇", "kind": "town", "district_id": "350802"},
    ],
    "communities": [
        {
            "id": "350802006002",
            "name": "天马社区",
            "kind": "community",
            "urban_village": "false",
            "street_id": "350802006",
        },
        {
            "id": "350802006003",
            "name": "东肖社区",
            "kind": "community",
            "urban_village": "true",
            "street_id": "350802006",
        },
        {
            "id": "350802100201",
            "name": "雁石村",
            "kind": "village",
            "urban_village": "",
            "street_id": "350802100",
        },
    ],
    "grids": [
        {"id": "G-1", "name": "天马社区第一网格", "kind": "compound", "community_id": "350802006002"},
        {
            "id": "G-2",
            "name": "雁石村第一村民小组",
            "kind": "villagers_group",
            "community_id": "350802100201",
        },
    ],
    "units": [
        {"id": "U-1", "name": "龙岩市财政局", "kind": "agency", "level": "city"},
        {"id": "U-2", "name": "新罗区供电公司", "kind": "soe", "level": "district"},
        {"id": "U-3", "name": "龙岩学院", "kind": "institution", "level": "city"},
    ],
    "people": [
        {"id": "P-1", "name": "张伟", "roles": "cadre;party_member", "phone": "13800001234"},
        {"id": "P-2", "name": "李娜", "roles": "grid_worker", "phone": ""},
        {"id": "P-3", "name": "王芳", "roles": "", "phone": ""},
    ],
    "party_orgs": [
        {
            "id": "PO-SWC-1",
            "name": "曹溪街道党工委",
            "kind": "street_working_committee",
            "parent_id": "",
            "serves_id": "350802006",
        },
        {
            "id": "PO-BPC-1",
            "name": "天马社区大党委",
            "kind": "big_party_committee",
            "parent_id": "PO-SWC-1",
            "serves_id": "350802006002",
        },
    ],
    "issues": [
        {
            "id": "I-1",
            "title": "路灯不亮",
            "category": "municipal",
            "channel": "evening_talk",
            "reported_at": "2024-05-10T19:30:00+08:00",
            "status": "open",
            "level": "grid",
            "located_in_id": "G-1",
        },
        {
            "id": "I-2",
            "title": "垃圾清运",
            "category": "sanitation",
            "channel": "visit",
            "reported_at": "2024-06-01 09:00",
            "status": "",
            "level": "",
            "located_in_id": "350802006003",
        },
    ],
    "issue_steps": [
        {
            "issue_id": "I-1",
            "seq": 1,
            "action": "filed",
            "level": "grid",
            "at": "2024-05-10T19:30:00+08:00",
            "due": "",
            "by_id": "P-2",
        },
        {
            "issue_id": "I-1",
            "seq": 2,
            "action": "escalated",
            "level": "grid",
            "at": "2024-05-11T09:00:00+08:00",
            "due": "",
            "by_id": "P-2",
        },
        {
            "issue_id": "I-1",
            "seq": 3,
            "action": "accepted",
            "level": "community",
            "at": "2024-05-12T09:00:00+08:00",
            "due": "2024-05-20",
            "by_id": "PO-BPC-1",
        },
        {
            "issue_id": "I-1",
            "seq": 4,
            "action": "resolved",
            "level": "community",
            "at": "2024-05-15T09:00:00+08:00",
            "due": "",
            "by_id": "PO-BPC-1",
        },
        {
            "issue_id": "I-2",
            "seq": 1,
            "action": "filed",
            "level": "community",
            "at": "2024-06-01T09:00:00+08:00",
            "due": "",
            "by_id": "",
        },
        {
            "issue_id": "I-2",
            "seq": 2,
            "action": "escalated",
            "level": "community",
            "at": "2024-06-03T09:00:00+08:00",
            "due": "",
            "by_id": "",
        },
    ],
    "pairings": [
        {
            "unit_id": "U-1",
            "community_id": "350802006002",
            "since": "2024-01-01",
            "min_annual_funding": 30000,
        },
        {"unit_id": "U-2", "community_id": "350802006002", "since": "", "min_annual_funding": ""},
        {"unit_id": "U-1", "community_id": "350802006003", "since": "2024/3/1", "min_annual_funding": 50000},
    ],
    "memberships": [
        {"person_id": "P-2", "org_id": "PO-BPC-1", "role": "member", "since": "2024-01-01", "until": ""},
    ],
}

# The graph BASE must give, written out by hand: (label, id) and (start id, type, end id).
BASE_NODES = {
    ("District", "350802"),
    ("Street", "350802006"),
    ("Street", "350802100"),
    ("Community", "350802006002"),
    ("Community", "350802006003"),
    ("Community", "350802100201"),
    ("Grid", "G-1"),
    ("Grid", "G-2"),
    ("Unit", "U-1"),
    ("Unit", "U-2"),
    ("Unit", "U-3"),
    ("Person", "P-1"),
    ("Person", "P-2"),
    ("Person", "P-3"),
    ("PartyOrg", "PO-SWC-1"),
    ("PartyOrg", "PO-BPC-1"),
    ("Issue", "I-1"),
    ("Issue", "I-2"),
    ("Step", "I-1#1"),
    ("Step", "I-1#2"),
    ("Step", "I-1#3"),
    ("Step", "I-1#4"),
    ("Step", "I-2#1"),
    ("Step", "I-2#2"),
}
BASE_RELS = {
    ("350802006", "PART_OF", "350802"),
    ("350802100", "PART_OF", "350802"),
    ("350802006002", "PART_OF", "350802006"),
    ("350802006003", "PART_OF", "350802006"),
    ("350802100201", "PART_OF", "350802100"),
    ("G-1", "PART_OF", "350802006002"),
    ("G-2", "PART_OF", "350802100201"),
    ("PO-SWC-1", "SERVES", "350802006"),
    ("PO-BPC-1", "SERVES", "350802006002"),
    ("PO-BPC-1", "UNDER", "PO-SWC-1"),
    ("I-1", "LOCATED_IN", "G-1"),
    ("I-2", "LOCATED_IN", "350802006003"),
    ("I-1", "FIRST_STEP", "I-1#1"),
    ("I-1#1", "NEXT", "I-1#2"),
    ("I-1#2", "NEXT", "I-1#3"),
    ("I-1#3", "NEXT", "I-1#4"),
    ("I-1", "LAST_STEP", "I-1#4"),
    ("I-2", "FIRST_STEP", "I-2#1"),
    ("I-2#1", "NEXT", "I-2#2"),
    ("I-2", "LAST_STEP", "I-2#2"),
    ("I-1#1", "BY", "P-2"),
    ("I-1#2", "BY", "P-2"),
    ("I-1#3", "BY", "PO-BPC-1"),
    ("I-1#4", "BY", "PO-BPC-1"),
    ("U-1", "PAIRED_WITH", "350802006002"),
    ("U-2", "PAIRED_WITH", "350802006002"),
    ("U-1", "PAIRED_WITH", "350802006003"),
    ("P-2", "MEMBER_OF", "PO-BPC-1"),
}


def zh_header(kind: str, column: str) -> str:
    """The Chinese header of a kind's column."""
    return next(zh for name, zh, *_ in BY_NAME[kind].columns() if name == column)


def write_csv(
    path: Path,
    rows: list[dict],
    *,
    encoding: str = "utf-8",
    chinese: bool = False,
    header: list[str] | None = None,
) -> Path:
    """`rows` as CSV; `chinese` writes the Chinese headers; `header` overrides the header row."""
    kind = kind_for(path).name
    cols = list(rows[0]) if rows else list(header or [])
    head = header or ([zh_header(kind, c) for c in cols] if chinese else cols)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(head)
        for r in rows:
            w.writerow([r.get(c, "") for c in cols])
    return path


def write_xlsx(path: Path, rows: list[dict]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    cols = list(rows[0])
    ws.append(cols)
    for r in rows:
        ws.append([None if r[c] == "" else r[c] for c in cols])
    wb.save(path)
    return path


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps({k: v for k, v in r.items() if v != ""}, ensure_ascii=False) + "\n")
    return path


def write_base(folder: Path, fmt: str = "csv", **kw) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for kind, rows in BASE.items():
        path = folder / f"{kind}.{fmt}"
        if fmt == "csv":
            write_csv(path, rows, **kw)
        elif fmt == "xlsx":
            write_xlsx(path, rows)
        else:
            write_jsonl(path, rows)
    return folder


def _freeze(v):
    return tuple(v) if isinstance(v, list) else v


def snapshot(store: Store, ignore: tuple[str, ...] = ("updated_at",)) -> tuple[frozenset, frozenset]:
    """Every node (labels, id, properties) and relationship (start, type, end, properties), without
    `updated_at` (one value per load): two loads of the same data give equal snapshots. Add
    "source" to `ignore` to compare loads of differently named files (CSV against XLSX)."""

    def props(m):
        return frozenset((k, _freeze(v)) for k, v in m.items() if k not in ignore)

    nodes = frozenset(
        (tuple(sorted(r["labels"])), r["id"], props(r["props"]))
        for r in reads.read("tests/ingest_nodes", store=store, row_cap=10_000_000).records
    )
    rels = frozenset(
        (r["start"], r["type"], r["end"], props(r["props"]))
        for r in reads.read("tests/ingest_rels", store=store, row_cap=10_000_000).records
    )
    return nodes, rels


def empty(store: Store) -> None:
    empty_database(store)


def ids(store: Store) -> set[tuple[str, str]]:
    return {(labels[0], id) for labels, id, _ in snapshot(store)[0]}


def pairs(store: Store) -> set[tuple[str, str, str]]:
    return {(a, t, b) for a, t, b, _ in snapshot(store)[1]}
