"""What the object layer needs from the layers above it, filled in by them.

No CPython counterpart as a file: in CPython, Objects/*.c call into Python/*.c
directly (genobject.c calls _PyEval_EvalFrame, frameobject.c reads the thread
state).  evalframe keeps its layers one-way (docs/boundary.md): ``objects/``
imports nothing from ``interpreter/``, ``runtime/`` or ``tools/``.  The few
functions of those layers that generators, frames and functions must call are
set here by evalframe.runtime.wiring when the runtime loads (before any guest
code can run), and read here by the objects at call time.
"""

get_tstate = None       # interpreter.pystate.get_tstate
ExcItem = None          # interpreter.pystate.ExcItem
run_frame = None        # interpreter.ceval.run_frame
set_context = None      # interpreter.ops.exceptions.set_context
clean_exception = None  # runtime.tracebacks.clean_exception
guest_view = None       # runtime.hostframes.guest_view
frame_setlineno = None  # runtime.settrace.frame_setlineno
c_entry_charge = None   # runtime.cdepth.entry_charge
current_frame = None    # interpreter.t2frames.current: the running guest frame
vm_files = {}           # runtime.hostframes.VM_FILES: host file name -> is evalframe's
is_vm_code = None       # runtime.hostframes.is_vm_code: a host code object is evalframe's
entered_from = None     # runtime.hostframes.entered_from: f_back for a host Python caller
check_host_room = None  # interpreter.ceval.check_host_room: deep host re-entry
audit_hooks = ()        # runtime.audit.hooks: the guest's audit hooks (empty: none)
audit_event = None      # runtime.audit.audit_event: PySys_Audit for the objects
gen_resume = None       # interpreter.tier2gen.resume: send() of a generator in tier 2
gen_send = None         # (unset: interpreter.tier2gen installs Generator.__next__/send themselves)
gen_osr = None          # interpreter.tier2gen.osr: one in tier 1 continues in tier 2
gen_deopt = None        # interpreter.tier2gen.deopt: such a generator handed to tier 1
gen_settle = None       # interpreter.tier2gen.settle: a lazily suspended chain made exact
