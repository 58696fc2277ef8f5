# Cluster Marketplace. `make run` and `make test` are all a new machine needs.
VENV     ?= .venv
PYTHON   ?= python3
BIN      := $(VENV)/bin
FLASK    := MARKETPLACE_DEV=1 $(BIN)/flask --app wsgi
HOST     ?= 127.0.0.1
PORT     ?= 5000
STAMP    := $(VENV)/.installed-stamp
LOCK     := requirements.lock
PO_FILES := $(wildcard marketplace/translations/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test lint format lock install db demo translations extract-messages reindex screenshots clean

## run: set everything up (venv, install, migrations, reference data, demo cluster) and serve
run: install db demo
	$(FLASK) run --host $(HOST) --port $(PORT)

## test: the whole suite (PostgreSQL runs too when TEST_DATABASE_URL is set)
test: install
	$(BIN)/pytest

## lint: ruff (rules and formatting) and mypy, as CI runs them
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## format: apply ruff's formatting and its safe fixes
format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

install: $(STAMP) $(MO_FILES)

# Exactly the locked versions, each checked against its hash; then the project itself, without dependencies.
$(STAMP): $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

## lock: re-resolve requirements.lock from pyproject.toml after a dependency changed (UPGRADE=1: newest releases)
lock: $(STAMP)
	$(BIN)/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras --extra test --extra dev \
		--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade) -o $(LOCK) pyproject.toml

%.mo: %.po $(STAMP)
	$(BIN)/pybabel compile --use-fuzzy -i $< -o $@ --statistics

## db: apply the Alembic migrations and load the reference directories
db: install
	$(FLASK) db upgrade
	$(FLASK) reference load

## demo: load the demo cluster into an empty database
demo: install
	$(FLASK) seed-demo --if-empty

## extract-messages: refresh the translation catalogs from the code and templates
extract-messages: $(STAMP)
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k lazy_ngettext:1,2 -k lazy_pgettext:1c,2 -o marketplace/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i marketplace/translations/messages.pot -d marketplace/translations --no-fuzzy-matching

reindex: install
	$(FLASK) search reindex

## screenshots: retake docs/screenshots/*.png from the demo cluster in headless Chromium
screenshots: install
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) instance/marketplace.db instance/search-index
