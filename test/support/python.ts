/** The Python with numpy and scipy the tests use as a reference (never the product). */
export const PYTHON = process.env['REHEARSAL_PYTHON'] ?? 'python3';
