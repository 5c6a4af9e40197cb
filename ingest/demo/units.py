"""Co-building units and their pairings, the division-level cadres, funding and projects."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ingest.demo import names
from ingest.demo.alloc import allocate, chunks, day_between
from ingest.demo.calibration import FUNDING_STEP, MIN_FUNDING, SINCE
from ingest.demo.orgs import BPC_SINCE, committee_of
from ingest.demo.vocabulary import PROJECT_CATEGORY, PROJECTS
from ingest.demo.world import Comm, Funding, World

LEVEL_SHARES = (0.40, 0.45, 0.15)  # city-level, district-level units, enterprises


def _by_district(w: World) -> list[tuple[str, str, list[Comm]]]:
    out = []
    for did, dname in w.districts:
        bpcs = [c for c in w.bpcs if c.district == did]
        if bpcs:
            out.append((did, dname, bpcs))
    return out


def units_and_pairings(w: World) -> None:
    """Units per district in proportion to its big party committees; every committee's
    community gets at least one paired unit; some units pair with a second community."""
    rng, t = w.rng, w.t
    districts = _by_district(w)
    per = allocate(t["units"], len(districts), rng, minimum=1, weights=[len(b) for _, _, b in districts], jitter=0)
    city_names: dict[str, Iterator[tuple[str, str]]] = {}
    seen: set[str] = set()
    unit_district: dict[str, str] = {}
    for (did, dname, bpcs), n in zip(districts, per, strict=True):
        city = names.city_of(did)
        cities = city_names.setdefault(city, names.unit_names(city, dname, "city"))
        local = names.unit_names(city, dname, "district")
        mine = []
        for level, k in zip(
            ("city", "district", "enterprise"),
            allocate(n, 3, rng, weights=LEVEL_SHARES, jitter=0),
            strict=True,
        ):
            for _ in range(k):
                if level == "enterprise":
                    name, kind, lvl = (
                        names.fresh(lambda city=city: names.enterprise(rng, city), seen),
                        "enterprise",
                        "district",
                    )
                else:
                    name, kind = next(cities if level == "city" else local)
                    while name in seen:
                        name, kind = next(cities if level == "city" else local)
                    seen.add(name)
                    lvl = level
                uid = f"U-{len(w.units) + 1:05d}"
                w.units.append(uid)
                unit_district[uid] = did
                mine.append(uid)
                w.files.write("units", {"id": uid, "name": name, "kind": kind, "level": lvl})
        rng.shuffle(mine)
        weights = [2.0 if c.kind == "community" else 1.0 for c in bpcs]
        for i, uid in enumerate(mine):
            c = bpcs[i] if i < len(bpcs) else rng.choices(bpcs, weights)[0]
            _pair(w, uid, c)
        for c in bpcs[len(mine) :]:  # fewer units than communities: some units take two
            _pair(w, rng.choice(mine), c)
    firsts = list(w.pairings)
    for uid, _comm in rng.sample(firsts, min(t["second_pairings"], len(firsts))):
        options = [c for c in w.bpcs if c.district == unit_district[uid] and uid not in c.units]
        if options:
            _pair(w, uid, rng.choice(options))


def _pair(w: World, uid: str, c: Comm) -> None:
    rng = w.rng
    since = BPC_SINCE if rng.random() < 0.7 else day_between(rng, BPC_SINCE, date(2024, 3, 31))
    c.units.append(uid)
    w.pairings.append((uid, c.id))
    w.files.write("pairings", {"unit_id": uid, "community_id": c.id, "since": since, "min_annual_funding": MIN_FUNDING})
    w.files.write("committee_members", {"member_id": uid, "committee_id": committee_of(c.id), "since": since})
    if rng.random() < 0.7:
        pool = c.compound_grids or c.grids
        for gid in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
            w.files.write("coverages", {"unit_id": uid, "grid_id": gid, "since": since})


def cadres(w: World) -> None:
    """Division-level cadres, each linked to a run of neighbouring committee communities and
    secretary of their big party committees (every committee has exactly one)."""
    rng = w.rng
    districts = _by_district(w)
    per = allocate(
        w.t["cadres"],
        len(districts),
        rng,
        minimum=1,
        weights=[len(b) for _, _, b in districts],
        caps=[len(b) for _, _, b in districts],
        jitter=0,
    )
    for (_did, _, bpcs), n in zip(districts, per, strict=True):
        ordered = sorted(bpcs, key=lambda c: c.id)
        for run in chunks(ordered, allocate(len(ordered), n, rng, minimum=1, jitter=0.3)):
            pid = w.person(["cadre", "party_member"], phone=True)
            for c in run:
                w.cadre_of[c.id] = pid
                w.files.write("cadre_links", {"person_id": pid, "community_id": c.id, "since": BPC_SINCE})
                w.files.write("secretaries", {"person_id": pid, "committee_id": committee_of(c.id), "since": BPC_SINCE})


def funding_and_projects(w: World) -> None:
    """Funds delivered: one row per unit-year that gave (to its first paired community), every
    row at least 30,000 yuan, the rows since 2024 summing to the target exactly. Projects are
    funded by some of those rows and supported by the same unit."""
    rng, t = w.rng, w.t
    first: dict[str, str] = {}
    for uid, comm in w.pairings:
        first.setdefault(uid, comm)
    units = list(first)
    rows: list[Funding] = []
    for year, n in (
        (2023, t["funding_rows_2023"]),
        (2024, t["funding_rows_2024"]),
        (2025, t["funding_rows_2025"]),
    ):
        for uid in rng.sample(units, min(n, len(units))):
            rows.append(Funding(year, uid, first[uid]))
    recent = [r for r in rows if r.year >= SINCE.year]
    steps, rem = divmod(t["funding_total"] - MIN_FUNDING * len(recent), FUNDING_STEP)
    if steps < 0 or rem:
        raise ValueError(f"funding total {t['funding_total']} cannot be split into {len(recent)} rows")
    weights = [0.0 if rng.random() < 0.55 else rng.choice((1.0, 2.0, 3.0, 6.0)) for _ in recent]
    weights[0] = weights[0] or 1.0
    for r, k in zip(recent, allocate(steps, len(recent), rng, weights=weights, jitter=0.3), strict=True):
        r.amount = MIN_FUNDING + k * FUNDING_STEP
    for r in rows:
        amount = MIN_FUNDING + FUNDING_STEP * rng.randint(0, 40)  # drawn for every row: the seed's sequence
        if r.year < SINCE.year:
            r.amount = amount
    for k, r in enumerate(rng.sample(recent, min(t["projects"], len(recent))), start=1):
        word = rng.choice(PROJECTS)
        pid = f"PRJ-{k:05d}"
        r.project_id = pid
        w.files.write(
            "projects",
            {
                "id": pid,
                "name": w.by_id[r.community_id].name + word,
                "category": PROJECT_CATEGORY[word],
                "budget": r.amount + 1000 * rng.randint(0, 20),
                "community_id": r.community_id,
            },
        )
        w.files.write("project_supports", {"unit_id": r.unit_id, "project_id": pid})
    for r in rows:
        w.files.write("fundings", r.row())
    w.fundings = rows
