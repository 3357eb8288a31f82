# QualityDesk — the two commands of the README (`make run`, `make test`) and their helpers.
# Everything installs itself: a virtual environment in .venv, and the Debian libraries Qt needs
# when they are missing and we run as root.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

QT_DEBS := libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libglib2.0-0 libfreetype6 \
	libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
	libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0

QM := resources/i18n/qualitydesk_en.qm
# The suite sees only the venv and the system's base tools, as a fresh machine would have them.
TEST_PATH := $(CURDIR)/$(VENV)/test-path

.PHONY: run test demo lint format qt-deps clean i18n bundle docs bench fuzz

run: $(STAMP) qt-deps $(QM)
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
		echo "没有可用的图形显示（DISPLAY 未设置），无法打开桌面窗口。"; \
		echo "No graphical display (DISPLAY is not set), so the desktop window cannot open."; \
		echo "不用显示器也能试用：make demo    Try it without a display: make demo"; \
		exit 1; \
	fi
	$(BIN)/qualitydesk

test: $(STAMP) qt-deps $(QM)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/python tests/helpers/tools_path.py $(TEST_PATH)
	PATH="$(CURDIR)/$(BIN):$(TEST_PATH)" QUALITYDESK_TEST_PATH="$(TEST_PATH)" \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The property tests at full size: 10,000 cases each over the JSON loader, the opener, the
# validators and the Markdown → PDF path (make test runs a small share of them). Takes a while.
fuzz: $(STAMP) qt-deps
	QUALITYDESK_FUZZ_EXAMPLES=10000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q tests/hardening

# Without a display: build the demo application and show what the program makes of it.
demo: $(STAMP)
	$(BIN)/qualitydesk forms list
	rm -f demo.qdesk demo.qdesk-wal demo.qdesk-shm demo.qdesk.lock
	$(BIN)/qualitydesk demo demo.qdesk
	$(BIN)/qualitydesk score demo.qdesk
	$(BIN)/qualitydesk check demo.qdesk

# The English translation: .ts source kept in git, .qm built here (a generated file).
$(QM): resources/i18n/qualitydesk_en.ts $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

# Refresh the .ts from the sources after changing interface strings, then translate the new ones.
i18n: $(STAMP)
	$(BIN)/pyside6-lupdate -no-obsolete -locations none $$(find qualitydesk/ui -name '*.py' | sort) -ts resources/i18n/qualitydesk_en.ts

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "QualityDesk needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

# Qt's shared libraries: installed when missing and we may (root); otherwise named so a user can.
qt-deps:
	@missing=""; for p in $(QT_DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "Installing Qt libraries:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
		else \
			echo "Qt needs these Debian packages (install them with sudo apt-get install):$$missing"; \
		fi; \
	fi

# The one-folder desktop bundle (PyInstaller), then its smoke test: open the demo, visit every
# step, export the PDF, offscreen.
bundle: $(STAMP) qt-deps $(QM)
	$(BIN)/python -m pip install --quiet "pyinstaller>=6.10,<7"
	$(BIN)/python -m PyInstaller --noconfirm --clean --log-level WARN build.spec
	QT_QPA_PLATFORM=offscreen dist/qualitydesk/qualitydesk --smoke-test
	du -sh dist/qualitydesk

# Every speed and memory figure in one table (exit 1 when a target is missed).
bench: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run_all.py

# The user guide's screenshots, made from the real program (offscreen, the demo application).
docs: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
