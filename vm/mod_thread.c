/* vm/mod_thread.c — a single-threaded _thread module (what threading, reprlib and
 * functools need to import): lock and RLock objects that never block (acquiring a held
 * lock blocking raises RuntimeError rather than hang, as no other thread could release
 * it), get_ident/get_native_id, start_new_thread refusing ("can't start new thread").
 * To be replaced by the real one when the VM runs Python threads. */
#define _GNU_SOURCE
#include <pthread.h>
#include <unistd.h>
#include <sys/syscall.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

static vm_value th_get_ident(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return vm_int_from_int64((int64_t)(uint64_t)pthread_self() & INT64_MAX);
}

static vm_value th_get_native_id(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)args, (void)nargs, (void)kwnames;
    return vm_int_from_int64((int64_t)syscall(SYS_gettid));
}

static vm_value th_hexid(vm_value *args, int64_t nargs, vm_value kwnames)
{
    (void)nargs, (void)kwnames;
    return vm_str_c(vm_hex_id(stm_id((stm_ref)args[0])));
}

static const vm_method_def thread_functions[] = {
    {"get_ident", th_get_ident, 0, 0, VM_METH_NOKW, NULL},
    {"get_native_id", th_get_native_id, 0, 0, VM_METH_NOKW, NULL},
    {"_hexid", th_hexid, 1, 1, VM_METH_NOKW, NULL},
    {0},
};

static const char thread_py[] =
    "error = RuntimeError\n"
    "TIMEOUT_MAX = 9223372036.0\n"
    "\n"
    "class LockType:\n"
    "    __slots__ = ('_locked', '__weakref__')\n"
    "    def __init__(self):\n"
    "        self._locked = False\n"
    "    def acquire(self, blocking=True, timeout=-1):\n"
    "        if not blocking and timeout != -1:\n"
    "            raise ValueError(\"can't specify a timeout for a non-blocking call\")\n"
    "        if timeout < 0 and timeout != -1:\n"
    "            raise ValueError('timeout value must be a non-negative number')\n"
    "        if not self._locked:\n"
    "            self._locked = True\n"
    "            return True\n"
    "        if not blocking or timeout >= 0:\n"
    "            return False\n"
    "        # one thread: waiting for this lock would never end\n"
    "        raise RuntimeError('deadlock: the lock is held and no other thread can release it')\n"
    "    def release(self):\n"
    "        if not self._locked:\n"
    "            raise RuntimeError('release unlocked lock')\n"
    "        self._locked = False\n"
    "    def locked(self):\n"
    "        return self._locked\n"
    "    acquire_lock = acquire\n"
    "    release_lock = release\n"
    "    locked_lock = locked\n"
    "    def __enter__(self):\n"
    "        return self.acquire()\n"
    "    def __exit__(self, *args):\n"
    "        self.release()\n"
    "    def _at_fork_reinit(self):\n"
    "        self._locked = False\n"
    "    def __repr__(self):\n"
    "        return '<%s _thread.lock object at %s>' % ('locked' if self._locked else 'unlocked', _hexid(self))\n"
    "LockType.__name__ = LockType.__qualname__ = 'lock'\n"
    "\n"
    "class RLock:\n"
    "    __slots__ = ('_owner', '_count', '__weakref__')\n"
    "    def __init__(self):\n"
    "        self._owner = None\n"
    "        self._count = 0\n"
    "    def acquire(self, blocking=True, timeout=-1):\n"
    "        me = get_ident()\n"
    "        if self._count and self._owner == me:\n"
    "            self._count += 1\n"
    "            return True\n"
    "        if not self._count:\n"
    "            self._owner = me\n"
    "            self._count = 1\n"
    "            return True\n"
    "        if not blocking or timeout >= 0:\n"
    "            return False\n"
    "        raise RuntimeError('deadlock: the lock is held and no other thread can release it')\n"
    "    __enter__ = acquire\n"
    "    def release(self):\n"
    "        if not self._count or self._owner != get_ident():\n"
    "            raise RuntimeError('cannot release un-acquired lock')\n"
    "        self._count -= 1\n"
    "        if not self._count:\n"
    "            self._owner = None\n"
    "    def __exit__(self, *args):\n"
    "        self.release()\n"
    "    def _is_owned(self):\n"
    "        return bool(self._count) and self._owner == get_ident()\n"
    "    def _release_save(self):\n"
    "        if not self._count:\n"
    "            raise RuntimeError('cannot release un-acquired lock')\n"
    "        state = (self._count, self._owner)\n"
    "        self._count = 0\n"
    "        self._owner = None\n"
    "        return state\n"
    "    def _acquire_restore(self, state):\n"
    "        self._count, self._owner = state\n"
    "    def _at_fork_reinit(self):\n"
    "        self._owner = None\n"
    "        self._count = 0\n"
    "    def __repr__(self):\n"
    "        return '<%s %s.%s object owner=%r count=%d at %s>' % (\n"
    "            'locked' if self._count else 'unlocked', 'builtins' if False else '_thread',\n"
    "            'RLock', self._owner or 0, self._count, _hexid(self))\n"
    "\n"
    "def allocate_lock():\n"
    "    return LockType()\n"
    "allocate = allocate_lock\n"
    "\n"
    "def start_new_thread(function, args, kwargs=None):\n"
    "    raise RuntimeError(\"can't start new thread\")\n"
    "start_new = start_new_thread\n"
    "\n"
    "def _count():\n"
    "    return 0\n"
    "\n"
    "def stack_size(size=0, /):\n"
    "    return 0\n"
    "\n"
    "def _is_main_interpreter():\n"
    "    return True\n"
    "\n"
    "def _set_sentinel():\n"
    "    return LockType()\n"
    "\n"
    "def interrupt_main(signum=2, /):\n"
    "    raise KeyboardInterrupt\n"
    "\n"
    "def exit():\n"
    "    raise SystemExit\n"
    "exit_thread = exit\n"
    "\n"
    "for _c in (LockType, RLock):\n"
    "    _c.__module__ = '_thread'\n"
    "del _c\n"
    "\n";

static vm_value thread_init(void)
{
    vm_value m = vm_module_new(vm_str_c("_thread"));
    if (!m)
        return vm_raise_nomem();
    if (vm_mod_add_functions(m, thread_functions) < 0)
        return VM_NULL;
    if (vm_mod_exec(m, thread_py, "<frozen _thread>") < 0)
        return VM_NULL;
    return m;
}

void vm_mod_thread_register(void)
{
    vm_register_c_module("_thread", thread_init);
}
