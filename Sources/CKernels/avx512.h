// Shared by the AVX-512 kernel files.
#pragma once
#include <immintrin.h>

#define CK_AVX512 __attribute__((target("avx512f,fma")))
#define CK_INLINE static inline __attribute__((always_inline))

// The lanes of a 16-float step at offset i that lie inside count (all 16 but at the end).
CK_INLINE __mmask16 ck_tail_mask(long i, long count) {
    return count - i >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (count - i)) - 1);
}
