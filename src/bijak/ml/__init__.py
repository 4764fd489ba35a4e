"""Training, evaluation and benchmarks. Reads ../shared/datasets; ships no dataset text."""
