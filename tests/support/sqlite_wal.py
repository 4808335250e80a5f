"""Reading SQLite's write-ahead log as a database administrator could: the commits it holds
and the pages each wrote (https://www.sqlite.org/fileformat.html, "The WAL file format").

A WAL file is a 32-byte header, then frames: a 24-byte frame header and one page. A frame
belongs to the current log when its two salts equal the header's; a frame whose "database
size after commit" field is nonzero ends a commit, and the frames since the previous such
frame are that commit's pages. Frames after the last commit frame are not committed.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

HEADER = 32
FRAME_HEADER = 24
MAGICS = (0x377F0682, 0x377F0683)


@dataclass(frozen=True)
class Commit:
    """One committed transaction in the log."""

    salts: tuple[int, int]
    index: int
    """Its last frame's position in the log (counting from 0)."""
    pages: tuple[bytes, ...]


def commits(path: Path) -> list[Commit]:
    """The commits in the WAL file at ``path``, oldest first (none when there is no log)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    if len(data) < HEADER:
        return []
    magic, _version, page_size, _checkpoint, salt1, salt2 = struct.unpack(">6I", data[:24])
    if magic not in MAGICS:
        raise ValueError(f"{path} is not a SQLite WAL file")
    found: list[Commit] = []
    pending: list[bytes] = []
    offset, index = HEADER, 0
    while offset + FRAME_HEADER + page_size <= len(data):
        _page, size_after, frame_salt1, frame_salt2 = struct.unpack(">4I", data[offset:offset + 16])
        if (frame_salt1, frame_salt2) != (salt1, salt2):
            break  # left over from an earlier log: the current one ends here
        pending.append(data[offset + FRAME_HEADER:offset + FRAME_HEADER + page_size])
        if size_after:
            found.append(Commit((salt1, salt2), index, tuple(pending)))
            pending = []
        offset += FRAME_HEADER + page_size
        index += 1
    return found
