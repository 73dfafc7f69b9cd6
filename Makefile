# Two entry points a fresh machine needs (README.md): `make demo` and `make test`.
VENV ?= .venv
PYTHON ?= $(VENV)/bin/python
SITREP ?= $(VENV)/bin/sitrep
REPORTS ?= reports
EXTRAS ?= test,dask,postgres,service,eval

.PHONY: install demo test lint evaluate muc4-filter

$(VENV)/.installed: pyproject.toml
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install -q --upgrade pip
	$(PYTHON) -m pip install -q -e ".[$(EXTRAS)]"
	touch $@

install: $(VENV)/.installed

DEMO_DB ?= sitrep-demo.db

# Install; extract one bundled example article and print it as an analyst reads it; ingest all
# bundled examples into a SQLite file (merged into events) and list the events.
demo: install
	$(SITREP) extract src/sitrep/examples/example-quetta-wave.txt --published 2025-11-18 --format text
	$(SITREP) ingest src/sitrep/examples/examples.jsonl --db $(DEMO_DB) --no-progress
	$(SITREP) review list --db $(DEMO_DB)

# Install, start a throw-away PostgreSQL when none is given, run every test, then lint.
test: install
	status=0; \
	SITREP_TEST_POSTGRES_URL=$$(bash .ci/postgres.sh) $(PYTHON) -m pytest || status=$$?; \
	$(PYTHON) -m ruff check src tests benchmarks || status=$$((status ? status : 1)); \
	exit $$status

lint: install
	$(PYTHON) -m ruff check src tests benchmarks
	$(PYTHON) -m ruff format --check src tests benchmarks

# Retrain the MUC-4 relevance filter on MUC-4 train (src/sitrep/evaluate/data/muc4_filter.json);
# run it after a change to the extractor, then `make evaluate`.
muc4-filter: install
	$(PYTHON) -m sitrep.evaluate.muc4_filter_train

# Regenerate every evaluation report, the scoreboard (reports/scoreboard.md and the README block
# between the scoreboard markers), then check the evaluation gate (src/sitrep/evaluate/gate.toml).
evaluate: install
	mkdir -p $(REPORTS)
	$(SITREP) evaluate muc4 --report $(REPORTS)/muc4-dev.json
	$(SITREP) evaluate wikievents --report $(REPORTS)/wikievents-dev.json
	$(SITREP) evaluate gold tests/gold/articles.jsonl --report $(REPORTS)/gold.json
	$(SITREP) evaluate ucdp-places --report $(REPORTS)/ucdp-places.json
	$(PYTHON) -m sitrep.evaluate.scoreboard $(REPORTS) --readme README.md > $(REPORTS)/scoreboard.md
	cat $(REPORTS)/scoreboard.md
	$(PYTHON) -m sitrep.evaluate.gate $(REPORTS)/*.json
