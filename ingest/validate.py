"""Pass 1 of a load: read one file, check its header, validate each row against the model, and stage
the valid rows (with the ids they declare and the references they make) for the later checks.

A staged node row is {id, props, defaults, links, has}: `props` the file's columns, `defaults` the
model defaults of columns the file does not have (set only when the node is created, so a file
without a column never erases it), `links` the reference columns, `has` which of them the file has.
A staged relationship row is {start, end, key, props, defaults}.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from pydantic import ValidationError

from graph.model.kinds import FileKind
from ingest import kind_rules as plan
from ingest.readers import FileProblem, InputFile, read_jsonl, read_rows
from ingest.staging import Staging, labels_key

FLUSH = 2000


class FileRejected(Exception):
    def __init__(self, reason: str, row: int | None = None, column: str | None = None):
        super().__init__(reason)
        self.reason, self.row, self.column = reason, row, column


def _header_fields(kind: FileKind, header: list[str | None]) -> list[str | None]:
    """Field name per header cell; rejects unknown, repeated and missing columns."""
    fields: list[str | None] = []
    unknown: list[str] = []
    seen: dict[str, str] = {}
    for h in header:
        if h is None:
            fields.append(None)
            continue
        f = plan.field_for(kind, h)
        if f is None:
            unknown.append(h)
        elif f in seen:
            raise FileRejected(f"column {f} is given twice ('{seen[f]}' and '{h}')", row=1, column=h)
        else:
            seen[f] = h
        fields.append(f)
    if unknown:
        known = ", ".join(n for n, *_ in kind.columns())
        raise FileRejected(
            f"unknown column{'s' if len(unknown) > 1 else ''} {', '.join(repr(u) for u in unknown)} "
            f"(a {kind.name} file has: {known})",
            row=1,
            column=", ".join(unknown),
        )
    missing = [c for c in plan.required_columns(kind) if c not in seen]
    if missing:
        names = ", ".join(f"{c} ({plan.zh_of(kind, c)})" for c in missing)
        raise FileRejected(
            f"required column{'s' if len(missing) > 1 else ''} {names} missing",
            row=1,
            column=", ".join(missing),
        )
    return fields


def _records(f: InputFile, kind: FileKind) -> Iterator[tuple[int, dict[str, Any] | None, dict[str, str], list[str]]]:
    """(row, {field: value}, {field: header as written}, problems) for every data row."""
    if f.fmt == "jsonl":
        for n, obj in read_jsonl(f.path):
            if obj is None:
                yield n, None, {}, ["not a JSON object"]
                continue
            data: dict[str, Any] = {}
            names: dict[str, str] = {}
            problems: list[str] = []
            for key, value in obj.items():
                field = plan.field_for(kind, str(key))
                if field is None:
                    problems.append(f"unknown key '{key}'")
                else:
                    data[field], names[field] = (
                        (value.strip() or None) if isinstance(value, str) else value,
                        str(key),
                    )
            yield n, data, names, problems
        return
    header, rows = read_rows(f)
    fields = _header_fields(kind, header)
    columns = {fd: h for fd, h in zip(fields, header, strict=True) if fd and h}
    for n, cells in rows:
        data, problems = {}, []
        for i, v in enumerate(cells):
            fd = fields[i] if i < len(fields) else None
            if fd is not None:
                data[fd] = v
            elif v is not None:
                problems.append(f"a value ({v!r}) in column {i + 1}, which has no header")
        yield n, data, columns, problems


def _reason(err: Any) -> str:
    if err["type"] == "missing":
        return "required, but empty"
    msg = err["msg"].removeprefix("Value error, ")
    return msg[0].lower() + msg[1:] if msg else err["type"]


def _node_payload(kind: FileKind, dump: dict, present: set[str]) -> dict:
    refs = plan.ref_columns(kind)
    props = {k: v for k, v in dump.items() if k not in refs and k != "id" and k in present}
    defaults = {k: v for k, v in dump.items() if k not in refs and k != "id" and k not in present and v is not None}
    out = {
        "id": dump["id"],
        "props": props,
        "defaults": defaults,
        "links": {r.column: dump.get(r.column) for r in kind.refs},
        "has": [c for c in refs if c in present],
    }
    follow = plan.FOLLOW_STEPS.get(kind.name, ())
    out["state"] = {k: out["props"].pop(k) for k in follow if k in out["props"]}
    return out


def _rel_payload(kind: FileKind, dump: dict, present: set[str]) -> dict:
    start, end = kind.refs
    rest = {k: v for k, v in dump.items() if k not in (start.column, end.column)}
    return {
        "start": dump[start.column],
        "end": dump[end.column],
        "key": {k: rest[k] for k in kind.key},
        "props": {k: v for k, v in rest.items() if k in present and k not in kind.key},
        "defaults": {k: v for k, v in rest.items() if k not in present and k not in kind.key and v is not None},
    }


def _lenient_step(data: dict) -> tuple[str, int] | None:
    iid, seq = data.get("issue_id"), data.get("seq")
    try:
        return (str(iid).strip(), int(float(seq))) if iid is not None and seq is not None else None
    except (TypeError, ValueError):
        return None


def _validate_row(kind: FileKind, data: dict, names: dict[str, str], errors: list) -> dict | None:
    """The row through the kind's model: its dump, or None with (column, value, reason) in `errors`."""
    is_steps = kind.name == plan.STEPS
    if is_steps and not data.get("id") and (key := _lenient_step(data)):
        data["id"] = plan.step_id(*key)
    try:
        dump = kind.row.model_validate(data).model_dump()
    except ValidationError as exc:
        for e in exc.errors():
            field = str(e["loc"][0]) if e["loc"] else None
            if is_steps and field == "id" and not data.get("id"):
                continue  # derived from issue_id and seq, which carry their own errors
            header = names.get(field, field) if field is not None else None
            errors.append((header, data.get(field) if field is not None else None, _reason(e)))
        return None
    if is_steps and dump["id"] != (want := plan.step_id(dump["issue_id"], dump["seq"])):
        errors.append((names.get("id", "id"), dump["id"], f"a step's id must be issue_id#seq ('{want}') or empty"))
    return dump


def stage_file(
    st: Staging, file_no: int, f: InputFile, *, on_rows: Callable[[int], None] | None = None
) -> tuple[int, int]:
    """Validates and stages one file; returns (valid rows, rejected rows). Raises FileRejected."""
    kind = f.kind
    if kind is None:
        raise FileRejected("names no kind of data")
    is_steps = kind.name == plan.STEPS
    rows: list[tuple[int, int, bool, dict | None]] = []
    refs: list[tuple[int, int, str, str, Any, str]] = []
    steps: list[tuple[str, int, int, int]] = []
    valid = rejected = 0

    def flush() -> None:
        st.add_rows(rows)
        st.add_refs(refs)
        st.add_steps(steps)
        rows.clear()
        refs.clear()
        steps.clear()

    try:
        for n, data, names, problems in _records(f, kind):
            errors: list[tuple[str | None, Any, str]] = [(None, None, p) for p in problems]
            dump = None
            if data is not None:
                data = {k: v for k, v in data.items() if v is not None}  # an empty cell takes the model's default
                dump = _validate_row(kind, data, names, errors)
                if dump and not errors and kind.label is not None:
                    first = st.declare(dump["id"], kind.label, file_no, n)
                    if first is not None:
                        errors.append(
                            (
                                names.get("id", "id"),
                                dump["id"],
                                f"duplicate id '{dump['id']}': row {first} of this file has it already",
                            )
                        )
            if is_steps and data is not None and (key := (_lenient_step(dump) if dump else _lenient_step(data))):
                steps.append((key[0], key[1], file_no, n))
            if errors:
                rejected += 1
                rows.append((file_no, n, False, None))
                for col, value, reason in errors:
                    st.add_error(file_no, n, col, value, reason)
            elif dump is not None:
                valid += 1
                present = set(names)  # the file's columns (JSON Lines: the keys given, null included)
                payload = _node_payload(kind, dump, present) if kind.is_node else _rel_payload(kind, dump, present)
                rows.append((file_no, n, True, payload))
                for r in kind.refs:
                    if (value := dump.get(r.column)) is not None:
                        refs.append(
                            (
                                file_no,
                                n,
                                r.column,
                                names.get(r.column, r.column),
                                value,
                                labels_key(plan.ref_labels(kind, r, dump)),
                            )
                        )
            if len(rows) >= FLUSH:
                flush()
                if on_rows:
                    on_rows(valid + rejected)
        flush()
    except FileProblem as exc:
        raise FileRejected(exc.reason, row=exc.row) from None
    if on_rows:
        on_rows(valid + rejected)
    return valid, rejected
