"""GET /issues/ledger: the supervision ledger (督办清单) as an .xlsx workbook, like `grassroots issues
report`. An export (analyst and up): contacts whole for coordinators and admins, masked for the
rest; a key limited to an area gets its area's ledger. Logged in the audit log."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from api.auth import area_scoped
from api.deps import Analyst, StoreDep
from api.responses import BAD_PARAM, TIMEOUT, UNAVAILABLE
from api.routers.issues import AsOf, Only
from graph.core.moments import as_of_moment
from graph.services.issues.ledger import write_ledger

router = APIRouter(tags=["issues"])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@router.get(
    "/issues/ledger",
    response_class=FileResponse,
    responses={200: {"content": {XLSX: {}}, "description": "the workbook"}, **BAD_PARAM, **TIMEOUT, **UNAVAILABLE},
)
@area_scoped
def ledger(
    store: StoreDep,
    caller: Analyst,
    only: Only,
    as_of: AsOf = None,
    min_days: Annotated[int, Query(ge=0, le=3650, description="stalled for at least this many whole days")] = 3,
):
    """The ledger at `as_of`: a summary sheet and one sheet per street of stalled and overdue issues,
    with who should act and how to reach them."""
    t = as_of_moment(as_of)
    folder = Path(tempfile.mkdtemp(prefix="grassroots-ledger-"))
    out = folder / f"督办清单-{t:%Y%m%d}.xlsx"
    write_ledger(store=store, as_of=t, out=out, min_days=min_days, only=only)
    cleanup = BackgroundTask(shutil.rmtree, folder, ignore_errors=True)
    return FileResponse(out, media_type=XLSX, filename=out.name, background=cleanup)
