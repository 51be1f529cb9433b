"""The installed package's version, read from its metadata when asked.

``complaintcode.__version__`` and ``complaintcode --version`` call
:func:`version`; nothing reads the metadata at import time, so that
``import complaintcode`` stays light.
"""

from __future__ import annotations

__all__ = ["version"]

#: The version reported when the package runs from a source tree that was never installed.
UNKNOWN = "0+unknown"


def version() -> str:
    """The version of the installed ``complaintcode`` distribution.

    Returns:
        The version, as the package metadata gives it (``0.1.0.dev0``, say), or
        ``0+unknown`` when no metadata is installed.

    >>> from importlib.metadata import version as installed
    >>> version() == installed("complaintcode")
    True
    """
    from importlib import metadata  # noqa: PLC0415  # read only when asked

    try:
        return metadata.version("complaintcode")
    except metadata.PackageNotFoundError:
        return UNKNOWN
