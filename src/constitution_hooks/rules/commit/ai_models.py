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
    tool("Google DeepMind", "deepmind|google ai studio|vertex ai", kind=VENDOR),
    tool("Mistral AI", "^mistral|mistral ai|mistralai|mistral.ai", kind=VENDOR),
    tool("xAI", "xai|x.ai|xai api", kind=VENDOR),
    tool("Meta AI", "meta ai|meta llama", kind=VENDOR),
    tool("Cohere", "^cohere|cohere ai", kind=VENDOR),
    tool("AI21 Labs", "ai21|ai21 labs", kind=VENDOR),
    tool("DeepSeek", "deepseek|deep seek", kind=VENDOR),
    tool("Moonshot AI", "moonshot ai|moonshotai|moonshot.ai|moonshot.cn", kind=VENDOR),
    tool("Zhipu AI", "zhipu|zhipuai|z.ai|bigmodel.cn", kind=VENDOR),
    tool("Alibaba Cloud Model Studio", "dashscope|tongyi|bailian", kind=VENDOR),
    tool("MiniMax", "^minimax|minimax ai|minimaxi|minimax.io", kind=VENDOR),
    tool("Perplexity", "perplexity ai|perplexity.ai", kind=VENDOR),
    tool("Hugging Face", "hugging face|huggingface|hf.co", kind=VENDOR),
    tool("Groq", "groq|groqcloud", kind=VENDOR),
    tool("Together AI", "together ai|togetherai|together.ai", kind=VENDOR),
    tool("Fireworks AI", "fireworks ai|fireworks.ai|fireworksai", kind=VENDOR),
    tool("Cerebras", "cerebras", kind=VENDOR),
    tool("Nous Research", "nous research|nousresearch", kind=VENDOR),
    tool("Stability AI", "stability ai|stabilityai", kind=VENDOR),
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
    tool("Gemma", "~gemma|codegemma", kind=MODEL),
    tool("PaLM", "#palm|bard ai|google bard", kind=MODEL),
    # Evidence: "Llama 3.1 70B", "llama3"; llama.cpp runs these models.
    tool("Llama", "~llama|codellama|code llama|llama.cpp", kind=MODEL),
    tool(
        "Mistral models",
        "mixtral|codestral|devstral|magistral|ministral|pixtral|#mistral",
        kind=MODEL,
    ),
    # Evidence: issue 13 ("Support Qwen3 and Kimi K2 models"); provider lists.
    tool("Qwen", "qwen|qwq|qwen coder", kind=MODEL),
    tool("DeepSeek models", "deepseek coder|deepseek r1|deepseek v3", kind=MODEL),
    tool("Kimi", "~kimi|kimi k2|kimi-dev", kind=MODEL),
    # Evidence: "Assisted-by: GLM-5.1 via Crush"; "GLM" alone is a statistics term.
    tool("GLM", "#glm|chatglm|codegeex", kind=MODEL),
    tool("Grok", "!grok|grok code", kind=MODEL),
    tool("Phi", "#phi", kind=MODEL),
    tool("Command R", "command r|command r plus", kind=MODEL),
    tool("Jamba", "~jamba", kind=MODEL),
    tool("Amazon Nova", "amazon nova|nova pro|nova lite|nova micro", kind=MODEL),
    tool("Amazon Titan", "amazon titan|titan text|titan embed", kind=MODEL),
    tool("Granite", "ibm granite|granite code|#granite", kind=MODEL),
    tool("StarCoder", "starcoder|starcoder2|santacoder", kind=MODEL),
    tool("Yi", "yi coder|yi lightning|01.ai", kind=MODEL),
    tool("ERNIE", "ernie bot|#ernie", kind=MODEL),
    tool("Hunyuan", "hunyuan", kind=MODEL),
    tool("Doubao", "doubao|seed coder", kind=MODEL),
    tool("MiniMax models", "#minimax|abab6", kind=MODEL),
    tool("OLMo", "olmo|#olmo", kind=MODEL),
    tool("Nemotron", "nemotron", kind=MODEL),
    tool("WizardCoder", "wizardcoder|wizardlm", kind=MODEL),
    tool("DBRX", "dbrx", kind=MODEL),
    tool("Sonar", "perplexity sonar|sonar pro|sonar reasoning", kind=MODEL),
    tool("Falcon", "falcon llm|falcon 180b", kind=MODEL),
)

GATEWAYS: tuple[Entry, ...] = (
    # Evidence: provider settings in cline, continue, aider and Roo Code.
    tool("OpenRouter", "openrouter|open router", kind=GATEWAY),
    tool("LiteLLM", "litellm", kind=GATEWAY),
    tool("Portkey", "portkey", kind=GATEWAY),
    tool("Helicone", "helicone", kind=GATEWAY),
    tool("Ollama", "ollama", kind=GATEWAY),
    tool("LM Studio", "lm studio|lmstudio", kind=GATEWAY),
    tool("vLLM", "vllm", kind=GATEWAY),
    tool("LocalAI", "localai", kind=GATEWAY),
    tool("GPT4All", "gpt4all", kind=GATEWAY),
    tool("Requesty", "requesty", kind=GATEWAY),
    tool(
        "AI gateway", "ai gateway|vercel ai gateway|cloudflare ai gateway", kind=GATEWAY
    ),
)
