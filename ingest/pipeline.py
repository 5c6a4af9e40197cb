"""`load(paths, store=...)`: the one way data gets into the graph (user files, divisions, demo data).

1. read and validate every row of every file against the model, staging the valid ones
   (ingest.validate; ids declared, duplicates within a file rejected);
2. check every reference against the graph and this load's ids (ingest.refs);
3. judge every issue's trail (ingest.trail_check);
4. unless `dry_run`, or `strict` and something was rejected: write in batches (ingest.writer),
   then keep the state of the issues whose trails were written (ingest.issue_state).
Rejected rows are reported as RowError(file, row, column, value, reason), and with `errors_file`
written as CSV. Memory stays flat whatever the input size: rows wait in a temporary SQLite file.
"""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from graph.catalogue.schema import apply_schema
from graph.core.audit import audited
from graph.core.store import Store
from graph.model.kinds import BY_NAME
from ingest.issue_state import write_issue_states
from ingest.load_marker import loading
from ingest.progress import Progress, RichBars
from ingest.readers import discover
from ingest.refs import check_refs
from ingest.staging import Staging
from ingest.trail_check import check_steps
from ingest.validate import FileRejected, stage_file
from ingest.writer import OnBatch, StagedFile, Writer

DEFAULT_BATCH_SIZE = 5000  # bench/ingest_bench.py: 2000, 5000 and 10000 load xinluo in the same time (45 s)
MAX_ERRORS_KEPT = 100_000  # in the report; the errors file always gets every one


@dataclass(frozen=True)
class RowError:
    file: str
    row: int | None  # as a spreadsheet shows it (header = row 1); None: the file as a whole
    column: str | None  # the header as written in the file
    value: str | None
    reason: str

    def __str__(self) -> str:
        where = (
            self.file + (f" row {self.row}" if self.row else "") + (f", column {self.column}" if self.column else "")
        )
        return f"{where}: {self.reason}" + (f" (value {self.value!r})" if self.value is not None else "")


@dataclass
class KindCount:
    files: int = 0
    valid: int = 0
    loaded: int = 0
    rejected: int = 0


@dataclass
class LoadReport:
    loaded: int = 0  # rows written
    valid: int = 0  # rows that passed every check
    rejected: int = 0  # rows rejected, plus files rejected as a whole
    errors: list[RowError] = field(default_factory=list)
    errors_total: int = 0
    kinds: dict[str, KindCount] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    elapsed: float = 0.0  # seconds
    written: bool = False  # False for a dry run, or a strict load that found errors
    dry_run: bool = False
    strict: bool = False

    @property
    def ok(self) -> bool:
        return self.rejected == 0

    @property
    def rows_per_second(self) -> float:
        return self.loaded / self.elapsed if self.elapsed else 0.0


def load(
    paths: list[Path],
    *,
    store: Store,
    batch_size: int = DEFAULT_BATCH_SIZE,
    strict: bool = False,
    dry_run: bool = False,
    errors_file: Path | None = None,
    progress: bool = False,
    on_batch: OnBatch | None = None,
) -> LoadReport:
    """Loads files and folders (walked) into the graph; see the module docstring. `on_batch(name, n)`
    is called after each committed batch (tests use it to interrupt a load)."""
    t0 = time.monotonic()
    if batch_size < 1:
        from graph.core.errors import UserError

        raise UserError("--batch-size must be at least 1")
    report = LoadReport(dry_run=dry_run, strict=strict)
    what = {"paths": [Path(p).name for p in paths], "dry_run": dry_run, "strict": strict}
    with audited("ingest", what) as outcome:
        _load(paths, report, store=store, batch_size=batch_size, errors_file=errors_file, progress=progress,
              on_batch=on_batch)  # fmt: skip
        outcome.text = (
            f"{'checked' if not report.written else 'ok'}: {report.valid} valid rows, {report.loaded} written, "
            f"{report.rejected} rejected"
        )
    report.elapsed = time.monotonic() - t0
    return report


def _load(
    paths: list[Path],
    report: LoadReport,
    *,
    store: Store,
    batch_size: int,
    errors_file: Path | None,
    progress: bool,
    on_batch: OnBatch | None,
) -> None:
    dry_run, strict = report.dry_run, report.strict
    st = Staging()
    try:
        with RichBars() if progress else Progress() as bars:
            staged = _validate(st, store, [Path(p) for p in paths], report, bars)
            report.errors_total = _tally(st, staged, report)
            if not dry_run and not (strict and report.rejected):
                kinds = ", ".join(sorted(k for k, c in report.kinds.items() if c.valid)) or "none"
                with loading(store, kinds):  # /health shows the load while it writes
                    apply_schema(store)  # constraints and indexes before the first MERGE
                    writer = Writer(
                        st,
                        store,
                        batch_size=batch_size,
                        updated_at=datetime.now(UTC),
                        progress=bars,
                        on_batch=on_batch,
                    )
                    for kind, n in writer.write(staged).items():
                        report.kinds[kind].loaded += n
                    write_issue_states(st, store, batch_size=batch_size, progress=bars)  # after the chains
                report.loaded = sum(k.loaded for k in report.kinds.values())
                report.written = True
        report.errors = _errors(st, MAX_ERRORS_KEPT)
        if errors_file is not None:
            _write_errors(st, Path(errors_file))
    finally:
        st.close()


def _validate(st: Staging, store: Store, paths: list[Path], report: LoadReport, bars: Progress) -> list[StagedFile]:
    found, bad = discover(paths)
    staged: list[StagedFile] = []
    displays: dict[int, str] = {}
    for file_no, (path, reason) in enumerate(bad, start=1):
        st.add_file(file_no, str(path), None)
        st.reject_file(file_no)
        st.add_error(file_no, None, None, None, reason)
        displays[file_no] = str(path)
    for file_no, f in enumerate(found, start=len(bad) + 1):
        display = str(f.path)
        displays[file_no] = display
        report.files.append(display)
        st.add_file(file_no, display, f.kind.name if f.kind else None)
        if f.kind is None:
            st.reject_file(file_no)
            st.add_error(file_no, None, None, None, _unknown_kind(f.path))
            continue
        report.kinds.setdefault(f.kind.name, KindCount()).files += 1
        update = bars.task(f"reads {display}", None)
        try:
            stage_file(st, file_no, f, on_rows=update)
            update.close()
            staged.append(StagedFile(file_no, f.path, display, f.kind))
        except FileRejected as exc:
            st.reject_file(file_no)
            st.add_error(file_no, exc.row, exc.column, None, f"{f.path.name} {exc.reason}")
        except OSError as exc:
            st.reject_file(file_no)
            st.add_error(file_no, None, None, None, f"{f.path.name} cannot be read: {exc.strerror or exc}")
    st.commit()
    check_refs(st, store)
    check_steps(st, store, displays)
    st.commit()
    return staged


def _unknown_kind(path: Path) -> str:
    return (
        f"{path.name}: the file name names no kind of data; name it after its kind, e.g. communities.csv "
        f"or {BY_NAME['communities'].zh}.csv (kinds: {', '.join(BY_NAME)})"
    )


def _tally(st: Staging, staged: list[StagedFile], report: LoadReport) -> int:
    for f in staged:
        k = report.kinds[f.kind.name]
        k.valid += st.count("SELECT count(*) FROM rows WHERE file_no = ? AND ok = 1", (f.file_no,))
        k.rejected += st.count("SELECT count(*) FROM rows WHERE file_no = ? AND ok = 0", (f.file_no,))
    for _file_no, kind in st.db.execute("SELECT file_no, kind FROM files WHERE ok = 0").fetchall():
        if kind:
            report.kinds[kind].rejected += 1
    report.valid = sum(k.valid for k in report.kinds.values())
    report.rejected = st.count("SELECT count(*) FROM rows WHERE ok = 0") + st.count(
        "SELECT count(*) FROM files WHERE ok = 0"
    )
    return st.count("SELECT count(*) FROM errors")


_ERRORS_SQL = (
    "SELECT f.path, e.row_no, e.col, e.value, e.reason FROM errors e JOIN files f ON f.file_no = e.file_no "
    "ORDER BY e.file_no, coalesce(e.row_no, 0), e.rowid"
)


def _errors(st: Staging, limit: int) -> list[RowError]:
    return [RowError(*r) for r in st.db.execute(_ERRORS_SQL + " LIMIT ?", (limit,))]


def _write_errors(st: Staging, path: Path) -> None:
    """Every rejected row as CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese right)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        w = csv.writer(out)
        w.writerow(["file", "row", "column", "value", "reason"])
        for r in st.db.execute(_ERRORS_SQL):
            w.writerow(["" if v is None else v for v in r])
