# Two commands: `make run` serves the app, `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
WORKERS ?= 2
THREADS ?= 1

.PHONY: run test install install-test check-items bench clean

run: $(VENV)/.installed
	$(BIN)/quizapp setup
	$(BIN)/quizapp serve --host $(HOST) --port $(PORT) --workers $(WORKERS) --threads $(THREADS)

test: $(VENV)/.installed-test
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

check-items: $(VENV)/.installed
	../shared/tools/check_items.py --verbose

bench: $(VENV)/.installed-test
	$(BIN)/python benchmarks/bench_generate.py

clean:
	rm -rf $(VENV) *.egg-info
