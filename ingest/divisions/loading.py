"""Real divisions as ordinary input files, loaded through the one ingest path.

`write_division_files` turns `ingest.divisions.iter_divisions` into `districts.csv`,
`streets.csv` and `communities.csv` (the model's columns; the official long name is not part of
the model and is left out, and so is `urban_village`, which the statistical codes do not know:
loading divisions again keeps the flags a user has set); `load_divisions` writes them to a
temporary folder and hands that folder to `ingest.pipeline.load`, exactly as a user's files would be.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from graph.core.store import Store
from graph.model.kinds import BY_NAME
from ingest.divisions.sources import iter_divisions
from ingest.input_files import Files
from ingest.pipeline import DEFAULT_BATCH_SIZE, LoadReport, load


def write_division_files(*, under: str, out: Path, source_dir: Path | None = None) -> dict[str, int]:
    """Writes the districts, streets and communities under a province, city or county code to
    `out`; returns the rows written per file kind."""
    omit = {"communities": {"urban_village"}}
    columns = {
        kind: set(BY_NAME[kind].row.model_fields) - omit.get(kind, set())
        for kind in ("districts", "streets", "communities")
    }
    rows = iter_divisions(under, source_dir=source_dir)  # checks the code before any file is opened
    with Files(out, omit=omit) as files:
        for kind, rec in rows:
            files.write(kind, {k: v for k, v in rec.items() if k in columns[kind]})
        return dict(files.counts)


def load_divisions(
    *,
    under: str,
    store: Store,
    source_dir: Path | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool = False,
) -> LoadReport:
    """Loads the divisions under `under` (e.g. 35, 3508, 350802) into the graph."""
    with tempfile.TemporaryDirectory(prefix="grassroots-divisions-") as tmp:
        write_division_files(under=under, out=Path(tmp), source_dir=source_dir)
        return load([Path(tmp)], store=store, batch_size=batch_size, progress=progress)
