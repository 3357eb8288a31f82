"""reportlab loads its C accelerator (the rl_accel package's ``_rl_accel``) with ``exec``, which
the analysis cannot see: without it the frozen export formats every number in Python.
"""

hiddenimports = ["_rl_accel"]
