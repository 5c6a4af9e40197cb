"""`grassroots serve`: the API (and the page under /).

GRASSROOTS_AUTH=off serves without keys, so it is allowed on loopback only (`make demo` does
this, with a banner); started on any other address with auth off, it refuses to start."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from graph.core.access import is_loopback
from graph.core.errors import Refused
from graph.core.language import say
from graph.core.settings import get_settings

err = Console(stderr=True, highlight=False)
LOCAL_NAMES = {"127.0.0.1", "localhost", "::1", "testserver"}


def serve(
    host: Annotated[str, typer.Option(help=say("监听的网络接口", "Interface to bind"))] = "127.0.0.1",
    port: Annotated[int, typer.Option(help=say("HTTP 端口", "HTTP port"))] = 8000,
) -> None:
    """Serve the FastAPI app with uvicorn."""
    import uvicorn

    s = get_settings()
    if s.grassroots_auth == "off":
        if not is_loopback(host):
            raise Refused(
                say(
                    f"GRASSROOTS_AUTH=off 时不要求密钥，只能在本机回环地址上提供服务；--host {host} 不是。"
                    "请用 --host 127.0.0.1，或打开认证并用 `grassroots keys create` 发放密钥",
                    f"GRASSROOTS_AUTH=off serves without keys, so only on loopback, and --host {host} is not: "
                    "use --host 127.0.0.1, or turn auth on and hand out keys (grassroots keys create)",
                )
            )
        err.print(
            say(
                "[bold yellow]注意：认证已关闭（GRASSROOTS_AUTH=off）。[/] "
                "本机任何程序都可读取（以分析员身份，电话打码）；写入和管理仍需密钥。仅供本机演示使用。",
                "[bold yellow]Note: auth is off (GRASSROOTS_AUTH=off).[/] Any program on this machine may read "
                "(as an analyst, phones masked); writes and admin still need a key. For a local demo only.",
            )
        )
    elif not is_loopback(host) and set(s.grassroots_allowed_hosts) <= LOCAL_NAMES:
        err.print(
            say(
                "提示：GRASSROOTS_ALLOWED_HOSTS 只有本机名称；请加入客户端访问本服务时使用的主机名，"
                "否则请求会被拒绝（400）。",
                "Hint: GRASSROOTS_ALLOWED_HOSTS names only this machine; add the host name clients use to reach "
                "this server, or their requests are refused (400).",
            )
        )
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="info")
