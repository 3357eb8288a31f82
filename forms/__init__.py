"""Award programmes, frameworks and the 申请表 as TOML data (installed as qualitydesk.forms)."""
