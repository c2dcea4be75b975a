# Two commands: `make demo` (code the bundled sample corpus) and `make test` (the test suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/flashpoint code examples/ --format table

test: $(STAMP)
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/flashpoint eval gold/dev.jsonl
	$(VENV)/bin/flashpoint eval gold/test.jsonl

bench: $(STAMP)
	$(PY) benchmarks/bench_code.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
