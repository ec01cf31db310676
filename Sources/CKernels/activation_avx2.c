// The pointwise activations on 8 lanes at a time with AVX2. The piecewise-linear ones compute
// exactly the scalar expressions; sigmoid and tanh use a polynomial exp (Cephes' expf, within
// 2 ulp) in place of libm's, so they may differ from it in the last bits.
#include "CKernels.h"

#if defined(__x86_64__)
#include "avx2.h"

static CK_AVX2 void leakyForward(long count, const float *x, float *y, float slope) {
    const __m256 s = _mm256_set1_ps(slope), zero = _mm256_setzero_ps();
    for (long i = 0; i < count; i += 8) {
        __m256i lanes = ck_tail_lanes(i, count);
        __m256 xv = _mm256_maskload_ps(x + i, lanes);
        __m256 positive = _mm256_cmp_ps(xv, zero, _CMP_GT_OQ);
        // ReLU writes +0 where x ≤ 0 (x·0 would give −0 for negative x).
        __m256 low = slope == 0 ? zero : _mm256_mul_ps(xv, s);
        _mm256_maskstore_ps(y + i, lanes, _mm256_blendv_ps(low, xv, positive));
    }
}

static CK_AVX2 void leakyBackward(long count, const float *dy, const float *y, float *dx, float slope) {
    const __m256 s = _mm256_set1_ps(slope), zero = _mm256_setzero_ps();
    for (long i = 0; i < count; i += 8) {
        __m256i lanes = ck_tail_lanes(i, count);
        __m256 g = _mm256_maskload_ps(dy + i, lanes);
        __m256 positive = _mm256_cmp_ps(_mm256_maskload_ps(y + i, lanes), zero, _CMP_GT_OQ);
        __m256 low = slope == 0 ? zero : _mm256_mul_ps(g, s);
        _mm256_maskstore_ps(dx + i, lanes, _mm256_blendv_ps(low, g, positive));
    }
}

// e^x, x clamped to [−88.38, 88.38] (beyond, e^x over- or underflows a float anyway).
CK_INLINE CK_AVX2 __m256 expAVX2(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-88.3762626647949f)), _mm256_set1_ps(88.3762626647949f));
    // x = n·ln 2 + r, |r| ≤ ln 2 / 2, with ln 2 in two parts so r is exact.
    __m256 n = _mm256_floor_ps(_mm256_fmadd_ps(x, _mm256_set1_ps(1.44269504088896341f), _mm256_set1_ps(0.5f)));
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1)));
    // · 2^n through the exponent bits (n ∈ [−127, 128]; 2^128 overflows to the clamp's e^88).
    __m256i bits = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(bits));
}

// y = 1 / (1 + e^−x)
static CK_AVX2 void sigmoidForward(long count, const float *x, float *y) {
    const __m256 one = _mm256_set1_ps(1);
    for (long i = 0; i < count; i += 8) {
        __m256i lanes = ck_tail_lanes(i, count);
        __m256 e = expAVX2(_mm256_sub_ps(_mm256_setzero_ps(), _mm256_maskload_ps(x + i, lanes)));
        _mm256_maskstore_ps(y + i, lanes, _mm256_div_ps(one, _mm256_add_ps(one, e)));
    }
}

// tanh as Cephes' tanhf computes it: an odd polynomial below |x| = 0.625 (where 1 − 2/(e^2x + 1)
// would lose the small result to cancellation), 1 − 2/(e^2|x| + 1) with x's sign above.
static CK_AVX2 void tanhForward(long count, const float *x, float *y) {
    const __m256 one = _mm256_set1_ps(1), two = _mm256_set1_ps(2);
    const __m256 signBit = _mm256_set1_ps(-0.0f);
    for (long i = 0; i < count; i += 8) {
        __m256i lanes = ck_tail_lanes(i, count);
        __m256 xv = _mm256_maskload_ps(x + i, lanes);
        __m256 ax = _mm256_andnot_ps(signBit, xv);
        __m256 large = _mm256_sub_ps(one, _mm256_div_ps(two, _mm256_add_ps(expAVX2(_mm256_mul_ps(two, ax)), one)));
        large = _mm256_or_ps(large, _mm256_and_ps(signBit, xv));
        __m256 z = _mm256_mul_ps(xv, xv);
        __m256 p = _mm256_set1_ps(-5.70498872745e-3f);
        p = _mm256_fmadd_ps(p, z, _mm256_set1_ps(2.06390887954e-2f));
        p = _mm256_fmadd_ps(p, z, _mm256_set1_ps(-5.37397155531e-2f));
        p = _mm256_fmadd_ps(p, z, _mm256_set1_ps(1.33314422036e-1f));
        p = _mm256_fmadd_ps(p, z, _mm256_set1_ps(-3.33332819422e-1f));
        __m256 small = _mm256_fmadd_ps(_mm256_mul_ps(p, z), xv, xv);
        // tanh has x's sign (the sum above turns −0 into +0).
        small = _mm256_or_ps(_mm256_andnot_ps(signBit, small), _mm256_and_ps(signBit, xv));
        __m256 useSmall = _mm256_cmp_ps(ax, _mm256_set1_ps(0.625f), _CMP_LT_OQ);
        _mm256_maskstore_ps(y + i, lanes, _mm256_blendv_ps(large, small, useSmall));
    }
}
#endif

#define CK_AVX2_ENTRY(call) \
    if (!ck_avx2_available()) return 0; \
    call; \
    return 1;

int ck_leaky_relu_forward_avx2(long count, const float *x, float *y, float slope) {
#if defined(__x86_64__)
    CK_AVX2_ENTRY(leakyForward(count, x, y, slope))
#else
    return 0;
#endif
}

int ck_leaky_relu_backward_avx2(long count, const float *dy, const float *y, float *dx, float slope) {
#if defined(__x86_64__)
    CK_AVX2_ENTRY(leakyBackward(count, dy, y, dx, slope))
#else
    return 0;
#endif
}

int ck_sigmoid_forward(long count, const float *x, float *y) {
#if defined(__x86_64__)
    CK_AVX2_ENTRY(sigmoidForward(count, x, y))
#else
    return 0;
#endif
}

int ck_tanh_forward(long count, const float *x, float *y) {
#if defined(__x86_64__)
    CK_AVX2_ENTRY(tanhForward(count, x, y))
#else
    return 0;
#endif
}
