# The guide's one entry point. `make help` lists the targets and what they do.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
SITE_DIR ?= site
export SITE_DIR
export NO_MKDOCS_2_WARNING := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test lint unit build site fmt snapshots clean bench

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(BIN)/.synced: pyproject.toml uv.lock
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version))"; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	$(BIN)/uv sync --locked --quiet
	@touch $@

serve: $(BIN)/.synced ## Serve the site at http://127.0.0.1:8000 with live reload (docs, snippets, data)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: lint unit build site ## Run every stage in order, stopping at the first failure

lint: $(BIN)/.synced ## Stage 1: ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

unit: $(BIN)/.synced ## Stage 2: snippet and data tests, coverage over snippets/ must be 100 %
	$(BIN)/pytest -m "not site" --cov --cov-report=term

build: $(BIN)/.synced ## Stage 3: mkdocs build --strict into site/
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

site: $(BIN)/.synced ## Stage 4: checks on the built site (links, privacy, published data, browser tests)
	@test -f $(SITE_DIR)/index.html || { echo "$(SITE_DIR)/ is missing: run 'make build' first"; exit 1; }
	$(BIN)/pytest -m site -p no:cacheprovider

fmt: $(BIN)/.synced ## Fix lint and formatting where ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.synced ## Run the full benchmark (about 20 min, needs Debian's wrk); writes data/benchmarks/full-<time>.json
	$(BIN)/python -m guide.bench $(if $(BENCH_OUT),--out $(BENCH_OUT))

snapshots: $(BIN)/.synced ## Re-execute notebooks and refresh stored outputs the tests compare against
	$(BIN)/python -m guide.notebooks refresh

clean: ## Remove the virtualenv, the built site and caches
	rm -rf $(VENV) site site.includes.json .cache .pytest_cache .coverage
