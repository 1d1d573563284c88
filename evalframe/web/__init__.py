"""evalframe in a browser: a recorder of whole runs and a time-travelling viewer.

``record`` runs a program on the traced eval loop and turns every instruction
into a step of one JSON-able recording (frames, value stack, cells, heap,
stdout, the explainer's sentence); ``page`` builds the viewer page around a
recording; ``command`` is ``evalframe web``.  Nothing here imports a
third-party package except Pygments, and only when it is installed.
"""
