"""Meeting documents on disk: a content-addressed offline cache and a resumable downloader.

Files are kept as ``<cache>/<sha256>.pdf``: the same bytes are one file, whatever document
or version they belong to, and a file is only ever moved into place after its sha256 was
checked, so a name is a promise about the content. A download writes ``<sha256>.part``;
an interrupted one (lost network, server restart, app closed) resumes from what the
``.part`` holds with ``Range: bytes=<have>-`` and ``If-Range: "<sha256>"`` (if the server's
bytes changed meanwhile it answers the whole file, and we start over).

With a cache key (the session's, see docs/offline-cache.md) nothing is written in the
clear: the ``.part`` is appended chunk by chunk as AES-GCM records
(``meeting_app.vault.sealed``), the checked file is ``<sha256>.sealed``, and the hash is
taken over the decrypted records. Without a key (tests, tools) files stay plain ``.pdf``.

Why worker threads with ``urllib`` and not aiohttp on the connection's loop: hashing a
100 MB file and writing it to disk are blocking work, and the connection's loop must stay
free for meeting events ("nothing slow on an event loop"). A few plain threads bound the
parallelism ("a few at a time"), and blocking reads are simple to resume and cancel
between chunks. ``Downloader`` reports through Qt signals emitted on its threads, which Qt
queues to receivers on the GUI thread.
"""

from __future__ import annotations

import hashlib
import http.client
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

import meeting_app.net.tls as tls
from meeting_app.net.server_messages import http_refusal
from meeting_app.vault import SealedWriter, VaultError, iter_plain, sealed_plain_size

log = logging.getLogger(__name__)

CHUNK = 64 * 1024
RETRIES = 3
"""Attempts per download after an interrupted transfer (each resumes the ``.part``)."""


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""



def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)`` from a worker thread, which may outlive the QObject."""
    try:
        signal.emit(*args)
    except RuntimeError:  # the QObject is gone (window closed while a thread finished)
        log.debug("signal dropped: its object is gone")


def file_sha256(path: Path, key: bytes | None = None, label: str = "") -> str:
    """The hex sha256 of a file, read in chunks (blocking: call it off the GUI thread);
    with ``key``, of the plaintext of a sealed file (``VaultError`` if it cannot be read)."""
    digest = hashlib.sha256()
    if key is not None:
        for block in iter_plain(path, key, label):
            digest.update(block)
        return digest.hexdigest()
    with path.open("rb") as source:
        while block := source.read(1024 * 1024):
            digest.update(block)
    return digest.hexdigest()


class DocumentCache:
    """The offline cache directory: ``<sha256>.pdf`` (or ``.sealed``) files and
    ``<sha256>.part`` downloads."""

    def __init__(self, directory: Path, key: bytes | None = None) -> None:
        """``directory``: see ``meeting_app.state.documents.default_cache_dir``; ``key``:
        the 32-byte cache key: files are then encrypted at rest."""
        self.directory = Path(directory)
        self.key = key

    def path(self, sha256: str) -> Path:
        """Where the checked file for ``sha256`` lives (it may not exist yet)."""
        return self.directory / f"{_checked_name(sha256)}.{'sealed' if self.key else 'pdf'}"

    def part(self, sha256: str) -> Path:
        """The partial download of ``sha256``."""
        return self.directory / f"{_checked_name(sha256)}.part"

    def has(self, sha256: str) -> bool:
        """Whether a complete file for ``sha256`` is on disk (checked when it was stored)."""
        return self.path(sha256).is_file()


def _checked_name(sha256: str) -> str:
    # The name comes from the server: never let it be a path.
    if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
        raise ValueError(f"not a sha256: {sha256!r}")
    return sha256


QUEUED, RUNNING, DONE, FAILED = "queued", "downloading", "done", "failed"


@dataclass
class DownloadJob:
    """One file to fetch. Written by a worker thread, read by the GUI (plain values)."""

    document_id: int
    sha256: str
    size: int = 0
    """Expected size in bytes (0: unknown until the server answers)."""
    version: int | None = None
    state: str = QUEUED
    have: int = 0
    """Bytes of the file on disk so far (including what a resumed .part already held)."""
    downloaded: int = 0
    """Bytes received over the network by this job: 0 for a file already in the cache."""
    requests: int = 0
    """HTTP requests made (0 when the cache answered)."""
    error: str = ""
    path: Path | None = None
    urgent: bool = False


class DownloadError(Exception):
    """A download that cannot succeed as it is; the message is for the user."""


class _Interrupted(Exception):
    """The transfer broke off midway: resume it."""


class Downloader(QObject):
    """Fetches documents into a ``DocumentCache``, a few at a time, on worker threads.

    ``request(document_id, sha256, ...)`` returns the (new or existing) job for those bytes;
    ``progress``, ``finished`` and ``failed`` tell how it goes (keyed by sha256). A job for
    bytes already in the cache finishes with no network and ``downloaded == 0``.
    """

    progress = Signal(str)
    """sha256: its job's ``have``/``size`` moved (at most every ~100 ms per job)."""
    finished = Signal(str)
    """sha256: the checked file is at ``job.path``."""
    failed = Signal(str)
    """sha256: ``job.error`` says why; ``retry`` tries again."""

    def __init__(self, server_url: str, token: str, cache: DocumentCache,
                 parallel: int = 3, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.server_url, self.token = server_url.rstrip("/"), token
        self.cache = cache
        self._parallel = max(1, parallel)
        self._jobs: dict[str, DownloadJob] = {}
        self._queue: list[DownloadJob] = []
        self._lock = threading.Condition()
        self._threads: list[threading.Thread] = []
        self._stopping = False
        self._verified: set[str] = set()

    # --- GUI side ------------------------------------------------------------------------

    def request(self, document_id: int, sha256: str, size: int = 0, version: int | None = None,
                urgent: bool = False) -> DownloadJob:
        """Make sure the file for ``sha256`` gets into the cache; ``urgent`` goes first."""
        with self._lock:
            job = self._jobs.get(sha256)
            if job is not None and job.state in (QUEUED, RUNNING, DONE):
                if urgent and job.state == QUEUED and job in self._queue:
                    self._queue.remove(job)
                    self._queue.insert(0, job)
                return job
            job = DownloadJob(document_id, sha256, size, version, urgent=urgent)
            self._jobs[sha256] = job
            self._enqueue(job)
        return job

    def retry(self, sha256: str) -> DownloadJob | None:
        """Try a failed job again (it resumes from its ``.part``)."""
        with self._lock:
            job = self._jobs.get(sha256)
            if job is None or job.state != FAILED:
                return job
            job.state, job.error, job.urgent = QUEUED, "", True
            self._enqueue(job)
        emit(self.progress, sha256)
        return job

    def job(self, sha256: str) -> DownloadJob | None:
        """The job for ``sha256``, if one was requested."""
        return self._jobs.get(sha256)

    def jobs(self) -> list[DownloadJob]:
        """Every job requested so far."""
        return list(self._jobs.values())

    def shutdown(self) -> None:
        """Stop the workers (running transfers stop at their next chunk, keeping the .part)."""
        with self._lock:
            self._stopping = True
            self._queue.clear()
            self._lock.notify_all()
        # Daemon threads: one stuck in a read on a dead network must not hold up closing.
        deadline = time.monotonic() + 2.0
        for thread in self._threads:
            thread.join(timeout=max(0.0, deadline - time.monotonic()))

    def _enqueue(self, job: DownloadJob) -> None:
        # Called with the lock held.
        if job.urgent:
            self._queue.insert(0, job)
        else:
            self._queue.append(job)
        if len(self._threads) < self._parallel:
            thread = threading.Thread(target=self._work, name="meeting-download", daemon=True)
            self._threads.append(thread)
            thread.start()
        self._lock.notify()

    # --- worker side ---------------------------------------------------------------------

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._queue and not self._stopping:
                    self._lock.wait()
                if self._stopping:
                    return
                job = self._queue.pop(0)
                job.state = RUNNING
            try:
                self._fetch(job)
            except DownloadError as error:
                job.state, job.error = FAILED, str(error)
                log.info("download of document %s failed: %s", job.document_id, error)
                emit(self.failed, job.sha256)
            except Exception as error:  # a bug must not kill the worker
                log.exception("download of document %s failed", job.document_id)
                job.state, job.error = FAILED, f"The download failed ({error})."
                emit(self.failed, job.sha256)
            else:
                job.state = DONE
                emit(self.finished, job.sha256)

    def _fetch(self, job: DownloadJob) -> None:
        cache = self.cache
        cache.directory.mkdir(parents=True, exist_ok=True)
        final = cache.path(job.sha256)
        if final.is_file():
            if job.sha256 in self._verified or self._sha256_of(final, job.sha256) == job.sha256:
                self._verified.add(job.sha256)
                job.path, job.have = final, final.stat().st_size
                job.size = job.size or job.have
                return
            log.warning("cached %s is damaged; downloading it again", final.name)
            final.unlink(missing_ok=True)
        part = cache.part(job.sha256)
        for attempt in range(RETRIES + 1):
            try:
                self._transfer(job, part)
                break
            except _Interrupted as why:
                if self._stopping or attempt == RETRIES:
                    raise DownloadError(f"The download was interrupted ({why}); "
                                        "it resumes from where it stopped.") from None
                time.sleep(0.3 * (attempt + 1))  # a worker thread: a pause is harmless
        if self._sha256_of(part, job.sha256) != job.sha256:
            part.unlink(missing_ok=True)
            raise DownloadError("The downloaded file is damaged (its checksum does not match) "
                                "and was discarded. Try again.")
        os.replace(part, final)
        self._verified.add(job.sha256)
        job.path = final

    def _sha256_of(self, path: Path, label: str) -> str:
        """The sha256 of the file's content ("" if a sealed one cannot be decrypted: made
        with an older key, say, so it is fetched again)."""
        try:
            return file_sha256(path, self.cache.key, label)
        except VaultError as error:
            log.warning("cached %s cannot be read (%s)", path.name, error)
            return ""

    def _have(self, part: Path) -> int:
        """Bytes of the document the ``.part`` holds (plaintext bytes when sealed)."""
        if self.cache.key is None:
            return part.stat().st_size if part.is_file() else 0
        return sealed_plain_size(part)[0]

    def _transfer(self, job: DownloadJob, part: Path) -> None:
        """One HTTP request: fill ``part`` (resuming it); ``_Interrupted`` if cut short."""
        have = self._have(part)
        if job.size and have > job.size:  # not a prefix of this file: start over
            part.unlink()
            have = 0
        if job.size and have == job.size:
            job.have = have
            return  # complete already; the hash check decides
        url = f"{self.server_url}/api/documents/{job.document_id}/content"
        if job.version is not None:
            url += f"?version={job.version}"
        headers = {"Authorization": f"Bearer {self.token}"}
        if have:
            headers["Range"] = f"bytes={have}-"
            headers["If-Range"] = f'"{job.sha256}"'
        job.requests += 1
        try:
            answer = tls.open_url(urllib.request.Request(url, headers=headers), timeout=30)
        except urllib.error.HTTPError as error:
            with error:
                if error.code == 416 and have:  # our .part is no prefix of theirs
                    part.unlink(missing_ok=True)
                    raise _Interrupted("the partial file did not fit; starting over") from None
                raise DownloadError(_refusal(error.code, error.read())) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            if problem := tls.certificate_problem(error):  # retrying will not help
                raise DownloadError(tls.describe_certificate_problem(problem, url)) from None
            raise _Interrupted(_reason(error)) from None
        except tls.CaFileError as error:
            raise DownloadError(str(error)) from None
        with answer:
            resumed = answer.status == 206
            if not resumed:
                have = 0  # a whole file: the server ignored or refused the range
            total = answer.headers.get("Content-Length")
            if total is not None and total.isdigit():
                job.size = have + int(total)
            self._stream(job, answer, part, have, resumed)

    def _stream(self, job: DownloadJob, answer: Any, part: Path, have: int, append: bool) -> None:
        job.have, last = have, 0.0
        records = sealed_plain_size(part)[1] if append and self.cache.key else 0
        with part.open("ab" if append else "wb") as out:
            sink: Any = out if self.cache.key is None else \
                SealedWriter(out, self.cache.key, job.sha256, records)
            while True:
                if self._stopping:
                    raise _Interrupted("the application is closing")
                try:
                    block = answer.read(CHUNK)
                except (OSError, http.client.HTTPException) as error:
                    raise _Interrupted(_reason(error)) from None
                if not block:
                    break
                sink.write(block)
                job.have += len(block)
                job.downloaded += len(block)
                now = time.monotonic()
                if now - last > 0.1:
                    last = now
                    emit(self.progress, job.sha256)
        if job.size and job.have < job.size:
            raise _Interrupted("the server closed the connection early")
        emit(self.progress, job.sha256)


def _reason(error: BaseException) -> str:
    reason = error.reason if isinstance(error, urllib.error.URLError) else error
    return str(reason) or type(reason).__name__


def _refusal(status: int, body: bytes) -> str:
    """The server's message for a refused download, or a plain one."""
    return http_refusal(status, body, {403: translate("net", "You may not read this document."),
                                       404: translate("net", "This document no longer exists.")},
                        translate("net", "The server refused the download (HTTP {status})."))

