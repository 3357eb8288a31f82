"""How many cases a property test runs: a quick share in `make test`, 10,000 in `make fuzz`.

``QUALITYDESK_FUZZ_EXAMPLES`` (set by ``make fuzz``) gives every property test of the hardening
suite that many examples; without it each runs the small number it names, so the normal suite
stays fast.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

FUZZ_EXAMPLES = int(os.environ.get("QUALITYDESK_FUZZ_EXAMPLES") or 0)


def fuzz_settings(examples: int) -> settings:
    """``examples`` cases in `make test`; ``QUALITYDESK_FUZZ_EXAMPLES`` cases in `make fuzz`."""
    return settings(
        max_examples=FUZZ_EXAMPLES or examples,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
