# Two commands: `make demo` (ingest the bundled sample corpus and show its events) and `make test` (the test suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: demo test install eval bench clean chromium

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

DB ?= flashpoint.duckdb

demo: $(STAMP)
	rm -f $(DB) $(DB).wal
	$(VENV)/bin/flashpoint ingest examples/ --db $(DB)
	$(VENV)/bin/flashpoint articles --db $(DB)
	$(VENV)/bin/flashpoint events --db $(DB)
	$(VENV)/bin/flashpoint brief --db $(DB) --format md -o brief.md
	$(VENV)/bin/flashpoint brief --db $(DB) --format html -o brief.html
	@echo
	@echo "The brief: brief.md (and brief.html). To open the dashboard:"
	@echo "    $(VENV)/bin/flashpoint serve --db $(DB)"
	@echo "then browse http://127.0.0.1:8000 (Ctrl+C stops it)."

# The browser tests drive Debian's chromium (never a browser downloaded by Playwright); CI runs as root.
chromium:
	command -v chromium >/dev/null || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

test: $(STAMP) chromium
	$(PY) -m pytest -q

eval: $(STAMP)
	$(VENV)/bin/flashpoint eval gold/dev.jsonl
	$(VENV)/bin/flashpoint eval gold/test.jsonl

bench: $(STAMP)
	$(PY) benchmarks/bench_code.py

clean:
	rm -rf $(VENV) *.egg-info .pytest_cache
