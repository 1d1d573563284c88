# Ends with a custom exception class with a __str__ and extra attributes; stdout flushed first.
import sys
class BankError(Exception):
    def __init__(self, account, needed):
        super().__init__(account, needed)
        self.account, self.needed = account, needed
    def __str__(self):
        return "account %s needs %d more" % (self.account, self.needed)
class Account:
    def __init__(self, name, balance):
        self.name, self.balance = name, balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise BankError(self.name, amount - self.balance)
        self.balance -= amount
        return self.balance
acct = Account("alice", 100)
print(acct.withdraw(30))
print("partial line without newline", end="")
sys.stderr.write("a stderr line before the traceback\n")
acct.withdraw(500)
