"""The user guide and its pictures (installed as qualitydesk.docs: 帮助 → 用户指南 shows it)."""
