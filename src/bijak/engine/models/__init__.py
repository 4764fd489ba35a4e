"""Shipped model artifacts (numbers only) and the code that reads them."""
