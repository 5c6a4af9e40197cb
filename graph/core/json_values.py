"""Values a JSON text may hold but the graph cannot: NaN and Infinity, integers past 64 bits, floats
that overflow, lone surrogates, nesting past a depth. `parse_json` and `check_json` raise BadJSON
naming the first field (`parameters.x`), the value cut short. The API checks every JSON body with
them (api/limits.py), the CLI its `-p k:=json` parameters."""

from __future__ import annotations

import json
import math
from typing import Any

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
SHOWN_CHARS = 40  # of a bad value, in a message


class BadJSON(ValueError):
    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def shown(value: Any) -> str:
    """A value as an answer may quote it: its repr, cut to SHOWN_CHARS."""
    text = repr(value)
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


class _Constant:
    """NaN, Infinity or -Infinity where the JSON text had one (found with its field afterwards)."""

    def __init__(self, name: str):
        self.name = name


def _surrogate_free(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_json(value: Any, depth_max: int) -> None:
    """Raises BadJSON naming the first field that holds what the graph cannot take."""
    stack: list[tuple[Any, str, int]] = [(value, "", 1)]
    while stack:
        v, path, depth = stack.pop()
        here = path or "body"
        if isinstance(v, dict | list):
            if depth > depth_max:
                raise BadJSON(here, f"nested deeper than {depth_max} levels (GRASSROOTS_JSON_DEPTH_MAX)")
            items = v.items() if isinstance(v, dict) else enumerate(v)
            for k, item in items:
                if isinstance(k, str) and not _surrogate_free(k):
                    raise BadJSON(here, f"the key {shown(k)} holds a lone surrogate, which is not text")
                stack.append((item, f"{path}.{k}" if path else str(k), depth + 1))
        elif isinstance(v, _Constant):
            raise BadJSON(here, f"{v.name} is not a number the graph can hold")
        elif isinstance(v, bool):
            continue
        elif isinstance(v, int):
            if not INT64_MIN <= v <= INT64_MAX:
                raise BadJSON(here, f"{shown(v)} is outside the 64-bit integers (-2^63 .. 2^63-1)")
        elif isinstance(v, float):
            if not math.isfinite(v):
                raise BadJSON(here, "the number is too large for a 64-bit float")
        elif isinstance(v, str) and not _surrogate_free(v):
            raise BadJSON(here, f"{shown(v)} holds a lone surrogate (e.g. \\ud800), which is not text")


def parse_json(raw: bytes, depth_max: int) -> None:
    """Checks a JSON body; text that is not JSON is left for the route to refuse (422)."""
    try:
        value = json.loads(raw, parse_constant=_Constant)
    except RecursionError:
        raise BadJSON("body", f"nested deeper than {depth_max} levels (GRASSROOTS_JSON_DEPTH_MAX)") from None
    except ValueError:  # not JSON (or not UTF-8): FastAPI answers it
        return
    check_json(value, depth_max)
