"""`grassroots serve`: the API (and the page under /)."""

from __future__ import annotations

from typing import Annotated

import typer

from graph.core.language import say


def serve(
    host: Annotated[str, typer.Option(help=say("监听的网络接口", "Interface to bind"))] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=say("HTTP 端口", "HTTP port"))] = 8000,
) -> None:
    """Serve the FastAPI app with uvicorn."""
    import uvicorn

    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="info")
