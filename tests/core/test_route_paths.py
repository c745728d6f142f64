"""Route paths with unknown parts, and URLs matched against them."""

from __future__ import annotations

import ast

import pytest

from constitution_hooks.core.route_paths import RoutePath, match_path, url_of


def known(*parts: str | None) -> RoutePath:
    return RoutePath(parts, None)


@pytest.mark.parametrize(
    ("path", "text", "tail"),
    [
        (
            known("/api/v1", "/users", "/{id}"),
            "/api/v1/users/{id}",
            "/api/v1/users/{id}",
        ),
        (known("", ""), "/", ""),
        (known(None, "/users", "/me"), None, "/users/me"),
        (known("/a", None, "/b", None, "/c"), None, "/c"),
        (known(None, "/users"), None, "/users"),
    ],
)
def test_route_path_text_and_tail(path: RoutePath, text: str | None, tail: str) -> None:
    assert (path.text, path.tail) == (text, tail)


@pytest.mark.parametrize(
    ("url", "route", "head_known", "expected"),
    [
        ("/items/3", "/items/{id}", True, True),
        ("/items/3/", "/items/{id}", True, True),
        ("/items", "/items/", True, True),
        ("/items/3?q=1#top", "/items/{id}", True, True),
        ("http://testserver/items/3", "/items/{id}", True, True),
        ("/items/3/x", "/items/{id}", True, False),
        ("/items", "/items/{id}", True, False),
        ("/other/3", "/items/{id}", True, False),
        ("/files/a/b/c", "/files/{rest:path}", True, True),
        ("/files", "/files/{rest:path}", True, False),
        ("/report-7.json", "/report-{n}.json", True, True),
        ("/report-7.xml", "/report-{n}.json", True, False),
        ("/items/{}", "/items/{id}", True, True),
        ("/items/{}", "/items/me", True, True),
        ("/users/me", "/api/v1/users/me", False, True),
        ("/users/me", "/api/v1/users/you", False, False),
        ("/", "/", True, True),
    ],
)
def test_match_path_concrete_routes(
    url: str, route: str, head_known: bool, expected: bool
) -> None:
    assert match_path(url, route, url_head_known=head_known) is expected


@pytest.mark.parametrize(
    ("url", "route", "head_known", "expected"),
    [
        ("/api/v1/users/me", known(None, "/users", "/me"), True, True),
        ("/users/me", known(None, "/users", "/me"), True, True),
        ("/users/you", known(None, "/users", "/me"), True, False),
        ("/me", known(None, "/users", "/me"), False, True),
        ("/x/users/me", known(None, "/users", "/me"), False, True),
        ("/health", known("/events", None), True, False),
        ("/events/health", known("/events", None), True, True),
        ("/health", known(None, "/health"), True, True),
        ("/health", known("/api", "/health"), True, False),
    ],
)
def test_match_path_unknown_parts_match_anything(
    url: str, route: RoutePath, head_known: bool, expected: bool
) -> None:
    assert match_path(url, route, url_head_known=head_known) is expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("'/items/3'", ("/items/3", True)),
        ("f'/items/{item.id}'", ("/items/{}", True)),
        ("f'{settings.API_V1_STR}/users/me'", ("/users/me", False)),
        ("f'{a}{b}/x/{c}.json'", ("/x/{}.json", False)),
        ("url", None),
        ("b'/bytes'", None),
    ],
)
def test_url_of_literals_and_fstrings(
    source: str, expected: tuple[str, bool] | None
) -> None:
    assert url_of(ast.parse(source, mode="eval").body) == expected


def test_url_of_matches_through_match_path() -> None:
    found = url_of(ast.parse("f'{API}/items/{item_id}'", mode="eval").body)
    assert found is not None
    assert match_path(found[0], "/api/v1/items/{id}", url_head_known=found[1])
