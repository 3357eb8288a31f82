"""``qualitydesk``: the desktop program without a subcommand, else the subcommand's handler.

Usage and input errors print one line on stderr and exit 2; never a traceback.
"""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from qualitydesk import log as applog
from qualitydesk.cli.common import EXIT_OK, EXIT_USAGE, UsageError
from qualitydesk.domain.forms import FormsError
from qualitydesk.domain.scoring import ScoreError
from qualitydesk.store.errors import DocumentError

if TYPE_CHECKING:
    import argparse

# The module of qualitydesk.cli that runs each command, as ``<command>_command(args) -> int``.
MODULES = {
    "forms": "forms",
    "validate": "forms",
    "score": "scores",
    "new": "documents",
    "demo": "documents",
    "check": "check",
    "history": "documents",
    "dump": "exchange",
    "load": "exchange",
    "export": "export",
    "import-docx": "exchange",
    "compare": "compare",
    "team": "team",
    "feedback": "improvement",
    "actions": "improvement",
}
COMMANDS = tuple(MODULES)  # in the order --help lists them
DOCUMENT_SUFFIXES = (".qdesk", ".json", ".pdf")  # arguments the log may show (paths, not values)


def command_modules() -> list[str]:
    """Every module that runs a command, by name (the frozen program's smoke test imports them)."""
    return sorted({f"qualitydesk.cli.{module}" for module in MODULES.values()})


def handler(command: str) -> Callable[[argparse.Namespace], int]:
    """The function that runs ``command`` (its module is imported only when it runs)."""
    module = importlib.import_module(f"qualitydesk.cli.{MODULES[command]}")
    run: Callable[[argparse.Namespace], int] = getattr(
        module, f"{command.replace('-', '_')}_command"
    )
    return run


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: the process's) and return the exit code: 0 done
    (or ready, for ``check``), 1 a problem found, 2 a usage or input error said on stderr.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    applog.install(context=_log_context(argv))
    try:
        if argv == ["--smoke-test"]:
            return _run_gui(None, smoke_test=True)
        if not argv or (len(argv) == 1 and not argv[0].startswith("-") and argv[0] not in COMMANDS):
            return _run_gui(argv[0] if argv else None)
        from qualitydesk.cli.parser import build_parser  # the grammar only for a command

        args = build_parser().parse_args(argv)
        return handler(args.command)(args)
    except (UsageError, FormsError, ScoreError, DocumentError) as exc:
        applog.record_failure(exc)
        print(f"qualitydesk: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. piped into head
        return EXIT_OK
    except Exception as exc:  # a bug: logged for the report, then Python's own traceback
        applog.record_failure(exc, "command crashed")
        raise


def _log_context(argv: Sequence[str]) -> applog.Context:
    """What the log says of this run: the command, option names and paths, no value typed."""
    words = ["qualitydesk"]
    for arg in argv:
        if arg in COMMANDS or arg.lower().endswith(DOCUMENT_SUFFIXES):
            words.append(arg)
        elif arg.startswith("-"):
            name, sep, _ = arg.partition("=")
            words.append(f"{name}=…" if sep else name)
        else:
            words.append("…")
    document = next((a for a in argv if a.lower().endswith(".qdesk")), "")
    return applog.Context(" ".join(words), (lambda: document) if document else None)


def _run_gui(path: str | None, *, smoke_test: bool = False) -> int:
    """The desktop program, opening ``path`` if given."""
    if smoke_test:  # visits every step without needing a screen
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    headless_qt = os.environ.get("QT_QPA_PLATFORM", "") in {"offscreen", "minimal"}
    if sys.platform.startswith("linux") and not has_display and not headless_qt:
        raise UsageError(
            "没有图形显示（DISPLAY 未设置），无法打开桌面窗口；不用显示器可运行 make demo"
        )
    # Nothing the start makes is garbage, and the collector walked it all again and again: off
    # until the window is up (qualitydesk.ui.app.run puts it back).
    gc.disable()
    from qualitydesk.ui.app import run  # Qt is imported only when the window is wanted

    return run(path, smoke_test=smoke_test)
