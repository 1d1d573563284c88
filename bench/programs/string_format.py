"""String formatting and dict work: a report generator.

Records kept in dicts of dicts, grouped and totalled with dict methods
(get, setdefault, items, update, comprehensions), then rendered with f-strings
(width, precision, alignment, !r), %-formatting and str.format, joined and
split again.
Size n: records. Checksum: length and a digest of the rendered report.
"""
import sys
import time

SIZES = {"tiny": 200, "quick": 3000, "default": 120000}

REGIONS = ("north", "south", "east", "west", "centre")
PRODUCTS = ("apple", "pear", "plum", "fig", "kiwi", "lime", "date")


def records(n):
    seed = 11
    for i in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7fffffff
        yield {"id": i, "region": REGIONS[seed % 5], "product": PRODUCTS[(seed >> 3) % 7],
               "qty": 1 + (seed >> 6) % 20, "price": ((seed >> 9) % 1000) / 100.0}


def main(n):
    by_region = {}
    totals = {}
    for rec in records(n):
        region = by_region.setdefault(rec["region"], {})
        line = region.get(rec["product"])
        if line is None:
            line = region[rec["product"]] = {"qty": 0, "value": 0.0, "orders": 0}
        line["qty"] += rec["qty"]
        line["value"] += rec["qty"] * rec["price"]
        line["orders"] += 1
        totals[rec["product"]] = totals.get(rec["product"], 0) + rec["qty"]
    out = []
    for region in sorted(by_region):
        lines = by_region[region]
        out.append(f"== {region.upper():<8} ({len(lines)} products) ==")
        for product, line in sorted(lines.items(), key=lambda kv: (-kv[1]["value"], kv[0])):
            out.append(f"{product:>6} | {line['qty']:5d} | {line['value']:10.2f} | {line['orders']!r}")
            out.append("%-6s avg %8.3f" % (product, line["value"] / line["orders"]))
        summary = {k: v["qty"] for k, v in lines.items() if v["qty"] > 10}
        out.append("{0}: {1}".format(region, ", ".join("{}={}".format(k, summary[k]) for k in sorted(summary))))
    ranking = sorted(totals.items(), key=lambda kv: kv[1], reverse=True)
    out.append(" ".join("%s:%d" % kv for kv in ranking))
    # many small formatted keys into a dict, then read back
    index = {}
    for i in range(n):
        key = f"k{i % 997:04d}-{PRODUCTS[i % 7]}"
        index[key] = index.get(key, 0) + i
    out.append(str(sum(index.values()) % 1000003) + ":" + str(len(index)))
    text = "\n".join(out)
    words = text.split()
    digest = 0
    for w in words:
        w = w.strip("|=")
        digest = (digest * 131 + len(w) * 97 + (ord(w[0]) if w else 0)) % 1000000007
    return "%d:%d:%d" % (len(text), len(words), digest)


if __name__ == "__main__":
    arg = sys.argv[1] if len(sys.argv) > 1 else "default"
    n = SIZES[arg] if arg in SIZES else int(arg)
    t0 = time.perf_counter()
    c0 = time.process_time()
    checksum = main(n)
    cpu = time.process_time() - c0
    elapsed = time.perf_counter() - t0
    print("checksum %s" % (checksum,))
    print("elapsed %.6f" % elapsed)
    print("cpu %.6f" % cpu)
