"""The Qt skin of Followup: widgets over `core` and `store` (see docs/architecture.md)."""
