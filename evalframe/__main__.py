"""``python -m evalframe``: the command line (see evalframe.cli)."""

import os as _os
import sys as _sys

# ``-m`` put the current directory first on sys.path (runpy; none with -P).
# Taken off before the VM imports the rest of itself: a program's directory
# holding an ast.py or a tokenize.py must not give the VM its own modules,
# and the program gets the sys.path[0] ``python prog.py`` gives it
# (pythonrun.run_file and the other entries put it there).
if (not getattr(_sys.flags, "safe_path", False) and _sys.path
        and _sys.path[0] in ("", _os.getcwd())):
    del _sys.path[0]

from .cli import main
from .pythonrun import exit_process

if __name__ == "__main__":
    exit_process(main())
