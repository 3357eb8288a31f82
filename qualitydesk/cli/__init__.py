"""The ``qualitydesk`` command: the desktop program, and headless subcommands for scripts and tests.

One module per group of commands, each command a ``<command>_command(args) -> int`` function:
``forms`` (forms, validate), ``scores`` (score), ``documents`` (new, demo, history), ``check``,
``exchange`` (dump, load, import-docx) and ``export``. The grammar is in ``parser``, what they share
(exit codes, :class:`~qualitydesk.cli.common.UsageError`) in ``common``, and ``dispatch`` starts
the desktop program or runs a command. Usage and input errors print one line on stderr and exit
2; never a traceback.
"""

from qualitydesk.cli.dispatch import COMMANDS, main

__all__ = ["COMMANDS", "main"]
