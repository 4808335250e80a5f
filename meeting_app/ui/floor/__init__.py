"""Floor control in the meeting room: asking for the floor, the queues, the speaker's clock
(``page``, ``queues``, ``speaker``, ``strip``, ``countdown``), and the commands they send
(``actions``)."""
