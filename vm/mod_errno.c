/* vm/mod_errno.c — the errno module: the platform's E* codes and errorcode. */
#include <errno.h>

#include "vm/interp.h"
#include "vm/mod_internal.h"

#define ERRNOS(X)                                                                          \
    X(EPERM) X(ENOENT) X(ESRCH) X(EINTR) X(EIO) X(ENXIO) X(E2BIG) X(ENOEXEC) X(EBADF)      \
    X(ECHILD) X(EAGAIN) X(ENOMEM) X(EACCES) X(EFAULT) X(ENOTBLK) X(EBUSY) X(EEXIST)        \
    X(EXDEV) X(ENODEV) X(ENOTDIR) X(EISDIR) X(EINVAL) X(ENFILE) X(EMFILE) X(ENOTTY)        \
    X(ETXTBSY) X(EFBIG) X(ENOSPC) X(ESPIPE) X(EROFS) X(EMLINK) X(EPIPE) X(EDOM) X(ERANGE)  \
    X(EDEADLK) X(ENAMETOOLONG) X(ENOLCK) X(ENOSYS) X(ENOTEMPTY) X(ELOOP) X(EWOULDBLOCK)    \
    X(ENOMSG) X(EIDRM) X(ENOSTR) X(ENODATA) X(ETIME) X(ENOSR) X(EREMOTE) X(ENOLINK)        \
    X(EPROTO) X(EMULTIHOP) X(EBADMSG) X(EOVERFLOW) X(EILSEQ) X(EUSERS) X(ENOTSOCK)         \
    X(EDESTADDRREQ) X(EMSGSIZE) X(EPROTOTYPE) X(ENOPROTOOPT) X(EPROTONOSUPPORT)            \
    X(ESOCKTNOSUPPORT) X(EOPNOTSUPP) X(ENOTSUP) X(EPFNOSUPPORT) X(EAFNOSUPPORT)            \
    X(EADDRINUSE) X(EADDRNOTAVAIL) X(ENETDOWN) X(ENETUNREACH) X(ENETRESET)                 \
    X(ECONNABORTED) X(ECONNRESET) X(ENOBUFS) X(EISCONN) X(ENOTCONN) X(ESHUTDOWN)           \
    X(ETOOMANYREFS) X(ETIMEDOUT) X(ECONNREFUSED) X(EHOSTDOWN) X(EHOSTUNREACH) X(EALREADY)  \
    X(EINPROGRESS) X(ESTALE) X(EDQUOT) X(ECANCELED) X(EOWNERDEAD) X(ENOTRECOVERABLE)

static vm_value errno_init(void)
{
    vm_value m = vm_module_new(vm_str_c("errno"));
    if (!m)
        return vm_raise_nomem();
    vm_value d = vm_module_dict(m);
    vm_value codes = vm_dict_new();
    if (!codes)
        return vm_raise_nomem();
    /* errorcode keeps the first name of a number, as CPython's table order does */
#define X(name)                                                                            \
    if (vm_dict_setitem_c(d, #name, vm_small(name)) < 0)                                   \
        return VM_NULL;                                                                    \
    if (!vm_dict_getitem(codes, vm_small(name))                                            \
        && vm_dict_setitem(codes, vm_small(name), vm_str_c(#name)) < 0)                    \
        return VM_NULL;
    ERRNOS(X)
#undef X
    if (vm_dict_setitem_c(d, "errorcode", codes) < 0)
        return VM_NULL;
    return m;
}

void vm_mod_errno_register(void)
{
    vm_register_c_module("errno", errno_init);
}
