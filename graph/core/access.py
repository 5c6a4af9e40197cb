"""Who is asking: roles, API keys and the caller of the request or command being served.

Roles rise in steps, each with everything below it (docs/security.md):
`viewer` (catalogue, graph views, search, issue reads), `analyst` (+ ad-hoc Cypher, analytics,
exports), `coordinator` (+ recording issue steps, whole contacts), `admin` (+ ingest through the
API, keys, the audit log).

A key reads `gg_<id>_<secret>`: the id finds its row, the secret is checked against an Argon2id
hash (argon2-cffi; the secret itself is shown once, when the key is made, and never stored).
Keys live in `<home>/access.sqlite` (mode 0600), beside the graph rather than in it: Neo4j
Community has no per-label privileges, so key nodes would be one `MATCH (n)` away from anyone
with ad-hoc Cypher; and the API can still tell a bad key from a down database.
"""

from __future__ import annotations

import getpass
import hashlib
import ipaddress
import os
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal, get_args

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from graph.core.errors import NotFound, ParamError, Refused, Unauthorized
from graph.core.settings import get_settings

Role = Literal["viewer", "analyst", "coordinator", "admin"]
ROLES: tuple[Role, ...] = get_args(Role)
_RANK = {r: i for i, r in enumerate(ROLES)}

KEY_PATTERN = re.compile(r"^gg_([0-9a-f]{12})_([A-Za-z0-9_-]{32,})$")
# OWASP's recommended minimum for Argon2id (19 MiB, 2 passes): ~30 ms per check, and a verified
# key is remembered for the process (below), so only the first request of a key pays it.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)


@dataclass(frozen=True)
class Caller:
    """Who a request or command acts for."""

    role: Role
    name: str  # the key's name, `local` (auth off, loopback) or `cli:<user>`
    key_id: str | None = None
    person: str | None = None  # the person writes are recorded under
    scope: str | None = None  # an area code: the key sees and writes only what lies in it

    def may(self, role: Role) -> bool:
        return _RANK[self.role] >= _RANK[role]

    @property
    def sees_contacts(self) -> bool:
        return self.may("coordinator")


_caller: ContextVar[Caller | None] = ContextVar("grassroots_caller", default=None)


@contextmanager
def acting_as(caller: Caller | None) -> Iterator[None]:
    token = _caller.set(caller)
    try:
        yield
    finally:
        _caller.reset(token)


def current_caller() -> Caller | None:
    return _caller.get()


def cli_caller() -> Caller:
    """Whoever runs the CLI owns the home folder (its keys, its secrets): an admin."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name for this uid (a bare container)
        user = str(os.getuid())
    return Caller(role="admin", name=f"cli:{user}")


def is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_role(value: str) -> Role:
    if value not in ROLES:
        raise ParamError("role", f"{value!r} is not a role: one of {', '.join(ROLES)}")
    return value


# --- the key store ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Key:
    id: str
    name: str
    role: Role
    person: str | None
    scope: str | None
    created_at: str  # ISO-8601 UTC
    created_by: str
    revoked_at: str | None = None

    def caller(self) -> Caller:
        return Caller(role=self.role, name=self.name, key_id=self.id, person=self.person, scope=self.scope)


_SCHEMA = """
CREATE TABLE IF NOT EXISTS keys (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, person TEXT, scope TEXT,
  hash TEXT NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE IF NOT EXISTS audit (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL,
  key_id TEXT, person TEXT, action TEXT NOT NULL, what TEXT NOT NULL, outcome TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_at ON audit(at);
-- The log is appended to, never rewritten.
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
"""
_COLUMNS = "id, name, role, person, scope, created_at, created_by, revoked_at"
_ready: set[Path] = set()
_ready_lock = threading.Lock()


def access_db() -> Path:
    return get_settings().grassroots_home / "access.sqlite"


@contextmanager
def connect(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """A connection to the access database (keys and audit), made owner-only on first use."""
    path = (path or access_db()).resolve()
    with _ready_lock:
        if path not in _ready:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))  # SQLite's journals copy this mode
            with sqlite3.connect(path, timeout=30) as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(_SCHEMA)
            _ready.add(path)
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)  # autocommit; BEGIN where needed
    try:
        yield conn
    finally:
        conn.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _key(row: tuple) -> Key:
    return Key(*row)


def create_key(*, name: str, role: str, person: str | None, scope: str | None, by: str) -> tuple[Key, str]:
    """A new key and its text (`gg_<id>_<secret>`), which is shown once and never stored."""
    name = name.strip()
    if not name or len(name) > 100:
        raise ParamError("name", "give the key a name of 1 to 100 characters (who or what uses it)")
    key = Key(
        id=secrets.token_hex(6),
        name=name,
        role=check_role(role),
        person=person,
        scope=scope,
        created_at=_now(),
        created_by=by,
    )
    secret = secrets.token_urlsafe(32)
    with connect() as conn:
        conn.execute(
            f"INSERT INTO keys ({_COLUMNS}, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key.id, key.name, key.role, key.person, key.scope, key.created_at, key.created_by, None,
             _HASHER.hash(secret)),
        )  # fmt: skip
    return key, f"gg_{key.id}_{secret}"


def list_keys(*, include_revoked: bool = True) -> list[Key]:
    where = "" if include_revoked else " WHERE revoked_at IS NULL"
    with connect() as conn:
        return [_key(r) for r in conn.execute(f"SELECT {_COLUMNS} FROM keys{where} ORDER BY created_at, id")]


def get_key(key_id: str) -> Key:
    with connect() as conn:
        row = conn.execute(f"SELECT {_COLUMNS} FROM keys WHERE id = ?", (key_id,)).fetchone()
    if row is None:
        raise NotFound("key", key_id)
    return _key(row)


def revoke_key(key_id: str) -> Key:
    """Revokes the key (at once, in every API process sharing the home); revoking twice is harmless."""
    with connect() as conn:
        conn.execute("UPDATE keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", (_now(), key_id))
    key = get_key(key_id)
    _verified.clear()
    return key


# Keys verified by this process: the text's digest -> key id, so only the first request of a key
# pays for Argon2. Revocation is still seen at once: each request reads the key's row.
_verified: dict[str, str] = {}
_VERIFIED_MAX = 4096


def verify_key(text: str) -> Key:
    """The key `text` names; Unauthorized with the reason when there is none, or it is revoked."""
    m = KEY_PATTERN.match(text.strip())
    if not m:
        raise Unauthorized("the API key is malformed: keys read gg_<id>_<secret> (grassroots keys create)")
    key_id, secret = m.groups()
    digest = hashlib.sha256(text.strip().encode("utf-8")).hexdigest()
    with connect() as conn:
        row = conn.execute(f"SELECT {_COLUMNS}, hash FROM keys WHERE id = ?", (key_id,)).fetchone()
    if row is None:
        raise Unauthorized(f"no API key with id {key_id}")
    key = _key(row[:-1])
    if key.revoked_at:
        raise Unauthorized(f"API key {key_id} ({key.name}) was revoked at {key.revoked_at}")
    if _verified.get(digest) != key_id:
        try:
            _HASHER.verify(row[-1], secret)
        except (VerificationError, InvalidHashError):
            raise Unauthorized(f"the secret of API key {key_id} is wrong") from None
        if len(_verified) >= _VERIFIED_MAX:
            _verified.clear()
        _verified[digest] = key_id
    return key


def require(caller: Caller | None, role: Role) -> Caller:
    """`caller` if it holds `role` (or a higher one): Unauthorized without one, Refused below it."""
    if caller is None:
        raise Unauthorized("no API key: send the header `Authorization: Bearer <key>` (grassroots keys create)")
    if not caller.may(role):
        raise Refused(f"this needs the {role} role; key {caller.name!r} has the {caller.role} role")
    return caller
