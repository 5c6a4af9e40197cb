"""Admin only: API keys (GET/POST /keys, DELETE /keys/{id}), the audit log (GET /audit) and ingest
through the API (POST /ingest, files as multipart). docs/security.md says who may do what."""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Query, UploadFile
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field

from api.deps import Admin, Limit, Offset, StoreDep
from api.responses import BAD_PARAM, NOT_FOUND, Responses, response
from graph.catalogue.paging import Page, next_offset
from graph.core import audit
from graph.core.access import ROLES, Role
from graph.core.errors import Malformed, TooLarge
from graph.core.moments import since_moment
from graph.core.settings import get_settings
from graph.services import keys
from ingest.pipeline import load

router = APIRouter(tags=["admin"])
_AUTH: Responses = {
    401: response("no API key, or a bad one", "no API key: send the header `Authorization: Bearer <key>`"),
    403: response("the key's role is below admin", "this needs the admin role; key 'x' has the analyst role"),
}


# --- keys ------------------------------------------------------------------------------------------
class KeyInfo(BaseModel):
    id: str
    name: str
    role: Role
    person: str | None = None
    scope: str | None = None
    created_at: datetime
    created_by: str
    revoked_at: datetime | None = None


class KeyCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=100, description="who or what uses the key")
    role: Role = Field(description=" < ".join(ROLES))
    person: str | None = Field(None, description="the Person writes are recorded under (coordinators)")
    scope: str | None = Field(None, description="limit the key to this district, street or community (code or name)")


class KeyCreated(KeyInfo):
    key: str = Field(description="the key itself: shown this once, stored only as a hash")


@router.get("/keys", response_model=list[KeyInfo], responses=_AUTH)
def list_keys(caller: Admin, revoked: Annotated[bool, Query(description="include revoked keys")] = True):
    """Every key: id, name, role, person, area, when and by whom it was made, when it was revoked."""
    return keys.listed(include_revoked=revoked)


@router.post("/keys", response_model=KeyCreated, status_code=201, responses={**_AUTH, **BAD_PARAM})
def create_key(store: StoreDep, caller: Admin, body: KeyCreate):
    """Makes a key; the answer holds its text, which is never shown again."""
    key, text = keys.create(store=store, name=body.name, role=body.role, person=body.person, scope=body.scope)
    return {**key.__dict__, "key": text}


@router.delete("/keys/{key_id}", response_model=KeyInfo, responses={**_AUTH, **NOT_FOUND})
def revoke_key(caller: Admin, key_id: Annotated[str, PathParam(description="the key's id (gg_<id>_...)")]):
    """Revokes the key at once; revoking it again changes nothing."""
    return keys.revoke(key_id).__dict__


# --- the audit log ---------------------------------------------------------------------------------
class AuditEntry(BaseModel):
    seq: int
    at: datetime
    actor: str = Field(description="the key's name, `local` (auth off) or `cli:<user>`")
    role: str
    key_id: str | None = None
    person: str | None = None
    action: str = Field(description=", ".join(audit.ACTIONS))
    what: dict[str, Any]
    outcome: str


@router.get("/audit", response_model=Page[AuditEntry], responses={**_AUTH, **BAD_PARAM})
def audit_log(
    caller: Admin,
    since: Annotated[str | None, Query(description="a date or datetime (project time zone)")] = None,
    action: Annotated[str | None, Query(description=", ".join(audit.ACTIONS))] = None,
    actor: Annotated[str | None, Query(description="a key's name, `local` or `cli:<user>`")] = None,
    limit: Limit = 100,
    offset: Offset = 0,
):
    """The newest entries first: who (key, role, person), when, what, and how it ended."""
    t = since_moment(since) if since else None
    total, rows = audit.entries(since=t, action=action, actor=actor, limit=limit, offset=offset)
    return Page[AuditEntry](
        items=rows,
        total=total,
        limit=limit,
        offset=offset,
        next_offset=next_offset(limit=limit, offset=offset, total=total),
    )


# --- ingest ----------------------------------------------------------------------------------------
class IngestError(BaseModel):
    file: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    reason: str


class IngestAnswer(BaseModel):
    written: bool = Field(description="false for a dry run, or a strict load that found errors")
    valid: int
    loaded: int
    rejected: int
    errors_total: int
    errors: list[IngestError] = Field(description="the first 100")
    kinds: dict[str, dict[str, int]]
    seconds: float


@router.post("/ingest", response_model=IngestAnswer, responses={**_AUTH, **BAD_PARAM, 413: response("too big", "")})
def ingest(
    store: StoreDep,
    caller: Admin,
    files: Annotated[
        list[UploadFile], File(description="input files, each named after its kind (people.csv, 社区.xlsx)")
    ],
    dry_run: Annotated[bool, Form(description="check every row, write nothing")] = False,
    strict: Annotated[bool, Form(description="write nothing if any row is rejected")] = False,
):
    """Loads files like `grassroots ingest`: every row checked first, bad rows named (file, row,
    column) and left out, good ones merged idempotently (a re-run completes, never duplicates)."""
    cap = get_settings().grassroots_ingest_upload_mb * 1024 * 1024
    folder = Path(tempfile.mkdtemp(prefix="grassroots-ingest-"))
    try:
        size = 0
        for f in files:
            name = Path(f.filename or "").name
            if not name or name.startswith("."):
                raise Malformed(f"an uploaded file has no usable name ({f.filename!r}): name it after its kind")
            with (folder / name).open("wb") as out:
                while chunk := f.file.read(1 << 20):
                    size += len(chunk)
                    if size > cap:
                        raise TooLarge(f"the files are larger than {cap >> 20} MB (GRASSROOTS_INGEST_UPLOAD_MB)")
                    out.write(chunk)
        report = load([folder], store=store, dry_run=dry_run, strict=strict)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return IngestAnswer(
        written=report.written,
        valid=report.valid,
        loaded=report.loaded,
        rejected=report.rejected,
        errors_total=report.errors_total,
        errors=[IngestError(**e.__dict__) for e in report.errors[:100]],
        kinds={k: v.__dict__ for k, v in report.kinds.items()},
        seconds=round(report.elapsed, 2),
    )
