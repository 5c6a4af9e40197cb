"""`grassroots serve`: the API (and the page under /)."""

from __future__ import annotations

from typing import Annotated

import typer


def serve(
    host: Annotated[str, typer.Option(help="Interface to bind")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="HTTP port")] = 8000,
) -> None:
    """Serve the FastAPI app with uvicorn."""
    import uvicorn

    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="info")
