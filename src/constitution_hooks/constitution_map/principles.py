"""The map's rows for the Core Principles and the Development Environment."""

from __future__ import annotations

from constitution_hooks.constitution_map import (
    BLACK,
    LOCK,
    MYPY,
    PINS,
    Row,
    bandit,
    con,
    ruff,
)

JUDGED = "a judgement of design that no tool can make"
RUNTIME = "a property of the running system, not of the source or its history"
CHOICE = "a choice of library or service, made once and seen in review"

DATA: dict[str, dict[str, tuple[Row, ...]]] = {
    "Core Principles": {
        "I. Simplicity First (KISS/YAGNI)": (
            ("Files must never exceed 500 lines", con("CON101")),
            ("the simplest working solution, built only when needed", (), JUDGED),
            ("obvious code over clever code", ruff("C901", "SIM108"), JUDGED),
        ),
        "II. Test-Driven Development (NON-NEGOTIABLE)": (
            ("Tests are written BEFORE implementation", con("CON206", "CON207")),
            ("Each feature begins with a failing test", con("CON206")),
            ("only minimal code to make tests pass", (), JUDGED),
            ("pytest with descriptive test names", con("CON205") + ruff("PT001")),
            ("80% coverage on critical paths", con("CON401", "CON403", "CON404")),
        ),
        "III. FastAPI-First Architecture": (
            ("APIs built with FastAPI, Pydantic validation", con("CON602"), CHOICE),
            ("automatic OpenAPI documentation for every endpoint", con("CON606")),
            ("dependency injection for shared logic", ruff("B008"), JUDGED),
            ("async/await for all I/O operations", con("CON601") + ruff("ASYNC210")),
            ("routers for logical separation of concerns", con("CON607")),
        ),
        "IV. Type Safety & Documentation": (
            ("All functions require type hints", ruff("ANN001", "ANN201") + MYPY),
            ("mypy validation passing before commit", MYPY),
            ("Public APIs have Google-style docstrings", ruff("D101", "D103", "D417")),
            ("... with examples", con("CON501")),
            ("Complex logic has `# Reason:` comments", con("CON502") + ruff("C901")),
            ("README.md with setup and examples for each module", con("CON503")),
            ("ADRs document significant design choices", con("CON707"), JUDGED),
        ),
        "V. Dependency Discipline": (
            (
                "UV exclusively; never edit pyproject.toml directly",
                LOCK + con("CON703"),
            ),
            ("only actively maintained libraries", (), CHOICE),
            ("Pin all production dependencies", PINS + con("CON701")),
            ("Separate dev, test, and production dependencies", con("CON705")),
        ),
        "VI. Fail Fast & Observable": (
            ("raise exceptions immediately", ruff("BLE001", "TRY300") + bandit("B110")),
            ("Validate inputs at system boundaries", con("CON602")),
            ("structured logging with structlog", ruff("TID251", "LOG015", "G004")),
            ("correlation IDs for request tracing", (), RUNTIME),
            ("log levels used as defined", (), "the right level is a judgement"),
        ),
        "VII. DRY & Modular Design": (
            ("Extract repeated business logic", (), JUDGED),
            ("decorators for cross-cutting concerns", (), JUDGED),
            ("one clear purpose per function, class and module", (), JUDGED),
            ("Functions under 50 lines, classes under 100", con("CON102", "CON103")),
        ),
    },
    "Development Environment": {
        "Project Structure": (
            ("src/ with api, core, models, services, db, utils", (), JUDGED),
            ("tests/ mirror src structure", con("CON201")),
        ),
        "Environment Standards": (
            ("Python 3.11+ specified in `.python-version`", con("CON702")),
            ("virtual environments mandatory", con("CON708"), RUNTIME),
            ("single command setup: `make setup` or `uv sync`", LOCK),
            (".env files never committed", con("CON704")),
            ("python-dotenv; Docker for deployable services", (), CHOICE),
        ),
        "Development Workflow": (
            ("No code without a failing test first", con("CON206")),
            ("Features are incomplete without tests", con("CON201", "CON203")),
            ("Red, Green, Refactor between commits", con("CON206"), RUNTIME),
        ),
        "Code Quality Gates": (
            ("pre-commit hooks: black, ruff, mypy", BLACK + ruff("F401") + MYPY),
            ("blocks commit if coverage drops below 80%", con("CON401", "CON402")),
            ("No implementation code without its test file", con("CON201", "CON202")),
            ("Security scanning with bandit before commit", bandit("B101", "B105")),
            ("No commented-out code in commits", ruff("ERA001")),
            ("ripgrep for searching", (), "a habit at the terminal, not in the code"),
        ),
    },
}
