"""Benchmark workloads and runs for `invoke bench` (generated data, never published)."""
