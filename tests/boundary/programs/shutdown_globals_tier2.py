# Objects held only by the main module's globals are finalized when the
# interpreter clears the module at exit, also when tier 2 ran the code that
# made them (a zombie frame kept by a code object that the VM's tier-2 tables
# hold, and the lean-binding memo, kept the module's namespace alive: no
# __del__ ran at all at exit)
class A:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

def make(name):
    return A(name)

a = A("a")
b = make("b")
items = [make("in list")]
print("end of main")
