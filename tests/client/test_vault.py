"""The offline cache's container format and the wrapped cache key (no Qt, no network)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from meeting_app.vault import (
    MAGIC,
    OfflineExpired,
    SealedWriter,
    VaultError,
    load_offline_key,
    read_sealed,
    save_offline_key,
    seal,
    sealed_plain_size,
    unseal,
    user_cache_dir,
    wipe_user_cache,
)

KEY = bytes(range(32))
OTHER = os.urandom(32)
DATA = "Biên bản họp: nội dung mật %PDF".encode() * 50
FAST = 2**10
"""A cheap scrypt cost for the tests (the real one is 2**15)."""


def sealed_file(path: Path, data: bytes, label: str, chunk: int = 100) -> Path:
    with path.open("wb") as out:
        writer = SealedWriter(out, KEY, label)
        for start in range(0, len(data), chunk):
            writer.write(data[start:start + chunk])
    return path


def test_a_sealed_blob_opens_with_its_key_and_label_only() -> None:
    blob = seal(KEY, DATA, "outbox")
    assert blob.startswith(MAGIC) and DATA not in blob and b"%PDF" not in blob
    assert unseal(KEY, blob, "outbox") == DATA
    with pytest.raises(VaultError, match="another key"):
        unseal(OTHER, blob, "outbox")
    with pytest.raises(VaultError):
        unseal(KEY, blob, "notes")  # a file moved to another use


@pytest.mark.parametrize("where", [len(MAGIC) + 4, len(MAGIC) + 20, -1])
def test_a_flipped_bit_anywhere_is_refused(where: int) -> None:
    blob = bytearray(seal(KEY, DATA, "outbox"))
    blob[where] ^= 0x01
    with pytest.raises(VaultError):
        unseal(KEY, bytes(blob), "outbox")


def test_a_cut_or_padded_blob_is_refused() -> None:
    blob = seal(KEY, DATA, "outbox")
    for damaged in (blob[:-1], blob[: len(MAGIC) + 2], blob + b"x", b"plain json"):
        with pytest.raises(VaultError):
            unseal(KEY, damaged, "outbox")


def test_a_document_file_of_records_decrypts_and_is_checked_by_its_hash(tmp_path: Path) -> None:
    sha = hashlib.sha256(DATA).hexdigest()
    path = sealed_file(tmp_path / f"{sha}.sealed", DATA, sha)
    assert b"%PDF" not in path.read_bytes()
    assert read_sealed(path, KEY, sha, sha) == DATA
    with pytest.raises(VaultError):
        read_sealed(path, OTHER, sha, sha)
    # Whole records cut off the end decrypt, but the checksum catches it.
    records = path.read_bytes()
    one_record = 4 + 12 + 100 + 16
    (tmp_path / "short").write_bytes(records[:-one_record])
    with pytest.raises(VaultError, match="checksum"):
        read_sealed(tmp_path / "short", KEY, sha, sha)
    # Two records swapped: the index in each record's additional data refuses it.
    body = records[len(MAGIC):]
    swapped = MAGIC + body[one_record:2 * one_record] + body[:one_record] + body[2 * one_record:]
    (tmp_path / "swapped").write_bytes(swapped)
    with pytest.raises(VaultError):
        read_sealed(tmp_path / "swapped", KEY, sha, sha)


def test_a_torn_last_record_is_trimmed_so_a_download_resumes(tmp_path: Path) -> None:
    path = sealed_file(tmp_path / "x.part", DATA[:250], "x")  # records of 100, 100, 50
    whole = path.read_bytes()
    path.write_bytes(whole[:-7])  # the crash came while writing the last record
    assert sealed_plain_size(path) == (200, 2)
    with path.open("ab") as out:
        SealedWriter(out, KEY, "x", 2).write(DATA[200:250])
    assert read_sealed(path, KEY, "x") == DATA[:250]


def test_the_wrapped_key_needs_the_password_and_its_time(tmp_path: Path) -> None:
    expires = datetime.now(UTC) + timedelta(hours=8)
    saved = save_offline_key(tmp_path, KEY, "mật khẩu", expires, n=FAST)
    assert KEY not in saved.read_bytes()
    assert load_offline_key(tmp_path, "mật khẩu") == KEY
    with pytest.raises(VaultError, match="Wrong password"):
        load_offline_key(tmp_path, "wrong")
    with pytest.raises(OfflineExpired, match="expired"):
        load_offline_key(tmp_path, "mật khẩu", now=expires + timedelta(seconds=1))


def test_moving_the_expiry_in_the_file_breaks_the_key(tmp_path: Path) -> None:
    save_offline_key(tmp_path, KEY, "pw", datetime.now(UTC) - timedelta(minutes=1), n=FAST)
    with pytest.raises(OfflineExpired):
        load_offline_key(tmp_path, "pw")
    record = json.loads((tmp_path / "key.json").read_text())
    record["expires_at"] = (datetime.now(UTC) + timedelta(days=30)).isoformat()
    (tmp_path / "key.json").write_text(json.dumps(record))
    with pytest.raises(VaultError) as refused:
        load_offline_key(tmp_path, "pw")
    assert not isinstance(refused.value, OfflineExpired)  # it is the decryption that fails


def test_a_missing_or_damaged_key_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="no offline copy"):
        load_offline_key(tmp_path, "pw")
    (tmp_path / "key.json").write_text("{not json")
    with pytest.raises(VaultError, match="damaged"):
        load_offline_key(tmp_path, "pw")


def test_each_user_on_each_server_has_a_directory_and_a_wipe(tmp_path: Path) -> None:
    mine = user_cache_dir(tmp_path, "http://10.0.0.5:8765", "delegate1")
    assert mine == user_cache_dir(tmp_path, "http://10.0.0.5:8765/", " Delegate1 ")
    assert mine != user_cache_dir(tmp_path, "http://10.0.0.6:8765", "delegate1")
    assert mine != user_cache_dir(tmp_path, "http://10.0.0.5:8765", "delegate2")
    other = user_cache_dir(tmp_path, "http://10.0.0.5:8765", "delegate2")
    for directory in (mine, other):
        (directory / "outbox").mkdir(parents=True)
        (directory / "outbox" / "outbox.json").write_bytes(b"x")
    assert wipe_user_cache(tmp_path, "http://10.0.0.5:8765", "delegate1")
    assert not mine.exists() and other.exists()
    assert not wipe_user_cache(tmp_path, "http://10.0.0.5:8765", "delegate1")
