"""interpreter package."""
