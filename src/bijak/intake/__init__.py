"""Intake of reported content (complaints, aduan): the Django-free parts.

- :mod:`bijak.intake.urls`: canonical links per platform, tracking parameters dropped, nothing
  fetched;
- :mod:`bijak.intake.images`: screenshots checked by content, stripped of metadata, hashed and
  fingerprinted (pHash and a crop-resistant hash);
- :mod:`bijak.intake.text`: OCR with Tesseract (Indonesian + English) and a SimHash fingerprint
  of the normalised text.

The complaints app (``bijak.site.complaints``) stores what these return; the engine reads the
OCR text like any other post.
"""

from bijak.intake.urls import CanonicalUrl, UrlError, canonicalize

__all__ = ["CanonicalUrl", "UrlError", "canonicalize"]
