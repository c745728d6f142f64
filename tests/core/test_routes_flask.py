"""Flask and Starlette routes found statically, with their full paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.core.routes import WEB, RouteIndex, match_path
from constitution_hooks.core.symbols import Project

Files = dict[str, str]
FLASK = "from flask import Blueprint, Flask\n"
STARLETTE = (
    "from starlette.applications import Starlette\n"
    "from starlette.routing import Mount, Route, WebSocketRoute\n"
)


def routes_of(tmp_path: Path, files: Files) -> list[tuple[object, ...]]:
    for relative, text in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    index = RouteIndex(Project(str(tmp_path / relative) for relative in files), WEB)
    return sorted(
        (
            Path(route.file).relative_to(tmp_path).as_posix(),
            route.function.name,
            route.methods,
            tuple(p.text or f"...{p.tail}" for p in index.full_paths(route)),
        )
        for route in index.routes()
    )


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "app = Flask(__name__)\n@app.route('/x')\ndef f(): ...\n",
            [("m.py", "f", ("GET",), ("/x",))],
        ),
        (
            "app = Flask(__name__)\n"
            "@app.route('/x', methods=['POST', 'get'])\ndef f(): ...\n",
            [("m.py", "f", ("POST", "GET"), ("/x",))],
        ),
        (
            "app = Flask(__name__)\n@app.post('/items')\ndef f(): ...\n",
            [("m.py", "f", ("POST",), ("/items",))],
        ),
        (
            "bp = Blueprint('b', __name__, url_prefix='/auth')\n"
            "@bp.route('/login')\ndef f(): ...\n",
            [("m.py", "f", ("GET",), (".../auth/login",))],
        ),
        (
            "bp = Blueprint('b', __name__, url_prefix='/auth')\n"
            "@bp.get('/me')\ndef f(): ...\n"
            "app = Flask(__name__)\napp.register_blueprint(bp)\n",
            [("m.py", "f", ("GET",), ("/auth/me",))],
        ),
        (
            "bp = Blueprint('b', __name__, url_prefix='/auth')\n"
            "@bp.get('/me')\ndef f(): ...\n"
            "app = Flask(__name__)\napp.register_blueprint(bp, url_prefix='/v2')\n",
            [("m.py", "f", ("GET",), ("/v2/me",))],
        ),
        (
            "inner = Blueprint('i', __name__, url_prefix='/in')\n"
            "@inner.get('/x')\ndef f(): ...\n"
            "outer = Blueprint('o', __name__, url_prefix='/out')\n"
            "outer.register_blueprint(inner)\n"
            "app = Flask(__name__)\napp.register_blueprint(outer)\n",
            [("m.py", "f", ("GET",), ("/out/in/x",))],
        ),
    ],
)
def test_routes_flask_decorators_full_paths(
    tmp_path: Path, body: str, expected: list[tuple[object, ...]]
) -> None:
    assert routes_of(tmp_path, {"m.py": FLASK + body}) == expected


def test_routes_flask_factory_registers_blueprint_of_another_module(
    tmp_path: Path,
) -> None:
    files = {
        "flaskr/__init__.py": FLASK + "def create_app():\n"
        "    app = Flask(__name__)\n"
        "    from . import auth\n"
        "    app.register_blueprint(auth.bp)\n"
        "    return app\n",
        "flaskr/auth.py": FLASK
        + "bp = Blueprint('auth', __name__, url_prefix='/auth')\n"
        "@bp.route('/register', methods=('GET', 'POST'))\ndef register(): ...\n",
    }
    assert routes_of(tmp_path, files) == [
        ("flaskr/auth.py", "register", ("GET", "POST"), ("/auth/register",))
    ]


def test_routes_starlette_route_and_mount_lists_full_paths(tmp_path: Path) -> None:
    files = {
        "views.py": "async def home(request): ...\nasync def users(request): ...\n"
        "async def feed(ws): ...\n",
        "app.py": STARLETTE + "from views import feed, home, users\n"
        "api = [Route('/users', users, methods=['POST'])]\n"
        "app = Starlette(routes=[\n"
        "    Route('/', endpoint=home),\n"
        "    Mount('/api', routes=api),\n"
        "    WebSocketRoute('/ws', feed),\n"
        "])\n",
    }
    assert routes_of(tmp_path, files) == [
        ("views.py", "feed", ("WEBSOCKET",), ("/ws",)),
        ("views.py", "home", ("GET",), ("/",)),
        ("views.py", "users", ("POST",), ("/api/users",)),
    ]


def test_routes_starlette_routes_list_without_app_matches_on_tail(
    tmp_path: Path,
) -> None:
    files = {
        "m.py": STARLETTE + "async def home(request): ...\n"
        "routes = [Mount('/api', routes=[Route('/h', home)])]\n"
    }
    assert routes_of(tmp_path, files) == [("m.py", "home", ("GET",), (".../api/h",))]


@pytest.mark.parametrize(
    "body",
    [
        FLASK + "app = Flask(__name__)\n@app.route('/x')\ndef f(): ...\n",
        FLASK + "app = Flask(__name__)\n@app.get('/x')\ndef f(): ...\n",
        "from fastapi import FastAPI\napp = FastAPI()\n"
        "@app.route('/x')\ndef f(): ...\n",
        STARLETTE + "async def h(r): ...\napp = Starlette(routes=[Route('/h', h)])\n",
    ],
)
def test_route_index_default_dialect_finds_fastapi_routes_only(
    tmp_path: Path, body: str
) -> None:
    (tmp_path / "m.py").write_text(body, encoding="utf-8")
    assert RouteIndex(Project([str(tmp_path / "m.py")])).routes() == []


@pytest.mark.parametrize(
    ("url", "route", "expected"),
    [
        ("/1/update", "/<int:id>/update", True),
        ("/auth/alice", "/auth/<name>", True),
        ("/static/css/a.css", "/static/<path:filename>", True),
        ("/1/x/update", "/<int:id>/update", False),
        ("/update", "/<int:id>/update", False),
    ],
)
def test_match_path_flask_converters_match_segments(
    url: str, route: str, expected: bool
) -> None:
    assert match_path(url, route) is expected
