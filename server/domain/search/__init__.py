"""Search across meetings: meetings, conclusions, action items and documents' full text."""
