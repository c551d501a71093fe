# Set-up and the main jobs. PYTHON may point at any Python >= 3.11.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test setup setup-test lint bench clean mutation

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

# Mutation testing of the safety-critical code (tests/mutation/setup.cfg has the files and tests);
# slow, and not part of `make test`. Runs in a scratch copy of the working tree. MUTANTS picks the
# functions: atomic writes, query binding, store add/remove, view escaping, negation/modality;
# e.g. make mutation MUTANTS='kg.graph.io.*' for one module.
MUTATION_DIR ?= /tmp/kg-mutation
MUTANTS ?= 'kg.graph.io.x_atomic_write_text__*' 'kg.graph.resolve_param.*' 'kg.graph.query.x__with_values__*' \
  'kg.graph.query.x__bind__*' 'kg.graph.store.*' 'kg.pipeline.x_add__*' 'kg.pipeline.x_remove__*' \
  'kg.pipeline.x__article_graphs__*' 'kg.view.x__json_for_script__*' 'kg.view.x_render_html__*' 'kg.extract.modality.*'
mutation: setup-test
	$(BIN)/pip install -q -e '.[mutation]'
	rm -rf $(MUTATION_DIR) && mkdir -p $(MUTATION_DIR)
	git ls-files -z --cached --others --exclude-standard | xargs -0 -I{} sh -c 'test ! -e "{}" || cp --parents "{}" $(MUTATION_DIR)'
	cp tests/mutation/setup.cfg $(MUTATION_DIR)/setup.cfg
	cd $(MUTATION_DIR) && $(abspath $(BIN))/mutmut run --max-children 2 $(MUTANTS) ; \
	  $(abspath $(BIN))/mutmut results > results.txt ; status=$$? ; \
	  echo "survivors:" ; grep -E ': (survived|no tests|timeout|suspicious)' results.txt || echo "none" ; exit $$status
