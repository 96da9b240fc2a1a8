# Two entry points a coach or developer needs: `make run` and `make test`.
# Both create the virtual environment on first use (and refresh it when pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck check bench bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -qq --upgrade pip
	$(BIN)/python -m pip install -qq -e '.[dev]'
	touch $(STAMP)

# The demo season opens untitled: nothing is written until the coach saves it somewhere.
run: $(STAMP)
	$(BIN)/sprintplan

test: $(STAMP)
	$(BIN)/ruff check planner ui resources tests
	$(BIN)/mypy
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check planner ui resources tests

typecheck: $(STAMP)
	$(BIN)/mypy

bench: $(STAMP)
	$(BIN)/python tests/benchmarks/bench_generate.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_preview.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_preview_chart.py
	$(BIN)/python tests/benchmarks/bench_pdf.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python tests/benchmarks/bench_squad_startup.py
	$(BIN)/python tests/benchmarks/bench_import.py

bundle: $(STAMP)
	packaging/build.sh

clean:
	rm -rf $(VENV) build dist *.egg-info .mypy_cache .pytest_cache .ruff_cache
