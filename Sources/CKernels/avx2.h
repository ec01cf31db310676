// Shared by the AVX2 kernel files: the path on x86-64 CPUs without AVX-512 (AMD Zen 2/3, and
// Zen 4 where only 256-bit kernels pay). CK_AVX2 allows fused multiply-add; CK_AVX2_EXACT does
// not, for kernels that must round exactly as a scalar formula (Adam).
#pragma once
#include <immintrin.h>

#define CK_AVX2 __attribute__((target("avx2,fma")))
#define CK_AVX2_EXACT __attribute__((target("avx2")))
#define CK_INLINE static inline __attribute__((always_inline))

// All-ones in the lanes of an 8-float step at offset i that lie inside count.
CK_INLINE CK_AVX2_EXACT __m256i ck_tail_lanes(long i, long count) {
    long rest = count - i < 8 ? count - i : 8;
    return _mm256_cmpgt_epi32(_mm256_set1_epi32((int)rest), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
