"""Evaluation: datasets, scorers, reports, the gate and the README scoreboard.

``sitrep evaluate DATASET`` (see :mod:`sitrep.evaluate.cli`) and docs/evaluation.md.
"""
