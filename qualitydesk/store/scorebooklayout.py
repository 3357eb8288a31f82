"""The shape of an Excel scorebook, shared by its writer and its reader.

An Excel scorebook is what an assessor who will not install the program is handed instead of a
.qdesk-score file (:mod:`qualitydesk.export.scorebook` writes it, :mod:`~qualitydesk.store.
scorebookread` reads it back). It has these sheets:

- ``评分表`` — a title row, a subtitle row, the header row, one row per item
  (:data:`COLUMNS`: 条目, 名称, 分值, 类型, 评分（%）, 得分, 优势, 改进机会, 评语) and a total row
  (条目 column :data:`TOTAL`). Only 评分（%）, 优势, 改进机会 and 评语 are unlocked.
- ``说明`` — how to fill it in.
- ``条目原文`` — each item's narrative, one row per paragraph (条目, 名称, 原文); a paragraph
  longer than :data:`ROW_TEXT_MAX` characters goes on in the next rows, each starting with
  :data:`CONTINUED`. The narrative is the rows of an item joined by :data:`PARAGRAPH` (a
  continuation row joined to the one above as it is).
- ``qualitydesk`` — very hidden: the identity as key/value rows (:data:`IDENTITY_KEYS`,
  :data:`FORMAT_KEY`) and one ``item`` row per item (id, name, points, kind), all as text.

The reader finds the header row and the columns by their titles, so that rows the assessor
moved or deleted are still read by their 条目 id. :data:`FORMAT_VERSION` grows whenever this
shape changes in a way an older reader cannot read; a newer scorebook is refused.
"""

from __future__ import annotations

from typing import Final

FORMAT_VERSION: Final = 1
FORMAT_KEY: Final = "format"
SCORE_SHEET: Final = "评分表"
HELP_SHEET: Final = "说明"
TEXT_SHEET: Final = "条目原文"
IDENTITY_SHEET: Final = "qualitydesk"
OWN_SHEETS: Final = (SCORE_SHEET, HELP_SHEET, TEXT_SHEET, IDENTITY_SHEET)

# Column titles of 评分表, in the order written; the reader looks them up by title.
ID: Final = "条目"
NAME: Final = "名称"
POINTS: Final = "分值"
KIND: Final = "类型"
PCT: Final = "评分（%）"
EARNED: Final = "得分"
STRENGTHS: Final = "优势"
OPPORTUNITIES: Final = "改进机会"
COMMENT: Final = "评语"
COLUMNS: Final = (ID, NAME, POINTS, KIND, PCT, EARNED, STRENGTHS, OPPORTUNITIES, COMMENT)
INPUTS: Final = (PCT, STRENGTHS, OPPORTUNITIES, COMMENT)  # the cells the assessor fills
HEADER_ROW: Final = 3  # where the writer puts the header (the reader searches for it)
TOTAL: Final = "合计"
TEXT_COLUMNS: Final = (ID, NAME, "原文")  # 条目原文

KIND_LABELS: Final = {"process": "过程", "results": "结果"}

# Identity keys in the hidden sheet, in the order of Scorebook's fields.
IDENTITY_KEYS: Final = (
    "application",
    "round",
    "assessor",
    "org_name",
    "award",
    "framework",
    "year",
    "handed_out_at",
    "step",
)
ITEM_KEY: Final = "item"

# Excel holds at most 32,767 characters in a cell, and shows at most a 409-point row: a row of
# 条目原文 holds one paragraph of up to ROW_TEXT_MAX characters (some 20 lines on screen).
CELL_MAX: Final = 32_767
ROW_TEXT_MAX: Final = 1_000
PARAGRAPH: Final = "\n\n"
# Starts a row of 条目原文 that goes on with the paragraph above (cut at ROW_TEXT_MAX); invisible.
CONTINUED: Final = "\u2060"
