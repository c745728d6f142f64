"""Patch parsing: hunks are read by their headers' counts, never by line prefixes."""

from __future__ import annotations

from constitution_hooks.core.patch import parse_patch, unquote_path


def test_parse_patch_counts_hunk_lines_not_prefixes() -> None:
    patch = (
        b"diff --git a/m.py b/m.py\n--- a/m.py\n+++ b/m.py\n"
        b"@@ -1,2 +1,3 @@\n--- a/x\n-+++ b/y\n"
        b"+++ b/z\n+diff --git a/q b/q\n+@@ -1 +1 @@\n"
        b"diff --git a/n.py b/n.py\n--- a/n.py\n+++ b/n.py\n@@ -0,0 +1 @@\n+x\n"
    )
    assert dict(parse_patch(patch)) == {
        "m.py": frozenset({1, 2, 3}),
        "n.py": frozenset({1}),
    }


def test_parse_patch_suppressed_blank_context_line_stays_body() -> None:
    patch = b"+++ b/a.py\n@@ -1,3 +1,3 @@\n\n-x\n+y\n\n+++ b/q.py\n"
    assert dict(parse_patch(patch)) == {
        "a.py": frozenset({1, 2, 3}),
        "q.py": frozenset(),
    }


def test_parse_patch_deleted_file_left_out() -> None:
    patch = b"--- a/a.py\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    assert dict(parse_patch(patch)) == {}


def test_unquote_path_octal_escape_decoded() -> None:
    assert unquote_path('"b/caf\\303\\251.py"') == "b/café.py"
