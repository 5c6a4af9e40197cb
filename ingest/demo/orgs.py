"""Organizations on both lines: party and administrative organizations at every level, district
departments, the big party committees and their members, property companies, owners' and
property management committees."""

from __future__ import annotations

from datetime import date

from ingest.demo import names
from ingest.demo.alloc import allocate, day_between
from ingest.demo.vocabulary import DEPARTMENTS, department_categories
from ingest.demo.world import World

BPC_SINCE = date(2023, 9, 1)  # when the demo's big party committees were set up


def cc(comm_id: str) -> str:
    return f"PO-CC-{comm_id}"


def committee_of(comm_id: str) -> str:
    return f"PO-BPC-{comm_id}"


def admin_of(w: World, comm_id: str) -> str:
    return f"AO-{'RC' if w.by_id[comm_id].kind == 'community' else 'VC'}-{comm_id}"


def district_level(w: World) -> None:
    for did, dname in w.districts:
        w.files.write(
            "party_orgs",
            {
                "id": f"PO-IND-{did}",
                "name": f"{dname}物业行业党委",
                "kind": "industry_committee",
                "serves_id": did,
            },
        )
        for key, title in DEPARTMENTS.items():
            w.files.write(
                "departments",
                {
                    "id": w.department(did, key),
                    "name": dname + title,
                    "categories": department_categories(key),
                    "district_id": did,
                },
            )


def streets_and_communities(w: World) -> None:
    """Street working committee and office per street; party committee and residents' or
    villagers' committee per community, with a secretary who also directs the committee."""
    rng = w.rng
    for sid, st in w.streets.items():
        office = f"{st['name']}办事处" if st["kind"] == "street" else f"{st['name']}人民政府"
        w.files.write(
            "party_orgs",
            {
                "id": f"PO-SWC-{sid}",
                "name": f"{st['name']}党工委",
                "kind": "street_working_committee",
                "serves_id": sid,
            },
        )
        w.files.write("admin_orgs", {"id": f"AO-SO-{sid}", "name": office, "kind": "street_office", "serves_id": sid})
    for c in w.comms:
        w.files.write(
            "party_orgs",
            {
                "id": cc(c.id),
                "name": f"{c.name}党委",
                "kind": "community_committee",
                "parent_id": f"PO-SWC-{c.street}",
                "serves_id": c.id,
            },
        )
        kind = "residents_committee" if c.kind == "community" else "villagers_committee"
        suffix = "居民委员会" if c.kind == "community" else "村民委员会"
        w.files.write(
            "admin_orgs",
            {
                "id": admin_of(w, c.id),
                "name": c.name.removesuffix("社区") + suffix,
                "kind": kind,
                "parent_id": f"AO-SO-{c.street}",
                "serves_id": c.id,
            },
        )
        sec = w.person(["party_member", "community_secretary"], phone=True)
        since = day_between(rng, date(2021, 1, 1), date(2021, 12, 31))
        w.files.write("memberships", {"person_id": sec, "org_id": cc(c.id), "role": "secretary", "since": since})
        w.files.write(
            "memberships", {"person_id": sec, "org_id": admin_of(w, c.id), "role": "director", "since": since}
        )
        w.member_people.append(sec)
        if c.bpc:
            w.files.write(
                "party_orgs",
                {
                    "id": committee_of(c.id),
                    "name": f"{c.name}大党委",
                    "kind": "big_party_committee",
                    "parent_id": f"PO-SWC-{c.street}",
                    "serves_id": c.id,
                },
            )
            w.files.write(
                "committee_members",
                {"member_id": f"PO-SWC-{c.street}", "committee_id": committee_of(c.id), "since": BPC_SINCE},
            )


def _words(rng) -> str:
    first = rng.choice(names.COMPANY_WORDS)
    return first if rng.random() < 0.5 else first + rng.choice(names.COMPANY_WORDS)


def property_orgs(w: World) -> None:
    """Red property companies over the compounds that have one (each company a run of nearby
    compounds); management committees; red owners' committees; compound party branches; and
    who joins each big party committee."""
    rng = w.rng
    with_company = sorted((cp for cp in w.compounds if cp.mode == "company"), key=lambda cp: cp.id)
    n_pc = max(1, min(w.t["red_pcs"], len(with_company)))
    sizes = allocate(len(with_company), n_pc, rng, minimum=1 if with_company else 0)
    seen: set[str] = set()
    i = 0
    joined: set[tuple[str, str]] = set()
    for k, size in enumerate(sizes, start=1):
        run = with_company[i : i + size]
        i += size
        pid = f"PCO-{k:05d}"
        district = w.by_id[run[0].comm].district if run else w.districts[0][0]
        dname = dict(w.districts)[district]
        short = dname[:-1] if len(dname) > 2 else dname
        name = names.fresh(lambda short=short: f"{short}{_words(rng)}物业服务有限公司", seen)
        w.files.write("property_companies", {"id": pid, "name": name, "red": True})
        w.companies.append(pid)
        for cp in run:
            cp.company = pid
            w.files.write(
                "property_contracts",
                {
                    "company_id": pid,
                    "compound_id": cp.id,
                    "since": day_between(rng, date(2015, 1, 1), date(2023, 12, 31)),
                },
            )
            if w.by_id[cp.comm].bpc and (pid, cp.comm) not in joined:
                joined.add((pid, cp.comm))
                w.files.write(
                    "committee_members",
                    {"member_id": pid, "committee_id": committee_of(cp.comm), "since": BPC_SINCE},
                )
    for cp in w.compounds:
        bpc = w.by_id[cp.comm].bpc
        if cp.mode == "mgmt_committee":
            w.files.write(
                "property_mgmt_committees",
                {"id": f"PMC-{cp.id}", "name": f"{cp.name}物业管理委员会", "compound_id": cp.id},
            )
        if cp.oc:
            w.files.write(
                "owners_committees",
                {"id": f"OC-{cp.id}", "name": f"{cp.name}业主委员会", "red": True, "compound_id": cp.id},
            )
            if bpc:
                w.files.write(
                    "committee_members",
                    {"member_id": f"OC-{cp.id}", "committee_id": committee_of(cp.comm), "since": BPC_SINCE},
                )
        if cp.branch:
            w.files.write(
                "party_orgs",
                {
                    "id": f"PO-CB-{cp.id}",
                    "name": f"{cp.name}党支部",
                    "kind": "compound_branch",
                    "parent_id": cc(cp.comm),
                    "serves_id": cp.id,
                },
            )
            if bpc:
                w.files.write(
                    "committee_members",
                    {
                        "member_id": f"PO-CB-{cp.id}",
                        "committee_id": committee_of(cp.comm),
                        "since": BPC_SINCE,
                    },
                )


def buildings(w: World) -> None:
    """Buildings of every compound; a building party group (under the compound branch, or the
    community party committee where there is none) in the first `building_groups` of them, each
    led by a party member who is also its building head."""
    rng, t = w.rng, w.t
    branch = [cp for cp in w.compounds if cp.branch]
    other = [cp for cp in w.compounds if not cp.branch]
    counts = dict(
        zip(
            (cp.id for cp in branch),
            allocate(t["branch_buildings"], len(branch), rng, minimum=1),
            strict=True,
        )
    )
    counts.update(zip((cp.id for cp in other), allocate(t["other_buildings"], len(other), rng, minimum=1), strict=True))
    rng.shuffle(other)
    quota = t["building_groups"]
    for cp in branch + other:
        for n in range(1, counts[cp.id] + 1):
            bid = f"B-{cp.id[2:]}-{n:02d}"
            bname = f"{cp.name}{n}栋"
            w.files.write("buildings", {"id": bid, "name": bname, "compound_id": cp.id})
            if quota > 0:
                quota -= 1
                gid = f"PO-BG-{bid[2:]}"
                w.files.write(
                    "party_orgs",
                    {
                        "id": gid,
                        "name": f"{bname}党小组",
                        "kind": "building_group",
                        "parent_id": f"PO-CB-{cp.id}" if cp.branch else cc(cp.comm),
                        "serves_id": bid,
                    },
                )
                head = w.person(["building_head", "party_member"], phone=True)
                w.files.write("building_heads", {"person_id": head, "building_id": bid, "role": "building_head"})
                w.files.write("memberships", {"person_id": head, "org_id": gid, "role": "group_leader"})
                if rng.random() < 0.05:
                    w.member_people.append(head)
            elif rng.random() < 0.5:
                head = w.person(["building_head"], phone=True)
                w.files.write("building_heads", {"person_id": head, "building_id": bid, "role": "building_head"})
