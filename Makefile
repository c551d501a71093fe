# Set-up and the main jobs. PYTHON may point at any Python >= 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test setup setup-test lint bench clean

$(BIN)/kg:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e .

setup: $(BIN)/kg

setup-test: setup
	$(BIN)/pip install -q -e '.[test]'

demo: setup  ## build the graph of the seed articles into out/
	$(BIN)/kg build seeds/ -o out/

test: setup-test  ## run the test suite (needs Debian chromium for the browser tests)
	$(BIN)/ruff check kg tests bench
	$(BIN)/mypy
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: setup-test
	$(BIN)/ruff check kg tests

bench: setup-test
	$(BIN)/python bench/extract_speed.py

clean:
	rm -rf out .pytest_cache
