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

/// Where a weight gradient goes when Adam consumes it in the product's store (`ck_sgemm_adam`):
/// the weights w, Adam's first and second moments m and v, each laid out as the gradient would
/// be (row stride `ld`), and the step's constants as `ck_adam` takes them.
typedef struct {
    float *weights, *first, *second;
    long ld;
    float beta1, beta2, epsilon, stepSize, invRoot;
} ck_adam_update;

/// G = op(A)·op(B) is a weight gradient (m×n, as `ck_sgemm` with alpha 1, beta 0): instead of
/// storing G, each tile applies Adam to the weights with it (exactly as `ck_adam` would), so the
/// gradient never goes to memory. Returns 0, writing nothing, without AVX-512, for a transposed
/// B, or when k > 256 (the tile sums k in blocks of 256 and Adam needs the whole sum).
int ck_sgemm_adam(int transA, int transB, long m, long n, long k,
                  const float *a, long lda, const float *b, long ldb, const ck_adam_update *update);

/// Adam over `count` floats: m ← β₁m + (1−β₁)g, v ← β₂v + (1−β₂)g·g,
/// w ← w − stepSize·m / (√v·invRoot + ε), one IEEE operation at a time in that order (no fused
/// multiply-add), so each float equals the scalar formula's. Returns 0 without AVX-512.
int ck_adam(long count, float *w, const float *g, float *m, float *v,
            float beta1, float beta2, float epsilon, float stepSize, float invRoot);

/// The piecewise-linear activations over `count` floats. slope 0 is ReLU.
/// Forward y = x > 0 ? x : x·slope; backward dx = y > 0 ? dy : dy·slope.
/// Each returns 0 without AVX-512.
int ck_leaky_relu_forward(long count, const float *x, float *y, float slope);
int ck_leaky_relu_backward(long count, const float *dy, const float *y, float *dx, float slope);

/// 1 when the CPU runs AVX2 with FMA, else 0. The `_avx2` kernels and the transcendental
/// activations return 0 without it.
int ck_avx2_available(void);

/// `ck_adam` on 8 lanes with AVX2, rounding exactly as the scalar formula (no fused multiply-add).
int ck_adam_avx2(long count, float *w, const float *g, float *m, float *v,
                 float beta1, float beta2, float epsilon, float stepSize, float invRoot);

/// `ck_leaky_relu_forward` and `_backward` with AVX2, exactly as the scalar expressions.
int ck_leaky_relu_forward_avx2(long count, const float *x, float *y, float slope);
int ck_leaky_relu_backward_avx2(long count, const float *dy, const float *y, float *dx, float slope);

/// y = 1 / (1 + e^−x) and y = tanh x over `count` floats, through a polynomial e^x within 2 ulp
/// (not libm's: the result may differ from it in the last bits). Each returns 0 without AVX2.
int ck_sigmoid_forward(long count, const float *x, float *y);
int ck_tanh_forward(long count, const float *x, float *y);

/// 1 when the CPU runs AVX512-BF16 (vdpbf16ps) with AVX512-BW, else 0.
int ck_avx512_bf16_available(void);

/// The kernels bf16 products can run on (`ck_bf16_kernel`): none (no AVX512-BF16), vdpbf16ps
/// on vectors, AMX-BF16 tiles, or the tile kernel with each tile instruction emulated in C (for
/// testing its blocking where the CPU has no tiles; much slower). DEFAULT is the fastest available.
enum { CK_BF16_DEFAULT = -1, CK_BF16_NONE = 0, CK_BF16_VECTORS = 1, CK_BF16_TILES = 2, CK_BF16_EMULATED_TILES = 3 };

/// 1 when the CPU has AMX-BF16 tiles and Linux granted this process their state
/// (arch_prctl ARCH_REQ_XCOMP_PERM, asked once), else 0; also 0 with the environment's
/// GANBOOK_BF16_KERNEL=vectors (read once).
int ck_amx_bf16_available(void);

/// The errno with which Linux refused the tile state (e.g. ENOSPC: a thread's alternate signal
/// stack is too small for it), or 0 when it was granted or never asked for.
int ck_amx_refusal(void);

/// The kernel bf16 products run on now, process-wide: tiles where available, else vectors,
/// unless `ck_bf16_choose_kernel` chose another.
int ck_bf16_kernel(void);

/// Makes bf16 products run on `kernel` (CK_BF16_DEFAULT: the fastest available). Returns 0 and
/// changes nothing when this CPU cannot run it.
int ck_bf16_choose_kernel(int kernel);

/// `ck_sgemm` with the products in bf16 and the sums in fp32: both operands are rounded to bf16
/// (nearest even) as they are packed, the sums are stored exactly as `ck_sgemm` stores them.
/// Handles every shape and layout. Returns the kernel that ran (CK_BF16_VECTORS, _TILES or
/// _EMULATED_TILES), or 0, writing nothing, without AVX512-BF16.
int ck_sgemm_bf16(int transA, int transB, long m, long n, long k, float alpha,
                  const float *a, long lda, const float *b, long ldb,
                  float beta, float *c, long ldc, const float *bias);

/// `ck_sgemm_adam` in bf16 (any k, any layout). Returns the kernel that ran, or 0, writing nothing,
/// without AVX512-BF16.
int ck_sgemm_bf16_adam(int transA, int transB, long m, long n, long k,
                       const float *a, long lda, const float *b, long ldb, const ck_adam_update *update);

/// The products' register tile (8 rows × 48 columns of fp32 sums) on operands that stay in L1,
/// `repetitions` times: the arithmetic ceiling of one core for the product kernels. `bf16` uses
/// vdpbf16ps instead of fp32 multiply-adds. Writes the last repetition's 8 × 48 sums to `sums`
/// (every one 64 for fp32, 128 for bf16) and returns the FLOPs of one repetition, or 0 when the
/// CPU lacks AVX-512 (or AVX512-BF16 for `bf16`).
long ck_peak_tiles(long repetitions, int bf16, float *sums);

/// The AMX tiles' ceiling: four 16 × 16 tiles of fp32 sums, each step a tdpbf16ps on tiles that
/// stay loaded (every A pair 0.5, every B pair 1), `repetitions` times. Writes tile 0's last sums
/// (256 floats, every one 1024) to `sums` and returns the FLOPs of one repetition; 0 without
/// AMX-BF16 (`emulatedTiles`: the same on the C emulation, without AVX512-BF16).
long ck_peak_amx(long repetitions, int emulatedTiles, float *sums);

/// Winograd F(2×2, 2×2) transforms of the 4×4, stride-2, padding-1 convolution over batch-last
/// planes x[C][H][W][N] with H = 2·OH, W = 2·OW (see winograd.c). Its matrices are
/// [9][rows][T·N], T = ⌈OH/2⌉·⌈OW/2⌉ output tiles, each `ck_wino_matrix_stride(rows, T·N)` floats
/// after the one before (weights: [9][O][4C] without gaps); the input's rows are κ = 4c + 2p + q.
/// Each works on any CPU (AVX-512 where there is one); the ranges let threads split the work.
long ck_wino_matrix_stride(long rows, long length);
/// V[9][4C][T·N] ← x[C][H][W][N], channels [c0, c1).
void ck_wino_input(const float *x, long channels, long outHeight, long outWidth, long n, long c0, long c1,
                   float *v);
/// y[O][OH][OW][N] ← the tiles of m[9][O][T·N], rows [o0, o1).
void ck_wino_output(const float *m, long rows, long outHeight, long outWidth, long n, long o0, long o1, float *y);
/// dm[9][O][T·N] ← dy[O][OH][OW][N], rows [o0, o1): the adjoint of `ck_wino_output`.
void ck_wino_grid_gradient(const float *dy, long rows, long outHeight, long outWidth, long n, long o0, long o1,
                           float *dm);
/// dx[C][H][W][N] ← initial[c] (or 0) + the adjoint of `ck_wino_input` applied to dv[9][4C][T·N],
/// channels [c0, c1); each pixel sums its terms in a fixed order.
void ck_wino_plane_gradient(const float *dv, long channels, long outHeight, long outWidth, long n,
                            const float *initial, long c0, long c1, float *dx);
/// u[9][O][4C] ← w[O][C][4][4], matrices ξ ∈ [xi0, xi1).
void ck_wino_weights(const float *w, long rows, long channels, long xi0, long xi1, float *u);
/// dw[O][C][4][4] ← (the adjoint of `ck_wino_weights` applied to du[9][O][4C]) + beta·dw.
void ck_wino_weight_gradient(const float *du, long rows, long channels, float beta, float *dw);

#endif
