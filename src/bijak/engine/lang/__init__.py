"""Language data (spaCy-style ``lang/<code>``): reviewable word lists, not code."""
