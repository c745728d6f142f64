# constitution-hooks: `make demo` and `make test` set themselves up.
SHELL := /bin/bash
export UV_PYTHON_DOWNLOADS ?= never
UV ?= $(shell command -v uv 2>/dev/null || echo "python3 -m uv")
RUN := $(UV) run --frozen
PYTHONS ?= 3.10 3.11 3.12 3.13

.PHONY: setup demo test lint typecheck security unit fast selfcheck test-matrix docs bench clean fuzz

setup:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 \
		|| python3 -m pip install --quiet uv
	$(UV) sync --frozen

demo: setup
	bash scripts/demo.sh

test: setup lint typecheck security unit selfcheck

lint:
	$(RUN) ruff check .
	$(RUN) black --check .

typecheck:
	$(RUN) mypy --strict

security:
	$(RUN) bandit -q -c pyproject.toml -r src

unit:
	$(RUN) pytest --cov --cov-report=term --cov-fail-under=90

# The loop while developing: everything but the real-runner tests, on two workers.
fast: setup
	$(RUN) pytest -m "not integration" -n 2 -q

selfcheck:
	$(RUN) constitution check --all-files
	$(RUN) constitution tdd-pairing --all-files

test-matrix: setup
	bash scripts/test-matrix.sh $(PYTHONS)

docs: setup
	$(RUN) python scripts/gen_rule_docs.py
	$(RUN) constitution map --format markdown > docs/constitution-map.md

bench: setup
	$(RUN) python scripts/bench.py

clean:
	rm -rf .venv .pytest_cache .mypy_cache .ruff_cache .coverage htmlcov build dist

# The fuzz suite with many examples (make test runs it with a few, in under 30 s).
fuzz: setup
	CONSTITUTION_FUZZ=fuzz $(RUN) pytest tests/fuzz -q -p no:randomly

bench-tdd-history: setup
	$(RUN) python scripts/bench_tdd_history.py
