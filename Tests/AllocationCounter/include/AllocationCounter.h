#ifndef ALLOCATION_COUNTER_H
#define ALLOCATION_COUNTER_H

// Counts heap allocations made by this process (malloc, calloc, realloc, posix_memalign,
// aligned_alloc, memalign, on any thread), for tests that a code path allocates nothing. Linked
// into the test executable only: its malloc family takes the place of the C library's.

/// Allocations since the process started.
unsigned long allocation_count(void);

#endif
