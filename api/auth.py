"""Who is calling, and what they may do (docs/security.md).

`identify` runs for every request (a middleware in api/app.py): it reads the key from
`Authorization: Bearer <key>`, or, with GRASSROOTS_AUTH=off, lets a loopback client in as `local`
(an analyst: reads, ad-hoc Cypher and exports, contacts masked; writes and admin need a key even
then). The caller is held for the request (graph.core.access), and contacts are revealed for it
when its role may see them (graph.core.privacy).

Routers then ask for a role with `need(role)`. A key limited to an area (`--scope`) is refused by
every route that is not marked `@area_scoped`; those that are narrow their answer to the key's
area, or refuse what lies outside it (api/scope.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import Depends, Request
from starlette.concurrency import run_in_threadpool

from graph.core.access import Caller, Role, current_caller, is_loopback, require, verify_key
from graph.core.errors import Refused, Unauthorized
from graph.core.settings import get_settings

LOCAL = Caller(role="analyst", name="local")
_AREA_SCOPED: set[Callable[..., Any]] = set()


async def identify(request: Request) -> Caller | None:
    """The caller of `request`: its key's, `LOCAL` (auth off, loopback) or None (no key)."""
    header = request.headers.get("authorization")
    if header:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("the Authorization header must read `Bearer <key>`")
        key = await run_in_threadpool(verify_key, token)  # Argon2 on a key's first use: off the event loop
        return key.caller()
    if get_settings().grassroots_auth == "off":
        client = request.client.host if request.client else None
        if not is_loopback(client):
            raise Refused("GRASSROOTS_AUTH is off, so only this machine (loopback) may call the API without a key")
        return LOCAL
    return None


def area_scoped(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    """Marks a route that keys limited to an area may call: it narrows or checks by area itself."""
    _AREA_SCOPED.add(endpoint)
    return endpoint


def need(role: Role) -> Any:
    """A dependency: the caller, if it holds `role`; 401 without a key, 403 below the role or for a
    key limited to an area on a route that is not narrowed to one."""

    def check(request: Request) -> Caller:
        caller = require(current_caller(), role)
        if caller.scope and request.scope.get("endpoint") not in _AREA_SCOPED:
            raise Refused(
                f"key {caller.name!r} is limited to area {caller.scope}; {request.url.path} is not narrowed to one area"
            )
        return caller

    return Depends(check)


def writer(caller: Caller) -> str:
    """The person a write is recorded under: the key's, never one named in the request."""
    if caller.person is None:
        raise Refused(
            f"key {caller.name!r} names no person, and writes are recorded under the key's person: "
            "make one with `grassroots keys create --person ID`"
        )
    return caller.person
