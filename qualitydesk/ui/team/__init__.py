"""评分: the self-assessment team in the desktop program.

- :mod:`.scoring_window`, :mod:`.scoring_panel` — the scoring-only mode: one assessor's
  .qdesk-score file, item by item (the applicant's text, the band guide, the 5% score,
  优势 / 改进机会 / 评语), saved as it is typed;
- :mod:`.handout` — 评分 → 分发评分表: one assessor file (and Excel scorebook) per name;
- :mod:`.collect` — 评分 → 汇总评分: returned files dropped or chosen, each recorded or refused;
- :mod:`.consensus`, :mod:`.consensus_item` — 评分 → 共识会议: per item every assessor's percent,
  the spread, the merged remarks and the agreed score, large enough for a projector.

Nothing here is imported when the program starts: the menu's slots and opening a
.qdesk-score file import what they need.
"""
