#include "CKernels.h"

#if defined(__x86_64__)
#include "avx512.h"

static CK_AVX512 void leakyForward(long count, const float *x, float *y, float slope) {
    const __m512 s = _mm512_set1_ps(slope), zero = _mm512_setzero_ps();
    for (long i = 0; i < count; i += 16) {
        __mmask16 k = ck_tail_mask(i, count);
        __m512 xv = _mm512_maskz_loadu_ps(k, x + i);
        __mmask16 positive = _mm512_cmp_ps_mask(xv, zero, _CMP_GT_OQ);
        // ReLU writes +0 where x ≤ 0 (x·0 would give −0 for negative x).
        __m512 low = slope == 0 ? zero : _mm512_mul_ps(xv, s);
        _mm512_mask_storeu_ps(y + i, k, _mm512_mask_blend_ps(positive, low, xv));
    }
}

static CK_AVX512 void leakyBackward(long count, const float *dy, const float *y, float *dx, float slope) {
    const __m512 s = _mm512_set1_ps(slope), zero = _mm512_setzero_ps();
    for (long i = 0; i < count; i += 16) {
        __mmask16 k = ck_tail_mask(i, count);
        __m512 g = _mm512_maskz_loadu_ps(k, dy + i);
        __mmask16 positive = _mm512_cmp_ps_mask(_mm512_maskz_loadu_ps(k, y + i), zero, _CMP_GT_OQ);
        __m512 low = slope == 0 ? zero : _mm512_mul_ps(g, s);
        _mm512_mask_storeu_ps(dx + i, k, _mm512_mask_blend_ps(positive, low, g));
    }
}
#endif

int ck_leaky_relu_forward(long count, const float *x, float *y, float slope) {
#if defined(__x86_64__)
    if (!ck_avx512_available()) return 0;
    leakyForward(count, x, y, slope);
    return 1;
#else
    return 0;
#endif
}

int ck_leaky_relu_backward(long count, const float *dy, const float *y, float *dx, float slope) {
#if defined(__x86_64__)
    if (!ck_avx512_available()) return 0;
    leakyBackward(count, dy, y, dx, slope);
    return 1;
#else
    return 0;
#endif
}
