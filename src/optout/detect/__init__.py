"""Opt-out detection: pure text in, :class:`~optout.domain.Decision` out. No I/O here
except loading the shipped model from package data."""

from optout.detect.detector import Detector

__all__ = ["Detector"]
