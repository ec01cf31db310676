#include "CKernels.h"

#if defined(__x86_64__)
#include "avx512.h"

static CK_AVX512 void adamAVX512(long count, float *w, const float *g, float *m, float *v,
                                 float beta1, float beta2, float epsilon, float stepSize, float invRoot) {
    const __m512 b1 = _mm512_set1_ps(beta1), b2 = _mm512_set1_ps(beta2);
    const __m512 c1 = _mm512_set1_ps(1 - beta1), c2 = _mm512_set1_ps(1 - beta2);
    const __m512 step = _mm512_set1_ps(stepSize), root = _mm512_set1_ps(invRoot), eps = _mm512_set1_ps(epsilon);
    for (long i = 0; i < count; i += 16) {
        __mmask16 k = ck_tail_mask(i, count);
        __m512 gi = _mm512_maskz_loadu_ps(k, g + i);
        __m512 mi = _mm512_add_ps(_mm512_mul_ps(b1, _mm512_maskz_loadu_ps(k, m + i)), _mm512_mul_ps(c1, gi));
        __m512 vi = _mm512_add_ps(_mm512_mul_ps(b2, _mm512_maskz_loadu_ps(k, v + i)),
                                  _mm512_mul_ps(_mm512_mul_ps(c2, gi), gi));
        __m512 denom = _mm512_add_ps(_mm512_mul_ps(_mm512_sqrt_ps(vi), root), eps);
        __m512 wi = _mm512_sub_ps(_mm512_maskz_loadu_ps(k, w + i), _mm512_div_ps(_mm512_mul_ps(step, mi), denom));
        _mm512_mask_storeu_ps(m + i, k, mi);
        _mm512_mask_storeu_ps(v + i, k, vi);
        _mm512_mask_storeu_ps(w + i, k, wi);
    }
}
#endif

int ck_adam(long count, float *w, const float *g, float *m, float *v,
            float beta1, float beta2, float epsilon, float stepSize, float invRoot) {
#if defined(__x86_64__)
    if (!ck_avx512_available()) return 0;
    adamAVX512(count, w, g, m, v, beta1, beta2, epsilon, stepSize, invRoot);
    return 1;
#else
    return 0;
#endif
}
