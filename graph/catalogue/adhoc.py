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

import json
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
# Neo4j checks a query's time limit between rows, and does not count an expression's own lists
# against the transaction's memory: one expression over a huge list can run for minutes past its
# timeout and exhaust the heap. So, in ad-hoc queries: range() inside an expression takes literal
# bounds of at most ADHOC_RANGE_MAX values (`UNWIND range(...)` is row by row and free); no list
# iteration inside another; no reduce(); nesting beyond ADHOC_NESTING_MAX overflows Neo4j's parser
# stack; a pattern of hundreds of parts plans for minutes (docs/api.md, "Limits").
ADHOC_RANGE_MAX = 100_000
ADHOC_NESTING_MAX = 40
ADHOC_PARENS_MAX = 120
# An answer's size in bytes (its rows as JSON): rows past it are cut, as past the row cap.
ADHOC_ANSWER_BYTES_MAX = 16 * 1024 * 1024

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
    _check_shape(tokens)
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


def _check_shape(tokens: list[Token]) -> None:
    """Bounds on what Neo4j cannot bound itself once the query runs or plans (see ADHOC_RANGE_MAX)."""
    depth = parens = 0
    ranges = 1
    opened: list[bool] = []  # per open bracket: whether it iterates a list ([x IN l | ...], reduce, any, ...)
    for i, t in enumerate(tokens):
        if t.kind != "punct":
            called = _next_is(tokens, i + 1, "(") and not (i > 0 and tokens[i - 1].text == ".")
            if t.kind == "word" and t.text.lower() == "reduce" and called:
                raise Refused(
                    f"refused reduce() at offset {t.pos}: its accumulator grows inside one expression, where "
                    "Neo4j enforces neither the time limit nor the memory limit; use sum(), collect() or UNWIND"
                )
            # UNWIND range(...) yields its values row by row (the time limit holds); anywhere else the
            # list is built whole inside an expression.
            under_unwind = i > 0 and tokens[i - 1].kind == "word" and tokens[i - 1].text.upper() == "UNWIND"
            if t.kind == "word" and t.text.lower() == "range" and called and not under_unwind:
                ranges *= _check_range(tokens, i)
                if ranges > ADHOC_RANGE_MAX * 10:
                    raise Refused(
                        f"refused range() at offset {t.pos}: the query's range() calls together make more than "
                        f"{ADHOC_RANGE_MAX * 10:,} combinations"
                    )
            elif _iterates(tokens, i) and opened:
                opened[-1] = True
                if sum(opened) > 1:
                    raise Refused(
                        f"refused at offset {t.pos}: a list iteration inside another one ([x IN ... | [y IN ...]]) "
                        "builds lists Neo4j can neither stop nor bound; UNWIND the outer list instead"
                    )
            continue
        if t.text in "([{":
            opened.append(False)
            depth += 1
            parens += t.text == "("
            if depth > ADHOC_NESTING_MAX:
                raise Malformed(f"the query nests brackets more than {ADHOC_NESTING_MAX} deep (at offset {t.pos})")
            if parens > ADHOC_PARENS_MAX:
                raise Malformed(
                    f"the query has more than {ADHOC_PARENS_MAX} '(' (node patterns and calls); "
                    "split it into smaller queries"
                )
        elif t.text in ")]}":
            depth -= 1
            if opened:
                opened.pop()


def _iterates(tokens: list[Token], i: int) -> bool:
    """`IN` right after a variable that opens a bracket or follows a comma: `[x IN`, `any(x IN`,
    `reduce(s = 0, x IN`. Not `n.id IN $ids` (a property before it) nor `WHERE x IN [...]`."""
    t = tokens[i]
    if t.kind != "word" or t.text.upper() != "IN" or i < 2 or tokens[i - 1].kind not in ("word", "name"):
        return False
    before = tokens[i - 2]
    return before.kind == "punct" and before.text in ("[", "(", ",")


def _next_is(tokens: list[Token], i: int, text: str) -> bool:
    return i < len(tokens) and tokens[i].kind == "punct" and tokens[i].text == text


def _check_range(tokens: list[Token], i: int) -> int:
    """range(a, b[, step]) with integer literals (a leading '-' allowed) spanning at most
    ADHOC_RANGE_MAX values; returns how many."""
    args: list[int] = []
    j = i + 2
    while True:
        sign = 1
        if _next_is(tokens, j, "-"):
            sign, j = -1, j + 1
        t = tokens[j] if j < len(tokens) else None
        if t is None or t.kind != "number" or not t.text.replace("_", "").isdigit():
            break
        args.append(sign * int(t.text.replace("_", "")))
        j += 1
        if _next_is(tokens, j, ","):
            j += 1
            continue
        if _next_is(tokens, j, ")") and len(args) in (2, 3):
            step = args[2] if len(args) == 3 else 1
            count = 0 if step == 0 else max(0, (args[1] - args[0]) // step + 1)
            if step != 0 and count <= ADHOC_RANGE_MAX:
                return max(count, 1)
            raise Refused(
                f"refused range() at offset {tokens[i].pos}: it makes {count:,} values; "
                f"at most {ADHOC_RANGE_MAX:,} here"
            )
        break
    raise Refused(
        f"refused range() at offset {tokens[i].pos}: give it whole-number literals "
        f"(range(1, 100)), spanning at most {ADHOC_RANGE_MAX:,} values"
    )


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
    rows, cut = _within_bytes(result.json_rows())
    if cut:
        warnings.append(f"the answer was cut at {ADHOC_ANSWER_BYTES_MAX // 2**20} MB: {len(rows)} rows kept")
    return AdhocResult(
        columns=result.columns, rows=rows, truncated=result.truncated or cut, row_cap=row_cap, warnings=warnings
    )


def _within_bytes(rows: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], bool]:
    """The rows that fit in ADHOC_ANSWER_BYTES_MAX as JSON, and whether any were cut. A first row
    larger than that on its own is refused: a truncated answer would hold nothing."""
    total = 0
    for n, row in enumerate(rows):
        total += len(json.dumps(row, ensure_ascii=False, default=str).encode("utf-8"))
        if total > ADHOC_ANSWER_BYTES_MAX:
            if n == 0:
                raise Malformed(
                    f"one row of the answer is larger than {ADHOC_ANSWER_BYTES_MAX // 2**20} MB; "
                    "return less per row (LIMIT inside collect(), fewer properties)"
                )
            return rows[:n], True
    return rows, False
