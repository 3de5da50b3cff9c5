"""The Travel page: flights and the day's arrivals board, hotels, and ground transfers."""
