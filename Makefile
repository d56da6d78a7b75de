# Everyday tasks. `make test` is the README's test command.
PY ?= .venv/bin/python

.PHONY: install test lint format bench schema lexicon update-golden site tls weights

install:
	python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]'

test:
	$(PY) -m pytest

lint:
	$(PY) -m ruff check . && $(PY) -m ruff format --check .

format:
	$(PY) -m ruff check --fix . && $(PY) -m ruff format .

schema:
	$(PY) -c "from timeline.schema import schema_text; open('timeline/events.schema.json', 'w').write(schema_text())"

lexicon:
	$(PY) -m timeline.extract.forms_build > timeline/extract/data/forms.json.new && mv timeline/extract/data/forms.json.new timeline/extract/data/forms.json

update-golden:
	UPDATE_GOLDEN=1 $(PY) -m pytest tests/test_site_golden.py

site:
	.venv/bin/timeline build

bench:
	$(PY) bench/tempeval_score.py
	$(PY) bench/tag_speed.py
	$(PY) bench/build_speed.py
	$(PY) bench/extract_speed.py
	$(PY) bench/reload_latency.py
	$(PY) bench/topic_speed.py --topic bpoil --jobs 2

# Timeline17 (../shared): re-learn the importance weights, then score Date-F1.
weights:
	$(PY) bench/learn_importance.py

tls:
	$(PY) bench/tls.py --per-timeline
