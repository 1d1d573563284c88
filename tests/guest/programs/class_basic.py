# Classes: attributes, methods, class vs instance state, bound methods.
class Account:
    """A bank account."""
    bank = "PyBank"
    count = 0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        Account.count += 1
    def deposit(self, amount):
        self.balance += amount
        return self
    def __repr__(self):
        return "Account(%r, %r)" % (self.owner, self.balance)
a = Account("ann")
b = Account("bob", 50)
a.deposit(10).deposit(5)
print(a, b, Account.count, a.bank, Account.__doc__, Account.__name__, Account.__qualname__, Account.__module__)
a.bank = "Other"
print(a.bank, b.bank, Account.bank, "bank" in vars(a), sorted(vars(b)))
m = b.deposit
print(m.__self__ is b, m.__func__ is Account.deposit, m.__name__, m(1), Account.deposit(b, 1))
print(hasattr(a, "owner"), getattr(a, "nope", "default"), isinstance(a, Account), issubclass(Account, object))
setattr(a, "extra", 1)
delattr(a, "extra")
print(hasattr(a, "extra"), type(a) is Account, type(a).__name__, a.__class__.__name__)
class Empty:
    pass
e = Empty()
e.x = 1
print(vars(e), Empty.__bases__ == (object,), Empty.__mro__[1] is object)
class Nested:
    class Inner:
        def hello(self):
            return type(self).__qualname__
print(Nested.Inner().hello(), Nested.Inner.__qualname__)
def outside(self):
    return "outside " + self.owner
Account.outside = outside
print(a.outside())
try:
    a.missing
except AttributeError as ex:
    print("AttributeError:", ex)
try:
    Account.missing
except AttributeError as ex:
    print("AttributeError:", ex)
class Counter:
    total = 0
    def __init__(self):
        self.total += 1
c = Counter()
print(c.total, Counter.total)
