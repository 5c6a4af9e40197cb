"""Which text encoding a CSV file is in: UTF-8 (with or without BOM) or GBK/GB18030, the two that
spreadsheet programs on Chinese systems write. Scans in chunks; never reads a file whole."""

from __future__ import annotations

import codecs
from pathlib import Path

_SCAN_CHUNK = 1 << 20
NL = b"\n"


class FileProblem(Exception):
    """The file cannot be read at all (or from some row on); the message says why."""

    def __init__(self, reason: str, row: int | None = None):
        super().__init__(reason)
        self.reason, self.row = reason, row


def detect_encoding(path: Path) -> str:
    """utf-8-sig when the file starts with a BOM; utf-8 when it decodes strictly as UTF-8; gb18030 (a
    superset of GBK and GB2312) when UTF-8 fails at once and GB18030 decodes. A file that was clearly
    UTF-8 (non-ASCII text decoded fine) and then holds a bad byte is mis-encoded: FileProblem. Scans
    in chunks, never the whole file in memory, and stops once enough non-ASCII text has decoded."""
    with path.open("rb") as f:
        head = f.read(4)
        if head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise FileProblem("is UTF-16 encoded; save it as UTF-8 (CSV UTF-8) or GBK instead")
        f.seek(0)
        dec, non_ascii, offset, lines = codecs.getincrementaldecoder("utf-8")("strict"), 0, 0, 1
        while chunk := f.read(_SCAN_CHUNK):
            try:
                dec.decode(chunk)
            except UnicodeDecodeError as exc:
                good = chunk[: max(exc.start, 0)]
                if non_ascii + _non_ascii(good) >= _UTF8_EVIDENCE:
                    line = lines + good.count(NL)
                    raise FileProblem(
                        f"is UTF-8 text with an invalid byte at offset {offset + exc.start} (line "
                        f"{line}): mixed encodings? save it as CSV UTF-8"
                    ) from None
                return _check_gb18030(path)
            non_ascii += _non_ascii(chunk)
            offset, lines = offset + len(chunk), lines + chunk.count(NL)
            if non_ascii >= 4096:
                return "utf-8"
        try:
            dec.decode(b"", final=True)
        except UnicodeDecodeError:
            raise FileProblem("ends in the middle of a UTF-8 character (truncated file?)") from None
    return "utf-8"


_UTF8_EVIDENCE = 6  # bytes of non-ASCII text that decoded as UTF-8 (two CJK characters; GBK text fails at once)


def _non_ascii(b: bytes) -> int:
    return len(b) - len(b.decode("ascii", "ignore"))


def _check_gb18030(path: Path) -> str:
    dec, offset = codecs.getincrementaldecoder("gb18030")("strict"), 0
    with path.open("rb") as f:
        while chunk := f.read(_SCAN_CHUNK):
            try:
                dec.decode(chunk)
            except UnicodeDecodeError as exc:
                raise FileProblem(
                    f"is neither UTF-8 nor GBK/GB18030 text (undecodable byte at offset "
                    f"{offset + exc.start}); save it as CSV UTF-8"
                ) from None
            offset += len(chunk)
    return "gb18030"
