"""Bodies of the HTTP API."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from protocol.commands import MAX_ID, Title


class LoginRequest(BaseModel):
    """``POST /api/login``."""

    model_config = ConfigDict(extra="forbid", strict=True)

    username: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
    password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class PasswordChange(BaseModel):
    """``POST /api/password``: the signed-in user changes their own password."""

    model_config = ConfigDict(extra="forbid", strict=True)

    current_password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]
    new_password: Annotated[str, StringConstraints(min_length=1, max_length=1024)]


class UploadErrorCode(StrEnum):
    """Error codes of ``POST /api/meetings/{id}/documents`` beyond the commands' ones."""

    TOO_LARGE = "too_large"
    """413: over the server's size limit."""
    UNSUPPORTED_TYPE = "unsupported_type"
    """415: neither PDF nor a known Office format, or Office without LibreOffice."""
    UNPROCESSABLE = "unprocessable"
    """422: broken, empty, encrypted, hostile, or failed to convert."""
    STORAGE_FULL = "storage_full"
    """507: the server's disk (or its file size limit) is full; nothing was stored."""


def _access_field(value: object) -> object:
    """``all``, or comma-separated user ids (a form field is text)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text == "all":
        return text
    try:
        return [int(part) for part in text.split(",")]
    except ValueError:
        raise ValueError('access is "all" or comma-separated user ids') from None


PositiveId = Annotated[int, Field(gt=0, le=MAX_ID)]


class DocumentUploadFields(BaseModel):
    """The text fields of ``POST /api/meetings/{id}/documents`` (besides ``file``).

    Lax on purpose: form fields arrive as text (``"12"``, ``"true"``).
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: Title | None = None
    agenda_item_id: PositiveId | None = None
    access: Annotated[Literal["all"] | Annotated[list[PositiveId], Field(max_length=1000)],
                      BeforeValidator(_access_field)] | None = None
    released: bool | None = None
    replaces: PositiveId | None = None
