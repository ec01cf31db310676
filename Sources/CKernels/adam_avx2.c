// Adam on 8 lanes at a time with AVX2: the scalar formula's IEEE operations in its order, no
// fused multiply-add (the target has no FMA), so each float equals the scalar update's.
#include "CKernels.h"

#if defined(__x86_64__)
#include "avx2.h"

static CK_AVX2_EXACT void adamAVX2(long count, float *w, const float *g, float *m, float *v,
                                   float beta1, float beta2, float epsilon, float stepSize, float invRoot) {
    const __m256 b1 = _mm256_set1_ps(beta1), b2 = _mm256_set1_ps(beta2);
    const __m256 c1 = _mm256_set1_ps(1 - beta1), c2 = _mm256_set1_ps(1 - beta2);
    const __m256 step = _mm256_set1_ps(stepSize), root = _mm256_set1_ps(invRoot), eps = _mm256_set1_ps(epsilon);
    long i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256 gi = _mm256_loadu_ps(g + i);
        __m256 mi = _mm256_add_ps(_mm256_mul_ps(b1, _mm256_loadu_ps(m + i)), _mm256_mul_ps(c1, gi));
        __m256 vi = _mm256_add_ps(_mm256_mul_ps(b2, _mm256_loadu_ps(v + i)), _mm256_mul_ps(_mm256_mul_ps(c2, gi), gi));
        __m256 denom = _mm256_add_ps(_mm256_mul_ps(_mm256_sqrt_ps(vi), root), eps);
        __m256 wi = _mm256_sub_ps(_mm256_loadu_ps(w + i), _mm256_div_ps(_mm256_mul_ps(step, mi), denom));
        _mm256_storeu_ps(m + i, mi);
        _mm256_storeu_ps(v + i, vi);
        _mm256_storeu_ps(w + i, wi);
    }
    for (; i < count; i++) {
        float gi = g[i];
        float mi = beta1 * m[i] + (1 - beta1) * gi;
        float vi = beta2 * v[i] + (1 - beta2) * gi * gi;
        m[i] = mi;
        v[i] = vi;
        w[i] = w[i] - stepSize * mi / (__builtin_sqrtf(vi) * invRoot + epsilon);
    }
}
#endif

int ck_adam_avx2(long count, float *w, const float *g, float *m, float *v,
                 float beta1, float beta2, float epsilon, float stepSize, float invRoot) {
#if defined(__x86_64__)
    if (!ck_avx2_available()) return 0;
    adamAVX2(count, w, g, m, v, beta1, beta2, epsilon, stepSize, invRoot);
    return 1;
#else
    return 0;
#endif
}
