"""The wizard's steps: one page per step, all of the same shape (see base.Page)."""
