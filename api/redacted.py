"""The JSON answer class of the whole API: every value passes graph.core.privacy.redact on its way
out, so a phone or a resident's name is shown only as the caller may see it, whichever endpoint,
query or ad-hoc answer carries it. Non-JSON answers (CSV, XML, spreadsheets) redact their rows
themselves before writing them."""

from __future__ import annotations

from typing import Any

from fastapi.responses import JSONResponse

from graph.core.privacy import redact


class RedactedJSON(JSONResponse):
    def render(self, content: Any) -> bytes:
        return super().render(redact(content))
