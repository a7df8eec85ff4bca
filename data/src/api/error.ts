import * as v from 'valibot';

/** Every error code the API returns, with its HTTP status: one list, mapped once. */
export const errorStatus = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  service_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export const ApiErrorSchema = v.object({
  error: v.object({
    code: v.picklist(Object.keys(errorStatus) as [ErrorCode, ...ErrorCode[]]),
    message: v.string(),
    details: v.optional(v.array(v.object({ path: v.string(), message: v.string() }))),
  }),
});

export type ApiError = v.InferOutput<typeof ApiErrorSchema>;
