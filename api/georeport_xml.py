"""GeoReport v2's XML: the same fields as its JSON, as elements (`<services><service>...`,
`<service_requests><request>...`, `<errors><error>...`), an empty element for a null."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element, SubElement, tostring

from fastapi.responses import Response

MEDIA_TYPE = "text/xml; charset=utf-8"


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _fill(parent: Element, key: str, value: Any) -> None:
    if isinstance(value, list):
        holder = SubElement(parent, key)
        for item in value:
            _fill(holder, key.rstrip("s") or "item", item)
    elif isinstance(value, dict):
        child = SubElement(parent, key)
        for k, v in value.items():
            _fill(child, k, v)
    else:
        SubElement(parent, key).text = _text(value)


def document(root: str, item: str, items: list[dict[str, Any]]) -> bytes:
    """`<root><item>fields...</item>...</root>` as UTF-8 XML with its declaration."""
    top = Element(root)
    for row in items:
        _fill(top, item, row)
    return tostring(top, encoding="utf-8", xml_declaration=True)


def record(root: str, fields: dict[str, Any]) -> bytes:
    """`<root>fields...</root>` (one object, as GET services/{code} answers)."""
    top = Element(root)
    for k, v in fields.items():
        _fill(top, k, v)
    return tostring(top, encoding="utf-8", xml_declaration=True)


def response(body: bytes, *, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(body, status_code=status, media_type=MEDIA_TYPE, headers=headers)
