# A small task scheduler in the style of the richards benchmark (classes, attributes, polymorphism).
class Task:
    def __init__(self, name, prio, work):
        self.name, self.prio, self.work, self.done = name, prio, work, 0
    def run(self, sched):
        self.done += 1
        self.work -= 1
        if self.work > 0:
            sched.add(self)
        return f'{self.name}:{self.done}'
class IOTask(Task):
    def run(self, sched):
        r = super().run(sched)
        return r + '(io)'
class Scheduler:
    def __init__(self):
        self.queue = []
    def add(self, t):
        self.queue.append(t)
        self.queue.sort(key=lambda t: -t.prio)
    def loop(self):
        log = []
        while self.queue:
            t = self.queue.pop(0)
            log.append(t.run(self))
        return log
s = Scheduler()
for t in (Task('a', 1, 3), IOTask('b', 5, 2), Task('c', 3, 4), IOTask('d', 3, 1)):
    s.add(t)
print(' '.join(s.loop()))
