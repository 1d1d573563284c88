"""Differential fuzzing of evalframe against the host CPython and CPython 3.10.

Mirrors no CPython file; it is the harness CPython's own developers get from
hypothesmith and oss-fuzz, pointed at evalframe.  ``python3 -m evalframe.fuzz``
(see docs/cli.md) draws programs from two sources, our generator
(evalframe.fuzz.generator: calls with every argument kind, closures,
exceptions, generators, classes, ``match``, ``with``) and hypothesmith's
grammar-based strategy (driven by hypothesis), and for each one

* runs it on the host and in the VM (evalframe.fuzz.runner: long-lived worker
  processes, one program file at a time) and compares stdout, stderr and the
  exit status;
* compiles it with evalframe and with CPython 3.10 and compares the code
  objects field by field (evalframe.tools.compare), as ``evalframe dis``
  against ``python3.10 -m dis``;

and shrinks every mismatch to a small program that still shows it
(evalframe.fuzz.shrink).  ``--pyc N`` also mutates .pyc files
(evalframe.fuzz.pycmutate): the reader must load them or reject them with
PycError, never fail otherwise.
"""
