# The guide's one entry point. `make help` lists the targets and what they do.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LTS_VENV := .venv-lts
LTS_BIN := $(LTS_VENV)/bin
UV_VERSION := 0.13.9
BOOTSTRAP := .cache/bootstrap
UV := $(BOOTSTRAP)/bin/uv
SITE_DIR ?= site
export SITE_DIR
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
NODE_DEPS := node_modules/.package-lock.json
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help serve test quick lint unit unit-lts build site fmt snapshots clean public-urls generate zensical edition bench outdated

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# uv itself is bootstrapped with whatever `python3` is on PATH (3.9 or newer); uv then
# builds both environments with the interpreter `.python-version` names (3.13), finding
# it on the machine or installing it. Override with UV_PYTHON=3.14 (after `make clean`).
$(UV):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 9))' || { echo "Python 3.9 or newer is needed to bootstrap uv (found: $$($(PYTHON) --version))"; exit 1; }
	$(PYTHON) -m venv $(BOOTSTRAP)
	$(BOOTSTRAP)/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# The current stack (Django 6.1): the default groups of pyproject.toml.
$(BIN)/.synced: pyproject.toml uv.lock .python-version | $(UV)
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --locked --quiet
	@touch $@

# The LTS stack (Django 5.2): the same lock with the django-lts group instead.
$(LTS_BIN)/.synced: pyproject.toml uv.lock .python-version | $(UV)
	UV_PROJECT_ENVIRONMENT=$(LTS_VENV) $(UV) sync --locked --quiet --no-group django-current --group django-lts
	@touch $@

serve: $(BIN)/.synced ## Serve the site at http://127.0.0.1:8000 with live reload (docs, snippets, data)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

test: lint unit unit-lts build site ## Run every stage in order, stopping at the first failure

# The edit-test loop (about 2 minutes on 2 cores): the snippet tests of tests/tasks, the generator
# and data tests, without coverage; no LTS, migration, contract, bad-input or browser checks.
QUICK_TESTS := tests/tasks tests/docs tests/pipeline/test_generate.py tests/test_pages.py tests/test_published_schema.py

quick: lint $(BIN)/.synced ## The edit-test loop: lint, snippet tests (current stack, no coverage), strict build
	$(BIN)/pytest -m "not site" -p no:cacheprovider -q --no-cov $(QUICK_TESTS)
	$(MAKE) --no-print-directory build

lint: $(BIN)/.synced ## Stage 1: ruff lint and format check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The test stages run in pytest-xdist workers: most tests wait on the servers they start, so
# two workers on two cores take about half the time. A test file, or a group of files that
# share results (bad inputs), runs whole in one worker (tests/support/workers.py).
# The contract tests run afterwards in one plain process: in an xdist worker Schemathesis's
# pytest integration collects 52 of its 87 cases, and the results they compare would be partial.
# WORKERS=0 runs everything in one process, as plain pytest does.
WORKERS ?= 2
XDIST := $(if $(filter 0,$(WORKERS)),,-n $(WORKERS))
IN_ONE_PROCESS := tests/contract

unit: $(BIN)/.synced ## Stage 2: snippet and data tests on the current stack, coverage over snippets/ must be 100 %
	$(BIN)/pytest -m "not site" $(XDIST) --ignore=$(IN_ONE_PROCESS) --cov --cov-report= --cov-fail-under=0
	$(BIN)/pytest -m "not site" -p no:cacheprovider --cov --cov-append --cov-report=term $(IN_ONE_PROCESS)

# The snippet tests again on Django 5.2 LTS. Snippets for features the LTS lacks skip
# with their reason (tests/conftest.py); coverage is measured on the current stack only.
# The stacks differ only in Django, so the migration paths between Flask-family frameworks
# stay out, and tests/conftest.py deselects Flask- and FastAPI-only cases (the header says so).
LTS_MIGRATE := $(filter-out tests/migrate/test_flask_to_%,$(wildcard tests/migrate/test_*.py))
LTS_TESTS := tests/tasks tests/compare tests/contract $(LTS_MIGRATE) tests/django_site tests/badinput tests/bench/test_apps.py

unit-lts: $(LTS_BIN)/.synced ## Stage 2b: snippet tests on the LTS stack (Django 5.2)
	$(LTS_BIN)/pytest -m "not site" -p no:cacheprovider $(XDIST) $(filter-out $(IN_ONE_PROCESS),$(LTS_TESTS))
	$(LTS_BIN)/pytest -m "not site" -p no:cacheprovider $(filter $(IN_ONE_PROCESS),$(LTS_TESTS))

build: $(BIN)/.synced ## Stage 3: mkdocs build --strict into site/
	$(BIN)/mkdocs build --strict --site-dir $(SITE_DIR)

# Lighthouse and axe-core for the site checks (package.json, package-lock.json).
# Without npm the browser quality gates skip with a message (and fail in CI).
$(NODE_DEPS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm not found: Lighthouse and axe-core checks will be skipped (apt-get install nodejs npm)"; exit 0; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# Lighthouse measures speed, so it runs alone once the other site checks are done.
LIGHTHOUSE_TESTS := tests/site/test_quality_lighthouse.py

site: $(BIN)/.synced $(NODE_DEPS) ## Stage 4: checks on the built site (links, privacy, published data, browser tests)
	@test -f $(SITE_DIR)/index.html || { echo "$(SITE_DIR)/ is missing: run 'make build' first"; exit 1; }
	$(BIN)/pytest -m site -p no:cacheprovider $(XDIST) --ignore=$(LIGHTHOUSE_TESTS)
	$(BIN)/pytest -m site -p no:cacheprovider $(LIGHTHOUSE_TESTS)

public-urls: $(BIN)/.synced ## Refresh data/public_urls.txt from the built site (after adding pages or anchors)
	@test -f $(SITE_DIR)/index.html || { echo "$(SITE_DIR)/ is missing: run 'make build' first"; exit 1; }
	$(BIN)/python -m tests.support.links write $(SITE_DIR)

edition: $(BIN)/.synced ## Publish a dated edition with mike (EDITION=YYYY-MM-DD, default today; MIKE_FLAGS=--push)
	@edition="$${EDITION:-$$(date -u +%Y-%m-%d)}"; base="$$edition"; n=1; \
	while $(BIN)/mike list --json 2>/dev/null | grep -q "\"version\": \"$$edition\""; do n=$$((n + 1)); edition="$$base.$$n"; done; \
	echo "publishing edition $$edition with alias latest"; \
	VERSION_SELECTOR=true $(BIN)/mike deploy $(MIKE_FLAGS) --update-aliases --title "$$edition" "$$edition" latest; \
	$(BIN)/mike set-default $(MIKE_FLAGS) latest

generate: $(BIN)/.synced ## Write the generated site source (pages with directives expanded, /data/*.json) into build/docs
	$(BIN)/python -m guide.generate build/docs

zensical: $(BIN)/.synced ## Canary: build the generated site with Zensical and report what differs from MkDocs (not part of test)
	$(BIN)/python -m guide.devtools.zensical_canary

fmt: $(BIN)/.synced ## Fix lint and formatting where ruff can
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.synced ## Run the full benchmark (about 20 min, needs Debian's wrk); writes data/benchmarks/full-<time>.json
	$(BIN)/python -m guide.bench $(if $(BENCH_OUT),--out $(BENCH_OUT))

outdated: $(BIN)/.synced ## Report locked frameworks and docs packages behind the newest release on PyPI (needs network)
	$(BIN)/python -m guide.devtools.outdated

snapshots: $(BIN)/.synced ## Re-execute notebooks and refresh stored outputs the tests compare against
	$(BIN)/python -m guide.devtools.notebooks refresh

clean: ## Remove the virtualenv, the built site and caches
	rm -rf $(VENV) $(LTS_VENV) $(BOOTSTRAP) site site.includes.json build .cache .pytest_cache .coverage
