# Issue 10 point 5: repr(self) inside __repr__ ends in one RecursionError (no
# spurious chained one), with the host's message
class A:
    def __repr__(self):
        return repr(self)
try:
    repr(A())
except RecursionError as e:
    print("RecursionError", e, repr(e.__context__)[:80], e.__traceback__.tb_next.tb_frame.f_code.co_name)
