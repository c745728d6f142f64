"""check_files: one parse per file, CON001/CON002 without tracebacks, sorted output."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from constitution_hooks.core.config import Config, load_config
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.runner import (
    FileChecker,
    check_files,
    project_root,
    run_project,
    syntax_message,
)
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.symbols import Project
from constitution_hooks.core.violation import Finding
from constitution_hooks.rules import RULES, SECTIONS

Write = Callable[..., Path]


def run(paths: list[Path], tmp_path: Path) -> list[tuple[str, int, int, str]]:
    (tmp_path / ".git").mkdir(exist_ok=True)
    config = load_config(SECTIONS, cwd=tmp_path)
    found = check_files([str(p) for p in paths], config, RULES, known=RULES)
    return [(Path(v.path).name, v.line, v.column, v.code) for v in found]


def test_check_files_every_rule_on_n_files_parses_exactly_n(
    write: Write, tmp_path: Path, parse_calls: list[str]
) -> None:
    text = "class A:\n    def f(self):\n        return 1\n"
    paths = [write(f"m{i}.py", text) for i in range(5)]
    assert run(paths, tmp_path) == []
    assert len(parse_calls) == 5


def test_check_files_syntax_error_reported_and_others_still_checked(
    write: Write, tmp_path: Path
) -> None:
    bad = write("bad.py", "x = 1\ndef f(:\n    pass\n")
    long = write("long.py", "x = 1\n" * 501)
    assert run([bad, long], tmp_path) == [
        ("bad.py", 2, 7, "CON001"),
        ("long.py", 501, 1, "CON101"),
    ]


def test_check_files_syntax_error_message_is_pythons_own(
    write: Write, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    bad = write("bad.py", "x = (\n")
    (violation,) = check_files(
        [str(bad)], load_config(SECTIONS, cwd=tmp_path), RULES, known=RULES
    )
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert violation.message == syntax_message("'(' was never closed")
    assert violation.message.startswith(
        f"syntax error under Python {version}: '(' was never closed; if the project"
        " targets a newer Python, set the hook's language_version"
    )


def test_check_files_long_file_with_syntax_error_still_reports_length(
    write: Write, tmp_path: Path
) -> None:
    path = write("both.py", "x = 1\n" * 501 + "def (\n")
    assert [code for *_, code in run([path], tmp_path)] == ["CON101", "CON001"]


def test_check_files_undecodable_file_is_con002(write: Write, tmp_path: Path) -> None:
    path = write("latin.py", "a = 1\nb = 2\nname = 'café'\n".encode("latin-1"))
    assert run([path], tmp_path) == [("latin.py", 1, 1, "CON002")]


def test_check_files_latin1_with_cookie_is_checked(
    write: Write, tmp_path: Path
) -> None:
    text = "# -*- coding: latin-1 -*-\ndef f():\n    return 'café'\n"
    assert run([write("ok.py", text.encode("latin-1"))], tmp_path) == []


def test_check_files_bom_file_is_checked(write: Write, tmp_path: Path) -> None:
    path = write("bom.py", b"\xef\xbb\xbf" + b"x = 1\n" * 501)
    assert run([path], tmp_path) == [("bom.py", 501, 1, "CON101")]


def test_check_files_missing_path_is_con002(tmp_path: Path) -> None:
    assert run([tmp_path / "nope.py"], tmp_path) == [("nope.py", 1, 1, "CON002")]


def test_check_files_binary_file_is_con002(write: Write, tmp_path: Path) -> None:
    assert run([write("x.py", b"\x00\x01\x02")], tmp_path) == [("x.py", 1, 1, "CON002")]


def test_check_files_deep_nesting_is_con001_not_crash(
    write: Write, tmp_path: Path
) -> None:
    path = write("deep.py", "x = " + "(" * 5000 + ")" * 5000 + "\n")
    assert [code for *_, code in run([path], tmp_path)] == ["CON001"]


def test_check_files_disabled_table_skips_its_rules(
    write: Write, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(
        "[tool.constitution.file-length]\nenabled = false\n"
    )
    assert run([write("long.py", "x = 1\n" * 501)], tmp_path) == []


def test_check_files_waived_violation_dropped_and_stale_reported(
    write: Write, tmp_path: Path
) -> None:
    waived = LONG_DEF.replace("():", "():  # constitution: ignore[CON102] Reason: r", 1)
    stale = "x = 1  # constitution: ignore[CON101] Reason: was long\n"
    paths = [write("waived.py", waived), write("stale.py", stale)]
    assert run(paths, tmp_path) == [("stale.py", 1, 8, "CON011")]


def test_check_files_waiver_of_rule_not_run_is_not_unused(
    write: Write, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = write("a.py", "def f():  # constitution: ignore[CON102] Reason: r\n")
    config = load_config(SECTIONS, cwd=tmp_path)
    rules = [r for r in RULES if r.code in ("CON101", "CON010", "CON011")]
    assert check_files([str(path)], config, rules, known=RULES) == []


LONG_DEF = "def f():\n" + "    x = 1\n" * 49 + "    return x\n"


def _checker(tmp_path: Path, codes: frozenset[str]) -> FileChecker:
    (tmp_path / ".git").mkdir(exist_ok=True)
    config = load_config(SECTIONS, cwd=tmp_path)
    active = tuple(
        (rule, config.section(rule.section))
        for rule in RULES
        if rule.check is not None and rule.code in ("CON101", "CON102")
    )
    return FileChecker(active, codes, frozenset({"CON101", "CON102"}), RULES)


def test_file_checker_long_function_returns_its_violation(
    write: Write, tmp_path: Path
) -> None:
    path = write("a.py", LONG_DEF)
    checker = _checker(tmp_path, frozenset({"CON101", "CON102", "CON011"}))
    assert [(v.line, v.code) for v in checker(str(path))] == [(1, "CON102")]


def test_file_checker_code_not_reported_is_dropped(
    write: Write, tmp_path: Path
) -> None:
    path = write("a.py", LONG_DEF)
    assert _checker(tmp_path, frozenset({"CON101"}))(str(path)) == []


def test_file_checker_waived_violation_is_dropped(write: Write, tmp_path: Path) -> None:
    waived = LONG_DEF.replace("():", "():  # constitution: ignore[CON102] Reason: r", 1)
    path = write("a.py", waived)
    checker = _checker(tmp_path, frozenset({"CON102", "CON010", "CON011"}))
    assert checker(str(path)) == []


def _explode(source: object, settings: object) -> Iterator[Finding]:
    raise ValueError("unexpected node")
    yield Finding(1, 1, "never")  # pragma: no cover -- makes this a generator


EXPLODING = Rule(
    "CON999", "exploding", "constitution", "", "", "", "", "", "", "", check=_explode
)


def test_check_files_crashing_rule_is_internal_error_and_others_go_on(
    write: Write, tmp_path: Path
) -> None:
    (tmp_path / ".git").mkdir()
    path = write("long.py", "x = 1\n" * 501)
    config = load_config(SECTIONS, cwd=tmp_path)
    rules = (*RULES, EXPLODING)
    found = check_files([str(path)], config, rules, known=rules)
    assert [(v.line, v.code) for v in found] == [(1, "CON003"), (501, "CON101")]
    assert found[0].message == (
        "internal error in rule CON999 (exploding) on this file: ValueError:"
        " unexpected node; please report it"
    )


def test_check_files_broken_file_is_parsed_once(
    write: Write, tmp_path: Path, parse_calls: list[str]
) -> None:
    path = write("bad.py", "def f(:\n    pass\n")
    assert [code for *_, code in run([path], tmp_path)] == ["CON001"]
    assert len(parse_calls) == 1


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file name opened after the fixture is requested (by open or Path)."""
    import builtins
    import io

    names: list[str] = []
    real_open = io.open

    def counting_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        names.append(os.fspath(file) if isinstance(file, (str, os.PathLike)) else "")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", counting_open)
    monkeypatch.setattr(io, "open", counting_open)
    return names


def test_check_files_cache_miss_reads_the_file_once(
    write: Write, tmp_path: Path, opened: list[str]
) -> None:
    path = write("long.py", "x = 1\n" * 501)
    (tmp_path / ".git").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path)
    opened.clear()
    found = check_files([str(path)], config, RULES, use_cache=True, known=RULES)
    assert [v.code for v in found] == ["CON101"]
    assert opened.count(str(path)) == 1


def test_check_files_keep_holds_each_file_checked_parsed(
    write: Write, tmp_path: Path, parse_calls: list[str]
) -> None:
    path = write("m.py", "def f():\n    return 1\n")
    (tmp_path / ".git").mkdir()
    kept: dict[str, SourceFile] = {}
    config = load_config(SECTIONS, cwd=tmp_path)
    check_files([str(path)], config, RULES, known=RULES, keep=kept)
    assert list(kept) == [str(path)]
    assert [d.name for d in kept[str(path)].definitions] == ["f"]
    assert len(parse_calls) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("x = 1\n" * 501, [(501, 501)]),
        (LONG_DEF, [(1, 51)]),
        ("class A:\n" + textwrap.indent(LONG_DEF, "    "), [(2, 52)]),
        ("x = 1\n" * 501 + "def (\n", [(501, 501), (502, 502)]),
    ],
)
def test_check_files_spans_give_each_violation_its_definition_end(
    write: Write, tmp_path: Path, text: str, expected: list[tuple[int, int]]
) -> None:
    path = write("m.py", text)
    (tmp_path / ".git").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path)
    found = check_files([str(path)], config, RULES, known=RULES, spans=True)
    assert [(v.line, v.end_line) for v in found] == expected


def test_check_files_fifo_is_con002_not_regular(tmp_path: Path) -> None:
    fifo = tmp_path / "x.py"
    os.mkfifo(fifo)
    (tmp_path / ".git").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path)
    (found,) = check_files([str(fifo)], config, RULES, use_cache=True, known=RULES)
    assert (found.code, found.message) == ("CON002", "file is not a regular file")


def test_check_files_memory_error_is_too_large_not_nesting(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ast

    def exhausted(*args: object, **kwargs: object) -> ast.Module:
        raise MemoryError

    monkeypatch.setattr(ast, "parse", exhausted)
    path = write("big.py", "x = 1\n")
    (tmp_path / ".git").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path)
    (found,) = check_files([str(path)], config, RULES, known=RULES)
    assert found.code == "CON001"
    assert found.message == "file is too large for Python's parser"


def test_check_files_file_length_alone_never_parses(
    write: Write, tmp_path: Path, parse_calls: list[str]
) -> None:
    path = write("long.py", "x = 1\n" * 501)
    (tmp_path / ".git").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path)
    rules = [rule for rule in RULES if rule.hook == "file-length"]
    found = check_files([str(path)], config, rules, known=RULES)
    assert [v.code for v in found] == ["CON101"]
    assert parse_calls == []


def test_check_files_fastapi_route_judged_with_other_modules(
    write: Write, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    write("main.py", "from fastapi import FastAPI\napp = FastAPI()\n")
    extra = write(
        "extra.py",
        "import fastapi\nfrom main import app\n"
        "@app.get('/api/v1/x')\nasync def f() -> None: ...\n",
    )
    found = run([extra], tmp_path)
    assert ("extra.py", 3, 2, "CON607") in found


def test_run_project_lists_the_repository_once(tmp_path: Path) -> None:
    project = run_project(tmp_path, ("build",))
    assert project is run_project(tmp_path, ("build",))
    assert isinstance(project, Project)


def test_project_root_without_config_is_repository_top(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "sub").mkdir()
    config = load_config(SECTIONS, cwd=tmp_path / "sub")
    assert project_root(config) == tmp_path


def test_project_root_outside_any_project_is_the_folder(tmp_path: Path) -> None:
    config = Config(tmp_path, None, ())
    assert project_root(config) == tmp_path


MODULE = "src/pkg/total.py"
GOOD = "def total(x):\n    return x + 1\n"
BROKEN = "def total(:\n    return 1\n"
WAIVED = "# constitution: ignore-file[CON201] Reason: glue code\n" + GOOD
# Reason: CON102 at the unchanged def line, kept because its body changed.
GROWN = "def total(x):\n" + "    x += 1\n" * 49 + "    return x\n"


@pytest.fixture
def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The source text of every ``ast.parse`` call made after it is requested."""
    import ast

    texts: list[str] = []
    real_parse = ast.parse

    def counting_parse(source: Any, *args: Any, **kwargs: Any) -> Any:
        texts.append(source if isinstance(source, str) else "")
        return real_parse(source, *args, **kwargs)

    monkeypatch.setattr(ast, "parse", counting_parse)
    return texts


def _changed_on_a_branch(repo: Path, text: str) -> None:
    """``main`` holds the module, its test and the config; ``wip`` stages ``text``."""
    from tests.conftest import git

    files = {
        "pyproject.toml": (
            "[tool.constitution.tdd-pairing]\nrequire-test-change = true\n"
        ),
        "src/pkg/__init__.py": "",
        MODULE: "def total(x):\n    return x\n",
        "tests/test_total.py": "from pkg.total import total\n\n\n"
        "def test_total_one_returns_two():\n    assert total(1) == 2\n",
    }
    for name, content in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(content, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "feat: total")
    git(repo, "checkout", "-qb", "wip")
    (repo / MODULE).write_text(text, encoding="utf-8")
    git(repo, "add", "-A")


@pytest.mark.parametrize(
    ("argv", "text", "codes"),
    [
        (["check", MODULE], GOOD, []),
        (["check", MODULE], BROKEN, ["CON001"]),
        (["check", "--diff-base", "main", MODULE], GOOD, []),
        (["check", "--diff-base", "main", MODULE], BROKEN, ["CON001"]),
        (["check", "--diff-base", "main", MODULE], GROWN, ["CON102"]),
        (["tdd-pairing"], GOOD, ["CON207"]),
        (["tdd-pairing"], BROKEN, ["CON001"]),
        (["tdd-pairing"], WAIVED, ["CON207"]),
        (["tdd-pairing", "--diff-base", "main"], GOOD, []),
        (["pre-commit", MODULE], GOOD, ["CON207", "CON311"]),
        (["pre-commit", MODULE], BROKEN, ["CON001", "CON311"]),
        (["pre-commit", MODULE], WAIVED, ["CON207", "CON311"]),
    ],
)
def test_main_every_hook_parses_the_judged_file_once(
    git_repo: Path,
    parsed_texts: list[str],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    text: str,
    codes: list[str],
) -> None:
    from constitution_hooks.cli import main

    _changed_on_a_branch(git_repo, text)
    parsed_texts.clear()
    speed = ["--no-cache"] if argv[0] != "tdd-pairing" else []
    main([*argv, *speed, "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    assert sorted({v["code"] for v in found}) == codes
    assert parsed_texts.count(text) == 1
