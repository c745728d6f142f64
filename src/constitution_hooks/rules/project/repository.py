"""CON704 env-file-committed and CON708 committed-virtualenv: what git must not hold."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator

from constitution_hooks.rules.project.files import ProjectFiles
from constitution_hooks.rules.project.settings import ContractSettings, ProjectFinding

ENV = ".env"
TEMPLATES = frozenset({".env.example", ".env.sample", ".env.template"})


def is_env_file(path: str) -> bool:
    """Whether ``path`` is a ``.env`` or ``.env.*`` file (templates are not).

    Example:
        >>> is_env_file("api/.env.local"), is_env_file(".env.example")
        (True, False)
        >>> is_env_file(".envrc")
        False
    """
    name = posixpath.basename(path)
    return (name == ENV or name.startswith(ENV + ".")) and name not in TEMPLATES


def check_env_files(
    files: ProjectFiles, cfg: ContractSettings
) -> Iterator[ProjectFinding]:
    """CON704: no environment file in git, and ``.env`` ignored.

    Example:
        >>> files = ProjectFiles("", frozenset({".env.prod"}), {}, env_ignored=True)
        >>> [f.path for f in check_env_files(files, ContractSettings())]
        ['.env.prod']
    """
    for path in sorted(filter(is_env_file, files.paths)):
        yield ProjectFinding(
            "CON704",
            files.where(path),
            1,
            1,
            f"{path} is committed (git tracks it): environment files hold secrets and"
            f" are never committed; git rm --cached {path}, rotate what it held, and"
            " keep a .env.example template instead",
            path,
        )
    if not files.env_ignored:
        yield ProjectFinding(
            "CON704",
            files.where(".gitignore"),
            1,
            1,
            f"git does not ignore {files.where(ENV)}: add .env and .env.* to"
            " .gitignore (with !.env.example for the template)",
            ".gitignore",
        )


def check_virtualenvs(
    files: ProjectFiles, cfg: ContractSettings
) -> Iterator[ProjectFinding]:
    """CON708: no tracked folder holding ``pyvenv.cfg``.

    Example:
        >>> files = ProjectFiles("", frozenset({"venv/pyvenv.cfg"}), {})
        >>> [f.subject for f in check_virtualenvs(files, ContractSettings())]
        ['venv']
    """
    for path in sorted(files.paths):
        folder, name = posixpath.split(path)
        if name != "pyvenv.cfg":
            continue
        shown = folder or "."
        yield ProjectFinding(
            "CON708",
            files.where(path),
            1,
            1,
            f"{shown}/ is a committed virtual environment (it holds pyvenv.cfg):"
            f" git rm -r --cached {shown}, add it to .gitignore, and recreate it"
            " with uv sync",
            shown,
        )
