"""A small guest package imported by the corpus programs (import_*.py)."""
from .shapes import Square, area_sum
from . import util
VERSION = (1, 2)
print("guestlib initialised as", __name__)
