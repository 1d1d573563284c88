# Ends with a chained exception: "During handling of the above exception, another exception occurred".
def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        raise RuntimeError("lookup of %r failed" % key)
config = {"a": 1}
print(lookup(config, "a"))
print(lookup(config, "b"))
