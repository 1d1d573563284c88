# A vending-machine state machine driven by a scripted sequence of events.
class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.stock = {"cola": 2, "chips": 1, "candy": 5}
        self.log = []
    def handle(self, event, arg=None):
        handler = getattr(self, "on_%s_%s" % (self.state, event), None)
        if handler is None:
            self.log.append("ignored %s in %s" % (event, self.state))
            return
        before = self.state
        handler(arg)
        self.log.append("%s --%s(%s)--> %s credit=%d" % (before, event, arg, self.state, self.credit))
    def on_idle_coin(self, amount):
        self.credit += amount
        self.state = "has_credit"
    def on_has_credit_coin(self, amount):
        self.credit += amount
    def on_has_credit_select(self, item):
        if self.stock.get(item, 0) == 0:
            self.log.append("sold out: %s" % item)
            return
        price = self.PRICES[item]
        if self.credit < price:
            self.log.append("need %d more for %s" % (price - self.credit, item))
            return
        self.stock[item] -= 1
        self.credit -= price
        self.log.append("vend %s" % item)
        self.state = "has_credit" if self.credit else "idle"
    def on_has_credit_refund(self, _):
        self.log.append("refund %d" % self.credit)
        self.credit = 0
        self.state = "idle"
vm = VendingMachine()
script = [("select", "cola"), ("coin", 100), ("select", "cola"), ("coin", 25), ("coin", 25), ("select", "cola"),
          ("coin", 200), ("select", "chips"), ("select", "chips"), ("select", "candy"), ("refund", None), ("refund", None),
          ("coin", 150), ("select", "cola"), ("coin", 150), ("select", "cola"), ("select", "gum"), ("refund", None)]
for ev, arg in script:
    try:
        vm.handle(ev, arg)
    except KeyError as e:
        vm.log.append("unknown item %s" % e)
print("\n".join(vm.log))
print(vm.state, vm.credit, vm.stock)
