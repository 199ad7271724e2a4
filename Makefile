# custseg: `make course` opens the course, `make test` runs the checks.
# Only python3, pip and make are needed; everything else goes into .venv.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8888
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root)
LAB_SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.d

.PHONY: course dashboard test test-clock check-install web-if-possible notebooks site slides handouts lint bench bench-small clean help

help:
	@echo "make course     set up .venv, build the notebooks, open JupyterLab on the course"
	@echo "make dashboard  open the code-free dashboards (Voila), one per module, for trainers"
	@echo "make test       set up .venv with the test tools, run ruff and pytest"
	@echo "make test-clock the grading and course-build tests with the clock moved 400 days ahead and back (faketime)"
	@echo "make check-install  pip install . without extras in a new .venv-core: the analysis library alone"
	@echo "make notebooks  build course/notebooks (learners) and course/solutions (trainers) from course/src/"
	@echo "make site       execute every notebook and build a static HTML site in course/_build/html"
	@echo "make slides     one reveal.js deck per module in course/_build/slides (works offline)"
	@echo "make handouts   learner handouts without answers as PDF in course/_build/handouts"
	@echo "make bench      run the benchmarks in bench/ at full size (10 million transactions; minutes)"
	@echo "make bench-small  the same at a tenth of the size"

# `make course` needs the course extra; `make test` everything (the test extra includes all).
$(BIN)/.installed-course: pyproject.toml course/share/jupyter/lab/settings/overrides.d/custseg-zh-CN.json
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[course]'
	mkdir -p $(LAB_SETTINGS)  # JupyterLab in Chinese (zh_CN), no news pop-up
	cp course/share/jupyter/lab/settings/overrides.d/custseg-zh-CN.json $(LAB_SETTINGS)/
	touch $@

$(BIN)/.installed: $(BIN)/.installed-course
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(BIN)/.installed-bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

# The pages, decks and handouts load only local scripts: npm packages go into .venv/share/custseg-web.
WEB_PACKAGES := reveal.js@4.6.1 @jupyter-widgets/html-manager@1.0.14 requirejs@2.3.7 jquery@3.7.1
$(BIN)/.installed-web: $(BIN)/.installed-course
	@command -v npm >/dev/null || { echo "需要 npm：sudo apt-get install npm (npm is missing)"; exit 2; }
	npm install --prefix $(VENV)/share/custseg-web --no-audit --no-fund --loglevel=error $(WEB_PACKAGES)
	touch $@

notebooks: $(BIN)/.installed-course
	$(BIN)/python course/build.py

site: $(BIN)/.installed-web
	$(BIN)/python course/build_site.py

slides: $(BIN)/.installed-web
	$(BIN)/python course/build_slides.py

handouts: $(BIN)/.installed-web
	$(BIN)/python course/build_handouts.py

course: notebooks
	@echo "正在启动 JupyterLab（Starting JupyterLab）：请在浏览器中打开下面显示的网址 (URL)。按 Ctrl+C 退出。"
	cd course/notebooks && ../../$(BIN)/jupyter lab --port=$(PORT) $(ROOT_FLAG) 00_welcome.ipynb

dashboard: notebooks
	@echo "正在启动互动仪表板（Voilà dashboards）：请在浏览器中打开下面显示的网址，选择一讲。按 Ctrl+C 退出。"
	JUPYTER_PATH=$(CURDIR)/course/share/jupyter $(BIN)/voila course/dashboards --port=$(PORT) \
		--template=custseg --VoilaConfiguration.classic_tree=True \
		--VoilaConfiguration.show_tracebacks=True  # a failing cell shows its (Chinese) message

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check custseg tests bench course deploy grading

# The site, slide and handout tests load local scripts installed with npm; without npm they skip.
web-if-possible: $(BIN)/.installed
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(BIN)/.installed-web; \
	else echo "没有 npm：网页、幻灯片和讲义的测试将跳过 (npm missing: those tests skip)"; fi

test: lint web-if-possible
	OMP_NUM_THREADS=1 $(BIN)/python -m pytest -n 2  # two workers on two cores: one BLAS/OpenMP thread each

# No test may depend on the day it runs: the grading and course-build tests again, with the
# clock 400 days ahead and 400 days back (Debian's faketime: apt-get install faketime).
CLOCK_TESTS := tests/grading tests/course/test_build.py
test-clock: $(BIN)/.installed
	@command -v faketime >/dev/null || { echo "需要 faketime：sudo apt-get install faketime (faketime is missing)"; exit 2; }
	for shift in +400d -400d; do \
		OMP_NUM_THREADS=1 faketime -f "$$shift" $(BIN)/python -m pytest -n 2 -p no:cacheprovider $(CLOCK_TESTS) || exit 1; \
	done

# What `pip install custseg` (no extra) gives a practitioner's server, in a new environment.
check-install:
	rm -rf .venv-core
	$(PYTHON) -m venv .venv-core
	.venv-core/bin/python -m pip install --quiet --upgrade pip
	.venv-core/bin/python -m pip install --quiet .
	.venv-core/bin/python .ci/core_install.py
	rm -rf .venv-core

bench: $(BIN)/.installed-bench
	$(BIN)/python bench/bench_rfm.py
	$(BIN)/python bench/bench_clv.py
	$(BIN)/python bench/bench_grading.py
	$(BIN)/python bench/bench_widgets.py --browser
	$(BIN)/python bench/bench_scale.py

bench-small: $(BIN)/.installed-bench
	$(BIN)/python bench/bench_rfm.py --customers 100000 --transactions 1000000
	$(BIN)/python bench/bench_clv.py --customers 100000 --transactions 1000000
	$(BIN)/python bench/bench_grading.py --small
	$(BIN)/python bench/bench_widgets.py --browser 03_rfm 04_abc_value
	$(BIN)/python bench/bench_scale.py --transactions 1000000 --customers 100000

clean:
	rm -rf $(VENV) .venv-core course/notebooks course/solutions course/dashboards course/_build build .pytest_cache .ruff_cache
