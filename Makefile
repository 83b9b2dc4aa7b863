# The two commands that set everything up on a fresh machine:
#   make serve   create .venv, install, build the graph if missing, serve it
#   make test    create .venv, install with test extras, run the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE := var/store

.PHONY: serve test fault-test install install-test assets build lint clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

install: $(BIN)/python
	$(BIN)/python scripts/install_parser_model.py
	$(BIN)/pip install --quiet -e .
	$(MAKE) --no-print-directory assets

install-test: $(BIN)/python
	$(BIN)/python scripts/install_parser_model.py
	$(BIN)/pip install --quiet -e '.[test]'
	$(MAKE) --no-print-directory assets

# The query editor's browser assets: `npm ci` from package-lock.json, then copied into
# server/static/vendor (git-ignored), so the editor page needs no CDN.
assets: $(BIN)/python
	$(BIN)/python scripts/vendor_assets.py

$(STORE)/current:
	$(BIN)/spacekg build

build: install
	$(BIN)/spacekg build

serve: install $(STORE)/current
	$(BIN)/spacekg serve

test: install-test
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The reliability suite alone (slow clients, runaway and crashing queries, builds under a
# running server); `make test` runs it too.
fault-test: install-test
	$(BIN)/python -m pytest tests/reliability

lint: install-test
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) var
