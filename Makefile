# Two commands that work on a fresh machine (Debian, Python 3.11+):
#   make setup   virtual environment with pinned dependencies, Chromium for the browser
#                tests, and the demo site built into site/
#   make test    the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# The Nu HTML Checker (see "HTML checker" below); defined here, before setup names it.
VNU_VERSION := 26.9.27
VNU_JAR := .tools/node_modules/vnu-jar/build/dist/vnu.jar
# The second engine (see "second engine" below).
PROPERDOCS := .venv-properdocs/bin/properdocs

.PHONY: setup test site serve bench lint chromium

setup: chromium $(BIN)/buurtkaart $(VNU_JAR) $(PROPERDOCS) site

$(BIN)/buurtkaart: pyproject.toml requirements.lock.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock.txt -e '.[test]'
	touch $@

# Debian's Chromium drives the browser tests (Playwright uses it; no browser download);
# Java runs the Nu HTML Checker.
chromium:
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Installeer Chromium als root: sudo apt-get install chromium"; exit 1; fi; \
	fi
	@if ! command -v java >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	  else echo "Installeer Java als root: sudo apt-get install default-jre-headless"; exit 1; fi; \
	fi

# --- HTML checker ------------------------------------------------------------------------------
# The Nu HTML Checker for tests/test_html_valid.py, from npm, pinned; runs on Java 17+.
# Its install script (which would download a Java runtime) is not run; Debian's Java is used.
$(VNU_JAR):
	npm install --prefix .tools --ignore-scripts --no-audit --no-fund vnu-jar@$(VNU_VERSION)
	touch $@

# --- second engine ---------------------------------------------------------------------------
# ProperDocs (the maintained MkDocs 1.x fork) with Material, in a venv of its own so it never
# meets this project's MkDocs; tests/test_other_engine.py builds the demo with it from
# 'buurtkaart render' output and checks every link.
$(PROPERDOCS):
	$(PYTHON) -m venv .venv-properdocs
	.venv-properdocs/bin/pip install --quiet properdocs==1.6.7 mkdocs-material==9.8.1
	touch $@

# --- end HTML checker --------------------------------------------------------------------------

# Built beside the old site and swapped in at once (site/ is a link to site.versies/N):
# a build that fails or is killed leaves the previous site whole.
site: $(BIN)/buurtkaart
	$(BIN)/buurtkaart check
	$(BIN)/buurtkaart publiceer --site site

# --dirty: only changed files are written again (the plugin keeps every page right).
serve: $(BIN)/buurtkaart
	$(BIN)/mkdocs serve --dirty

test: $(BIN)/buurtkaart $(PROPERDOCS)
	$(BIN)/python -m pytest

lint: $(BIN)/buurtkaart
	$(BIN)/ruff check buurtkaart_build tests bench
	$(BIN)/ruff format --check buurtkaart_build tests bench

bench: $(BIN)/buurtkaart
	$(BIN)/python bench/run.py
