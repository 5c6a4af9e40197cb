"""`Annotated` dependency aliases and query parameters shared by the routers."""

from typing import Annotated

from fastapi import Depends, Query

from api.auth import need
from graph.catalogue.paging import OFFSET_MAX, PAGE_SIZE_MAX
from graph.core.access import Caller
from graph.core.store import Store, get_store


def store_dep() -> Store:
    return get_store()


StoreDep = Annotated[Store, Depends(store_dep)]

# Paging, the same on every paged endpoint (graph.catalogue.paging.Page).
Limit = Annotated[int, Query(ge=1, le=PAGE_SIZE_MAX, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=OFFSET_MAX, description="rows to skip")]

# The caller, holding at least this role (api/auth.py): 401 without a key, 403 below the role.
Viewer = Annotated[Caller, need("viewer")]
Analyst = Annotated[Caller, need("analyst")]
Coordinator = Annotated[Caller, need("coordinator")]
Admin = Annotated[Caller, need("admin")]
