"""Home panels of cases (filled in by views)."""
