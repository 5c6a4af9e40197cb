"""In-service party members registered online in the central city, and the volunteer
activities they join (organized by co-building units or by the community)."""

from __future__ import annotations

from datetime import date
from itertools import accumulate

from ingest.demo.alloc import allocate, day_between
from ingest.demo.calibration import AS_OF, HISTORY_START, SINCE
from ingest.demo.vocabulary import ACTIVITIES
from ingest.demo.world import World, person_id

REGISTERED_FROM = date(2020, 1, 1)


def registrations(w: World) -> None:
    """Members registered at communities of the central city (街道, not towns), more of them in
    the big-party-committee communities. Their person numbers are one contiguous run per
    community (`Comm.members`), so activities can draw participants without keeping lists."""
    rng = w.rng
    central = [c for c in w.comms if c.central] or w.comms
    per = allocate(w.t["registered"], len(central), rng, minimum=1, weights=[3.0 if c.bpc else 1.0 for c in central])
    for c, n in zip(central, per, strict=True):
        first = w._people + 1
        for _ in range(n):
            pid = w.person(["party_member", "in_service"])
            w.files.write(
                "registrations",
                {"person_id": pid, "community_id": c.id, "since": day_between(rng, REGISTERED_FROM, AS_OF)},
            )
        c.members = (first, first + n)


def activities(w: World) -> None:
    rng, t = w.rng, w.t
    pools = [c for c in w.comms if c.members[1] > c.members[0]]
    cum = list(accumulate(c.members[1] - c.members[0] for c in pools))
    in_pool = {c.id for c in pools}
    pairs = [(u, c) for u, c in w.pairings if c in in_pool] or [(u, pools[0].id) for u in w.units]
    plans = [
        (t["unit_activities_2023"], t["unit_service_2023"], date(2023, 3, 1), date(2023, 12, 20), True),
        (
            t["community_activities"],
            t["participations"] - t["unit_service"] - t["unit_service_2023"],
            HISTORY_START,
            AS_OF,
            False,
        ),
        (t["unit_activities"], t["unit_service"], SINCE, AS_OF, True),
    ]
    for n, joins, start, end, by_unit in plans:
        chosen = []
        for _ in range(n):
            if by_unit:
                unit, comm = rng.choice(pairs)
            else:
                unit, comm = None, rng.choices(pools, cum_weights=cum)[0].id
            chosen.append((unit, w.by_id[comm]))
        sizes = allocate(joins, n, rng, minimum=1, caps=[c.members[1] - c.members[0] for _, c in chosen])
        for (unit, c), k in zip(chosen, sizes, strict=True):
            category = rng.choice(sorted(ACTIVITIES))
            w._activities += 1
            aid = f"A-{w._activities:07d}"
            w.files.write(
                "activities",
                {
                    "id": aid,
                    "name": rng.choice(ACTIVITIES[category]),
                    "date": day_between(rng, start, end),
                    "category": category,
                    "hours": rng.choice((1, 1.5, 2, 3, 4)),
                    "community_id": c.id,
                    "organizer_id": unit,
                },
            )
            for num in rng.sample(range(*c.members), k):
                w.files.write("participations", {"person_id": person_id(num), "activity_id": aid})
