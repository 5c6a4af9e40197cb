"""docs/queries.md, generated from the catalogue headers: `grassroots query --docs > docs/queries.md`
(tests/test_catalogue.py checks that the committed file equals this output)."""

from __future__ import annotations

from graph.catalogue.statements import Statement, catalogue

INTRO = """\
# The query catalogue

Every question the graph answers lives in `cypher/queries/<name>.cypher`: a readable Cypher file
whose `//` header names it, says what it answers, types its parameters and lists its columns.
Open a file and run it in any Neo4j tool, or run it here:

- CLI: `grassroots query NAME -p key=value ... [--format table|json|csv]`, `grassroots query --list`
- API: `GET /api/v1/queries` lists the catalogue; `POST /api/v1/queries/{name}` with a JSON object
  of parameters runs one (read-only transaction, timeout, row cap).

Parameters are checked against the header before anything reaches Neo4j (a bad one is refused
with HTTP 422 naming it); `limit` and `offset` always take 1..10,000 and >= 0. A default of
`null` for a date or datetime written `now` means "now". How to write a new query, and the header
format: see docs/api.md.

This page is generated from the headers: after adding or changing a query, run
`grassroots query --docs > docs/queries.md` (a test fails until you do).

"""


def _first_sentence(text: str) -> str:
    head, sep, _ = text.partition(". ")
    return head + "." if sep else text


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _query_md(q: Statement) -> str:
    lines = [f"## `{q.name}`", "", q.description, ""]
    for note in q.notes:
        lines.append(f"> {note}")
    if q.notes:
        lines.append("")
    if q.params:
        lines += ["| parameter | type | default | meaning |", "|---|---|---|---|"]
        for p in q.params:
            default = (
                "required" if p.required else f"`{p.public()['default']!r}`" if p.default is not None else "`null`"
            )
            lines.append(f"| `{p.name}` | {_md(p.type)} | {_md(default)} | {_md(p.description)} |")
    else:
        lines.append("No parameters.")
    lines += [
        "",
        "Columns: " + ", ".join(f"`{c.name}`" + (f" ({_md(c.type)})" if c.type else "") for c in q.returns),
        "",
        f"File: `cypher/queries/{q.path.name}`",
        "",
    ]
    return "\n".join(lines)


def render() -> str:
    queries = list(catalogue().values())
    index = ["| query | question |", "|---|---|"]
    index += [f"| [`{q.name}`](#{q.name}) | {_md(_first_sentence(q.description))} |" for q in queries]
    return INTRO + "\n".join(index) + "\n\n" + "\n".join(_query_md(q) for q in queries)
