"""Helpers the tests share: plain functions and classes, no fixtures (those stay in conftest.py).

- :mod:`tests.helpers.gui` — the main window opened for a test, pages placed and shown, Chinese
  typed as an input method commits it, and :class:`~tests.helpers.gui.RecordingMessages` instead
  of dialogs.
- :mod:`tests.helpers.pdfcheck` — reading an exported PDF back (text, fonts, positions, page fill).
- :mod:`tests.helpers.attachment_files` — real and hostile attachment files, made on the spot.
- :mod:`tests.helpers.word_files` — Word files made the way Word and WPS users make them.
- :mod:`tests.helpers.process` — the desktop program run offscreen in a process of its own.
- :mod:`tests.helpers.offline` — the guard that keeps every test off the network.
- :mod:`tests.helpers.tools_path` — the programs ``make test`` lets a test run (also a script).
"""
