"""The desktop program (PySide6): shell/ is the frame around the pages, pages/ the wizard's
steps, widgets/ the pieces they share; the dialogs and helpers of the window sit here.
"""

from qualitydesk.ui.sources import judge_sources_cheaply

judge_sources_cheaply()  # before the modules of the window are imported
