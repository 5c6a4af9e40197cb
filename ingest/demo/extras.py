"""Vocabularies, documents, two-way points, awards and residents' ratings."""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, datetime, timedelta

from ingest.demo.alloc import day_between, time_on
from ingest.demo.calibration import AS_OF, AWARD_YEAR, SINCE
from ingest.demo.vocabulary import (
    AWARDS_2023,
    AWARDS_2024,
    BENEFITS,
    GUIDANCE_DOCUMENTS,
    ISSUE_CATEGORIES,
    NOTICES,
    POINTS,
)
from ingest.demo.world import Comm, World, person_id


def vocabularies(w: World) -> None:
    for code, (zh, en, _) in ISSUE_CATEGORIES.items():
        w.files.write("issue_categories", {"id": code, "name": zh, "name_en": en})
    for key, (name, items) in POINTS.items():
        w.files.write("point_categories", {"id": f"PC-{key}", "name": name})
        for n, (item, stars) in enumerate(items, start=1):
            w.files.write(
                "point_items",
                {"id": f"PI-{key}-{n}", "name": item, "stars": stars, "category_id": f"PC-{key}"},
            )


def documents(w: World) -> None:
    """The guidance documents on red property standards (and two notices), issued by the first
    district's property-industry party committee."""
    issuer = f"PO-IND-{w.districts[0][0]}"
    docs = [
        (f"DOC-G{n}", title, "guidance") for n, title in enumerate(GUIDANCE_DOCUMENTS[: w.t["guidance_documents"]], 1)
    ]
    docs += [(f"DOC-N{n}", title, "notice") for n, title in enumerate(NOTICES, 1)]
    for doc_id, title, kind in docs:
        w.files.write(
            "documents",
            {
                "id": doc_id,
                "name": title,
                "kind": kind,
                "date": day_between(w.rng, date(2023, 6, 1), date(2024, 12, 31)),
            },
        )
        w.files.write("document_issuers", {"issuer_id": issuer, "document_id": doc_id})


def _members(w: World) -> tuple[list[int], list[Comm]]:
    comms = [c for c in w.comms if c.members[1] > c.members[0]]
    return [c.members[0] for c in comms], comms


def points(w: World) -> None:
    """Points earned for items (stars = points) and redeemed at the member's own community."""
    rng = w.rng
    starts, comms = _members(w)
    lo, hi = starts[0], comms[-1].members[1]
    items = [(f"PI-{key}-{n}", stars) for key, (_, its) in POINTS.items() for n, (_, stars) in enumerate(its, 1)]
    seen: set[tuple[int, str, datetime]] = set()
    while len(seen) < w.t["point_earnings"]:
        num, (item, stars) = rng.randrange(lo, hi), rng.choice(items)
        when = time_on(rng, day_between(rng, SINCE, AS_OF))
        if (num, item, when) in seen:
            continue
        seen.add((num, item, when))
        w.files.write("point_earnings", {"person_id": person_id(num), "item_id": item, "at": when, "points": stars})
    for _ in range(w.t["point_redemptions"]):
        num = rng.randrange(lo, hi)
        comm = comms[bisect_right(starts, num) - 1]
        w.files.write(
            "point_redemptions",
            {
                "person_id": person_id(num),
                "community_id": comm.id,
                "at": time_on(rng, day_between(rng, SINCE + timedelta(days=90), AS_OF)),
                "points": rng.randrange(10, 110, 10),
                "benefit": rng.choice(BENEFITS),
            },
        )


def awards(w: World) -> None:
    """2023: outstanding property companies and individuals; 2024: co-building stars."""
    rng, t = w.rng, w.t
    starts, comms = _members(w)
    members = [person_id(n) for n in rng.sample(range(starts[0], comms[-1].members[1]), t["awarded_individuals"] * 2)]
    n = 0

    def give(year: int, title: str, recipient: str) -> None:
        nonlocal n
        n += 1
        w.files.write("awards", {"id": f"AW-{year}-{n:05d}", "year": year, "title": title, "recipient_id": recipient})

    for pc in rng.sample(w.companies, min(t["awarded_companies"], len(w.companies))):
        give(AWARD_YEAR, AWARDS_2023["company"], pc)
    people = list(dict.fromkeys(w.member_people + members))
    rng.shuffle(people)
    for pid in people[: t["awarded_individuals"]]:
        give(AWARD_YEAR, rng.choice(AWARDS_2023["person"]), pid)
    for unit in rng.sample(w.units, min(t["awarded_units_2024"], len(w.units))):
        give(2024, AWARDS_2024["unit"], unit)
    for pid in people[t["awarded_individuals"] : t["awarded_individuals"] + t["awarded_individuals_2024"]]:
        give(2024, AWARDS_2024["person"], pid)


def evaluations(w: World) -> None:
    """Year-end resident ratings (两评): of each property company and owners' committee where
    it serves, and of each paired unit in its community."""
    rng = w.rng
    n = 0
    rated: dict[tuple[str, str], None] = {}
    for cp in w.compounds:
        if cp.company:
            rated[(cp.company, cp.comm)] = None
        if cp.oc:
            rated[(f"OC-{cp.id}", cp.comm)] = None
    for unit, comm in w.pairings:
        rated[(unit, comm)] = None
    for of, comm in rated:
        n += 1
        w.files.write(
            "evaluations",
            {
                "id": f"E-{n:07d}",
                "date": day_between(rng, date(2024, 12, 10), date(2024, 12, 28)),
                "score": round(rng.uniform(85, 100), 1),
                "kind": "resident_rating",
                "of_id": of,
                "community_id": comm,
            },
        )
