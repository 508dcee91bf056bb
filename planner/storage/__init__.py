"""The plan file: its schema, the checks made before and after connecting, the lock and copies."""
