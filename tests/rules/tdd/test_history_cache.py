"""What a history replay keeps in memory: facts within a byte budget, few states."""

from __future__ import annotations

from constitution_hooks.core.git import Commit
from constitution_hooks.rules.tdd.facts import module_facts
from constitution_hooks.rules.tdd.history import FactsCache, replayed_from


def test_facts_cache_past_its_byte_budget_drops_least_recent() -> None:
    cache = FactsCache(10, budget=10)
    for key in ("a", "b", "c"):
        cache[(key, "")] = module_facts(b"x = 1\n", "")
    assert list(cache) == [("c", "")]
    assert cache.bytes == 6


def test_facts_cache_entry_larger_than_budget_is_kept_alone() -> None:
    cache = FactsCache(10, budget=10)
    cache[("a", "")] = module_facts(b"x = 1\n", "")
    cache[("b", "")] = module_facts(b"x = 1\n" * 5, "")
    assert list(cache) == [("b", "")]


def test_facts_cache_replaced_entry_counts_its_bytes_once() -> None:
    cache = FactsCache(10, budget=100)
    cache[("a", "")] = module_facts(b"x = 1\n", "")
    cache[("a", "")] = module_facts(b"x = 22\n", "")
    assert cache.bytes == 7


def test_facts_cache_dropped_entry_frees_its_bytes() -> None:
    cache = FactsCache(1, budget=100)
    cache[("a", "")] = module_facts(b"x = 1\n", "")
    cache[("b", "")] = module_facts(b"x = 22\n", "")
    assert (list(cache), cache.bytes) == ([("b", "")], 7)


def test_replayed_from_only_parents_not_replayed_just_before() -> None:
    commits = [
        Commit("a", "s", (), ()),
        Commit("b", "s", (), ("a",)),
        Commit("c", "s", (), ("a",)),  # a branch from a: a is replayed from again
        Commit("m", "s", (), ("b", "c")),  # a merge whose first parent is b
    ]
    assert replayed_from(commits) == {"a", "b"}
