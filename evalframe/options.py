"""Process-wide run options chosen on the command line (``run --pdb/--stats/--vm-modules``).

Mirrors the role of CPython's PyConfig for the few settings evalframe adds: the
subsystems that honour them (debugger, statistics, importer) read them from here.
"""

pdb = False
stats = False
vm_modules = "user"


def configure(pdb=None, stats=None, vm_modules=None):
    g = globals()
    if pdb is not None:
        g["pdb"] = pdb
    if stats is not None:
        g["stats"] = stats
    if vm_modules is not None:
        g["vm_modules"] = vm_modules
