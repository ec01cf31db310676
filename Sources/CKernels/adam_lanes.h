// Adam on 16 lanes, shared by the standalone update (adam.c) and the product whose store
// applies it (sgemm.c), so both round exactly alike: the scalar formula's IEEE operations in
// its order, no fused multiply-add.
#pragma once
#include "avx512.h"

typedef struct {
    __m512 b1, b2, c1, c2, step, root, eps;
} AdamVectors;

CK_INLINE CK_AVX512 AdamVectors ck_adam_vectors(float beta1, float beta2, float epsilon, float stepSize,
                                                float invRoot) {
    AdamVectors a;
    a.b1 = _mm512_set1_ps(beta1);
    a.b2 = _mm512_set1_ps(beta2);
    a.c1 = _mm512_set1_ps(1 - beta1);
    a.c2 = _mm512_set1_ps(1 - beta2);
    a.step = _mm512_set1_ps(stepSize);
    a.root = _mm512_set1_ps(invRoot);
    a.eps = _mm512_set1_ps(epsilon);
    return a;
}

// m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g·g, w ← w − stepSize·m / (√v·invRoot + ε) on the lanes in k.
CK_INLINE CK_AVX512 void ck_adam_lanes(const AdamVectors *a, __m512 gi, float *w, float *m, float *v, __mmask16 k) {
    __m512 mi = _mm512_add_ps(_mm512_mul_ps(a->b1, _mm512_maskz_loadu_ps(k, m)), _mm512_mul_ps(a->c1, gi));
    __m512 vi = _mm512_add_ps(_mm512_mul_ps(a->b2, _mm512_maskz_loadu_ps(k, v)),
                              _mm512_mul_ps(_mm512_mul_ps(a->c2, gi), gi));
    __m512 denom = _mm512_add_ps(_mm512_mul_ps(_mm512_sqrt_ps(vi), a->root), a->eps);
    __m512 wi = _mm512_sub_ps(_mm512_maskz_loadu_ps(k, w), _mm512_div_ps(_mm512_mul_ps(a->step, mi), denom));
    _mm512_mask_storeu_ps(m, k, mi);
    _mm512_mask_storeu_ps(v, k, vi);
    _mm512_mask_storeu_ps(w, k, wi);
}
