"""Fixtures shared by the VM tests (tests/vm).

``eager``: tier 2 on, every code object translated at its first call (the
``EVALFRAME_TIER2=eager`` setting, for one test), so a test sees the
generated code whatever the execution mode it runs in."""
import pytest

from evalframe.interpreter import tier2


@pytest.fixture
def eager(monkeypatch):
    monkeypatch.setattr(tier2, "ENABLED", True)
    monkeypatch.setattr(tier2, "HOT", 0)
