"""Run file rules over files: each file read once, parsed at most once."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from constitution_hooks.core.cache import CACHE_DIR, ResultCache, context_for
from constitution_hooks.core.config import Config, Settings
from constitution_hooks.core.files import discover, is_excluded
from constitution_hooks.core.parallel import run_checks
from constitution_hooks.core.progress import Progress
from constitution_hooks.core.registry import Rule
from constitution_hooks.core.source import SourceFile, SourceUnreadableError
from constitution_hooks.core.symbols import Project
from constitution_hooks.core.violation import Violation
from constitution_hooks.core.waivers import apply_waivers

if TYPE_CHECKING:
    from constitution_hooks.core.baseline import Fingerprinter

SYNTAX_ERROR = ("CON001", "syntax-error")
UNREADABLE = ("CON002", "unreadable-file")
INTERNAL_ERROR = ("CON003", "internal-error")


def check_files(
    paths: Iterable[str],
    config: Config,
    rules: Iterable[Rule],
    jobs: int | None = 1,
    use_cache: bool = False,
    *,
    known: Sequence[Rule],
    configs: Callable[[str], Config] | None = None,
    anchors: Fingerprinter | None = None,
    keep: dict[str, SourceFile] | None = None,
    spans: bool = False,
) -> list[Violation]:
    """Check every file with every enabled file rule (CON001/CON002 if among them).

    Args:
        paths: The files to check, as they should be reported.
        config: The resolved config.
        rules: The selected rules; rules without a check are skipped.
        jobs: Worker processes; None picks one per CPU on a large run.
        use_cache: Look results up in, and store them to, ``.constitution_cache``.
        known: Every rule a waiver may name (the registry; core does not import it).
        configs: Each file's own config (its project's, in a monorepo); without
            it ``config`` decides every file.
        anchors: When a baseline will judge the result, fill in each
            violation's anchor and size from the tree already parsed.
        keep: Filled with the files checked in this process (TDD pairing shares them).
        spans: Give violations their definition's ``end_line`` (for ``--diff-base``).

    Returns:
        Violations sorted by path, line, column and code.

    Example:
        >>> check_files([], Config(Path("."), None, ()), [], known=[])
        []
    """
    rules, known = tuple(rules), tuple(known)
    groups = _by_project(list(paths), config, configs)
    progress = Progress(sum(len(group[1]) for group in groups.values()), "files")
    found: list[Violation] = []
    try:
        for project, members in groups.values():
            check, cache = _checker(project, rules, known, use_cache, anchors, spans)
            check.keep = keep
            found += _check_members(check, members, jobs, cache, progress.advance)
    finally:
        progress.close()
    return sorted(found)


def _check_members(
    check: FileChecker,
    members: list[str],
    jobs: int | None,
    cache: ResultCache | None,
    done: Callable[[int], None],
) -> list[Violation]:
    """The members' violations; those whose result reads other files skip the cache."""
    fresh = _reading_others(check.active, members)
    kept = [path for path in members if path not in fresh]
    found = run_checks(kept, check, jobs, cache, done)
    if fresh:
        found += run_checks(sorted(fresh), check, jobs, None, done)
    return found


def _by_project(
    paths: list[str], config: Config, configs: Callable[[str], Config] | None
) -> dict[str, tuple[Config, list[str]]]:
    """Paths grouped by the config that decides them, each project's excludes off."""
    if configs is None:
        return {"": (config, paths)}
    groups: dict[str, tuple[Config, list[str]]] = {}
    for path in paths:
        project = configs(path)
        if project is not config and is_excluded(path, project.exclude, project.root):
            continue
        groups.setdefault(str(project.root), (project, []))[1].append(path)
    return groups


def _checker(
    config: Config,
    rules: tuple[Rule, ...],
    known: tuple[Rule, ...],
    use_cache: bool,
    anchors: Fingerprinter | None,
    spans: bool = False,
) -> tuple[FileChecker, ResultCache | None]:
    codes = {rule.code for rule in rules}
    active = [
        (rule, config.sections.get(rule.section, Settings({})))
        for rule in rules
        if rule.check is not None and config.enabled(rule.section)
    ]
    # Reason: a run parses only when a rule needs the tree; CON001 asked for with
    # no checking rule (--select CON001) is one.
    parses = any(rule.needs_tree for rule, _ in active) or not active
    syntax = codes & {SYNTAX_ERROR[0]} if parses else set()
    checked = frozenset({rule.code for rule, _ in active} | syntax)
    scope = (config.root, config.exclude)
    check = FileChecker(tuple(active), frozenset(codes), checked, known, anchors, scope)
    check.spans = spans
    cache = None
    if use_cache:
        # Reason: the context names the project, so each keys its own results;
        # anchored results are another context than plain ones.
        context = context_for(config, codes) + repr(
            (str(config.root), anchors is not None, spans)
        )
        cache = ResultCache(project_root(config) / CACHE_DIR, context, check.markers())
    return check, cache


def project_root(config: Config) -> Path:
    """The folder of the config file; without one, the repository top or here.

    Example:
        >>> project_root(Config(Path("/"), None, ())) == Path("/")
        True
    """
    if config.source is not None:
        return config.root
    for folder in (config.root, *config.root.parents):
        if (folder / ".git").exists():
            return folder
    return config.root


class FileChecker:
    """Check one file: path in, its violations out (picklable for worker processes).

    Waivers are applied here, per file, so cached and parallel runs waive alike.
    A plain class, not a dataclass: generating dataclass methods costs start-up time.

    Example:
        >>> FileChecker((), frozenset(), frozenset(), ())("no-such-file.py")
        []
    """

    def __init__(
        self,
        active: tuple[tuple[Rule, Settings], ...],
        codes: frozenset[str],
        checked: frozenset[str],
        known: tuple[Rule, ...],
        anchors: Fingerprinter | None = None,
        scope: tuple[Path, tuple[str, ...]] = (Path("."), ()),
    ) -> None:
        """Run ``active`` rules, keep ``codes``; ``checked`` judges unused waivers.

        ``known`` is every rule a waiver may name; ``anchors`` fills in anchors;
        ``scope`` (the config's root and excludes) says which files form the
        project of cross-module rules.
        """
        self.active = active
        self.codes = codes
        self.checked = checked
        self.known = known
        self.anchors = anchors
        self.scope = scope
        self.keep: dict[str, SourceFile] | None = None
        self.spans = False
        self._pid = os.getpid()

    def markers(self) -> tuple[bytes, ...]:
        """The project markers of the active rules (see ``Rule.project_marker``)."""
        return tuple({rule.project_marker for rule, _ in self.active} - {b""})

    def __call__(self, path: str, data: bytes | None = None) -> list[Violation]:
        """Return the violations of one file (``data``: its bytes, if read)."""
        source = (
            SourceFile(Path(path), path)
            if data is None
            else SourceFile.from_bytes(path, data)
        )
        markers = self.markers()
        if markers and _contains(source, markers):
            source.project = run_project(*self.scope)
            source.project.add(source)
        active = list(self.active)
        parse = SYNTAX_ERROR[0] in self.checked
        found = [v for v in _check_one(source, active, parse) if v.code in self.codes]
        waived = apply_waivers(source, found, self.checked, self.known)
        kept = [v for v in waived if v.code in self.codes]
        if self.anchors is not None:
            kept = [self.anchors.anchor(v, source) for v in kept]
        if self.spans:
            kept = [_with_end_line(v, source) for v in kept]
        # Reason: a worker's files would stay in the worker, out of reach.
        if self.keep is not None and os.getpid() == self._pid:
            self.keep[path] = source
        return kept


def _with_end_line(violation: Violation, source: SourceFile) -> Violation:
    """``violation`` with the last line of the definition on its line, or its own."""
    try:
        definitions = source.definitions
    except (SourceUnreadableError, SyntaxError, RecursionError, MemoryError):
        return violation._replace(end_line=violation.line)
    ends = (d.end_line for d in definitions if d.line == violation.line)
    return violation._replace(end_line=max(ends, default=violation.line))


def _reading_others(
    active: Sequence[tuple[Rule, Settings]], paths: Sequence[str]
) -> set[str]:
    """The paths whose result also reads other files (CON503: a package's README).

    Their own bytes and stat say nothing of those files, so the cache never
    answers them; they are few (``__init__.py`` files) and cheap to check.
    """
    readers = [rule.inputs for rule, _ in active if rule.inputs is not None]
    return {path for path in paths if any(read(path) for read in readers)}


def _contains(source: SourceFile, markers: tuple[bytes, ...]) -> bool:
    try:
        return any(marker in source.data for marker in markers)
    except SourceUnreadableError:
        return False


@lru_cache(maxsize=4)
def run_project(root: Path, exclude: tuple[str, ...]) -> Project:
    """Every Python file of the repository (as ``--all-files``), listed when needed.

    One per process and run: the files are listed and parsed at most once.

    Example:
        >>> run_project(Path("."), ()) is run_project(Path("."), ())
        True
    """
    return Project(lambda: discover([], True, exclude, root))


def _check_one(
    source: SourceFile, active: list[tuple[Rule, Settings]], parse: bool = False
) -> Iterator[Violation]:
    try:
        source.text  # noqa: B018 -- reads and decodes the file once
    except SourceUnreadableError as error:
        yield Violation(source.display, 1, 1, *UNREADABLE, f"file {error}")
        return
    if parse or any(rule.needs_tree for rule, _ in active):
        yield from _parse(source)
    for rule, settings in active:
        try:
            # Reason: only rules with a check are active; mypy cannot see it.
            for finding in rule.check(source, settings):  # type: ignore[misc]
                yield rule.at(source.display, finding)
        except (SyntaxError, RecursionError, MemoryError):
            # Reason: the file's parse failure is already CON001 above; a rule that
            # needs the tree has nothing to judge.
            continue
        # Reason: a bug in one rule must not end the run or hide the other rules'
        # findings: it becomes a finding that names the rule and the file.
        except Exception as error:
            yield Violation(
                source.display, 1, 1, *INTERNAL_ERROR, _internal(rule, error)
            )


def _internal(rule: Rule, error: Exception) -> str:
    return (
        f"internal error in rule {rule.code} ({rule.id}) on this file:"
        f" {type(error).__name__}: {error}; please report it"
    )


def _parse(source: SourceFile) -> Iterator[Violation]:
    try:
        source.tree  # noqa: B018 -- parses once; every rule shares the tree
    except SyntaxError as error:
        yield _syntax_violation(source.display, error)
    except RecursionError:
        message = "file is too deeply nested for Python's parser"
        yield Violation(source.display, 1, 1, *SYNTAX_ERROR, message)
    except MemoryError:
        message = "file is too large for Python's parser"
        yield Violation(source.display, 1, 1, *SYNTAX_ERROR, message)


def _syntax_violation(display: str, error: SyntaxError) -> Violation:
    line = error.lineno or 1
    column = error.offset if error.offset and error.offset > 0 else 1
    return Violation(display, line, column, *SYNTAX_ERROR, syntax_message(error.msg))


def syntax_message(reason: str) -> str:
    """CON001's message: the interpreter that judged, and how to pick another.

    Example:
        >>> syntax_message("invalid syntax").startswith("syntax error under Python 3.")
        True
    """
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    return (
        f"syntax error under Python {version}: {reason}; if the project targets a"
        " newer Python, set the hook's language_version (or default_language_version)"
        " in .pre-commit-config.yaml to it, e.g. python3.13"
    )
