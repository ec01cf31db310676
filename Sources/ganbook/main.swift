import Engine

// OpenBLAS picks its kernel when it loads; re-executing with the core type set is the only way
// to get the AVX-512 kernel on CPUs it does not recognise. Nothing has run yet, so this is safe.
BLASRuntime.reexecWithFastKernelIfNeeded()
GanbookCommand.main()
