"""The one place the site calls the engine for a check: the active policy, the language, the
platform. Keeps views and the API from knowing how the engine is configured."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bijak.engine.report import Report


def analyze_draft(*, text: str, lang: str = "id", platform: str | None = None) -> Report:
    """Run the engine on a draft with the site's active policy; return its `Report`."""
    from bijak.site.claims.selectors import site_pipeline
    from bijak.site.policies.selectors import policy_active

    pipeline = site_pipeline(policy_active())
    return pipeline.analyze(text, lang=lang, platform=platform or None)
