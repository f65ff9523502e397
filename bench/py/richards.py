# richards.py — an operating-system task scheduler simulation in the spirit of
# Martin Richards' benchmark: an idle task, two workers, two packet handlers and two
# devices pass packets to each other through a priority-ordered scheduler.
# Written for stmpy's benchmark suite.  usage: richards.py [ITERATIONS]
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
DATA_SIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * DATA_SIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Task:
    def __init__(self, sched, ident, priority, queue):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = True
        self.held = False
        self.link = None

    def blocked(self):
        return self.held or (self.waiting and self.queue is None)

    def take_packet(self):
        # a waiting task with a packet takes it and runs; a running task gets none
        if not self.waiting or self.queue is None:
            return None
        pkt = self.queue
        self.queue = pkt.link
        self.waiting = False
        return pkt

    def enqueue(self, pkt):
        # a packet arrives for this task; answers the task to run next
        pkt.link = None
        if self.queue is None:
            self.queue = pkt
            if self.priority > self.sched.current.priority:
                return self
        else:
            self.queue = pkt.append_to(self.queue)
        return self.sched.current

    def step(self, pkt):
        raise NotImplementedError


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        Task.__init__(self, sched, ident, priority, None)
        self.waiting = False
        self.seed = 1
        self.count = count

    def step(self, pkt):
        s = self.sched
        self.count -= 1
        if self.count == 0:
            return s.hold_current()
        if self.seed & 1 == 0:
            self.seed >>= 1
            return s.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return s.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.dest = HANDLER_A
        self.count = 0

    def step(self, pkt):
        s = self.sched
        if pkt is None:
            return s.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(DATA_SIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = 64 + self.count
        return s.send(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, pkt):
        s = self.sched
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work = pkt.append_to(self.work)
            else:
                self.devices = pkt.append_to(self.devices)
        work = self.work
        if work is not None:
            i = work.datum
            if i < DATA_SIZE:
                dev = self.devices
                if dev is not None:
                    self.devices = dev.link
                    dev.datum = work.data[i]
                    work.datum = i + 1
                    return s.send(dev)
            else:
                self.work = work.link
                return s.send(work)
        return s.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None)
        self.pending = None

    def step(self, pkt):
        s = self.sched
        if pkt is None:
            pkt = self.pending
            if pkt is None:
                return s.wait()
            self.pending = None
            return s.send(pkt)
        self.pending = pkt
        s.trace(pkt.datum)
        return s.hold_current()


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.first = None
        self.current = None
        self.hold_count = 0
        self.send_count = 0
        self.trace_sum = 0

    def add(self, task):
        self.tasks[task.ident] = task
        # keep the list ordered by decreasing priority
        if self.first is None or task.priority > self.first.priority:
            task.link = self.first
            self.first = task
            return
        t = self.first
        while t.link is not None and t.link.priority >= task.priority:
            t = t.link
        task.link = t.link
        t.link = task

    def trace(self, datum):
        self.trace_sum = (self.trace_sum * 31 + datum) % 1000003

    def hold_current(self):
        self.hold_count += 1
        self.current.held = True
        return self.current.link

    def wait(self):
        self.current.waiting = True
        return self.current

    def release(self, ident):
        t = self.tasks[ident]
        t.held = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def send(self, pkt):
        t = self.tasks[pkt.ident]
        self.send_count += 1
        pkt.ident = self.current.ident
        return t.enqueue(pkt)

    def run(self):
        t = self.first
        while t is not None:
            if t.blocked():
                t = t.link
                continue
            self.current = t
            t = t.step(t.take_packet())


def one_run(count):
    s = Scheduler()
    s.add(IdleTask(s, IDLE, 0, count))
    work = Packet(None, 0, KIND_WORK)
    work = Packet(work, 0, KIND_WORK)
    s.add(WorkerTask(s, WORKER, 1000, work))
    q = Packet(None, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    q = Packet(q, DEVICE_A, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_A, 2000, q))
    q = Packet(None, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    q = Packet(q, DEVICE_B, KIND_DEVICE)
    s.add(HandlerTask(s, HANDLER_B, 3000, q))
    s.add(DeviceTask(s, DEVICE_A, 4000))
    s.add(DeviceTask(s, DEVICE_B, 5000))
    s.run()
    return s.hold_count, s.send_count, s.trace_sum


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 38
    total_hold = total_send = check = 0
    for i in range(n):
        h, q, t = one_run(10000 + 100 * (i % 7))
        total_hold += h
        total_send += q
        check = (check * 7 + t) % 1000003
    print(f"richards {n}: holds={total_hold} sends={total_send} trace={check}")


main()
