# Two entry points a coach or developer needs: `make run` and `make test`.
# Both create the virtual environment on first use (and refresh it when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test quick lint typecheck check bench bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

# The demo season opens untitled: nothing is written until the coach saves it somewhere.
run: $(STAMP)
	$(BIN)/sprintplan

# Hypothesis runs the `dev` profile (a few examples per property) unless HYPOTHESIS_PROFILE says
# otherwise; .ci/run sets HYPOTHESIS_PROFILE=ci, every property at its full count.
test: $(STAMP)
	$(BIN)/ruff check planner ui resources tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The quick local run: the checks and every test that needs no window, properties at a few examples.
quick: $(STAMP)
	$(BIN)/ruff check planner ui resources tests
	$(BIN)/mypy
	$(BIN)/lint-imports
	HYPOTHESIS_PROFILE=dev QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -m "not gui"

lint: $(STAMP)
	$(BIN)/ruff check planner ui resources tests

typecheck: $(STAMP)
	$(BIN)/mypy

BENCHMARKS := bench_generate bench_preview bench_preview_chart bench_pdf bench_startup bench_squad_startup \
	bench_import

# Every script runs even when one is over its budget; the target fails at the end if any was.
bench: $(STAMP)
	@over=""; \
	for name in $(BENCHMARKS); do \
		echo "== $$name"; \
		QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/$$name.py || over="$$over $$name"; \
	done; \
	if [ -n "$$over" ]; then echo "over budget:$$over"; exit 1; fi

bundle: $(STAMP)
	packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache
