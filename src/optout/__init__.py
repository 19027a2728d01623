"""optout: keeps SMS senders from texting people who asked them to stop.

The public surface is small: the detector (:class:`optout.detect.Detector`) and the
values it returns. The service, pages and command line live in their own packages.
"""

from optout.domain import Action, Decision, Exclusion, Trigger

__all__ = ["Action", "Decision", "Exclusion", "Trigger"]
__version__ = "0.1.0"
