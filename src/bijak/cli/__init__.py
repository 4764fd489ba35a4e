"""The ``bijak`` command: thin wrappers over the engine and the site's services."""
