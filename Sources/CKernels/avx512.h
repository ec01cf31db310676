// Shared by the AVX-512 kernel files.
#include <immintrin.h>

#define CK_AVX512 __attribute__((target("avx512f,fma")))
#define CK_INLINE static inline __attribute__((always_inline))
