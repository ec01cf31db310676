// The arithmetic ceiling of one core: the product kernels' 8 × 48 register tile (24 fp32 sums)
// over operands that stay in L1, so nothing but the multiply-adds limits it. The benchmark
// divides each product's and each step's FLOP rate by this to show how close to the core they run.
#include "CKernels.h"

#if defined(__x86_64__)
#include "avx512.h"

#define CK_BF16 __attribute__((target("avx512f,avx512bw,avx512bf16,fma")))
#define PEAK_K 128  // x and y take 28 KB: within any L1 with AVX-512

// acc[r][v] += x[k·8 + r] · y[k·48 + v·16 …], k < PEAK_K, `repetitions` times from zero; the
// sums of the last repetition go to `sums` (8 × 48) so the work cannot be dropped.
static CK_AVX512 void fp32Tiles(long repetitions, const float *x, const float *y, float *sums) {
    for (long rep = 0; rep < repetitions; rep++) {
        __m512 acc[8][3];
        for (int r = 0; r < 8; r++)
            for (int v = 0; v < 3; v++) acc[r][v] = _mm512_setzero_ps();
        for (int k = 0; k < PEAK_K; k++) {
            __m512 yv[3];
            for (int v = 0; v < 3; v++) yv[v] = _mm512_loadu_ps(y + k * 48 + v * 16);
            for (int r = 0; r < 8; r++) {
                __m512 xv = _mm512_set1_ps(x[k * 8 + r]);
                for (int v = 0; v < 3; v++) acc[r][v] = _mm512_fmadd_ps(xv, yv[v], acc[r][v]);
            }
        }
        for (int r = 0; r < 8; r++)
            for (int v = 0; v < 3; v++) _mm512_storeu_ps(sums + r * 48 + v * 16, acc[r][v]);
    }
}

// The same tile with vdpbf16ps: each word of x and y is a pair of bf16 values, so one step of k
// covers two of the product's k and twice the multiply-adds.
static CK_BF16 void bf16Tiles(long repetitions, const float *x, const float *y, float *sums) {
    for (long rep = 0; rep < repetitions; rep++) {
        __m512 acc[8][3];
        for (int r = 0; r < 8; r++)
            for (int v = 0; v < 3; v++) acc[r][v] = _mm512_setzero_ps();
        for (int k = 0; k < PEAK_K; k++) {
            __m512bh yv[3];
            for (int v = 0; v < 3; v++) yv[v] = (__m512bh)_mm512_loadu_si512(y + k * 48 + v * 16);
            for (int r = 0; r < 8; r++) {
                __m512bh xv = (__m512bh)_mm512_set1_ps(x[k * 8 + r]);
                for (int v = 0; v < 3; v++) acc[r][v] = _mm512_dpbf16_ps(acc[r][v], xv, yv[v]);
            }
        }
        for (int r = 0; r < 8; r++)
            for (int v = 0; v < 3; v++) _mm512_storeu_ps(sums + r * 48 + v * 16, acc[r][v]);
    }
}
#endif

long ck_peak_tiles(long repetitions, int bf16, float *sums) {
#if defined(__x86_64__)
    if (!ck_avx512_available() || (bf16 && !ck_avx512_bf16_available())) return 0;
    // x = 0.5 and y = 1 in every lane (as bf16 pairs: 0x3F00 and 0x3F80 in each half word), so
    // every sum is PEAK_K · 0.5 (· 2 pairs for bf16): exact, and checkable by the caller.
    float x[PEAK_K * 8], y[PEAK_K * 48];
    union { unsigned int bits; float value; } half = {bf16 ? 0x3F003F00u : 0x3F000000u},
                                              one = {bf16 ? 0x3F803F80u : 0x3F800000u};
    for (int i = 0; i < PEAK_K * 8; i++) x[i] = half.value;
    for (int i = 0; i < PEAK_K * 48; i++) y[i] = one.value;
    if (bf16) bf16Tiles(repetitions, x, y, sums); else fp32Tiles(repetitions, x, y, sums);
    return 2L * 8 * 48 * PEAK_K * (bf16 ? 2 : 1);
#else
    (void)repetitions; (void)bf16; (void)sums;
    return 0;
#endif
}
