#ifndef CSDASH_CTHREADS_H
#define CSDASH_CTHREADS_H

#include <pthread.h>

/// Which CPUs a thread may run on: room for 1,024 (a cpu_set_t), kept opaque to Swift.
typedef struct {
    unsigned long bits[16];
    int saved;
} csdash_cpus;

/// Sets `attributes` so that a thread made with them starts on the CPUs this thread may use other than the one
/// it is on, and saves every CPU this thread may use in `all` (for `csdash_anywhere`). Returns 1 when it did,
/// 0 when there is no other CPU or the system does not say (the attributes are then unchanged). Linux only
/// (the GNU affinity calls); elsewhere it returns 0.
int csdash_elsewhere(pthread_attr_t *attributes, csdash_cpus *all);

/// Lets the calling thread run on every CPU in `all` again (when `csdash_elsewhere` saved them), so that the
/// threads it starts are not confined with it.
void csdash_anywhere(const csdash_cpus *all);

/// How many CPUs the calling thread may run on (0 when the system does not say).
int csdash_allowed_cpus(void);

#endif
