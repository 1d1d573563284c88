"""``python -m evalframe``: the command line (see evalframe.cli)."""

from .cli import main
from .pythonrun import exit_process

if __name__ == "__main__":
    exit_process(main())
