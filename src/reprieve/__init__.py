"""reprieve: federal sentence computation and sentence-reduction screening, with citations.

Information, not legal advice.
"""

__version__ = "0.1.0"

# The engine's hot modules from their mypyc build when one exists for exactly these sources (issue 17).
from reprieve import compiled as _compiled

_compiled.use()
