"""One module per CLI subcommand: ``add_arguments(parser)`` and ``run(args) -> int``.

Modules here must not import Textual at import time; only the TUI launch does.
"""
