"""``commit-msg FILE`` answered at start-up when the message surely passes.

The hook runs on every ``git commit``. When the command line is only the message
file, the config is known (no ``pyproject.toml`` up to the repository top, or one
whose validated table the full command remembered, ``core/config_memo.py``) and
the message, cleaned with the rule's own code (``core/commit_text.py``) for the
repository's ``core.commentChar`` and ``commit.cleanup`` (the same ``git config``
process the full command runs), passes every check, the answer is 0 with
nothing printed, as the full command gives. Anything else (a flag, a violation,
a line that may name an AI, user patterns, a first line git writes itself, a
byte order mark) goes to :func:`constitution_hooks.cli.main`, which decides and
reports. No ``argparse``, ``re``, ``typing``, ``pathlib`` or ``subprocess``.
"""

from __future__ import annotations

import os

from constitution_hooks import fast_ai_words as words
from constitution_hooks.core import config_memo
from constitution_hooks.core.commit_text import (
    CONFIG_ARGUMENTS,
    DEFAULTS,
    body_glued,
    format_fault,
    hook_lines,
    measured,
    message_config,
    resolve_comment,
    split_header,
)

# Reason: typing only for mypy (mypy reads a TYPE_CHECKING block whatever
# defines the name); at run time the fast path never imports typing.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

# Reason: an ASCII line split into its letters-and-digits words, as the
# catalogue's matcher splits it (`[^\W_]+` is str.isalnum on ASCII).
_SEPARATORS = str.maketrans({chr(c): " " for c in range(128) if not chr(c).isalnum()})
# Reason: the ASCII characters `\s` matches (str.isspace), for the phrases.
_ASCII_BLANKS = "".join(chr(c) for c in range(128) if chr(c).isspace())
_BOT_MARKS = ("[bot]", "users.noreply.github.com")


def surely_clean(rest: list[str], cwd: str) -> bool:
    """Whether ``commit-msg`` with arguments ``rest`` in ``cwd`` exits 0 silently.

    False means "not sure", never "has violations": the full command decides
    (also when this path meets anything unexpected).

    Example:
        >>> import tempfile
        >>> folder = tempfile.mkdtemp()
        >>> path = os.path.join(folder, "MSG")
        >>> _ = open(path, "w").write("feat(api): add search\\n")
        >>> surely_clean([path], folder), surely_clean([path, "-v"], folder)
        (True, False)
    """
    try:
        return _surely_clean(rest, cwd)
    except Exception:  # Reason: the full command then decides and reports.
        return False


def _surely_clean(rest: list[str], cwd: str) -> bool:
    if len(rest) != 1 or rest[0].startswith("-"):
        return False
    settings = _settings(cwd)
    if settings is None:
        return False
    if not settings["enabled"]:
        return True
    try:
        with open(rest[0], "rb") as handle:
            # Reason: as the full command decodes it (git's default encoding).
            text = handle.read().decode("utf-8", "replace")
    except OSError:
        return False
    found = _git_message_config()
    if found is None:
        return False
    comment, cleanup = found
    lines, _, comments = hook_lines(text, resolve_comment(comment, text), cleanup)
    return passes(lines, tuple(line for _, line in comments), settings)


def passes(
    lines: tuple[str, ...], comments: tuple[str, ...], settings: dict[str, Any]
) -> bool:
    """Whether a cleaned message surely passes CON301-CON306 under ``settings``.

    ``settings`` are the table's resolved values (``DEFAULTS`` filled in).

    Example:
        >>> passes(("feat: add search",), (), DEFAULTS)
        True
        >>> passes(("feat: add search", "", "Made with Claude Code"), (), DEFAULTS)
        False
    """
    if not lines or lines[0].startswith("\ufeff"):
        return False
    header = lines[0]
    # Reason: a line git writes itself ("Merge ...", "fixup! ...") never splits,
    # so a split first line is judged by CON301-CON303 as the full command does.
    parts = split_header(header)
    if parts is None or parts[0] not in settings["types"]:
        return False
    if format_fault(parts, tuple(settings["scopes"]), settings["require-scope"]):
        return False
    if len(measured(header, parts, settings["length-of"])) > settings["max-length"]:
        return False
    if body_glued(lines):
        return False
    return not (
        settings["ai-references"] and _may_reference(lines + comments, settings)
    )


def _may_reference(lines: tuple[str, ...], settings: dict[str, Any]) -> bool:
    if settings["ai-patterns"]:
        return True
    if not settings["ai-builtin-patterns"]:
        return False
    return any(might_refer(line) for line in lines)


def might_refer(line: str) -> bool:
    """Whether CON304's catalogue or built-in phrases could find anything in ``line``.

    A necessary condition, cheap and without ``re``: every reference the matcher
    reports needs one of these in an ASCII line (lowercased): a word starting with
    a one-word name, all words of a longer name, a trailer address, an
    attribution key, a phrase's verb followed by a blank or preceded by "ai", a
    bot login, or the words "AI" and an agent word. A line that is not ASCII is
    always "maybe". ``ai-allow`` only removes references, so it is not needed to
    say "none".

    Example:
        >>> might_refer("fix: handle empty query"), might_refer("use Copilot here")
        (False, True)
        >>> might_refer("Signed-off-by: Jane Roe <jane@example.org>")
        False
    """
    if not line.isascii():
        return True
    lower = line.lower()
    if _phrase(lower):
        return True
    if any(key in lower for key in words.ATTRIBUTION_KEYS):
        return True
    if "@" in lower and any(address in lower for address in words.ADDRESSES):
        return True
    if any(mark in lower for mark in _BOT_MARKS) and (
        "ai" in lower or any(login in lower for login in words.LOGINS)
    ):
        return True
    return _names(lower.translate(_SEPARATORS).split())


def _names(split: list[str]) -> bool:
    """Whether the words could start a catalogue name, or say "AI" and "agent"."""
    seen = set(split)
    if "ai" in seen and not seen.isdisjoint(words.AGENT_WORDS):
        return True
    # Reason: a prefix, because code names and attached versions count too
    # ("ClineProvider", "qwen3"); the longest one-word name has 13 letters.
    for word in split:
        for size in words.SINGLE_SIZES:
            if size > len(word):
                break
            if word[:size] in words.SINGLE:
                return True
    return any(
        all(part in seen for part in name)
        for first in seen.intersection(words.MULTI)
        for name in words.MULTI[first]
    )


def _phrase(lower: str) -> bool:
    """Whether a built-in phrase could match: a verb then a blank, or "ai" before."""
    for verb in words.PHRASE_VERBS:
        at = lower.find(verb)
        while at >= 0:
            after = lower[at + len(verb) : at + len(verb) + 1]
            before = lower[:at].rstrip(_ASCII_BLANKS + "-")
            if after.isspace() or (len(before) < at and before.endswith("ai")):
                return True
            at = lower.find(verb, at + 1)
    return False


def _settings(cwd: str) -> dict[str, Any] | None:
    """The table as the full command would resolve it, or None: not known."""
    folder = cwd
    while True:
        candidate = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(candidate):
            return _usable(config_memo.recall(candidate))
        if os.path.exists(os.path.join(folder, ".git")):
            return DEFAULTS
        parent = os.path.dirname(folder)
        if parent == folder:
            return DEFAULTS
        folder = parent


def _usable(values: dict[str, Any] | None) -> dict[str, Any] | None:
    """The remembered table when it has exactly the keys and kinds of the defaults."""
    if values is None or values.keys() != DEFAULTS.keys():
        return None
    for key, default in DEFAULTS.items():
        kind = tuple if isinstance(default, (list, tuple)) else type(default)
        if type(values[key]) is not kind:
            return None
    return values


def _git_message_config() -> tuple[str, str] | None:
    """What the full command's one ``git config`` call gives, or None: not sure."""
    git = which("git")
    if git is None:
        return None
    if not git:
        return "#", "default"
    try:
        output, code = _run(git, CONFIG_ARGUMENTS)
    except (OSError, ValueError):
        return None
    # Reason: git config exits 1 when no key is set: git's defaults apply.
    return message_config(output) if code == 0 else ("#", "default")


def _run(executable: str, arguments: tuple[str, ...]) -> tuple[bytes, int]:
    """Run a program with the environment the full command gives git."""
    read, write = os.pipe()
    if min(read, write) <= 2:
        os.close(read)
        os.close(write)
        raise OSError("a standard stream is closed")
    try:
        pid = os.posix_spawn(
            executable,
            [executable, *arguments],
            {**os.environ, "GIT_OPTIONAL_LOCKS": "0"},
            file_actions=[
                (os.POSIX_SPAWN_DUP2, write, 1),
                (os.POSIX_SPAWN_OPEN, 2, os.devnull, os.O_WRONLY, 0),
            ],
        )
    except BaseException:
        os.close(read)
        raise
    finally:
        os.close(write)
    chunks = []
    with open(read, "rb", buffering=0) as pipe:
        while chunk := pipe.read(65536):
            chunks.append(chunk)
    _, status = os.waitpid(pid, 0)
    return b"".join(chunks), os.waitstatus_to_exitcode(status)


def which(name: str) -> str | None:
    """Find ``name`` on ``PATH`` as ``shutil.which`` does; "" when it is not there.

    None means "not sure" (no ``PATH``: shutil then asks the system).

    Example:
        >>> which("git") == (__import__("shutil").which("git") or "")
        True
    """
    path = os.environ.get("PATH")
    if path is None or not hasattr(os, "posix_spawn"):
        return None
    seen = set()
    for folder in path.split(os.pathsep) if path else ():
        if folder in seen:
            continue
        seen.add(folder)
        candidate = os.path.join(folder, name)
        if (
            os.path.exists(candidate)
            and os.access(candidate, os.X_OK)
            and not os.path.isdir(candidate)
        ):
            return candidate
    return ""
