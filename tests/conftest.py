"""pytest configuration shared by every test directory.

Helpers live in tests/evalframe_testing.py (a unique name, since several test
directories have a conftest.py of their own); this file makes them importable.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
