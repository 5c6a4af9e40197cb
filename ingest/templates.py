"""Input templates (one CSV and one XLSX per kind: the English header row and one example row) and
docs/ingest.md, both generated from the model (graph.model.kinds)."""

from __future__ import annotations

import csv
from pathlib import Path

from graph.model.kinds import KINDS, FileKind
from ingest import kind_rules as plan
from ingest.kinds_doc import INTRO, OUTRO


def _example(kind: FileKind) -> list:
    return [kind.example.get(name, "") for name, *_ in kind.columns()]


def write_templates(out: Path) -> list[Path]:
    """Writes `<kind>.csv` (UTF-8 with BOM, which spreadsheet programs open correctly) and
    `<kind>.xlsx` for every kind into `out`; returns the files written."""
    from openpyxl import Workbook

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        header = [name for name, *_ in kind.columns()]
        path = out / f"{kind.name}.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(header)
            w.writerow(_example(kind))
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(kind.name)
        ws.append(header)
        ws.append([v if v != "" else None for v in _example(kind)])
        wb.save(out / f"{kind.name}.xlsx")
        written += [path, out / f"{kind.name}.xlsx"]
    return written


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _refs_note(kind: FileKind) -> list[str]:
    lines = []
    for r in kind.refs:
        targets = " or ".join(f"`{t}`" for t in r.targets)
        by_kind = plan.TARGET_BY_ROW_KIND.get((kind.name, r.column))
        if kind.name == plan.STEPS and r.column == "issue_id":
            what = (
                "the issue; the steps are chained "
                "`(:Issue)-[:FIRST_STEP]->(:Step)-[:NEXT]->...`, `(:Issue)-[:LAST_STEP]->(:Step)`"
            )
        elif not kind.is_node:
            what = f"{'start' if r is kind.refs[0] else 'end'} of `{kind.rel}`: {targets}"
        else:
            arrow = f"(this)-[:{r.rel}]->(target)" if r.direction == "out" else f"(target)-[:{r.rel}]->(this)"
            what = f"`{arrow}`, target {targets}"
            if by_kind:
                what += " by `kind`: " + ", ".join(f"{k} → {v}" for k, v in by_kind.items())
        lines.append(f"- `{r.column}` ({r.zh}): {what}.")
    return lines


def kind_section(kind: FileKind) -> str:
    what = f"nodes `:{kind.label}`" if kind.is_node else f"relationships `-[:{kind.rel}]->`"
    lines = [
        f"### `{kind.name}` ({kind.zh})",
        "",
        f"{kind.description} Writes {what}.",
        "",
        "| column | Chinese header | required | meaning |",
        "|---|---|---|---|",
    ]
    for name, zh, required, desc in kind.columns():
        if kind.name == plan.STEPS and name == "id":
            required, desc = False, "`<issue_id>#<seq>`; may be left out (derived)"
        lines.append(f"| `{name}` | {zh} | {'yes' if required else ''} | {_cell(desc)} |")
    lines += [""] + _refs_note(kind) + ([""] if kind.refs else [])
    if kind.key:
        lines += [
            f"A relationship is identified by its two ends and {', '.join(f'`{k}`' for k in kind.key)}; "
            "loading a row again updates it.",
            "",
        ]
    example = ", ".join(f"{k}={v}" for k, v in kind.example.items() if v != "")
    lines += [f"Example: {_cell(example)}", ""]
    return "\n".join(lines)


def docs_markdown() -> str:
    """The whole of docs/ingest.md."""
    nodes = [k for k in KINDS if k.is_node]
    rels = [k for k in KINDS if not k.is_node]
    toc = ", ".join(f"`{k.name}`" for k in KINDS)
    parts = [INTRO.format(count=len(KINDS), toc=toc), "## Node kinds", ""]
    parts += [kind_section(k) for k in nodes]
    parts += ["## Relationship kinds", ""]
    parts += [kind_section(k) for k in rels]
    parts.append(OUTRO)
    return "\n".join(parts).rstrip() + "\n"


def write_docs(path: Path) -> None:
    Path(path).write_text(docs_markdown(), encoding="utf-8")
