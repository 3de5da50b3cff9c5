"""The programme: venues and their rooms, sessions (plenaries, visits, meals, B2B blocks),
who attends them, and the clashes between them."""
