"""A small hand-built world for the catalogue and read-API tests, written as ordinary input files
(CSV, one per kind) and loaded through ingest.pipeline.load.

曹溪街道 350802006: 天马社区 C1 (big party committee BPC1; grids G1 G2; micro-grid MG1 in G1)
                    翠屏社区 C2 (BPC2; grids G3 G4)
东城街道 350802005: 龙腾村 C3 (village, no committee; grid G5)
                    东宝社区 C4 (BPC4; grid G6)
Units: U1 paired with C1 and COVERS G1; U2 paired with C1; U3 paired with C4 (from 2025, minimum
50,000) and COVERS G3; U4 is neither paired nor covers anything.
Compounds: K1 天马花园 (company PCO1, owners' committee OC1), K2 天马二村 (management committee
PMC2), K3 翠屏小区 (mode company, no company), K4 翠屏新村 (self-managed), K5 东宝花园 (mode
mgmt_committee, no committee), K6 东宝小区 (community fallback).
Cadres: P1 linked to C1 C2 C3 C4, secretary of BPC1; P2 linked to C2, secretary of BPC2.
Funding: U1->C1 30,000 (2024), 10,000 + 25,000 (2025); U2->C1 20,000 (2024), none in 2025;
U3->C4 40,000 (2025); U3->C2 5,000 (2025, not paired).
Joint meetings: BPC1 every quarter of 2024 and 2025-Q1; C2 in 2024-Q1 (by BPC2) and 2024-Q3
(held by the street committee FOR C2); BPC4 none (an evening talk does not count).
Issues: I1 resolved at grid; I2 (in MG1) resolved at community; I3 resolved at street, then
closed; I6 resolved at district (2025); I4 open in G2; I5 open in G3; I7 resolved at grid, then
reopened (open).
"""

from __future__ import annotations

import csv
from pathlib import Path

C1, C2, C3, C4 = "350802006002", "350802006003", "350802005001", "350802005002"
G1, G2, G3, G4, G5, G6 = (
    "G-350802006002-01",
    "G-350802006002-02",
    "G-350802006003-01",
    "G-350802006003-02",
    "G-350802005001-01",
    "G-350802005002-01",
)
K1, K2, K3, K4, K5, K6 = (
    "C-350802006002-01",
    "C-350802006002-02",
    "C-350802006003-01",
    "C-350802006003-02",
    "C-350802005002-01",
    "C-350802005002-02",
)
BPC1, BPC2, BPC4 = "PO-BPC-350802006002", "PO-BPC-350802006003", "PO-BPC-350802005002"


def _rows(header: str, *lines: str) -> list[dict[str, str]]:
    keys = header.split(",")
    return [dict(zip(keys, line.split(","), strict=True)) for line in lines]


def _trail(issue: str, *steps: str) -> list[str]:
    """'action level at by' per step -> issue_steps lines."""
    out = []
    for seq, s in enumerate(steps, 1):
        action, level, at, by = s.split()
        out.append(f"{issue}#{seq},{issue},{seq},{action},{level},{at},,{by}")
    return out


FILES: dict[str, list[dict[str, str]]] = {
    "districts": _rows("id,name", "350802,新罗区"),
    "streets": _rows(
        "id,name,kind,district_id", "350802006,曹溪街道,street,350802", "350802005,东城街道,street,350802"
    ),
    "communities": _rows(
        "id,name,kind,urban_village,street_id",
        f"{C1},天马社区,community,false,350802006",
        f"{C2},翠屏社区,community,false,350802006",
        f"{C3},龙腾村,village,true,350802005",
        f"{C4},东宝社区,community,false,350802005",
    ),
    "grids": _rows(
        "id,name,kind,community_id",
        f"{G1},天马社区第一网格,compound,{C1}",
        f"{G2},天马社区第二网格,compound,{C1}",
        f"{G3},翠屏社区第一网格,compound,{C2}",
        f"{G4},翠屏社区第二网格,other,{C2}",
        f"{G5},龙腾村第一村民小组,villagers_group,{C3}",
        f"{G6},东宝社区第一网格,compound,{C4}",
    ),
    "micro_grids": _rows("id,name,grid_id", f"MG1,天马社区第一网格1号微格,{G1}"),
    "compounds": _rows(
        "id,name,property_mode,grid_id",
        f"{K1},天马花园,company,{G1}",
        f"{K2},天马二村,mgmt_committee,{G2}",
        f"{K3},翠屏小区,company,{G3}",
        f"{K4},翠屏新村,self_managed,{G4}",
        f"{K5},东宝花园,mgmt_committee,{G6}",
        f"{K6},东宝小区,community_fallback,{G6}",
    ),
    "party_orgs": _rows(
        "id,name,kind,parent_id,serves_id",
        "PO-SWC,曹溪街道党工委,street_working_committee,,350802006",
        f"PO-CC1,天马社区党委,community_committee,PO-SWC,{C1}",
        f"{BPC1},天马社区大党委,big_party_committee,PO-SWC,{C1}",
        f"{BPC2},翠屏社区大党委,big_party_committee,PO-SWC,{C2}",
        f"{BPC4},东宝社区大党委,big_party_committee,,{C4}",
    ),
    "admin_orgs": _rows("id,name,kind,parent_id,serves_id", f"AO-RC1,天马社区居委会,residents_committee,,{C1}"),
    "units": _rows(
        "id,name,kind,level",
        "U1,龙岩市财政局,agency,city",
        "U2,新罗区教育局,agency,district",
        "U3,龙岩烟草公司,soe,city",
        "U4,新罗区人民医院,institution,district",
    ),
    "property_companies": _rows("id,name,red", "PCO1,龙岩红土物业服务有限公司,true"),
    "owners_committees": _rows("id,name,red,compound_id", f"OC1,天马花园业委会,true,{K1}"),
    "property_mgmt_committees": _rows("id,name,compound_id", f"PMC2,天马二村物业管理委员会,{K2}"),
    "people": _rows(
        "id,name,roles,phone",
        "P1,张伟,cadre;party_member,13800001234",
        "P2,李娜,cadre,13900005678",
        "P3,王芳,grid_worker,",
    ),
    "projects": _rows("id,name,category,budget,community_id", f"PRJ-001,天马社区长者食堂,elderly,50000,{C1}"),
    "fundings": _rows(
        "id,year,amount,unit_id,community_id,project_id",
        f"F1,2024,30000,U1,{C1},",
        f"F2,2024,20000,U2,{C1},",
        f"F3,2025,10000,U1,{C1},",
        f"F4,2025,25000,U1,{C1},PRJ-001",
        f"F5,2025,40000,U3,{C4},",
        f"F6,2025,5000,U3,{C2},",
    ),
    "activities": _rows(
        "id,name,date,category,hours,community_id,organizer_id",
        f"A1,义诊进社区,2024-05-12,health,3,{C1},U1",
        f"A2,环境整治,2024-09-01,environment,2,{C1},U1",
    ),
    "meetings": _rows(
        "id,name,kind,date,held_by_id,community_id",
        f"M1,天马联席会议一季度,joint_meeting,2024-02-10,{BPC1},{C1}",
        f"M2,天马联席会议二季度,joint_meeting,2024-05-10,{BPC1},{C1}",
        f"M3,天马联席会议三季度,joint_meeting,2024-08-10,{BPC1},{C1}",
        f"M4,天马联席会议四季度,joint_meeting,2024-11-10,{BPC1},{C1}",
        f"M5,翠屏联席会议,joint_meeting,2024-03-01,{BPC2},{C2}",
        f"M6,翠屏街道联席会议,joint_meeting,2024-07-15,PO-SWC,{C2}",
        f"M7,东宝居民夜谈会,evening_talk,2024-06-01,{BPC4},{C4}",
        f"M8,天马联席会议2025一季度,joint_meeting,2025-01-20,{BPC1},{C1}",
    ),
    "issues": _rows(
        "id,title,category,channel,reported_at,located_in_id",
        f"I1,小区路灯不亮,municipal,evening_talk,2024-05-10T19:30:00+08:00,{G1}",
        "I2,垃圾清运不及时,sanitation,platform,2024-06-01T10:00:00+08:00,MG1",
        f"I3,违章搭建,construction,visit,2024-06-10T10:00:00+08:00,{C1}",
        f"I4,噪音扰民,noise,evening_talk,2024-08-01T20:00:00+08:00,{G2}",
        f"I5,停车难,parking,platform,2024-09-01T09:00:00+08:00,{G3}",
        f"I6,物业费纠纷,property,petition,2025-01-05T09:00:00+08:00,{G1}",
        f"I7,老人助餐,elderly,evening_talk,2024-09-20T19:00:00+08:00,{G2}",
    ),
    "issue_steps": _rows(
        "id,issue_id,seq,action,level,at,due,by_id",
        *_trail("I1", "filed grid 2024-05-10T19:30:00+08:00 P3", "resolved grid 2024-05-12T10:00:00+08:00 P3"),
        *_trail(
            "I2",
            "filed grid 2024-06-01T10:00:00+08:00 P3",
            "escalated grid 2024-06-02T10:00:00+08:00 P3",
            "accepted community 2024-06-03T10:00:00+08:00 AO-RC1",
            "resolved community 2024-06-20T10:00:00+08:00 AO-RC1",
        ),
        *_trail(
            "I3",
            "filed community 2024-06-10T10:00:00+08:00 AO-RC1",
            "escalated community 2024-06-11T10:00:00+08:00 AO-RC1",
            "accepted street 2024-06-12T10:00:00+08:00 PO-SWC",
            "resolved street 2024-07-01T10:00:00+08:00 PO-SWC",
            "closed street 2024-07-02T10:00:00+08:00 PO-SWC",
        ),
        *_trail("I4", "filed grid 2024-08-01T20:00:00+08:00 P3"),
        *_trail("I5", "filed grid 2024-09-01T09:00:00+08:00 P3"),
        *_trail(
            "I6",
            "filed grid 2025-01-05T09:00:00+08:00 P3",
            "escalated grid 2025-01-06T09:00:00+08:00 P3",
            "escalated community 2025-01-08T09:00:00+08:00 AO-RC1",
            "escalated street 2025-01-10T09:00:00+08:00 PO-SWC",
            "accepted district 2025-01-12T09:00:00+08:00 U2",
            "resolved district 2025-03-01T09:00:00+08:00 U2",
        ),
        *_trail(
            "I7",
            "filed grid 2024-09-20T19:00:00+08:00 P3",
            "resolved grid 2024-10-01T10:00:00+08:00 P3",
            "reopened grid 2024-10-05T10:00:00+08:00 P3",
        ),
    ),
    "pairings": _rows(
        "unit_id,community_id,since,min_annual_funding",
        f"U1,{C1},2024-01-01,30000",
        f"U2,{C1},2024-01-01,30000",
        f"U3,{C4},2025-01-01,50000",
    ),
    "coverages": _rows("unit_id,grid_id,since", f"U1,{G1},2024-03-01", f"U3,{G3},2024-06-01"),
    "committee_members": _rows(
        "member_id,committee_id,since",
        f"U1,{BPC1},2024-01-01",
        f"U2,{BPC1},2024-01-01",
        f"PO-SWC,{BPC1},2024-01-01",
        f"PCO1,{BPC1},2024-01-01",
        f"OC1,{BPC1},2024-01-01",
        f"U3,{BPC4},2025-01-01",
    ),
    "memberships": _rows(
        "person_id,org_id,role,since,until",
        "P3,AO-RC1,grid_worker,2022-01-01,",
        "P1,PO-CC1,member,2020-01-01,2023-12-31",
    ),
    "cadre_links": _rows(
        "person_id,community_id,since",
        *(f"P1,{c},2023-06-01" for c in (C1, C2, C3, C4)),
        f"P2,{C2},2023-06-01",
    ),
    "secretaries": _rows("person_id,committee_id,since", f"P1,{BPC1},2023-06-01", f"P2,{BPC2},2023-06-01"),
    "property_contracts": _rows("company_id,compound_id,since", f"PCO1,{K1},2020-01-01"),
    "project_supports": _rows("unit_id,project_id", "U1,PRJ-001"),
}


def write(folder: Path) -> Path:
    """Writes every file of the world as `<kind>.csv` into `folder`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for kind, rows in FILES.items():
        with (folder / f"{kind}.csv").open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]))
            w.writeheader()
            w.writerows(rows)
    return folder


def load_world(store, folder: Path):
    """Empties the database, applies the schema and loads the world; returns the load report."""
    from graph.catalogue.schema import apply_schema, empty_database
    from ingest.pipeline import load

    empty_database(store)
    apply_schema(store)
    report = load([write(folder)], store=store)
    assert report.rejected == 0, report.errors
    return report
