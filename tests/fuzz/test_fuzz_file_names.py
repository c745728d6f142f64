"""Random file names in a real repository: every format reports, nothing changes."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import assume, example, given
from hypothesis import strategies as st

from tests.fuzz.harness import git, new_repo, run_cli, snapshot

NAMES = st.binary(min_size=1, max_size=24).filter(
    lambda name: b"/" not in name and b"\0" not in name and name not in (b".", b"..")
)
COMMANDS = (
    ["check", "--all-files", "--format", "sarif"],
    ["check", ".", "--format", "json"],
    ["check", "--all-files", "--format", "github"],
    ["check", "--diff-base", "HEAD"],
    ["tdd-pairing", "--all-files", "--format", "sarif"],
    ["tdd-pairing"],
)


@example(name=b"caf\xe9", command=COMMANDS[0], broken=True)
@example(name=b"x", command=COMMANDS[3], broken=False)
@given(name=NAMES, command=st.sampled_from(COMMANDS), broken=st.booleans())
def test_check_random_file_name_verdict_and_tree_unchanged(
    name: bytes, command: list[str], broken: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = new_repo(Path(folder) / "repo")
        file = os.path.join(os.fsencode(root), b"src", name + b".py")
        os.makedirs(os.path.dirname(file))
        try:
            with open(file, "wb") as handle:
                handle.write(b"def f(:\n" if broken else b"def f():\n    return 1\n")
        except OSError:
            assume(False)
        git(root, "add", "-A")
        git(root, "commit", "-qm", "chore: start")
        with open(file, "ab") as handle:
            handle.write(b"x = 2\n")
        git(root, "add", "-A")
        before = snapshot(root)
        run_cli(command, root)
        assert snapshot(root) == before
