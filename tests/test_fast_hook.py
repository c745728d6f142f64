"""The hook's fast path: the command lines pre-commit sends, without argparse.

The judges: the options it builds are argparse's, and on the same inputs it
prints and exits exactly as the full command line does.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_hooks.cli import build_parser
from constitution_hooks.cli import main as full_main
from constitution_hooks.fast_hook import hook_args
from constitution_hooks.launch import main as launch_main
from tests.conftest import git

LONG = "def f():\n" + "    x = 1\n" * 48 + "    return x\n"


@pytest.mark.parametrize(
    "argv",
    [
        ["check"],
        ["check", "a.py"],
        ["check", "a.py", "pkg/b c.py", "rules", "check"],
        ["pre-commit"],
        ["pre-commit", "a.py", "b.py"],
        ["pre-commit", "pre-commit", "x=1.py", ""],
        ["file-length", "a.py"],
        ["function-size", "a.py", "b.py"],
    ],
)
def test_hook_args_exact_hook_lines_same_options_as_argparse(argv: list[str]) -> None:
    fast = hook_args(argv)
    assert fast is not None
    assert vars(fast) == vars(build_parser(argv[0]).parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["branch-name"],
        ["check", "--no-cache", "a.py"],
        ["check", "a.py", "--format", "json"],
        ["pre-commit", "-v", "a.py"],
        ["pre-commit", "--", "a.py"],
        ["pre-commit", "-"],
        ["-v", "check", "a.py"],
        ["check", "-1.py"],
        ["commit-msg", "MSG"],
        ["tdd-pairing", "a.py"],
    ],
)
def test_hook_args_anything_else_goes_to_the_full_command(argv: list[str]) -> None:
    assert hook_args(argv) is None


SCENARIOS: dict[str, dict[str, str | bytes]] = {
    "clean": {"src/pkg/ok.py": "def f() -> int:\n    return 1\n"},
    "too long": {"src/pkg/core.py": LONG},
    "broken": {"src/pkg/core.py": "def broken(:\n    pass\n"},
    "undecodable": {"src/pkg/core.py": b"x = '\xff'\n"},
    "bad config": {
        "src/pkg/ok.py": "x = 1\n",
        "pyproject.toml": "[tool.constitution]\nno-such-key = 1\n",
    },
    "tested": {
        "src/pkg/core.py": "def total() -> int:\n    return 0\n",
        "tests/test_core.py": (
            "from pkg.core import total\n\n\n"
            "def test_total_empty_cart_is_zero():\n    assert total() == 0\n"
        ),
    },
}


def _run(
    main: Callable[[list[str]], int],
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    "command", ["check", "pre-commit", "file-length", "function-size"]
)
@pytest.mark.parametrize("scenario", sorted(SCENARIOS))
@pytest.mark.parametrize("branch", ["wip", "feature/x"])
def test_main_fast_path_same_output_and_exit_as_full_command(
    git_repo: Path,
    capsys: pytest.CaptureFixture[str],
    command: str,
    scenario: str,
    branch: str,
) -> None:
    git(git_repo, "checkout", "-q", "-b", branch)
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    for name, content in SCENARIOS[scenario].items():
        path = git_repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content)
    git(git_repo, "add", "-A")
    argv = [command, *sorted(n for n in SCENARIOS[scenario] if n.endswith(".py"))]
    assert hook_args(argv) is not None
    fast = _run(launch_main, argv, capsys)
    full = _run(full_main, argv, capsys)
    assert fast == full
    assert fast[0] in (0, 1, 2)


PROBE = (
    "import sys\n"
    "from constitution_hooks.launch import main\n"
    "code = main(sys.argv[1:])\n"
    "heavy = ('argparse', 'gettext', 'sqlite3', 'shutil', 'dataclasses', 'inspect',"
    " 'constitution_hooks.core.baseline', 'constitution_hooks.cli')\n"
    "print(code, [m for m in heavy if m in sys.modules])\n"
)


@pytest.mark.parametrize("command", ["check", "pre-commit"])
def test_main_hook_line_imports_no_argparse_dataclasses_or_cli(
    git_repo: Path, command: str
) -> None:
    git(git_repo, "checkout", "-q", "-b", "feature/x")
    git(git_repo, "commit", "-q", "--allow-empty", "-m", "chore: start")
    (git_repo / "src" / "pkg").mkdir(parents=True)
    (git_repo / "src" / "pkg" / "core.py").write_text(LONG)
    git(git_repo, "add", "-A")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, command, "src/pkg/core.py"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1] == "1 []"
