"""Business rules, one module per aggregate. Knows nothing of sockets or HTTP."""
