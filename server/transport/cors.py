"""Cross-origin requests from web pages the deployment trusts (``serve --cors-origin URL``).

Off by default: a browser then refuses every cross-origin read, as before. For each
origin named, the HTTP routes answer preflights (``OPTIONS``) and carry the
``Access-Control-*`` headers, and Socket.IO accepts the origin (its own CORS handling,
configured in ``server.app``). Credentials are bearer tokens, never cookies, so
``Access-Control-Allow-Credentials`` is not sent.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from aiohttp import hdrs, web
from aiohttp.typedefs import Handler, Middleware

ALLOWED_METHODS = "GET, HEAD, POST, OPTIONS"
ALLOWED_HEADERS = "Authorization, Content-Type, Range, If-None-Match, If-Range, X-Request-Id"
# What a page's script may read of an answer beyond the CORS-safelisted headers.
EXPOSED_HEADERS = "ETag, Content-Disposition, Content-Range, Accept-Ranges, Retry-After"
PREFLIGHT_MAX_AGE = "600"


def normalise_origin(text: str) -> str:
    """``scheme://host[:port]`` as browsers send it in ``Origin``; a ValueError for anything
    else (a path, a query, a missing scheme or host)."""
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{text!r} is not an origin such as https://portal.example.gov.vn")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"{text!r}: an origin has no path, query or user, only scheme://host[:port]")
    return f"{parts.scheme}://{parts.netloc.lower()}"


def middleware(origins: Iterable[str]) -> Middleware:
    """The aiohttp middleware for ``origins`` (already normalised)."""
    allowed = frozenset(origins)

    @web.middleware
    async def cors(request: web.Request, handler: Handler) -> web.StreamResponse:
        origin = request.headers.get(hdrs.ORIGIN)
        if origin not in allowed or not request.path.startswith("/api/"):
            return await handler(request)
        if request.method == hdrs.METH_OPTIONS and hdrs.ACCESS_CONTROL_REQUEST_METHOD in request.headers:
            response: web.StreamResponse = web.Response(status=204, headers={
                hdrs.ACCESS_CONTROL_ALLOW_METHODS: ALLOWED_METHODS,
                hdrs.ACCESS_CONTROL_ALLOW_HEADERS: ALLOWED_HEADERS,
                hdrs.ACCESS_CONTROL_MAX_AGE: PREFLIGHT_MAX_AGE})
        else:
            try:
                response = await handler(request)
            except web.HTTPException as answer:  # aiohttp's own 404/405 still need the headers
                _allow(answer, origin)
                raise
        _allow(response, origin)
        return response

    return cors


def _allow(response: web.StreamResponse, origin: str) -> None:
    response.headers[hdrs.ACCESS_CONTROL_ALLOW_ORIGIN] = origin
    response.headers[hdrs.ACCESS_CONTROL_EXPOSE_HEADERS] = EXPOSED_HEADERS
    response.headers.add(hdrs.VARY, hdrs.ORIGIN)
