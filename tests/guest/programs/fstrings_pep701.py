# host>=3.12
# f-strings as formalized by PEP 701 (3.12+): reused quotes, backslashes and comments inside replacement fields.
names = ["ada", "bob"]
print(f"{", ".join(names)}")
print(f"{'\n'.join(names)}")
print(f"{f"nested {f"{1 + 1}"} quotes"}")
value = 3.14159
print(f"{value:{"." + "2"}f}")
print(f"{
    value * 2  # a comment inside the field
}")
print(f"{f"{f"{f"{'deep'}"}"}"}")
