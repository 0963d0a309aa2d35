# Every target runs from a fresh clone after `make install`; `bench` and `quality` compare
# against the other extractors after `make bench-install`.
PYTHON ?= python3
MINUTES ?= 1

.PHONY: install bench-install test bench quality fuzz

install:
	$(PYTHON) -m pip install -e ".[test]"

# readability-lxml in a second pip run: see the comment on the bench extra in pyproject.toml.
bench-install:
	$(PYTHON) -m pip install -e ".[test,bench]"
	$(PYTHON) -m pip install "readability-lxml>=0.9"

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
