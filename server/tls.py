"""TLS for ``meeting-server serve --certfile F --keyfile F``: the files checked and loaded
before anything binds a port, so that a typo is a clear message, not a traceback or a
server that came up without encryption."""

from __future__ import annotations

import ssl
from pathlib import Path


class TlsConfigError(Exception):
    """The certificate or key cannot be used; the message says which and why."""


def _check_readable(path: Path, what: str) -> None:
    if not path.exists():
        raise TlsConfigError(f"The {what} {path} does not exist.")
    if not path.is_file():
        raise TlsConfigError(f"The {what} {path} is not a file.")
    try:
        with path.open("rb") as source:
            source.read(1)
    except OSError as error:
        raise TlsConfigError(f"The {what} {path} cannot be read: {error.strerror or error}.") from None


def server_ssl_context(certfile: Path | None, keyfile: Path | None) -> ssl.SSLContext | None:
    """The SSL context to serve with, or None when neither file is given (plain HTTP).

    ``certfile`` holds the server's certificate in PEM, followed by any intermediate
    certificates (the chain clients need); ``keyfile`` its unencrypted private key.
    Raises ``TlsConfigError`` when only one is given, a file is missing or unreadable,
    or the pair does not load (not PEM, an encrypted key, a key of another certificate).
    """
    if certfile is None and keyfile is None:
        return None
    if certfile is None or keyfile is None:
        raise TlsConfigError("--certfile and --keyfile go together: give both, or neither for plain HTTP.")
    _check_readable(certfile, "certificate file")
    _check_readable(keyfile, "key file")
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    try:
        # An empty password: an encrypted key fails here rather than prompting on a
        # terminal that a service does not have.
        context.load_cert_chain(str(certfile), str(keyfile), password="")
    except ssl.SSLError as error:
        reason = error.reason or str(error)
        raise TlsConfigError(
            f"The certificate {certfile} and the key {keyfile} cannot be used together ({reason}). "
            "Both must be PEM files, the key unencrypted and matching the certificate.") from None
    return context
