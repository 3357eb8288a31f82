"""The program's log: a small rotating file of errors and their context — never the user's content.

The file is ``logs/qualitydesk.log`` in the user's data folder (``QUALITYDESK_HOME`` when set,
otherwise the platform's application-data folder, the same one the desktop program uses), 1 MB
with 3 older files kept. The command line and the desktop program call :func:`install`; the
desktop program also calls :func:`install_excepthooks`, so a crash is logged and the user sees a
plain Chinese message instead of a traceback.

The rule — what may enter the log:

* Messages are fixed text written in the code. Variable data goes in ``extra`` under the names
  in :data:`SAFE_EXTRA` only; any other extra value is replaced by ``[redacted]``.
* A string argument of a message longer than :data:`MAX_ARG` characters is replaced by
  ``[redacted: N characters]``.
* Exceptions are logged with their type and traceback (the program's own files, lines and source)
  and every exception in their chain. Their message is kept only for the program's error types
  and OS and SQLite errors (:data:`SAFE_MESSAGES`), and only when not raised *from* another
  exception (such a message usually quotes that one's text); anything between quotes in it is
  replaced by “…” and it is cut at :data:`MAX_MESSAGE` characters. Every other message is
  withheld.
* Context: the versions of QualityDesk, Python, PySide6, SQLite and reportlab, the platform, the
  command (subcommand, option names and file paths — other values are left out) and the path of
  the document.

So field values, narratives, names typed by the user and anything else inside a document never
reach the file. This module imports no Qt.
"""

from __future__ import annotations

import contextlib
import logging
import re
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from msgspec import Struct

from qualitydesk import __version__
from qualitydesk.folders import data_folder

FILE_NAME = "qualitydesk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
MAX_ARG = 80
MAX_MESSAGE = 300
MAX_EXTRA = 300
SAFE_EXTRA = frozenset({"command", "path", "kind", "step", "exit_code", "elapsed_ms", "count"})
SAFE_MESSAGES = frozenset(
    {
        "DocumentError",
        "InterchangeError",
        "FormsError",
        "ExportError",
        "ExportCancelled",
        "OSError",
        "sqlite3.Error",
    }
)
CRASH_MESSAGE = (
    "程序发生了意外错误（{kind}）。\n\n"
    "已保存的申报内容不受影响。如果问题反复出现，请重新启动程序，"
    "并把下面的日志文件发给技术支持：\n{log}\n\n"
    "日志只记录错误类型、程序位置和版本号，不含申报内容。"
)

logger = logging.getLogger("qualitydesk")
_STANDARD = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}
_QUOTED = re.compile(r"“[^”]*”|‘[^’]*’|\"[^\"]*\"|'[^']*'|「[^」]*」|『[^』]*』")
_LOGGED = "_qualitydesk_logged"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class Context(Struct):
    """What an error record carries besides the error: the command and the open document."""

    command: str = ""
    document: Callable[[], str] | None = None

    def lines(self) -> list[str]:
        """The context as it is written under a warning or an error."""
        shown = [f"versions: {versions_line()}"]
        if self.command:
            shown.append(f"command: {_clean(self.command, MAX_EXTRA)}")
        path = self._document_path()
        if path:
            shown.append(f"document: {_clean(path, MAX_EXTRA)}")
        return shown

    def _document_path(self) -> str:
        if self.document is None:
            return ""
        try:
            return str(self.document() or "")
        except Exception as exc:  # the log must never fail because the window is half gone
            return f"[unknown: {type(exc).__name__}]"


class _State(Struct):
    """The installed file handler: one per process, as logging itself is process-wide."""

    handler: logging.Handler | None = None


_state = _State()


# --- where ------------------------------------------------------------------------------------


def log_path(folder: Path | None = None) -> Path:
    """The log file in ``folder`` (the default data folder when None)."""
    return (folder or data_folder()) / "logs" / FILE_NAME


# --- installing -------------------------------------------------------------------------------


def install(
    folder: Path | None = None,
    context: Context | None = None,
    *,
    max_bytes: int = MAX_BYTES,
    backups: int = BACKUPS,
) -> Path | None:
    """Send the program's log records to the rotating file in ``folder``; return its path.

    Safe to call again (the command line calls it, then the desktop program with Qt's data
    folder): the previous handler is closed and replaced. Returns None, logging nothing to a
    file, when the folder cannot be created — the program works on without a log.
    """
    path = log_path(folder)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    uninstall()
    handler = LogFile(path, max_bytes, backups)
    handler.setLevel(logging.INFO)
    handler.addFilter(Redactor())
    handler.setFormatter(SafeFormatter(context or Context()))
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    _state.handler = handler
    return path


def uninstall() -> None:
    """Close and remove the log file's handler (tests; re-installation)."""
    if _state.handler is not None:
        logger.removeHandler(_state.handler)
        _state.handler.close()
        _state.handler = None


def installed_path() -> Path | None:
    """The log file in use, or None before :func:`install` (or when it could not be made)."""
    handler = _state.handler
    return handler.path if isinstance(handler, LogFile) else None


class LogFile(logging.Handler):
    """The rotating log file (:mod:`logging.handlers`), made when the first record is written:
    a run that logs nothing never imports it (and the sockets and queues it imports).
    """

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__()
        self.path = path
        self._limits = (max_bytes, backups)
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record`` (filtered here already) to the file, rotating it when full."""
        if self._file is None:
            import logging.handlers

            max_bytes, backups = self._limits
            self._file = logging.handlers.RotatingFileHandler(
                self.path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8", delay=True
            )
            self._file.setFormatter(self.formatter)
        self._file.emit(record)

    def close(self) -> None:
        """Close the file, if it was opened."""
        if self._file is not None:
            self._file.close()
        super().close()


# --- errors -----------------------------------------------------------------------------------


def record_failure(exc: BaseException, message: str = "command failed") -> None:
    """Log an error the program reported to the user (a one-line message, an exit code)."""
    logger.warning(message, exc_info=(type(exc), exc, exc.__traceback__))
    with contextlib.suppress(AttributeError):  # so the crash hook does not log it again
        exc.__dict__[_LOGGED] = True


def install_excepthooks(show: Callable[[str], None] | None = None) -> Callable[[], None]:
    """Log unhandled exceptions of every thread; on the main thread also ``show`` a message.

    ``show`` gets the plain Chinese text (:data:`CRASH_MESSAGE`); the desktop program passes one
    that opens a message box through its ``Messages``. Returns a function that puts the previous
    hooks back.
    """
    previous_sys, previous_thread = sys.excepthook, threading.excepthook
    showing = threading.Lock()

    def on_exception(
        kind: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_sys(kind, exc, tb)
            return
        if not exc.__dict__.get(_LOGGED):
            logger.critical("unhandled exception", exc_info=(kind, exc, tb))
        text = CRASH_MESSAGE.format(kind=kind.__name__, log=installed_path() or "（未能写入）")
        print(
            f"qualitydesk: 程序内部错误（{kind.__name__}），详见 {installed_path()}",
            file=sys.stderr,
        )
        if show is not None and _on_main_thread() and showing.acquire(blocking=False):
            try:
                show(text)
            except Exception:
                logger.exception("the crash message could not be shown")
            finally:
                showing.release()

    def on_thread_exception(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread else "?"
        logger.critical(
            "unhandled exception in a thread",
            exc_info=(args.exc_type, args.exc_value, args.exc_traceback),
            extra={"kind": name},
        )

    def restore() -> None:
        sys.excepthook, threading.excepthook = previous_sys, previous_thread

    sys.excepthook, threading.excepthook = on_exception, on_thread_exception
    return restore


def _on_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


# --- redaction --------------------------------------------------------------------------------


class Redactor(logging.Filter):
    """Replaces long string arguments and any ``extra`` value not named in SAFE_EXTRA.

    It changes the record itself, so other handlers (a console, pytest's capture) see the
    redacted record too. Exception messages are handled by :class:`SafeFormatter`.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """The filter of :class:`logging.Filter`: ``record`` redacted in place, and let through."""
        if isinstance(record.args, dict):
            record.args = {k: _redact_arg(v) for k, v in record.args.items()}
        elif record.args:
            record.args = tuple(_redact_arg(a) for a in record.args)
        for key in set(record.__dict__) - _STANDARD:
            value = record.__dict__[key]
            if key in SAFE_EXTRA:
                record.__dict__[key] = _clean(str(value), MAX_EXTRA)
            else:
                record.__dict__[key] = "[redacted]"
        return True


def _redact_arg(value: object) -> object:
    if isinstance(value, bool | int | float) or value is None:
        return value
    text = str(value)
    if len(text) > MAX_ARG:
        return f"[redacted: {len(text)} characters]"
    return _clean(text, MAX_ARG)


def _clean(text: str, limit: int) -> str:
    text = _CONTROL.sub(" ", text)
    return text if len(text) <= limit else text[:limit] + f"…[{len(text) - limit} more]"


def scrub_message(exc: BaseException) -> str:
    """An exception's message as the log may hold it (see the rule in the module docstring)."""
    text = str(exc)
    if not text:
        return ""
    names = {k.__name__ for k in type(exc).__mro__} | {
        f"{k.__module__}.{k.__qualname__}" for k in type(exc).__mro__
    }
    if exc.__cause__ is not None or not names & SAFE_MESSAGES:
        return f"[message withheld: {len(text)} characters]"
    return _clean(_QUOTED.sub(lambda m: m.group(0)[0] + "…" + m.group(0)[-1], text), MAX_MESSAGE)


def format_exception(exc: BaseException) -> str:
    """The traceback of ``exc`` and of every exception in its chain, messages scrubbed.

    Innermost first, as Python prints them; contexts suppressed with ``from None`` are included
    too, since they are what a diagnosis needs.
    """
    parts: list[str] = []
    for position, item in enumerate(reversed(_chain(exc))):
        if position:
            link = _CAUSE if item.__cause__ is not None else _CONTEXT
            parts.append(f"\n\n{link}\n\n")
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(item.__traceback__)))
        message = scrub_message(item)
        parts.append(f"{_type_name(item)}: {message}" if message else _type_name(item))
    return "".join(parts)


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc``, then its cause or context, then theirs: outermost first."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _type_name(exc: BaseException) -> str:
    kind = type(exc)
    if kind.__module__ in ("builtins", "__main__"):
        return kind.__qualname__
    return f"{kind.__module__}.{kind.__qualname__}"


_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"


class SafeFormatter(logging.Formatter):
    """One header line per record; for warnings and errors the context, then the traceback."""

    def __init__(self, context: Context) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s [pid %(process)d] %(message)s")
        self.context = context

    def format(self, record: logging.LogRecord) -> str:
        """The record as text: the header line with the safe extras; for warnings and errors the
        context lines; then the cleaned traceback, if any.
        """
        record.message = _clean(record.getMessage(), MAX_MESSAGE)
        record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        extras = [f"{k}={record.__dict__[k]}" for k in sorted(SAFE_EXTRA) if k in record.__dict__]
        if extras:
            text += " | " + " ".join(extras)
        failed = record.exc_info is not None and record.exc_info[1] is not None
        if record.levelno >= logging.WARNING or failed:
            text += "".join(f"\n  {line}" for line in self.context.lines())
        if failed:
            text += "\n" + format_exception(record.exc_info[1])
        return text


def versions_line() -> str:
    """QualityDesk, Python, PySide6, SQLite and reportlab versions, and the platform."""
    import platform

    frozen = " (bundle)" if getattr(sys, "frozen", False) else ""
    return (
        f"QualityDesk {__version__}{frozen}; Python {platform.python_version()}; "
        f"PySide6 {_version('PySide6', 'PySide6-Essentials')}; SQLite {sqlite3.sqlite_version}; "
        f"reportlab {_version('reportlab', 'reportlab')}; {platform.platform()}"
    )


def _version(module: str, distribution: str) -> str:
    loaded = sys.modules.get(module)
    if loaded is not None and isinstance(getattr(loaded, "__version__", None), str):
        return str(loaded.__version__)
    from importlib import metadata  # only when a record is written: costly to import

    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"
