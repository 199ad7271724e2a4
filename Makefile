# custseg: `make course` opens the course, `make test` runs the checks.
# Only python3, pip and make are needed; everything else goes into .venv.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: course test notebooks site lint bench clean help

help:
	@echo "make course     set up .venv, build the notebooks, open JupyterLab on the course"
	@echo "make test       set up .venv with the test tools, run ruff and pytest"
	@echo "make notebooks  build course/notebooks (learners) and course/solutions (trainers) from course/src/"
	@echo "make site       execute every notebook and build a static HTML site in course/_build/html"
	@echo "make bench      run the benchmarks in bench/ (small sizes; see each script's --help)"

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
	@for script in bench/bench_*.py; do echo "== $$script"; $(BIN)/python $$script --small || exit 1; done

clean:
	rm -rf $(VENV) course/notebooks course/solutions course/_build .pytest_cache .ruff_cache
