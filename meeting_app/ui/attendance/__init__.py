"""Attendance (điểm danh): check-in, records by site, proxies, quorum, CSV export."""
