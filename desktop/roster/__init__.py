"""The delegation roster: organisations and people on both sides."""
