"""Table models over plain rows that the core supplies; no SQL, no window needed to test."""
