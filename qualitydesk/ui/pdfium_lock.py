"""The one lock around every use of pdfium (pypdfium2) in the program: ``with PDFIUM: ...``.

pdfium is not thread-safe: two threads must never be inside it at once, even with different
documents. The print preview and printing use it on the GUI thread, the attachment preview in
background jobs, so each holds :data:`PDFIUM` around every short stretch of pdfium calls —
opening a document and reading its page sizes, rendering one page, closing it — and no longer, so
the GUI thread waits at most for one page being rendered elsewhere. Close every pypdfium2 object
(document, page, bitmap) inside the lock: left to the garbage collector, its finalizer would call
pdfium from whatever thread happens to collect it.
"""

from __future__ import annotations

import threading

PDFIUM = threading.RLock()
