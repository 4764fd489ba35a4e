"""Indonesian language data: context frames and word senses (``context.yaml``)."""
