"""Security headers on every answer. The page gets a strict Content-Security-Policy: scripts only
from this server (its two inline scripts allowed by their SHA-256), no frames, no plugins, no
other origins; /docs and /redoc (Swagger UI and ReDoc, which need inline scripts) a looser one.
Strict-Transport-Security belongs to the TLS proxy in front (docs/security.md)."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from fastapi import Request

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", re.S | re.I)
COMMON = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self' blob:; font-src 'self' data:; frame-ancestors 'none'; "
    "object-src 'none'; base-uri 'self'"
)
DOCS_PATHS = ("/docs", "/redoc", "/static-offline-docs")


def page_csp(web: Path) -> str:
    """The page's policy, allowing the inline scripts of index.html (the import map) by their hash."""
    html = (web / "index.html").read_text(encoding="utf-8")
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode() + "'"
        for body in _INLINE_SCRIPT.findall(html)
    )
    return (
        f"default-src 'self'; script-src 'self' {hashes}; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data: blob:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; "
        "object-src 'none'; base-uri 'self'; form-action 'self'"
    )


def security_headers(web: Path):
    """The middleware function: COMMON headers on everything, and the page's or the docs' policy."""
    page = page_csp(web)

    async def add_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in COMMON.items():
            response.headers.setdefault(k, v)
        path = request.url.path
        response.headers.setdefault("Content-Security-Policy", DOCS_CSP if path.startswith(DOCS_PATHS) else page)
        return response

    return add_headers
