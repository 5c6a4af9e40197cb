"""Making and revoking API keys (graph.core.access holds the store), with what a key names checked
against the graph: its person must exist, its area must be a district, street or community. Every
change is written to the audit log."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from graph.catalogue import reads
from graph.core import access, audit
from graph.core.errors import ParamError
from graph.core.store import Store
from graph.services.scope import scope_area


def _person_exists(store: Store, person: str) -> None:
    if not reads.rows("person_picture", {"id": person}, store=store):
        raise ParamError("person", f"no Person with id {person!r}: writes with this key would be recorded under it")


def create(
    *, store: Store, name: str, role: str, person: str | None = None, scope: str | None = None
) -> tuple[access.Key, str]:
    """A new key and its text (shown once). `scope` may be a code or a name; the code is kept."""
    access.check_role(role)
    if person is not None:
        _person_exists(store, person)
    code = scope_area(store, scope).id if scope is not None else None
    what: dict[str, Any] = {"name": name, "role": role, "person": person, "scope": code}
    with audit.audited("key", {"change": "create", **what}) as outcome:
        key, text = access.create_key(name=name, role=role, person=person, scope=code, by=_by())
        outcome.text = f"ok: key {key.id}"
    return key, text


def revoke(key_id: str) -> access.Key:
    with audit.audited("key", {"change": "revoke", "key_id": key_id}):
        return access.revoke_key(key_id)


def listed(*, include_revoked: bool = True) -> list[dict[str, Any]]:
    return [asdict(k) for k in access.list_keys(include_revoked=include_revoked)]


def _by() -> str:
    caller = access.current_caller() or access.cli_caller()
    return caller.name if caller.key_id is None else f"{caller.name} ({caller.key_id})"
