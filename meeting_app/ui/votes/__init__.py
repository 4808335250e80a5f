"""Voting (biểu quyết) in the meeting room: the Votes tab, the ballot, the result chart, poll
management for the chair and the secretary, and the receipts kept on this computer."""
