"""The result cache: keyed by content, path, effective config and tool version."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import constitution_hooks
from constitution_hooks.core import cache as cache_module
from constitution_hooks.core.cache import CACHE_DIR, ResultCache, context_for
from constitution_hooks.core.config import Config, Settings, load_config
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.runner import check_files
from constitution_hooks.core.source import SourceFile
from constitution_hooks.core.violation import Finding, Violation
from constitution_hooks.rules import RULES, SECTIONS
from tests.core.tree import generate_tree

FOUND = [Violation("a.py", 3, 5, "CON102", "function-too-long", "too 'long'\u00e9")]


def _cache(root: Path, context: str = "ctx") -> ResultCache:
    return ResultCache(root / CACHE_DIR, context)


@pytest.fixture
def source(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.py"
    path.write_text("x = 1\n")
    return path


def test_lookup_empty_cache_returns_none(tmp_path: Path, source: Path) -> None:
    assert _cache(tmp_path).lookup("a.py") is None


def test_lookup_after_store_returns_stored_violations(
    tmp_path: Path, source: Path
) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    assert _cache(tmp_path).lookup("a.py") == FOUND


def test_lookup_no_violations_stored_returns_empty_list(
    tmp_path: Path, source: Path
) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", [])
    first.save()
    assert _cache(tmp_path).lookup("a.py") == []


def test_lookup_content_changed_returns_none(tmp_path: Path, source: Path) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    source.write_text("x = 2\n")
    assert _cache(tmp_path).lookup("a.py") is None


def test_lookup_other_context_returns_none(tmp_path: Path, source: Path) -> None:
    first = _cache(tmp_path, "one")
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    assert _cache(tmp_path, "two").lookup("a.py") is None


def test_lookup_same_content_other_path_returns_none(
    tmp_path: Path, source: Path
) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    (tmp_path / "b.py").write_text("x = 1\n")
    assert _cache(tmp_path).lookup("b.py") is None


@pytest.mark.parametrize(
    "garbage",
    [b"", b"not json", b"[]", b'{"k": 1', b"\xff\xfe"],
)
def test_lookup_corrupted_entry_returns_none(
    tmp_path: Path, source: Path, garbage: bytes
) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    for entry in (tmp_path / CACHE_DIR).iterdir():
        if entry.name != ".gitignore":
            entry.write_bytes(garbage)
    assert _cache(tmp_path).lookup("a.py") is None


@pytest.mark.parametrize(
    "entry",
    ["[[1, 2]]", '[[1, 2, "C", "r", 3]]', '[[true, 2, "C", "r", "m"]]', '"text"'],
)
def test_lookup_malformed_entry_returns_none(
    tmp_path: Path, source: Path, entry: str
) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    for stored in (tmp_path / CACHE_DIR).glob("*.json"):
        text = stored.read_text()
        stored.write_text(text[: text.index(":") + 1] + entry + "}")
    assert _cache(tmp_path).lookup("a.py") is None


def test_save_keeps_entries_of_other_runs(tmp_path: Path, source: Path) -> None:
    (tmp_path / "b.py").write_text("y = 1\n")
    first, second = _cache(tmp_path), _cache(tmp_path)
    first.lookup("a.py")
    second.lookup("b.py")
    first.store("a.py", FOUND)
    second.store("b.py", [])
    first.save()
    second.save()
    third = _cache(tmp_path)
    assert (third.lookup("a.py"), third.lookup("b.py")) == (FOUND, [])


def test_save_nothing_new_writes_nothing(tmp_path: Path, source: Path) -> None:
    cache = _cache(tmp_path)
    cache.lookup("a.py")
    cache.save()
    assert not (tmp_path / CACHE_DIR).exists()


def test_lookup_unreadable_source_returns_none(tmp_path: Path, source: Path) -> None:
    assert _cache(tmp_path).lookup("missing.py") is None


def test_store_unreadable_source_writes_nothing(tmp_path: Path, source: Path) -> None:
    cache = _cache(tmp_path)
    cache.lookup("missing.py")
    cache.store("missing.py", FOUND)
    cache.save()
    assert not (tmp_path / CACHE_DIR).exists()


def test_store_new_folder_writes_gitignore_star(tmp_path: Path, source: Path) -> None:
    cache = _cache(tmp_path)
    cache.lookup("a.py")
    cache.store("a.py", FOUND)
    cache.save()
    assert (tmp_path / CACHE_DIR / ".gitignore").read_text() == "*\n"


def test_store_folder_not_writable_skips_silently(tmp_path: Path, source: Path) -> None:
    (tmp_path / CACHE_DIR).write_text("a file where the folder should be")
    cache = _cache(tmp_path)
    cache.lookup("a.py")
    cache.store("a.py", FOUND)
    cache.save()
    assert _cache(tmp_path).lookup("a.py") is None


def _config(**function_size: int) -> Config:
    values: dict[str, object] = {
        "enabled": True,
        "max-function-lines": 49,
        "max-class-lines": 99,
    }
    values.update(function_size)
    return Config(Path("."), None, (), {"function-size": Settings(values)})


def test_context_for_same_config_and_codes_is_equal() -> None:
    assert context_for(_config(), {"CON102"}) == context_for(_config(), {"CON102"})


def test_context_for_changed_setting_differs() -> None:
    changed = _config(**{"max-function-lines": 10})
    assert context_for(_config(), {"CON102"}) != context_for(changed, {"CON102"})


def test_context_for_other_rules_differs() -> None:
    assert context_for(_config(), {"CON102"}) != context_for(_config(), {"CON103"})


def test_context_for_other_tool_version_differs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    before = context_for(_config(), {"CON102"})
    monkeypatch.setattr(constitution_hooks, "__version__", "99.0.0")
    assert context_for(_config(), {"CON102"}) != before


def _counting_rule(calls: list[str]) -> Rule:
    def check(source: SourceFile, settings: Settings) -> Iterator[Finding]:
        calls.append(source.display)
        yield Finding(1, 1, "seen")

    return Rule("CON999", "counted", "h", "", "", "", "", "", "", "", check=check)


def test_check_files_warm_cache_skips_rules(
    tmp_path: Path, source: Path, write: Callable[..., Path]
) -> None:
    calls: list[str] = []
    config = load_config(SECTIONS, cwd=tmp_path)
    rules = [_counting_rule(calls)]
    first = check_files(["a.py"], config, rules, use_cache=True, known=RULES)
    second = check_files(["a.py"], config, rules, use_cache=True, known=RULES)
    assert (second, calls) == (first, ["a.py"])


def test_check_files_without_cache_writes_no_folder(
    tmp_path: Path, source: Path
) -> None:
    config = load_config(SECTIONS, cwd=tmp_path)
    check_files(["a.py"], config, RULES, known=RULES)
    assert not (tmp_path / CACHE_DIR).exists()


def test_check_files_cold_and_warm_cache_same_violations_as_plain(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write: Callable[..., Path]
) -> None:
    paths = generate_tree(tmp_path, write)
    monkeypatch.chdir(tmp_path)
    config = load_config(SECTIONS, cwd=tmp_path)
    plain = check_files(paths, config, RULES, known=RULES)
    cold = check_files(paths, config, RULES, jobs=2, use_cache=True, known=RULES)
    warm = check_files(paths, config, RULES, use_cache=True, known=RULES)
    assert plain and cold == plain and warm == plain


def test_save_over_limit_drops_entries_of_other_runs_first(
    tmp_path: Path, source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "MAX_ENTRIES", 1)
    (tmp_path / "b.py").write_text("y = 1\n")
    first = _cache(tmp_path)
    first.lookup("b.py")
    first.store("b.py", [])
    first.save()
    second = _cache(tmp_path)
    second.lookup("a.py")
    second.store("a.py", FOUND)
    second.save()
    third = _cache(tmp_path)
    assert (third.lookup("a.py"), third.lookup("b.py")) == (FOUND, None)


def test_lookup_deeply_nested_cache_file_returns_none(
    tmp_path: Path, source: Path
) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    for stored in (tmp_path / CACHE_DIR).glob("*.json"):
        stored.write_text("[" * 100_000 + "]" * 100_000)
    assert _cache(tmp_path).lookup("a.py") is None


def test_lookup_volatile_file_is_never_cached(tmp_path: Path, source: Path) -> None:
    cache = ResultCache(tmp_path / CACHE_DIR, "ctx", (b"fastapi",))
    source.write_text("import fastapi\n", encoding="utf-8")
    assert cache.lookup(str(source)) is None
    cache.store(str(source), FOUND)
    cache.save()
    again = ResultCache(tmp_path / CACHE_DIR, "ctx", (b"fastapi",))
    assert again.lookup(str(source)) is None


def test_lookup_miss_leaves_the_bytes_it_hashed_in_misses(
    tmp_path: Path, source: Path
) -> None:
    cache = _cache(tmp_path)
    assert cache.lookup("a.py") is None
    assert cache.misses.pop("a.py", None) == b"x = 1\n"
    assert cache.misses.pop("a.py", None) is None


def test_lookup_hit_leaves_nothing_in_misses(tmp_path: Path, source: Path) -> None:
    first = _cache(tmp_path)
    first.lookup("a.py")
    first.store("a.py", FOUND)
    first.save()
    second = _cache(tmp_path)
    assert second.lookup("a.py") == FOUND
    assert second.misses.pop("a.py", None) is None


def test_misses_of_a_path_never_looked_up_is_empty(
    tmp_path: Path, source: Path
) -> None:
    assert _cache(tmp_path).misses.pop("a.py", None) is None
