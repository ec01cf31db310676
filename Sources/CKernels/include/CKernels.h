#ifndef CKERNELS_H
#define CKERNELS_H

// Numeric kernels written with AVX-512 intrinsics. Each is compiled for AVX-512 alone and
// chosen at run time: callers check `ck_avx512_available()` (or a kernel's return value) and
// keep their portable path for other CPUs.

/// 1 when the CPU runs AVX-512F (with FMA), else 0.
int ck_avx512_available(void);

/// Row-major C[m×n] = alpha·op(A)·op(B) + beta·C, plus `bias` (n floats, or NULL) in every row.
/// op(A) is m×k (A stored k×m when transA); op(B) is k×n (B stored n×k when transB).
/// Operands are read in place wherever the layout allows. Returns 0, writing nothing, when the
/// CPU lacks AVX-512 or the shape is one it does not handle well (the caller then uses BLAS).
int ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
             const float *a, long lda, const float *b, long ldb,
             float beta, float *c, long ldc, const float *bias);

#endif
