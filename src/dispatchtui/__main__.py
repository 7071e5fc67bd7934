import sys

from .cli import main

if __name__ == "__main__":  # not when a spawned process re-imports the main module (see app.analyst)
    sys.exit(main())
