# Newcomer commands: `make serve` (the web app), `make report` and `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install serve report test lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# the local web app on http://127.0.0.1:8000 (PORT=8001 make serve for another port)
PORT ?= 8000
serve: install
	$(BIN)/compliance serve --port $(PORT)

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
