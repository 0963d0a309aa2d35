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
	# Peak memory in a fresh process of its own (VmHWM), then every ratio, interleaved on CPU time.
	mkdir -p .benchmarks
	$(PYTHON) benchmarks/peak_memory.py --json .benchmarks/memory.json
	$(PYTHON) benchmarks/speed.py --memory .benchmarks/memory.json --json .benchmarks/speed.json $(BENCH_ARGS)

quality:
	$(PYTHON) benchmarks/quality.py

fuzz:
	$(PYTHON) tests/fuzz/run.py --minutes $(MINUTES)
