"""Set up `make bench`: the peers' throwaway environment, the corpora, a long history.

Everything downloaded is kept under ``.bench/`` (ignored by git) and reused; the
corpora are unpacked into a fresh temporary folder outside any git repository.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / ".bench"
PEERS = BENCH / "peers"
WHEELS = BENCH / "wheels"
CORPORA = {"django": "django==5.2.8", "requests": "requests==2.34.2"}
PEER_PACKAGES = ("ruff==0.17.6", "conventional-pre-commit==4.4.0", "commitizen==4.19.3")
COMMIT_FILES = ("api", "auth", "cookies", "adapters", "structures")
HISTORY_COMMITS = 1_000
FLOOR = '''"""The floor: one process that reads and ast.parses every file."""
import ast, os, sys
def walk(root):
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in sorted(names):
            if name.endswith(".py"):
                yield os.path.join(folder, name)
for path in sys.argv[1:] or list(walk(".")):
    with open(path, "rb") as handle:
        ast.parse(handle.read(), path)
'''


def say(text: str) -> None:
    """Print a progress line on stderr."""
    print(f"bench: {text}", file=sys.stderr, flush=True)


def peer(name: str) -> Path:
    """The path of a peer's executable inside the throwaway environment."""
    return PEERS / "bin" / name


def ensure_peers() -> None:
    """Create the peers' environment and install the pinned peers, once."""
    if not (PEERS / "bin" / "python").exists():
        say(f"creating the peers' environment {PEERS}")
        made = subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=False)
        if made.returncode != 0:
            uv = shutil.which("uv") or "uv"
            subprocess.run([uv, "venv", "--seed", str(PEERS)], check=True)
    if all(peer(name).exists() for name in ("ruff", "conventional-pre-commit", "cz")):
        return
    say("installing the peers: " + ", ".join(PEER_PACKAGES))
    pip = [str(PEERS / "bin" / "python"), "-m", "pip", "install", "--quiet"]
    subprocess.run([*pip, *PEER_PACKAGES], check=True)


def ensure_wheels() -> dict[str, Path]:
    """Download the pinned corpus wheels once; return them by corpus name."""
    found = {name: _wheel(spec) for name, spec in CORPORA.items()}
    missing = [CORPORA[name] for name, path in found.items() if path is None]
    if missing:
        say("downloading " + ", ".join(missing))
        pip = [str(PEERS / "bin" / "python"), "-m", "pip", "download", "--quiet"]
        subprocess.run([*pip, "--no-deps", "-d", str(WHEELS), *missing], check=True)
    wheels = {name: _wheel(spec) for name, spec in CORPORA.items()}
    return {name: path for name, path in wheels.items() if path is not None}


def _wheel(spec: str) -> Path | None:
    name, version = spec.split("==")
    matches = sorted(WHEELS.glob(f"{name}-{version}-*.whl"))
    return matches[0] if matches else None


def make_workspace() -> Path:
    """A fresh temporary folder outside any git repository and pyproject.toml."""
    return Path(tempfile.mkdtemp(prefix="constitution-bench-"))


def unpack(wheel: Path, target: Path) -> Path:
    """Unpack a wheel (its Python files are the corpus) into ``target``."""
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def quadruple(corpus: Path, target: Path) -> Path:
    """The corpus copied four times side by side, for the growth target."""
    for copy in range(1, 5):
        shutil.copytree(corpus, target / f"copy{copy}")
    return target


def write_floor(workspace: Path) -> Path:
    """Write the floor script and return its path."""
    path = workspace / "floor.py"
    path.write_text(FLOOR, encoding="utf-8")
    return path


def write_message(workspace: Path) -> Path:
    """Write one valid commit message, as git leaves it for the commit-msg hook."""
    folder = workspace / "message"
    folder.mkdir()
    path = folder / "COMMIT_EDITMSG"
    path.write_text("feat(api): add retries to the session\n", encoding="utf-8")
    return path


def make_history(workspace: Path, commits: int = HISTORY_COMMITS) -> tuple[Path, str]:
    """A repository with ``commits`` + 1 commits in one fast-import stream.

    Modules and tests change in turns (mostly test first, every tenth module
    change without its test yet), so a history checker has work to do.

    Returns:
        The repository and the range covering the last ``commits`` commits.
    """
    repo = workspace / "history"
    repo.mkdir()
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1"}
    git = ["git", "-C", str(repo)]
    subprocess.run([*git, "init", "-q", "-b", "main"], check=True, env=env)
    stream = "".join(_history_commit(i) for i in range(commits + 1)).encode()
    subprocess.run([*git, "fast-import", "--quiet"], input=stream, check=True, env=env)
    subprocess.run([*git, "reset", "-q", "--hard", "main"], check=True, env=env)
    first = subprocess.run(
        [*git, "rev-list", "--max-parents=0", "main"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return repo, f"{first}..main"


def _data(text: str) -> str:
    return f"data {len(text.encode())}\n{text}\n"


def _history_commit(index: int) -> str:
    module = index // 2 % 50
    test_first = index % 2 == 0 and index % 20 != 0
    if index == 0:
        path, body = "pyproject.toml", '[project]\nname = "history"\n'
        subject = "chore: start the project"
    elif test_first:
        path = f"tests/test_mod{module}.py"
        body = f"from pkg.mod{module} import f\n\n\n"
        body += (
            f"def test_f_{index}_returns() -> None:\n    assert f() == {index + 1}\n"
        )
        subject = f"test(mod{module}): expect {index + 1}"
    else:
        path = f"src/pkg/mod{module}.py"
        body = f"def f() -> int:\n    return {index}\n"
        subject = f"feat(mod{module}): return {index}"
    parent = f"from :{index}\n" if index else ""
    return (
        f"commit refs/heads/main\nmark :{index + 1}\n"
        f"committer Bench <bench@example.invalid> {1_700_000_000 + index * 60} +0000\n"
        + _data(subject)
        + parent
        + f"M 100644 inline {path}\n"
        + _data(body)
    )
