"""Ad-hoc Cypher for analysts: read-only for certain.

Three gates, each enough on its own for writes, all three for clear reasons:
1. the text (graph.catalogue.lexer): one statement; no writing, schema, admin, SHOW, TERMINATE, USE,
   LOAD CSV or `IN TRANSACTIONS` clauses; procedures only from ALLOWED_PROCEDURES; namespaced
   functions only from ALLOWED_FUNCTION_PREFIXES (the built-in temporal, spatial, vector ones);
2. the plan: `EXPLAIN` (which never runs the query) must report query type "r", and the
   plan's operators are checked again for procedure calls, LOAD CSV and admin commands;
3. the run: a READ transaction (Neo4j itself refuses any write) with a timeout and a row cap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from graph.catalogue import reads
from graph.catalogue.lexer import Token, dotted_name, keyword_at, tokenize
from graph.core import audit
from graph.core.errors import Malformed, Refused
from graph.core.settings import get_settings
from graph.core.store import Store

ADHOC_QUERY_CHARS_MAX = 20_000

ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshipTypes",
        "db.propertyKeys",
        "db.schema.visualization",
        "db.schema.nodeTypeProperties",
        "db.schema.relTypeProperties",
        "db.index.fulltext.queryNodes",
        "db.index.fulltext.queryRelationships",
        "db.index.fulltext.listAvailableAnalyzers",
    }
)
ALLOWED_FUNCTION_PREFIXES = (
    "date.",
    "datetime.",
    "localdatetime.",
    "time.",
    "localtime.",
    "duration.",
    "point.",
    "vector.similarity.",
)

# Clause keywords no read query needs, with the reason given back.
REFUSED_KEYWORDS = {
    **dict.fromkeys(
        ("CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "FOREACH", "INSERT"),
        "it writes to the graph",
    ),
    **dict.fromkeys(
        (
            "DROP",
            "ALTER",
            "RENAME",
            "GRANT",
            "DENY",
            "REVOKE",
            "START",
            "STOP",
            "ENABLE",
            "DEALLOCATE",
            "REALLOCATE",
            "DRYRUN",
        ),
        "it is a schema or administration command",
    ),
    "SHOW": "SHOW commands are administration commands",
    "TERMINATE": "it terminates transactions",
    "USE": "USE switches databases; the ad-hoc endpoint reads the configured database only",
    "LOAD": "LOAD CSV reads files or URLs from the server",
    "EXPLAIN": "send the query without EXPLAIN; the endpoint plans it itself",
    "PROFILE": "PROFILE is not available here; send the query itself",
    "CYPHER": "query options (CYPHER ...) are not allowed",
}


@dataclass
class AdhocResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool
    row_cap: int
    warnings: list[str]


def check_text(query: str) -> list[Token]:
    """Gate 1. Returns the tokens; raises Malformed / Refused with the reason."""
    if len(query) > ADHOC_QUERY_CHARS_MAX:
        raise Malformed(f"the query is {len(query):,} characters long; the limit is {ADHOC_QUERY_CHARS_MAX:,}")
    tokens = tokenize(query)
    while tokens and tokens[-1].text == ";" and tokens[-1].kind == "punct":
        tokens.pop()
    if not tokens:
        raise Malformed("the query is empty")
    for i, t in enumerate(tokens):
        if t.kind == "punct" and t.text == ";":
            raise Refused("one statement at a time: the query holds more than one (a ';' before the end)")
        kw = keyword_at(tokens, i)
        if kw in REFUSED_KEYWORDS:
            raise Refused(f"refused {kw} at offset {t.pos}: {REFUSED_KEYWORDS[kw]}; only reads are allowed")
        if kw == "TRANSACTIONS" and i > 0 and tokens[i - 1].text.upper() in ("IN", "CONCURRENT"):
            raise Refused(
                "refused CALL { ... } IN TRANSACTIONS: it commits in batches; only single read transactions are allowed"
            )
        if kw == "CALL" and i + 1 < len(tokens) and tokens[i + 1].kind in ("word", "name"):
            name, _ = dotted_name(tokens, i + 1)
            _check_procedure(name)
        elif t.kind in ("word", "name") and (i == 0 or tokens[i - 1].text != "."):
            name, j = dotted_name(tokens, i)
            called = j < len(tokens) and tokens[j].text == "(" and tokens[j].kind == "punct"
            if "." in name and called and (i == 0 or keyword_at(tokens, i - 1) != "CALL"):
                _check_function(name)
    return tokens


def _check_procedure(name: str) -> None:
    if name not in ALLOWED_PROCEDURES:
        raise Refused(f"refused procedure {name}: not on the allowed list ({', '.join(sorted(ALLOWED_PROCEDURES))})")


def _check_function(name: str) -> None:
    if not name.lower().startswith(ALLOWED_FUNCTION_PREFIXES):
        raise Refused(
            f"refused function {name}: only built-in functions and the "
            f"{', '.join(p.rstrip('.') for p in ALLOWED_FUNCTION_PREFIXES)} namespaces are allowed"
        )


_PROC_DETAIL = re.compile(r"^\s*([\w.`]+)\s*\(")


def check_plan(query_type: str | None, plan: dict | None) -> None:
    """Gate 2, on the EXPLAIN summary."""
    if query_type != "r":
        what = {
            "w": "writes",
            "rw": "reads and writes",
            "s": "changes the schema or calls a system procedure",
        }
        raise Refused(
            f"refused: Neo4j plans this query as {what.get(query_type or '', repr(query_type))} "
            "(query type must be read-only, 'r')"
        )
    if plan and plan.get("args", {}).get("planner") == "ADMINISTRATION":
        raise Refused("refused: an administration command")
    for op in _operators(plan):
        kind = op.get("operatorType", "").split("@")[0]
        details = str(op.get("args", {}).get("Details", ""))
        if kind == "ProcedureCall":
            m = _PROC_DETAIL.match(details)
            _check_procedure(m.group(1).replace("`", "") if m else details)
        elif kind == "LoadCSV":
            raise Refused("refused LOAD CSV: it reads files or URLs from the server")
        elif kind.startswith(("Show", "Terminate")) or kind.startswith("Transaction"):
            raise Refused(f"refused: the plan holds a {kind} operator; only plain reads are allowed")


def _operators(plan: dict | None):
    stack = [plan] if plan else []
    while stack:
        op = stack.pop()
        yield op
        stack.extend(op.get("children", []))


# Planning is fast for any sensible query; an enormous one must not hold a transaction for minutes.
EXPLAIN_TIMEOUT_S = 10.0


def explain(store: Store, *, query: str, parameters: dict[str, Any]) -> tuple[str | None, dict | None]:
    """Gate 2's input: how Neo4j plans the query (never running it): (query type, plan)."""
    summary = reads.explain_text(store, text=query, parameters=parameters, timeout=EXPLAIN_TIMEOUT_S)
    return summary.query_type, summary.plan


def run_adhoc(
    store: Store,
    *,
    query: str,
    parameters: dict[str, Any] | None = None,
    timeout: float | None = None,
    row_cap: int | None = None,
) -> AdhocResult:
    """Runs an analyst's query if it is read-only for certain; otherwise raises with the reason."""
    s = get_settings()
    timeout = min(timeout or s.grassroots_query_timeout_s, s.grassroots_query_timeout_s)
    row_cap = min(row_cap or s.grassroots_row_cap, s.grassroots_row_cap)
    parameters = parameters or {}
    if not isinstance(parameters, dict):
        raise Malformed("parameters must be a JSON object")
    # Every ad-hoc query is logged: its text and its parameters' names (never their values).
    what = {"query": str(query)[: audit.QUERY_TEXT_MAX], "parameters": sorted(parameters)}
    with audit.audited("cypher", what) as outcome:
        check_text(query)
        planned = reads.explain_text(store, text=query, parameters=parameters, timeout=EXPLAIN_TIMEOUT_S)
        check_plan(planned.query_type, planned.plan)
        result = reads.read_text(
            store, text=query, parameters=parameters, timeout=timeout, row_cap=row_cap, warnings=True
        )
        outcome.text = f"ok: {len(result.records)} rows" + (" (cut at the row cap)" if result.truncated else "")
    warnings = list(dict.fromkeys(reads.warnings_of(planned) + result.warnings))
    return AdhocResult(
        columns=result.columns, rows=result.json_rows(), truncated=result.truncated, row_cap=row_cap, warnings=warnings
    )
