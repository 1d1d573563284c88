# Ends with a NameError whose traceback carries a "Did you mean" suggestion (3.10+ hosts).
def total_price(items):
    subtotal = sum(items)
    return subtotl * 1.2
print("computing")
print(total_price([1, 2, 3]))
