# Cluster Marketplace. `make run` and `make test` are all a new machine needs.
VENV     ?= .venv
PYTHON   ?= python3
BIN      := $(VENV)/bin
FLASK    := MARKETPLACE_DEV=1 $(BIN)/flask --app wsgi
HOST     ?= 127.0.0.1
PORT     ?= 5000
STAMP    := $(VENV)/.installed-stamp
PO_FILES := $(wildcard marketplace/translations/*/LC_MESSAGES/messages.po)
MO_FILES := $(PO_FILES:.po=.mo)

.PHONY: run test install db demo translations extract-messages reindex screenshots bench clean

## run: set everything up (venv, install, migrations, reference data, demo cluster) and serve
run: install db demo
	$(FLASK) run --host $(HOST) --port $(PORT)

## test: the whole suite (PostgreSQL runs too when TEST_DATABASE_URL is set)
test: install
	$(BIN)/pytest

install: $(STAMP) $(MO_FILES)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

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
