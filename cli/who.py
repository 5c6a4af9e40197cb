"""Who the CLI acts for: the API key in GRASSROOTS_KEY (its role, area and person, as in the API),
or else the owner of the home folder, who holds its secrets anyway: an admin. Commands ask for a
role with `need`, like the API's routes (docs/security.md)."""

from __future__ import annotations

from graph.core.access import Caller, Role, cli_caller, current_caller, require, verify_key
from graph.core.errors import Refused
from graph.core.language import say
from graph.core.settings import get_settings


def cli_identity() -> Caller:
    text = get_settings().grassroots_key.strip()
    return verify_key(text).caller() if text else cli_caller()


def need(role: Role, *, area_scoped: bool = False) -> Caller:
    """The caller if it holds `role`; a key limited to an area only where the command narrows to it."""
    caller = require(current_caller() or cli_caller(), role)
    if caller.scope and not area_scoped:
        raise Refused(
            say(
                f"密钥 {caller.name!r} 仅限区域 {caller.scope}，此命令不按区域限定",
                f"key {caller.name!r} is limited to area {caller.scope}; this command is not narrowed to one area",
            )
        )
    return caller
