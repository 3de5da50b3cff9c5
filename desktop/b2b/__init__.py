"""B2B meeting scheduling: instance files, a solver, a greedy baseline and a checker.

Pure Python (no Qt, no database). Import the modules you need, e.g.
``from desktop.b2b.solver import solve``; nothing heavy is imported here.
"""
