"""Lets the guest tests import their helper module ``guestrun`` by plain name."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
