"""The AI catalogue of CON304, part 2: vendors, model families and gateways.

Same shorthand as ``ai_catalogue`` (read its docstring for the marks ``~ ^ % #``).
A model family lists the names its versions are written with; a version, size or
tier next to a marked name makes it count ("Gemini 2.5 Pro", "llama3-70b",
"Claude Opus 4.6"). Evidence is the corpus of ``docs/ai-references.md`` unless a
comment says otherwise.
"""

from __future__ import annotations

from constitution_hooks.rules.commit.ai_catalogue import Entry, tool

VENDOR = "AI vendor"
MODEL = "AI model"
GATEWAY = "AI gateway"

VENDORS: tuple[Entry, ...] = (
    # Evidence: "fix(anthropic): handle overloaded errors" (issue 13); corpus.
    tool("Anthropic", "anthropic|anthropics", kind=VENDOR),
    # Evidence: corpus (provider code in every AI tool's history).
    tool("OpenAI", "openai|open ai|azure openai", kind=VENDOR),
    # Evidence: corpus (Vertex AI in Roo-Code, gemini-cli, plandex).
    tool("Google DeepMind", "deepmind|google ai studio|vertex ai", kind=VENDOR),
    # Evidence: corpus (cline, Roo-Code, continue provider commits).
    tool("Mistral AI", "^mistral|mistral ai|mistralai|mistral.ai", kind=VENDOR),
    # Evidence: corpus (21 commits, 12 in pydantic-ai).
    tool("xAI", "xai|x.ai|xai api", kind=VENDOR),
    # Evidence: corpus (continue); Meta's Llama licence name.
    tool("Meta AI", "meta ai|meta llama", kind=VENDOR),
    # Evidence: corpus (Roo-Code, continue providers).
    tool("Cohere", "^cohere|cohere ai", kind=VENDOR),
    # Evidence: vendor of Jamba; no commit seen in the corpus.
    tool("AI21 Labs", "ai21|ai21 labs", kind=VENDOR),
    # Evidence: corpus (17 commits: continue, aider, Roo-Code).
    tool("DeepSeek", "deepseek|deep seek", kind=VENDOR),
    # Evidence: fetched histories (51 commits name Moonshot, Kimi's vendor).
    tool("Moonshot AI", "moonshot ai|moonshotai|moonshot.ai|moonshot.cn", kind=VENDOR),
    # Evidence: corpus (Z.AI in Roo-Code and cline).
    tool("Zhipu AI", "zhipu|zhipuai|z.ai|bigmodel.cn", kind=VENDOR),
    # Evidence: Qwen's API (DashScope); no commit seen.
    tool("Alibaba Cloud Model Studio", "dashscope|tongyi|bailian", kind=VENDOR),
    # Evidence: corpus (Roo-Code, cline, continue providers).
    tool("MiniMax", "^minimax|minimax ai|minimaxi|minimax.io", kind=VENDOR),
    # Evidence: fetched histories (28 commits).
    tool("Perplexity", "perplexity ai|perplexity.ai", kind=VENDOR),
    # Evidence: corpus (Roo-Code).
    tool("Hugging Face", "hugging face|huggingface|hf.co", kind=VENDOR),
    # Evidence: corpus (8 commits: Roo-Code, pydantic-ai, OpenHands).
    tool("Groq", "groq|groqcloud", kind=VENDOR),
    # Evidence: fetched histories (10 commits).
    tool("Together AI", "together ai|togetherai|together.ai", kind=VENDOR),
    # Evidence: fetched histories (93 commits name Fireworks).
    tool("Fireworks AI", "fireworks ai|fireworks.ai|fireworksai", kind=VENDOR),
    # Evidence: corpus (Roo-Code, pydantic-ai).
    tool("Cerebras", "cerebras", kind=VENDOR),
    # Evidence: fetched histories (6 commits).
    tool("Nous Research", "nous research|nousresearch", kind=VENDOR),
    # Evidence: vendor name; no commit seen.
    tool("Stability AI", "stability ai|stabilityai", kind=VENDOR),
    # Evidence: corpus (24 commits: Roo-Code, pydantic-ai, aider).
    tool(
        "Amazon Bedrock",
        "^bedrock|amazon bedrock|aws bedrock|bedrock runtime",
        kind=VENDOR,
    ),
)

MODELS: tuple[Entry, ...] = (
    # Evidence: trailers "Claude Opus 4.6 (1M context)", "Claude Haiku 4.5",
    # "Claude Fable 5"; "claude-3-opus" in provider lists.
    tool(
        "Claude",
        "~claude|claude opus|claude sonnet|claude haiku|claude instant|#sonnet|#opus"
        "|#haiku",
        kind=MODEL,
    ),
    # Evidence: "gpt-4o", "GPT-5.2-codex", "aider (gpt-5)"; "GPT partition" passes.
    tool("GPT", "#gpt|gpt-oss", kind=MODEL),
    # Evidence: OpenAI's reasoning models, written "o3-mini", "o4-mini".
    tool(
        "OpenAI o-series",
        "o1 mini|o1 preview|o1 pro|o3 mini|o3 pro|o4 mini|o4 mini high",
        kind=MODEL,
    ),
    # Evidence: "gemini-2.5-pro", "Gemini 3 Flash"; "the Gemini protocol" passes.
    tool("Gemini", "!gemini", kind=MODEL),
    # Evidence: corpus (continue).
    tool("Gemma", "~gemma|codegemma", kind=MODEL),
    # Evidence: fetched histories (11 commits name PaLM).
    tool("PaLM", "#palm|bard ai|google bard", kind=MODEL),
    # Evidence: "Llama 3.1 70B", "llama3"; llama.cpp runs these models.
    tool("Llama", "~llama|codellama|code llama|llama.cpp", kind=MODEL),
    # Evidence: corpus (cline, aider, continue).
    tool(
        "Mistral models",
        "mixtral|codestral|devstral|magistral|ministral|pixtral|#mistral",
        kind=MODEL,
    ),
    # Evidence: issue 13 ("Support Qwen3 and Kimi K2 models"); provider lists.
    tool("Qwen", "qwen|qwq|qwen coder", kind=MODEL),
    # Evidence: corpus (aider, continue, opencode).
    tool("DeepSeek models", "deepseek coder|deepseek r1|deepseek v3", kind=MODEL),
    # Evidence: issue 13 and corpus (9 commits, "Kimi K2.5 via Crush").
    tool("Kimi", "~kimi|kimi k2|kimi-dev", kind=MODEL),
    # Evidence: "Assisted-by: GLM-5.1 via Crush"; "GLM" alone is a statistics term.
    tool("GLM", "#glm|chatglm|codegeex", kind=MODEL),
    # Evidence: corpus (aider, OpenHands, "Cursor Grok 4.5" trailers).
    tool("Grok", "!grok|grok code", kind=MODEL),
    # Evidence: fetched histories (3 commits, phi-3/phi-4).
    tool("Phi", "#phi", kind=MODEL),
    # Evidence: fetched histories (9 commits).
    tool("Command R", "command r|command r plus", kind=MODEL),
    # Evidence: AI21's model; no commit seen.
    tool("Jamba", "~jamba", kind=MODEL),
    # Evidence: fetched histories (15 commits).
    tool("Amazon Nova", "amazon nova|nova pro|nova lite|nova micro", kind=MODEL),
    # Evidence: fetched histories (3 commits).
    tool("Amazon Titan", "amazon titan|titan text|titan embed", kind=MODEL),
    # Evidence: fetched histories (38 commits, IBM Granite models).
    tool("Granite", "ibm granite|granite code|#granite", kind=MODEL),
    # Evidence: fetched histories (26 commits).
    tool("StarCoder", "starcoder|starcoder2|santacoder", kind=MODEL),
    # Evidence: fetched histories (4 commits, yi-coder).
    tool("Yi", "yi coder|yi lightning|01.ai", kind=MODEL),
    # Evidence: fetched histories (1 commit).
    tool("ERNIE", "ernie bot|#ernie", kind=MODEL),
    # Evidence: Tencent's model; no commit seen.
    tool("Hunyuan", "hunyuan", kind=MODEL),
    # Evidence: corpus (Roo-Code, cline).
    tool("Doubao", "doubao|seed coder", kind=MODEL),
    # Evidence: corpus (Roo-Code, cline).
    tool("MiniMax models", "#minimax|abab6", kind=MODEL),
    # Evidence: AI2's open model; no commit seen.
    tool("OLMo", "olmo|#olmo", kind=MODEL),
    # Evidence: corpus (cline, 3 commits).
    tool("Nemotron", "nemotron", kind=MODEL),
    # Evidence: fetched histories (1 commit).
    tool("WizardCoder", "wizardcoder|wizardlm", kind=MODEL),
    # Evidence: Databricks' model; no commit seen.
    tool("DBRX", "dbrx", kind=MODEL),
    # Evidence: fetched histories (2 commits, Perplexity Sonar).
    tool("Sonar", "perplexity sonar|sonar pro|sonar reasoning", kind=MODEL),
    # Evidence: TII's model; "Falcon" alone is a web framework, so full names only.
    tool("Falcon", "falcon llm|falcon 180b", kind=MODEL),
)

GATEWAYS: tuple[Entry, ...] = (
    # Evidence: provider settings in cline, continue, aider and Roo Code.
    tool("OpenRouter", "openrouter|open router", kind=GATEWAY),
    # Evidence: corpus (23 commits: plandex, aider, openai-agents-python).
    tool("LiteLLM", "litellm", kind=GATEWAY),
    # Evidence: fetched histories (3 commits).
    tool("Portkey", "portkey", kind=GATEWAY),
    # Evidence: an LLM observability gateway; no commit seen.
    tool("Helicone", "helicone", kind=GATEWAY),
    # Evidence: corpus (28 commits: continue, plandex, cline).
    tool("Ollama", "ollama", kind=GATEWAY),
    # Evidence: corpus (Roo-Code).
    tool("LM Studio", "lm studio|lmstudio", kind=GATEWAY),
    # Evidence: corpus (continue).
    tool("vLLM", "vllm", kind=GATEWAY),
    # Evidence: a local OpenAI-compatible server; no commit seen.
    tool("LocalAI", "localai", kind=GATEWAY),
    # Evidence: fetched histories (5 commits).
    tool("GPT4All", "gpt4all", kind=GATEWAY),
    # Evidence: corpus (Roo-Code provider).
    tool("Requesty", "requesty", kind=GATEWAY),
    # Evidence: corpus (Roo-Code: Vercel AI Gateway).
    tool(
        "AI gateway", "ai gateway|vercel ai gateway|cloudflare ai gateway", kind=GATEWAY
    ),
)
