// 502, 503 and 504 say a gateway could not reach what is behind it: for Zeebe, that a broker is
// down, still starting, or under backpressure. The cluster, not the API, failed; a retry may succeed.
const GATEWAY_UNAVAILABLE = new Set([502, 503, 504]);

/** Whether a status says the server behind the gateway was unavailable, not that the request was wrong. */
export function isGatewayUnavailable(status: number): boolean {
  return GATEWAY_UNAVAILABLE.has(status);
}
