"""The AI catalogue of CON304, part 1: coding assistants, agents and review bots.

Pure data, imported only when CON304 judges a message (``ai_match`` builds its
index from here and from ``ai_models`` once per process). Every entry says where
its evidence came from; ``docs/ai-references.md`` explains how to add one.

A spelling is written in lowercase with its words separated by spaces, hyphens or
dots ("claude code", "cursor.sh"); any separator matches any other. Its first
character says when a mention counts:

* no mark: always (``openhands``, ``greptile``);
* ``~`` a given name or a word that needs context: a version, a model size or a
  tier next to it ("Claude 3.5", "kimi-k2"), a verb of use before it
  ("asked Claude"), a stamp or a trailer;
* ``^`` an ordinary word that names the product when capitalised mid-sentence
  ("add Copilot support", not "the copilot seat"); lowercase needs a stamp;
* ``%`` an ordinary word that counts only capitalised and in context
  ("using Cursor", "Continue 1.2"), never alone;
* ``!`` like ``~``, and also capitalised mid-sentence ("fix Gemini tool calls");
* ``#`` a model name that counts only with a version ("GPT-4o", "gpt4").

A scope that is a name counts too ("fix(copilot): ..."), except for ``%`` and ``#``
names; a code name starting with an unmarked name counts ("ClineProvider").

Addresses are the exact e-mail addresses a tool writes in its trailers; logins are
GitHub App or account names (without ``[bot]``, lowercase); prefixes are what the
tool puts at the start of a first line.
"""

from __future__ import annotations

from typing import NamedTuple

TOOL = "AI tool"
REVIEW_BOT = "AI code-review bot"


class Entry(NamedTuple):
    """One catalogue entry: a tool, bot, vendor, model family or gateway.

    Attributes:
        kind: What it is, as shown in messages ("AI tool", "AI model", ...).
        name: The display name shown in messages.
        spellings: How it is written, marked as the module docstring explains.
        addresses: E-mail addresses it writes in trailers (lowercase).
        logins: GitHub logins and App names it commits or co-authors as.
        prefixes: Lowercase first-line prefixes it writes ("aider:").

    Example:
        >>> Entry(TOOL, "Aider", ("aider",)).addresses
        ()
    """

    kind: str
    name: str
    spellings: tuple[str, ...]
    addresses: tuple[str, ...] = ()
    logins: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()


def _split(text: str) -> tuple[str, ...]:
    return tuple(part for part in text.split("|") if part)


def tool(name: str, spellings: str, *, kind: str = TOOL, **extra: str) -> Entry:
    """Build an entry from ``|``-separated lists (the catalogue's shorthand).

    Example:
        >>> tool("Aider", "aider|aider.chat", prefixes="aider:").spellings
        ('aider', 'aider.chat')
    """
    return Entry(
        kind,
        name,
        _split(spellings),
        _split(extra.get("addresses", "")),
        _split(extra.get("logins", "")),
        _split(extra.get("prefixes", "")),
    )


TOOLS: tuple[Entry, ...] = (
    # Evidence: 2,900 trailers in the corpus ("Claude <noreply@anthropic.com>",
    # "Claude Opus 4.6 (1M context)"), its own 🤖 stamp; claude[bot] in OpenHands;
    # anthropics/claude-code issues on the default Co-Authored-By trailer.
    tool(
        "Claude Code",
        "claude code|claude.ai/code|claude cli|claude desktop|claude.ai|claude.com",
        addresses="noreply@anthropic.com|claude@anthropic.com",
        logins="claude|claude-code",
    ),
    # Evidence: corpus ("Copilot <175728472+Copilot@...>", copilot-swe-agent[bot],
    # "Copilot Autofix powered by AI"); microsoft/vscode's AI co-author trailer.
    tool(
        "GitHub Copilot",
        "^copilot|github copilot|copilot chat|copilot agent|copilot workspace"
        "|copilot autofix|copilot cli",
        addresses="copilot@github.com|175728472+copilot@users.noreply.github.com"
        "|198982749+copilot@users.noreply.github.com"
        "|223556219+copilot@users.noreply.github.com",
        logins="copilot|copilot-swe-agent|copilot-pull-request-reviewer",
    ),
    # Evidence: corpus ("Cursor Agent <cursoragent@cursor.com>", "Cursor AI
    # <ai@cursor.sh>", "Made-with: Cursor"); block/aittributor's agent list.
    tool(
        "Cursor",
        "%cursor|cursor agent|cursor ai|cursor ide|cursor composer|cursor tab"
        "|cursor bugbot|cursor cli|cursor.sh|cursor.com|cursoragent|cursor rules"
        "|cursorrules",
        addresses="cursoragent@cursor.com|ai@cursor.sh",
        logins="cursor|cursor-agent|cursoragent",
    ),
    # Evidence: corpus ("Codex <noreply@openai.com>", chatgpt-codex-connector[bot]);
    # openai/codex's prepare-commit-msg attribution (pull request 11617).
    tool(
        "OpenAI Codex",
        "^codex|codex cli|openai codex|chatgpt codex|codex cloud",
        addresses="noreply@openai.com|codex@openai.com",
        logins="chatgpt-codex-connector|codex",
    ),
    # Evidence: Aider-AI/aider history (13,000 commits, "aider: " subjects,
    # "aider (gpt-5) <aider@aider.chat>", "<noreply@aider.dev>").
    tool(
        "Aider",
        "aider|aider.chat|aider.dev",
        addresses="aider@aider.chat|noreply@aider.chat|noreply@aider.dev",
        prefixes="aider:",
    ),
    # Evidence: All-Hands-AI/OpenHands ("openhands <openhands@all-hands.dev>",
    # "OpenDevin <opendevin@opendevin.ai>", openhands-agent).
    tool(
        "OpenHands",
        "openhands|opendevin|all-hands.dev|all hands ai",
        addresses="openhands@all-hands.dev|opendevin@all-hands.dev"
        "|opendevin@opendevin.ai|bot@opendevin.com",
        logins="openhands|openhands-agent|opendevin",
    ),
    # Evidence: block/aittributor ("Goose <opensource@block.xyz>"); block/goose.
    tool(
        "Goose",
        "^goose|block goose|goose agent|goose cli",
        addresses="opensource@block.xyz",
    ),
    # Evidence: charmbracelet/crush ("💘 Generated with Crush", "Charm Crush
    # <crush@charm.land>", "Assisted-by: GLM-5.1 via Crush").
    tool("Crush", "^crush|charm crush", addresses="crush@charm.land"),
    # Evidence: opencode-ai/opencode ("🤖 Generated with opencode", its former
    # name termai); block/aittributor ("opencode <noreply@opencode.ai>").
    tool("opencode", "opencode|opencode.ai|termai", addresses="noreply@opencode.ai"),
    # Evidence: continuedev/continue ("Co-Authored-By: Continue
    # <noreply@continue.dev>", "Generated with [Continue](https://continue.dev)").
    tool(
        "Continue",
        "%continue|continue.dev|continuedev|continue cli|continue agent",
        addresses="noreply@continue.dev",
        logins="continue|continue-dev",
    ),
    # Evidence: cline/cline ("Cline Evaluation <cline@example.com>",
    # cline-cloud[bot]); block/aittributor ("Cline <noreply@cline.bot>").
    tool(
        "Cline",
        "cline|cline.bot|cline evaluation",
        addresses="noreply@cline.bot|cline@example.com",
        logins="cline|cline-cloud",
    ),
    # Evidence: RooCodeInc/Roo-Code ("Roo Code <roomote@roocode.com>",
    # roomote[bot], the former name Roo Cline).
    tool(
        "Roo Code",
        "^roo|roo code|roocode|roo cline|roomote",
        addresses="roomote@roocode.com",
        logins="roomote|roo-code",
    ),
    # Evidence: Kilo-Org/kilocode (a Roo Code fork; its name in its README).
    tool("Kilo Code", "kilo code|kilocode|kilo.ai"),
    # Evidence: google-gemini/gemini-cli (gemini-cli[bot]); block/aittributor
    # ("Gemini CLI Agent <gemini-cli-agent@google.com>").
    tool(
        "Gemini CLI",
        "gemini cli|gemini cli agent",
        addresses="gemini-cli-agent@google.com",
        logins="gemini-cli",
    ),
    # Evidence: 255 corpus trailers "gemini-code-assist[bot]" (review
    # suggestions committed from pull requests).
    tool(
        "Gemini Code Assist",
        "gemini code assist",
        kind=REVIEW_BOT,
        logins="gemini-code-assist",
    ),
    # Evidence: corpus ("google-labs-jules[bot]" co-author in gemini-cli).
    tool("Jules", "~jules|google jules|jules agent", logins="google-labs-jules"),
    # Evidence: corpus ("devin-ai-integration[bot]"); existing "Devin AI" pattern.
    tool(
        "Devin",
        "~devin|devin ai|devin.ai|cognition ai",
        logins="devin-ai-integration|devin-ai",
    ),
    # Evidence: block/aittributor ("Amp <amp@ampcode.com>"); issue 13's report;
    # Amp's "Amp-Thread" trailer links to ampcode.com threads.
    tool(
        "Amp",
        "^amp|ampcode|ampcode.com|sourcegraph amp|amp code",
        addresses="amp@ampcode.com",
    ),
    # Evidence: Sourcegraph's assistant; "Cody" is a given name, so context only.
    tool("Cody", "~cody|sourcegraph cody|cody ai"),
    # Evidence: block/aittributor ("Windsurf <noreply@codeium.com>"); the corpus.
    tool(
        "Windsurf",
        "windsurf|windsurf editor|codeium",
        addresses="noreply@codeium.com|noreply@windsurf.com",
    ),
    # Evidence: the former CON304 pattern list; Tabnine's product name.
    tool("Tabnine", "tabnine"),
    # Evidence: block/aittributor ("Amazon Q Developer <noreply@amazon.com>");
    # CodeWhisperer was its former name.
    tool(
        "Amazon Q Developer",
        "amazon q|amazon q developer|q developer|codewhisperer",
        addresses="noreply@amazon.com",
        logins="amazon-q-developer",
    ),
    # Evidence: AWS's agentic IDE (kiro.dev); no commit seen in the histories.
    tool("Kiro", "~kiro|kiro ide|kiro.dev|kiro agent|kiro cli"),
    # Evidence: JetBrains' agent Junie and AI Assistant; no commit seen.
    tool("JetBrains AI", "~junie|jetbrains junie|jetbrains ai|junie agent"),
    # Evidence: Augment Code's product name; no commit seen ("augment" is a verb).
    tool("Augment Code", "augment code|augmentcode|augment agent"),
    # Evidence: Factory's coding agent ("Droid"); no commit seen.
    tool(
        "Factory Droid",
        "factory droid|factory.ai|factory-droid",
        logins="factory-droid",
    ),
    # Evidence: Warp's agentic terminal (warp.dev); no commit seen.
    tool("Warp", "^warp|warp agent|warp ai|warp.dev"),
    # Evidence: Zed's agent panel; the editor alone is no AI; no commit seen.
    tool("Zed AI", "zed ai|zed agent"),
    # Evidence: block/aittributor ("Pi <noreply@pi.dev>").
    tool("Pi", "pi agent|pi coding agent|pi.dev", addresses="noreply@pi.dev"),
    # Evidence: plandex-ai/plandex ("🤖 Plandex → ..." subjects).
    tool("Plandex", "plandex", prefixes="🤖 plandex|plandex:"),
    # Evidence: AbanteAI's CLI agent; no commit seen in the histories.
    tool("Mentat", "mentat|abante ai"),
    # Evidence: SWE-agent, cited in the OpenHands history.
    tool("SWE-agent", "swe-agent|swe agent|mini-swe-agent"),
    # Evidence: gptme, an open-source terminal agent; no commit seen.
    tool("gptme", "gptme"),
    # Evidence: QwenLM/qwen-code (a Gemini CLI fork).
    tool("Qwen Code", "qwen code|qwen-code"),
    # Evidence: corpus ("Mistral Vibe <vibe@mistral.ai>", "Generated by Mistral
    # Vibe.").
    tool("Mistral Vibe", "mistral vibe", addresses="vibe@mistral.ai"),
    # Evidence: ByteDance's AI IDE; "Trae" is a given name; no commit seen.
    tool("Trae", "~trae|trae ide|trae agent"),
    # Evidence: Replit's agent (vendor name); no commit seen.
    tool("Replit Agent", "replit|replit agent|replit ai"),
    # Evidence: Lovable's app builder, which pushes as lovable-dev[bot].
    tool("Lovable", "lovable.dev|lovable ai", logins="lovable-dev"),
    # Evidence: StackBlitz's bolt.new app builder.
    tool("Bolt", "bolt.new|bolt.diy"),
    # Evidence: Vercel's v0 app builder (v0-bot pushes to linked repositories).
    tool("v0", "v0.dev|v0.app|v0 by vercel", logins="v0"),
    # Evidence: Sweep AI's bot (sweep-ai[bot]); no commit seen.
    tool("Sweep", "sweep ai|sweep.dev|sweepai", logins="sweep-ai"),
    # Evidence: corpus (polar: stilla[bot] opens pull requests and co-authors as
    # "Stilla <stilla@stilla.ai>").
    tool("Stilla", "stilla.ai", addresses="stilla@stilla.ai", logins="stilla"),
    # Evidence: corpus (polar: detail-app[bot] co-authors fixes); docs.detail.dev
    # describes AI agents that open fix pull requests.
    tool("Detail", "detail.dev", logins="detail-app"),
    # Evidence: fetched histories ("Clawd Subagent <subagent@clawd.ai>", "Atlas Bot
    # <atlas@clawdbot.local>"); the agent framework formerly called Clawdbot.
    tool(
        "OpenClaw",
        "openclaw|clawdbot|moltbot|clawd subagent",
        addresses="subagent@clawd.ai",
    ),
    # Evidence: OpenAI's chat product; the former CON304 pattern list.
    tool("ChatGPT", "chatgpt|chat gpt|chat-gpt"),
    # Evidence: Google's agentic IDE (2025); "antigravity" alone is Python's joke.
    tool("Google Antigravity", "google antigravity|antigravity ide"),
    # Evidence: Alibaba's AI IDE.
    tool("Qoder", "qoder"),
    # Evidence: corpus (codeflash-ai[bot] optimisation pull requests).
    tool("Codeflash", "codeflash", logins="codeflash-ai"),
    # Evidence: corpus (CodeRabbit review bot "coderabbitai[bot]").
    tool(
        "CodeRabbit", "coderabbit|coderabbitai", kind=REVIEW_BOT, logins="coderabbitai"
    ),
    # Evidence: corpus and issue 13 ("greptile-apps[bot]").
    tool("Greptile", "greptile", kind=REVIEW_BOT, logins="greptile-apps"),
    # Evidence: corpus (455 trailers "ellipsis-dev[bot]"); "Ellipsis" alone is
    # Python's builtin.
    tool(
        "Ellipsis", "ellipsis-dev|ellipsis.dev", kind=REVIEW_BOT, logins="ellipsis-dev"
    ),
    # Evidence: corpus (186 trailers "cubic-dev-ai[bot]").
    tool("cubic", "cubic-dev-ai|cubic.dev", kind=REVIEW_BOT, logins="cubic-dev-ai"),
    # Evidence: Sourcery's review bot (sourcery-ai[bot]).
    tool("Sourcery", "sourcery-ai|sourcery ai", kind=REVIEW_BOT, logins="sourcery-ai"),
    # Evidence: Qodo (formerly CodiumAI) PR-Agent bots.
    tool(
        "Qodo",
        "qodo|codiumai|qodo merge|pr-agent",
        kind=REVIEW_BOT,
        logins="qodo-merge-pro|qodo-merge|codiumai-pr-agent-free|qodo-code-review",
    ),
    # Evidence: Korbit's review bot (korbit-ai[bot]).
    tool("Korbit", "korbit|korbit ai", kind=REVIEW_BOT, logins="korbit-ai"),
    # Evidence: CodeAnt's review bot (codeant-ai[bot]).
    tool("CodeAnt", "codeant|codeant ai", kind=REVIEW_BOT, logins="codeant-ai"),
    # Evidence: Bito's review agent.
    tool("Bito", "bito ai|bito.ai", kind=REVIEW_BOT, logins="bito-code-review"),
    # Evidence: corpus (cline: aikido-autofix[bot] co-authors a fix); Aikido sells
    # it as AI AutoFix.
    tool("Aikido AutoFix", "aikido autofix", kind=REVIEW_BOT, logins="aikido-autofix"),
    # Evidence: corpus (hyperlint-ai[bot] documentation fixes).
    tool("Hyperlint", "hyperlint", kind=REVIEW_BOT, logins="hyperlint-ai"),
)
