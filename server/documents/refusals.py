"""Why a file was refused, as an HTTP status, an error code and a message for people."""

from __future__ import annotations

from protocol.http import UploadErrorCode


class FileRefused(Exception):
    """The file cannot become a document; nothing was stored."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def too_large(limit_bytes: int) -> FileRefused:
    return FileRefused(413, UploadErrorCode.TOO_LARGE,
                       f"The file is larger than the limit of {limit_bytes / (1024 * 1024):g} MB")


def unsupported(message: str) -> FileRefused:
    return FileRefused(415, UploadErrorCode.UNSUPPORTED_TYPE, message)


def unprocessable(message: str) -> FileRefused:
    return FileRefused(422, UploadErrorCode.UNPROCESSABLE, message)
