"""The overview's definitions on a small hand-built graph (loaded through ingest), with every
expected value worked out by hand: periods, the Beijing-date boundary, the funding rule per
unit-year, coverage shares, what counts as solved and as managed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.services.stats.figures import ARTICLE_FIGURES
from graph.services.stats.overview import overview
from ingest.pipeline import load

FILES = {
    "districts": "id,name\n350802,新罗区\n",
    "streets": "id,name,kind,district_id\n350802006,曹溪街道,street,350802\n350802100,红坊镇,town,350802\n",
    "communities": "id,name,kind,urban_village,street_id\n"
    "350802006002,天马社区,community,false,350802006\n"
    "350802006201,洋畲村,village,true,350802006\n"
    "350802100200,红坊村,village,false,350802100\n",
    "grids": "id,name,kind,community_id\nG1,天马第1网格,compound,350802006002\n"
    "G2,洋畲第1村民小组,villagers_group,350802006201\n",
    "micro_grids": "id,name,grid_id\nMG1,1号微格,G1\nMG2,2号微格,G1\nMG3,第1党小组,G2\n",
    "compounds": "id,name,property_mode,grid_id\nC-1,天马花园,company,G1\nC-2,天马二村,mgmt_committee,G1\n"
    "C-3,天马三村,self_managed,G1\nC-4,洋畲新村,mgmt_committee,G2\nC-5,天马五村,company,G1\n",
    "buildings": "id,name,compound_id\nB1,天马花园1栋,C-1\nB2,天马花园2栋,C-1\n",
    "party_orgs": "id,name,kind,parent_id,serves_id\n"
    "BPC1,天马社区大党委,big_party_committee,,350802006002\n"
    "BPC2,洋畲村大党委,big_party_committee,,350802006201\n"
    "CB1,天马花园党支部,compound_branch,,C-1\n"
    "BG1,天马花园1栋党小组,building_group,CB1,B1\n",
    "units": "id,name,kind,level\nU1,龙岩市财政局,agency,city\nU2,新罗区审计局,agency,district\n"
    "U3,福建某科技有限公司,enterprise,district\n",
    "property_companies": "id,name,red\nPC1,红土物业,true\nPC2,普通物业,false\n",
    "owners_committees": "id,name,red,compound_id\nOC1,天马花园业委会,true,C-1\nOC2,天马二村业委会,false,C-2\n",
    "property_mgmt_committees": "id,name,compound_id\nPMC2,天马二村物业管理委员会,C-2\n",
    "property_contracts": "company_id,compound_id\nPC1,C-1\nPC2,C-5\n",
    "people": "id,name,roles\nP1,张一,cadre;party_member\nP2,李二,party_member;in_service\n"
    "P3,王三,party_member;in_service\nP4,赵四,cadre\n",
    "cadre_links": "person_id,community_id\nP1,350802006002\nP1,350802006201\nP4,350802006002\n",
    "secretaries": "person_id,committee_id\nP1,BPC1\n",
    "pairings": "unit_id,community_id\nU1,350802006002\nU2,350802100200\n",
    "projects": "id,name,category,budget,community_id\nPRJ1,天马长者食堂,elderly,50000,350802006002\n"
    "PRJ2,天马儿童之家,education,30000,350802006002\n",
    "project_supports": "unit_id,project_id\nU1,PRJ1\nU1,PRJ2\n",
    "fundings": "id,year,amount,unit_id,community_id,project_id\n"
    "F1,2024,30000,U1,350802006002,PRJ1\nF2,2024,5000,U1,350802006002,\n"
    "F3,2023,20000,U2,350802100200,\nF4,2025,40000,U2,350802100200,\n",
    "activities": "id,name,date,category,hours,community_id,organizer_id\n"
    "A1,义诊,2024-03-01,health,2,350802006002,U1\nA2,清洁,2023-06-01,environment,2,350802006002,U1\n"
    "A3,敬老,2024-05-01,elderly,2,350802006002,\n",
    "participations": "person_id,activity_id\nP2,A1\nP3,A1\nP2,A2\nP2,A3\n",
    "registrations": "person_id,community_id\nP2,350802006002\nP3,350802100200\n",
    "meetings": "id,kind,date,held_by_id,community_id\n"
    "M1,joint_meeting,2023-12-20,BPC1,350802006002\nM2,joint_meeting,2024-01-05,BPC1,350802006002\n"
    "M3,onsite_office,2024-02-01,BPC1,350802006002\nM4,evening_talk,2024-03-01,BPC1,350802006002\n"
    "M5,evening_talk,2023-11-01,BPC1,350802006002\n",
    "issues": "id,title,category,channel,reported_at,status,level,resolved_at,satisfaction,located_in_id,meeting_id\n"
    "I1,路灯不亮,municipal,evening_talk,2024-03-01T19:30:00+08:00,resolved,grid,2024-03-05T10:00:00+08:00,,G1,M4\n"
    "I2,停车难,parking,evening_talk,2024-03-01T19:40:00+08:00,open,street,,,G1,M4\n"
    "I3,噪音,noise,evening_talk,2023-11-01T19:30:00+08:00,resolved,grid,2023-11-03T10:00:00+08:00,,G1,M5\n"
    "I4,电梯故障,property,platform,2024-03-20T09:00:00+08:00,resolved,grid,2024-04-01T10:00:00+08:00,5,MG1,\n"
    "I5,垃圾清运,sanitation,platform,2024-03-21T09:00:00+08:00,closed,community,2024-04-02T10:00:00+08:00,3,MG1,\n"
    "I6,下水道,municipal,platform,2024-03-22T09:00:00+08:00,open,grid,,,MG2,\n"
    "I7,征迁补偿,petition,petition,2023-12-01T09:00:00+08:00,resolved,street,2023-12-31T23:00:00+08:00,,350802006002,\n"
    "I8,拖欠工资,petition,petition,2023-12-02T09:00:00+08:00,resolved,street,2024-01-01T00:30:00+08:00,,350802006002,\n"
    "I9,房屋质量,petition,petition,2024-02-01T09:00:00+08:00,closed,community,,,350802006002,\n"
    "I10,老人就餐,elderly,visit,2024-05-01T09:00:00+08:00,resolved,community,2024-06-01T10:00:00+08:00,,G1,\n"
    "I11,内涝,water,joint_meeting,2024-01-05T10:00:00+08:00,resolved,district,2024-02-01T10:00:00+08:00,,350802006002,M2\n",
    "awards": "id,year,title,recipient_id\nAW1,2023,优秀物业服务企业,PC1\nAW2,2023,党员回家服务之星,P2\n"
    "AW3,2024,党员回家服务之星,P3\nAW4,2023,优秀网格员,P2\n",
    "point_categories": "id,name\nPC-a,理论宣讲\n",
    "point_items": "id,name,stars,category_id\nPI-a-1,参加理论学习,1,PC-a\nPI-a-3,开展政策宣讲,3,PC-a\n",
    "documents": "id,name,kind,date\nDOC1,红色物业服务标准指引,guidance,2024-03-01\nDOC2,通知,notice,2024-04-01\n",
}

EXPECTED = {
    "cadres": 1,  # P1; P4 is linked but secretary of nothing
    "bpc_communities": 2,
    "bpc_with_cadre": 1,  # 天马 (P1 linked and secretary); 洋畲: P1 linked, not its secretary
    "joint_meetings": 1,  # M2; M1 is in 2023
    "onsite_meetings": 1,
    "difficulties_solved": 2,  # I10 (visit), I11 (joint meeting)
    "petitions_resolved": 1,  # I8 solved 00:30 Beijing time on 1 Jan 2024; I7 on 31 Dec; I9 closed unsolved
    "paired_units": 1,  # U2 is paired with a community without a big party committee
    "paired_coverage": 1,
    "min_unit_funding": 20000,  # unit-years: U1 2024 35,000; U2 2023 20,000; U2 2025 40,000
    "unit_years_below_rule": 1,
    "funding_total": 75000,  # 30,000 + 5,000 + 40,000 since 2024
    "projects": 1,  # PRJ1 funded in 2024; PRJ2 never funded
    "unit_service": 2,  # A1 (U1, 2024) x 2 people; A2 is 2023, A3 has no unit
    "micro_grids": 3,
    "compound_branches": 1,
    "compound_grids": 1,
    "building_groups": 1,
    "red_owners_committees": 1,
    "red_oc_coverage": 50,  # C-1 red, C-2 not
    "red_property_companies": 1,
    "red_pc_coverage": 50,  # C-1 by red PC1, C-5 by PC2
    "compounds_without_company": 3,  # C-2, C-3, C-4
    "compounds_without_company_managed": 2,  # C-4's management committee does not exist
    "registered_members": 1,  # P3 registered in a town
    "volunteer_participations": 4,
    "platform_solved": 2,  # I4, I5 (closed after solving); I6 open
    "satisfaction": 50,  # I4 rated 5, I5 rated 3
    "evening_talks": 1,
    "evening_talk_issues": 2,  # I1, I2 at M4; I3 at M5 (2023)
    "evening_talk_solved": 1,
    "awarded_companies": 1,
    "awarded_individuals": 1,  # P2 twice in 2023; P3 in 2024
    "point_categories": 1,
    "point_items": 2,
    "guidance_documents": 1,
}


@pytest.fixture()
def small(db, tmp_path: Path):
    for kind, text in FILES.items():
        (tmp_path / f"{kind}.csv").write_text(text, encoding="utf-8")
    report = load([tmp_path], store=db)
    assert report.rejected == 0, [str(e) for e in report.errors]
    return db


def test_every_figure_by_hand(small):
    got = {f.key: f.value for f in overview(store=small)}
    assert got == EXPECTED
    assert set(EXPECTED) == {f.key for f in ARTICLE_FIGURES}


def test_parameters_move_the_periods(small):
    got = {f.key: f.value for f in overview(store=small, since=date(2023, 1, 1), award_year=2024)}
    assert (
        got["joint_meetings"],
        got["petitions_resolved"],
        got["funding_total"],
        got["evening_talk_issues"],
        got["unit_service"],
        got["awarded_individuals"],
        got["awarded_companies"],
    ) == (2, 2, 95000, 3, 3, 1, 0)


def test_empty_graph_gives_zeros_and_no_coverage(db):
    got = {f.key: (f.value, f.matches) for f in overview(store=db)}
    assert got["red_oc_coverage"] == (None, False)
    assert got["satisfaction"] == (None, False)
    assert got["cadres"] == (0, False)
    assert got["unit_years_below_rule"] == (0, True)
    assert got["min_unit_funding"] == (None, False)
    assert got["funding_total"] == (0, False)
