# Ends with an AttributeError on a guest object whose traceback suggests a similar attribute name.
class Config:
    def __init__(self):
        self.verbose = True
        self.timeout = 30
cfg = Config()
print(cfg.verbose, cfg.timeout)
print(cfg.timout)
