"""Property-based and mutation tests: whatever comes in ends in success or a clear error."""
