# The two commands: `make demo` and `make test`. Everything else here serves them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
GR     := $(VENV)/bin/grassroots
DEMO_DIR := .grassroots/demo-xinluo
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint venv neo4j-local browser web-deps test-js db-start db-stop demo-data clean help

help:
	@echo "make demo   - install, start the local Neo4j, load the xinluo demo data, serve API + page on http://$(HOST):$(PORT)"
	@echo "make test   - lint first (make lint), then the whole test suite against a real (throwaway) Neo4j"
	@echo "make lint   - ruff, mypy and the import floors (import-linter)"
	@echo "make db-stop - stop the local Neo4j started by make demo"

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e ".[test]"
	touch $@

neo4j-local: venv
	$(GR) db build

db-start: neo4j-local
	@$(GR) db status >/dev/null 2>&1 || $(GR) db start

db-stop: venv
	$(GR) db stop

demo: db-start web-deps
	$(GR) schema apply
	$(GR) demo-data --tier xinluo --out $(DEMO_DIR)
	$(GR) ingest $(DEMO_DIR)
	@echo "API and page on http://$(HOST):$(PORT)  (docs: /docs, health: /health); Ctrl-C stops the API, 'make db-stop' stops Neo4j"
	@echo "The demo serves without API keys (GRASSROOTS_AUTH=off, loopback only): docs/security.md says how to turn them on."
	GRASSROOTS_AUTH=off $(GR) serve --host $(HOST) --port $(PORT)

# The page test (tests/test_web_page.py) drives Debian's headless chromium, with CJK fonts for the
# Chinese names. Installed once with apt (root, or sudo); nothing to do when chromium is there.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q chromium chromium-driver fonts-noto-cjk; }

# The page's graph library (Cytoscape.js and two plugins), pinned in web/package-lock.json and
# served by the API from web/node_modules: nothing is fetched from a CDN when the page runs.
web-deps: web/node_modules/.installed

web/node_modules/.installed: web/package.json web/package-lock.json
	@command -v npm >/dev/null 2>&1 || { $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q nodejs npm; }
	cd web && npm ci --no-audit --no-fund
	touch $@

# The page's own JavaScript (folding, undo history, layouts, style rules, phrases): node's test runner.
test-js: web-deps
	node --test web/tests/


# Style, types and floors: ruff (lint and format), mypy, import-linter (pyproject.toml holds their settings).
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

test: lint neo4j-local browser web-deps test-js
	$(PY) -m pytest -q

clean:
	rm -rf $(VENV) neo4j-local/target .grassroots .pytest_cache web/node_modules
