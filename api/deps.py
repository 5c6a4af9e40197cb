"""`Annotated` dependency aliases shared by the routers."""
from typing import Annotated

from fastapi import Depends

from graph.settings import Settings, get_settings
from graph.store import Store, get_store


def store_dep() -> Store:
    return get_store()


StoreDep = Annotated[Store, Depends(store_dep)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
