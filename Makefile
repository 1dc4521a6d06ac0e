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
export DISABLE_MKDOCS_2_WARNING := true
NODE_DEPS := node_modules/.package-lock.json
export UV_PROJECT_ENVIRONMENT := $(VENV)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test lint unit build site fmt snapshots clean public-urls zensical edition bench

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

# Lighthouse and axe-core for the site checks (package.json, package-lock.json).
# Without npm the browser quality gates skip with a message (and fail in CI).
$(NODE_DEPS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: Lighthouse and axe-core checks will be skipped (apt-get install nodejs npm)"; exit 0; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

site: $(BIN)/.synced $(NODE_DEPS) ## Stage 4: checks on the built site (links, privacy, published data, browser tests)
	@test -f $(SITE_DIR)/index.html || { echo "$(SITE_DIR)/ is missing: run 'make build' first"; exit 1; }
	$(BIN)/pytest -m site -p no:cacheprovider

public-urls: $(BIN)/.synced ## Refresh data/public_urls.txt from the built site (after adding pages or anchors)
	@test -f $(SITE_DIR)/index.html || { echo "$(SITE_DIR)/ is missing: run 'make build' first"; exit 1; }
	$(BIN)/python -m guide.links write $(SITE_DIR)

edition: $(BIN)/.synced ## Publish a dated edition with mike (EDITION=YYYY-MM-DD, default today; MIKE_FLAGS=--push)
	@edition="$${EDITION:-$$(date -u +%Y-%m-%d)}"; base="$$edition"; n=1; \
	while $(BIN)/mike list --json 2>/dev/null | grep -q "\"version\": \"$$edition\""; do n=$$((n + 1)); edition="$$base.$$n"; done; \
	echo "publishing edition $$edition with alias latest"; \
	VERSION_SELECTOR=true $(BIN)/mike deploy $(MIKE_FLAGS) --update-aliases --title "$$edition" "$$edition" latest; \
	$(BIN)/mike set-default $(MIKE_FLAGS) latest

zensical: $(BIN)/.synced ## Canary: build mkdocs.yml with Zensical and report what differs from MkDocs (not part of test)
	$(BIN)/python -m guide.zensical_canary

fmt: $(BIN)/.synced ## Fix lint and formatting where ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.synced ## Run the full benchmark (about 20 min, needs Debian's wrk); writes data/benchmarks/full-<time>.json
	$(BIN)/python -m guide.bench $(if $(BENCH_OUT),--out $(BENCH_OUT))

snapshots: $(BIN)/.synced ## Re-execute notebooks and refresh stored outputs the tests compare against
	$(BIN)/python -m guide.notebooks refresh

clean: ## Remove the virtualenv, the built site and caches
	rm -rf $(VENV) site site.includes.json .cache .pytest_cache .coverage
