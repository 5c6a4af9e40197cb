"""Areas: the real divisions, which communities have a big party committee, and the invented
grids, micro-grids (each with its grid worker) and compounds."""

from __future__ import annotations

from ingest.demo import names
from ingest.demo.alloc import allocate
from ingest.demo.world import Comm, Compound, World
from ingest.divisions.sources import iter_divisions

MODES = ("mgmt_committee", "self_managed", "community_fallback")
MODE_SHARES = (0.3, 0.4, 0.3)


def divisions(w: World, code: str) -> None:
    """Reads the real divisions under `code` and writes districts and streets (communities are
    written by `choose_bpcs`, once we know which villages are urban villages)."""
    for kind, rec in iter_divisions(code):
        if kind == "districts":
            w.districts.append((rec["id"], rec["name"]))
            w.files.write("districts", {"id": rec["id"], "name": rec["name"]})
        elif kind == "streets":
            st = dict(rec, district=rec["district_id"])
            w.streets[rec["id"]] = st
            w.files.write("streets", {k: rec[k] for k in ("id", "name", "kind", "district_id")})
        else:
            st = w.streets[rec["street_id"]]
            c = Comm(
                id=rec["id"],
                name=rec["name"],
                kind=rec["kind"],
                street=rec["street_id"],
                district=st["district"],
                central=st["kind"] == "street",
            )
            w.comms.append(c)
            w.by_id[c.id] = c


def choose_bpcs(w: World) -> None:
    """The big-party-committee communities: every urban community first (central city before
    towns), then villages in the central city as urban villages (城中村), then other villages."""
    groups: list[list[Comm]] = [[], [], [], []]
    for c in w.comms:
        groups[(0 if c.kind == "community" else 2) + (0 if c.central else 1)].append(c)
    order: list[Comm] = []
    for g in groups:
        w.rng.shuffle(g)
        order.extend(g)
    for c in order[: w.t["bpc"]]:
        c.bpc = True
        c.urban_village = c.kind == "village"
    for c in w.comms:
        w.files.write(
            "communities",
            {
                "id": c.id,
                "name": c.name,
                "kind": c.kind,
                "urban_village": c.urban_village,
                "street_id": c.street,
            },
        )


def grids(w: World) -> None:
    """Compound grids in big-party-committee communities, villagers' groups in villages, a few
    other grids (markets, schools, parks), so that every community has at least one grid."""
    rng, t = w.rng, w.t
    bpcs = w.bpcs
    per = allocate(
        t["compound_grids"],
        len(bpcs),
        rng,
        minimum=1,
        weights=[1.0 if c.kind == "community" else 0.4 for c in bpcs],
    )
    for c, n in zip(bpcs, per, strict=True):
        for _ in range(n):
            _grid(w, c, "compound")
    villages = [c for c in w.comms if c.kind == "village"]
    for c, n in zip(villages, allocate(t["villagers_groups"], len(villages), rng, minimum=1), strict=True):
        for _ in range(n):
            _grid(w, c, "villagers_group")
    bare = [c for c in w.comms if not c.grids]
    for c in bare:
        _grid(w, c, "other")
    for _ in range(max(0, t["other_grids"] - len(bare))):
        _grid(w, rng.choice(bpcs or w.comms), "other")


_OTHER = ("商圈", "学校周边", "农贸市场", "工业园区", "公园")


def _grid(w: World, c: Comm, kind: str) -> None:
    n = len(c.grids) + 1
    gid = f"G-{c.id}-{n:02d}"
    if kind == "compound":
        name = f"{c.name}第{n}网格"
        c.compound_grids.append(gid)
    elif kind == "villagers_group":
        name = f"{c.name}第{n}村民小组"
    else:
        name = f"{c.name}{w.rng.choice(_OTHER)}网格{n}"
    c.grids.append(gid)
    w.grid_kind[gid] = kind
    w.grid_name[gid] = name
    w.grid_comm[gid] = c.id
    w.files.write("grids", {"id": gid, "name": name, "kind": kind, "community_id": c.id})


def micro_grids(w: World) -> None:
    """Micro-grids (in villages: villagers' party groups), each with its own grid worker; the
    first micro-grid's worker also leads the grid, some also as health supervisor."""
    gids = [g for c in w.comms for g in c.grids]
    per = allocate(
        w.t["micro_grids"],
        len(gids),
        w.rng,
        minimum=1,
        weights=[2.0 if w.grid_kind[g] == "compound" else 1.0 for g in gids],
    )
    for gid, n in zip(gids, per, strict=True):
        c = w.by_id[w.grid_comm[gid]]
        for k in range(1, n + 1):
            mid = f"MG-{gid[2:]}-{k}"
            suffix = f"第{k}党小组" if w.grid_kind[gid] == "villagers_group" else f"{k}号微格"
            w.files.write("micro_grids", {"id": mid, "name": w.grid_name[gid] + suffix, "grid_id": gid})
            c.micro_grids.append(mid)
            worker = w.person(["grid_worker"], phone=True)
            w.files.write("grid_workers", {"person_id": worker, "grid_id": mid, "role": "grid_worker"})
            if k == 1:
                w.grid_worker[gid] = worker
                w.files.write("grid_workers", {"person_id": worker, "grid_id": gid, "role": "grid_worker"})
                if w.rng.random() < 0.15:
                    w.files.write("grid_workers", {"person_id": worker, "grid_id": gid, "role": "health_supervisor"})


def compounds(w: World) -> None:
    """Compounds in compound grids; which have a property company, which are managed another way;
    which have a compound party branch and an owners' committee."""
    rng, t = w.rng, w.t
    cgrids = [g for c in w.comms for g in c.compound_grids]
    total = t["company_compounds"] + t["compounds_without_company"]
    for gid, n in zip(cgrids, allocate(total, len(cgrids), rng, minimum=1), strict=True):
        c = w.by_id[w.grid_comm[gid]]
        for _ in range(n):
            cid = f"C-{c.id}-{len(c.compounds) + 1:03d}"
            w.compounds.append(Compound(id=cid, name=w.compound_names(names.compound(rng)), grid=gid, comm=c.id))
            c.compounds.append(cid)
    order = list(range(len(w.compounds)))
    rng.shuffle(order)
    company, rest = order[: t["company_compounds"]], order[t["company_compounds"] :]
    shares = allocate(len(rest), len(MODES), rng, weights=MODE_SHARES, jitter=0)
    i = 0
    for mode, n in zip(MODES, shares, strict=True):
        for k in rest[i : i + n]:
            w.compounds[k].mode = mode
        i += n
    for k in rng.sample(order, t["compound_branches"]):
        w.compounds[k].branch = True
    rest_shuffled = rest[:]
    rng.shuffle(rest_shuffled)
    for k in (company + rest_shuffled)[: t["red_ocs"]]:
        w.compounds[k].oc = True
    for cp in w.compounds:
        w.files.write("compounds", {"id": cp.id, "name": cp.name, "property_mode": cp.mode, "grid_id": cp.grid})
