"""Socket handlers and HTTP routes: authenticate, validate, call the domain, commit, broadcast."""
