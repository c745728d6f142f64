"""The map's rows for testing, APIs, data, documentation, security and git."""

from __future__ import annotations

from constitution_hooks.constitution_map import Row, bandit, con, ruff
from constitution_hooks.constitution_map.principles import CHOICE, JUDGED, RUNTIME

OPS = "deployment and operations live outside the repository's Python code"
PEOPLE = "a practice of people, not a property of the code"

DATA: dict[str, dict[str, tuple[Row, ...]]] = {
    "Testing Strategy": {
        "Test Organization": (
            ("Test file naming: test_<module>.py", con("CON201")),
            ("test_<function>_<scenario>_<expected_result>", con("CON205")),
            ("Tests next to the code or in a mirrored directory", con("CON201")),
        ),
        "Testing Requirements": (
            ("Unit tests for all business logic functions", con("CON203")),
            ("API endpoints tested through TestClient", con("CON210")),
            ("Edge cases and error conditions tested", ruff("PT011"), JUDGED),
            ("pytest fixtures for shared setup", (), JUDGED),
            ("Mock external dependencies in unit tests", (), JUDGED),
            ("Test data generated with Faker", (), CHOICE),
            ("One test per test function", con("CON204") + ruff("PT018"), JUDGED),
        ),
        "Test-Driven Development Process": (
            ("Write the test first", con("CON206")),
            ("Watch it fail: the test tests something", con("CON204")),
            ("minimal code, refactor, one test at a time", (), JUDGED),
        ),
        "TDD Enforcement": (
            ("Tests must exist before implementation code", con("CON206")),
            ("Git hooks prevent commits without tests", con("CON201", "CON207")),
            ("Code reviews verify the test-first approach", con("CON206"), PEOPLE),
            ("Production code without tests is technical debt", con("CON203")),
        ),
    },
    "API Development Standards": {
        "FastAPI Implementation": (
            ("APIRouter with a versioned prefix", con("CON604")),
            ("response_model on every route", con("CON603")),
            ("async def routes", con("CON601")),
            ("db: AsyncSession = Depends(get_db)", ruff("B008")),
        ),
        "Error Handling": (
            ("Custom exception classes for domain errors", ruff("TRY002")),
            ("Consistent error responses as Pydantic models", (), JUDGED),
            ("Never use bare `except:`", ruff("E722", "BLE001")),
            ("Log errors with context", ruff("TRY400", "LOG014"), JUDGED),
            ("global exception handlers; meaningful messages", (), JUDGED),
        ),
        "Data Validation": (
            ("All input/output through Pydantic models", con("CON602", "CON603")),
            ("Field validators for complex validation", (), JUDGED),
            ("request and response models separately", con("CON605")),
            ("Version API endpoints", con("CON604")),
            ("both JSON and form data where appropriate", (), JUDGED),
        ),
    },
    "Database Management": {
        "SQLAlchemy Standards": (
            ("SQLAlchemy 2.0+ with async; Alembic migrations", (), CHOICE),
            ("Never modify migrations after deployment", con("CON801")),
            ("transactions, connection pooling, soft deletes", (), RUNTIME),
        ),
        "Data Processing": (
            ("Pandas, Polars, NumPy; vectorised; chunked", (), CHOICE),
        ),
        "Database Best Practices": (
            ("indexes, constraints, locking, VACUUM, slow queries", (), RUNTIME),
        ),
    },
    "CLI Applications": {
        "Click Framework Standards": (
            ("click commands, options and arguments", (), CHOICE),
        ),
        "CLI Requirements": (
            ("--help, progress, JSON/CSV, exit codes, pipes", (), RUNTIME),
        ),
    },
    "Documentation Requirements": {
        "Code Documentation": (
            ("Google-style Args, Returns, Raises", ruff("D417", "DOC201", "DOC501")),
            ("... and an Example section", con("CON501")),
        ),
        "Project Documentation": (
            ("README.md with overview, setup, usage", con("CON503")),
            ("CHANGELOG.md following Keep a Changelog", con("CON706")),
            ("API documentation generated from FastAPI", con("CON606")),
            ("Architecture diagrams for complex systems", (), JUDGED),
            ("ADRs and docs/technical-debt.md", con("CON707")),
        ),
    },
    "Security Requirements": {
        "API Security": (
            ("rate limiting, JWT, API keys, CORS", (), CHOICE),
            ("Input validation at all boundaries", con("CON602")),
            ("SQL injection prevented by parameterized queries", bandit("B608")),
        ),
        "Secret Management": (
            (".env files never committed", con("CON704")),
            ("never log secrets; rotate them every 90 days", (), RUNTIME),
            ("bcrypt or argon2 for passwords", bandit("B324"), CHOICE),
        ),
    },
    "Performance Standards": {
        "Optimization Rules": (
            ("profile first; batch operations; Redis", (), RUNTIME),
            ("async/await for all I/O in FastAPI", con("CON601") + ruff("ASYNC230")),
            ("functools.lru_cache for expensive computations", ruff("B019"), JUDGED),
        ),
        "Performance Targets": (
            ("response, query, memory, CPU and startup targets", (), RUNTIME),
        ),
    },
    "Deployment & Operations": {
        "Containerization": (
            ("multi-stage, non-root, health checks, limits", (), OPS),
        ),
        "Configuration Management": (
            ("Never hardcode credentials", bandit("B105", "B106")),
            ("Pydantic Settings; configs per environment; flags", (), CHOICE),
        ),
        "Monitoring & Observability": (
            ("Structured logging with correlation IDs", ruff("TID251"), RUNTIME),
            ("Health check endpoint at /health", con("CON608")),
            ("metrics, tracing and alerts", (), OPS),
        ),
    },
    "Git Workflow": {
        "Branch Strategy": (
            ("main, develop, feature/, fix/, docs/, refactor/", con("CON311")),
        ),
        "Commit Standards": (
            ("`<type>(<scope>): <subject>` with seven types", con("CON301", "CON302")),
            ("subject line under 50 characters", con("CON303")),
            ("Never include AI references in messages", con("CON304")),
            ("detailed description in the body", con("CON305")),
        ),
        "Code Review Process": (
            ("Verify tests were written before implementation", con("CON206")),
            ("Run all tests locally before push", con("CON405")),
            ("self-review, PR text, CI, breaking changes, squash", (), PEOPLE),
        ),
    },
    "Governance": {
        "Governance": (
            ("Violations need a written justification", con("CON010", "CON012")),
            ("waivers that suppress nothing go", con("CON011")),
            ("code written without tests first is debt", con("CON206")),
            ("weekly, monthly, quarterly reviews; lessons", (), PEOPLE),
        ),
    },
}
