"""``python -m cxkit.cli``: the ``cxkit`` command."""

from . import main

if __name__ == "__main__":
    main()
