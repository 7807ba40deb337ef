"""reprieve: federal sentence computation and sentence-reduction screening, with citations.

Information, not legal advice.
"""

__version__ = "0.1.0"
