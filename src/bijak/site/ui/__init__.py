"""The design system's Django side: template tags (numbers, dates, badges, charts, fields,
pagination), the confirmation step for removals, the role homes and their panel registry, and
the living style guide at /gaya/. Documented in docs/design-system.md."""
