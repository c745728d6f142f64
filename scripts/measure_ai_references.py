"""Measure CON304 on real histories: recall on AI credits and names, false alarms.

Each commit gets two verdicts. The hook's: ``find_ai_references`` over every line
of the stored message, as ``commit-msg --range`` judges it. The reference's: an
independent, deliberately broad labeller written here (its own word list, no
context rules, no catalogue), corrected by a reviewed labels file where a person
read the commit and decided. Disagreements are printed for review with
``--show disagreements``; every one of them was read for docs/ai-references.md.

Labels: ``attribution`` (a trailer, stamp or subject prefix credits an AI tool),
``mention`` (the text names an AI tool, bot, vendor, model or gateway), or neither.

Usage: python scripts/measure_ai_references.py [--recent N] [--older M]
           [--labels TSV] [--show disagreements|misses|false-positives] CLONE...
"""

from __future__ import annotations

import argparse
import re
import subprocess  # nosec B404  # Reason: git is run with argv lists
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import NamedTuple

from constitution_hooks.rules.commit.ai_references import (
    DEFAULT_PATTERNS,
    compile_patterns,
    find_ai_references,
)

PATTERNS = compile_patterns(DEFAULT_PATTERNS)
ATTRIBUTION_KINDS = ("trailer", "stamp", "prefix", "address", "phrase")
# Reason: the reference's own vocabulary, broader than the catalogue and matched
# without context; "Title" words count only capitalised (Cursor, not a cursor).
_ALWAYS_WORDS = (
    "anthropic openai chatgpt gpt-?[0-9][a-z0-9.-]* claude[- ]?code copilot codex"
    " aider openhands opendevin opencode termai cline roo[- ]?code roomote kilocode"
    " gemini[- ]cli gemini-code-assist jules devin-ai windsurf codeium tabnine"
    " codewhisperer amazon[- ]q ampcode greptile coderabbit[a-z]* ellipsis-dev"
    " cubic-dev-ai sourcery-ai qodo codiumai korbit plandex mentat swe-agent gptme"
    " deepseek qwen[0-9a-z.-]* qwq mixtral codestral devstral magistral kimi[- ]k[0-9]"
    " glm-?[0-9][0-9.]* grok[- ]?[0-9][0-9.]* llama[- ]?[0-9][0-9.]* codellama"
    " ollama openrouter litellm vllm lm[- ]?studio huggingface hugging[- ]face"
    " groq cerebras fireworks[- .]ai together[- .]ai moonshot zhipu dashscope"
    " minimax gemma[- ]?[0-9] phi-[0-9] sonnet[- ][0-9] opus[- ][0-9] haiku[- ][0-9]"
    " o[134]-mini o[13]-pro o1-preview mistral[- ]vibe stilla detail-app"
    " hyperlint codeflash aikido-autofix gemini[- ]?[0-9] bedrock vertex[- ]ai"
    " nemotron starcoder jetbrains[- ]ai junie kiro augment[- ]?code factory[- ]droid"
)
ALWAYS = _ALWAYS_WORDS.split()
_TITLE_WORDS = (
    "Claude Cursor Continue Crush Goose Amp Gemini Devin Jules Mistral Grok Kimi"
    " Cody Warp Trae"
)
TITLE = _TITLE_WORDS.split()
TRAILER = re.compile(r"\s*([A-Za-z][\w-]{0,60})\s*:\s*(.*)")
STAMP = re.compile(
    r"\W{0,8}(?:generated|created|made|written|built|coded|authored|assisted)"
    r"\s(?:with|by|using|via)\s",
    re.IGNORECASE,
)
PREFIX = re.compile(r"(?i)(aider|🤖 plandex)\b")
NOT_AI = re.compile(
    r"dependabot|renovate|pre-commit-ci|github-actions|snyk|robot|release", re.I
)
_ALWAYS = re.compile(r"(?<![\w.@-])(?:" + "|".join(ALWAYS) + r")", re.IGNORECASE)
_TITLE = re.compile(r"(?<![\w.@-])(?:" + "|".join(TITLE) + r")\b")


class Commit(NamedTuple):
    """One commit of the corpus: where it is from and its stored message."""

    repo: str
    sha: str
    message: str


class Verdict(NamedTuple):
    """Whether a commit credits an AI (attribution) or names one (mention)."""

    attribution: bool
    mention: bool


def commits(clone: Path, recent: int, older: int) -> Iterator[Commit]:
    """The ``recent`` newest non-merge commits and ``older`` spread over the rest.

    Example:
        >>> callable(commits)
        True
    """
    listed = _git(clone, "rev-list", "--no-merges", "HEAD").split()
    rest = listed[recent:]
    step = max(1, len(rest) // older) if older and rest else len(rest) + 1
    picked = listed[:recent] + rest[::step][:older]
    raw = _git(
        clone,
        "log",
        "--no-walk=unsorted",
        "-z",
        "--format=%H%n%B",
        "--stdin",
        stdin="\n".join(picked),
    )
    for record in raw.split("\0"):
        if record.strip():
            sha, _, message = record.partition("\n")
            yield Commit(clone.name, sha, message)


def _git(clone: Path, *args: str, stdin: str = "") -> str:
    result = subprocess.run(  # nosec B603 B607  # Reason: fixed git argv
        ["git", "-C", str(clone), *args],
        input=stdin.encode(),
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8", "replace")


def hook_verdict(message: str) -> tuple[Verdict, list[str]]:
    """What CON304 finds in a stored message, and a description of each hit.

    Example:
        >>> trailer = "Co-authored-by: Claude <noreply@anthropic.com>"
        >>> hook_verdict(f"feat: x\\n\\n{trailer}")[0]
        Verdict(attribution=True, mention=False)
    """
    attribution = mention = False
    described: list[str] = []
    for index, line in enumerate(message.split("\n")):
        for hit in find_ai_references(line, PATTERNS, first=index == 0):
            structural = any(word in hit.kind for word in ATTRIBUTION_KINDS)
            attribution |= structural
            mention |= not structural
            described.append(f"{hit.kind}: {hit.name} ({hit.text[:60]!r})")
    return Verdict(attribution, mention), described


def reference_verdict(message: str) -> Verdict:
    """The independent labeller: structure by shape, names by a broad word list.

    Example:
        >>> reference_verdict("Use Ollama for local runs")
        Verdict(attribution=False, mention=True)
    """
    attribution = mention = False
    for index, line in enumerate(message.split("\n")):
        named = bool(_ALWAYS.search(line) or _TITLE.search(line))
        trailer = TRAILER.fullmatch(line)
        key = trailer.group(1).lower() if trailer else ""
        if key.endswith("-by") or key in ("made-with", "generated-with"):
            credited = named or (
                "[bot]" in line and "ai" in re.split(r"[\W_]", line.lower())
            )
            attribution |= credited and not NOT_AI.search(line)
        elif (STAMP.match(line) and named) or (index == 0 and PREFIX.match(line)):
            attribution = True
        else:
            mention |= named
    return Verdict(attribution, mention)


def read_labels(path: Path | None) -> dict[str, Verdict]:
    """Reviewed labels: ``sha<TAB>attribution<TAB>mention[<TAB>note]`` (0 or 1).

    Example:
        >>> read_labels(None)
        {}
    """
    if path is None:
        return {}
    labels: dict[str, Verdict] = {}
    for row in path.read_text(encoding="utf-8").splitlines():
        if row.strip() and not row.startswith("#"):
            sha, attribution, mention, *_ = row.split("\t")
            labels[sha] = Verdict(attribution == "1", mention == "1")
    return labels


class Tally(NamedTuple):
    """Counts for one repository (or all): labels and what the hook flagged."""

    commits: int = 0
    attributed: int = 0
    attributed_caught: int = 0
    named: int = 0
    named_caught: int = 0
    clean: int = 0
    false_positives: int = 0


def tally(rows: Sequence[tuple[Verdict, bool]]) -> Tally:
    """Count labels and catches; ``named`` excludes attributed commits.

    Example:
        >>> rows = [(Verdict(True, False), True), (Verdict(False, False), True)]
        >>> counts = tally(rows)
        >>> counts.attributed_caught, counts.false_positives
        (1, 1)
    """
    counts = [0] * 7
    for label, flagged in rows:
        counts[0] += 1
        if label.attribution:
            counts[1] += 1
            counts[2] += flagged
        elif label.mention:
            counts[3] += 1
            counts[4] += flagged
        else:
            counts[5] += 1
            counts[6] += flagged
    return Tally(*counts)


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:6.2f}%" if whole else "     -"


def report(name: str, counts: Tally) -> str:
    """One table row: attribution recall, name recall, false-positive rate.

    Example:
        >>> report("x", Tally(1, 1, 1, 0, 0, 0, 0)).split()[:3]
        ['x', '1', '1/1']
    """
    return (
        f"{name:40} {counts.commits:6} "
        f"{counts.attributed_caught}/{counts.attributed} "
        f"{_percent(counts.attributed_caught, counts.attributed)}  "
        f"{counts.named_caught}/{counts.named} "
        f"{_percent(counts.named_caught, counts.named)}  "
        f"{counts.false_positives}/{counts.clean} "
        f"{_percent(counts.false_positives, counts.clean)}"
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every clone; print a row per repository and the totals."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("clones", nargs="+", type=Path)
    parser.add_argument("--recent", type=int, default=200)
    parser.add_argument("--older", type=int, default=100)
    parser.add_argument("--labels", type=Path)
    parser.add_argument(
        "--show", choices=("disagreements", "misses", "false-positives")
    )
    args = parser.parse_args(argv)
    labels = read_labels(args.labels)
    every: list[tuple[Verdict, bool]] = []
    print(
        f"{'repository':40} {'commits':>6} attribution     names       false positives"
    )
    for clone in args.clones:
        rows = list(_judge(clone, args, labels))
        every += rows
        print(report(clone.name, tally(rows)))
    print(report("all", tally(every)))
    return 0


def _judge(
    clone: Path, args: argparse.Namespace, labels: dict[str, Verdict]
) -> Iterator[tuple[Verdict, bool]]:
    for commit in commits(clone, args.recent, args.older):
        hook, described = hook_verdict(commit.message)
        reference = reference_verdict(commit.message)
        label = labels.get(commit.sha, reference)
        flagged = hook.attribution or hook.mention
        _show(args.show, commit, label, reference, hook, described)
        yield label, flagged


def _show(
    what: str | None,
    commit: Commit,
    label: Verdict,
    reference: Verdict,
    hook: Verdict,
    described: list[str],
) -> None:
    flagged = hook.attribution or hook.mention
    labelled = label.attribution or label.mention
    wanted = {
        "disagreements": hook != reference,
        "misses": labelled and not flagged,
        "false-positives": flagged and not labelled,
    }
    if what and wanted[what]:
        print(
            f"--- {commit.repo} {commit.sha} label={tuple(label)}"
            f" ref={tuple(reference)}"
            f" hook={tuple(hook)}"
        )
        print("\n".join(f"    hook: {d}" for d in described))
        print(
            "\n".join(f"  | {line}" for line in commit.message.strip().split("\n")[:40])
        )


if __name__ == "__main__":
    sys.exit(main())
