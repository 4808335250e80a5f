"""Voting (biểu quyết) and written opinions (lấy ý kiến bằng văn bản).

``polls`` creates, edits, opens and closes polls; ``ballots`` casts them; ``results`` is
the pure tally and the majority rules; ``written`` finds the polls due to close or to
remind their voters; ``shapes`` is how a poll looks on the wire (events and snapshot alike).
"""
