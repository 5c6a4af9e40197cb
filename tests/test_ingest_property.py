"""Property: whatever mix of valid and invalid rows a load gets, exactly the valid ones end up in the
graph and exactly the invalid ones are reported (by row number).

Rows are communities and pairings with random defects: a bad enumeration value, an empty required
value, a reference to an id that exists nowhere, an id repeated in the file. The expected outcome is
worked out independently of the pipeline, from the defects alone."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.catalogue.schema import empty_database
from ingest.pipeline import load
from tests.ingest_helpers import ids, pairs, write_csv

STREETS = ("S-1", "S-2")
UNITS = ("U-1", "U-2", "U-3")

community = st.tuples(
    st.integers(0, 5),  # id C-0..C-5: repeats happen
    st.sampled_from(["ok", "ok", "ok", "bad_kind", "no_name", "dangling_street"]),
)
pairing = st.tuples(
    st.sampled_from(UNITS + ("U-404",)),
    st.integers(0, 6),  # C-6 is never declared
    st.sampled_from(["ok", "ok", "bad_funding"]),
)


def _expected(communities, pairings_):
    """(community ids, pairing pairs, rejected community rows, rejected pairing rows)."""
    declared, good, bad_c = set(), set(), set()
    for row, (i, defect) in enumerate(communities, start=2):
        cid = f"C-{i}"
        if defect in ("bad_kind", "no_name"):
            bad_c.add(row)  # invalid on its own: declares nothing
        elif cid in declared:
            bad_c.add(row)  # repeats an id of a valid row above
        else:
            declared.add(cid)
            if defect == "dangling_street":
                bad_c.add(row)
            else:
                good.add(cid)
    links, bad_p = set(), set()
    for row, (unit, i, defect) in enumerate(pairings_, start=2):
        if defect == "bad_funding" or unit not in UNITS or f"C-{i}" not in good:
            bad_p.add(row)
        else:
            links.add((unit, "PAIRED_WITH", f"C-{i}"))
    return good, links, bad_c, bad_p


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(communities=st.lists(community, max_size=12), pairings_=st.lists(pairing, max_size=12))
def test_loads_exactly_the_valid_rows_and_reports_exactly_the_invalid(db, tmp_path_factory, communities, pairings_):
    empty_database(db)
    folder = tmp_path_factory.mktemp("mix")
    write_csv(folder / "districts.csv", [{"id": "D-1", "name": "新罗区"}])
    write_csv(
        folder / "streets.csv",
        [{"id": s, "name": s, "kind": "street", "district_id": "D-1"} for s in STREETS],
    )
    write_csv(folder / "units.csv", [{"id": u, "name": u, "kind": "agency", "level": "city"} for u in UNITS])
    write_csv(
        folder / "communities.csv",
        [
            {
                "id": f"C-{i}",
                "name": "" if d == "no_name" else f"社区{i}",
                "kind": "town" if d == "bad_kind" else "community",
                "street_id": "S-9" if d == "dangling_street" else STREETS[i % 2],
            }
            for i, d in communities
        ],
        header=None if communities else ["id", "name", "kind", "street_id"],
    )
    write_csv(
        folder / "pairings.csv",
        [
            {
                "unit_id": u,
                "community_id": f"C-{i}",
                "min_annual_funding": "三万" if d == "bad_funding" else "30000",
            }
            for u, i, d in pairings_
        ],
        header=None if pairings_ else ["unit_id", "community_id", "min_annual_funding"],
    )

    report = load([folder], store=db, batch_size=4)

    good, links, bad_c, bad_p = _expected(communities, pairings_)
    assert {i for label, i in ids(db) if label == "Community"} == good
    assert {p for p in pairs(db) if p[1] == "PAIRED_WITH"} == links
    rejected = {(e.file.rsplit("/", 1)[-1], e.row) for e in report.errors}
    assert rejected == {("communities.csv", r) for r in bad_c} | {("pairings.csv", r) for r in bad_p}
    assert report.rejected == len(bad_c) + len(bad_p)
    assert report.loaded == 1 + len(STREETS) + len(UNITS) + len(good) + (len(pairings_) - len(bad_p))
