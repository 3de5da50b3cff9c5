"""The B2B meetings page: requests, the schedule editor, agendas and scheduling."""
