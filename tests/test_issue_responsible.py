"""Who is responsible, level by level, on the hand-built 天马社区 (tests/issue_fixtures.py)."""

import pytest

from tests.issue_fixtures import tianma_client

COMMUNITY = [
    ("community", "community_committee", "PO-CC"),
    ("community", "residents_committee", "AO-RC"),
    ("community", "big_party_committee", "PO-BPC"),
    ("community", "big_party_committee_secretary", "P-CAD"),
    ("community", "paired_unit", "U-2"),
    ("community", "paired_unit", "U-1"),
]
STREET = [("street", "street_working_committee", "PO-SWC"), ("street", "street_office", "AO-SO")]
GRID_MG1_PROPERTY = [
    ("grid", "grid_worker", "P-MG1"),
    ("grid", "grid_worker", "P-GW1"),
    ("grid", "compound_branch", "PO-CB"),
    ("grid", "property_company", "PCO-1"),
    ("grid", "owners_committee", "OC-1"),
]


@pytest.fixture(scope="module")
def client(neo4j_server):
    with tianma_client() as c:
        yield c


def parties(body):
    return [(p["level"], p["role"], p["id"]) for p in body["responsible"]]


def test_a_micro_grid_property_matter_goes_from_the_grid_to_the_district(client):
    r = client.get("/api/v1/grids/MG1/responsible", params={"category": "property"})
    assert r.status_code == 200
    body = r.json()
    assert parties(body) == GRID_MG1_PROPERTY + COMMUNITY + STREET + [("district", "department", "DEP-ZJ")]
    by_id = {p["id"]: p for p in body["responsible"]}
    assert by_id["PCO-1"]["why"] == [
        "MicroGrid 天马第一网格1号微格 -PART_OF-> Grid 天马第一网格",
        "Grid 天马第一网格 <-IN_GRID- Compound 天马花园",
        "Compound 天马花园 <-MANAGES- PropertyCompany 红土物业",
    ]
    assert by_id["P-CAD"]["why"] == [
        "MicroGrid 天马第一网格1号微格 -PART_OF-> Community 天马社区",
        "Community 天马社区 <-SERVES- PartyOrg 天马社区大党委",
        "PartyOrg 天马社区大党委 <-SECRETARY_OF- Person 挂钩干部丁",
    ]
    assert (
        by_id["DEP-ZJ"]["why"][-1]
        == "District 新罗区 <-PART_OF- Department 新罗区住房和城乡建设局 (categories include property)"
    )
    assert by_id["PO-CC"]["contact"] == {"name": "社区书记戊", "role": "secretary", "phone": "137****5555"}
    assert by_id["P-MG1"]["contact"] == {"name": "微格员丙", "role": "grid_worker", "phone": "138****3333"}
    assert by_id["PO-BPC"]["contact"] is None


def test_an_unknown_category_still_gets_the_grid_community_and_street(client):
    body = client.get("/api/v1/grids/G2/responsible", params={"category": "no-such-category"}).json()
    assert parties(body) == [("grid", "grid_worker", "P-GW2")] + COMMUNITY + STREET
    sanitation = client.get("/api/v1/grids/G1/responsible", params={"category": "sanitation"}).json()
    assert parties(sanitation) == [
        ("grid", "grid_worker", "P-GW1"),
        ("grid", "compound_branch", "PO-CB"),
        ("grid", "property_company", "PCO-1"),
        ("grid", "owners_committee", "OC-1"),
    ] + COMMUNITY + STREET + [("district", "department", "DEP-CG")]


def test_an_issue_lists_its_current_level_first_then_up_then_down(client):
    assert (
        client.post(
            "/api/v1/issues",
            json={
                "id": "I-1",
                "title": "物业不作为",
                "category": "property",
                "channel": "platform",
                "located_in_id": "MG1",
                "level": "community",
                "at": "2024-05-01T10:00:00+08:00",
            },
        ).status_code
        == 201
    )
    assert (
        client.post(
            "/api/v1/issues/I-1/steps", json={"action": "escalate", "at": "2024-05-02T10:00:00+08:00"}
        ).status_code
        == 201
    )
    body = client.get("/api/v1/issues/I-1/responsible").json()
    assert (body["level"], body["category"], body["location"]["id"]) == ("street", "property", "MG1")
    assert parties(body) == STREET + [("district", "department", "DEP-ZJ")] + COMMUNITY + GRID_MG1_PROPERTY
    assert body["responsible"][0]["why"] == [
        "Issue I-1 -LOCATED_IN-> MicroGrid 天马第一网格1号微格",
        "MicroGrid 天马第一网格1号微格 -PART_OF-> Community 天马社区",
        "Community 天马社区 -PART_OF-> Street 曹溪街道",
        "Street 曹溪街道 <-SERVES- PartyOrg 曹溪街道党工委",
    ]


def test_unknown_ids_are_404_with_the_id(client):
    for path, name in [
        ("/api/v1/grids/G-NOPE/responsible", "G-NOPE"),
        ("/api/v1/grids/350802006002/responsible", "350802006002"),  # a community is not a grid
        ("/api/v1/issues/I-NOPE/responsible", "I-NOPE"),
    ]:
        r = client.get(path)
        assert r.status_code == 404 and name in r.json()["detail"], path
