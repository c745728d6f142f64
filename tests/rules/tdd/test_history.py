"""CON206 over a history given as data: tests first, tests after, strict mode."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from constitution_hooks.core.config import Settings
from constitution_hooks.core.git import NULL_SHA, Change, Commit
from constitution_hooks.rules.tdd.history import FactsCache, check_history
from constitution_hooks.rules.tdd.settings import TddSettings

MODULE = "src/pkg/cart.py"
TEST = "tests/test_cart.py"
BLOBS = {
    "m1": b"def total():\n    return 0\n",
    "m2": b"def total():\n    return 1\n",
    "m2doc": b'def total():\n    """Sum."""\n    return 1\n',
    "t1": b"from pkg.cart import total\ndef test_total_x_y():\n    assert total()\n",
    "t2": b"from pkg.cart import total\ndef test_total_x_z():\n    assert total()\n",
}


@pytest.fixture
def cfg(settings: Callable[..., Settings]) -> TddSettings:
    return TddSettings.from_settings(settings("tdd-pairing"), ())


def add(path: str, blob: str) -> Change:
    return Change("A", path, path, NULL_SHA, blob)


def modify(path: str, old: str, new: str) -> Change:
    return Change("M", path, path, old, new)


def commit(n: int, *changes: Change) -> Commit:
    parents = (f"{n - 1:040x}",) if n > 1 else ()
    return Commit(f"{n:040x}", f"commit {n}", changes, parents)


def run(
    commits: list[Commit], cfg: TddSettings, base: dict[str, str] | None = None
) -> list[tuple[str, str, str]]:
    found = check_history(base or {}, commits, BLOBS.__getitem__, cfg)
    return [(v.code, v.path, v.message[:14]) for v in found]


def test_check_history_test_first_is_clean(cfg: TddSettings) -> None:
    assert run([commit(1, add(TEST, "t1")), commit(2, add(MODULE, "m1"))], cfg) == []


def test_check_history_test_in_same_commit_is_clean(cfg: TddSettings) -> None:
    assert run([commit(1, add(TEST, "t1"), add(MODULE, "m1"))], cfg) == []


def test_check_history_test_after_reports_con206_at_module_commit(
    cfg: TddSettings,
) -> None:
    found = run([commit(1, add(MODULE, "m1")), commit(2, add(TEST, "t1"))], cfg)
    assert found == [("CON206", MODULE, "commit 0000000")]


def test_check_history_message_names_sha_subject_and_module(cfg: TddSettings) -> None:
    [found] = check_history({}, [commit(1, add(MODULE, "m1"))], BLOBS.__getitem__, cfg)
    assert found.message.startswith('commit 0000000 "commit 1": module pkg.cart')
    assert found.rule == "implementation-before-test"


def test_check_history_docstring_only_change_without_test_is_clean(
    cfg: TddSettings,
) -> None:
    base = {MODULE: "m2"}
    assert run([commit(1, modify(MODULE, "m2", "m2doc"))], cfg, base) == []


def test_check_history_code_change_with_existing_test_is_clean(
    cfg: TddSettings,
) -> None:
    base = {MODULE: "m1", TEST: "t1"}
    assert run([commit(1, modify(MODULE, "m1", "m2"))], cfg, base) == []


def test_check_history_strict_code_change_without_test_change_reports(
    cfg: TddSettings,
) -> None:
    strict = cfg._replace(require_test_change=True)
    base = {MODULE: "m1", TEST: "t1"}
    found = run([commit(1, modify(MODULE, "m1", "m2"))], strict, base)
    assert [code for code, _, _ in found] == ["CON206"]


def test_check_history_strict_test_changed_earlier_in_range_is_clean(
    cfg: TddSettings,
) -> None:
    strict = cfg._replace(require_test_change=True)
    base = {MODULE: "m1", TEST: "t1"}
    commits = [
        commit(1, modify(TEST, "t1", "t2")),
        commit(2, modify(MODULE, "m1", "m2")),
    ]
    assert run(commits, strict, base) == []


def test_check_history_deleted_test_then_change_reports(cfg: TddSettings) -> None:
    base = {MODULE: "m1", TEST: "t1"}
    delete = Change("D", TEST, TEST, "t1", NULL_SHA)
    commits = [commit(1, delete), commit(2, modify(MODULE, "m1", "m2"))]
    assert [code for code, _, _ in run(commits, cfg, base)] == ["CON206"]


def test_check_history_pure_rename_is_not_a_behaviour_change(cfg: TddSettings) -> None:
    base = {MODULE: "m1"}
    rename = Change("R", MODULE, "src/pkg/basket.py", "m1", "m1")
    assert run([commit(1, rename)], cfg, base) == []


def test_check_history_exempt_module_skipped(cfg: TddSettings) -> None:
    exempt = cfg._replace(exempt=(("src/**", "legacy"),))
    assert run([commit(1, add(MODULE, "m1"))], exempt) == []


def test_check_history_non_python_changes_ignored(cfg: TddSettings) -> None:
    assert run([commit(1, add("README.md", "m1"))], cfg) == []


def test_check_history_merge_commit_not_judged(cfg: TddSettings) -> None:
    merge = Commit("f" * 40, "chore: merge main", (add(MODULE, "m1"),), ("a", "b"))
    assert run([merge], cfg) == []


def test_check_history_commit_on_other_branch_replays_from_its_parent(
    cfg: TddSettings,
) -> None:
    first = Commit("1" * 40, "test: cart", (add(TEST, "t1"),), ("base",))
    other = Commit("2" * 40, "feat: cart", (add(MODULE, "m1"),), ("elsewhere",))
    trees: dict[str, dict[str, str]] = {"base": {}, "elsewhere": {}}
    found = check_history({}, [first, other], BLOBS.__getitem__, cfg, trees.get, "base")
    assert [(v.code, v.path) for v in found] == [("CON206", MODULE)]


def test_check_history_test_renamed_away_from_python_then_change_reports(
    cfg: TddSettings,
) -> None:
    base = {MODULE: "m1", TEST: "t1"}
    away = Change("R", TEST, "tests/test_cart.txt", "t1", "t1")
    commits = [
        commit(1, modify(MODULE, "m1", "m2")),
        commit(2, away),
        commit(3, modify(MODULE, "m2", "m1")),
    ]
    assert [code for code, _, _ in run(commits, cfg, base)] == ["CON206"]


EXTRA = {
    **BLOBS,
    "typed": b"def total() -> int:\n    return 0\n",
    "init": b"from ._cart import total\n",
    "priv": b"def total():\n    return 0\n",
    "priv2": b"def total():\n    return 2\n",
    "tpkg": b"import pkg\ndef test_total_x_y():\n    assert pkg.total()\n",
    "waived": b"# constitution: ignore-file[CON201] Reason: a vendored copy\n"
    b"def total():\n    return 5\n",
    "consts": b"TOTAL = 1\n",
}


def run_extra(commits: list[Commit], cfg: TddSettings) -> list[tuple[str, str]]:
    found = check_history({}, commits, EXTRA.__getitem__, cfg)
    return [(v.code, v.path) for v in found]


def trailer(n: int, text: str, *changes: Change) -> Commit:
    return commit(n, *changes)._replace(waivers=(text,))


def test_check_history_typing_only_change_is_not_behaviour(cfg: TddSettings) -> None:
    history = [commit(1, add(MODULE, "m1")), commit(2, modify(MODULE, "m1", "typed"))]
    assert run_extra(history, cfg) == [("CON206", MODULE)]


def test_check_history_reexport_evidence_counts_as_test(cfg: TddSettings) -> None:
    private = "src/pkg/_cart.py"
    history = [
        commit(
            1, add("src/pkg/__init__.py", "init"), add("tests/test_flow.py", "tpkg")
        ),
        commit(2, add(private, "priv")),
        commit(3, modify(private, "priv", "priv2")),
    ]
    assert run_extra(history, cfg) == []


def test_check_history_evidence_refreshed_when_the_test_changes(
    cfg: TddSettings,
) -> None:
    private = "src/pkg/_cart.py"
    history = [
        commit(1, add("src/pkg/__init__.py", "init"), add("tests/test_flow.py", "t1")),
        commit(2, add(private, "priv")),
        commit(3, modify("tests/test_flow.py", "t1", "tpkg")),
        commit(4, modify(private, "priv", "priv2")),
    ]
    assert run_extra(history, cfg) == [("CON206", private)]


def test_check_history_file_waiver_at_the_commit_exempts(cfg: TddSettings) -> None:
    assert run_extra([commit(1, add(MODULE, "waived"))], cfg) == []


def test_check_history_module_without_code_needs_no_test(cfg: TddSettings) -> None:
    assert run_extra([commit(1, add(MODULE, "consts"))], cfg) == []


def test_check_history_trailer_with_reason_waives_the_commit(
    cfg: TddSettings,
) -> None:
    history = [trailer(1, "CON206 spike, test follows in #12", add(MODULE, "m1"))]
    assert run_extra(history, cfg) == []


@pytest.mark.parametrize("text", ["CON206", "CON206   ", "implementation-before-test"])
def test_check_history_trailer_without_reason_is_con010_and_waives_nothing(
    text: str, cfg: TddSettings
) -> None:
    history = [trailer(1, text, add(MODULE, "m1"))]
    assert run_extra(history, cfg) == [("CON206", MODULE), ("CON010", MODULE)]


def test_check_history_trailer_for_another_rule_waives_nothing(
    cfg: TddSettings,
) -> None:
    history = [trailer(1, "CON101 long file", add(MODULE, "m1"))]
    assert run_extra(history, cfg) == [("CON206", MODULE)]


def test_check_history_hint_names_both_ways_out(cfg: TddSettings) -> None:
    [found] = check_history({}, [commit(1, add(MODULE, "m1"))], EXTRA.__getitem__, cfg)
    assert "Constitution-Waiver: CON206 <reason>" in found.message
    assert "ignore-file[CON201]" in found.message


def test_facts_cache_bounded_keeps_the_newest() -> None:
    cache = FactsCache(2)
    for key in ("a", "b", "c"):
        # Reason: any value does for the eviction order this test pins.
        cache[(key, "")] = None  # type: ignore[assignment]
    assert list(cache) == [("b", ""), ("c", "")]


THROUGH = {
    **BLOBS,
    "init": b"from .cart import total\nfrom .extra import feature\n",
    "init1": b"from .cart import total\n",
    "cart": b"from .prices import price\ndef total():\n    return price()\n",
    "prices": b"def price():\n    return 1\n",
    "prices2": b"def price():\n    return 2\n",
    "extra": b"def feature():\n    return 3\n",
    "tflow": b"from pkg import total\ndef test_total_x_y():\n    assert total()\n",
}


INIT = "src/pkg/__init__.py"
TFLOW = "tests/test_flow.py"


def run_through(commits: list[Commit], cfg: TddSettings) -> list[tuple[str, str]]:
    found = check_history({}, commits, THROUGH.__getitem__, cfg)
    return [(v.code, v.path) for v in found]


def test_check_history_module_run_by_tested_code_counts_as_tested(
    cfg: TddSettings,
) -> None:
    prices = "src/pkg/prices.py"
    history = [
        commit(1, add(TFLOW, "tflow"), add(MODULE, "cart"), add(INIT, "init1")),
        commit(2, add(prices, "prices")),
        commit(3, modify(prices, "prices", "prices2")),
    ]
    assert run_through(history, cfg) == []


def test_check_history_new_public_module_without_test_still_reports(
    cfg: TddSettings,
) -> None:
    history = [
        commit(1, add(TFLOW, "tflow"), add(MODULE, "cart"), add(INIT, "init1")),
        commit(2, add("src/pkg/prices.py", "prices")),
        commit(3, add("src/pkg/extra.py", "extra"), modify(INIT, "init1", "init")),
    ]
    assert run_through(history, cfg) == [("CON206", "src/pkg/extra.py")]
