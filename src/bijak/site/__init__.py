"""The Django site: one app per domain concept, writes through services, reads through selectors."""
