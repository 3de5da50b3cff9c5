"""Travel: flights, hotel stays and rooming, ground transfers."""
