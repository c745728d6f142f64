"""CON301-CON306 as registry data: rules, config table; checks: ``commit_message``."""

from __future__ import annotations

from constitution_hooks.core.commit_text import MAX_LENGTH
from constitution_hooks.core.commit_text import TYPES as TYPES
from constitution_hooks.core.options import (
    Option,
    Section,
    boolean,
    positive_int,
    string,
    string_list,
)
from constitution_hooks.core.registry import Rule
from constitution_hooks.rules.commit.ai_references import valid_patterns

_HOOK = "commit-message"
SECTION = Section(
    "commit-message",
    (
        string_list("types", TYPES, "allowed types, written exactly (lowercase)"),
        positive_int(
            "max-length", MAX_LENGTH, "most characters the first line may have"
        ),
        string(
            "length-of",
            "first-line",
            ("first-line", "subject"),
            "what max-length measures: the whole first line or only the subject",
        ),
        string_list("scopes", (), "allowed scopes; empty allows any scope"),
        boolean("require-scope", False, "every first line must name a scope"),
        boolean(
            "allow-git-messages",
            True,
            "let git's own merge, revert and fixup!/squash!/amend! subjects pass",
        ),
        boolean("ai-references", True, "flag AI tools, models and AI co-authors"),
        Option(
            "ai-patterns",
            [],
            "a list of valid regular expressions",
            valid_patterns,
            "more case-insensitive patterns of AI references, beside the built-ins",
        ),
        boolean(
            "ai-builtin-patterns",
            True,
            "set false to match only ai-patterns (no catalogue, no built-in phrases)",
        ),
        Option(
            "ai-allow",
            [],
            "a list of valid regular expressions",
            valid_patterns,
            "lines matching one of these are accepted, e.g. '^Assisted-by:'",
        ),
    ),
)
_FORMAT_WORDS = (
    "Use conventional commit format: `<type>(<scope>): <subject>`. Types: feat, fix,"
    " docs, style, refactor, test, chore."
)

HEADER_FORMAT = Rule(
    code="CON301",
    example_language="text",
    id="commit-header-format",
    hook=_HOOK,
    section="commit-message",
    summary=(
        "a first line not of the form `<type>(<scope>): <subject>` (scope optional,"
        " `!` allowed, exactly one space after the colon, a non-empty subject)"
    ),
    constitution=_FORMAT_WORDS,
    why=(
        "A fixed first-line shape lets people scan history and lets tools build"
        " changelogs and versions from it. The message is judged as git stores it:"
        " comment lines, the `git commit -v` scissors block and surrounding blank"
        " lines are removed first, as `commit.cleanup` says (`strip`, `whitespace`,"
        ' `scissors`, `verbatim`; under `default`, `git commit -m "#123 fix"` keeps'
        " its `#` line, so it is judged). Git's own merge, revert and"
        " fixup!/squash!/amend! subjects, also with a squash-merge's ` (#N)`, pass"
        " unless `allow-git-messages` is false."
    ),
    example="Added user search\n",
    fix="feat(api): add user search\n",
    default="scope optional, any scope",
    hint=(
        "write '<type>(<scope>): <subject>', e.g. 'feat(api): add user search';"
        " `git commit -e -F .git/COMMIT_EDITMSG` reuses the rejected text"
    ),
)
TYPE_UNKNOWN = Rule(
    code="CON302",
    example_language="text",
    id="commit-type-unknown",
    hook=_HOOK,
    section="commit-message",
    summary="a type outside the allowed list, or not written exactly (lowercase)",
    constitution=_FORMAT_WORDS,
    why=(
        "A closed list of types keeps history searchable (`git log --grep ^fix`)"
        " and changelog sections predictable."
    ),
    example="feature: add user search\nFix: handle empty query\n",
    fix="feat: add user search\nfix: handle empty query\n",
    default="feat, fix, docs, style, refactor, test, chore",
    hint="use one of the allowed types exactly as listed (see `types`)",
)
SUBJECT_TOO_LONG = Rule(
    code="CON303",
    example_language="text",
    id="commit-subject-too-long",
    hook=_HOOK,
    section="commit-message",
    summary=(
        "a first line longer than the limit, counted in characters (not bytes);"
        ' `length-of = "subject"` measures only the subject'
    ),
    constitution="Keep subject line under 50 characters.",
    why=(
        "Short first lines fit `git log --oneline`, forge lists and e-mail subjects"
        " without truncation. Characters are counted, so a non-ASCII subject is not"
        " penalised for its UTF-8 bytes."
    ),
    example="feat(api): add user search with filters, paging and sorting\n",
    fix=(
        "feat(api): add user search\n\nSupports filters, paging and sorting"
        " by name or date.\n"
    ),
    default="49 characters (the whole first line)",
    hint="shorten the first line; move the details into the body",
)
AI_REFERENCE = Rule(
    code="CON304",
    example_language="text",
    id="commit-ai-reference",
    hook=_HOOK,
    section="commit-message",
    summary=(
        "a reference to an AI tool or model, or an AI co-author or attribution"
        " trailer, on any line of the message"
    ),
    constitution=('Never include "claude code" or AI references in messages.'),
    why=(
        "The constitution forbids them. Structure first: a `*-by` trailer whose"
        " identity is an AI (its address, GitHub App login or name in the catalogue"
        " of docs/ai-references.md), an attribution trailer (`Assisted-by:`,"
        ' `Made-with:`, `Generated-by:`), a stamp ("🤖 Generated with [Claude'
        ' Code](...)", "💘 Generated with Crush") or a tool\'s subject prefix'
        " (`aider: `). Words second: a catalogued tool, review bot, vendor, model or"
        " gateway named in the text; names that are also words or given names"
        " (Claude, Cursor, Amp, Goose, Continue, Gemini) count only in context (a"
        " version, a verb of use, the full name, a trailer). Each violation names"
        ' the kind and the entry ("AI co-author trailer: OpenHands"). People named'
        " Claude, engineers at AI vendors, dependency and release robots, a"
        " database or text cursor, gpg-agent and `.ai` e-mail domains pass. A"
        " project that builds on AI APIs sets `ai-allow`, e.g."
        ' `["(?i)\\\\b(openai|anthropic)\\\\b"]`.'
    ),
    example=(
        "feat: add user search\n\nCo-authored-by: Claude <noreply@anthropic.com>\n"
    ),
    fix="feat: add user search\n",
    default="on",
    hint=(
        "remove the reference or the trailer; a team that accepts a trailer adds"
        " it to `ai-allow`"
    ),
)
BODY_SEPARATION = Rule(
    code="CON305",
    example_language="text",
    id="commit-body-separation",
    hook=_HOOK,
    section="commit-message",
    summary="a body not separated from the first line by one blank line",
    constitution="Add detailed description in body if needed.",
    why=(
        "Git and every tool built on it take the first paragraph as the subject;"
        " a body glued to the first line becomes part of the subject."
    ),
    example="feat: add user search\nSupports filters and paging.\n",
    fix="feat: add user search\n\nSupports filters and paging.\n",
    default="always on",
    hint="leave one blank line between the first line and the body",
)
EMPTY = Rule(
    code="CON306",
    example_language="text",
    id="commit-empty",
    hook=_HOOK,
    section="commit-message",
    summary="a message that is empty after git's own clean-up",
    constitution="Use conventional commit format: `<type>(<scope>): <subject>`.",
    why=(
        "Only comment and blank lines were left, so git would abort the commit"
        ' with "Aborting commit due to empty commit message"; this says so plainly.'
    ),
    example="# Please enter the commit message for your changes.\n",
    fix="feat(api): add user search\n",
    default="always on",
    hint="write a first line such as 'feat(api): add user search'",
)


RULES = (
    HEADER_FORMAT,
    TYPE_UNKNOWN,
    SUBJECT_TOO_LONG,
    AI_REFERENCE,
    BODY_SEPARATION,
    EMPTY,
)
