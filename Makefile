# Every target runs from a fresh clone after `pip install -e ".[test]"`.
PYTHON ?= python3
MINUTES ?= 1

.PHONY: install test bench quality fuzz

install:
	$(PYTHON) -m pip install -e ".[test]"

test:
	$(PYTHON) -m pytest

bench:
	mkdir -p .benchmarks
	$(PYTHON) -m pytest benchmarks -q --benchmark-enable --benchmark-only --benchmark-json=.benchmarks/latest.json \
		--benchmark-columns=median,iqr,rounds --benchmark-sort=name $(BENCH_ARGS)
	$(PYTHON) benchmarks/report.py .benchmarks/latest.json

quality:
	$(PYTHON) benchmarks/quality.py

fuzz:
	$(PYTHON) tests/fuzz/run.py --minutes $(MINUTES)
