"""Why a file was refused, as an HTTP status, an error code and a message for people."""

from __future__ import annotations

import errno

from protocol.http import UploadErrorCode

FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
"""A write failed for want of room: the disk, a quota, the process's file size limit."""


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


def storage_full() -> FileRefused:
    return FileRefused(507, UploadErrorCode.STORAGE_FULL,
                       "The server has no room to store this file; nothing was stored. "
                       "Ask the administrator to free disk space, then try again")


def is_storage_full(error: BaseException) -> bool:
    """Whether ``error`` is a write that failed for want of room."""
    return isinstance(error, OSError) and error.errno in FULL_ERRNOS
