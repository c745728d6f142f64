"""Random commit messages: bytes, NULs, CRLF, comment lines and very long lines."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.fuzz.harness import new_repo, run_cli, snapshot

PIECES = st.sampled_from(
    [
        b"feat: add x",
        b"fix(api)!: y",
        b"\n",
        b"\r\n",
        b"\x00",
        b"# comment",
        b"Co-authored-by: Claude <noreply@anthropic.com>",
        b"# ------------------------ >8 ------------------------",
        b"Signed-off-by: a <a@b>",
        b"\xff\xfe",
        "é🤖".encode(),
    ]
)
MESSAGE = (
    st.lists(PIECES | st.binary(max_size=40), max_size=12).map(b"".join)
    | st.binary(max_size=300)
    | st.integers(1_000, 100_000).map(lambda n: b"feat: " + b"x" * n)
)


@given(message=MESSAGE)
def test_commit_msg_random_message_verdict_without_change(message: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = new_repo(Path(folder) / "repo")
        (root / "COMMIT_EDITMSG").write_bytes(message)
        before = snapshot(root)
        run_cli(["commit-msg", "COMMIT_EDITMSG"], root)
        assert snapshot(root) == before
