# Newcomer commands: `make report` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install report test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

report: install
	$(BIN)/compliance report --country KZ -o reports/KZ

lint: install
	$(BIN)/ruff check compliance tests scripts bench
	$(BIN)/mypy

test: install lint
	sh scripts/ensure-chromium.sh
	$(BIN)/python -m pytest -q -n 2

bench: install
	$(BIN)/python bench/bench.py

clean:
	rm -rf $(VENV) reports bench/results.json
