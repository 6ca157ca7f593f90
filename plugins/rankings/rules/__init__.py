"""The ranking rules: pure functions, and their application to an edition."""
