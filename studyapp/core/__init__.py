"""The domain core: packs, grading, timing, history.

Nothing under this package may import Textual (tests/test_import_hygiene.py).
"""
