"""The offline cache at rest: encrypted files, the wrapped cache key, the per-user place.

No Qt and no network here: the downloader (``net``), the outbox (``state``) and the PDF
process (``pdf``) all use it. See docs/offline-cache.md for the design.
"""

from meeting_app.vault.keys import OfflineExpired, load_offline_key, save_offline_key
from meeting_app.vault.places import remove_plain_documents, user_cache_dir, wipe_user_cache
from meeting_app.vault.sealed import (
    MAGIC,
    SealedWriter,
    VaultError,
    is_sealed,
    iter_plain,
    read_sealed,
    seal,
    sealed_plain_size,
    unseal,
)

__all__ = ["MAGIC", "OfflineExpired", "SealedWriter", "VaultError", "is_sealed", "iter_plain",
           "load_offline_key", "read_sealed", "remove_plain_documents", "save_offline_key",
           "seal", "sealed_plain_size", "unseal", "user_cache_dir", "wipe_user_cache"]
