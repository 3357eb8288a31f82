"""What a page or an input tells the user about: the record the navigator and 检查 show.

It lives among the widgets because inputs (a 申请表 field, a table) report their own problems;
pages gather them (the pages' base module offers the same name).
"""

from __future__ import annotations

from msgspec import Struct


class Issue(Struct, frozen=True):
    """Something a page wants the user to know about.

    severity: ``missing`` (not filled in yet: the step is 进行中), ``error`` (wrong: 有问题) or
    ``warning`` (worth a look; does not change the status). ``target`` is the step key to jump to
    (``form``, ``item:4.1.2`` …) and ``anchor`` what to focus there (a field id, a rule id …).
    """

    message: str
    severity: str = "missing"
    target: str = ""
    anchor: str = ""
