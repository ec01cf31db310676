#include "CKernels.h"

#if defined(__x86_64__)
#include "adam_lanes.h"

static CK_AVX512 void adamAVX512(long count, float *w, const float *g, float *m, float *v,
                                 float beta1, float beta2, float epsilon, float stepSize, float invRoot) {
    const AdamVectors a = ck_adam_vectors(beta1, beta2, epsilon, stepSize, invRoot);
    for (long i = 0; i < count; i += 16) {
        __mmask16 k = ck_tail_mask(i, count);
        ck_adam_lanes(&a, _mm512_maskz_loadu_ps(k, g + i), w + i, m + i, v + i, k);
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
