"""Random bytes as a Python file: every file hook ends in a verdict, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from tests.fuzz.harness import run_cli, snapshot

COOKIES = (
    b"",
    b"# coding: utf-7\n",
    b"# coding: punycode\n",
    b"# -*- coding: latin-1 -*-\n",
    b"# coding: utf-16\n",
    b"# coding: idna\n",
    b"# coding: no-such-codec\n",
    b"\xef\xbb\xbf",
)
PYTHONISH = st.text(
    alphabet=st.sampled_from(list("def class(x):=+-*[]{}'\"\\#\n\r\t\x0c\x00 ab1é")),
    max_size=400,
).map(lambda text: text.encode("utf-8", "surrogatepass"))
SOURCE = st.tuples(st.sampled_from(COOKIES), st.binary(max_size=400) | PYTHONISH).map(
    b"".join
)
COMMANDS = (
    ["check", "--no-cache"],
    ["file-length", "--no-cache"],
    ["function-size", "--format", "sarif"],
    ["check", "--format", "json", "--jobs", "2"],
)


@example(data=b"# coding: punycode\nx = 1\n", command=COMMANDS[0])
@example(data=b"x = " + b"+".join([b"1"] * 3000) + b"\n", command=COMMANDS[2])
@given(data=SOURCE, command=st.sampled_from(COMMANDS))
def test_file_hooks_random_source_verdict_without_change(
    data: bytes, command: list[str]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / ".git").mkdir()
        (root / "a.py").write_bytes(data)
        before = snapshot(root)
        run_cli([*command, "a.py"], root)
        assert snapshot(root) == before
