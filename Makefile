# Developer shortcuts. `make help` lists them.
PYTHON ?= python

.PHONY: help install demo test lint examples fixtures schema bench eval

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

install:  ## install screener with the test and dev extras, editable
	$(PYTHON) -m pip install -e ".[dev]"

demo:  ## screen the demo resumes against the back-end posting
	screener screen examples/resumes --posting pipelines/backend-developer.yaml

test:  ## run the test suite
	$(PYTHON) -m pytest

lint:  ## ruff over the code
	$(PYTHON) -m ruff check src tests benchmarks examples

examples:  ## rebuild the demo resumes in examples/resumes/
	$(PYTHON) examples/make_examples.py

fixtures:  ## rebuild the test fixture files in tests/fixtures/files/
	$(PYTHON) -m screener_testkit.make_fixtures

schema:  ## rewrite schemas/posting.schema.json from the posting validator's tables
	$(PYTHON) -m screener.cli posting schema > schemas/posting.schema.json

eval:  ## accuracy: skills, experience, ranking
	$(PYTHON) benchmarks/skills_eval.py
	$(PYTHON) benchmarks/experience_eval.py
	$(PYTHON) benchmarks/ranking_eval.py

bench:  ## speed: extraction agreement, throughput, hostile files
	$(PYTHON) benchmarks/extract_agreement.py
	$(PYTHON) benchmarks/throughput.py
	$(PYTHON) benchmarks/hostile_timings.py
