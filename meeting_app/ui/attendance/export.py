"""Export the attendance list: fetch the server's CSV off the GUI thread, save it where
the user chooses."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from meeting_app.net.exports import ExportError, fetch_attendance_csv
from meeting_app.ui import progress
from meeting_app.ui.session import Session
from meeting_app.ui.tasks import run_in_thread


class AttendanceExporter(QObject):
    """Downloads ``/api/meetings/{id}/attendance.csv`` into a file."""

    finished = Signal(str)
    """The path written."""
    failed = Signal(str)
    """Why the export failed (for the user)."""

    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.busy = False
        self._work = 0

    def suggested_name(self, meeting_id: int) -> str:
        """The file name offered in the save dialog."""
        return f"diem-danh-cuoc-hop-{meeting_id}.csv"

    def export(self, meeting_id: int, path: Path | None = None, window: QWidget | None = None) -> bool:
        """Fetch and save; asks for the file when ``path`` is None. False if not started."""
        if self.busy:
            return False
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(
                window, self.tr("Export attendance"),
                str(Path.home() / self.suggested_name(meeting_id)),
                self.tr("CSV files (*.csv)"))
            if not chosen:
                return False
            path = Path(chosen)
        target = path
        session = self._session
        self.busy = True
        self._work = progress.begin(self.tr("Exporting the attendance…"))

        def work() -> str:
            body = fetch_attendance_csv(session.server_url, session.token, meeting_id)
            target.write_bytes(body)  # exactly the server's bytes (UTF-8 with BOM for Excel)
            return str(target)

        run_in_thread(work, self._done, self._error)
        return True

    def _done(self, path: str) -> None:
        progress.end(self._work)
        self.busy = False
        self.finished.emit(path)

    def _error(self, error: BaseException) -> None:
        progress.end(self._work)
        self.busy = False
        if isinstance(error, ExportError):
            self.failed.emit(str(error))
        elif isinstance(error, OSError):
            self.failed.emit(self.tr("Could not write the file: {error}").format(error=error))
        else:
            self.failed.emit(self.tr("The export failed: {error}").format(error=error))
