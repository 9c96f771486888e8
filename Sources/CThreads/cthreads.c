#define _GNU_SOURCE
#include "cthreads.h"
#include <string.h>

#if defined(__linux__)
#include <sched.h>

_Static_assert(sizeof(cpu_set_t) == sizeof(((csdash_cpus *)0)->bits), "csdash_cpus holds a cpu_set_t");

int csdash_elsewhere(pthread_attr_t *attributes, csdash_cpus *all) {
    cpu_set_t cpus;
    all->saved = 0;
    int here = sched_getcpu();
    if (here < 0 || sched_getaffinity(0, sizeof cpus, &cpus) != 0) return 0;
    memcpy(all->bits, &cpus, sizeof cpus);
    all->saved = 1;
    CPU_CLR(here, &cpus);
    if (CPU_COUNT(&cpus) == 0) return 0;
    return pthread_attr_setaffinity_np(attributes, sizeof cpus, &cpus) == 0;
}

void csdash_anywhere(const csdash_cpus *all) {
    if (!all->saved) return;
    cpu_set_t cpus;
    memcpy(&cpus, all->bits, sizeof cpus);
    pthread_setaffinity_np(pthread_self(), sizeof cpus, &cpus);
}

int csdash_allowed_cpus(void) {
    cpu_set_t cpus;
    if (sched_getaffinity(0, sizeof cpus, &cpus) != 0) return 0;
    return CPU_COUNT(&cpus);
}
#else
int csdash_elsewhere(pthread_attr_t *attributes, csdash_cpus *all) {
    (void)attributes;
    all->saved = 0;
    return 0;
}

void csdash_anywhere(const csdash_cpus *all) { (void)all; }

int csdash_allowed_cpus(void) { return 0; }
#endif
