"""The content-addressed blob store: files under ``<root>/ab/cd/<sha256>``.

Several server processes may share one root (a network or shared disk). A file is written
to ``<root>/tmp/`` first (the same filesystem, so the final move is an atomic rename),
hashed while it is written, flushed to disk, and only then moved to its name: a name is a
promise about its content, and no reader ever sees a partial file. The same bytes are
stored once: a second copy finds its name taken and is dropped.

Everything here blocks (disk I/O, hashing): call it from a worker thread.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK = 1024 * 1024
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
TEMP_MAX_AGE_SECONDS = 24 * 3600
"""A temporary file older than this was left by a crash; any process may delete it."""


@dataclass(frozen=True)
class WrittenFile:
    """A complete temporary file, with the sha256 and size of its bytes."""

    path: Path
    sha256: str
    size: int


class SizeLimitExceeded(Exception):
    """More bytes arrived than the writer accepts."""


class HashingWriter:
    """Writes a temporary file in the store's ``tmp`` directory, hashing as it goes.

    Use ``write()`` for each chunk, then ``finish()``; ``discard()`` (always safe) removes
    the file if it was not finished and moved into the store.
    """

    def __init__(self, path: Path, limit: int | None = None) -> None:
        self.path = path
        self.limit = limit
        self.size = 0
        self._digest = hashlib.sha256()
        self._file: BinaryIO | None = path.open("xb")

    def write(self, data: bytes) -> None:
        """Append ``data``; raises SizeLimitExceeded past the limit (nothing more is written)."""
        if self._file is None:
            raise RuntimeError("the writer is closed")
        if self.limit is not None and self.size + len(data) > self.limit:
            raise SizeLimitExceeded(f"more than {self.limit} bytes")
        self._file.write(data)
        self._digest.update(data)
        self.size += len(data)

    def finish(self) -> WrittenFile:
        """Flush the file to disk and close it."""
        if self._file is None:
            raise RuntimeError("the writer is closed")
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._file = None
        return WrittenFile(self.path, self._digest.hexdigest(), self.size)

    def discard(self) -> None:
        """Close and delete the temporary file (if it is still there)."""
        file, self._file = self._file, None
        try:
            if file is not None:
                # Closing flushes what is buffered, which fails again on a full disk: the
                # file must go all the same.
                file.close()
        except OSError:
            pass
        finally:
            self.path.unlink(missing_ok=True)


class BlobStore:
    """The store at ``root``; see the module docstring."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.temp_dir = root / "tmp"

    def ensure(self) -> None:
        """Create the store's directories."""
        self.temp_dir.mkdir(parents=True, exist_ok=True)

    def path(self, sha256: str) -> Path:
        """Where the blob with this sha256 lives (it may not exist)."""
        if not _SHA256.match(sha256):
            raise ValueError(f"not a sha256: {sha256!r}")
        return self.root / sha256[:2] / sha256[2:4] / sha256

    def has(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def temp_path(self, suffix: str = "") -> Path:
        """A fresh name in the temporary directory (nothing is created)."""
        self.ensure()
        return self.temp_dir / f"{uuid.uuid4().hex}{suffix}"

    def writer(self, limit: int | None = None) -> HashingWriter:
        """A new temporary file to stream bytes into."""
        return HashingWriter(self.temp_path(".part"), limit)

    def put(self, written: WrittenFile) -> bool:
        """Move a finished temporary file to its name; True if the bytes were new.

        If the blob exists already (the same bytes stored before, perhaps by another
        process at this very moment) the temporary file is dropped: both are identical.
        """
        target = self.path(written.sha256)
        if target.is_file():
            written.path.unlink(missing_ok=True)
            return False
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(written.path, target)  # atomic within one filesystem
        return True

    def copy_to_temp(self, source: Path) -> WrittenFile:
        """Copy any file to a hashed temporary file (not yet in the store)."""
        writer = self.writer()
        try:
            with source.open("rb") as file:
                while chunk := file.read(CHUNK):
                    writer.write(chunk)
            return writer.finish()
        except BaseException:
            writer.discard()
            raise

    def put_bytes(self, data: bytes) -> WrittenFile:
        """Store ``data`` (a generated file); the blob (already there if the bytes were known)."""
        writer = self.writer()
        try:
            writer.write(data)
            written = writer.finish()
        except BaseException:
            writer.discard()
            raise
        self.put(written)
        return WrittenFile(self.path(written.sha256), written.sha256, written.size)

    def put_file(self, source: Path) -> tuple[WrittenFile, bool]:
        """Copy any file into the store; the blob and whether its bytes were new."""
        written = self.copy_to_temp(source)
        return written, self.put(written)

    def sweep_temp(self, max_age: float = TEMP_MAX_AGE_SECONDS) -> int:
        """Delete temporary files left by crashed processes; how many were deleted."""
        if not self.temp_dir.is_dir():
            return 0
        deadline, removed = time.time() - max_age, 0
        for entry in self.temp_dir.iterdir():
            try:
                if entry.stat().st_mtime < deadline:
                    if entry.is_dir():
                        continue  # a conversion's work directory: its owner removes it
                    entry.unlink()
                    removed += 1
            except FileNotFoundError:
                pass  # another process swept it first
        return removed
