"""Two-way points (双向积分) and the communities' points banks: what a person earned per category
and item, redeemed and holds; a community's totals, top earners and redemptions; earning and
redeeming, where a redemption beyond the balance is refused (409) and concurrent redemptions by
one person are served one after the other under a lock on the person, so none overdraws."""

from __future__ import annotations

from datetime import UTC, datetime

from graph.catalogue import reads, writes
from graph.catalogue.writes import Writer
from graph.core.errors import Conflict, NotFound, ParamError
from graph.core.serialize import to_native
from graph.core.store import Store

SOURCE = "api"


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def person_points(*, store: Store, person_id: str) -> dict:
    rows = reads.rows("person_points", {"person_id": person_id}, store=store)
    if not rows:
        raise NotFound("Person", person_id)
    return rows[0]


def community_points(*, store: Store, community_id: str, top: int = 10) -> dict:
    rows = reads.rows("community_points", {"community_id": community_id, "top": top}, store=store)
    if not rows:
        raise NotFound("Community", community_id)
    return rows[0]


def balances(*, store: Store, under: str | None = None, limit: int = 100, offset: int = 0) -> list[dict]:
    return reads.rows("points_balances", {"under": under, "limit": limit, "offset": offset}, store=store)


def _lock(w: Writer, person_id: str, now: datetime) -> None:
    if w.single("writes/points_lock", {"person_id": person_id, "now": now}) is None:
        raise NotFound("Person", person_id)


def _balance(w: Writer, person_id: str) -> dict:
    row = w.single("writes/points_balance", {"person_id": person_id})
    assert row is not None  # the person is locked, so it exists
    return to_native(row.data())


def earn(*, store: Store, person_id: str, item_id: str, points: int | None = None, at: datetime | None = None) -> dict:
    """The person earns points for a point item (default: its stars); returns the new balance."""

    def work(w: Writer) -> dict:
        now = _now()
        _lock(w, person_id, now)
        row = w.single(
            "writes/points_earn",
            {"person_id": person_id, "item_id": item_id, "points": points, "at": at or now, "source": SOURCE,
             "now": now},
        )  # fmt: skip
        if row is None:
            raise ParamError("item_id", f"no PointItem with id {item_id!r}")
        return {"person_id": person_id, "points": row["points"], **_balance(w, person_id)}

    return writes.write_tx(store, work)


def redeem(
    *, store: Store, person_id: str, community_id: str, points: int, benefit: str, at: datetime | None = None
) -> dict:
    """Redeems `points` at a community for `benefit`; Conflict (409) with the balance when it holds fewer."""

    def work(w: Writer) -> dict:
        now = _now()
        _lock(w, person_id, now)
        before = _balance(w, person_id)
        if points > before["balance"]:
            raise Conflict(
                f"person {person_id} holds {before['balance']} points, fewer than the {points} asked for",
                current={"person_id": person_id, **before},
            )
        row = w.single(
            "writes/points_redeem",
            {"person_id": person_id, "community_id": community_id, "points": points, "benefit": benefit,
             "at": at or now, "source": SOURCE, "now": now},
        )  # fmt: skip
        if row is None:
            raise ParamError("community_id", f"no Community with id {community_id!r}")
        return {"person_id": person_id, "points": points, **_balance(w, person_id)}

    return writes.write_tx(store, work)
