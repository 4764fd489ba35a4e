"""The bijak engine: pure Python, never imports Django. (Filled in by the engine work.)"""
