# Two commands for a fresh machine with Python 3.11 and make:
#   make data   create .venv, install the pinned build environment, build and validate the dataset
#   make test   create .venv, install the pinned build environment, run the whole test suite
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: data test lint wheel bench clean-venv

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

data: $(STAMP)
	$(BIN)/syria-deconfliction build

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts benchmarks

wheel: $(STAMP)
	$(BIN)/python -m build --wheel --outdir dist .

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean-venv:
	rm -rf $(VENV)
