"""The ``spacekg`` command: the one package that imports both ``graph`` and ``server``."""
