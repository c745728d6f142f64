"""Build a ProjectFiles from plain text, as the index would hold it."""

from __future__ import annotations

from constitution_hooks.rules.project.files import ProjectFiles


def project_files(
    contents: dict[str, str] | None = None,
    tracked: tuple[str, ...] = (),
    env_ignored: bool = True,
    prefix: str = "",
) -> ProjectFiles:
    """Every file of ``contents`` tracked and readable, plus the ``tracked`` paths."""
    contents = contents or {}
    blobs = {path: text.encode() for path, text in contents.items()}
    paths = frozenset({*contents, *tracked})
    return ProjectFiles(prefix, paths, blobs, env_ignored)
