# A bank-account simulation: accounts, transfers, interest, overdraft errors, audit log, statements.
from decimal import Decimal, ROUND_HALF_EVEN
import random
class InsufficientFunds(Exception):
    pass
class Account:
    next_id = 1000
    def __init__(self, owner, balance="0.00", overdraft="0"):
        self.id = Account.next_id
        Account.next_id += 1
        self.owner = owner
        self.balance = Decimal(balance)
        self.overdraft = Decimal(overdraft)
        self.history = []
    def deposit(self, amount, memo="deposit"):
        amount = Decimal(amount)
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append((memo, amount))
    def withdraw(self, amount, memo="withdraw"):
        amount = Decimal(amount)
        if self.balance - amount < -self.overdraft:
            raise InsufficientFunds("%s: balance %s, requested %s" % (self.owner, self.balance, amount))
        self.balance -= amount
        self.history.append((memo, -amount))
    def __repr__(self):
        return "<Account %d %s %s>" % (self.id, self.owner, self.balance)
class Bank:
    def __init__(self):
        self.accounts = {}
        self.log = []
    def open(self, *args, **kw):
        acct = Account(*args, **kw)
        self.accounts[acct.id] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount, "transfer to %d" % dst)
        except InsufficientFunds as e:
            self.log.append("FAILED " + str(e))
            return False
        self.accounts[dst].deposit(amount, "transfer from %d" % src)
        self.log.append("OK %d->%d %s" % (src, dst, amount))
        return True
    def apply_interest(self, rate):
        for a in self.accounts.values():
            if a.balance > 0:
                interest = (a.balance * Decimal(rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
                a.deposit(interest, "interest")
    def total(self):
        return sum((a.balance for a in self.accounts.values()), Decimal(0))
bank = Bank()
alice = bank.open("alice", "100.00")
bob = bank.open("bob", "50.00", overdraft="25")
carol = bank.open("carol")
rng = random.Random(99)
ids = sorted(bank.accounts)
for step in range(40):
    src, dst = rng.sample(ids, 2)
    amount = Decimal(rng.randint(1, 6000)) / 100
    bank.transfer(src, dst, amount)
    if step % 10 == 9:
        bank.apply_interest("0.015")
        print("after step", step + 1, sorted(bank.accounts.values(), key=lambda a: a.id), bank.total())
print("\n".join(bank.log[:12]))
print(sum(1 for l in bank.log if l.startswith("FAILED")), "failed transfers")
for acct in bank.accounts.values():
    print(acct.owner, len(acct.history), acct.history[-3:])
try:
    carol.deposit("-5")
except ValueError as e:
    print("ValueError:", e)
