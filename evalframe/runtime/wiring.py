"""Connects the object layer to the interpreter and runtime above it.

No CPython counterpart (see evalframe/objects/vmhooks.py): fills the hooks the
objects call (run a frame, the thread state, chain an exception's context,
clean a traceback, the interleaved frame view, frame_setlineno).  Imported by
evalframe.runtime.builtins, which the eval loop loads before it runs anything.
"""

from ..objects import vmhooks
from ..interpreter import pystate, ceval, t2frames
from ..interpreter.ops import exceptions as _exceptions
from . import tracebacks, hostframes, settrace, cdepth, audit


def wire():
    vmhooks.get_tstate = pystate.get_tstate
    vmhooks.ExcItem = pystate.ExcItem
    vmhooks.run_frame = ceval.run_frame
    vmhooks.set_context = _exceptions.set_context
    vmhooks.clean_exception = tracebacks.clean_exception
    vmhooks.guest_view = hostframes.guest_view
    vmhooks.is_vm_code = hostframes.is_vm_code
    vmhooks.frame_setlineno = settrace.frame_setlineno
    vmhooks.c_entry_charge = cdepth.entry_charge
    vmhooks.current_frame = t2frames.current
    vmhooks.vm_files = hostframes.VM_FILES
    vmhooks.entered_from = hostframes.entered_from
    vmhooks.check_host_room = ceval.check_host_room
    vmhooks.audit_hooks = audit.hooks       # (the live list: never rebound)
    vmhooks.audit_event = audit.audit_event


wire()
