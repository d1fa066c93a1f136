// The range of OpenAPI's `format: int64` (a signed 64-bit integer), which the spec gives backup ids.
export const INT64_MIN = -(2n ** 63n);
export const INT64_MAX = 2n ** 63n - 1n;
