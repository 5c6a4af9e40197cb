"""The bounds every request passes before a route sees it (docs/api.md, "Limits"): pure ASGI, so
nothing reads more of a body than the limit allows.

- A body past GRASSROOTS_BODY_MAX_KB (POST /api/v1/ingest: GRASSROOTS_INGEST_UPLOAD_MB) is
  answered 413 as soon as its Content-Length says so, or as soon as the bytes received pass the
  limit (chunked bodies are counted as they arrive); the rest is never read.
- A JSON body is read whole (it is small by then) and checked once for what Python's JSON reader
  lets through but the graph cannot hold: NaN and Infinity, numbers past 64 bits (or floats that
  overflow to infinity), lone surrogates (`"\\ud800"`), nesting deeper than GRASSROOTS_JSON_DEPTH_MAX.
  Each is a 422 naming the field (`parameters.x`), the value cut short.
- Requests in flight per caller (the API key, or the client address without one) are capped at
  GRASSROOTS_INFLIGHT_PER_CLIENT: one more waits up to GRASSROOTS_INFLIGHT_WAIT_S for a slot, then
  gets 429 with Retry-After, so one client cannot take every worker. Only /api/ routes are counted
  (/health, the page's files and the docs are never held back).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from graph.core.json_values import BadJSON, parse_json
from graph.core.settings import get_settings

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

INGEST_PATH = "/api/v1/ingest"
UNLIMITED_PATHS = ("/health",)
API_PREFIX = "/api/"


def _header(scope: Scope, name: bytes) -> str | None:
    for k, v in scope.get("headers") or ():
        if k.lower() == name:
            return v.decode("latin-1")
    return None


async def _reply(send: Send, status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> None:
    data = json.dumps(body, ensure_ascii=False).encode("utf-8")
    raw = [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())]
    raw += [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": data})


class RequestBounds:
    """Body size, JSON content and nesting: 413 and 422 before a route runs."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            return await self.app(scope, receive, send)
        s = get_settings()
        ingest = scope["path"] == INGEST_PATH
        cap = s.grassroots_ingest_upload_mb << 20 if ingest else s.grassroots_body_max_kb << 10
        too_large = {
            "detail": f"the request body is larger than {cap >> 10} KiB "
            + ("(GRASSROOTS_INGEST_UPLOAD_MB)" if ingest else "(GRASSROOTS_BODY_MAX_KB)"),
            "field": "body",
        }
        length = _header(scope, b"content-length")
        if length is not None and length.strip().isdigit() and int(length) > cap:
            return await _reply(send, 413, too_large)
        if ingest:  # multipart, large by design: counted as it streams, never held here
            return await self.app(scope, _counting(receive, cap), send)
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > cap:
                return await _reply(send, 413, too_large)
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        raw = b"".join(chunks)
        kind = (_header(scope, b"content-type") or "").split(";")[0].strip().lower()
        if raw and (kind == "application/json" or kind.endswith("+json")):
            try:
                parse_json(raw, s.grassroots_json_depth_max)
            except BadJSON as exc:
                return await _reply(send, 422, {"detail": f"parameter {exc.field!r}: {exc}", "field": exc.field})
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": raw, "more_body": False}

        await self.app(scope, replay, send)


class BodyTooLarge(Exception):
    pass


def _counting(receive: Receive, cap: int) -> Receive:
    size = 0

    async def counted() -> Message:
        nonlocal size
        message = await receive()
        size += len(message.get("body", b""))
        if size > cap:
            from fastapi import HTTPException  # FastAPI passes an HTTPException through form parsing

            raise HTTPException(413, f"the request body is larger than {cap >> 20} MB (GRASSROOTS_INGEST_UPLOAD_MB)")
        return message

    return counted


def caller_key(scope: Scope) -> str:
    """Whom a request counts against: its API key (hashed, never kept), else its client address."""
    header = _header(scope, b"authorization")
    if header:
        return "key:" + hashlib.sha256(header.encode("utf-8", "replace")).hexdigest()[:16]
    client = scope.get("client")
    return "addr:" + (client[0] if client else "?")


class InFlight:
    """At most GRASSROOTS_INFLIGHT_PER_CLIENT requests of one caller at a time; 429 past the wait."""

    def __init__(self, app: ASGIApp):
        self.app = app
        self.running: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        s = get_settings()
        limit = s.grassroots_inflight_per_client
        # Only the API's own routes are held back: the page's static files and the docs cost nothing
        # and a browser asks for a dozen at once.
        path = scope.get("path", "")
        if scope["type"] != "http" or limit <= 0 or path in UNLIMITED_PATHS or not path.startswith(API_PREFIX):
            return await self.app(scope, receive, send)
        who = caller_key(scope)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + s.grassroots_inflight_wait_s
        while self.running.get(who, 0) >= limit:
            if loop.time() >= deadline:
                return await _reply(
                    send,
                    429,
                    {
                        "detail": f"more than {limit} requests of this caller at once "
                        "(GRASSROOTS_INFLIGHT_PER_CLIENT); wait for an answer before sending more"
                    },
                    {"Retry-After": "1"},
                )
            await asyncio.sleep(0.02)
        self.running[who] = self.running.get(who, 0) + 1
        try:
            await self.app(scope, receive, send)
        finally:
            left = self.running[who] - 1
            if left:
                self.running[who] = left
            else:
                del self.running[who]
