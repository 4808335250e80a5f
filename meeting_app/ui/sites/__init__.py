"""Sites (điểm cầu): tiles and link quality."""
