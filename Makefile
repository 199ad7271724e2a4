# custseg: `make course` opens the course, `make test` runs the checks.
# Only python3, pip and make are needed; everything else goes into .venv.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: course test notebooks site lint bench bench-small clean help

help:
	@echo "make course     set up .venv, build the notebooks, open JupyterLab on the course"
	@echo "make test       set up .venv with the test tools, run ruff and pytest"
	@echo "make notebooks  build course/notebooks (learners) and course/solutions (trainers) from course/src/"
	@echo "make site       execute every notebook and build a static HTML site in course/_build/html"
	@echo "make bench      run the benchmarks in bench/ at full size (10 million transactions; minutes)"
	@echo "make bench-small  the same at a tenth of the size"

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(BIN)/.installed-bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

notebooks: $(BIN)/.installed
	$(BIN)/python course/build.py

site: $(BIN)/.installed
	$(BIN)/python course/site.py

course: notebooks
	@echo "正在启动 JupyterLab（Starting JupyterLab）：请在浏览器中打开下面显示的网址 (URL)。按 Ctrl+C 退出。"
	cd course/notebooks && ../../$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) 00_welcome.ipynb

lint: $(BIN)/.installed
	$(BIN)/ruff check .

test: lint
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -n 2  # two workers on two cores: one BLAS/OpenMP thread each

bench: $(BIN)/.installed-bench
	$(BIN)/python bench/bench_rfm.py
	$(BIN)/python bench/bench_clv.py
	$(BIN)/python bench/bench_grading.py

bench-small: $(BIN)/.installed-bench
	$(BIN)/python bench/bench_rfm.py --customers 100000 --transactions 1000000
	$(BIN)/python bench/bench_clv.py --customers 100000 --transactions 1000000
	$(BIN)/python bench/bench_grading.py --small

clean:
	rm -rf $(VENV) course/notebooks course/solutions course/_build .pytest_cache .ruff_cache
