"""The project's secrets, kept in its home folder and readable by the owner only (mode 0600):

- `neo4j-password`: the local Neo4j's password, made on first use (`grassroots db start`) and
  used by every command that talks to the local server;
- `secret.key`: the key that seals work phones in the graph (below), unless GRASSROOTS_SECRET_KEY
  gives one (a deployment with several API processes gives them the same).

Sealed values: a person's whole work phone is stored in Neo4j as `enc:v1:<base64>` (AES-SIV, the
same phone always seals to the same text, so loads stay idempotent). Whoever reads the graph
directly, or through ad-hoc Cypher, sees only that text; the API unseals it where the reader may
see contacts, and masks it everywhere else (graph.core.privacy).
"""

from __future__ import annotations

import base64
import binascii
import os
import secrets as random
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESSIV

from graph.core.settings import get_settings

SEALED_PREFIX = "enc:v1:"


def private_file(path: Path, make: Callable[[], str]) -> str:
    """The text of `path`, made with `make()` (owner-only) the first time it is asked for."""
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    text = make()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    return text


def local_neo4j_password(home: Path) -> str:
    """The local Neo4j's password, made on first use."""
    return private_file(home.resolve() / "neo4j-password", lambda: random.token_urlsafe(24))


@lru_cache(maxsize=4)
def _cipher(key_text: str) -> AESSIV:
    return AESSIV(base64.urlsafe_b64decode(key_text))


def _key_text() -> str:
    s = get_settings()
    if s.grassroots_secret_key:
        return s.grassroots_secret_key
    return private_file(
        s.grassroots_home / "secret.key", lambda: base64.urlsafe_b64encode(AESSIV.generate_key(512)).decode()
    )


def seal(plain: str) -> str:
    """`enc:v1:...` for a value only the project may read back."""
    token = _cipher(_key_text()).encrypt(plain.encode("utf-8"), None)
    return SEALED_PREFIX + base64.urlsafe_b64encode(token).decode("ascii")


def is_sealed(value: object) -> bool:
    return isinstance(value, str) and value.startswith(SEALED_PREFIX)


def unseal(value: str) -> str | None:
    """The plain value of a sealed one; None when it was sealed with another key or is damaged."""
    try:
        token = base64.urlsafe_b64decode(value[len(SEALED_PREFIX) :].encode("ascii"))
        return _cipher(_key_text()).decrypt(token, None).decode("utf-8")
    except (InvalidTag, binascii.Error, ValueError, UnicodeDecodeError):  # another key, or damaged
        return None
