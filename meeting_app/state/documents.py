"""The meeting's documents offline: keeping the cache in step with the store, and the item
model the documents tab shows (documents grouped by agenda item).

``DocumentSync`` asks the ``Downloader`` for every document the store lists, as soon as the
meeting is joined and whenever ``document.added``/``document.updated`` bring new bytes; the
downloader fetches a few at a time. It translates the downloader's per-file reports
(keyed by sha256: one file may serve several documents) into per-document ones.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel

from meeting_app.net.downloads import DONE, FAILED, RUNNING, Downloader, DownloadJob
from meeting_app.state.store import MeetingStore

USER = Qt.ItemDataRole.UserRole
CACHE_ENV = "MEETING_CACHE_DIR"


def default_cache_dir() -> Path:
    """``$MEETING_CACHE_DIR``, else the user's cache directory ``paperless-meeting/documents``."""
    env = os.environ.get(CACHE_ENV)
    return Path(env) if env else Path(platformdirs.user_cache_dir("paperless-meeting")) / "documents"


@dataclass(frozen=True)
class DownloadState:
    """Where one document's file stands: ``state`` is queued, downloading, done or failed."""

    state: str
    have: int = 0
    size: int = 0
    downloaded: int = 0
    error: str = ""

    @property
    def percent(self) -> int:
        return 100 if self.state == DONE else int(100 * self.have / self.size) if self.size else 0


NOT_REQUESTED = DownloadState("none")


class DocumentSync(QObject):
    """Fetches every readable document of the store's meeting into the offline cache."""

    changed = Signal(int)
    """A document id whose download state moved."""
    overall_changed = Signal()
    """The totals of ``overall()`` moved."""

    def __init__(self, store: MeetingStore, downloader: Downloader,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store, self.downloader = store, downloader
        self._sha: dict[int, str] = {}
        store.reset.connect(self.sync)
        store.documents_changed.connect(self.sync)
        for signal in (downloader.progress, downloader.finished, downloader.failed):
            signal.connect(self._job_moved)

    def sync(self) -> None:
        """Ask for every listed document whose bytes are new to us."""
        wanted = {d["id"]: d for d in self.store.documents if d.get("sha256")}
        stale = [doc_id for doc_id in self._sha if doc_id not in wanted]
        for doc_id in stale:
            del self._sha[doc_id]
        for doc_id, doc in wanted.items():
            if self._sha.get(doc_id) != doc["sha256"]:
                self._sha[doc_id] = doc["sha256"]
                self.downloader.request(doc_id, doc["sha256"], int(doc.get("size") or 0),
                                        doc.get("version"))
                self.changed.emit(doc_id)
        self.overall_changed.emit()

    def fetch(self, document_id: int) -> DownloadJob | None:
        """The user wants this document now: put it first in line (or retry it)."""
        doc = self.store.document_by_id(document_id)
        if doc is None:
            return None
        self._sha[document_id] = doc["sha256"]
        job = self.downloader.request(document_id, doc["sha256"], int(doc.get("size") or 0),
                                      doc.get("version"), urgent=True)
        if job.state == FAILED:
            self.downloader.retry(doc["sha256"])
        return job

    def retry_failed(self) -> None:
        """Try every failed download again (the connection is back, say)."""
        for sha in set(self._sha.values()):
            job = self.downloader.job(sha)
            if job is not None and job.state == FAILED:
                self.downloader.retry(sha)

    def job(self, document_id: int) -> DownloadJob | None:
        sha = self._sha.get(document_id)
        return self.downloader.job(sha) if sha else None

    def state(self, document_id: int) -> DownloadState:
        """Where the document's current version stands."""
        job = self.job(document_id)
        if job is None:
            return NOT_REQUESTED
        return DownloadState(job.state, job.have, job.size, job.downloaded, job.error)

    def path(self, document_id: int) -> Path | None:
        """The checked local file of the document's current version, once downloaded."""
        job = self.job(document_id)
        return job.path if job is not None and job.state == DONE else None

    def overall(self) -> tuple[int, int, int, int]:
        """(documents ready, documents listed, bytes on disk, bytes in all)."""
        ready = have = size = 0
        for doc_id in self._sha:
            job = self.job(doc_id)
            if job is None:
                continue
            ready += job.state == DONE
            have += job.size if job.state == DONE else job.have
            size += job.size
        return ready, len(self._sha), have, size

    @property
    def busy(self) -> bool:
        """Whether a download is waiting or running."""
        return any((job := self.job(d)) is not None and job.state not in (DONE, FAILED)
                   for d in self._sha)

    def failures(self) -> int:
        return sum(1 for d in self._sha if (job := self.job(d)) is not None and job.state == FAILED)

    def _job_moved(self, sha256: str) -> None:
        for doc_id, sha in self._sha.items():
            if sha == sha256:
                self.changed.emit(doc_id)
        self.overall_changed.emit()


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""


class DocumentsModel(QStandardItemModel):
    """Documents grouped by agenda item (in agenda order), then "Other documents"."""

    KindRole = USER + 1
    """``"group"`` or ``"document"``."""
    IdRole = USER + 2
    """The document id, or the agenda item id of a group (0: other documents)."""
    DocumentRole = USER + 3
    """The document dict as the server sent it."""
    DownloadRole = USER + 4
    """A ``DownloadState``."""
    NumberRole = USER + 5
    """For a group: the agenda item's number (0 for other documents)."""
    OTHER = 0

    def __init__(self, store: MeetingStore, sync: DocumentSync | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store, self._sync = store, sync
        self._rows: dict[int, QStandardItem] = {}
        for signal in (store.reset, store.documents_changed, store.agenda_changed):
            signal.connect(self.refresh)
        if sync is not None:
            sync.changed.connect(self._download_moved)
        self.refresh()

    def groups(self) -> list[tuple[int, str, list[dict[str, Any]]]]:
        """(item id or 0, heading, documents) for every group that has documents."""
        docs = self._store.documents
        result = []
        for number, item in enumerate(self._store.agenda, start=1):
            mine = [d for d in docs if d.get("agenda_item_id") == item["id"]]
            if mine:
                result.append((item["id"], f"{number}. {item['title']}", mine))
        placed = {i["id"] for i in self._store.agenda}
        other = [d for d in docs if d.get("agenda_item_id") not in placed]
        if other:
            result.append((self.OTHER, translate("documents", "Other documents"), other))
        return result

    def refresh(self) -> None:
        """Rebuild from the store (documents change rarely; views re-expand on reset)."""
        self.clear()
        self._rows = {}
        numbers = {item["id"]: n for n, item in enumerate(self._store.agenda, start=1)}
        for item_id, heading, docs in self.groups():
            group = QStandardItem(heading)
            group.setEditable(False)
            group.setData("group", self.KindRole)
            group.setData(item_id, self.IdRole)
            group.setData(numbers.get(item_id, 0), self.NumberRole)
            for doc in docs:
                row = QStandardItem(doc["title"])
                row.setEditable(False)
                row.setData("document", self.KindRole)
                row.setData(doc["id"], self.IdRole)
                row.setData(doc, self.DocumentRole)
                row.setData(self._download(doc["id"]), self.DownloadRole)
                row.setToolTip(doc["title"])
                group.appendRow(row)
                self._rows[doc["id"]] = row
            self.appendRow(group)

    def row_item(self, document_id: int) -> QStandardItem | None:
        """The row of a document, or None."""
        return self._rows.get(document_id)

    def document_ids(self) -> list[int]:
        """Every document shown, in order."""
        return list(self._rows)

    def _download(self, document_id: int) -> DownloadState:
        return self._sync.state(document_id) if self._sync is not None else NOT_REQUESTED

    def _download_moved(self, document_id: int) -> None:
        row = self._rows.get(document_id)
        if row is not None:
            row.setData(self._download(document_id), self.DownloadRole)


def is_restricted(doc: dict[str, Any]) -> bool:
    """Whether only named participants may read the document."""
    return doc.get("access") == "restricted"


def is_released(doc: dict[str, Any]) -> bool:
    return bool(doc.get("released", True))


def size_text(size: int) -> str:
    """A byte count for people (1.2 MB)."""
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, round(size / 1024))} KB" if size else ""


__all__ = ["RUNNING", "DocumentSync", "DocumentsModel", "DownloadState", "default_cache_dir",
           "is_released", "is_restricted", "size_text"]
