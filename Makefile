# Every target runs from a fresh clone after `pip install -e ".[test]"`.
PYTHON ?= python3
MINUTES ?= 1

.PHONY: install test bench quality fuzz

install:
	$(PYTHON) -m pip install -e ".[test]"

test:
	$(PYTHON) -m pytest

bench:
	# Peak memory in a fresh process of its own (VmHWM), then every ratio, interleaved on CPU time.
	$(PYTHON) benchmarks/peak_memory.py --json .benchmarks/memory.json
	$(PYTHON) benchmarks/speed.py --memory .benchmarks/memory.json --json .benchmarks/speed.json $(BENCH_ARGS)

quality:
	$(PYTHON) benchmarks/quality.py

fuzz:
	$(PYTHON) tests/fuzz/run.py --minutes $(MINUTES)
