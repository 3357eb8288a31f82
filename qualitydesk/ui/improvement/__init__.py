"""评审与改进: the examiners' feedback per item and the improvement plan, in one window beside the
wizard.

- :mod:`.window` — the window (two tabs) and how the main window opens it;
- :mod:`.feedback_view` — 评审反馈: per item the examiners' 优势 and 改进机会, with the stage scores
  of the 评分汇总 page and their composite shown above (edited there);
- :mod:`.feedback_import` — 从 Word/PDF 导入反馈: the import plan previewed, then applied;
- :mod:`.actions_view`, :mod:`.actions_model`, :mod:`.actions_delegates` — 改进计划: the action
  list, filtered and edited in place, made from the 改进机会 and exported to Excel;
- :mod:`.host` — what the window needs of the main window's open application.

Nothing here is imported when the program starts: the menu's slot imports :mod:`.window`.
"""
