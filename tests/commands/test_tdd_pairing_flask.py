"""``tdd-pairing`` on Flask and Starlette projects: a client call pairs by route."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_hooks.cli import main
from tests.conftest import git

FLASKR = {
    "flaskr/__init__.py": (
        "from flask import Flask\n\n\n"
        "def create_app():\n"
        "    app = Flask(__name__)\n"
        "    from . import auth\n"
        "    app.register_blueprint(auth.bp)\n"
        "    return app\n"
    ),
    "flaskr/auth.py": (
        "from flask import Blueprint\n\n"
        "bp = Blueprint('auth', __name__, url_prefix='/auth')\n\n\n"
        "@bp.route('/register', methods=('GET', 'POST'))\n"
        "def register():\n    return 'ok'\n\n\n"
        "@bp.get('/logout')\n"
        "def logout():\n    return 'bye'\n"
    ),
    "tests/conftest.py": (
        "import pytest\nfrom flaskr import create_app\n\n\n"
        "@pytest.fixture\ndef client():\n    return create_app().test_client()\n"
    ),
}
REGISTER_TEST = (
    "def test_register_get_returns_200(client):\n"
    "    assert client.get('/auth/register').status_code == 200\n"
)
STARLETTE = {
    "app/__init__.py": "",
    "app/views.py": "async def users(request):\n    return None\n",
    "app/main.py": (
        "from starlette.applications import Starlette\n"
        "from starlette.routing import Mount, Route\n"
        "from app.views import users\n"
        "app = Starlette(routes=[Mount('/api', routes=[Route('/users', users)])])\n"
    ),
    "tests/test_api.py": (
        "from starlette.testclient import TestClient\nfrom app.main import app\n\n\n"
        "def test_users_get_returns_200():\n"
        "    assert TestClient(app).get('/api/users').status_code == 200\n"
    ),
}


def run(
    repo: Path, files: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(repo, "add", "--", name)
    code = main(["tdd-pairing", "--all-files"])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_run_flask_blueprint_called_by_client_is_paired(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {**FLASKR, "tests/test_auth.py": REGISTER_TEST}
    code, out = run(git_repo, files, capsys)
    assert "CON201" not in out
    assert "CON202" not in out
    assert (
        "flaskr/auth.py:12:1: CON210 route GET /auth/logout (logout) is called by no"
        " test" in out
    )
    assert code == 1


def test_run_flask_blueprint_all_routes_called_exits_0(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    logout = (
        "\n\ndef test_logout_get_returns_200(client):\n"
        "    assert client.get('/auth/logout').status_code == 200\n"
    )
    files = {**FLASKR, "tests/test_auth.py": REGISTER_TEST + logout}
    assert run(git_repo, files, capsys)[0] == 0


def test_run_flask_module_whose_routes_no_test_calls_is_con201(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = (
        "def test_missing_page_returns_404(client):\n"
        "    assert client.get('/nowhere').status_code == 404\n"
    )
    code, out = run(git_repo, {**FLASKR, "tests/test_pages.py": other}, capsys)
    assert "flaskr/auth.py:1:1: CON201 module flaskr.auth has no test" in out
    assert code == 1


def test_run_starlette_route_called_by_test_client_is_paired(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(git_repo, STARLETTE, capsys)
    assert "app/views.py" not in out
    assert code == 0


def test_run_flask_route_asked_by_url_for_endpoint_name_is_paired(
    git_repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_name = (
        "from flask import url_for\n\n\n"
        "def test_register_by_name_returns_200(testapp):\n"
        "    assert testapp.get(url_for('auth.register')).status_code == 200\n"
        "    assert testapp.get(url_for('auth.logout')).status_code == 200\n"
    )
    code, out = run(git_repo, {**FLASKR, "tests/test_auth.py": by_name}, capsys)
    assert "flaskr/auth.py" not in out
    assert code == 0
