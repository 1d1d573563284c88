# Observer pattern: event bus with guest callbacks, priorities, once-handlers, bound methods, errors.
class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, event, priority=0, once=False):
        def register(fn):
            self.handlers.setdefault(event, []).append((priority, len(self.handlers.get(event, [])), fn, once))
            return fn
        return register
    def emit(self, event, *args, **kwargs):
        results = []
        entries = sorted(self.handlers.get(event, []), key=lambda e: (-e[0], e[1]))
        for entry in entries:
            prio, order, fn, once = entry
            try:
                results.append(fn(*args, **kwargs))
            except Exception as e:
                results.append("error in %s: %r" % (getattr(fn, "__name__", "?"), e))
            if once:
                self.handlers[event].remove(entry)
        return results
bus = EventBus()
@bus.on("greet")
def hello(name):
    return "hello " + name
@bus.on("greet", priority=10)
def loud(name):
    return "HELLO " + name.upper()
@bus.on("greet", once=True)
def first_time(name):
    return "first time for " + name
@bus.on("greet", priority=-1)
def broken(name):
    return name / 2
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, *args, **kwargs):
        self.n += 1
        return self.n
c = Counter()
bus.on("greet")(c.inc)
bus.on("tick")(c.inc)
print(bus.emit("greet", "ann"))
print(bus.emit("greet", "bob"))
print(bus.emit("tick"), bus.emit("tick", 1, k=2), bus.emit("nothing"), c.n)
log = []
bus.on("chain")(lambda v: log.append(v) or bus.emit("chain2", v * 2))
bus.on("chain2")(lambda v: log.append(v) or v + 1)
print(bus.emit("chain", 5), log)
