"""Every git call, with argument lists (never a shell) and ``-z`` output."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from constitution_hooks.core.errors import UsageError
from constitution_hooks.core.git_exec import git_executable


class GitError(UsageError):
    """Git failed or is missing where it is needed (exit code 2)."""


def run_git(
    args: list[str],
    cwd: Path | None = None,
    stdin: bytes | None = None,
    accept: tuple[int, ...] = (0,),
) -> bytes:
    """Run ``git`` with ``args`` and return its standard output.

    Args:
        args: Arguments after ``git``.
        cwd: The folder to run in (default: the current folder).
        stdin: Bytes fed to git's standard input, if any.
        accept: Exit codes that are answers, not failures (``check-ignore`` exits 1).

    Returns:
        The raw standard output.

    Raises:
        GitError: If git is not installed or exits non-zero (with git's reason).

    Example:
        >>> run_git(["--version"]).startswith(b"git version")
        True
    """
    # Reason: git is run with argument lists, never through a shell.
    import subprocess  # nosec B404

    executable = git_executable()
    # Reason: every call here only reads; with optional locks off git never
    # rewrites the index to refresh its stat data (as editors run it).
    env = {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}
    command = [executable, *args]
    try:
        result = subprocess.run(  # nosec B603  # Reason: argv list, no shell
            command, cwd=cwd, input=stdin, capture_output=True, check=False, env=env
        )
    except ValueError as error:
        raise GitError(f"git {_named(args)} failed: {error}") from error
    if result.returncode not in accept:
        reason = result.stderr.decode("utf-8", "replace").strip().splitlines()
        detail = reason[-1] if reason else f"exit code {result.returncode}"
        raise GitError(f"git {_named(args)} failed: {detail}")
    return result.stdout


def _named(args: list[str]) -> str:
    """The subcommand and its first argument, ``-c key=value`` pairs skipped."""
    while len(args) > 1 and args[0] == "-c":
        args = args[2:]
    return " ".join(args[:2])


def split_z(output: bytes) -> list[str]:
    """Split NUL-terminated git output into paths (non-UTF-8 names kept as escapes).

    Example:
        >>> split_z(b"a.py\\x00b c.py\\x00")
        ['a.py', 'b c.py']
    """
    return [
        os_path
        for os_path in output.decode("utf-8", "surrogateescape").split("\0")
        if os_path
    ]


def inside_work_tree(cwd: Path | None = None) -> bool:
    """Return whether ``cwd`` is inside a git work tree (False if git is missing).

    Example:
        >>> import tempfile; folder = Path(tempfile.mkdtemp())
        >>> inside_work_tree(folder)
        False
        >>> _ = run_git(["init", "-q"], folder)
        >>> inside_work_tree(folder)
        True
    """
    return work_tree_root(cwd) is not None


def work_tree_root(cwd: Path | None = None) -> Path | None:
    """The work tree's top (resolved); None in a ``.git`` folder, outside one, no git.

    Example:
        >>> work_tree_root() == repository_root()
        True
    """
    try:
        top = run_git(["rev-parse", "--show-toplevel"], cwd).rstrip(b"\n")
    except GitError:
        return None
    return Path(os.fsdecode(top)).resolve() if top else None


def tracked_files(cwd: Path | None = None) -> list[str]:
    """List tracked files below ``cwd``, relative to it.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> _ = (repo / "a b.py").write_text(""), (repo / "new.py").write_text("")
        >>> _ = run_git(["add", "a b.py"], repo)
        >>> tracked_files(repo)
        ['a b.py']
    """
    return split_z(run_git(["ls-files", "-z", "--cached", "--"], cwd))


def comment_string(cwd: Path | None = None) -> str:
    """Return the comment prefix git uses in commit messages (``#`` by default).

    ``core.commentChar`` and ``core.commentString`` (git 2.45) set the same thing;
    the last one git reads wins. The value may be ``auto``.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> _ = run_git(["config", "core.commentChar", ";"], repo)
        >>> comment_string(repo)
        ';'
    """
    try:
        output = run_git(
            ["config", "-z", "--get-regexp", r"^core\.comment(char|string)$"], cwd
        )
    except GitError:
        # Reason: git config exits 1 when the keys are unset: git's default applies.
        return "#"
    entries = [e for e in output.decode("utf-8", "replace").split("\0") if e]
    value = entries[-1].partition("\n")[2] if entries else ""
    return value or "#"


def current_branch(cwd: Path | None = None) -> str:
    """Return the checked-out branch (unborn included), ``""`` on a detached HEAD.

    Raises:
        GitError: Outside a git repository.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q", "-b", "feature/search"], repo)
        >>> current_branch(repo)
        'feature/search'
    """
    return run_git(["branch", "--show-current"], cwd).decode("utf-8", "replace").strip()


def branch_exists(name: str, cwd: Path | None = None) -> bool:
    """Return whether ``refs/heads/<name>`` exists (False for an unborn branch).

    Example:
        >>> branch_exists("no/such/branch/here")
        False
    """
    ref = f"refs/heads/{name}"
    output = run_git(["for-each-ref", "--format=%(refname)", ref], cwd)
    return ref in output.decode("utf-8", "replace").splitlines()


class LoggedCommit(NamedTuple):
    """One commit of a range: its short sha and its stored message.

    Example:
        >>> LoggedCommit("a1b2c3d", "feat: x\\n").sha
        'a1b2c3d'
    """

    sha: str
    message: str


def commit_log(rev_range: str, cwd: Path | None = None) -> list[LoggedCommit]:
    """List the commits of ``rev_range`` with one or no parent, newest first.

    One ``git log`` call; commits with two or more parents (merges) are skipped.

    Raises:
        GitError: For an unknown revision, with git's reason.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = run_git([*who, "commit", "-q", "--allow-empty", "-mfeat: add a"], repo)
        >>> [commit.message for commit in commit_log("HEAD", repo)]
        ['feat: add a\\n']
    """
    output = run_git(
        [
            "log",
            "--no-merges",
            "--no-show-signature",  # Reason: log.showSignature adds lines
            "-z",
            "--format=%h%n%B",
            # Reason: a range starting with '-' must never be read as an option.
            "--end-of-options",
            rev_range,
            "--",
        ],
        cwd,
    )
    records = output.decode("utf-8", "replace").split("\0")
    return [LoggedCommit(*record.split("\n", 1)) for record in records if record]


def repository_root(cwd: Path | None = None) -> Path:
    """Return the top folder of the work tree (resolved).

    Example:
        >>> repository_root().is_dir()
        True
    """
    top = run_git(["rev-parse", "--show-toplevel"], cwd).rstrip(b"\n")
    return Path(os.fsdecode(top)).resolve()


def verify_commit(rev: str, cwd: Path | None = None) -> str:
    """Return the full id of the commit ``rev`` names, or raise ``GitError``.

    Revisions from flags, the environment or config go through here first:
    after ``--end-of-options``, ``--output=x`` is a name, never an option.

    Raises:
        GitError: If ``rev`` names no commit of this repository.

    Example:
        >>> len(verify_commit("HEAD"))
        40
    """
    args = ["rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}"]
    try:
        output = run_git(args, cwd)
    except GitError:
        raise GitError(
            f"{rev!r} is not a commit in this repository: pass a branch, a tag or"
            " a commit id"
        ) from None
    return output.decode("ascii", "replace").strip()


def merge_base(rev: str, cwd: Path | None = None, tip: str = "HEAD") -> str:
    """Return the commit where ``tip``'s history (default HEAD) meets ``rev``'s.

    Example:
        >>> len(merge_base("HEAD"))
        40
    """
    output = run_git(["merge-base", "--end-of-options", rev, tip], cwd)
    return output.decode("ascii", "replace").strip()


NULL_SHA = "0" * 40
GITLINK = b"160000"


class Change(NamedTuple):
    """One file of a raw diff: status letter, paths and blob ids before and after.

    Attributes:
        status: ``A``, ``M``, ``D``, ``R``, ``C`` or ``T`` (rename score dropped).
        old_path: The path before (the same as ``path`` unless renamed or copied).
        path: The path after.
        old_blob: The blob before (``NULL_SHA`` when added).
        new_blob: The blob after (``NULL_SHA`` when deleted).

    Example:
        >>> Change("A", "a.py", "a.py", NULL_SHA, "f" * 40).status
        'A'
    """

    status: str
    old_path: str
    path: str
    old_blob: str
    new_blob: str


class Commit(NamedTuple):
    """One commit of a ``git log`` stream with its raw changes.

    Attributes:
        waivers: The values of its ``Constitution-Waiver:`` trailers.

    Example:
        >>> Commit("ab" * 20, "feat: x", ()).subject
        'feat: x'
    """

    sha: str
    subject: str
    changes: tuple[Change, ...]
    parents: tuple[str, ...] = ()
    waivers: tuple[str, ...] = ()


def _decode(raw: bytes) -> str:
    return raw.decode("utf-8", "surrogateescape")


def parse_raw(tokens: list[bytes]) -> list[Change]:
    """Parse ``--raw -z`` diff records already split on NUL.

    Example:
        >>> meta = b":100644 100644 " + b"1" * 40 + b" " + b"2" * 40 + b" M"
        >>> [c.path for c in parse_raw([meta, b"a.py"])]
        ['a.py']
    """
    changes: list[Change] = []
    index = 0
    while index < len(tokens):
        meta = tokens[index].strip()
        index += 1
        if not meta.startswith(b":"):
            continue
        fields = meta[1:].split(b" ")
        status = _decode(fields[4])[:1]
        # Reason: renames and copies carry two paths (from, to); all others one.
        count = 2 if status in "RC" else 1
        paths = [_decode(t) for t in tokens[index : index + count]]
        index += count
        if GITLINK in fields[:2]:
            continue
        old_blob, new_blob = _decode(fields[2]), _decode(fields[3])
        changes.append(Change(status, paths[0], paths[-1], old_blob, new_blob))
    return changes


def has_commit(rev: str, cwd: Path | None = None) -> bool:
    """Return whether ``rev`` names a commit present in this clone.

    Example:
        >>> has_commit("no-such-revision-anywhere")
        False
    """
    try:
        args = ["rev-parse", "--verify", "--quiet", "--end-of-options"]
        run_git([*args, f"{rev}^{{commit}}"], cwd)
    except GitError:
        return False
    return True


def index_entries(cwd: Path | None = None) -> dict[str, str]:
    """Map every path in the index (what the next commit holds) to its blob id.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> _ = (repo / "a.py").write_text("x = 1\\n"), run_git(["add", "a.py"], repo)
        >>> index_entries(repo)
        {'a.py': '7d4290a117a4ddcc11daae7ea675841033830c8f'}
    """
    entries: dict[str, str] = {}
    for record in run_git(["ls-files", "-z", "-s", "--full-name"], cwd).split(b"\0"):
        meta, _, path = record.partition(b"\t")
        # Reason: a gitlink (mode 160000) is a submodule's commit, not a file here.
        if record and not meta.startswith(GITLINK):
            entries[_decode(path)] = _decode(meta.split(b" ")[1])
    return entries


def tree_entries(rev: str, cwd: Path | None = None) -> dict[str, str]:
    """Map every file path of commit ``rev`` to its blob id.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> _ = (repo / "a.py").write_text("x = 1\\n"), run_git(["add", "a.py"], repo)
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = run_git([*who, "commit", "-q", "-m", "feat: add a"], repo)
        >>> tree_entries("HEAD", repo)
        {'a.py': '7d4290a117a4ddcc11daae7ea675841033830c8f'}
    """
    entries: dict[str, str] = {}
    output = run_git(
        ["ls-tree", "-r", "-z", "--full-tree", "--end-of-options", rev], cwd
    )
    for record in output.split(b"\0"):
        meta, _, path = record.partition(b"\t")
        fields = meta.split(b" ")
        if len(fields) == 3 and fields[1] == b"blob":
            entries[_decode(path)] = _decode(fields[2])
    return entries


def staged_changes(cwd: Path | None = None) -> list[Change]:
    """List the staged changes (index against HEAD, or everything before a commit).

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> _ = (repo / "a.py").write_text("x = 1\\n"), run_git(["add", "a.py"], repo)
        >>> [(change.status, change.path) for change in staged_changes(repo)]
        [('A', 'a.py')]
    """
    args = ["diff", "--cached", "--raw", "-z", "-M", "--no-abbrev", "--no-ext-diff"]
    return parse_raw(run_git(args, cwd).split(b"\0"))


def read_blobs(shas: Iterable[str], cwd: Path | None = None) -> dict[str, bytes]:
    """Read many blobs with one ``git cat-file --batch`` process.

    Example:
        >>> read_blobs([])
        {}
    """
    wanted = list(dict.fromkeys(shas))
    if not wanted:
        return {}
    output = run_git(["cat-file", "--batch"], cwd, ("\n".join(wanted) + "\n").encode())
    blobs: dict[str, bytes] = {}
    position = 0
    for sha in wanted:
        end = output.index(b"\n", position)
        header = output[position:end].split(b" ")
        position = end + 1
        if len(header) == 3:
            size = int(header[2])
            blobs[sha] = output[position : position + size]
            position += size + 1
    return blobs


def log_changes(range_args: list[str], cwd: Path | None = None) -> list[Commit]:
    """Stream the commits of a range, parents before children, with raw changes.

    Merge commits carry their parents and their diff against the first parent.

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> _ = (repo / "a.py").write_text("x = 1\\n"), run_git(["add", "a.py"], repo)
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = run_git([*who, "commit", "-q", "-m", "feat: add a"], repo)
        >>> [(c.subject, [x.path for x in c.changes]) for c in log_changes(["@"], repo)]
        [('feat: add a', ['a.py'])]
    """
    args = ["log", "--no-show-signature", "--root", "--reverse", "--topo-order"]
    args += ["--raw", "-z", "-M", "--no-abbrev", "--diff-merges=first-parent"]
    trailers = "%(trailers:key=Constitution-Waiver,valueonly,separator=%x03)"
    args += [f"--format=%x01%H%x02%P%x02{trailers}%x02%s", "--end-of-options"]
    args += range_args
    commits: list[Commit] = []
    for chunk in run_git([*args, "--"], cwd).split(b"\x01")[1:]:
        tokens = chunk.split(b"\0")
        sha, parents, waivers, subject = _decode(tokens[0]).split("\x02", 3)
        changes = tuple(parse_raw(tokens[1:]))
        found = tuple(w.strip() for w in waivers.split("\x03") if w.strip())
        commits.append(Commit(sha, subject, changes, tuple(parents.split()), found))
    return commits


def is_shallow(cwd: Path | None = None) -> bool:
    """Return whether this clone is shallow (history cut off below some commit).

    Example:
        >>> import tempfile; repo = Path(tempfile.mkdtemp())
        >>> _ = run_git(["init", "-q"], repo)
        >>> who = ["-c", "user.name=A", "-c", "user.email=a@example.invalid"]
        >>> _ = run_git([*who, "commit", "-q", "--allow-empty", "-mfeat: add a"], repo)
        >>> _ = run_git(["clone", "-q", "--depth=1", f"file://{repo}", "c"], repo)
        >>> is_shallow(repo), is_shallow(repo / "c")
        (False, True)
    """
    output = run_git(["rev-parse", "--is-shallow-repository"], cwd)
    return output.strip() == b"true"


def ignored(paths: Iterable[str], cwd: Path | None = None) -> set[str]:
    """Which of ``paths`` the repository's ignore rules match, tracked or not.

    The user's global excludes file is left out: it differs per machine.

    Example:
        >>> ignored([]) == set()
        True
    """
    stdin = "".join(f"{path}\0" for path in paths).encode("utf-8", "surrogateescape")
    args = ["-c", "core.excludesFile=", "check-ignore", "--no-index", "--stdin", "-z"]
    return set(split_z(run_git(args, cwd, stdin, accept=(0, 1)))) if stdin else set()
