"""Print-ready output: the application package and the internal report as PDF (reportlab), and
the preflight check of what cannot be printed. No Qt here: the GUI runs this in a thread.
"""
