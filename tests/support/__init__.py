"""Helpers the test packages share: a real server process, logins, waiting on conditions."""
