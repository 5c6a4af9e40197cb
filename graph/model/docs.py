"""docs/model.md, generated from the model code: every label with its properties, every
relationship type with its ends and properties, the enumerations with their Chinese names, and
the definitions the API follows (`grassroots docs` rewrites it; a test keeps it in step)."""

from __future__ import annotations

import types
from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic.fields import FieldInfo

from graph.model import trail_rules
from graph.model.issue_state import ISSUE_STATE
from graph.model.kinds import KINDS, FileKind
from graph.model.nodes import NODE_MODELS, NodeModel
from graph.model.vocabulary import display

GROUPS: list[tuple[str, tuple[str, ...]]] = [
    (
        "Areas (the five-level grid hierarchy)",
        ("District", "Street", "Community", "Grid", "MicroGrid", "Compound", "Building"),
    ),
    (
        "Organizations",
        (
            "PartyOrg",
            "AdminOrg",
            "Unit",
            "Department",
            "PropertyCompany",
            "OwnersCommittee",
            "PropertyMgmtCommittee",
        ),
    ),
    ("People", ("Person",)),
    ("Vocabularies and documents", ("IssueCategory", "PointCategory", "PointItem", "Document")),
    (
        "Work: meetings, tasks, projects, funding, activities",
        ("Meeting", "Task", "Project", "Funding", "Activity"),
    ),
    ("Issues and their trails", ("Issue", "Step")),
    ("Evaluation and awards", ("Evaluation", "Award")),
]
PIPE = " \\| "  # a | inside a markdown table cell
# Relationships ingest does not read from a reference column: the issue trail's chain.
TRAIL_RELS = [
    ("FIRST_STEP", ("Issue",), ("Step",), "the first step of the issue's trail", "issue_steps"),
    ("NEXT", ("Step",), ("Step",), "the next step, in seq order", "issue_steps"),
    ("LAST_STEP", ("Issue",), ("Step",), "the latest step", "issue_steps"),
]

INTRO = """\
# The knowledge model

This is the graph every part of the project reads and writes: the query catalogue, the API, the
page and outside analysts depend on its labels, relationship types and required properties.
Extend it freely (new properties, labels, relationship types); rename or drop only with a
migration and a note. The code is the source: `graph/model/nodes.py` (one pydantic model per
label), `graph/model/kinds.py` (the input files and the relationships they make),
`graph/model/enums.py` and `graph/model/vocabulary.json` (the Chinese and English names of every
coded value). This page is generated from them: after changing the model run `grassroots docs`
(a test fails until you do).

## Conventions

- **Ids.** Every node has a string `id`, unique within its label (a uniqueness constraint per
  label), and most have a `name`. Areas use the official statistical division code (Xinluo
  District `350802`, 曹溪街道 `350802006`, 天马社区 `350802006002`); organizations the unified
  social credit code where one is known, otherwise a stable prefixed id. Ids never change meaning.
- **Provenance.** Every node and relationship written by ingest carries `source` (the file or
  feed) and `updated_at` (the load's time, ISO-8601 UTC), so stale data can be found and cleaned.
- **Time.** Dates are Neo4j `date` values, timestamps `datetime` values with their offset, and
  they compare as instants. A timestamp written without an offset is read as Beijing time
  (+08:00). Money is an integer number of yuan.
- **People** hold only what the work needs: name, roles and a phone, stored masked
  (`138****5678`) whatever is given. No national ID numbers, no home addresses.
- **Direction** reads as a sentence: `(grid)-[:PART_OF]->(community)`.
- Where a standard names a thing we follow it: areas nest like Popolo `Area`; organizations and
  memberships follow the W3C Organization Ontology and Popolo `Membership` (role, since, until on
  the relationship); issues carry the Open311 GeoReport v2 fields (category = service code).

"""

DEFINITIONS = """\
## Definitions the API follows

Levels are ordered grid < community < street < district (网格 < 社区 < 街道 < 区).

- **as_of.** Every question about issues is asked at a moment T, `as_of` (default: now). Steps
  after T are ignored. A T given as a date means the end of that day, 23:59:59 UTC.
- **Stalled between A and B** at T: the issue is not resolved or closed, its latest step other
  than `supervised` is `escalated` at level A (toward B, the next level), and T minus that step's
  time is at least the threshold (default 3 days, counted in whole 24-hour days). Supervision
  reminders do not un-stall an issue; only an `accepted` step at B (or a resolution) does.
- **Overdue at A** at T: the latest `accepted` step at level A has a `due` before T, and no later
  step moved the issue on or resolved it.
- **Resolution level**: the level of the `resolved` step. "Small matters stay in the grid, big
  matters stay in the community" (小事不出网格、大事不出社区) is the share of resolved issues whose
  resolution level is grid or community.

### The trail rules

"""


def _flat(t: Any) -> list[Any]:
    origin = get_origin(t)
    if origin is Annotated:
        return _flat(get_args(t)[0])
    if origin in (Union, types.UnionType):
        return [x for a in get_args(t) for x in _flat(a)]
    return [t]


def type_name(info: FieldInfo) -> str:
    """The property's type as the docs write it: string, int, date, list of strings, one of ..."""
    names = []
    for t in _flat(info.annotation):
        if t is type(None):
            continue
        if isinstance(t, type) and issubclass(t, Enum):
            names.append("one of " + ", ".join(f"`{m.value}`" for m in t))
        elif get_origin(t) is Literal:
            names.append("one of " + ", ".join(str(a) for a in get_args(t)))
        elif get_origin(t) is list:
            names.append("list of strings")
        elif t is datetime:
            names.append("datetime")
        elif t is date:
            names.append("date")
        else:
            names.append({str: "string", int: "int", float: "float", bool: "bool"}.get(t, str(t)))
    return " or ".join(names)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rels() -> list[tuple[str, tuple[str, ...], tuple[str, ...], str, str]]:
    """(type, start labels, end labels, properties, input kind) for every relationship ingest writes."""
    out: list[tuple[str, tuple[str, ...], tuple[str, ...], str, str]] = []
    for k in KINDS:
        if k.label is not None:
            for r in k.refs:
                if not r.rel:
                    continue
                this: tuple[str, ...] = (k.label,)
                a, b = (this, r.targets) if r.direction == "out" else (r.targets, this)
                out.append((r.rel, a, b, "", k.name))
        else:
            start, end = k.refs
            props = [f for f in k.row.model_fields if f not in (start.column, end.column)]
            out.append((k.rel or "", start.targets, end.targets, ", ".join(f"`{p}`" for p in props), k.name))
    out += [(t, a, b, "", kind) for t, a, b, _, kind in TRAIL_RELS]
    return out


def _label_section(model: type[NodeModel], kinds: list[FileKind], rels) -> list[str]:
    label = model.label
    lines = [f"#### `{label}` ({display('label', label, 'zh')})", ""]
    if model.__doc__ and "Every node has" not in model.__doc__:
        lines += [" ".join(model.__doc__.split()), ""]
    lines += ["| property | type | required | meaning |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        required = "yes" if info.is_required() else "no"
        lines.append(f"| `{name}` | {_md(type_name(info))} | {required} | {_md(info.description or '')} |")
    if label == "Issue":  # the state kept from the trail (graph/model/issue_state.py), not an input column
        lines += [f"| `{name}` | {typ} | no | {_md(meaning)} |" for name, (typ, meaning) in ISSUE_STATE.items()]
    outgoing = sorted({(t, "|".join(b)) for t, a, b, _, _ in rels if label in a})
    incoming = sorted({(t, "|".join(a)) for t, a, b, _, _ in rels if label in b})
    links = [f"`-[:{t}]->(:{ends})`" for t, ends in outgoing] + [f"`(:{ends})-[:{t}]->`" for t, ends in incoming]
    if links:
        lines += ["", "Relationships: " + "; ".join(links) + "."]
    files = [f"`{k.name}`" for k in kinds if k.label == label]
    if files:
        lines += ["", "Loaded from: " + ", ".join(files) + " files (docs/ingest.md)."]
    return lines + [""]


def render() -> str:
    rels = _rels()
    by_label = {m.label: m for m in NODE_MODELS}
    out = [INTRO, "## Labels", ""]
    listed: set[str] = set()
    for title, labels in GROUPS:
        out += [f"### {title}", ""]
        for label in labels:
            out += _label_section(by_label[label], KINDS, rels)
            listed.add(label)
    missing = [m.label for m in NODE_MODELS if m.label not in listed]
    if missing:
        raise ValueError(f"docs/model.md: labels in no group: {', '.join(missing)}")
    out += [
        "## Relationship types",
        "",
        "| type | name | from | to | properties | written from |",
        "|---|---|---|---|---|---|",
    ]
    for t, a, b, props, kind in sorted(rels):
        starts, ends = PIPE.join(a), PIPE.join(b)
        out.append(f"| `{t}` | {display('relationship', t, 'zh')} | {starts} | {ends} | {props} | `{kind}` |")
    rules = (trail_rules.__doc__ or "").split("The trail is a small state machine", 1)[-1]
    out += ["", DEFINITIONS + "The trail is a small state machine" + rules.rstrip() + "\n"]
    return "\n".join(out)
