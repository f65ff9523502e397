# time: struct_time from gmtime/localtime, strftime/asctime/mktime, clock types, sleep.
import time
t = time.gmtime(0)
print(t, len(t), t.tm_year, t[0], t.n_fields, t.n_sequence_fields)
print(t.tm_gmtoff, time.localtime(5).tm_zone)
print(time.localtime().tm_isdst in (0,1), time.strftime("%Y-%m-%d %H:%M", time.gmtime(86400*365)), time.mktime(time.localtime(1000)), time.asctime(time.gmtime(0)), time.struct_time((2000,1,2,3,4,5,6,7,0)))
print(type(time.perf_counter()).__name__, type(time.monotonic_ns()).__name__, time.time() > 1e9)
time.sleep(0.01)
