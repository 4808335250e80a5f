"""Which servers the client trusts over HTTPS, for every HTTP call and the socket alike.

Certificates are always verified, chain and hostname: there is no switch to turn that off.
Trusted are the system's certificate authorities, plus, for a server whose certificate
comes from an organisation's own (private) CA, the CA certificates in one PEM file:
``meeting-app --ca-file PEM``, else the environment variable ``MEETING_CA_FILE``, else the
setting ``tls/ca_file`` (see ``meeting_app.__main__``).

Every module of ``meeting_app.net`` that speaks HTTP goes through ``open_url`` (urllib) or
``ssl_context()`` (http.client, aiohttp), so one call to ``trust_ca_file`` reaches them all.
"""

from __future__ import annotations

import os
import ssl
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.client import HTTPResponse
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication

ENV_CA_FILE = "MEETING_CA_FILE"
SETTING_CA_FILE = "tls/ca_file"
"""The QSettings key of a CA file chosen once for this computer's user."""

_lock = threading.Lock()
_ca_file: Path | None = None
_context: ssl.SSLContext | None = None


translate = QCoreApplication.translate
"""``translate(context, text)``: the form the translation tools find."""



class CaFileError(ValueError):
    """The CA file cannot be used; the message (English) says why."""


def _build(ca_file: Path | None) -> ssl.SSLContext:
    # create_default_context: the system store, CERT_REQUIRED and check_hostname on.
    context = ssl.create_default_context()
    if ca_file is not None:
        if not ca_file.is_file():
            raise CaFileError(f"The certificate authority file {ca_file} does not exist.")
        try:
            context.load_verify_locations(cafile=str(ca_file))
        except (ssl.SSLError, ValueError) as error:
            raise CaFileError(f"The certificate authority file {ca_file} holds no usable PEM "
                              f"certificate ({getattr(error, 'reason', None) or error}).") from None
        except OSError as error:
            raise CaFileError(f"The certificate authority file {ca_file} cannot be read: "
                              f"{error.strerror or error}.") from None
    return context


def trust_ca_file(path: str | Path | None) -> None:
    """Trust the CA certificates in ``path`` (PEM) besides the system's; None: the system's only.

    Raises ``CaFileError`` (and changes nothing) when the file cannot be read or holds no
    certificate. Takes effect for every request made afterwards.
    """
    global _ca_file, _context
    chosen = Path(path).expanduser() if path else None
    context = _build(chosen)
    with _lock:
        _ca_file, _context = chosen, context


def forget() -> None:
    """Back to the start: the next request builds the context from ``$MEETING_CA_FILE``."""
    global _ca_file, _context
    with _lock:
        _ca_file, _context = None, None


def ca_file() -> Path | None:
    """The private CA file trusted now, if any."""
    ssl_context()
    return _ca_file


def ssl_context() -> ssl.SSLContext:
    """The context every HTTPS connection of the client uses.

    Before any ``trust_ca_file`` call it is built from ``$MEETING_CA_FILE`` (or the system
    store alone); a broken file named there raises ``CaFileError``.
    """
    global _ca_file, _context
    with _lock:
        if _context is None:
            env = os.environ.get(ENV_CA_FILE)
            _ca_file = Path(env).expanduser() if env else None
            _context = _build(_ca_file)
        return _context


def open_url(request: urllib.request.Request | str, timeout: float) -> HTTPResponse:
    """``urlopen`` with the trusted CAs and no proxy from the environment.

    No proxies: the meeting server sits on the room's network, and the socket (aiohttp)
    does not use the environment's proxy either; both must reach the same place.
    """
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}),
                                         urllib.request.HTTPSHandler(context=ssl_context()))
    answer: HTTPResponse = opener.open(request, timeout=timeout)
    return answer


def certificate_problem(error: BaseException) -> ssl.SSLCertVerificationError | None:
    """The certificate verification failure behind ``error`` (urllib wraps it), if that was it."""
    seen: Any = error
    found: ssl.SSLCertVerificationError | None = None
    for _depth in range(8):
        if isinstance(seen, ssl.SSLCertVerificationError):
            found = seen
            if hasattr(seen, "verify_code"):
                return seen  # the ssl module's own, with the reason (aiohttp's wrapper has none)
        if isinstance(seen, urllib.error.URLError) and isinstance(seen.reason, BaseException):
            seen = seen.reason
        else:
            seen = seen.__cause__ or seen.__context__
        if seen is None:
            break
    return found


def describe_certificate_problem(problem: ssl.SSLCertVerificationError, url: str) -> str:
    """Why the server at ``url`` is not trusted, and what to do, in the user's language."""
    host = urllib.parse.urlsplit(url).hostname or url
    code = getattr(problem, "verify_code", None)
    detail = getattr(problem, "verify_message", None) or getattr(problem, "reason", None) or str(problem)
    # X509_V_ERR_HOSTNAME_MISMATCH, _EMAIL_MISMATCH, _IP_ADDRESS_MISMATCH
    if code in (62, 63, 64) or "mismatch" in str(detail).lower():
        return translate("net", "The certificate presented by {host} is not valid for that name ({detail}). "
                   "Check the server address: use the name the certificate was issued for.").format(
            host=host, detail=detail)
    if code == 10:  # X509_V_ERR_CERT_HAS_EXPIRED
        return translate("net", "The certificate presented by {host} has expired. Ask the administrator to "
                   "renew it.").format(host=host)
    advice = translate("net", "If your organisation uses its own certificate authority, start the app with "
                 "--ca-file PEM or set {variable} to its certificate.").format(variable=ENV_CA_FILE)
    trusted = ca_file()
    if trusted is not None:
        advice = translate("net", "It is not signed by the trusted authority in {path} either.").format(
            path=trusted)
    return translate("net", "The certificate presented by {host} is not signed by an authority this "
                            "computer trusts ({detail}). {advice}").format(
        host=host, detail=detail, advice=advice)
