"""Hand-built graphs for the issue-loop tests: a street with two communities, grids, a compound,
the party and administrative lines, paired units, departments and people, written with two
test-only statements (cypher/tests/). Issues and steps go through the API like a coordinator's."""

from __future__ import annotations

from contextlib import contextmanager

from graph.catalogue import writes
from graph.catalogue.schema import empty_database
from graph.core.store import Store
from graph.model.nodes import LABELS
from tests.auth_helpers import bearer
from tests.conftest import LOOPBACK

REL_TYPES = {
    "PART_OF",
    "IN_GRID",
    "SERVES",
    "MANAGES",
    "REPRESENTS",
    "WORKS",
    "MEMBER_OF",
    "SECRETARY_OF",
    "PAIRED_WITH",
    "UNDER",
}


def load(store: Store, nodes: list[tuple[str, dict]], rels: list[tuple[str, str, str, str, str, dict]]) -> None:
    for label, _ in nodes:
        assert label in LABELS, label
    for sl, _, typ, el, _, _ in rels:
        assert sl in LABELS and el in LABELS and typ in REL_TYPES, (sl, typ, el)
    n = writes.write(
        "tests/fixture_nodes",
        store=store,
        params={"rows": [{"label": label, "props": p} for label, p in nodes]},
    )[0]["created"]
    assert n == len(nodes)
    rows = [
        {"start_label": a, "start_id": ai, "type": t, "end_label": b, "end_id": bi, "props": p}
        for a, ai, t, b, bi, p in rels
    ]
    r = writes.write("tests/fixture_rels", store=store, params={"rows": rows})[0]["created"]
    assert r == len(rels), f"{r} of {len(rels)} relationships: an end is missing"


def tianma(store: Store) -> None:
    """曹溪街道 with 天马社区 (two grids, a micro-grid, a compound) and 东宝社区 (a neighbour that
    must never show up in 天马's answers)."""

    def N(label, id, name, **kw):
        return label, {"id": id, "name": name, **kw}

    nodes = [
        N("District", "350802", "新罗区"),
        N("Street", "350802006", "曹溪街道", kind="street"),
        N("Community", "350802006002", "天马社区", kind="community", urban_village=False),
        N("Community", "350802006003", "东宝社区", kind="community", urban_village=False),
        N("Grid", "G1", "天马第一网格", kind="compound"),
        N("Grid", "G2", "天马第二网格", kind="other"),
        N("Grid", "G9", "东宝第一网格", kind="other"),
        N("MicroGrid", "MG1", "天马第一网格1号微格"),
        N("Compound", "CP1", "天马花园", property_mode="company"),
        N("PartyOrg", "PO-SWC", "曹溪街道党工委", kind="street_working_committee"),
        N("PartyOrg", "PO-CC", "天马社区党委", kind="community_committee"),
        N("PartyOrg", "PO-BPC", "天马社区大党委", kind="big_party_committee"),
        N("PartyOrg", "PO-CB", "天马花园党支部", kind="compound_branch"),
        N("PartyOrg", "PO-CC9", "东宝社区党委", kind="community_committee"),
        N("AdminOrg", "AO-SO", "曹溪街道办事处", kind="street_office"),
        N("AdminOrg", "AO-RC", "天马社区居委会", kind="residents_committee"),
        N("AdminOrg", "AO-RC9", "东宝社区居委会", kind="residents_committee"),
        N("PropertyCompany", "PCO-1", "红土物业", red=True),
        N("OwnersCommittee", "OC-1", "天马花园业委会", red=True),
        N("Department", "DEP-ZJ", "新罗区住房和城乡建设局", categories=["property"]),
        N("Department", "DEP-CG", "新罗区城市管理局", categories=["sanitation", "municipal", "construction"]),
        N("Unit", "U-1", "龙岩市财政局", kind="agency", level="city"),
        N("Unit", "U-2", "新罗区税务局", kind="agency", level="district"),
        N("Unit", "U-9", "东宝共建单位", kind="enterprise", level="district"),
        N("Person", "P-GW1", "网格员甲", roles=["grid_worker"], phone="138****1111"),
        N("Person", "P-GW2", "网格员乙", roles=["grid_worker"], phone="138****2222"),
        N("Person", "P-MG1", "微格员丙", roles=["grid_worker"], phone="138****3333"),
        N("Person", "P-CAD", "挂钩干部丁", roles=["cadre"], phone="139****4444"),
        N("Person", "P-SEC", "社区书记戊", roles=["party_member"], phone="137****5555"),
        N("Person", "P-DIR", "居委会主任己", roles=[], phone="136****6666"),
        N("Person", "P-SO", "街道主任庚", roles=[], phone="135****7777"),
    ]

    def R(a, ai, t, b, bi, **p):
        return a, ai, t, b, bi, p

    rels = [
        R("Street", "350802006", "PART_OF", "District", "350802"),
        R("Community", "350802006002", "PART_OF", "Street", "350802006"),
        R("Community", "350802006003", "PART_OF", "Street", "350802006"),
        R("Grid", "G1", "PART_OF", "Community", "350802006002"),
        R("Grid", "G2", "PART_OF", "Community", "350802006002"),
        R("Grid", "G9", "PART_OF", "Community", "350802006003"),
        R("MicroGrid", "MG1", "PART_OF", "Grid", "G1"),
        R("Compound", "CP1", "IN_GRID", "Grid", "G1"),
        R("PartyOrg", "PO-SWC", "SERVES", "Street", "350802006"),
        R("PartyOrg", "PO-CC", "SERVES", "Community", "350802006002"),
        R("PartyOrg", "PO-BPC", "SERVES", "Community", "350802006002"),
        R("PartyOrg", "PO-CB", "SERVES", "Compound", "CP1"),
        R("PartyOrg", "PO-CC9", "SERVES", "Community", "350802006003"),
        R("AdminOrg", "AO-SO", "SERVES", "Street", "350802006"),
        R("AdminOrg", "AO-RC", "SERVES", "Community", "350802006002"),
        R("AdminOrg", "AO-RC9", "SERVES", "Community", "350802006003"),
        R("PropertyCompany", "PCO-1", "MANAGES", "Compound", "CP1"),
        R("OwnersCommittee", "OC-1", "REPRESENTS", "Compound", "CP1"),
        R("Department", "DEP-ZJ", "PART_OF", "District", "350802"),
        R("Department", "DEP-CG", "PART_OF", "District", "350802"),
        R("Unit", "U-1", "PAIRED_WITH", "Community", "350802006002"),
        R("Unit", "U-2", "PAIRED_WITH", "Community", "350802006002"),
        R("Unit", "U-9", "PAIRED_WITH", "Community", "350802006003"),
        R("Person", "P-GW1", "WORKS", "Grid", "G1", role="grid_worker"),
        R("Person", "P-GW2", "WORKS", "Grid", "G2", role="grid_worker"),
        R("Person", "P-MG1", "WORKS", "MicroGrid", "MG1", role="grid_worker"),
        R("Person", "P-CAD", "SECRETARY_OF", "PartyOrg", "PO-BPC"),
        R("Person", "P-SEC", "MEMBER_OF", "PartyOrg", "PO-CC", role="secretary"),
        R("Person", "P-DIR", "MEMBER_OF", "AdminOrg", "AO-RC", role="director"),
        R("Person", "P-SO", "MEMBER_OF", "AdminOrg", "AO-SO", role="director"),
    ]
    load(store, nodes, rels)


@contextmanager
def tianma_client():
    """An emptied test database holding `tianma`, and a TestClient on it: for module-scoped fixtures
    whose tests share one hand-built graph (the per-test `db` fixture would rebuild it each time)."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from graph.catalogue.schema import apply_schema
    from graph.core.store import get_store

    db = get_store()
    empty_database(db)
    apply_schema(db)
    tianma(db)
    with TestClient(create_app(), client=LOOPBACK) as client:
        # Writes are recorded under the key's person: grid worker P-GW1, unless a test says otherwise.
        client.headers.update(bearer(db, "coordinator", person="P-GW1"))
        yield client
