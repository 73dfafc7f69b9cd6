PYTHON ?= /work/venv/bin/python
SITREP ?= $(PYTHON) -m sitrep.cli
REPORTS ?= reports

.PHONY: evaluate
# Regenerate every evaluation report and the README scoreboard (reports/scoreboard.md).
evaluate:
	mkdir -p $(REPORTS)
	$(SITREP) evaluate muc4 --report $(REPORTS)/muc4-dev.json
	$(SITREP) evaluate wikievents --report $(REPORTS)/wikievents-dev.json
	$(SITREP) evaluate gold tests/gold/articles.jsonl --report $(REPORTS)/gold.json
	$(SITREP) evaluate ucdp-places --report $(REPORTS)/ucdp-places.json
	$(PYTHON) -m sitrep.evaluate.scoreboard $(REPORTS) > $(REPORTS)/scoreboard.md
	cat $(REPORTS)/scoreboard.md
	$(PYTHON) -m sitrep.evaluate.gate $(REPORTS)/*.json
