"""``python -m evalframe``: the command line (see evalframe.cli)."""

from .pythonrun import exit_process, pause_gc

if __name__ == "__main__":
    pause_gc()      # (until the guest runs: pythonrun.resume_gc)
    from .cli import main
    exit_process(main())
