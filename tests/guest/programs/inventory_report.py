# An inventory report: classes, sorting with guest keys, grouping, aligned table output.
from collections import defaultdict
from dataclasses import dataclass
@dataclass
class Item:
    sku: str
    name: str
    category: str
    qty: int
    price: float
    @property
    def value(self):
        return self.qty * self.price
items = [Item("A100", "Widget", "tools", 40, 2.50), Item("B220", "Gadget", "tools", 3, 19.99),
         Item("C310", "Apple", "food", 120, 0.35), Item("C311", "Banana", "food", 0, 0.25),
         Item("D400", "Novel", "books", 12, 12.00), Item("D401", "Atlas", "books", 2, 45.50),
         Item("E500", "Cable", "electronics", 75, 4.75), Item("E501", "Charger", "electronics", 9, 24.00)]
header = "%-6s %-10s %-12s %5s %8s %10s" % ("SKU", "Name", "Category", "Qty", "Price", "Value")
print(header)
print("-" * len(header))
for it in sorted(items, key=lambda i: (-i.value, i.sku)):
    print("%-6s %-10s %-12s %5d %8.2f %10.2f" % (it.sku, it.name, it.category, it.qty, it.price, it.value))
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
print()
for cat in sorted(by_cat, key=lambda c: -sum(i.value for i in by_cat[c])):
    group = by_cat[cat]
    total = sum(i.value for i in group)
    print(f"{cat:<12}{len(group):>3} items {total:>10,.2f}  low stock: {[i.name for i in group if i.qty < 5]}")
print()
print("out of stock:", [i.sku for i in items if not i.qty])
print("total value: %.2f" % sum(i.value for i in items))
print("most expensive per category:", {c: max(g, key=lambda i: i.price).name for c, g in sorted(by_cat.items())})
restock = {i.sku: max(0, 20 - i.qty) for i in items if i.qty < 20}
print("restock plan:", restock, "cost %.2f" % sum(n * next(i.price for i in items if i.sku == s) for s, n in restock.items()))
