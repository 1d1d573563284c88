"""Richards: Martin Richards' operating-system simulation benchmark (object-heavy).

Tasks (idle, worker, two handlers, two devices) exchange packets through a
scheduler; exercises attribute access, method calls and small-object churn.
Size n: the idle task counts down from n * 100 (n = 100 is the classic run).
Checksum: the hold and queue-packet counts.
"""
import sys
import time

SIZES = {"tiny": 3, "quick": 20, "default": 400}

I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = 1, 2, 3, 4, 5, 6
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst


class TaskRec:
    pass


class DeviceTaskRec(TaskRec):
    def __init__(self):
        self.pending = None


class IdleTaskRec(TaskRec):
    def __init__(self, count):
        self.control = 1
        self.count = count


class HandlerTaskRec(TaskRec):
    def __init__(self):
        self.work_in = None
        self.device_in = None

    def workInAdd(self, p):
        self.work_in = p.append_to(self.work_in)
        return self.work_in

    def deviceInAdd(self, p):
        self.device_in = p.append_to(self.device_in)
        return self.device_in


class WorkerTaskRec(TaskRec):
    def __init__(self):
        self.destination = I_HANDLERA
        self.count = 0


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packetPending(self):
        self.packet_pending, self.task_waiting, self.task_holding = True, False, False
        return self

    def waiting(self):
        self.packet_pending, self.task_waiting, self.task_holding = False, True, False
        return self

    def running(self):
        self.packet_pending, self.task_waiting, self.task_holding = False, False, False
        return self

    def waitingWithPacket(self):
        self.packet_pending, self.task_waiting, self.task_holding = True, True, False
        return self

    def isTaskHoldingOrWaiting(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def isWaitingWithPacket(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Sched:
    def __init__(self):
        self.tasktab = [None] * 10
        self.tasklist = None
        self.layout = 0
        self.holdcount = 0
        self.qpktcount = 0
        self.current = None
        self.current_id = 0


class Task(TaskState):
    def __init__(self, sched, i, p, w, initialState, r):
        self.sched = sched
        self.link = sched.tasklist
        self.ident = i
        self.priority = p
        self.input = w
        self.packet_pending = initialState.packet_pending
        self.task_waiting = initialState.task_waiting
        self.task_holding = initialState.task_holding
        self.handle = r
        sched.tasklist = self
        sched.tasktab[i] = self

    def addPacket(self, p, old):
        if self.input is None:
            self.input = p
            self.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            p.append_to(self.input)
        return old

    def runTask(self):
        if self.isWaitingWithPacket():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.running()
            else:
                self.packetPending()
        else:
            msg = None
        return self.fn(msg, self.handle)

    def waitTask(self):
        self.task_waiting = True
        return self

    def hold(self):
        self.sched.holdcount += 1
        self.task_holding = True
        return self.link

    def release(self, i):
        t = self.findtcb(i)
        t.task_holding = False
        if t.priority > self.priority:
            return t
        return self

    def qpkt(self, pkt):
        t = self.findtcb(pkt.ident)
        self.sched.qpktcount += 1
        pkt.link = None
        pkt.ident = self.sched.current_id
        return t.addPacket(pkt, self)

    def findtcb(self, ident):
        t = self.sched.tasktab[ident]
        if t is None:
            raise Exception("Bad task id %d" % ident)
        return t


class DeviceTask(Task):
    def fn(self, pkt, r):
        d = r
        if pkt is None:
            pkt = d.pending
            if pkt is None:
                return self.waitTask()
            d.pending = None
            return self.qpkt(pkt)
        d.pending = pkt
        return self.hold()


class HandlerTask(Task):
    def fn(self, pkt, r):
        h = r
        if pkt is not None:
            if pkt.kind == K_WORK:
                h.workInAdd(pkt)
            else:
                h.deviceInAdd(pkt)
        work = h.work_in
        if work is None:
            return self.waitTask()
        count = work.datum
        if count >= BUFSIZE:
            h.work_in = work.link
            return self.qpkt(work)
        dev = h.device_in
        if dev is None:
            return self.waitTask()
        h.device_in = dev.link
        dev.datum = work.data[count]
        work.datum = count + 1
        return self.qpkt(dev)


class IdleTask(Task):
    def fn(self, pkt, r):
        i = r
        i.count -= 1
        if i.count == 0:
            return self.hold()
        if i.control & 1 == 0:
            i.control //= 2
            return self.release(I_DEVA)
        i.control = i.control // 2 ^ 0xd008
        return self.release(I_DEVB)


A_CODE = ord("A")


class WorkTask(Task):
    def fn(self, pkt, r):
        w = r
        if pkt is None:
            return self.waitTask()
        dest = I_HANDLERB if w.destination == I_HANDLERA else I_HANDLERA
        w.destination = dest
        pkt.ident = dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            w.count += 1
            if w.count > 26:
                w.count = 1
            pkt.data[i] = A_CODE + w.count - 1
        return self.qpkt(pkt)


def schedule(sched):
    t = sched.tasklist
    while t is not None:
        if t.isTaskHoldingOrWaiting():
            t = t.link
        else:
            sched.current_id = t.ident
            t = t.runTask()


def run_once(count):
    sched = Sched()
    IdleTask(sched, I_IDLE, 1, None, TaskState().running(), IdleTaskRec(count))
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(sched, I_WORK, 1000, wkq, TaskState().waitingWithPacket(), WorkerTaskRec())
    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    HandlerTask(sched, I_HANDLERA, 2000, wkq, TaskState().waitingWithPacket(), HandlerTaskRec())
    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    HandlerTask(sched, I_HANDLERB, 3000, wkq, TaskState().waitingWithPacket(), HandlerTaskRec())
    DeviceTask(sched, I_DEVA, 4000, None, TaskState().waiting(), DeviceTaskRec())
    DeviceTask(sched, I_DEVB, 5000, None, TaskState().waiting(), DeviceTaskRec())
    schedule(sched)
    # The classic run (idle count 10000) has known counts: a cheap self-check.
    if count == 10000 and (sched.holdcount != 9297 or sched.qpktcount != 23246):
        raise AssertionError("richards: wrong result %d %d" % (sched.holdcount, sched.qpktcount))
    return sched.holdcount, sched.qpktcount


def main(n):
    """One simulation whose idle task counts down from n * 100 (n = 100: the classic run)."""
    hold, qpkt = run_once(n * 100)
    return hold * 100003 + qpkt


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
