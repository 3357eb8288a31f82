"""The domain core: forms loader, scoring, eligibility, validators, text metrics (no Qt, no SQL)."""
