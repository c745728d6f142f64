"""Route paths with unknown parts, and whether a URL reaches one."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from constitution_hooks.core.routes import Router

_PATH_PARAM = re.compile(r"\{[^{}:]*:path\}")
_PARAM = re.compile(r"\{[^{}]*\}")
# Reason: Flask writes a parameter <name> or <converter:name>; <path:name> spans
# segments, as Starlette's {name:path} does.
_FLASK_PATH = re.compile(r"<path:(\w+)>")
_FLASK_PARAM = re.compile(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>")


class RoutePath(NamedTuple):
    """A route's full path as parts; None for a part built at run time.

    Attributes:
        parts: The prefixes and the decorator path, outermost first; a chain
            that ends at a router nothing includes starts with None.
        root: The app at the top of the chain, None when there is none.

    Example:
        >>> RoutePath(("/api/v1", "/users", "/{id}"), None).text
        '/api/v1/users/{id}'
        >>> RoutePath((None, "/users", "/me"), None).tail
        '/users/me'
    """

    parts: tuple[str | None, ...]
    root: Router | None

    @property
    def text(self) -> str | None:
        """The whole path when every part is known, else None."""
        if None in self.parts:
            return None
        return "".join(p or "" for p in self.parts) or "/"

    @property
    def tail(self) -> str:
        """The literal end of the path, after the last unknown part."""
        parts = list(self.parts)
        while None in parts:
            parts = parts[parts.index(None) + 1 :]
        return "".join(p or "" for p in parts)

    @property
    def head_known(self) -> bool:
        """Whether the path is known from its first character."""
        return self.text is not None


_ANY = "\0any"
_MANY = "\0many"


def match_path(url: str, route: str | RoutePath, url_head_known: bool = True) -> bool:
    """Whether a URL reaches a route path.

    ``{param}`` (Flask: ``<param>``, ``<int:param>``) matches one segment and
    ``{param:path}`` (``<path:param>``) one or more; a route
    part built at run time matches anything. A query string, a fragment, a
    scheme and host and a trailing slash are ignored. ``{...}`` in the URL (a
    placeholder of an f-string) matches any one segment.

    Args:
        url: A concrete URL, or the literal tail of an f-string whose head is not
            literal (then ``url_head_known`` is False).
        route: A route path, or a ``RoutePath`` with unknown parts.
        url_head_known: Whether ``url`` is the whole path.

    Returns:
        True when the URL can be served by the route.

    Example:
        >>> match_path("/items/3?q=1", "/items/{id}")
        True
        >>> match_path("/users/me", RoutePath((None, "/users", "/me"), None))
        True
        >>> match_path("/users/me", "/api/v1/users/me", url_head_known=False)
        True
        >>> match_path("/items/3/x", "/items/{id}")
        False
    """
    items = _route_items(route)
    segments = _url_segments(url)
    if not url_head_known:
        segments = (_ANY, *segments)
    return _match(segments, items)


def _url_segments(url: str) -> tuple[str, ...]:
    url = url.split("#", 1)[0].split("?", 1)[0]
    if "://" in url:
        url = "/" + url.split("://", 1)[1].partition("/")[2]
    return tuple(s for s in url.split("/") if s)


def _route_items(route: str | RoutePath) -> tuple[str, ...]:
    if isinstance(route, str):
        parts: tuple[str | None, ...] = (route,)
    else:
        parts = route.parts
    text = "".join("/\0/" if p is None else p for p in parts)
    if "<" in text:
        text = _FLASK_PARAM.sub(r"{\1}", _FLASK_PATH.sub(r"{\1:path}", text))
    items = []
    for segment in text.split("/"):
        if "\0" in segment:
            items.append(_ANY)
        elif _PATH_PARAM.search(segment):
            items.append(_MANY)
        elif segment:
            items.append(segment)
    return tuple(items)


def _segment_matches(url: str, route: str) -> bool:
    if "{" in url:
        return True
    if "{" not in route:
        return url == route
    pattern = "".join(
        "[^/]+" if _PARAM.fullmatch(piece) else re.escape(piece)
        for piece in re.split(r"(\{[^{}]*\})", route)
    )
    return re.fullmatch(pattern, url) is not None


def _match(url: Sequence[str], route: Sequence[str]) -> bool:
    if not url and not route:
        return True
    if route and route[0] == _ANY:
        return _match(url, route[1:]) or (bool(url) and _match(url[1:], route))
    if url and url[0] == _ANY:
        return _match(url[1:], route) or (bool(route) and _match(url, route[1:]))
    if not url or not route:
        return False
    if route[0] == _MANY:
        return _match(url[1:], route[1:]) or _match(url[1:], route)
    return _segment_matches(url[0], route[0]) and _match(url[1:], route[1:])


def url_of(node: ast.expr) -> tuple[str, bool] | None:
    """The URL a string or f-string expression spells, for ``match_path``.

    Placeholders inside the URL become ``{}`` (any one segment). Placeholders
    before the first literal part make the head unknown: the literal tail is
    returned with ``False``, to be passed as ``url_head_known``.

    Args:
        node: The expression a test passes as the URL.

    Returns:
        ``(url, head_known)``, or None when the expression is neither.

    Example:
        >>> url_of(ast.parse("f'{API}/users/{uid}'", mode="eval").body)
        ('/users/{}', False)
    """
    if isinstance(node, ast.Constant):
        return (node.value, True) if isinstance(node.value, str) else None
    if not isinstance(node, ast.JoinedStr):
        return None
    values = list(node.values)
    head_known = True
    while values and not isinstance(values[0], ast.Constant):
        values.pop(0)
        head_known = False
    text = "".join(
        str(v.value) if isinstance(v, ast.Constant) else "{}" for v in values
    )
    return text, head_known
